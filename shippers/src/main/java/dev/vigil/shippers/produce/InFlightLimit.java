package dev.vigil.shippers.produce;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Bounds the records and bytes handed to Kafka and not yet acknowledged; a source that asks for
 * more blocks, which pauses its reading, so memory stays bounded while Kafka is slow or down.
 */
public final class InFlightLimit {
    private final int maxRecords;
    private final long maxBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private int records;
    private long bytes;

    /**
     * @param maxRecords most records in flight at once
     * @param maxBytes most serialised bytes in flight at once; one record larger than this is still
     *     let through when nothing else is in flight, so it cannot block forever
     */
    public InFlightLimit(int maxRecords, long maxBytes) {
        if (maxRecords < 1) throw new IllegalArgumentException("maxRecords < 1: " + maxRecords);
        if (maxBytes < 1) throw new IllegalArgumentException("maxBytes < 1: " + maxBytes);
        this.maxRecords = maxRecords;
        this.maxBytes = maxBytes;
    }

    /** Waits until one more record of {@code size} bytes fits, then counts it in. */
    public void acquire(long size) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (!fits(size)) {
                released.await();
            }
            records++;
            bytes += size;
        } finally {
            lock.unlock();
        }
    }

    /** Counts out one record of {@code size} bytes (acknowledged or failed). */
    public void release(long size) {
        lock.lock();
        try {
            records--;
            bytes -= size;
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** True when no further record of {@code size} bytes would be admitted now. */
    public boolean isFull(long size) {
        lock.lock();
        try {
            return !fits(size);
        } finally {
            lock.unlock();
        }
    }

    /** Records in flight now. */
    public int records() {
        lock.lock();
        try {
            return records;
        } finally {
            lock.unlock();
        }
    }

    private boolean fits(long size) {
        if (records == 0) {
            return true;
        }
        return records < maxRecords && bytes + size <= maxBytes;
    }
}
