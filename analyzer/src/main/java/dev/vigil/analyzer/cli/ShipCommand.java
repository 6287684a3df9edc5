package dev.vigil.analyzer.cli;

import dev.vigil.broker.VigilPrincipal;
import dev.vigil.shippers.ConfigFileException;
import dev.vigil.shippers.Shipper;
import dev.vigil.shippers.ShipperConfig;
import dev.vigil.shippers.ShipperConfigFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil ship}: the shipper alone, one per host. */
@Command(name = "ship", mixinStandardHelpOptions = true, defaultValueProvider = EnvironmentDefaults.class,
        header = "Ship this host's journal, kernel messages and log files to Kafka (one per host, e.g. under systemd).",
        description = "Every flag may also be set in the environment as VIGIL_<FLAG> (--bootstrap-servers as "
                + "VIGIL_BOOTSTRAP_SERVERS). A flag on the command line wins over the environment, the environment over "
                + "--config, --config over the defaults.")
final class ShipCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    LogOptions logging;

    @Mixin
    MetricsOptions metricsOptions;

    @Mixin
    ShipperOptions sources;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Where read positions are saved, after Kafka acknowledged them (default: <data-dir>/shipper).")
    Path stateDir;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Shipper config file (key = value lines, see packaging/shipper.conf.example); flags and "
                    + "VIGIL_* variables win over its values. Every problem is reported as FILE:line: message.")
    Path configFile;

    private final UnaryOperator<String> environment;

    ShipCommand() {
        this(System::getenv);
    }

    ShipCommand(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /** The shipper's settings: flags over VIGIL_* variables over the config file over the defaults. */
    ShipperConfig resolveConfig() throws IOException, ConfigFileException {
        KafkaCluster cluster = KafkaCluster.existing(kafka);
        Path state = stateDir != null ? stateDir : kafka.dataDir().resolve("shipper");
        ShipperConfig flags = sources.config(cluster.bootstrapServers(), state, cluster.clientProperties(VigilPrincipal.SHIPPER));
        if (configFile == null) {
            return flags;
        }
        ParseResult parsed = spec.commandLine().getParseResult();
        EnvironmentDefaults env = new EnvironmentDefaults(environment);
        return ShipConfigPrecedence.flagsOver(ShipperConfigFile.load(configFile, flags), flags, name -> {
            OptionSpec option = spec.findOption(name);
            return option != null && (parsed.hasMatchedOption(option) || env.valueOf(option) != null);
        });
    }

    @Override
    public Integer call() throws Exception {
        logging.apply();
        PrintWriter err = spec.commandLine().getErr();
        ShipperConfig config;
        try {
            config = resolveConfig();
        } catch (ConfigFileException e) {
            e.problems().forEach(problem -> err.println("vigil: error: " + problem));
            err.flush();
            return 2;
        }
        try (StopSignal stop = new StopSignal();
                Shipper shipper = new Shipper(config, Clock.systemUTC());
                // without a metrics port nothing reads the registry: not building it keeps the
                // metrics library's classes out of a shipper that runs beside every service
                MetricsOptions.Served served = metricsOptions.port == null ? null
                        : metricsOptions.start("ship", () -> !shipper.activeSources().isEmpty())) {
            shipper.start();
            if (served != null) {
                served.metrics().shipper(shipper::counters, shipper.counters().keySet());
            }
            err.println("vigil: shipping host=" + config.host() + " sources=" + shipper.activeSources()
                    + " bootstrap=" + config.bootstrapServers());
            err.flush();
            stop.await();
        }
        return 0;
    }
}
