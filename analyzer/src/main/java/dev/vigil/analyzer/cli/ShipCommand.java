package dev.vigil.analyzer.cli;

import dev.vigil.broker.VigilPrincipal;
import dev.vigil.shippers.ConfigFileException;
import dev.vigil.shippers.Shipper;
import dev.vigil.shippers.ShipperConfig;
import dev.vigil.shippers.ShipperConfigFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil ship}: the shipper alone, one per host. */
@Command(name = "ship", mixinStandardHelpOptions = true,
        header = "Ship this host's journal, kernel messages and log files to Kafka (one per host, e.g. under systemd).")
final class ShipCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    OutputOptions output;

    @Mixin
    ShipperOptions sources;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Where read positions are saved, after Kafka acknowledged them (default: <data-dir>/shipper).")
    Path stateDir;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Shipper config file (key = value lines, see packaging/shipper.conf.example); "
                    + "its values replace those of the flags. Every problem is reported as FILE:line: message.")
    Path configFile;

    @Override
    public Integer call() throws Exception {
        output.applyLogLevels();
        PrintWriter err = spec.commandLine().getErr();
        KafkaCluster cluster = KafkaCluster.existing(kafka);
        Path state = stateDir != null ? stateDir : kafka.dataDir().resolve("shipper");
        ShipperConfig config = sources.config(cluster.bootstrapServers(), state, cluster.clientProperties(VigilPrincipal.SHIPPER));
        if (configFile != null) {
            try {
                config = ShipperConfigFile.load(configFile, config);
            } catch (ConfigFileException e) {
                e.problems().forEach(problem -> err.println("vigil: error: " + problem));
                err.flush();
                return 2;
            }
        }
        try (StopSignal stop = new StopSignal();
                Shipper shipper = new Shipper(config, Clock.systemUTC())) {
            shipper.start();
            err.println("vigil: shipping host=" + sources.hostName() + " sources=" + shipper.activeSources()
                    + " bootstrap=" + cluster.bootstrapServers());
            err.flush();
            stop.await();
        }
        return 0;
    }
}
