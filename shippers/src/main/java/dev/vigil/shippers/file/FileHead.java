package dev.vigil.shippers.file;

import dev.vigil.shippers.container.ContainerLogFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a tailed text file's lines carry stamps, judged as replay judges a log
 * ({@link Framing.Head}) on the file's head: read from offset 0 of the open file when first asked
 * (the file is on disk, wherever the tailer resumes), then fed the lines the tailer reads after it
 * until the sample is full. A new or short file is thus judged on the lines it has so far, the line
 * being framed included, and the verdict follows the file as it grows: a file read whole when it
 * is opened is cut exactly as replay cuts it. Each generation of the file (after a truncation) is
 * judged anew. A container log is judged on its records' output ({@link Framing#output}).
 *
 * <p>The head also gives the file its stamp parser ({@link LineTimestampParser#forHead}): the order
 * of its numeric dates and the word that holds its epoch seconds, as replay's parser for the same
 * file reads them. It is learnt again as the sample doubles, up to {@link #PARSER_SAMPLE} lines
 * (cut to {@link #PARSER_CHARS} characters, all a stamp is looked for in), then kept.
 */
final class FileHead {
    private static final Logger log = LoggerFactory.getLogger(FileHead.class);
    /** Bytes read at a time; a head line longer than this is left to the tailer's read of it. */
    private static final int WINDOW = 64 * 1024;
    /** Lines of the head the file's stamp parser learns from. */
    static final int PARSER_SAMPLE = 200;
    /** What of a line the parser's learning reads: a stamp is looked for near a line's start. */
    private static final int PARSER_CHARS = 128;

    private final FileChannel channel;
    private final Path path;
    private final TailContext ctx;
    /** The container log format whose records' output is judged; null for a text file. */
    private ContainerLogFormat records;
    /** Null until the head is read. */
    private Framing.Head head;
    /** Where the first line not in the sample starts. */
    private long sampledTo;
    /** The lines the stamp parser learns from; null once it has learnt from all it needs. */
    private List<String> parserSample;
    private LineTimestampParser stamps;
    /** How many sample lines {@link #stamps} was learnt from. */
    private int stampsFrom;

    FileHead(FileChannel channel, Path path, TailContext ctx) {
        this.channel = channel;
        this.path = path;
        this.ctx = ctx;
    }

    /** A new generation of the file begins, or its kind is known: its head is read again when asked. */
    void reset(ContainerLogFormat records) {
        this.records = records;
        head = null;
        stamps = null;
    }

    /** The stamp parser for this file's lines, by its head as far as it is read. */
    LineTimestampParser stamps() {
        if (head == null) {
            readHead();
        }
        return stamps;
    }

    /** Whether the file's lines carry stamps, by its head as far as it is read. */
    boolean isStamped() {
        if (head == null) {
            readHead();
        }
        return head.isStamped();
    }

    /** Notes a whole line the tailer read at {@code start..end}: one past the head read so far joins the sample. */
    void read(String text, long start, long end) {
        if (head != null && !head.isComplete() && start >= sampledTo) {
            sample(text);
            sampledTo = end;
        }
    }

    private void readHead() {
        head = new Framing.Head();
        sampledTo = 0;
        parserSample = new ArrayList<>();
        stampsFrom = 0;
        learn("");
        byte[] buf = new byte[WINDOW];
        try {
            int n;
            while (!head.isComplete() && (n = channel.read(ByteBuffer.wrap(buf), sampledTo)) > 0) {
                int from = 0;
                for (int i = 0; i < n && !head.isComplete(); i++) {
                    if (buf[i] == '\n') {
                        int text = sampledTo == 0 && from == 0 ? DecodedLine.afterByteOrderMark(buf, 0, i) : from;
                        sample(DecodedLine.decode(buf, text, i, Set.of()).text());
                        from = i + 1;
                    }
                }
                if (from == 0) {
                    return; // a line longer than the window, or not ended yet: the tailer's read of it is sampled
                }
                sampledTo += from;
            }
        } catch (IOException e) {
            // the tailer's own read of the file reports what is wrong with it; the sample goes on from its lines
            log.warn("Could not read the head of the file, judging its framing by the lines read file={} offset={} error=\"{}\"",
                    path, sampledTo, e.getMessage());
        }
        relearn(); // from all the lines there are now: a short file is read as a whole
    }

    private void sample(String line) {
        String output = Framing.output(line, records);
        learn(output);
        head.add(output, !output.isBlank() && stamps.parse(output, ctx.clock().instant()).isPresent());
    }

    /** Adds a head line to what the stamp parser learns from; learns again when the sample doubled or is full. */
    private void learn(String output) {
        if (parserSample == null) {
            return;
        }
        if (!output.isBlank()) {
            parserSample.add(output.length() > PARSER_CHARS ? output.substring(0, PARSER_CHARS) : output);
        }
        int n = parserSample.size();
        if (stamps == null || n >= PARSER_SAMPLE || n >= 2 * stampsFrom) {
            relearn();
        }
    }

    private void relearn() {
        if (parserSample == null) {
            return;
        }
        int n = parserSample.size();
        stamps = LineTimestampParser.forHead(ctx.config().zone(), parserSample);
        stampsFrom = Math.max(1, n);
        if (n >= PARSER_SAMPLE) {
            parserSample = null; // learnt: its lines need not be kept
        }
    }
}
