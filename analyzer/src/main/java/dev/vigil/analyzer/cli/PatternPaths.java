package dev.vigil.analyzer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import java.util.stream.Stream;

/** The pattern files named on a command line: files as given, folders for their {@code *.vigil} files. */
final class PatternPaths {
    private PatternPaths() {}

    /** File path to text, in path order. */
    static Map<Path, String> read(List<Path> paths) throws IOException {
        Map<Path, String> out = new TreeMap<>();
        for (Path p : paths) {
            for (Path f : files(p)) {
                out.put(f, Files.readString(f));
            }
        }
        return out;
    }

    private static List<Path> files(Path p) throws IOException {
        if (!Files.exists(p)) {
            throw new IOException("no such file or folder: " + p);
        }
        if (!Files.isDirectory(p)) {
            return List.of(p);
        }
        try (Stream<Path> s = Files.walk(p)) {
            return new ArrayList<>(s.filter(f -> f.toString().endsWith(".vigil") && Files.isRegularFile(f)).sorted().toList());
        }
    }
}
