package dev.vigil.analyzer.cli;

import dev.vigil.broker.PortInUseException;
import dev.vigil.patterns.library.LibraryPreload;
import java.util.Arrays;
import java.util.Set;
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
        if (loadsPatterns(args)) {
            LibraryPreload.start();
        }
        CommandLine alone = args.length == 0 ? null : alone(args[0]);
        System.exit(alone == null ? commandLine().execute(args) : alone.execute(Arrays.copyOfRange(args, 1, args.length)));
    }

    /** Whether the command first loads the pattern library to run it (not only to print its help). */
    static boolean loadsPatterns(String... args) {
        return args.length > 0 && Set.of("replay", "analyze", "run").contains(args[0])
                && Arrays.stream(args).noneMatch(Set.of("-h", "--help", "-V", "--version")::contains);
    }

    /**
     * The command line of subcommand {@code name} built alone, as {@code main} runs it when the
     * arguments start with that name: the same command, help and errors as under the root, without
     * building the model of every other subcommand (a third of a short replay's start-up CPU).
     * {@code null} for {@code help} and {@code completion}, which read the whole tree.
     */
    static CommandLine alone(String name) {
        Object command = switch (name) {
            case "run" -> new RunCommand();
            case "ship" -> new ShipCommand();
            case "analyze" -> new AnalyzeCommand();
            case "replay" -> new ReplayCommand();
            case "patterns" -> new PatternsCommand();
            case "signatures" -> new SignaturesCommand();
            case "tail" -> new TailCommand();
            case "demo" -> new DemoCommand();
            case "alertmanager" -> new AlertmanagerCommand();
            case "webhook" -> new WebhookCommand();
            default -> null;
        };
        return command == null ? null : new CommandLine(command).setCommandName("vigil " + name)
                .setExecutionExceptionHandler(VigilCommand::handleFailure);
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
