package dev.vigil.analyzer.cli;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** How much Vigil logs to stderr, and in which form. */
final class LogOptions {
    /** The forms of Vigil's log lines. */
    enum LogFormat { text, json }

    @Option(names = {"-v", "--verbose"}, description = "Log Vigil at DEBUG and Kafka at INFO.")
    boolean verbose;

    @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Log lines as dated text, or one JSON object per line for log collectors: ${COMPLETION-CANDIDATES} "
                    + "(default: ${DEFAULT-VALUE}).")
    LogFormat format = LogFormat.text;

    void apply() {
        if (verbose) {
            LogLevels.verbose();
        }
        if (format == LogFormat.json && LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            LoggingSetup.useJson(context);
        }
    }
}
