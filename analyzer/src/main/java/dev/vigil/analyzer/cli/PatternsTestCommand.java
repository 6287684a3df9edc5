package dev.vigil.analyzer.cli;

import dev.vigil.patterns.library.PatternLoader;
import dev.vigil.patterns.library.PatternFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil patterns test}: runs the tests beside patterns through the analyzer's own topology. */
@Command(name = "test", mixinStandardHelpOptions = true,
        header = "Run the tests beside patterns through the analyzer's topology; PASS/FAIL per test with what came out.",
        footer = "Exit code: 0 all pass, 1 a test failed or a file has errors, 2 a file could not be read.")
final class PatternsTestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Pattern files or folders; none: the standard library.")
    List<Path> paths = List.of();

    @Option(names = "--library", description = "Also run the standard library's tests when PATHs are given.")
    boolean library;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> sources = new LinkedHashMap<>();
        try {
            PatternFiles.read(paths).forEach((p, text) -> sources.put(p.toString(), text));
        } catch (IOException e) {
            err.println("vigil: error: " + e.getMessage());
            return 2;
        }
        PatternLoader.Result loaded = paths.isEmpty() ? PatternLoader.loadLibrary()
                : library ? PatternLoader.withLibraryTested(sources) : PatternLoader.fromSources(sources);
        if (loaded.hasErrors()) {
            out.print(loaded.render());
            out.flush();
            return 1;
        }
        return PatternTests.run(loaded.patterns(), out) > 0 ? 1 : 0;
    }
}
