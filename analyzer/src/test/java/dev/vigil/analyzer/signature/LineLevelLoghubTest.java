package dev.vigil.analyzer.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.analyzer.signature.LoghubCorpus.Dataset;
import dev.vigil.shippers.filter.LineLevel;
import dev.vigil.shippers.filter.Levels;
import dev.vigil.shippers.syslog.SyslogEventMapper;
import dev.vigil.shippers.syslog.SyslogLineParser;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The level {@link LineLevel} reads from the raw lines of the Loghub-2k datasets that label each
 * line's level, scored against that label: "error or worse" (priority 0-3) as precision and recall,
 * and the exact level. LineLevel's rules were written from the loggers' formats while looking at the
 * tuning datasets only; the held-out ones were scored once the rules were set, and are reported apart.
 */
class LineLevelLoghubTest {
    private static final List<Dataset> TUNING = List.of(Dataset.APACHE, Dataset.HADOOP, Dataset.ZOOKEEPER);
    /** What app_error_signature matched before it read the priority, for comparison. */
    private static final Pattern CAPITALS = Pattern.compile("\\b(?:ERROR|CRITICAL|FATAL)\\b");
    private static final List<Dataset> HELD_OUT = List.of(Dataset.BGL, Dataset.HDFS, Dataset.SPARK);

    /** One dataset's score. */
    record Score(String dataset, int lines, int truePositives, int falsePositives, int falseNegatives, int exact,
            int capitalsCaught, int capitalsWrong) {
        double precision() {
            return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
        }

        double recall() {
            return truePositives + falseNegatives == 0 ? 1 : (double) truePositives / (truePositives + falseNegatives);
        }

        @Override
        public String toString() {
            int errors = truePositives + falseNegatives;
            return String.format("%-10s %5d lines  errors %4d  precision %.3f  recall %.3f  exact level %.3f"
                    + "  (ERROR|CRITICAL|FATAL regex: %d of them, %d others)", dataset, lines, errors, precision(), recall(),
                    (double) exact / lines, capitalsCaught, capitalsWrong);
        }
    }

    @Test
    void errorsAreReadFromTheLevelEveryLabelledDatasetGivesItsLines() throws IOException {
        LoghubCorpus corpus = LoghubCorpus.locate().orElse(null);
        assumeTrue(corpus != null, LoghubCorpus.MISSING);
        List<Score> tuning = scores(corpus, TUNING);
        List<Score> heldOut = scores(corpus, HELD_OUT);
        StringBuilder report = LoghubCorpus.leaveOutReport(
                "LineLevel against Loghub-2k's Level column (error or worse = priority 0-3):", tuning, heldOut);
        report.append("\n datasets without a level (lines given a level, an error level; no label to score):");
        for (Dataset d : List.of(Dataset.HEALTH_APP, Dataset.OPEN_SSH)) {
            List<Integer> read = corpus.rawLines(d).stream().map(LineLevel::of).toList();
            report.append(String.format("%n  %-10s %5d lines  with a level %4d  error %4d", d.dirName, read.size(),
                    read.stream().filter(l -> l != null).count(), read.stream().filter(l -> l != null && l <= 3).count()));
        }
        // OpenSSH's lines are syslog lines: the shipper and replay read them as such, and a level
        // only where sshd's message starts with one (its error: and fatal: lines)
        SyslogLineParser syslog = new SyslogLineParser(ZoneOffset.UTC);
        List<Integer> sshd = corpus.rawLines(Dataset.OPEN_SSH).stream()
                .map(l -> new SyslogEventMapper().toEvent(syslog.parse(l, Instant.EPOCH).orElseThrow(), null, "h").build().priority())
                .toList();
        report.append(String.format("%n  %-10s %5d lines  as syslog lines: with a level %4d  error %4d", "OpenSSH", sshd.size(),
                sshd.stream().filter(l -> l != null).count(), sshd.stream().filter(l -> l != null && l <= 3).count()));
        System.out.println(report);

        for (Score s : concat(tuning, heldOut)) {
            assertTrue(s.precision() >= 0.99, s.toString());
            assertTrue(s.recall() >= 0.99, s.toString());
            assertTrue(s.exact() >= 0.99 * s.lines(), s.toString());
        }
    }

    private static List<Score> scores(LoghubCorpus corpus, List<Dataset> datasets) throws IOException {
        List<Score> out = new ArrayList<>();
        for (Dataset d : datasets) {
            out.add(score(d.dirName, corpus.rawLines(d), corpus.levels(d)));
        }
        return out;
    }

    static Score score(String dataset, List<String> lines, List<String> labels) {
        assertEquals(labels.size(), lines.size(), dataset + ": a label per line");
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int exact = 0;
        int capitalsCaught = 0;
        int capitalsWrong = 0;
        for (int i = 0; i < lines.size(); i++) {
            int truth = Levels.parse(labels.get(i));
            Integer read = LineLevel.of(lines.get(i));
            boolean error = read != null && read <= 3;
            tp += error && truth <= 3 ? 1 : 0;
            fp += error && truth > 3 ? 1 : 0;
            fn += !error && truth <= 3 ? 1 : 0;
            exact += read != null && read == truth ? 1 : 0;
            boolean capitals = CAPITALS.matcher(lines.get(i)).find();
            capitalsCaught += capitals && truth <= 3 ? 1 : 0;
            capitalsWrong += capitals && truth > 3 ? 1 : 0;
        }
        return new Score(dataset, lines.size(), tp, fp, fn, exact, capitalsCaught, capitalsWrong);
    }

    private static List<Score> concat(List<Score> a, List<Score> b) {
        List<Score> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
