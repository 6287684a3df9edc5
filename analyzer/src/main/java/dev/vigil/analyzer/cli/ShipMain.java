package dev.vigil.analyzer.cli;

import picocli.CommandLine;

/**
 * {@code vigil ship} started on its own ({@code ./vigil} does so): the same command as under
 * {@link VigilCommand}, without building the command model of every other subcommand, which a
 * shipper on every host would pay for in start-up CPU and loaded classes.
 */
public final class ShipMain {
    private ShipMain() {}

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The {@code ship} command line as {@code main} runs it. */
    static CommandLine commandLine() {
        return new CommandLine(new ShipCommand())
                .setCommandName("vigil ship")
                .setExecutionExceptionHandler(VigilCommand::handleFailure);
    }
}
