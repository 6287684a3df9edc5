package dev.vigil.analyzer.replay;

import java.io.IOException;
import java.nio.file.Path;

/** A reader of one text file's lines: holds the lines and reports those it could not read. */
abstract class LineReader implements EventReader {
    protected final LineSource lines;
    /** Records that could not be read as events, each reported with its line and reason. */
    protected final BadRecords bad;

    protected LineReader(Path path, BadRecords bad) throws IOException {
        this.lines = new LineSource(path, bad);
        this.bad = bad;
    }

    @Override
    public long skipped() {
        return bad.skipped();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
