package dev.vigil.analyzer.cli;

import picocli.CommandLine.Option;

/** How incidents are printed and how much Vigil logs. */
final class OutputOptions {
    @Option(names = "--json", description = "Print incidents as JSON lines (the default when stdout is not a terminal).")
    boolean json;

    @Option(names = {"-v", "--verbose"}, description = "Log Vigil at DEBUG and Kafka at INFO.")
    boolean verbose;

    /** JSON when asked for or when nobody is reading a terminal. */
    boolean printJson(boolean stdoutIsTerminal) {
        return json || !stdoutIsTerminal;
    }

    void applyLogLevels() {
        if (verbose) {
            LogLevels.verbose();
        }
    }
}
