package dev.vigil.analyzer.cli;

import dev.vigil.patterns.lang.Diagnostic;
import dev.vigil.patterns.lint.PatternLinter;
import dev.vigil.patterns.library.PatternFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil patterns lint}: every problem of pattern files, compiler style. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        header = "Check pattern files: every problem as file:line:col with the line, a caret and what to do.",
        footer = "Exit code: 0 no errors (warnings allowed), 1 errors, 2 a file could not be read.")
final class PatternsLintCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Pattern files or folders of *.vigil files.")
    List<Path> paths;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<Path, String> files;
        try {
            files = PatternFiles.read(paths);
        } catch (IOException e) {
            err.println("vigil: error: " + e.getMessage());
            return 2;
        }
        int errors = 0;
        int warnings = 0;
        for (Map.Entry<Path, String> f : files.entrySet()) {
            PatternLinter.Result r = PatternLinter.lint(f.getKey().toString(), f.getValue());
            out.print(r.render());
            errors += (int) r.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).count();
            warnings += (int) r.diagnostics().stream().filter(d -> d.severity() != Diagnostic.Severity.ERROR).count();
        }
        out.printf("%d file(s), %d error(s), %d warning(s)%n", files.size(), errors, warnings);
        out.flush();
        return errors > 0 ? 1 : 0;
    }
}
