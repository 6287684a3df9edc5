package dev.vigil.shippers.syslog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The real syslog lines under {@code src/test/resources/syslog} (sources in its SOURCES file). */
final class SyslogFixtures {
    private SyslogFixtures() {}

    static List<String> lines(String name) {
        try {
            return Files.readAllLines(Path.of("src/test/resources/syslog", name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String line(String name) {
        return lines(name).get(0);
    }
}
