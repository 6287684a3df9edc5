package dev.vigil.shippers.journald;

/** A line of {@code journalctl -o json} that is not a journal entry; the message says why. */
public class JournalEntryException extends Exception {
    private static final long serialVersionUID = 1L;

    JournalEntryException(String message) {
        super(message);
    }
}
