package dev.vigil.analyzer.cli;

import dev.vigil.broker.PortInUseException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vigil} command: the root that lists the subcommands. */
@Command(name = "vigil", mixinStandardHelpOptions = true, versionProvider = VigilVersion.class,
        header = "Vigil: catches crash loops, OOM kills, repeated errors and truncated logs in your hosts' logs.",
        subcommands = {RunCommand.class, ShipCommand.class, AnalyzeCommand.class, ReplayCommand.class, PatternsCommand.class,
            SignaturesCommand.class, TailCommand.class, DemoCommand.class,
            AlertmanagerCommand.class,
            WebhookCommand.class,
            CompletionCommand.class,
            CommandLine.HelpCommand.class})
public final class VigilCommand implements Runnable {
    @picocli.CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, as {@code main} runs it; tests call {@code execute} on it. */
    public static CommandLine commandLine() {
        return new CommandLine(new VigilCommand())
                .setExecutionExceptionHandler(VigilCommand::handleFailure);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A failure is one readable line and exit code 1, not a stack trace. */
    static int handleFailure(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        String message = e instanceof PortInUseException || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException ? e.getMessage() : e.toString();
        cmd.getErr().println("vigil: error: " + message);
        cmd.getErr().flush();
        return 1;
    }
}
