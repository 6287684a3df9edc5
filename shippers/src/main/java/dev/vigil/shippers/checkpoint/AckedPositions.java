package dev.vigil.shippers.checkpoint;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * The position of one source stream that Kafka has acknowledged, advanced strictly in read order.
 *
 * <p>Records are sent in read order but their acknowledgements can arrive out of order (several
 * partitions, retries). The committed position is that of the longest acknowledged prefix, so a
 * later acknowledgement never moves it past an earlier record still in flight. A failed record
 * freezes the stream: its position is never committed and neither is anything after it, so a
 * restart resends from there.
 */
public final class AckedPositions {
    private final String stream;
    private final CheckpointStore store;
    private final Deque<Pending> inFlight = new ArrayDeque<>();
    private boolean failed;

    public AckedPositions(String stream, CheckpointStore store) {
        this.stream = Objects.requireNonNull(stream, "stream");
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Registers the next record of the stream; {@code position} is where reading resumes after it. */
    public synchronized Pending track(String position) {
        Pending p = new Pending(Objects.requireNonNull(position, "position"));
        inFlight.addLast(p);
        return p;
    }

    /** Records sent and not yet acknowledged. */
    public synchronized int pendingCount() {
        return inFlight.size();
    }

    /** True when a record of this stream failed to send; the checkpoint stays before it. */
    public synchronized boolean hasFailed() {
        return failed;
    }

    /** The stream's key in the checkpoint store. */
    public String stream() {
        return stream;
    }

    private synchronized void acknowledge(Pending p) {
        p.acked = true;
        String committed = null;
        while (!failed && !inFlight.isEmpty() && inFlight.peekFirst().acked) {
            committed = inFlight.pollFirst().position;
        }
        if (committed != null) {
            store.put(stream, committed);
        }
    }

    private synchronized boolean fail() {
        boolean first = !failed;
        failed = true;
        return first;
    }

    /** One record in flight; exactly one of its two methods is called, from the delivery callback. */
    public final class Pending {
        private final String position;
        private boolean acked;

        private Pending(String position) {
            this.position = position;
        }

        /** Kafka acknowledged the record. */
        public void acknowledge() {
            AckedPositions.this.acknowledge(this);
        }

        /** The send failed for good; true when it is the stream's first failure. */
        public boolean fail() {
            return AckedPositions.this.fail();
        }
    }
}
