package dev.vigil.analyzer.replay;

import dev.vigil.patterns.event.Event;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads and merges a replay's events on a second thread, a bounded number of batches
 * ahead of the analyzer, and prepares each there in input order ({@code T}, e.g. the
 * analyzer's intake): parsing the saved logs and the intake need none of the engine's state, so
 * the analyzer's own thread is left only the engine. At most {@link #BATCHES_AHEAD} batches of at
 * most {@link #BATCH} events or {@link #BATCH_CHARS} characters of messages wait, so a large
 * input still streams through bounded memory.
 */
final class ReadAhead<T> implements AutoCloseable {
    static final int BATCH = 256;
    static final int BATCHES_AHEAD = 4;
    /** A batch is handed over at this many characters of messages, so long lines cannot fill the heap ahead. */
    static final int BATCH_CHARS = 2 << 20;

    /** Reads every event of the inputs into the sink, in order; returns how many. */
    @FunctionalInterface
    interface Reading {
        long readInto(Consumer<Event> sink) throws IOException;
    }

    /** A batch of prepared events, or the end of the input (with the count read, or the failure that ended it). */
    private record Batch<T>(List<T> events, boolean end, long read, Throwable failure) {}

    private final BlockingQueue<Batch<T>> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final Thread thread;
    private boolean ended;
    private long read;

    /** @param prepare runs on the reading thread on every event read, in order; its failure ends the input */
    ReadAhead(Reading reading, Function<Event, T> prepare) {
        this.thread = new Thread(() -> run(reading, prepare), "vigil-replay-reader");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The next batch of prepared events; empty at the end. Rethrows what stopped the reader once
     * every event prepared before it was taken.
     */
    List<T> next() throws IOException {
        if (ended) {
            return List.of();
        }
        Batch<T> b = take();
        if (!b.end()) {
            return b.events();
        }
        ended = true;
        read = b.read();
        if (b.failure() instanceof IOException e) {
            throw e;
        }
        if (b.failure() instanceof RuntimeException e) {
            throw e;
        }
        if (b.failure() != null) {
            throw new IllegalStateException("replay reader failed", b.failure());
        }
        return List.of();
    }

    /** How many events were read; known once {@link #next} returned the end. */
    long read() {
        return read;
    }

    private void run(Reading reading, Function<Event, T> prepare) {
        List<T> batch = new ArrayList<>(BATCH);
        long[] chars = {0};
        long count = 0;
        Throwable failure = null;
        try {
            count = reading.readInto(e -> {
                batch.add(prepare.apply(e));
                chars[0] += e.message().length();
                if (batch.size() == BATCH || chars[0] >= BATCH_CHARS) {
                    put(new Batch<>(List.copyOf(batch), false, 0, null));
                    batch.clear();
                    chars[0] = 0;
                }
            });
        } catch (StoppedException e) {
            return; // the replay gave up on us; nobody reads what we would say
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
        }
        try {
            // what was prepared before a failure is processed before the failure is thrown, as in line
            if (!batch.isEmpty()) {
                queue.put(new Batch<>(List.copyOf(batch), false, 0, null));
            }
            queue.put(new Batch<>(List.of(), true, count, failure));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void put(Batch<T> b) {
        try {
            queue.put(b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoppedException();
        }
    }

    private Batch<T> take() throws IOException {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for replayed events", e);
        }
    }

    /** Stops the reader when the replay ends early (its analyzer failed); waits for it to close its files. */
    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Unwinds the reading thread when the replay no longer takes its events. */
    private static final class StoppedException extends RuntimeException {
        StoppedException() {
            super("replay stopped", null, false, false);
        }
    }
}
