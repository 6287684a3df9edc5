package dev.vigil.analyzer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.analyzer.demo.DemoPlayer;
import dev.vigil.analyzer.demo.SeedScenario;
import dev.vigil.analyzer.replay.Replay;
import dev.vigil.analyzer.replay.ScenarioFiles;
import dev.vigil.broker.VigilTopics;
import dev.vigil.patterns.compile.PatternSet;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil demo}: plays a seed scenario into a running Vigil, accelerated. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        header = "Play a seed post-mortem into a running Vigil (vigil run) in accelerated time, as if it happened now.",
        description = {"Seeds: 000 crash loop, 001 OOM kill + truncated log, 002 repeated errors, 004 silent deaths under nohup.",
            "Start './vigil run' in one terminal, then './vigil demo 000' in another and watch the incidents open and update."})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Parameters(paramLabel = "SEED", description = "000, 001, 002 or 004.")
    String seed;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "60",
            description = "How many times faster than it happened (default: ${DEFAULT-VALUE}).")
    double speed;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        SeedScenario scenario = SeedScenario.of(seed);
        Path scratch = Files.createTempDirectory("vigil-demo-");
        try {
            ScenarioFiles files = ScenarioFiles.read(scenario.extractTo(scratch, fileNames(scenario)));
            KafkaCluster cluster = KafkaCluster.existing(kafka);
            Map<String, Object> props = new HashMap<>(cluster.clientProperties());
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            err.println("vigil: playing seed " + scenario.seed() + " (" + scenario.story() + ") at " + speed + "x into "
                    + cluster.bootstrapServers());
            err.flush();
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
                DemoPlayer player = new DemoPlayer(producer, VigilTopics.EVENTS, Clock.systemUTC(), speed);
                long events = new Replay(PatternSet.empty(), scratch, line -> err.println("vigil: " + line))
                        .stream(files.inputs(), new Replay.Options(files.host(), null), e -> {
                            try {
                                player.play(e);
                            } catch (InterruptedException ex) {
                                Thread.currentThread().interrupt();
                                throw new IllegalStateException("demo interrupted", ex);
                            }
                        });
                err.println("vigil: played " + events + " events of seed " + scenario.seed());
            }
            return 0;
        } finally {
            Replay.deleteScratch(scratch);
        }
    }

    /** The files a scenario's expected.json lists, plus expected.json itself. */
    private static List<String> fileNames(SeedScenario scenario) throws java.io.IOException {
        Path probe = Files.createTempDirectory("vigil-demo-probe-");
        try {
            Path dir = scenario.extractTo(probe, List.of("expected.json"));
            JsonNode expected = new ObjectMapper().readTree(dir.resolve("expected.json").toFile());
            List<String> names = new ArrayList<>(List.of("expected.json"));
            expected.get("inputs").forEach(in -> names.add(in.get("path").asText()));
            return names;
        } finally {
            Replay.deleteScratch(probe);
        }
    }
}
