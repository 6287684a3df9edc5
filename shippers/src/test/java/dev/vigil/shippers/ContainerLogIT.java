package dev.vigil.shippers;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.broker.KafkaBrokerExtension;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import dev.vigil.shippers.file.FileInput;
import dev.vigil.shippers.file.FileTailConfig;
import dev.vigil.shippers.file.FileTailerContainerTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pod's container log, as containerd writes it under /var/log/pods, tailed by the file shipper
 * through a real broker: the events on the topic are the container's output (real records and
 * output: src/test/resources/container/SOURCES).
 */
@Tag("integration")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ContainerLogIT {
    @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String POD_DIR = "var/log/pods/sedna_kb-6d4f9c7b8-x2l5q_dce8feb5-7afd-4625-9ee1-ff8d65ebaf5c/kb";
    /** kubeedge/sedna#320's traceback; its third line cut into a P and an F record, written apart. */
    private static final String FIRST_WRITE = """
            2022-06-09T07:15:01.102030405Z stderr F Traceback (most recent call last):
            2022-06-09T07:15:01.102031000Z stderr F   File "/code/lib/sedna/service/run_kb.py", line 18, in <module>
            2022-06-09T07:15:01.102032000Z stderr P     from sedna.service.server.knowledgeBase
            """;
    private static final String SECOND_WRITE = """
            2022-06-09T07:15:01.102033000Z stderr F .model import init_db
            2022-06-09T07:15:01.102034000Z stderr F   File "/code/lib/sedna/__init__.py", line 16, in <module>
            2022-06-09T07:15:01.102035000Z stderr F     import sedna.algorithms
            2022-06-09T07:15:01.102036000Z stderr F   File "/code/lib/sedna/algorithms/__init__.py", line 19, in <module>
            2022-06-09T07:15:01.102037000Z stderr F     from . import optical_flow
            2022-06-09T07:15:01.102038000Z stderr F   File "/code/lib/sedna/algorithms/optical_flow/__init__.py", line 19, in <module>
            2022-06-09T07:15:01.102039000Z stderr F     import cv2
            2022-06-09T07:15:01.102040000Z stderr F ModuleNotFoundError: No module named 'cv2'
            unsupported log format test log
            2016-10-20T18:39:20.57606443Z stdout F cri stdout test log
            """;
    @TempDir Path dir;

    private Shipper start(String topic) throws IOException {
        KAFKA.createTopic(topic, 2);
        FileTailConfig files = new FileTailConfig(List.of(FileInput.of(dir.resolve("var/log/pods/*/*/*.log").toString())),
                Duration.ofMillis(50), Duration.ofSeconds(5), Duration.ofMillis(200), Duration.ofSeconds(60), 1024 * 1024,
                ZoneId.of("UTC"));
        ShipperConfig config = FileOnlyConfig.of("node-1", files, dir.resolve("state"), KAFKA.bootstrapServers(), topic);
        Shipper shipper = new Shipper(config, Clock.systemUTC());
        shipper.start();
        return shipper;
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void shouldShipAPodsOutputWithPartialRecordsJoinedAndTheTracebackOneEvent(TestInfo test) throws Exception {
        String topic = "events-" + test.getTestMethod().orElseThrow().getName();
        Path log = Files.createDirectories(dir.resolve(POD_DIR)).resolve("0.log");
        try (Shipper shipper = start(topic)) {
            append(log, FIRST_WRITE);
            // the shipper has read the partial record, and must hold it for the rest of its line
            await().atMost(WAIT).until(() -> shipper.counters().get("file").recordsRead() >= 3);
            append(log, SECOND_WRITE);

            List<Event> events;
            try (TopicReader reader = new TopicReader(KAFKA.bootstrapServers(), topic)) {
                events = reader.readUntil(es -> es.stream().anyMatch(e -> "cri stdout test log".equals(e.message())), WAIT)
                        .stream().filter(e -> e.source() == Source.FILE)
                        .sorted(Comparator.comparing(Event::offset)).toList();
            }

            assertEquals(List.of(FileTailerContainerTest.SEDNA_TRACEBACK, "unsupported log format test log", "cri stdout test log"),
                    events.stream().map(Event::message).toList());
            Map<String, String> pod = Map.of("namespace", "sedna", "pod", "kb-6d4f9c7b8-x2l5q",
                    "pod_uid", "dce8feb5-7afd-4625-9ee1-ff8d65ebaf5c", "container", "kb", "restart", "0");
            Event traceback = events.get(0);
            assertEquals(Instant.parse("2022-06-09T07:15:01.102030405Z"), traceback.ts());
            assertEquals(with(pod, "stderr"), traceback.fields());
            assertEquals(log.toString(), traceback.file());
            assertEquals(0L, traceback.offset());
            Event text = events.get(1);
            assertEquals(Map.of(), text.fields(), "a line that is no record is shipped as text, not lost");
            assertEquals((long) (FIRST_WRITE + SECOND_WRITE).indexOf("unsupported"), text.offset());
            Event stdout = events.get(2);
            assertEquals(Instant.parse("2016-10-20T18:39:20.57606443Z"), stdout.ts());
            assertEquals(with(pod, "stdout"), stdout.fields());
            assertEquals(1L, shipper.counters().get("file").errors(), "the line that is no record, counted");
        }
    }

    private static Map<String, String> with(Map<String, String> pod, String stream) {
        Map<String, String> fields = new java.util.HashMap<>(pod);
        fields.put("stream", stream);
        return fields;
    }
}
