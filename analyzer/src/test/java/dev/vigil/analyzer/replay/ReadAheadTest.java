package dev.vigil.analyzer.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The read-ahead thread reads and prepares events in batches: they come out in input order,
 * prepared on that thread, and what stopped it is thrown only after every event it prepared
 * before has come out, as an analyzer running in line would have processed those first.
 */
class ReadAheadTest {
    /** More than two batches, the last one partial. */
    private static final int EVENTS = ReadAhead.BATCH * 2 + 17;
    private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");
    // a real line of the standard library's app-log fixture (seed-002), repeated with its number
    private static final String LINE = "Failed to get environment info: Expecting value: line 1 column 1 (char 0)";

    private static ReadAhead.Reading numbered(int count) {
        return sink -> {
            for (int i = 0; i < count; i++) {
                sink.accept(Event.builder("worker-1", Source.FILE, T0.plusMillis(i), LINE + " #" + i).build());
            }
            return count;
        };
    }

    @Test
    void shouldHandOutEveryEventPreparedOnTheReadingThreadInInputOrder() throws IOException {
        List<String> got = new ArrayList<>();
        try (ReadAhead<String> ahead = new ReadAhead<>(numbered(EVENTS),
                e -> Thread.currentThread().getName() + " " + e.message())) {
            for (List<String> batch = ahead.next(); !batch.isEmpty(); batch = ahead.next()) {
                got.addAll(batch);
            }
            assertEquals(EVENTS, ahead.read());
        }
        assertEquals(IntStream.range(0, EVENTS).mapToObj(i -> "vigil-replay-reader " + LINE + " #" + i).toList(), got);
    }

    @Test
    void shouldThrowAPrepareFailureAfterTheEventsPreparedBeforeIt() throws IOException {
        int failing = ReadAhead.BATCH + 40; // mid second batch
        IllegalStateException failure = new IllegalStateException("redaction rule failed on event " + failing);
        List<Integer> got = new ArrayList<>();
        try (ReadAhead<Integer> ahead = new ReadAhead<>(numbered(EVENTS), e -> {
            int n = Integer.parseInt(e.message().substring(e.message().lastIndexOf('#') + 1));
            if (n == failing) {
                throw failure;
            }
            return n;
        })) {
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> {
                for (List<Integer> batch = ahead.next(); !batch.isEmpty(); batch = ahead.next()) {
                    got.addAll(batch);
                }
            });
            assertSame(failure, thrown);
            assertEquals(List.of(), ahead.next());
        }
        assertEquals(IntStream.range(0, failing).boxed().toList(), got);
    }

    @Test
    void shouldThrowAReadingFailureAfterTheEventsReadBeforeIt() throws IOException {
        IOException failure = new IOException("disk read error");
        List<Integer> got = new ArrayList<>();
        try (ReadAhead<Integer> ahead = new ReadAhead<>(sink -> {
            numbered(10).readInto(sink);
            throw failure;
        }, e -> 0)) {
            IOException thrown = assertThrows(IOException.class, () -> {
                for (List<Integer> batch = ahead.next(); !batch.isEmpty(); batch = ahead.next()) {
                    got.addAll(batch);
                }
            });
            assertSame(failure, thrown);
        }
        assertEquals(10, got.size());
    }
}
