package dev.vigil.analyzer.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.analyzer.signature.LoghubCorpus.Dataset;
import dev.vigil.shippers.file.LineTimestampParser;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The stamp {@link LineTimestampParser} reads from every raw line of the Loghub-2k datasets,
 * scored against the date and time the dataset's structured CSV gives the line: the share of lines
 * given a stamp, and the share whose stamp is that time to the second (month, day and time only
 * for a log that writes no year). The parser is built as its callers build it for a file, from the
 * file's head. Its rules were written for classes of stamp while scoring the tuning datasets;
 * the held-out ones are reported apart.
 */
class LoghubStampsTest {
    private static final List<Dataset> TUNING = List.of(Dataset.APACHE, Dataset.HADOOP, Dataset.ZOOKEEPER,
            Dataset.OPEN_SSH);
    private static final List<Dataset> HELD_OUT = List.of(Dataset.BGL, Dataset.HDFS, Dataset.HEALTH_APP, Dataset.SPARK);
    /** The clock the year of a stamp without one is taken from. */
    private static final Instant NOW = Instant.parse("2026-12-31T00:00:00Z");
    /** Lines of a file's head its date order is read from, as replay reads a head. */
    private static final int HEAD = 1_000;

    /** One dataset's score. */
    record Score(String dataset, int lines, int read, int correct, boolean withYear, String firstWrong) {
        @Override
        public String toString() {
            return String.format("%-10s %5d lines  read %.3f  correct %.3f  (%s)%s", dataset, lines,
                    (double) read / lines, (double) correct / lines, withYear ? "to the second" : "no year: month-day-time",
                    firstWrong == null ? "" : "  first wrong: " + firstWrong);
        }
    }

    /** The time a dataset's CSV gives a line, and whether it has a year. */
    private record Truth(Function<LoghubCorpus, List<LocalDateTime>> times, boolean withYear) {}

    @Test
    void stampsAreReadFromEveryLineOfTheLoghubDatasets() throws IOException {
        LoghubCorpus corpus = LoghubCorpus.locate().orElse(null);
        assumeTrue(corpus != null, LoghubCorpus.MISSING);
        List<Score> tuning = scores(corpus, TUNING);
        List<Score> heldOut = scores(corpus, HELD_OUT);
        StringBuilder report = LoghubCorpus.leaveOutReport(
                "LineTimestampParser against Loghub-2k's Date/Time columns:", tuning, heldOut);
        System.out.println(report);

        for (Score s : tuning) {
            assertTrue(s.correct() >= 0.99 * s.lines(), s.toString());
        }
        for (Score s : heldOut) {
            assertTrue(s.correct() >= 0.99 * s.lines(), s.toString());
        }
    }

    private static List<Score> scores(LoghubCorpus corpus, List<Dataset> datasets) throws IOException {
        List<Score> out = new ArrayList<>();
        for (Dataset d : datasets) {
            out.add(score(d, corpus.rawLines(d), truth(d).times().apply(corpus), truth(d).withYear()));
        }
        return out;
    }

    private static Score score(Dataset d, List<String> lines, List<LocalDateTime> truth, boolean withYear) {
        assertEquals(truth.size(), lines.size(), d.dirName + ": a time per line");
        LineTimestampParser parser = LineTimestampParser.forHead(ZoneOffset.UTC, lines.subList(0, Math.min(HEAD, lines.size())));
        int read = 0;
        int correct = 0;
        String firstWrong = null;
        for (int i = 0; i < lines.size(); i++) {
            Optional<Instant> stamp = parser.parse(lines.get(i), NOW);
            read += stamp.isPresent() ? 1 : 0;
            LocalDateTime at = stamp.map(s -> LocalDateTime.ofInstant(s, ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS))
                    .orElse(null);
            LocalDateTime expected = truth.get(i).truncatedTo(ChronoUnit.SECONDS);
            boolean same = at != null && (withYear ? at.equals(expected) : at.withYear(2000).equals(expected.withYear(2000)));
            correct += same ? 1 : 0;
            if (!same && firstWrong == null) {
                firstWrong = "\"" + lines.get(i) + "\" -> " + at + " (expected " + expected + ")";
            }
        }
        return new Score(d.dirName, lines.size(), read, correct, withYear, firstWrong);
    }

    /** How each dataset's CSV writes a line's time (the log parser benchmark's columns). */
    private static Truth truth(Dataset d) {
        return switch (d) {
            case APACHE -> new Truth(c -> times(c, d, "EEE MMM dd HH:mm:ss yyyy", false, "Time"), true);
            case BGL -> new Truth(c -> times(c, d, "yyyy-MM-dd-HH.mm.ss", true, "Time"), true);
            // the CSV lost the leading zeros of yyMMdd and HHmmss
            case HDFS -> new Truth(c -> padded(c, d), true);
            case HADOOP, ZOOKEEPER -> new Truth(c -> times(c, d, "yyyy-MM-dd HH:mm:ss", true, "Date", "Time"), true);
            // HealthApp writes its fields without their leading zeros
            case HEALTH_APP -> new Truth(c -> times(c, d, "yyyyMMdd-H:m:s", true, "Time"), true);
            case OPEN_SSH -> new Truth(c -> times(c, d, "yyyy MMM d HH:mm:ss", false, "2000", "Date", "Day", "Time"), false);
            case SPARK -> new Truth(c -> times(c, d, "yy/MM/dd HH:mm:ss", false, "Date", "Time"), true);
        };
    }

    /**
     * The time of each line: the named columns (or a literal, when not a column) joined by spaces,
     * less the fraction of a second after its last {@code .}, {@code ,} or {@code :} when {@code fraction}.
     */
    private static List<LocalDateTime> times(LoghubCorpus corpus, Dataset d, String pattern, boolean fraction,
            String... columns) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
        List<List<String>> values = new ArrayList<>();
        for (String column : columns) {
            values.add(column.matches("\\d+") ? null : column(corpus, d, column));
        }
        int n = values.stream().filter(v -> v != null).findFirst().orElseThrow().size();
        List<LocalDateTime> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<String> parts = new ArrayList<>();
            for (int c = 0; c < columns.length; c++) {
                parts.add(values.get(c) == null ? columns[c] : values.get(c).get(i));
            }
            String time = String.join(" ", parts);
            out.add(LocalDateTime.parse(fraction ? time.substring(0, Math.max(time.lastIndexOf('.'), Math.max(
                    time.lastIndexOf(','), time.lastIndexOf(':')))) : time, format));
        }
        return out;
    }

    private static List<LocalDateTime> padded(LoghubCorpus corpus, Dataset d) {
        List<String> dates = column(corpus, d, "Date");
        List<String> times = column(corpus, d, "Time");
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyMMdd HHmmss", Locale.ROOT);
        List<LocalDateTime> out = new ArrayList<>(dates.size());
        for (int i = 0; i < dates.size(); i++) {
            out.add(LocalDateTime.parse(pad(dates.get(i)) + " " + pad(times.get(i)), format));
        }
        return out;
    }

    private static String pad(String digits) {
        return "0".repeat(6 - digits.length()) + digits;
    }

    private static List<String> column(LoghubCorpus corpus, Dataset d, String name) {
        try {
            return corpus.column(d, name);
        } catch (IOException e) {
            throw new IllegalStateException(d.dirName + ": " + e.getMessage(), e);
        }
    }
}
