package dev.vigil.analyzer.cli;

import picocli.CommandLine.Option;

/** How much Vigil logs, for commands that print no incidents. */
final class LogOptions {
    @Option(names = {"-v", "--verbose"}, description = "Log Vigil at DEBUG and Kafka at INFO.")
    boolean verbose;

    void apply() {
        if (verbose) {
            LogLevels.verbose();
        }
    }
}
