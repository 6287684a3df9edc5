package dev.vigil.shippers.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Real records of kubelet's, moby's and users' container log files (src/test/resources/container/SOURCES). */
class ContainerLogFormatTest {
    private static final Instant KUBELET_TEST_TIME = Instant.parse("2016-10-20T18:39:20.57606443Z");

    @Test
    void shouldReadCriRecordsOfBothStreamsToTheNanosecond() {
        assertEquals(new ContainerRecord(KUBELET_TEST_TIME, "stdout", false, "cri stdout test log", Map.of()),
                ContainerLogFormat.CRI.parse("2016-10-20T18:39:20.57606443Z stdout F cri stdout test log"));
        assertEquals(new ContainerRecord(KUBELET_TEST_TIME, "stderr", false, "cri stderr test log", Map.of()),
                ContainerLogFormat.CRI.parse("2016-10-20T18:39:20.57606443Z stderr F cri stderr test log"));
        assertEquals(576064430, KUBELET_TEST_TIME.getNano(), "all the record's digits kept");
    }

    @Test
    void shouldMarkPartialCriRecordsWhateverTagsFollowTheFirst() {
        ContainerRecord expected = new ContainerRecord(KUBELET_TEST_TIME, "stdout", true, "cri stdout partial test log", Map.of());
        assertEquals(expected, ContainerLogFormat.CRI.parse("2016-10-20T18:39:20.57606443Z stdout P cri stdout partial test log"));
        assertEquals(expected, ContainerLogFormat.CRI.parse("2016-10-20T18:39:20.57606443Z stdout P:TAG1:TAG2 cri stdout partial test log"));
    }

    @Test
    void shouldReadCriOsStampsWithTheHostsOffsetAndItsEmptyLines() {
        ContainerRecord r = ContainerLogFormat.CRI.parse("2021-12-28T10:26:45.134374524+02:00 stdout F    at org.springframework."
                + "web.client.HttpClientErrorException.create(HttpClientErrorException.java:113) ~[spring-web-5.3.13.jar!/:5.3.13]");
        assertEquals(Instant.parse("2021-12-28T08:26:45.134374524Z"), r.time());
        assertEquals("   at org.springframework.web.client.HttpClientErrorException.create(HttpClientErrorException.java:113)"
                + " ~[spring-web-5.3.13.jar!/:5.3.13]", r.content(), "the output's own indentation kept");
        assertEquals("", ContainerLogFormat.CRI.parse("2021-12-28T10:26:45.134374524+02:00 stdout F").content());
    }

    @Test
    void shouldRefuseLinesThatAreNoCriRecord() {
        for (String line : List.of("unsupported log format test log",
                "2016-10-20T18:39:20.57606443Z stdin F not a stream",
                "2016-10-20T18:39:20.57606443Z stdout X not a tag",
                "2016-13-20T18:39:20.57606443Z stdout F not a date",
                "2026-02-08 09:04:45 ERROR Failed to get environment info: Expecting value: line 1 column 1 (char 0)")) {
            assertNull(ContainerLogFormat.CRI.parse(line), line);
            assertNull(ContainerLogFormat.detect(line), line);
        }
    }

    @Test
    void shouldReadDockerJsonRecordsAndTellAWholeLineByItsNewline() {
        assertEquals(new ContainerRecord(Instant.parse("2020-09-27T11:18:01Z"), "stdout", false, "line1", Map.of()),
                ContainerLogFormat.DOCKER_JSON.parse("{\"log\":\"line1\\n\",\"stream\":\"stdout\",\"time\":\"2020-09-27T11:18:01.00000000Z\"}"));
        assertEquals(new ContainerRecord(KUBELET_TEST_TIME, "stderr", true, "docker stderr test log", Map.of()),
                ContainerLogFormat.DOCKER_JSON.parse(
                        "{\"log\":\"docker stderr test log\",\"stream\":\"stderr\",\"time\":\"2016-10-20T18:39:20.57606443Z\"}"),
                "a log without its newline is the head of a line cut at 16 KiB");
        ContainerRecord quoted = ContainerLogFormat.DOCKER_JSON.parse("{\"log\":\"java.lang.NumberFormatException: For input "
                + "string: \\\"PodQueryBykind\\\"\\n\",\"stream\":\"stdout\",\"time\":\"2017-07-25T07:54:42.131723859Z\"}");
        assertEquals("java.lang.NumberFormatException: For input string: \"PodQueryBykind\"", quoted.content());
        assertEquals(Instant.parse("2017-07-25T07:54:42.131723859Z"), quoted.time());
    }

    @Test
    void shouldKeepDockersAttrs() {
        ContainerRecord r = ContainerLogFormat.DOCKER_JSON.parse(
                "{\"log\":\"A log line\\n\",\"attrs\":{\"hello\":\"world\",\"value\":1234},\"time\":\"2017-09-01T01:01:01.000000001Z\"}");
        assertEquals(Map.of("hello", "world", "value", "1234"), r.attrs());
        assertEquals("stdout", r.stream(), "json-file writes no stream for a message without one: stdout, as docker logs shows it");
        assertEquals(Map.of("hello", "world", "value", "1234", "stream", "stdout", "pod", "p"), r.fields(Map.of("pod", "p")));
    }

    @Test
    void shouldRefuseJsonThatIsNoJsonFileRecord() {
        for (String line : List.of("{\"level\":\"error\",\"msg\":\"no log member\",\"time\":\"2026-09-13T12:00:01Z\"}",
                "{\"log\":\"no time\\n\",\"stream\":\"stdout\"}",
                "{\"log\":\"cut record\\n\",\"stream\":\"stdout\",\"time\":\"2017-07-25T07:5",
                "{\"log\":\"two\\n\",\"time\":\"2017-07-25T07:54:42Z\"} {}")) {
            assertNull(ContainerLogFormat.DOCKER_JSON.parse(line), line);
        }
    }

    @Test
    void shouldLetALineContinueOnlyItsOwnStreamsOutputWrittenWithinTheGap() {
        ContainerRecord last = ContainerLogFormat.CRI.parse("2016-10-20T18:39:20.57606443Z stderr F cri stderr test log");
        java.time.Duration second = java.time.Duration.ofSeconds(1);
        assertEquals(List.of(true, false, true, false), List.of(
                ContainerLogFormat.CRI.parse("2016-10-20T18:39:20.67606443Z stderr F cri stderr test log").mayContinue(last, second),
                ContainerLogFormat.CRI.parse("2016-10-20T18:39:20.67606443Z stdout F cri stdout test log").mayContinue(last, second),
                ContainerLogFormat.CRI.parse("2016-10-20T18:39:21.57606443Z stderr F cri stderr test log").mayContinue(last, second),
                ContainerLogFormat.CRI.parse("2016-10-20T18:39:21.57606444Z stderr F cri stderr test log").mayContinue(last, second)));
    }

    @Test
    void shouldDetectEachFormatByItsFirstRecord() {
        assertEquals(ContainerLogFormat.CRI, ContainerLogFormat.detect("2016-10-20T18:39:20.57606443Z stdout F cri stdout test log"));
        assertEquals(ContainerLogFormat.DOCKER_JSON,
                ContainerLogFormat.detect("{\"log\":\"line1\\n\",\"stream\":\"stdout\",\"time\":\"2020-09-27T11:18:01.00000000Z\"}"));
        assertEquals(List.of("cri", "docker-json"), List.of(ContainerLogFormat.CRI.toString(), ContainerLogFormat.DOCKER_JSON.toString()),
                "spelt as --format and format= take them");
    }
}
