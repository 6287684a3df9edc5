package dev.vigil.analyzer.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.analyzer.deadletter.DeadLetter;
import dev.vigil.analyzer.deadletter.DeadLetters;
import dev.vigil.analyzer.incident.Incident;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventJson;
import dev.vigil.patterns.event.Source;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.junit.jupiter.api.Test;

/** The signature route's internal topics during an upgrade: records an older Vigil wrote, and records no Vigil reads. */
class SignatureRouteTest extends TopologyDriverFixture {
    /** A log4j line of a Hadoop NodeManager (app-log-headers/SOURCES). */
    private static final String LINE = "2023-03-15 22:04:04,307 ERROR nodemanager.NodeManager: Error starting NodeManager";
    private static final Instant AT = Instant.parse("2023-03-15T22:04:04.307Z");

    SignatureRouteTest() {
        super(AT.plusSeconds(2));
    }

    private TestInputTopic<String, byte[]> internal(String name) {
        return driver.createInputTopic(config.applicationId() + "-" + name + "-repartition", Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
    }

    private static Event line(long offset) {
        return Event.builder("nm-1", Source.FILE, AT.plusSeconds(offset), LINE)
                .file("/var/log/hadoop/yarn-nodemanager.log").offset(offset).id("nm-1-" + offset).build();
    }

    @Test
    void shouldSignAndCountARequestAnOlderVigilLeftOnTheRequestTopic() {
        events.pipeInput("nm-1", EventJson.toBytes(line(0)), AT);
        // the older format: the event's JSON, keyed by shape; it names no pattern, so the event is matched again
        internal(AnalyzerTopology.SIGNATURE_REQUESTS).pipeInput("any-shape", EventJson.toBytes(line(1)), AT.plusSeconds(1));

        Incident incident = incidents.readValue();
        assertEquals(2, incident.count());
        assertTrue(incident.summary().endsWith(": Error starting NodeManager"), incident.summary());
        assertTrue(deadletter.isEmpty());
    }

    @Test
    void shouldCountASignedCopyAnOlderVigilLeftOnTheSignedTopic() {
        events.pipeInput("nm-1", EventJson.toBytes(line(0)), AT);
        String signature = "{\"id\":\"0123456789abcdef\",\"template\":\"Error starting NodeManager\",\"replaces\":[]}";
        byte[] legacy = (new String(EventJson.toBytes(line(1)), StandardCharsets.UTF_8) + "\n" + signature)
                .getBytes(StandardCharsets.UTF_8);
        internal(AnalyzerTopology.SIGNED_EVENTS).pipeInput("nm-1", legacy, AT.plusSeconds(1));
        events.pipeInput("nm-1", EventJson.toBytes(line(2)), AT.plusSeconds(2));

        Incident incident = incidents.readValuesToList().stream().reduce((a, b) -> b).orElseThrow();
        assertEquals(2, incident.count(), "the current template counts the two lines mined now");
        assertTrue(deadletter.isEmpty());
    }

    @Test
    void shouldDeadLetterARecordOfAnUnknownFormatOnEitherInternalTopicAndKeepSigning() {
        String requests = config.applicationId() + "-" + AnalyzerTopology.SIGNATURE_REQUESTS + "-repartition";
        internal(AnalyzerTopology.SIGNATURE_REQUESTS).pipeInput("any-shape", new byte[] {7, 'R'}, AT);
        internal(AnalyzerTopology.SIGNED_EVENTS).pipeInput("nm-1", new byte[] {1, 'R', 0}, AT);

        DeadLetter request = DeadLetters.parse(deadletter.readValue());
        assertEquals("unreadable signing request (2 bytes): format version 7, this Vigil reads 1", request.reason());
        assertEquals(requests, request.topic());
        DeadLetter signed = DeadLetters.parse(deadletter.readValue());
        assertEquals("unreadable signed event (3 bytes): record kind 'R', expected 'S' or 'T'", signed.reason());
        assertEquals(2, deadLettered.get());

        events.pipeInput("nm-1", EventJson.toBytes(line(0)), AT);
        events.pipeInput("nm-1", EventJson.toBytes(line(1)), AT.plusSeconds(1));
        assertEquals(2, incidents.readValue().count(), "the route goes on signing");
    }
}
