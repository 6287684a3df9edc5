package dev.vigil.analyzer.cli;

import dev.vigil.analyzer.topology.Analyzer;
import dev.vigil.analyzer.topology.AnalyzerConfig;
import dev.vigil.broker.VigilPrincipal;
import dev.vigil.broker.VigilTopics;
import dev.vigil.shippers.Shipper;
import java.io.PrintWriter;
import org.apache.kafka.streams.KafkaStreams;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil run}: embedded Kafka + analyzer + this host's shipper, incidents printed as they happen. */
@Command(name = "run", mixinStandardHelpOptions = true,
        header = "Run Vigil on this host: embedded Kafka, analyzer and shipper; print incidents as they happen.",
        description = "Starts a single-node Kafka broker (KRaft) with its data under --data-dir, creates Vigil's topics, "
                + "runs the analyzer on them and a shipper for this host's journal, kernel log and --file logs, and prints "
                + "every incident change: one line each on a terminal, JSON lines with --json or when stdout is not a "
                + "terminal. Ctrl-C stops everything. With --bootstrap-servers it uses that cluster and starts no broker.")
final class RunCommand extends StoppableCommand {
    /** How long the analyzer may take to join its group, without restoring state meanwhile, before the command gives up. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    OutputOptions output;

    @Mixin
    ShipperOptions sources;

    @Mixin
    PatternOptions patterns;

    @Mixin
    MetricsOptions metricsOptions;

    @Option(names = "--event-partitions", paramLabel = "N", defaultValue = "3",
            description = "Partitions of vigil.events when Vigil creates it (default: ${DEFAULT-VALUE}).")
    int eventPartitions;

    private final BooleanSupplier stdoutIsTerminal;

    RunCommand() {
        this(() -> System.console() != null);
    }

    RunCommand(BooleanSupplier stdoutIsTerminal) {
        this.stdoutIsTerminal = stdoutIsTerminal;
    }

    @Override
    public Integer call() throws Exception {
        output.applyLogLevels();
        PrintWriter err = spec.commandLine().getErr();
        long started = System.nanoTime();
        try (StopSignal stop = openStopSignal()) {
            try (KafkaCluster cluster = KafkaCluster.open(kafka)) {
                cluster.ensureTopics(eventPartitions);
                IncidentPrinter printer = new IncidentPrinter(spec.commandLine().getOut(),
                        output.printJson(stdoutIsTerminal.getAsBoolean()));
                AnalyzerConfig config = AnalyzerConfig.defaults(cluster.bootstrapServers(), kafka.dataDir().resolve("streams"))
                        .withClientProperties(cluster.clientProperties(VigilPrincipal.ANALYZER))
                        .withPatternPaths(patterns.paths);
                try (Analyzer analyzer = new Analyzer(config);
                        MetricsOptions.Served served = metricsOptions.start("run",
                                () -> analyzer.state() == KafkaStreams.State.RUNNING);
                        IncidentFollower follower = new IncidentFollower(cluster.bootstrapServers(),
                                cluster.clientProperties(), VigilTopics.INCIDENTS, false, incident -> {
                                    served.metrics().incident(incident);
                                    printer.print(incident);
                                });
                        Shipper shipper = new Shipper(sources.config(cluster.bootstrapServers(),
                                kafka.dataDir().resolve("shipper"), cluster.clientProperties(VigilPrincipal.SHIPPER)),
                                Clock.systemUTC())) {
                    served.metrics().analyzer(analyzer.kafkaStreams(), analyzer.counts());
                    follower.start();
                    analyzer.onFailure(stop::requestStop);
                    analyzer.start();
                    if (!analyzer.awaitRunning(READY_TIMEOUT)) {
                        err.println("vigil: error: the analyzer did not start (no progress for " + READY_TIMEOUT.toSeconds()
                                + " s, state " + analyzer.state() + "); run again with --verbose to see why");
                        return 1;
                    }
                    shipper.start();
                    served.metrics().shipper(shipper::counters, shipper.counters().keySet());
                    err.printf(Locale.ROOT, "vigil: ready bootstrap=%s data=%s patterns=%d host=%s sources=%s in %.1f s (Ctrl-C to stop)%n",
                            cluster.bootstrapServers(), kafka.dataDir(), analyzer.patternCount(), sources.hostName(),
                            shipper.activeSources(), (System.nanoTime() - started) / 1e9);
                    err.flush();
                    stop.await();
                    if (analyzer.failureReason().isPresent()) {
                        err.println("vigil: error: the analyzer stopped: " + analyzer.failureReason().get() + " (state in "
                                + config.stateDir() + ")");
                        err.flush();
                        return 1;
                    }
                    err.println("vigil: stopping");
                    err.flush();
                }
            }
        }
        return 0;
    }
}
