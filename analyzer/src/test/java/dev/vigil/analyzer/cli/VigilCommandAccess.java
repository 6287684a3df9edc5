package dev.vigil.analyzer.cli;

/** Lets tests outside the cli package check that a command line parses, as Vigil would read it. */
public final class VigilCommandAccess {
    private VigilCommandAccess() {}

    /** Parses {@code args} with Vigil's command line; throws picocli's exception on an unknown command or option. */
    public static void parse(String... args) {
        VigilCommand.commandLine().parseArgs(args);
    }
}
