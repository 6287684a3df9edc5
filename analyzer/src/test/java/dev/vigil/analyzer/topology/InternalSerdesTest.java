package dev.vigil.analyzer.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.analyzer.engine.MinedSignature;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventJson;
import dev.vigil.patterns.event.Source;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class InternalSerdesTest {
    /** A log4j line of a Hadoop NodeManager (app-log-headers/SOURCES), as the file shipper sends it. */
    private static final Event NODE_MANAGER = Event.builder("nm-1", Source.FILE, Instant.parse("2023-03-15T22:04:04.307Z"),
                    "2023-03-15 22:04:04,307 ERROR nodemanager.NodeManager: Error starting NodeManager")
            .id("vigil.events-3-1187").file("/var/log/hadoop/yarn-nodemanager.log").offset(1187L).build();
    /** Seed 001's OOM kill line, as the kmsg shipper sends it. */
    private static final Event KERNEL = Event.builder("kontali-1", Source.KERNEL, Instant.parse("2026-02-08T21:41:48.120Z"),
                    "Out of memory: Killed process 632846 (uvicorn) total-vm:1873324kB, anon-rss:1502312kB, file-rss:0kB, "
                            + "shmem-rss:0kB, UID:1000 pgtables:3220kB oom_score_adj:0")
            .id("e-1").bootId("4f1c").seq(1077L).priority(3).flags(Set.of("multiline")).fields(Map.of("SUBSYSTEM", "mem"))
            .build();
    private static final List<String> PATTERNS = List.of("app_error_signature");

    /** The record of one request to sign {@code e}. */
    static byte[] request(Event e, List<String> patterns, String minedText) {
        InternalSerdes.Batch batch = InternalSerdes.requests();
        InternalSerdes.addRequest(batch, e, patterns, minedText);
        return batch.toBytes();
    }

    /** The one request {@code bytes} holds. */
    static InternalSerdes.SigningRequest readRequest(byte[] bytes) {
        List<InternalSerdes.SigningRequest> requests = InternalSerdes.readRequests(bytes);
        assertEquals(1, requests.size(), "requests in the record");
        return requests.get(0);
    }

    /** The record of one signed copy. */
    static byte[] signed(InternalSerdes.SigningRequest request, MinedSignature signature) {
        InternalSerdes.Batch batch = InternalSerdes.signedCopies();
        InternalSerdes.addSigned(batch, request, signature);
        return batch.toBytes();
    }

    /** The one signed copy {@code bytes} holds. */
    static EngineInput readSigned(byte[] bytes) {
        List<EngineInput> copies = InternalSerdes.readSigned(bytes);
        assertEquals(1, copies.size(), "signed copies in the record");
        return copies.get(0);
    }

    @Test
    void shouldCarryTheMinedTextToTheMinerAndTheSameEventBackWithItsSignature() {
        byte[] request = request(NODE_MANAGER, PATTERNS, SignatureMiner.minedText(NODE_MANAGER));
        InternalSerdes.SigningRequest read = readRequest(request);
        assertEquals("nm-1", read.host());
        assertEquals(PATTERNS, read.patterns());
        assertEquals("Error starting NodeManager", read.minedText());

        MinedSignature signature = new MinedSignature("3c8e0f6a1b2d4e5f", "Error starting NodeManager", List.of("0a"), PATTERNS);
        EngineInput back = readSigned(signed(read, signature));

        assertEquals(NODE_MANAGER, back.event());
        assertEquals(signature, back.signature());
    }

    @Test
    void shouldWriteTheLayoutItDocumentsByteForByte() throws IOException {
        // the kernel event's signed copy as the layout reads, written out field by field: what the
        // records already on the internal topics hold, which this version must write and read alike
        MinedSignature signature = new MinedSignature("5d2", "Out of memory: Killed process <*>", List.of("9a"), PATTERNS);
        ByteArrayOutputStream event = new ByteArrayOutputStream();
        DataOutputStream e = new DataOutputStream(event);
        for (String s : new String[] {"e-1", "kontali-1", "kernel"}) {
            string(e, s);
        }
        e.writeLong(Instant.parse("2026-02-08T21:41:48.120Z").getEpochSecond());
        e.writeInt(120_000_000);
        string(e, null); // unit
        e.writeBoolean(false); // pid
        string(e, null); // comm
        string(e, null); // identifier
        e.writeBoolean(true); // priority
        e.writeLong(3);
        e.writeBoolean(false); // facility
        string(e, null); // message id
        string(e, "4f1c");
        string(e, null); // file
        e.writeBoolean(true); // seq
        e.writeLong(1077);
        string(e, null); // cursor
        e.writeBoolean(false); // offset
        e.writeByte(-1); // partial
        e.writeByte(1); // flags
        string(e, "multiline");
        e.writeByte(1); // fields
        string(e, "SUBSYSTEM");
        string(e, "mem");
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        DataOutputStream r = new DataOutputStream(record);
        r.writeByte(InternalSerdes.FORMAT);
        r.writeByte('S');
        r.writeByte(1);
        string(r, "app_error_signature");
        string(r, "5d2");
        string(r, "Out of memory: Killed process <*>");
        r.writeByte(1);
        string(r, "9a");
        string(r, ""); // head: a kernel message is mined whole
        string(r, KERNEL.message());
        r.writeBoolean(true);
        count(r, event.size());
        r.write(event.toByteArray());
        byte[] expected = record.toByteArray();

        byte[] written = signed(readRequest(
                request(KERNEL, PATTERNS, SignatureMiner.minedText(KERNEL))), signature);

        assertEquals(HexFormat.of().formatHex(expected), HexFormat.of().formatHex(written));
        EngineInput read = readSigned(expected);
        assertEquals(KERNEL, read.event());
        assertEquals(signature, read.signature());
    }

    /** A string as the layout writes it: its UTF-8 length plus one as a count (0 for none), then its bytes. */
    private static void string(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeByte(0);
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        count(out, utf8.length + 1);
        out.write(utf8);
    }

    /** A count of under 16,384 as the layout writes it: an unsigned varint, low seven bits first. */
    private static void count(DataOutputStream out, int n) throws IOException {
        assertTrue(n < 1 << 14, "count " + n);
        if (n >= 128) {
            out.writeByte(n & 0x7F | 0x80);
            n >>>= 7;
        }
        out.writeByte(n);
    }

    @Test
    void shouldKeepEveryFieldAPatternReadsOfAKernelEvent() {
        byte[] request = request(KERNEL, PATTERNS, SignatureMiner.minedText(KERNEL));
        EngineInput back = readSigned(signed(readRequest(request),
                new MinedSignature("s", "t", List.of(), PATTERNS)));
        assertEquals(KERNEL, back.event());
    }

    @Test
    void shouldKeepAMessageWhoseMinedTextIsNotItsEnd() {
        Event e = NODE_MANAGER.toBuilder().message("2023-03-15 22:04:04,307 ERROR x: Error starting NodeManager  ").build();
        String mined = "Error starting NodeManager";
        InternalSerdes.SigningRequest read = readRequest(request(e, PATTERNS, mined));
        assertFalse(read.tail());
        EngineInput back = readSigned(signed(read, new MinedSignature("s", mined, List.of())));
        assertEquals(e.message(), back.event().message());
    }

    @Test
    void shouldCarryTheRequestsAndSignedCopiesOfOneRecordInTheOrderTheyWereAdded() {
        List<Event> events = List.of(NODE_MANAGER, KERNEL, NODE_MANAGER.toBuilder().id("vigil.events-3-1188").offset(1188L).build());
        InternalSerdes.Batch requests = InternalSerdes.requests();
        for (Event e : events) {
            InternalSerdes.addRequest(requests, e, PATTERNS, SignatureMiner.minedText(e));
        }
        byte[] record = requests.toBytes();
        assertEquals('Q', record[1], "the kind of a record of many requests");
        List<InternalSerdes.SigningRequest> read = InternalSerdes.readRequests(record);
        assertEquals(List.of("nm-1", "kontali-1", "nm-1"), read.stream().map(InternalSerdes.SigningRequest::host).toList());

        InternalSerdes.Batch copies = InternalSerdes.signedCopies();
        for (int n = 0; n < read.size(); n++) {
            InternalSerdes.addSigned(copies, read.get(n), new MinedSignature("s" + n, read.get(n).minedText(), List.of(), PATTERNS));
        }
        byte[] signed = copies.toBytes();
        assertEquals('T', signed[1], "the kind of a record of many signed copies");
        List<EngineInput> back = InternalSerdes.readSigned(signed);
        assertEquals(events, back.stream().map(EngineInput::event).toList());
        assertEquals(List.of("s0", "s1", "s2"), back.stream().map(b -> b.signature().id()).toList());
    }

    @Test
    void shouldWriteARecordOfOneEntryAsARecordOfTheKindOfOne() {
        InternalSerdes.Batch one = InternalSerdes.requests();
        InternalSerdes.addRequest(one, NODE_MANAGER, PATTERNS, SignatureMiner.minedText(NODE_MANAGER));
        InternalSerdes.Batch two = InternalSerdes.requests();
        InternalSerdes.addRequest(two, NODE_MANAGER, PATTERNS, SignatureMiner.minedText(NODE_MANAGER));
        byte[] single = one.toBytes();
        InternalSerdes.addRequest(two, KERNEL, PATTERNS, SignatureMiner.minedText(KERNEL));
        byte[] many = two.toBytes();

        assertEquals('R', single[1], "read by a Vigil from before batches too");
        // the entries are the same bytes whatever the kind: a record of two starts with the record of one
        assertArrayEquals(Arrays.copyOfRange(single, 2, single.length), Arrays.copyOfRange(many, 2, single.length));
    }

    @Test
    void shouldRefuseARecordOfManyCutShortWithoutReadingAnyOfIt() {
        InternalSerdes.Batch requests = InternalSerdes.requests();
        InternalSerdes.addRequest(requests, NODE_MANAGER, PATTERNS, SignatureMiner.minedText(NODE_MANAGER));
        InternalSerdes.addRequest(requests, KERNEL, PATTERNS, SignatureMiner.minedText(KERNEL));
        byte[] record = requests.toBytes();
        byte[] cut = Arrays.copyOf(record, record.length - 10);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InternalSerdes.readRequests(cut));
        assertTrue(e.getMessage().startsWith("unreadable signing request (" + cut.length + " bytes): "), e.getMessage());
    }

    @Test
    void shouldReadTheRecordsAnOlderVigilWroteNamingNoPattern() throws IOException {
        InternalSerdes.SigningRequest request = readRequest(EventJson.toBytes(NODE_MANAGER));
        assertEquals(List.of(), request.patterns());
        assertEquals("Error starting NodeManager", request.minedText());

        EngineInput signed = readSigned(legacySigned(NODE_MANAGER,
                new MinedSignature("3c8e0f6a1b2d4e5f", "Error starting NodeManager", List.of())));
        assertEquals(NODE_MANAGER, signed.event());
        assertEquals(List.of(), signed.signature().patterns());
        assertEquals("3c8e0f6a1b2d4e5f", signed.signature().id());
    }

    @Test
    void shouldRefuseBytesOfAnotherFormatNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> readSigned(new byte[] {2, 'S', 0}));
        assertEquals("unreadable signed event (3 bytes): format version 2, this Vigil reads 1", e.getMessage());
        IllegalArgumentException cut = assertThrows(IllegalArgumentException.class,
                () -> readRequest(new byte[] {1, 'R', 5, 'n'}));
        assertTrue(cut.getMessage().startsWith("unreadable signing request (4 bytes): "), cut.getMessage());
    }

    @Test
    void shouldWriteSmallerRecordsThanTheEventJsonOfOlderVersions() throws IOException {
        for (Event e : List.of(NODE_MANAGER, KERNEL)) {
            MinedSignature signature = new MinedSignature("3c8e0f6a1b2d4e5f", SignatureMiner.minedText(e), List.of(), PATTERNS);
            byte[] request = request(e, PATTERNS, SignatureMiner.minedText(e));
            byte[] signed = signed(readRequest(request), signature);
            int legacyRequest = EventJson.toBytes(e).length;
            int legacySigned = legacySigned(e, signature).length;
            LoggerFactory.getLogger(InternalSerdesTest.class).info(
                    "Signature route record bytes source={} requestBefore={} requestAfter={} signedBefore={} signedAfter={}",
                    e.source().wireName(), legacyRequest, request.length, legacySigned, signed.length);
            assertTrue(request.length < legacyRequest, request.length + " >= " + legacyRequest);
            assertTrue(signed.length < legacySigned, signed.length + " >= " + legacySigned);
        }
    }

    /** A signed copy as older versions wrote it: the event JSON, a newline, the signature as JSON. */
    private static byte[] legacySigned(Event e, MinedSignature signature) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(EventJson.toBytes(e));
        out.write('\n');
        out.write(new ObjectMapper().writeValueAsBytes(Map.of("id", signature.id(), "template", signature.template(),
                "replaces", signature.replaces())));
        return out.toByteArray();
    }
}
