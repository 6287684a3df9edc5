package dev.vigil.patterns.library;

import dev.vigil.patterns.compile.PatternSet;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pattern files published to the pattern topic, by file name, and the set they compile to
 * with the library. Each published file is compiled on its own first: one that has errors, or
 * whose compilation throws anything at all, is reported and left out, so it cannot block the
 * files published after it, nor the reloader. A file withdrawn (an empty value) is dropped: the
 * file of that name given on the command line, else the library's, runs again. A file named like a
 * library file replaces it only when published deliberately ({@code vigil patterns push
 * --replace-library}); otherwise it is refused with a WARN and the built-in file keeps running, so
 * a client that may write the topic cannot silently turn a detection off.
 */
public final class PublishedFiles {
    private static final Logger log = LoggerFactory.getLogger(PublishedFiles.class);

    private final Function<Map<String, String>, PatternLoader.Result> loader;
    private final Map<String, String> localFiles;
    private final Map<String, String> files;
    private final Set<String> libraryNames = Set.copyOf(PatternLoader.libraryFileNames());
    private final AtomicLong libraryReplacements = new AtomicLong();
    private final AtomicLong libraryRefusals = new AtomicLong();

    /**
     * @param loader compiles the library with the given files (normally {@link PatternLoader#withLibrary(Map)})
     * @param localFiles the pattern files given on the command line, by file name: published files
     *     of the same name replace them
     */
    public PublishedFiles(Function<Map<String, String>, PatternLoader.Result> loader, Map<String, String> localFiles) {
        this.loader = loader;
        this.localFiles = Map.copyOf(localFiles);
        this.files = new TreeMap<>(localFiles);
    }

    /** Records one published file that does not claim to replace a library file; see {@link #put(String, byte[], boolean)}. */
    boolean put(String name, byte[] text) {
        return put(name, text, false, name);
    }

    /**
     * Records one published file ({@code text} null or empty: withdrawn); true when the files changed.
     *
     * @param replaceLibrary the publisher asked to replace the library file of that name
     * @param record where the file was published (topic, partition, offset), for the log
     */
    public boolean put(String name, byte[] text, boolean replaceLibrary, String record) {
        boolean published = text != null && text.length > 0;
        if (published && libraryNames.contains(name)) {
            if (!replaceLibrary) {
                libraryRefusals.incrementAndGet();
                log.warn("Refused published file named like a library file, published without --replace-library; "
                        + "the running file stays file={} record={}", name, record);
                return false;
            }
            libraryReplacements.incrementAndGet();
            log.warn("Published file replaces the library file of that name file={} record={}", name, record);
        }
        // withdrawn, the file given on the command line under that name (if any) is back
        String value = text == null || text.length == 0 ? localFiles.get(name) : new String(text, StandardCharsets.UTF_8);
        String before = value == null ? files.remove(name) : files.put(name, value);
        return !Objects.equals(value, before);
    }

    /**
     * The set of the library and every usable file; empty when even that set has errors (two
     * files defining one pattern), so the running set stays.
     */
    public Optional<PatternSet> compile() {
        Map<String, String> usable = new TreeMap<>();
        files.forEach((name, text) -> {
            Compiled alone = compiled(Map.of(name, text));
            if (alone.problems() == null) {
                usable.put(name, text);
            } else {
                log.error("Skipped pattern file; the other files load file={} problems=\n{}", name, alone.problems());
            }
        });
        Compiled all = compiled(usable);
        if (all.problems() != null) {
            log.error("Refused pattern set; the running patterns stay files={} problems=\n{}", usable.keySet(), all.problems());
            return Optional.empty();
        }
        log.info("Reloaded patterns count={} files={} skipped={}", all.set().size(), usable.keySet(),
                files.keySet().stream().filter(f -> !usable.containsKey(f)).toList());
        return Optional.of(all.set());
    }

    /** Published files that replaced a library file, published with the replace flag. */
    long libraryReplacements() {
        return libraryReplacements.get();
    }

    /** Published files named like a library file and refused for lack of the replace flag. */
    long libraryRefusals() {
        return libraryRefusals.get();
    }

    /** A compiled set, or the rendered errors (or the Throwable) that kept it from compiling. */
    private record Compiled(PatternSet set, String problems) {}

    private Compiled compiled(Map<String, String> some) {
        try {
            PatternLoader.Result result = loader.apply(some);
            return result.hasErrors() ? new Compiled(null, result.render()) : new Compiled(result.patterns(), null);
        } catch (Throwable e) { // NOPMD: whatever one file does to the compiler, the reloader must live on
            return new Compiled(null, "compiling failed: " + e);
        }
    }
}
