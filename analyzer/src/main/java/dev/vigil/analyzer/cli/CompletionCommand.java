package dev.vigil.analyzer.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vigil completion}: the bash/zsh completion script, generated from the commands themselves. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        header = "Print the bash/zsh completion script for vigil.",
        description = {"Load it in the current shell:  source <(vigil completion)",
            "or install it:  vigil completion > /etc/bash_completion.d/vigil"})
final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(AutoComplete.bash("vigil", spec.parent().commandLine()));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
