package dev.vigil.shippers;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Writes numbered log lines ({@code line-000042}) for tests that count what arrived. */
final class NumberedLines {
    private NumberedLines() {}

    /** The text of line {@code i}. */
    static String line(int i) {
        return String.format("line-%06d", i);
    }

    /** Appends lines {@code from} (inclusive) to {@code to} (exclusive) to {@code file}, creating it. */
    static void append(Path file, int from, int to) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            for (int i = from; i < to; i++) {
                w.write(line(i));
                w.write('\n');
            }
        }
    }
}
