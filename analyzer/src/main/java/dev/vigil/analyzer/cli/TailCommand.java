package dev.vigil.analyzer.cli;

import dev.vigil.broker.VigilTopics;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil tail}: follow vigil.incidents on any cluster. */
@Command(name = "tail", mixinStandardHelpOptions = true,
        header = "Follow vigil.incidents on any cluster, readable or --json.")
final class TailCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    OutputOptions output;

    @Option(names = "--from-beginning", description = "Print the incidents already in the topic first.")
    boolean fromBeginning;

    @Override
    public Integer call() throws Exception {
        output.applyLogLevels();
        KafkaCluster cluster = KafkaCluster.existing(kafka);
        IncidentPrinter printer = new IncidentPrinter(spec.commandLine().getOut(), output.printJson(System.console() != null));
        try (StopSignal stop = new StopSignal();
                IncidentFollower follower = new IncidentFollower(cluster.bootstrapServers(), cluster.clientProperties(),
                        VigilTopics.INCIDENTS, fromBeginning, printer::print)) {
            follower.start();
            stop.await();
        }
        return 0;
    }
}
