package dev.vigil.analyzer.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;

/**
 * Vigil's logging, set up in code when logback starts (registered as a logback
 * {@link Configurator} service): logs go to stderr, since stdout carries the incidents for people
 * and pipes; Vigil logs at INFO; the embedded broker and the Kafka clients stay quiet unless
 * verbose logging is asked for ({@link LogLevels}). Reading the same from a logback.xml parsed
 * XML at every start, which cost a third of a second of CPU and 560 classes: much of a shipper's
 * start. A file named by {@code -Dlogback.configurationFile}, or a {@code logback-test.xml} on the
 * class path, still wins.
 */
public final class LoggingSetup extends ContextAwareBase implements Configurator {
    /** Dated, so a line copied out of a terminal or a file still says when it happened. */
    static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger{0} - %msg%n";
    /** Levels below the root's WARN: why each logger is set the way it is. */
    static final Map<String, Level> LEVELS = Map.of(
            "dev.vigil", Level.INFO,
            "org.apache.kafka", Level.WARN,
            "kafka", Level.WARN,
            "state.change.logger", Level.WARN,
            // routine KRaft start-up/shutdown chatter that Kafka logs at WARN
            "org.apache.kafka.controller.QuorumController", Level.ERROR,
            "org.apache.kafka.clients.NetworkClient", Level.ERROR,
            // replay and pattern tests keep their short-lived state in a temp folder on purpose
            "org.apache.kafka.streams.processor.internals.StateDirectory", Level.ERROR);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LoggingSetup.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Switches the stderr appender to one JSON object per line ({@code --log-format json}). */
    static void useJson(LoggerContext context) {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        if (!(root.getAppender("STDERR") instanceof ConsoleAppender<ILoggingEvent> stderr)) {
            return; // a logback file configures logging: it decides the format
        }
        JsonLogEncoder json = new JsonLogEncoder();
        json.setContext(context);
        json.start();
        stderr.stop();
        stderr.setEncoder(json);
        stderr.start();
    }

    /** Sets up {@code context}: one stderr appender on the root logger, and the levels. */
    static void apply(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }
}
