package dev.vigil.shippers.kmsg;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads kmsg records from a file or pipe holding what {@code cat /dev/kmsg} writes: one record per
 * line, each followed by its {@code " KEY=value"} continuation lines.
 */
public final class KmsgStreamReader implements KmsgReader {
    private final InputStream in;
    private byte[] lookahead;

    public KmsgStreamReader(InputStream in) {
        this.in = new BufferedInputStream(in);
    }

    @Override
    public byte[] next() throws IOException {
        byte[] first = lookahead != null ? lookahead : readLine();
        lookahead = null;
        if (first == null) {
            return null;
        }
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.write(first);
        while (true) {
            byte[] line = readLine();
            if (line == null) {
                break;
            }
            if (line.length > 1 && line[0] == ' ') {
                record.write(line);
            } else {
                lookahead = line;
                break;
            }
        }
        return record.toByteArray();
    }

    /** One line including its newline; null at end of stream. */
    private byte[] readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            line.write(b);
            if (b == '\n') {
                break;
            }
        }
        return line.size() == 0 ? null : line.toByteArray();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
