package dev.vigil.patterns.library;

import dev.vigil.patterns.compile.PatternSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Loads the standard library plus the user's pattern files, refusing a set with errors. */
public final class PatternFiles {
    /**
     * Header of a record on the pattern topic whose file is meant to replace the library file of
     * its name ({@code vigil patterns push --replace-library}); without it analyzers refuse such a file.
     */
    public static final String REPLACE_LIBRARY_HEADER = "vigil-replace-library";

    private PatternFiles() {}

    /**
     * The compiled set; a file of the same name as a library file replaces it.
     *
     * @throws IllegalArgumentException with every diagnostic rendered, when any is an error
     */
    public static PatternSet load(List<Path> userPaths) {
        PatternLoader.Result result = PatternLoader.load(userPaths);
        if (result.hasErrors()) {
            throw new IllegalArgumentException("pattern files have errors:\n" + result.render());
        }
        return result.patterns();
    }

    /**
     * The pattern files named by {@code paths}, path to text in path order: a file as given, a
     * folder for the {@code *.vigil} files under it.
     *
     * @throws IOException naming a path that does not exist or cannot be read
     */
    public static Map<Path, String> read(List<Path> paths) throws IOException {
        Map<Path, String> out = new TreeMap<>();
        for (Path p : paths) {
            for (Path f : files(p)) {
                out.put(f, readText(f));
            }
        }
        return out;
    }

    /** The text of the user's pattern files by file name (folders give their {@code *.vigil} files). */
    public static Map<String, String> readByName(List<Path> paths) {
        try {
            Map<String, String> out = new TreeMap<>();
            read(paths).forEach((path, text) -> out.put(path.getFileName().toString(), text));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read pattern files " + paths + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> files(Path p) throws IOException {
        if (!Files.exists(p)) {
            throw new IOException("no such file or folder: " + p);
        }
        return walk(p);
    }

    /**
     * The text of a pattern file, which must be UTF-8.
     *
     * @throws IOException saying where the first byte that is not UTF-8 is (a file saved in
     *     Latin-1 or UTF-16 by an editor), or why the file cannot be read
     */
    public static String readText(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new IOException(String.format(Locale.ROOT, "%s is not UTF-8 text: byte 0x%02X at line %d, column %d"
                    + " (save it as UTF-8)", file, bytes[at] & 0xff, line, at - lineStart + 1));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /**
     * The pattern files {@code path} names: itself when it is not a folder, else the
     * {@code *.vigil} files under it, recursively, in name order. The one folder walk of the
     * loader and of the reloader's command-line files.
     */
    static List<Path> walk(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(PatternLoader.EXTENSION) && Files.isRegularFile(p))
                    .sorted().toList();
        }
    }
}
