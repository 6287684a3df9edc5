package dev.vigil.analyzer.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.analyzer.engine.MinedSignature;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteBatchesTest {
    /** A log4j line of a Hadoop NodeManager (app-log-headers/SOURCES). */
    private static final String LINE = "2023-03-15 22:04:04,307 ERROR nodemanager.NodeManager: Error starting NodeManager";
    private static final List<String> PATTERNS = List.of("app_error_signature");

    private record Sent(String key, List<String> hosts, long timestamp, int bytes) {}

    private final List<Sent> sent = new ArrayList<>();
    private final RouteBatches batches = new RouteBatches(InternalSerdes::requests, (key, record, timestamp) -> sent.add(
            new Sent(key, InternalSerdes.readRequests(record).stream().map(InternalSerdes.SigningRequest::host).toList(),
                    timestamp, record.length)));

    private static Event line(String host, long offset, String message) {
        return Event.builder(host, Source.FILE, Instant.parse("2023-03-15T22:04:04.307Z").plusSeconds(offset), message)
                .file("/var/log/hadoop/yarn-nodemanager.log").offset(offset).id(host + "-" + offset).build();
    }

    private void add(String key, String host, long timestamp) {
        add(key, line(host, timestamp, LINE));
    }

    private void add(String key, Event e) {
        batches.add(key, e.offset(), b -> InternalSerdes.addRequest(b, e, PATTERNS, SignatureMiner.minedText(e)));
    }

    @Test
    void shouldHoldAKeysEntriesInOneRecordUntilSentAndSendKeysInTheOrderTheyCame() {
        add("shape-b", "nm-1", 5);
        add("shape-a", "nm-2", 3);
        add("shape-b", "nm-3", 4);
        assertTrue(sent.isEmpty(), "nothing goes before the commit: " + sent);

        batches.sendAll();

        assertEquals(List.of("shape-b", "shape-a"), sent.stream().map(Sent::key).toList());
        assertEquals(List.of("nm-1", "nm-3"), sent.get(0).hosts(), "in the order they were added");
        assertEquals(5, sent.get(0).timestamp(), "the latest time of the record's entries");
        assertEquals(List.of("nm-2"), sent.get(1).hosts());
        batches.sendAll();
        assertEquals(2, sent.size(), "what was sent is not held any more");
    }

    @Test
    void shouldSendABatchAsSoonAsItReachesItsSizeAndKeepTheOthers() {
        String long4k = LINE + " " + "x".repeat(4000);
        int added = 0;
        while (sent.isEmpty()) {
            add("big", line("nm-1", added++, long4k));
            add("small", "nm-2", added);
        }
        assertEquals("big", sent.get(0).key());
        assertTrue(sent.get(0).bytes() >= RouteBatches.BATCH_BYTES && sent.get(0).bytes() < RouteBatches.BATCH_BYTES + 8192,
                "a batch goes at its size, one entry over at most: " + sent.get(0).bytes());
        assertEquals(added, sent.get(0).hosts().size());
        assertEquals(1, sent.size(), "the small batch stays");

        batches.sendAll();
        assertEquals(added, sent.get(1).hosts().size(), "the small batch holds every entry: " + sent.get(1));
    }

    @Test
    void shouldSendEverythingWhenItHoldsTooMuchOverAllKeys() {
        String long4k = LINE + " " + "x".repeat(4000);
        int added = 0;
        while (sent.isEmpty()) {
            add("shape-" + (added % 64), line("nm-1", added, long4k));
            added++;
        }
        assertEquals(64, sent.size(), "every key's batch went: " + sent.size());
        assertEquals(added, sent.stream().mapToInt(s -> s.hosts().size()).sum());
        assertTrue(sent.stream().allMatch(s -> s.bytes() < RouteBatches.BATCH_BYTES), "none was full");
        batches.sendAll();
        assertEquals(64, sent.size(), "nothing was held back");
    }

    @Test
    void shouldDropWhatItHoldsWhenCleared() {
        add("shape-a", "nm-1", 1);
        batches.clear();
        batches.sendAll();
        assertTrue(sent.isEmpty());
    }

    @Test
    void shouldGatherSignedCopiesAsRequests() {
        List<List<EngineInput>> copies = new ArrayList<>();
        RouteBatches signed = new RouteBatches(InternalSerdes::signedCopies,
                (host, record, timestamp) -> copies.add(InternalSerdes.readSigned(record)));
        Event e = line("nm-1", 1, LINE);
        InternalSerdes.SigningRequest request = InternalSerdes.SigningRequest.of(e, PATTERNS, SignatureMiner.minedText(e));
        for (int n = 0; n < 3; n++) {
            MinedSignature signature = new MinedSignature("s" + n, "Error starting NodeManager", List.of(), PATTERNS);
            signed.add("nm-1", n, b -> InternalSerdes.addSigned(b, request, signature));
        }
        signed.sendAll();
        assertEquals(1, copies.size());
        assertEquals(List.of("s0", "s1", "s2"), copies.get(0).stream().map(c -> c.signature().id()).toList());
    }
}
