package dev.vigil.analyzer.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How incidents are printed on stdout, and Vigil's logging. */
final class OutputOptions {
    @Option(names = "--json", description = "Print incidents as JSON lines (the default when stdout is not a terminal).")
    boolean json;

    @Mixin
    LogOptions logging;

    /** JSON when asked for or when nobody is reading a terminal. */
    boolean printJson(boolean stdoutIsTerminal) {
        return json || !stdoutIsTerminal;
    }

    void applyLogLevels() {
        logging.apply();
    }
}
