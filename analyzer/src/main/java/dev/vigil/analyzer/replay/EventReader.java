package dev.vigil.analyzer.replay;

import dev.vigil.patterns.event.Event;
import java.io.Closeable;
import java.io.IOException;

/** Reads the events of one saved log in file order, one at a time (a large file is never held whole). */
interface EventReader extends Closeable {
    /** The next event, or null at the end. */
    Event next() throws IOException;

    /** Lines that could not be read as events and were skipped. */
    long skipped();

    /** One read of a reader that gives null both at the end and for a record it skipped. */
    @FunctionalInterface
    interface Read {
        Event read() throws IOException;
    }

    /** Reads until an event, or null once {@code more} says nothing follows a skipped record. */
    static Event untilEvent(Read read, java.util.function.BooleanSupplier more) throws IOException {
        Event e;
        do {
            e = read.read();
        } while (e == null && more.getAsBoolean());
        return e;
    }
}
