package dev.vigil.analyzer.cli;

import dev.vigil.analyzer.sink.IncidentSink;
import dev.vigil.analyzer.sink.SinkConfig;
import dev.vigil.analyzer.sink.SinkRunner;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every sink command does: read {@code vigil.incidents} on a cluster as the sink's own
 * consumer group and hand the changes to the sink until Ctrl-C. A sink command only says which sink.
 */
abstract class SinkCommand extends StoppableCommand {
    /** How often the command checks that the runner is still alive. */
    private static final Duration WATCH = Duration.ofSeconds(1);

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    SinkOptions sinkOptions;

    @Mixin
    LogOptions logging;

    @Mixin
    MetricsOptions metricsOptions;

    private volatile SinkRunner runner;


    /** The sink this command feeds; built after the options are parsed. */
    abstract IncidentSink sink() throws Exception;

    /** Where the sink delivers, for the ready line. */
    abstract String target();

    @Override
    public Integer call() throws Exception {
        logging.apply();
        PrintWriter err = spec.commandLine().getErr();
        IncidentSink sink = sink();
        try (StopSignal stop = openStopSignal()) {
            KafkaCluster cluster = KafkaCluster.existing(kafka);
            SinkConfig config = new SinkConfig(cluster.bootstrapServers(), cluster.clientProperties(), sinkOptions.retryPolicy());
            try (MetricsOptions.Served served = metricsOptions.start(sink.name(), () -> runner != null && runner.isReady());
                    SinkRunner runner = new SinkRunner(sink, config, served.metrics().sinks(), Clock.systemUTC())) {
                this.runner = runner;
                runner.start();
                if (!runner.awaitReady(RunCommand.READY_TIMEOUT)) {
                    err.println("vigil: error: the " + sink.name() + " sink did not start within "
                            + RunCommand.READY_TIMEOUT.toSeconds() + " s; is Kafka reachable at " + cluster.bootstrapServers() + "?");
                    return 1;
                }
                err.println("vigil: " + sink.name() + " sink running group=" + SinkConfig.groupId(sink) + " target=" + target()
                        + " bootstrap=" + cluster.bootstrapServers());
                err.flush();
                while (!stop.await(WATCH)) {
                    if (!runner.isAlive()) {
                        err.println("vigil: error: the " + sink.name() + " sink stopped; see the log above");
                        return 1;
                    }
                }
            }
        }
        return 0;
    }
}
