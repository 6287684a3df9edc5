package dev.vigil.analyzer.sink;

/**
 * A sink could not deliver a batch. Retryable failures (a 5xx, a timeout, a refused connection)
 * are tried again after a back-off; permanent ones (the service refused the content) go to the
 * dead letters at once, since sending the same bytes again cannot succeed.
 */
public final class SinkException extends Exception {
    private final boolean retryable;

    private SinkException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public static SinkException retryable(String message, Throwable cause) {
        return new SinkException(message, true, cause);
    }

    public static SinkException permanent(String message) {
        return new SinkException(message, false, null);
    }

    public boolean retryable() {
        return retryable;
    }
}
