package dev.vigil.analyzer.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.analyzer.engine.MinedSignature;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventJson;
import dev.vigil.patterns.event.Source;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SigningCutTest {
    /** Broker default max.message.bytes, the limit of the internal topics Kafka Streams creates. */
    private static final int TOPIC_LIMIT = 1_048_588;
    private static final String PREFIX = "2026-12-03 02:30:00,000 ERROR t ";

    @Test
    void shouldCutAMebibyteOfControlBytesSoTheRequestAndTheSignedRecordFitTheirTopics() {
        Event e = line(PREFIX + "\u0001".repeat(1 << 20));
        assertTrue(EventJson.toBytes(e).length > 6 << 20, "six bytes of JSON per control byte");

        Event cut = SigningCut.fit(e).orElseThrow();

        assertEquals(SigningCut.MAX_MESSAGE_CHARS, cut.message().length());
        assertTrue(cut.message().startsWith(PREFIX));
        assertEquals(Set.of("line_truncated"), cut.flags());
        assertEquals(e.id(), cut.id());
        byte[] request = InternalSerdes.request(cut, List.of("error_signature"), SignatureMiner.minedText(cut));
        MinedSignature signature = new MinedSignature("s1", cut.message(), List.of(), List.of("error_signature"));
        assertTrue(request.length < TOPIC_LIMIT);
        assertTrue(InternalSerdes.signed(InternalSerdes.readRequest(request), signature).length < TOPIC_LIMIT);
    }

    @Test
    void shouldForwardAnEventThatFitsAsItIs() {
        Event e = line(PREFIX + "Failed to create environment: RuntimeError: No available ports for new environment");

        assertSame(e, SigningCut.fit(e).orElseThrow());
    }

    @Test
    void shouldNotSplitACharacterOutsideTheBasicPlane() {
        String message = "x".repeat(SigningCut.MAX_MESSAGE_CHARS - 1) + "\uD83D\uDE00 and more";

        Event cut = SigningCut.fit(line(message)).orElseThrow();

        assertEquals(SigningCut.MAX_MESSAGE_CHARS - 1, cut.message().length());
    }

    @Test
    void shouldLeaveOutSourceFieldsThatDoNotFit() {
        Event e = Event.builder("vps-1", Source.JOURNALD, Instant.parse("2026-12-03T02:30:00Z"), "short")
                .id("j-1").fields(Map.of("BIG", "\u0001".repeat(1 << 20))).build();

        Event cut = SigningCut.fit(e).orElseThrow();

        assertEquals(Map.of(), cut.fields());
        assertEquals(Set.of("fields_truncated"), cut.flags());
        assertEquals("short", cut.message());
    }

    private static Event line(String message) {
        return Event.builder("web-7", Source.FILE, Instant.parse("2026-12-03T02:30:00Z"), message)
                .id("f-1").file("/tmp/x/a.log").offset(0L).build();
    }
}
