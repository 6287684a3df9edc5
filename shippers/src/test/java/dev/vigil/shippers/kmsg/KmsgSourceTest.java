package dev.vigil.shippers.kmsg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventIds;
import dev.vigil.patterns.event.EventJson;
import dev.vigil.patterns.event.Source;
import dev.vigil.shippers.checkpoint.CheckpointStore;
import dev.vigil.shippers.produce.EventShipper;
import dev.vigil.shippers.produce.InFlightLimit;
import dev.vigil.shippers.produce.SourceMetrics;
import dev.vigil.shippers.produce.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KmsgSourceTest {
    private static final Instant BOOTED = Instant.parse("2026-03-14T00:00:00Z");
    private static final BootClock BOOT = new BootClock("0407d3cf-0186-4e81-b2b7-aa77d3597014", BOOTED);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-14T02:11:07Z"), ZoneOffset.UTC);
    private static final String STREAM = "kmsg/" + BOOT.bootId();

    @TempDir Path state;
    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    private final SourceMetrics metrics = new SourceMetrics("kmsg");
    private CheckpointStore store;
    private EventShipper shipper;

    @BeforeEach
    void setUp() throws IOException {
        store = CheckpointStore.open(state);
        shipper = new EventShipper(producer, store, new InFlightLimit(1000, 1 << 20));
    }

    private void runOver(String framed) throws IOException {
        Path file = state.resolve("kmsg.txt");
        Files.writeString(file, framed, StandardCharsets.ISO_8859_1);
        try (InputStream in = Files.newInputStream(file)) {
            new KmsgSource("web-1", BOOT, new KmsgStreamReader(in), shipper, metrics, CLOCK).run();
        }
    }

    private List<Event> shippedEvents() {
        return producer.history().stream()
                .filter(r -> r.topic().equals(Topics.EVENTS))
                .map(r -> EventJson.parse(r.value()))
                .toList();
    }

    @Test
    void shouldShipOnlyTheLookBackOfTheRingBufferOnAFirstStartAndAllOfANewBoot() throws IOException {
        // booted at 00:00, the clock says 02:11:07: seq 1 is from 00:00:05, seq 2 from 01:50
        String buffer = "3,1,5000000,-;Out of memory: Killed process 11 (old)\n"
                + "3,2,6600000000,-;Out of memory: Killed process 22 (recent)\n";
        Path file = state.resolve("kmsg.txt");
        Files.writeString(file, buffer, StandardCharsets.ISO_8859_1);
        try (InputStream in = Files.newInputStream(file)) {
            new KmsgSource("web-1", BOOT, new KmsgStreamReader(in), shipper, metrics, CLOCK, Duration.ofHours(1)).run();
        }
        assertEquals(List.of("Out of memory: Killed process 22 (recent)"),
                shippedEvents().stream().map(Event::message).toList());

        producer.clear();
        BootClock next = new BootClock("11111111-2222-3333-4444-555555555555", BOOTED.plus(Duration.ofHours(1)));
        try (InputStream in = Files.newInputStream(file)) {
            new KmsgSource("web-1", next, new KmsgStreamReader(in), shipper, metrics, CLOCK, Duration.ofHours(1)).run();
        }
        assertEquals(2, shippedEvents().size(), "a new boot after a saved position is shipped from its start");
    }

    @Test
    void shouldMapRecordToKernelEventWithWallTimeAndDeterministicId() throws IOException {
        runOver("3,1234,5678901,-;Out of memory: Killed process 4242 (uvicorn)\n SUBSYSTEM=mm\n");

        Event expected = Event.builder("web-1", Source.KERNEL, Instant.parse("2026-03-14T00:00:05.678901Z"),
                        "Out of memory: Killed process 4242 (uvicorn)")
                .id(EventIds.of("web-1", Source.KERNEL, BOOT.bootId(), "1234"))
                .priority(3).facility(0).seq(1234L).bootId(BOOT.bootId())
                .fields(Map.of("SUBSYSTEM", "mm"))
                .build();
        assertEquals(List.of(expected), shippedEvents());
        assertEquals(Optional.of("1234"), store.position(STREAM));
    }

    @Test
    void shouldNotReplayRecordsAlreadyShippedForThisBoot() throws IOException {
        store.put(STREAM, "11");

        runOver("6,10,1,-;ten\n6,11,2,-;eleven\n6,12,3,-;twelve\n");

        assertEquals(List.of("twelve"), shippedEvents().stream().map(Event::message).toList());
    }

    @Test
    void shouldShipWholeBufferOfNewBootAndForgetOldBoots() throws IOException {
        store.put("kmsg/previous-boot", "900");

        runOver("6,0,1,-;zero\n6,1,2,-;one\n");

        assertEquals(List.of("zero", "one"), shippedEvents().stream().map(Event::message).toList());
        assertEquals(Map.of(STREAM, "1"), store.positionsStartingWith("kmsg/"));
    }

    @Test
    void shouldEmitOverrunEventWithMissingRangeOnSeqGap() throws IOException {
        store.put(STREAM, "9");

        runOver("6,10,1000000,-;ten\n6,15,2000000,-;fifteen\n");

        Event overrun = shippedEvents().get(1);
        assertEquals(Source.SHIPPER, overrun.source());
        assertEquals("kmsg_overrun", overrun.identifier());
        assertEquals("kernel ring buffer overrun: 4 records lost, seq 11..14", overrun.message());
        assertEquals(Map.of("first_missing_seq", "11", "last_missing_seq", "14", "missing", "4"), overrun.fields());
        assertEquals(Instant.parse("2026-03-14T00:00:02Z"), overrun.ts());
        assertEquals(List.of("ten", overrun.message(), "fifteen"),
                shippedEvents().stream().map(Event::message).toList());
    }

    @Test
    void shouldEmitOverrunEventAfterBrokenPipeAndGoOn() {
        Deque<Object> reads = new ArrayDeque<>(List.of(
                "6,20,1,-;twenty\n", new KmsgOverrunException("Broken pipe"), "6,31,2,-;thirty-one\n"));
        KmsgReader reader = new KmsgReader() {
            @Override
            public byte[] next() throws IOException {
                Object next = reads.poll();
                if (next instanceof IOException e) {
                    throw e;
                }
                return next == null ? null : ((String) next).getBytes(StandardCharsets.US_ASCII);
            }

            @Override
            public void close() {}
        };

        new KmsgSource("web-1", BOOT, reader, shipper, metrics, CLOCK).run();

        List<Event> events = shippedEvents();
        assertEquals("kernel ring buffer overrun: 10 records lost, seq 21..30", events.get(1).message());
        assertEquals("thirty-one", events.get(2).message());
        assertEquals(1, metrics.counters().errors());
    }

    @Test
    void shouldDeadLetterMalformedRecordAndKeepShipping() throws Exception {
        runOver("6,1,1,-;one\ngarbage without prefix\n6,2,2,-;two\n");

        assertEquals(List.of("one", "two"), shippedEvents().stream().map(Event::message).toList());
        var letter = producer.history().stream().filter(r -> r.topic().equals(Topics.DEADLETTER)).findFirst().orElseThrow();
        var json = new ObjectMapper().readTree(letter.value());
        assertEquals("no ';' between prefix and message", json.get("reason").asText());
        assertEquals("garbage without prefix\n", json.get("raw_text").asText());
        assertEquals(Optional.of("2"), store.position(STREAM));
    }

    @Test
    void shouldFlagInvalidUtf8FromEscapedBytes() throws IOException {
        runOver("6,1,1,-;bad \\xff\n");

        assertEquals(Set.of("invalid_utf8"), shippedEvents().get(0).flags());
    }

    @Test
    void shouldShipRecordsReadThroughRealPipe() throws Exception {
        Path framed = state.resolve("kmsg.txt");
        Files.writeString(framed, "6,1,1,-;one\n SUBSYSTEM=net\n6,2,2,-;two\n", StandardCharsets.US_ASCII);
        Process cat = new ProcessBuilder("cat", framed.toString()).start();

        try (KmsgStreamReader pipe = new KmsgStreamReader(cat.getInputStream())) {
            new KmsgSource("web-1", BOOT, pipe, shipper, metrics, CLOCK).run();
        }

        assertEquals(List.of("one", "two"), shippedEvents().stream().map(Event::message).toList());
        assertEquals(Map.of("SUBSYSTEM", "net"), shippedEvents().get(0).fields());
        assertEquals(0, cat.waitFor());
    }
}
