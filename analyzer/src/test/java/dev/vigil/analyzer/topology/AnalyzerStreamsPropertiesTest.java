package dev.vigil.analyzer.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.vigil.patterns.library.PatternFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class AnalyzerStreamsPropertiesTest {
    @TempDir
    Path stateDir;

    @Test
    void shouldStartKafkaStreamsWithoutAWarningAboutItsOwnSettings() {
        // every `vigil run` printed a StreamsConfig WARN: the assignor re-reads the settings from the
        // consumer's, where the global exception-handler opt-in was missing
        Logger streamsLog = (Logger) LoggerFactory.getLogger("org.apache.kafka.streams");
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        warnings.start();
        Level level = streamsLog.getLevel();
        streamsLog.setLevel(Level.INFO); // the build's logging config may keep Kafka at WARN
        streamsLog.addAppender(warnings);
        try {
            AnalyzerConfig config = AnalyzerConfig.defaults("127.0.0.1:9", stateDir);
            KafkaStreams streams = new KafkaStreams(
                    AnalyzerTopology.build(config, () -> PatternFiles.load(List.of()), new AtomicLong()),
                    Analyzer.streamsProperties(config));
            streams.close();
        } finally {
            streamsLog.detachAppender(warnings);
            streamsLog.setLevel(level);
        }

        // a state folder under /tmp (a test's, or a checkout's there) is warned about rightly: not a setting
        List<String> warned = warnings.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage)
                .filter(m -> !m.startsWith("Using an OS temp directory in the state.dir property")).toList();
        assertTrue(warnings.list.size() > 0, "Kafka Streams logged nothing: the appender is not attached");
        assertEquals(List.of(), warned);
    }

    @Test
    void shouldCommitEvery100MillisecondsUnlessTheClientPropertiesSayOtherwise() {
        AnalyzerConfig config = AnalyzerConfig.defaults("127.0.0.1:9", stateDir);

        assertEquals(100, Analyzer.streamsProperties(config).get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG));
        assertEquals("300", Analyzer.streamsProperties(config.withClientProperties(
                java.util.Map.of(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "300"))).get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG));
        // exactly-once is the analyzer's to set, not a tuning default
        assertEquals(StreamsConfig.EXACTLY_ONCE_V2, Analyzer.streamsProperties(config.withClientProperties(
                java.util.Map.of(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE)))
                .get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
    }
}
