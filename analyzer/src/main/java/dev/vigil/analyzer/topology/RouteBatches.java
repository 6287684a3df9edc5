package dev.vigil.analyzer.topology;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The signature route's records of one processor, gathered per key (a shape's requests, a host's
 * signed copies) into one record each ({@link InternalSerdes.Batch}) until the task commits: its
 * commit hook sends them all, in its transaction. A batch goes earlier when it reaches
 * {@link #BATCH_BYTES}, and every batch when the processor holds more than {@link #HELD_BYTES},
 * so a long commit interval neither makes a record the broker refuses nor holds much memory.
 *
 * <p>Nothing is held past a commit, so nothing is lost when a task fails: the input of what is
 * held is not yet committed either, and is read again.
 */
final class RouteBatches {
    /**
     * A batch reaching this size goes: it then holds at most one more entry, itself under 300 KiB
     * ({@link SigningCut}), so a record stays well under the broker's default 1 MiB.
     */
    static final int BATCH_BYTES = 256 * 1024;
    /** Most bytes held over all keys before everything goes. */
    static final int HELD_BYTES = 8 * 1024 * 1024;

    /** Where a batch goes: {@code key}'s record, stamped with the latest time of its entries. */
    interface Send {
        void send(String key, byte[] record, long timestamp);
    }

    private final Supplier<InternalSerdes.Batch> batches;
    private final Send send;
    /** Run as each entry is added, while the input record it comes from is being processed. */
    private final Runnable adding;
    /** In the order keys came: a commit sends them in that order. */
    private final Map<String, Held> held = new LinkedHashMap<>();
    private long heldBytes;

    /**
     * @param batches a new, empty batch of the records gathered here
     * @param send where a full batch goes, and every batch on {@link #sendAll}
     */
    RouteBatches(Supplier<InternalSerdes.Batch> batches, Send send) {
        this(batches, send, () -> { });
    }

    private RouteBatches(Supplier<InternalSerdes.Batch> batches, Send send, Runnable adding) {
        this.batches = batches;
        this.send = send;
        this.adding = adding;
    }

    /**
     * Batches that the processor initialised with {@code context} forwards to its child {@code child}:
     * a full one as it is processing, the rest from its commit hook ({@link CommitForwarder}), standing
     * for the last input record an entry was added for. Make them in the processor's {@code init}.
     */
    static RouteBatches forwardedTo(String child, ProcessorContext<String, Object> context,
            Supplier<InternalSerdes.Batch> batches) {
        CommitForwarder forwarder = new CommitForwarder(context);
        return new RouteBatches(batches,
                (key, record, timestamp) -> forwarder.forward(new Record<>(key, (Object) record, timestamp), child),
                forwarder::remember);
    }

    /** Adds an entry to {@code key}'s batch, written by {@code write}, for a record of {@code timestamp}. */
    void add(String key, long timestamp, Consumer<InternalSerdes.Batch> write) {
        adding.run();
        Held h = held.get(key);
        if (h == null) {
            h = new Held(batches.get());
            held.put(key, h);
        }
        int before = h.batch.size();
        write.accept(h.batch);
        h.timestamp = Math.max(h.timestamp, timestamp);
        heldBytes += h.batch.size() - before;
        if (heldBytes > HELD_BYTES) {
            sendAll();
        } else if (h.batch.size() >= BATCH_BYTES) {
            held.remove(key);
            heldBytes -= h.batch.size();
            send.send(key, h.batch.toBytes(), h.timestamp);
        }
    }

    /** Sends every batch held, in the order their keys came. */
    void sendAll() {
        for (Iterator<Map.Entry<String, Held>> it = held.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Held> e = it.next();
            it.remove();
            heldBytes -= e.getValue().batch.size();
            send.send(e.getKey(), e.getValue().batch.toBytes(), e.getValue().timestamp);
        }
    }

    /** Drops what is held, unsent: for a task closing without a commit, whose input is read again. */
    void clear() {
        held.clear();
        heldBytes = 0;
    }

    private static final class Held {
        final InternalSerdes.Batch batch;
        long timestamp = Long.MIN_VALUE;

        Held(InternalSerdes.Batch batch) {
            this.batch = batch;
        }
    }
}
