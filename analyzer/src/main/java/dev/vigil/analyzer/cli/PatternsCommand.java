package dev.vigil.analyzer.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vigil patterns}: check, test and publish pattern files. */
@Command(name = "patterns", mixinStandardHelpOptions = true,
        header = "Check, test, publish and withdraw pattern files (lint, test, push, withdraw).",
        subcommands = {PatternsLintCommand.class, PatternsTestCommand.class, PatternsPushCommand.class,
                PatternsWithdrawCommand.class})
final class PatternsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
