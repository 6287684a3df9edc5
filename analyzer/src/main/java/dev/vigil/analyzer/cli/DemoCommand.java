package dev.vigil.analyzer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.analyzer.demo.DemoPlayer;
import dev.vigil.analyzer.demo.SeedScenario;
import dev.vigil.analyzer.replay.Replay;
import dev.vigil.analyzer.replay.ScenarioFiles;
import dev.vigil.broker.VigilTopics;
import dev.vigil.patterns.compile.PatternSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
            Replay replay = new Replay(PatternSet.empty(), line -> err.println("vigil: " + line));
            Replay.Options options = new Replay.Options(files.host(), null);
            DemoPlayer.Timeline timeline = timeline(replay, files, options);
            err.printf(Locale.ROOT, "vigil: playing seed %s (%s) into %s: %d events over %s of recorded time, at %sx in %s%n",
                    scenario.seed(), scenario.story(), cluster.bootstrapServers(), timeline.events(), readable(timeline.span()),
                    speed, readable(timeline.playTime(speed)));
            err.flush();
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
                DemoPlayer player = new DemoPlayer(producer, VigilTopics.EVENTS, Clock.systemUTC(), speed, timeline);
                DemoProgress progress = new DemoProgress(timeline, speed, err);
                long events = replay.stream(files.inputs(), options, e -> {
                    try {
                        player.play(e);
                        progress.played();
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

    /** A first pass over the scenario: how many events, from when to when. */
    private static DemoPlayer.Timeline timeline(Replay replay, ScenarioFiles files, Replay.Options options) throws IOException {
        Instant[] firstLast = new Instant[2];
        long events = replay.stream(files.inputs(), options, e -> {
            if (firstLast[0] == null) {
                firstLast[0] = e.ts();
            }
            firstLast[1] = e.ts();
        });
        if (events == 0) {
            throw new IllegalStateException("the seed has no events to play");
        }
        return new DemoPlayer.Timeline(firstLast[0], firstLast[1], events);
    }

    /** "18 min 20 s", "7 s". */
    static String readable(Duration d) {
        long s = Math.max(0, Math.round(d.toMillis() / 1000.0));
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    /** The files a scenario's expected.json lists, plus expected.json itself. */
    private static List<String> fileNames(SeedScenario scenario) throws IOException {
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
