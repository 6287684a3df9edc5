package dev.vigil.analyzer.cli;

import java.util.concurrent.Callable;

/**
 * A command that runs until Ctrl-C / SIGTERM: it opens its {@link StopSignal} here, so a test (or
 * an embedding caller) can stop a running {@code call()} as the signal would.
 */
abstract class StoppableCommand implements Callable<Integer> {
    private volatile StopSignal stopSignal;

    /** The stop signal of this run; the caller closes it once everything it started is closed. */
    final StopSignal openStopSignal() {
        StopSignal signal = new StopSignal();
        stopSignal = signal;
        return signal;
    }

    /** Stops a running {@code call()} as Ctrl-C would; does nothing before the run opened its signal. */
    final void requestStop() {
        StopSignal signal = stopSignal;
        if (signal != null) {
            signal.requestStop();
        }
    }
}
