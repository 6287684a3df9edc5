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

    /**
     * The next line that can hold a whole record: blank lines are passed over, and a line cut at
     * {@link LineSource#MAX_LINE_BYTES} is reported as a skipped {@code what}; null at the end.
     */
    protected LineSource.Line nextWhole(String what) throws IOException {
        LineSource.Line line;
        while ((line = lines.next()) != null) {
            if (line.text().isBlank()) {
                continue;
            }
            if (!line.truncated()) {
                return line;
            }
            bad.skip(line.number(), what + " longer than " + LineSource.MAX_LINE_BYTES + " bytes");
        }
        return null;
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
