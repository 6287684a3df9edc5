package dev.vigil.shippers.filter;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A shell glob over a name such as a systemd unit ({@code nginx*.service}, {@code user@?.service}):
 * {@code *} any run of characters, {@code ?} one character, everything else literal. A name has
 * no folders, so {@code *} also crosses {@code /} (journalctl's own {@code -u} globs do the same).
 */
public record NameGlob(String glob) {
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    public NameGlob {
        Objects.requireNonNull(glob, "glob");
        if (glob.isBlank()) throw new IllegalArgumentException("empty glob");
    }

    /** True when {@code name} matches the glob; a null name matches nothing. */
    public boolean matches(String name) {
        return name != null && pattern().matcher(name).matches();
    }

    private Pattern pattern() {
        return COMPILED.computeIfAbsent(glob, NameGlob::compile);
    }

    private static Pattern compile(String glob) {
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                re.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
                re.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        return Pattern.compile(re.append(Pattern.quote(literal.toString())).toString());
    }

    @Override
    public String toString() {
        return glob;
    }
}
