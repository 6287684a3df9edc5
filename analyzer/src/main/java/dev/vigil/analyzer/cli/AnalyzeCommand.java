package dev.vigil.analyzer.cli;

import dev.vigil.analyzer.topology.Analyzer;
import dev.vigil.analyzer.topology.AnalyzerConfig;
import dev.vigil.broker.VigilPrincipal;
import java.io.PrintWriter;
import org.apache.kafka.streams.KafkaStreams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil analyze}: the analyzer alone, one of N instances sharing an application id. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        header = "Run the analyzer alone against a Kafka cluster (one of N instances sharing --application-id).")
final class AnalyzeCommand extends StoppableCommand {
    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    LogOptions logging;

    @Mixin
    MetricsOptions metricsOptions;

    @Option(names = "--application-id", defaultValue = "vigil-analyzer",
            description = "Kafka Streams application id; instances with the same id share the work (default: ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Local state stores (default: <data-dir>/streams).")
    Path stateDir;

    @Mixin
    PatternOptions patterns;

    @Option(names = "--at-least-once", description = "Use at-least-once processing instead of exactly-once.")
    boolean atLeastOnce;

    @Override
    public Integer call() throws Exception {
        logging.apply();
        PrintWriter err = spec.commandLine().getErr();
        try (StopSignal stop = openStopSignal()) {
            KafkaCluster cluster = KafkaCluster.existing(kafka);
            cluster.ensureTopics(3);
            Path state = stateDir != null ? stateDir : kafka.dataDir().resolve("streams");
            AnalyzerConfig config = AnalyzerConfig.defaults(cluster.bootstrapServers(), state)
                    .withApplicationId(applicationId)
                    .withClientProperties(cluster.clientProperties(VigilPrincipal.ANALYZER))
                    .withExactlyOnce(!atLeastOnce)
                    .withPatternPaths(patterns.paths);
            try (Analyzer analyzer = new Analyzer(config);
                    MetricsOptions.Served served = metricsOptions.start("analyze",
                            () -> analyzer.state() == KafkaStreams.State.RUNNING)) {
                served.metrics().analyzer(analyzer.kafkaStreams(), analyzer.counts());
                // run counts the incidents it prints; analyze prints none, so it counts what it writes
                analyzer.counts().onIncident(served.metrics()::incident);
                analyzer.onFailure(stop::requestStop);
                analyzer.start();
                if (!analyzer.awaitRunning(RunCommand.READY_TIMEOUT)) {
                    err.println("vigil: error: the analyzer did not start (no progress for " + RunCommand.READY_TIMEOUT.toSeconds()
                            + " s, state " + analyzer.state() + "); is Kafka reachable at " + cluster.bootstrapServers() + "?");
                    return 1;
                }
                err.println("vigil: analyzer running application=" + applicationId + " bootstrap=" + cluster.bootstrapServers());
                err.flush();
                stop.await();
                if (analyzer.failureReason().isPresent()) {
                    err.println("vigil: error: the analyzer stopped: " + analyzer.failureReason().get() + " (state in " + state + ")");
                    err.flush();
                    return 1;
                }
            }
        }
        return 0;
    }
}
