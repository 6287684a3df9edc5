package dev.vigil.broker;

import java.time.Duration;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * Stops a consumer that one thread of its own polls until woken: a consumer may be used by one
 * thread only, so another thread may only wake it ({@link Consumer#wakeup}), and the polling
 * thread closes it on its way out. A thread that never ran (or already ended) leaves the closing
 * to the caller.
 */
public final class PollingThread {
    /** How long closing a consumer may wait for its last requests. */
    public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

    private PollingThread() {}

    /** Wakes {@code consumer} and waits up to {@code wait} for {@code thread} to close it and end. */
    public static void stop(Thread thread, Consumer<?, ?> consumer, Duration wait) throws InterruptedException {
        if (!thread.isAlive()) {
            consumer.close(CLOSE_TIMEOUT);
            return;
        }
        consumer.wakeup();
        thread.join(wait.toMillis());
    }
}
