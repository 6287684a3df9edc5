package dev.vigil.analyzer.cli;

import dev.vigil.broker.VigilTopics;
import dev.vigil.patterns.library.PatternLoader;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil patterns withdraw}: takes published pattern files back (a tombstone per file name). */
@Command(name = "withdraw", mixinStandardHelpOptions = true,
        header = "Withdraw pattern files published with push; running analyzers drop them without a restart.",
        footer = "A withdrawn file named like a library file (kernel.vigil, …) brings the built-in file back.")
final class PatternsWithdrawCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Parameters(paramLabel = "NAME", arity = "1..*", description = "File names as published, e.g. disk.vigil.")
    List<String> names;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, byte[]> tombstones = new LinkedHashMap<>();
        for (String name : names) {
            if (!name.endsWith(".vigil") || name.contains("/") || name.contains("\\")) {
                err.println("vigil: error: '" + name + "' is not a published file name: push publishes each file "
                        + "under its name without folders, e.g. disk.vigil; nothing was withdrawn");
                return 2;
            }
            tombstones.put(name, null);
        }
        PatternsPushCommand.send(kafka, tombstones);
        out.println("withdrew " + names.size() + " file(s) from " + VigilTopics.PATTERNS + ": " + String.join(", ", names));
        Set<String> library = Set.copyOf(PatternLoader.libraryFileNames());
        names.stream().filter(library::contains)
                .forEach(n -> out.println("  " + n + ": the analyzers run the built-in " + n + " again"));
        out.flush();
        return 0;
    }
}
