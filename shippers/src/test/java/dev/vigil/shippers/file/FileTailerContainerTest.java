package dev.vigil.shippers.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventJson;
import dev.vigil.patterns.event.Source;
import dev.vigil.shippers.ShipperConfigFile;
import dev.vigil.shippers.checkpoint.CheckpointStore;
import dev.vigil.shippers.produce.EventShipper;
import dev.vigil.shippers.produce.InFlightLimit;
import dev.vigil.shippers.produce.SourceMetrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file shipper tails container log files (real records and output: src/test/resources/container/SOURCES):
 * the events are those of the container's output, as its own log file would give them.
 */
public class FileTailerContainerTest {
    private static final Instant NOW = Instant.parse("2026-12-03T05:00:00Z");
    /** kubeedge/sedna#320's traceback as containerd writes it; its third line cut into a P and an F record. */
    static final String SEDNA_CRI = """
            2022-06-09T07:15:01.102030405Z stderr F Traceback (most recent call last):
            2022-06-09T07:15:01.102031000Z stderr F   File "/code/lib/sedna/service/run_kb.py", line 18, in <module>
            2022-06-09T07:15:01.102032000Z stderr P     from sedna.service.server.knowledgeBase
            2022-06-09T07:15:01.102033000Z stderr F .model import init_db
            2022-06-09T07:15:01.102034000Z stderr F   File "/code/lib/sedna/__init__.py", line 16, in <module>
            2022-06-09T07:15:01.102035000Z stderr F     import sedna.algorithms
            2022-06-09T07:15:01.102036000Z stderr F   File "/code/lib/sedna/algorithms/__init__.py", line 19, in <module>
            2022-06-09T07:15:01.102037000Z stderr F     from . import optical_flow
            2022-06-09T07:15:01.102038000Z stderr F   File "/code/lib/sedna/algorithms/optical_flow/__init__.py", line 19, in <module>
            2022-06-09T07:15:01.102039000Z stderr F     import cv2
            2022-06-09T07:15:01.102040000Z stderr F ModuleNotFoundError: No module named 'cv2'
            2016-10-20T18:39:20.57606443Z stdout F cri stdout test log
            """;
    /** kubeedge/sedna#320's traceback (SOURCES), as a container's log holds it one line a record. */
    public static final String SEDNA_TRACEBACK = """
            Traceback (most recent call last):
              File "/code/lib/sedna/service/run_kb.py", line 18, in <module>
                from sedna.service.server.knowledgeBase.model import init_db
              File "/code/lib/sedna/__init__.py", line 16, in <module>
                import sedna.algorithms
              File "/code/lib/sedna/algorithms/__init__.py", line 19, in <module>
                from . import optical_flow
              File "/code/lib/sedna/algorithms/optical_flow/__init__.py", line 19, in <module>
                import cv2
            ModuleNotFoundError: No module named 'cv2'""";
    static final String POD_DIR = "var/log/pods/sedna_kb-6d4f9c7b8-x2l5q_dce8feb5-7afd-4625-9ee1-ff8d65ebaf5c/kb";

    @TempDir Path dir;
    private final MutableClock clock = new MutableClock(NOW);
    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    private final SourceMetrics metrics = new SourceMetrics("file");
    private CheckpointStore store;

    @BeforeEach
    void setUp() throws IOException {
        store = CheckpointStore.open(dir.resolve("state"));
    }

    private List<Event> tail(FileInput... inputs) throws InterruptedException {
        FileTailConfig config = new FileTailConfig(List.of(inputs), Duration.ofMillis(10), Duration.ofSeconds(5),
                Duration.ofSeconds(1), Duration.ofSeconds(60), 4096, ZoneId.of("UTC"));
        FileTailer tailer = new FileTailer("node-1", config,
                new EventShipper(producer, store, new InFlightLimit(10_000, 1 << 24)), metrics, clock);
        tailer.poll();
        clock.advance(config.multilineTimeout());
        tailer.poll();
        return producer.history().stream().map(r -> EventJson.parse(r.value()))
                .filter(e -> e.source() != Source.SHIPPER).toList();
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void shouldShipAPodsTracebackAsOneEventAtItsRecordsTimeWithTheStreamAndPodFields() throws Exception {
        Path log = write(POD_DIR + "/0.log", SEDNA_CRI);

        List<Event> events = tail(FileInput.of(dir.resolve("var/log/pods/*/*/*.log").toString()));

        assertEquals(List.of(SEDNA_TRACEBACK, "cri stdout test log"), events.stream().map(Event::message).toList(),
                "the wrapper gone, the partial records joined, the traceback's lines one event");
        Event traceback = events.get(0);
        assertEquals(Instant.parse("2022-06-09T07:15:01.102030405Z"), traceback.ts());
        assertEquals(Map.of("namespace", "sedna", "pod", "kb-6d4f9c7b8-x2l5q", "pod_uid", "dce8feb5-7afd-4625-9ee1-ff8d65ebaf5c",
                "container", "kb", "restart", "0", "stream", "stderr"), traceback.fields());
        assertEquals(log.toString(), traceback.file());
        assertEquals(0L, traceback.offset());
        assertEquals(Set.of("multiline"), traceback.flags());
        Event stdout = events.get(1);
        assertEquals("stdout", stdout.fields().get("stream"));
        assertEquals(Instant.parse("2016-10-20T18:39:20.57606443Z"), stdout.ts());
        assertEquals((long) SEDNA_CRI.indexOf("2016-10-20T"), stdout.offset());
    }

    @Test
    void shouldJoinAnUnindentedExceptionToTheStampedLineBeforeWhenTheContainersOutputIsStamped() throws Exception {
        // fluent-bit#321's records: a Java app's own stamp, a blank line, the exception's class line unindented
        write("c/c-json.log", """
                {"log":"2017-07-26 07:54:42.130  WARN parse organization id exception\\n","stream":"stdout","time":"2017-07-25T07:54:42.131621351Z"}
                {"log":"\\n","stream":"stdout","time":"2017-07-25T07:54:42.13171348Z"}
                {"log":"java.lang.NumberFormatException: For input string: \\"PodQueryBykind\\"\\n","stream":"stdout","time":"2017-07-25T07:54:42.131723859Z"}
                """);

        List<Event> events = tail(FileInput.of(dir.resolve("c/*-json.log").toString()));

        assertEquals(List.of("2017-07-26 07:54:42.130  WARN parse organization id exception\n\n"
                        + "java.lang.NumberFormatException: For input string: \"PodQueryBykind\""),
                events.stream().map(Event::message).toList());
        assertEquals(Instant.parse("2017-07-25T07:54:42.131621351Z"), events.get(0).ts(), "the first record's time");
    }

    @Test
    void shouldReadADockerJsonFileAsItsContainersOutput() throws Exception {
        // fluent-bit#321's records, then kubelet's test line cut as moby's copier cuts one over 16 KiB (the first part without its newline)
        write("c/c-json.log", """
                {"log":"2017-07-26 07:54:42.130  WARN parse organization id exception\\n","stream":"stdout","time":"2017-07-25T07:54:42.131621351Z"}
                {"log":"\\n","stream":"stdout","time":"2017-07-25T07:54:42.13171348Z"}
                {"log":"java.lang.NumberFormatException: For input string: \\"PodQueryBykind\\"\\n","stream":"stdout","time":"2017-07-25T07:54:42.131723859Z"}
                {"log":"docker stderr ","stream":"stderr","time":"2016-10-20T18:39:20.57606443Z"}
                {"log":"test log\\n","stream":"stderr","time":"2016-10-20T18:39:20.57606444Z"}
                """);

        List<Event> events = tail(FileInput.of(dir.resolve("c/*-json.log").toString()));

        assertEquals(List.of("2017-07-26 07:54:42.130  WARN parse organization id exception",
                        "java.lang.NumberFormatException: For input string: \"PodQueryBykind\"", "docker stderr test log"),
                events.stream().map(Event::message).toList(), "a blank line ends the event before and makes none, as in a text file");
        assertEquals(Instant.parse("2017-07-25T07:54:42.131723859Z"), events.get(1).ts());
        assertEquals(Map.of("stream", "stderr"), events.get(2).fields());
    }

    @Test
    void shouldNotJoinTheOtherStreamsLineToATraceback() throws Exception {
        // fluent/fluent-bit#4387: stdout's records between those of a stderr traceback
        List<String> records = new java.util.ArrayList<>(SEDNA_CRI.lines().toList().subList(0, 11));
        records.add(1, "2016-10-20T18:39:20.57606443Z stdout F cri stdout test log");
        write("0.log", String.join("\n", records) + "\n");

        List<Event> events = tail(FileInput.of(dir.resolve("0.log").toString()));

        String frames = SEDNA_TRACEBACK.substring(SEDNA_TRACEBACK.indexOf('\n') + 1, SEDNA_TRACEBACK.indexOf("\nModuleNotFoundError"));
        assertEquals(List.of("Traceback (most recent call last):", "cri stdout test log", frames,
                "ModuleNotFoundError: No module named 'cv2'"), events.stream().map(Event::message).toList());
    }

    @Test
    void shouldStartANewEventWhenTheContainerWroteAfterTheMultilineTimeout() throws Exception {
        // the same traceback from the next run of the container, 3 s later: the live shipper's
        // multiline timeout (1 s here) would have shipped the first; reading both at once must not join them
        List<String> run = SEDNA_CRI.lines().toList().subList(0, 11);
        List<String> again = run.stream().map(l -> l.replace("2022-06-09T07:15:01.", "2022-06-09T07:15:04.")).toList();
        write("0.log", String.join("\n", run) + "\n" + String.join("\n", again) + "\n");

        List<Event> events = tail(FileInput.of(dir.resolve("0.log").toString()));

        assertEquals(List.of(SEDNA_TRACEBACK, SEDNA_TRACEBACK), events.stream().map(Event::message).toList());
        assertEquals(Instant.parse("2022-06-09T07:15:04.102030405Z"), events.get(1).ts());
    }

    @Test
    void shouldReadAHeldPartialRecordAgainAfterARestartWhenTheOtherStreamsLineWasShippedMeanwhile() throws Exception {
        // kubelet's test lines: stdout's line cut in two records, a stderr line between them
        Path log = write("0.log", "2016-10-20T18:39:20.57606443Z stdout P cri stdout partial \n"
                + "2016-10-20T18:39:20.57606443Z stderr F cri stderr test log\n");
        List<Event> before = tail(FileInput.of(log.toString()));
        assertEquals(List.of("cri stderr test log"), before.stream().map(Event::message).toList());

        Files.writeString(log, "2016-10-20T18:39:20.57606444Z stdout F test log\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        List<Event> all = tail(FileInput.of(log.toString()));
        List<Event> after = all.subList(before.size(), all.size());

        assertEquals(List.of("cri stderr test log", "cri stdout partial test log"), after.stream().map(Event::message).toList(),
                "the restart resumed where the held record starts: its line whole, the stderr line again");
        assertEquals(before.get(0).id(), after.get(0).id(), "shipped again with the same id");
        assertEquals(0L, after.get(1).offset());
    }

    @Test
    void shouldShipALineThatIsNoRecordAsTextAndCountIt() throws Exception {
        write("pod.log", "2016-10-20T18:39:20.57606443Z stdout F cri stdout test log\n"
                + "unsupported log format test log\n"
                + "2016-10-20T18:39:20.57606443Z stderr F cri stderr test log\n");

        List<Event> events = tail(FileInput.of(dir.resolve("pod.log").toString()));

        assertEquals(List.of("cri stdout test log", "unsupported log format test log", "cri stderr test log"),
                events.stream().map(Event::message).toList(), "nothing lost");
        assertEquals(Map.of(), events.get(1).fields(), "a text event: no stream claimed");
        assertEquals(1L, metrics.counters().errors());
    }

    @Test
    void shouldReadTheFormatAFileIsConfiguredWith() throws Exception {
        write("forced.cri", "2016-10-20T18:39:20.57606443Z stdout F cri stdout test log\n");
        write("forced.txt", "2016-10-20T18:39:20.57606443Z stdout F cri stdout test log\n");

        List<Event> events = tail(ShipperConfigFile.parseFileInput(dir.resolve("forced.cri") + " format=cri"),
                ShipperConfigFile.parseFileInput(dir.resolve("forced.txt") + " format=text"));

        assertEquals(Map.of("forced.cri", "cri stdout test log",
                        "forced.txt", "2016-10-20T18:39:20.57606443Z stdout F cri stdout test log"),
                events.stream().collect(java.util.stream.Collectors.toMap(e -> Path.of(e.file()).getFileName().toString(), Event::message)));
        assertEquals(FileFormat.DOCKER_JSON, ShipperConfigFile.parseFileInput("/var/lib/docker/containers/*/*-json.log format=docker-json").format());
    }
}
