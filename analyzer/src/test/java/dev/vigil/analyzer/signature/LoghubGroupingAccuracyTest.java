package dev.vigil.analyzer.signature;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Grouping Accuracy of the miner, default configuration, on the eight Loghub-2k samples with
 * each dataset's header stripped by its {@link LogFormat}. Skipped when the samples are absent.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LoghubGroupingAccuracyTest {

    /** A little under the 0.9909 average the default configuration reaches. */
    private static final double AVERAGE_FLOOR = 0.985;

    @Test
    void shouldKeepAverageGroupingAccuracyAboveTheFloor() throws IOException {
        LoghubCorpus corpus = LoghubCorpus.locate().orElse(null);
        assumeTrue(corpus != null, LoghubCorpus.MISSING);
        double sum = 0;
        StringBuilder report = new StringBuilder("Grouping Accuracy on Loghub-2k\n");
        for (LoghubCorpus.Dataset d : LoghubCorpus.Dataset.values()) {
            double ga = GroupingAccuracy.of(corpus.truthTemplates(d), predictedIds(corpus.rawLines(d), d.format));
            sum += ga;
            report.append(String.format(Locale.ROOT, "  %-10s %.4f%n", d.dirName, ga));
        }
        double average = sum / LoghubCorpus.Dataset.values().length;
        report.append(String.format(Locale.ROOT, "  %-10s %.4f%n", "average", average));
        System.out.print(report);
        assertTrue(average >= AVERAGE_FLOOR, report + "average fell below the floor " + AVERAGE_FLOOR);
    }

    @Test
    void shouldKeepAverageGroupingAccuracyOnMessagesAsGivenAboveTheFloor() throws IOException {
        // what vigil signatures --raw --lines does with each sample's message column
        LoghubCorpus corpus = LoghubCorpus.locate().orElse(null);
        assumeTrue(corpus != null, LoghubCorpus.MISSING);
        LeaveOutEval eval = new LeaveOutEval(corpus);
        double sum = 0;
        StringBuilder report = new StringBuilder("Grouping Accuracy on Loghub-2k messages as given\n");
        for (LoghubCorpus.Dataset d : LoghubCorpus.Dataset.values()) {
            double ga = eval.ga(MinerConfig.defaults(), d);
            sum += ga;
            report.append(String.format(Locale.ROOT, "  %-10s %.4f%n", d.dirName, ga));
        }
        double average = sum / LoghubCorpus.Dataset.values().length;
        System.out.print(report);
        assertTrue(average >= AVERAGE_FLOOR, report + "average fell below the floor " + AVERAGE_FLOOR);
    }

    /** Each line's signature id, followed through aliases once the whole sample is mined. */
    private static List<String> predictedIds(List<String> lines, LogFormat format) {
        TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());
        List<String> ids = new ArrayList<>(lines.size());
        for (String line : lines) {
            String content = format.content(line);
            ids.add(miner.add(content == null ? line : content).id());
        }
        List<String> current = new ArrayList<>(ids.size());
        for (String id : ids) {
            current.add(miner.currentId(id));
        }
        return current;
    }
}
