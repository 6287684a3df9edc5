package dev.vigil.shippers.produce;

import dev.vigil.shippers.filter.DropRule;
import dev.vigil.shippers.filter.EventFilter;
import dev.vigil.shippers.filter.FilterConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventJson;
import dev.vigil.patterns.event.Source;
import dev.vigil.shippers.checkpoint.AckedPositions;
import dev.vigil.shippers.checkpoint.CheckpointStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventShipperTest {
    private static final Instant T0 = Instant.parse("2026-03-14T02:11:07Z");
    private static final String STREAM = "kmsg/boot-a";

    @TempDir Path state;
    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
    private final SourceMetrics metrics = new SourceMetrics("kmsg");
    private CheckpointStore store;

    @BeforeEach
    void openStore() throws IOException {
        store = CheckpointStore.open(state);
    }

    private static Event kernelLine(long seq) {
        return Event.builder("web-1", Source.KERNEL, T0.plusSeconds(seq), "line " + seq).seq(seq).build();
    }

    @Test
    void shouldNotMoveCursorBeforeKafkaAcknowledges() throws Exception {
        EventShipper shipper = new EventShipper(producer, store, new InFlightLimit(100, 1 << 20));
        AckedPositions stream = shipper.stream(STREAM);

        shipper.ship(kernelLine(7), stream, "7", metrics);
        assertEquals(Optional.empty(), store.position(STREAM), "no ack yet");

        producer.completeNext();
        assertEquals(Optional.of("7"), store.position(STREAM));
        assertEquals(new SourceCounters(0, 0, 1, producer.history().get(0).value().length, 0, 0, 0, 0),
                metrics.counters());
    }

    @Test
    void shouldMoveCursorPastDroppedEventsOnceTheEventsBeforeThemAreAcknowledged() throws Exception {
        EventShipper shipper = new EventShipper(producer, store, new InFlightLimit(100, 1 << 20), Topics.EVENTS,
                Topics.DEADLETTER, EventShipper.DEFAULT_MAX_RECORD_BYTES,
                new EventFilter(new FilterConfig(List.of(DropRule.parse("regex=^line [89]$")), null)));
        AckedPositions stream = shipper.stream(STREAM);

        shipper.ship(kernelLine(7), stream, "7", metrics);
        shipper.ship(kernelLine(8), stream, "8", metrics);
        shipper.ship(kernelLine(9), stream, "9", metrics);
        assertEquals(Optional.empty(), store.position(STREAM), "line 7 not acknowledged yet: nothing moves");

        producer.completeNext();

        assertEquals(Optional.of("9"), store.position(STREAM), "past the dropped lines 8 and 9");
        assertEquals(1, producer.history().size());
        assertEquals(2, metrics.filtered());
    }

    @Test
    void shouldNotMoveCursorAfterSendError() throws Exception {
        EventShipper shipper = new EventShipper(producer, store, new InFlightLimit(100, 1 << 20));
        AckedPositions stream = shipper.stream(STREAM);
        shipper.ship(kernelLine(7), stream, "7", metrics);
        producer.completeNext();
        shipper.ship(kernelLine(8), stream, "8", metrics);
        shipper.ship(kernelLine(9), stream, "9", metrics);

        producer.errorNext(new org.apache.kafka.common.errors.RecordTooLargeException("too large"));
        producer.completeNext();

        assertEquals(Optional.of("7"), store.position(STREAM));
        assertEquals(1, metrics.counters().drops());
        store.flush();
        assertEquals(Optional.of("7"), CheckpointStore.open(state).position(STREAM), "on disk too");
    }

    @Test
    void shouldKeyEventsByHostOnEventsTopic() throws Exception {
        EventShipper shipper = new EventShipper(producer, store, new InFlightLimit(100, 1 << 20));

        shipper.ship(kernelLine(7), shipper.stream(STREAM), "7", metrics);

        ProducerRecord<String, byte[]> sent = producer.history().get(0);
        assertEquals(Topics.EVENTS, sent.topic());
        assertEquals("web-1", sent.key());
        assertEquals(kernelLine(7), EventJson.parse(sent.value()));
    }

    @Test
    void shouldPauseReadingWhileInFlightLimitIsFull() throws Exception {
        EventShipper shipper = new EventShipper(producer, store, new InFlightLimit(2, 1 << 20));
        AckedPositions stream = shipper.stream(STREAM);
        shipper.ship(kernelLine(1), stream, "1", metrics);
        shipper.ship(kernelLine(2), stream, "2", metrics);

        CompletableFuture<Void> third = CompletableFuture.runAsync(() -> {
            try {
                shipper.ship(kernelLine(3), stream, "3", metrics);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertFalse(awaitDone(third, 200), "third send waits for room");
        assertEquals(2, producer.history().size());

        producer.completeNext();
        assertTrue(awaitDone(third, 5_000), "third send proceeds after an ack");
        assertEquals(3, producer.history().size());
    }

    @Test
    void shouldHoldTheCheckpointWithoutCountingADropWhenTheStopInterruptsASend() throws Exception {
        // Ctrl-C while Kafka was down ended in "Send failed" warnings and drops: nothing is lost, the
        // record is read again after the restart
        EventShipper shipper = new EventShipper(producer, store, new InFlightLimit(100, 1 << 20));
        AckedPositions stream = shipper.stream(STREAM);
        shipper.ship(kernelLine(1), stream, "1", metrics);
        producer.completeNext();
        producer.sendException = new org.apache.kafka.common.errors.InterruptException("stopping");
        Thread.interrupted(); // the exception interrupts the thread that makes it: not this test's

        shipper.ship(kernelLine(2), stream, "2", metrics);
        producer.sendException = null;
        shipper.ship(kernelLine(3), stream, "3", metrics);
        producer.completeNext();

        assertEquals(Optional.of("1"), store.position(STREAM), "held before the interrupted record");
        assertEquals(0, metrics.counters().drops());
        assertEquals(0, metrics.counters().inFlight());
    }

    @Test
    void shouldRetryRecordWhoseSendTimedOutWaitingForBrokerInsteadOfDroppingIt() throws Exception {
        EventShipper shipper = new EventShipper(producer, store, new InFlightLimit(100, 1 << 20));
        AckedPositions stream = shipper.stream(STREAM);
        producer.sendException = new org.apache.kafka.common.errors.TimeoutException(
                "Topic vigil.events not present in metadata after 30000 ms.");

        CompletableFuture<Void> send = CompletableFuture.runAsync(() -> {
            try {
                shipper.ship(kernelLine(7), stream, "7", metrics);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertFalse(awaitDone(send, 200), "send keeps waiting for the broker");
        producer.sendException = null;
        assertTrue(awaitDone(send, 5_000), "send goes through once the broker is back");
        producer.completeNext();

        assertEquals(Optional.of("7"), store.position(STREAM));
        assertEquals(0, metrics.counters().drops());
    }

    @Test
    void shouldCutMessageOfEventTooLargeForBrokerAndFlagIt() throws Exception {
        EventShipper shipper = new EventShipper(producer, store, new InFlightLimit(100, 1 << 24), Topics.EVENTS,
                Topics.DEADLETTER, 4096);
        Event huge = Event.builder("web-1", Source.FILE, T0, "é".repeat(10_000)).file("/var/log/app.log").offset(0L)
                .build();

        shipper.ship(huge, shipper.stream("file/1:2/x"), "20001", metrics);

        byte[] sent = producer.history().get(0).value();
        Event cut = EventJson.parse(sent);
        assertTrue(sent.length <= 4096, "record of " + sent.length + " bytes");
        assertTrue(huge.message().startsWith(cut.message()) && cut.message().length() > 1000, cut.message());
        assertEquals(java.util.Set.of("line_truncated"), cut.flags());
    }

    @Test
    void shouldSendDeadLetterWithReasonAndRawBase64AndCommitItsPosition() throws Exception {
        EventShipper shipper = new EventShipper(producer, store, new InFlightLimit(100, 1 << 20));
        byte[] raw = {(byte) 0xff, 'x', 0};
        DeadLetter letter = new DeadLetter("web-1", Source.JOURNALD, "cursor=abc", "not JSON", raw, T0);

        shipper.deadLetter(letter, shipper.stream("journald/system"), "abc", metrics);
        producer.completeNext();

        ProducerRecord<String, byte[]> sent = producer.history().get(0);
        assertEquals(Topics.DEADLETTER, sent.topic());
        JsonNode json = new ObjectMapper().readTree(sent.value());
        assertEquals("not JSON", json.get("reason").asText());
        assertEquals("journald", json.get("source").asText());
        assertEquals("/3gA", json.get("raw_base64").asText());
        assertEquals(Optional.of("abc"), store.position("journald/system"));
        assertEquals(1, metrics.counters().deadLettered());
    }

    @Test
    void shouldCutTheRawInputOfADeadLetterTooLargeForTheBrokerAndSayHowLongItWas() throws Exception {
        // a dead letter the broker refuses would hold its stream's checkpoint, and the source, forever
        EventShipper shipper = new EventShipper(producer, store, new InFlightLimit(100, 1 << 24), Topics.EVENTS,
                Topics.DEADLETTER, 4096);
        byte[] text = "{\"MESSAGE\":\"\u0001 unterminated".concat("x".repeat(20_000)).getBytes(StandardCharsets.UTF_8);
        byte[] binary = new byte[20_000];
        new java.util.Random(3).nextBytes(binary);

        for (byte[] raw : List.of(text, binary)) {
            producer.clear();
            shipper.deadLetter(new DeadLetter("web-1", Source.JOURNALD, "cursor=abc", "not JSON", raw, T0),
                    shipper.stream("journald/system"), "abc", metrics);
            producer.completeNext();

            byte[] sent = producer.history().get(0).value();
            assertTrue(sent.length <= 4096, "dead letter of " + sent.length + " bytes");
            JsonNode json = new ObjectMapper().readTree(sent);
            assertEquals(raw.length, json.get("raw_bytes").asInt());
            assertTrue(json.get("raw_truncated").asBoolean());
            byte[] kept = json.has("raw_text") ? json.get("raw_text").asText().getBytes(StandardCharsets.UTF_8)
                    : java.util.Base64.getDecoder().decode(json.get("raw_base64").asText());
            assertTrue(kept.length > 1000, "kept " + kept.length + " bytes");
            assertArrayEquals(java.util.Arrays.copyOf(raw, kept.length), kept);
        }
        assertEquals(Optional.of("abc"), store.position("journald/system"));
    }

    @Test
    void shouldKeepUtf8DeadLetterPayloadAsText() throws Exception {
        DeadLetter letter = new DeadLetter("web-1", Source.KERNEL, "seq=3", "no ';' in record",
                "6,3,1,-garbage".getBytes(StandardCharsets.UTF_8), T0);

        JsonNode json = new ObjectMapper().readTree(letter.toJson());

        assertEquals("6,3,1,-garbage", json.get("raw_text").asText());
        assertEquals("seq=3", json.get("origin").asText());
        assertEquals("2026-03-14T02:11:07Z", json.get("ts").asText());
    }

    private static boolean awaitDone(CompletableFuture<Void> f, long millis) throws Exception {
        try {
            f.get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        }
    }
}
