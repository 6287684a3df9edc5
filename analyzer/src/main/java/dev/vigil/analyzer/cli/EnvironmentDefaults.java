package dev.vigil.analyzer.cli;

import java.util.Locale;
import java.util.function.UnaryOperator;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option values from the environment: {@code --bootstrap-servers} is read from
 * {@code VIGIL_BOOTSTRAP_SERVERS} when the flag is not given. A flag on the command line wins over
 * the environment, and the environment over a config file.
 */
final class EnvironmentDefaults implements IDefaultValueProvider {
    private final UnaryOperator<String> environment;

    EnvironmentDefaults() {
        this(System::getenv);
    }

    EnvironmentDefaults(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /** {@code VIGIL_BOOTSTRAP_SERVERS} for {@code --bootstrap-servers}. */
    static String variableOf(OptionSpec option) {
        return "VIGIL_" + option.longestName().replaceFirst("^-+", "").replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /** The variable's value when set and not blank. */
    String valueOf(OptionSpec option) {
        String v = environment.apply(variableOf(option));
        return v == null || v.isBlank() ? null : v;
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        return argSpec instanceof OptionSpec option && !option.usageHelp() && !option.versionHelp() ? valueOf(option) : null;
    }
}
