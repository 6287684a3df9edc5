package dev.vigil.analyzer.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.library.PatternFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Container log files through replay (real records and output: src/test/resources/replay/container/SOURCES):
 * the events are the container's output, as the file shipper ships it.
 */
class ContainerLogReplayTest {
    private static final PatternSet LIBRARY = PatternFiles.load(List.of());
    private static final Path FIXTURES = Path.of("src/test/resources/replay/container");
    private static final String POD_LOG = "/var/log/pods/sedna_kb-6d4f9c7b8-x2l5q_dce8feb5-7afd-4625-9ee1-ff8d65ebaf5c/kb/0.log";
    private static final String SEDNA_TRACEBACK = """
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

    @TempDir Path dir;

    private List<Event> events(List<String> progress, ReplayInput in) throws IOException {
        List<Event> events = new ArrayList<>();
        new Replay(LIBRARY, progress::add).stream(List.of(in), new Replay.Options(null, null), events::add);
        return events;
    }

    @Test
    void shouldDetectContainerLogsByTheirFirstRecord() {
        assertEquals(InputFormat.CRI, InputFormat.detect("2016-10-20T18:39:20.57606443Z stdout F cri stdout test log"));
        assertEquals(InputFormat.CRI, InputFormat.detect("2021-12-28T10:26:45.134374524+02:00 stdout F"));
        assertEquals(InputFormat.DOCKER_JSON,
                InputFormat.detect("{\"log\":\"line1\\n\",\"stream\":\"stdout\",\"time\":\"2020-09-27T11:18:01.00000000Z\"}"));
        assertEquals(InputFormat.EVENT_JSON, InputFormat.detect("{\"host\":\"h\",\"source\":\"file\",\"ts\":\"2026-01-01T00:00:00Z\",\"message\":\"m\"}"),
                "JSON without a log and a time member is no json-file record");
        assertEquals(InputFormat.SYSLOG, InputFormat.detect("2026-11-24T00:00:00.123456+00:00 host sshd[42]: Accepted publickey"),
                "an RFC 3339 syslog line is no CRI record");
        assertEquals(InputFormat.TEXT, InputFormat.detect("unsupported log format test log"));
        assertEquals(List.of(InputFormat.CRI, InputFormat.DOCKER_JSON), List.of(InputFormat.parse("cri"), InputFormat.parse("docker-json")));
    }

    @Test
    void shouldReplayAPodsTracebackAsOneEventWithItsStreamAndPodFields() throws IOException {
        List<String> progress = new ArrayList<>();
        Path log = FIXTURES.resolve("sedna-kb.cri.log");

        List<Event> events = events(progress, new ReplayInput(log, null, POD_LOG, null, null, null));

        assertEquals(List.of("cri stdout test log", SEDNA_TRACEBACK, "unsupported log format test log", "cri stdout partial test log"),
                events.stream().map(Event::message).toList(),
                "the wrapper gone, the partial records joined, the traceback one event");
        Event traceback = events.get(1);
        assertEquals(Instant.parse("2022-06-09T07:15:01.102030405Z"), traceback.ts());
        assertEquals(Map.of("namespace", "sedna", "pod", "kb-6d4f9c7b8-x2l5q", "pod_uid", "dce8feb5-7afd-4625-9ee1-ff8d65ebaf5c",
                "container", "kb", "restart", "0", "stream", "stderr"), traceback.fields());
        assertEquals(POD_LOG, traceback.file());
        assertEquals((long) Files.readString(log).indexOf("2022-06-09T07:15:01.102030405Z"), traceback.offset());
        assertEquals("stdout", events.get(0).fields().get("stream"));
        Event text = events.get(2);
        assertEquals(Map.of(), text.fields(), "a line that is no record: a text event, at the record time before it");
        assertEquals(Instant.parse("2022-06-09T07:15:01.102040Z"), text.ts());
        assertTrue(events.get(3).isPartial(), "the last line's end never came: replayed as far as it went, marked partial");
        assertNull(traceback.partial());
        assertEquals(List.of("skipped " + log + ":13: no cri record wrapper: the line replayed as text, as are any more such lines"), progress);
    }

    @Test
    void shouldReplayADockerJsonFileAndItsCutLine() throws IOException {
        List<String> progress = new ArrayList<>();

        List<Event> events = events(progress, ReplayInput.of(FIXTURES.resolve("fluent-bit-321-json.log")));

        assertEquals(List.of("2017-07-26 07:54:42.130  WARN parse organization id exception",
                        "java.lang.NumberFormatException: For input string: \"PodQueryBykind\"", "A log line"),
                events.stream().map(Event::message).toList(), "the blank line's record carries nothing");
        assertEquals(Instant.parse("2017-07-25T07:54:42.131723859Z"), events.get(1).ts());
        assertEquals(Map.of("hello", "world", "value", "1234", "stream", "stdout"), events.get(2).fields());
        assertEquals(List.of(), progress);
    }

    @Test
    void shouldNotJoinTheOtherStreamsLineToATraceback() throws IOException {
        // fluent/fluent-bit#4387: stdout's records between those of a stderr traceback
        List<String> lines = Files.readAllLines(FIXTURES.resolve("sedna-kb.cri.log")).subList(1, 12);
        List<String> interleaved = new ArrayList<>(lines);
        interleaved.add(1, "2022-06-09T07:15:01.102030500Z stdout F cri stdout test log");
        Path p = Files.write(dir.resolve("0.log"), interleaved);

        List<Event> events = events(new ArrayList<>(), ReplayInput.of(p));

        // cut, not mixed: the traceback's exception line is still an event of its own for python_exception
        String frames = SEDNA_TRACEBACK.substring(SEDNA_TRACEBACK.indexOf('\n') + 1, SEDNA_TRACEBACK.indexOf("\nModuleNotFoundError"));
        assertEquals(List.of("Traceback (most recent call last):", "cri stdout test log", frames,
                        "ModuleNotFoundError: No module named 'cv2'"),
                events.stream().map(Event::message).toList());
    }

    @Test
    void shouldReadEveryRecordOfANodesFileWithItsOffsetStampsAndEmptyLines() throws IOException {
        // fluent/fluent-bit#6703's records verbatim, from the real-world corpus
        Path log = Path.of("src/test/resources/realworld/container/negative-cri-spring-boot-start/0.log");
        List<String> progress = new ArrayList<>();

        List<Event> events = events(progress, ReplayInput.of(log));

        assertEquals(List.of(), progress, "every line a record");
        Event first = events.get(0);
        assertEquals(Instant.parse("2023-11-16T11:09:16.533247217Z"), first.ts());
        assertEquals("stderr", first.fields().get("stream"));
        assertTrue(first.message().startsWith("Picked up _JAVA_OPTIONS"), first.message());
        assertEquals(Instant.parse("2023-11-16T11:09:20.80891196Z"), events.stream()
                .filter(e -> e.message().startsWith("( ( )")).findFirst().orElseThrow().ts(), "eight digits of fraction");
        assertTrue(events.stream().noneMatch(e -> e.message().isBlank()), "an empty record is no event");
    }

    @Test
    void shouldGiveTheContainersOutputTheLevelItsLoggerWrote() throws IOException {
        // fluent/fluent-bit#4551's CRI-O records, from the real-world corpus: Spring Boot's ERROR lines
        Path log = Path.of("src/test/resources/realworld/container/cri-o-spring-scheduled-error-signature/0.log");

        List<Event> events = events(new ArrayList<>(), ReplayInput.of(log));

        Event error = events.stream().filter(e -> e.message().contains(" ERROR 1 --- ")).findFirst().orElseThrow();
        assertEquals(3, error.priority(), error.message());
        // the app stamps its lines: the unindented exception after the blank line is the ERROR event's
        assertTrue(error.message().contains("}\"\n\norg.springframework.web.client.HttpClientErrorException$NotFound: "), error.message());
        assertTrue(events.stream().noneMatch(e -> e.message().startsWith("org.springframework")), "no event of the trace alone");
    }

    @Test
    void shouldReadAFileAsTheFormatGivenAndEveryLineThatIsNoRecordAsText() throws IOException {
        Path p = Files.writeString(dir.resolve("app.log"), "unsupported log format test log\n"
                + "2016-10-20T18:39:20.57606443Z stdout F cri stdout test log\n");
        List<String> progress = new ArrayList<>();

        List<Event> events = events(progress, new ReplayInput(p, InputFormat.CRI, null, null, null, null));

        assertEquals(List.of("unsupported log format test log", "cri stdout test log"),
                events.stream().map(Event::message).toList());
        assertEquals(1, progress.size(), "noted once: " + progress);
    }
}
