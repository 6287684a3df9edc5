package dev.vigil.analyzer.replay;

import java.io.IOException;
import java.nio.file.Path;

/** A reader of one text file's lines: holds the lines and counts those it could not read. */
abstract class LineReader implements EventReader {
    protected final LineSource lines;
    /** Lines that could not be read as events. */
    protected long skipped;

    protected LineReader(Path path) throws IOException {
        this.lines = new LineSource(path);
    }

    @Override
    public long skipped() {
        return skipped;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
