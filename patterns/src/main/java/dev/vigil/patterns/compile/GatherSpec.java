package dev.vigil.patterns.compile;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code gather NAME where … within T under "…"}: the incident also names the distinct values of
 * the capture {@code name} from the lines of its host that match {@code filter} within
 * {@code within} before or after its first line (e.g. the slices that report one OOM kill with
 * their unit). With {@code under}, a value is kept only when it is the name the template renders
 * from the incident's values, or an ancestor of it in a dash-separated hierarchy of names
 * ({@code a.slice} holds {@code a-b.slice}, which holds {@code a-b-c.slice}); when the template
 * cannot be rendered (a value is missing), every value in the window is kept.
 */
public record GatherSpec(String name, Step filter, Duration within, Optional<Template> under) {
    /** Lines kept per host: enough for one event's lines, bounded whatever the host writes. */
    public static final int MAX_LINES = 32;

    public GatherSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(within, "within");
        Objects.requireNonNull(under, "under");
    }

    /** True when {@code value} is {@code name} or an ancestor of it: {@code a.x} of {@code a-b.x}, of {@code a-b-c.x}. */
    public static boolean isAncestorOrSelf(String value, String name) {
        if (value.equals(name)) {
            return true;
        }
        String stem = stem(value);
        String of = stem(name);
        return of.length() > stem.length() && of.startsWith(stem) && of.charAt(stem.length()) == '-'
                && suffix(value).equals(suffix(name));
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static String suffix(String name) {
        return name.substring(stem(name).length());
    }
}
