package dev.vigil.analyzer.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.analyzer.engine.MinedSignature;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventJson;
import com.fasterxml.jackson.databind.node.TextNode;
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
        byte[] request = InternalSerdesTest.request(cut, List.of("error_signature"), SignatureMiner.minedText(cut));
        MinedSignature signature = new MinedSignature("s1", cut.message(), List.of(), List.of("error_signature"));
        assertTrue(request.length < TOPIC_LIMIT);
        assertTrue(InternalSerdesTest.signed(InternalSerdesTest.readRequest(request), signature).length < TOPIC_LIMIT);
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

    /** The bound that spares writing an event out must never be under what writing it gives. */
    @Test
    void shouldBoundAnEventsJsonFromAboveWhateverItsTextsAndNumbers() {
        List<String> texts = List.of("", "a", "\u0001\u001f", "\"\\", "\u00e9\u07ff", "\u0800\uffff", "\uD83D\uDE00",
                "\uD83D", "\uDE00x", "plain text of a line");
        for (String t : texts) {
            String x = t.repeat(300); // long enough that the fixed allowance cannot hide a short count per character
            Event e = Event.builder(x.isEmpty() ? "h" : x, Source.JOURNALD, Instant.parse("+1000000-01-01T00:00:00.123456789Z"),
                    x).id(x).unit(x).pid(Long.MIN_VALUE).comm(x).identifier(x).priority(7)
                    .facility(Integer.MIN_VALUE).messageId(x).bootId(x).file(x).seq(Long.MIN_VALUE).cursor(x)
                    .offset(Long.MIN_VALUE).partial(false).flags(Set.of(x + "1", x + "2"))
                    .fields(Map.of(x + "k", x, x + "j", x)).build();
            assertTrue(SigningCut.jsonBytesAtMost(e) >= EventJson.toBytes(e).length, t);
        }
        Event bare = Event.builder("h", Source.FILE, Instant.EPOCH, "").build();
        assertTrue(SigningCut.jsonBytesAtMost(bare) >= EventJson.toBytes(bare).length);
    }

    /** A field this version does not know is written out too (kept verbatim): the bound must count it. */
    @Test
    void shouldBoundAnEventsJsonWithFieldsThisVersionDoesNotKnow() {
        Event e = Event.builder("h", Source.FILE, Instant.EPOCH, "short")
                .extra(Map.of("from_a_newer_shipper", TextNode.valueOf("x".repeat(5000)))).build();

        assertTrue(SigningCut.jsonBytesAtMost(e) >= EventJson.toBytes(e).length);
    }

    private static Event line(String message) {
        return Event.builder("web-7", Source.FILE, Instant.parse("2026-12-03T02:30:00Z"), message)
                .id("f-1").file("/tmp/x/a.log").offset(0L).build();
    }
}
