package dev.vigil.patterns.library;

import dev.vigil.patterns.lang.AstCodec;
import dev.vigil.patterns.lang.PatternFile;
import dev.vigil.patterns.lang.PatternParser;
import dev.vigil.patterns.lint.PatternLinter;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standard library as parsed when Vigil was built ({@value #RESOURCE} in the jar, written by
 * {@link #main} in the build), compiled to run without parsing it again: parsing the library
 * cold was a quarter of a replay's start-up CPU. A file is taken from there only when its text
 * is the text being loaded, so a library changed since (a class path without the build's
 * resource, an edited file) is parsed as before; the result is the same either way.
 */
public final class ParsedLibrary {
    /** Classpath resource of the parsed library. */
    static final String RESOURCE = PatternLoader.LIBRARY_DIR + "parsed.bin";

    private ParsedLibrary() {}

    /** Library file {@code path} with content {@code text} compiled to run, from its parsed form when the build made one. */
    static PatternLinter.Result compile(String path, String text) {
        PatternFile parsed = Built.FILES.get(path);
        return parsed != null && parsed.text().equals(text) ? PatternLinter.compile(parsed) : PatternLinter.compile(path, text);
    }

    /** The build's parsed files by path, read once, by whichever thread compiles the library first. */
    private static final class Built {
        private static final Logger LOG = LoggerFactory.getLogger(ParsedLibrary.class);
        static final Map<String, PatternFile> FILES = read();

        private static Map<String, PatternFile> read() {
            Map<String, PatternFile> files = new HashMap<>();
            try (InputStream in = ParsedLibrary.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    return files; // classes not built by Maven: the library is parsed
                }
                for (PatternFile f : AstCodec.read(new DataInputStream(new BufferedInputStream(in)))) {
                    files.put(f.path(), f);
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("parsed library unreadable, parsing the library instead resource={} reason={}", RESOURCE, e.toString());
                files.clear();
            }
            return files;
        }
    }

    /** The library's files that parse without a diagnostic, parsed, in index order. */
    static List<PatternFile> parseLibrary() {
        List<PatternFile> files = new ArrayList<>();
        PatternLoader.library().forEach((path, text) -> {
            PatternParser.Result parsed = PatternParser.parse(path, text);
            if (parsed.diagnostics().isEmpty()) {
                files.add(parsed.file()); // a file with any is left to be parsed at run time, and to report it
            }
        });
        return files;
    }

    /** Writes the parsed library to {@code out}. */
    static void write(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out));
        AstCodec.write(parseLibrary(), data);
        data.flush();
    }

    /** Build step: writes the parsed library to the file named by the one argument (the classes folder's {@value #RESOURCE}). */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ParsedLibrary OUTPUT_FILE");
        }
        Path target = Path.of(args[0]);
        Files.createDirectories(target.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(target)) {
            write(out);
        }
    }
}
