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
}
