package dev.vigil.analyzer.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;

/**
 * Ties a long-running command to Ctrl-C / SIGTERM: the JVM's shutdown hook asks the command to
 * stop, then waits (bounded) until the command has closed what it started, so the broker and the
 * analyzer shut down cleanly instead of being cut off.
 */
final class StopSignal implements AutoCloseable {
    /** How long the shutdown hook waits for the command to close everything. */
    static final Duration SHUTDOWN_BUDGET = Duration.ofSeconds(15);

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onJvmShutdown, "vigil-shutdown");

    StopSignal() {
        Runtime.getRuntime().addShutdownHook(hook);
        // Stop through our own handler rather than JVM exit, so main closes everything in order.
        // (A signal ignored when the JVM started stays ignored: ./vigil resets INT before exec.)
        handle("INT");
        handle("TERM");
    }

    private void handle(String signal) {
        try {
            Signal.handle(new Signal(signal), s -> requestStop());
        } catch (IllegalArgumentException e) {
            // not available on this platform (or reserved by the JVM): the shutdown hook remains
        }
    }

    /** Asks the command to stop (Ctrl-C does this through the hook; tests call it). */
    void requestStop() {
        stopRequested.countDown();
    }

    /** Blocks until a stop is requested. */
    void await() throws InterruptedException {
        stopRequested.await();
    }

    /** Waits up to {@code timeout} for a stop request; true when one came. */
    boolean await(Duration timeout) throws InterruptedException {
        return stopRequested.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void onJvmShutdown() {
        requestStop();
        try {
            stopped.await(SHUTDOWN_BUDGET.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Called by the command once everything it started is closed. */
    @Override
    public void close() {
        stopped.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running and now returns
        }
    }
}
