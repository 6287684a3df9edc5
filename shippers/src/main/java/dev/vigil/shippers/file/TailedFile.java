package dev.vigil.shippers.file;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventIds;
import dev.vigil.patterns.event.Source;
import dev.vigil.shippers.checkpoint.AckedPositions;
import dev.vigil.shippers.checkpoint.CheckpointStore;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open file being tailed: reads what was appended, cuts it into lines, joins multiline events
 * ({@link Framing}, judged on the file's head by {@link FileHead}) and ships them ({@link FileEvents} makes the events), checkpointing the offset after each
 * acknowledged event. The channel stays open after the path is renamed or deleted, so a rotated
 * file is read to its end.
 */
final class TailedFile implements Closeable {
    private static final Logger log = LoggerFactory.getLogger(TailedFile.class);
    private static final int READ_CHUNK = 64 * 1024;

    private final TailContext ctx;
    private final FileIdentity.Inode inode;
    private final FileChannel channel;
    private final boolean multiline;
    /** The file's own multiline rule, or null for the built-in one. */
    private final MultilinePattern pattern;
    private final FileEvents events;
    private Path path;
    private FileIdentity identity;
    /** {@code identity.stream()}, built once per generation rather than once per line. */
    private String streamId;
    /** Ids of this generation's lines. */
    private EventIds.Stream ids;
    private AckedPositions stream;
    private long readOffset;
    /**
     * The largest size seen since the last truncation: what was on disk to read. Also sampled
     * while the tailer's thread waits for Kafka ({@link #noteSize}), so what a rotation cuts
     * then is counted.
     */
    private final AtomicLong seenSize = new AtomicLong();
    /** Written by the tailer's thread, read by the size sampler. */
    private volatile long shippedEnd;
    private byte[] buf = new byte[READ_CHUNK];
    private int bufLen;
    private long bufStart;
    private Instant lastGrowth;
    private boolean discarding;
    private PendingEvent pending;
    private boolean gone;

    private TailedFile(TailContext ctx, Path path, FileIdentity.Inode inode, FileChannel channel, FileInput input) {
        this.ctx = ctx;
        this.path = path;
        this.inode = inode;
        this.channel = channel;
        this.multiline = input.multiline();
        this.pattern = input.pattern();
        this.events = new FileEvents(ctx, input.format(), new FileHead(channel, path, ctx));
        this.lastGrowth = ctx.clock().instant();
    }

    /** Opens a file and resumes from its checkpoint when one matches its fingerprint. */
    static TailedFile open(TailContext ctx, Path path, FileIdentity.Inode inode, FileInput input)
            throws IOException, InterruptedException {
        // not through a link: FileTailer resolved any it follows, and one put here since must not be
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        TailedFile f = new TailedFile(ctx, path, inode, ch, input);
        f.resumeFromCheckpoint();
        return f;
    }

    private void resumeFromCheckpoint() throws IOException, InterruptedException {
        CheckpointStore store = ctx.shipper().checkpoints();
        for (Map.Entry<String, String> saved : store.positionsStartingWith(inode.keyPrefix()).entrySet()) {
            FileIdentity candidate = FileIdentity.fromCheckpointKey(inode, saved.getKey());
            if (identity == null && candidate.matches(channel)) {
                startGeneration(candidate, Long.parseLong(saved.getValue()));
            } else {
                store.remove(saved.getKey());
            }
        }
        if (identity != null) {
            log.info("Resuming file file={} offset={}", path, readOffset);
            if (channel.size() < readOffset) {
                truncated(channel.size());
            }
        }
    }

    private void startGeneration(FileIdentity id, long offset) {
        identity = id;
        streamId = id.stream();
        ids = EventIds.forStream(ctx.host(), Source.FILE, streamId);
        stream = ctx.shipper().stream(id.checkpointKey());
        readOffset = offset;
        bufStart = offset;
        shippedEnd = offset;
        bufLen = 0;
        discarding = false;
        events.newGeneration();
    }

    FileIdentity.Inode inode() {
        return inode;
    }

    Path path() {
        return path;
    }

    /** The file was found under another matching path (renamed within the globs). */
    void renamedTo(Path newPath) {
        path = newPath;
    }

    /** Reads and ships what is there, then applies the partial-line and multiline timeouts. */
    void poll() throws IOException, InterruptedException {
        if (identity == null) {
            if (channel.size() == 0) {
                return;
            }
            startGeneration(FileIdentity.of(inode, channel), 0);
        }
        long size = channel.size();
        if (size < readOffset || !identity.matches(channel)) {
            truncated(size);
            if (identity == null) {
                return;
            }
        }
        seenSize.accumulateAndGet(size, Math::max);
        readAvailable();
        applyTimeouts(ctx.clock().instant());
    }

    private void readAvailable() throws IOException, InterruptedException {
        while (true) {
            if (bufLen == buf.length) {
                buf = Arrays.copyOf(buf, Math.min(buf.length * 2, ctx.config().maxLineBytes() + READ_CHUNK));
            }
            int n = channel.read(ByteBuffer.wrap(buf, bufLen, buf.length - bufLen), readOffset);
            if (n <= 0) {
                return;
            }
            readOffset += n;
            bufLen += n;
            lastGrowth = ctx.clock().instant();
            splitLines();
        }
    }

    private void splitLines() throws InterruptedException {
        int from = 0;
        for (int i = 0; i < bufLen; i++) {
            if (buf[i] == '\n') {
                lineEnded(from, i);
                from = i + 1;
            }
        }
        consume(from);
        if (discarding) {
            pending.end = bufStart + bufLen;
            consume(bufLen);
        } else if (bufLen > ctx.config().maxLineBytes()) {
            // more than the cap and still no newline; a line of exactly the cap waits for its newline
            cutOversizedLine();
        }
    }

    private void lineEnded(int from, int newline) throws InterruptedException {
        long end = bufStart + newline + 1;
        if (discarding) {
            discarding = false;
            pending.end = end;
            if (!multiline) {
                flushPending();
            }
            return;
        }
        int max = ctx.config().maxLineBytes();
        int text = bufStart + from == 0 ? DecodedLine.afterByteOrderMark(buf, from, newline) : from;
        if (newline - from <= max) {
            addLine(DecodedLine.decode(buf, text, newline, Set.of()), bufStart + from, end);
            return;
        }
        warnCut(bufStart + from);
        addLine(DecodedLine.decode(buf, text, cutPoint(from, from + max), Set.of("line_truncated")),
                bufStart + from, end);
    }

    /** {@code to}, moved back so as not to split a UTF-8 sequence. */
    private int cutPoint(int from, int to) {
        int cut = to;
        while (cut > from && cut < bufLen && (buf[cut] & 0xC0) == 0x80) {
            cut--;
        }
        return cut;
    }

    private void warnCut(long offset) {
        ctx.metrics().recordError();
        log.warn("Line cut at size limit file={} offset={} maxLineBytes={}", path, offset, ctx.config().maxLineBytes());
    }

    private void cutOversizedLine() throws InterruptedException {
        flushPending();
        DecodedLine head = DecodedLine.decode(buf, 0, cutPoint(0, ctx.config().maxLineBytes()), Set.of("line_truncated"));
        pending = new PendingEvent(bufStart, ctx.clock().instant());
        pending.append(head, bufStart + bufLen, ctx.clock().instant());
        discarding = true;
        warnCut(bufStart);
        consume(bufLen);
    }

    private void addLine(DecodedLine read, long readStart, long end) throws InterruptedException {
        Instant now = ctx.clock().instant();
        ctx.metrics().recordRead(read.byteLength() + 1L);
        FileEvents.Line at = events.read(read, readStart, end, path); // null while a container's partial record waits
        if (at == null) {
            return;
        }
        DecodedLine line = at.text();
        if (multiline && pattern == null && line.text().isBlank()) {
            if (!events.framesByStamps()) {
                flushPending(); // ends the event and makes none, as in replay (Framing)
            } else if (pending != null) {
                pending.hold(line, end, now); // joins only when a line after it does
            }
            return;
        }
        boolean joins = multiline && pending != null && continues(line, now) && pending.bytesWith(line) <= maxEventBytes()
                && (pattern == null || pending.lines < pattern.maxLines());
        if (!joins) {
            flushPending();
            pending = new PendingEvent(at.start(), now);
            pending.stamp = events.stampRead(line);
        }
        pending.append(line, end, now);
        if (!multiline) {
            flushPending();
        }
    }

    private boolean continues(DecodedLine line, Instant now) {
        return pattern != null ? pattern.continues(line.text()) : events.continues(line, pending, now);
    }

    private int maxEventBytes() {
        int max = ctx.config().maxLineBytes();
        return pattern == null ? max : Math.min(max, pattern.maxBytes());
    }

    private void consume(int count) {
        System.arraycopy(buf, count, buf, 0, bufLen - count);
        bufLen -= count;
        bufStart += count;
    }

    private void applyTimeouts(Instant now) throws InterruptedException {
        Duration timeout = pattern != null && pattern.timeout() != null ? pattern.timeout() : ctx.config().multilineTimeout();
        if (pending != null && !discarding && idleFor(pending.lastLineAt, now, timeout)) {
            flushPending();
        }
        if (bufLen > 0 && !discarding && idleFor(lastGrowth, now, ctx.config().partialTimeout())) {
            shipPartialLine();
        }
    }

    private static boolean idleFor(Instant since, Instant now, Duration timeout) {
        return !now.isBefore(since.plus(timeout));
    }

    private void shipPartialLine() throws InterruptedException {
        flushPending();
        DecodedLine line = DecodedLine.decode(buf, 0, bufLen, Set.of());
        ctx.metrics().recordRead(bufLen);
        PendingEvent partial = new PendingEvent(bufStart, ctx.clock().instant());
        partial.append(line, bufStart + bufLen, ctx.clock().instant());
        consume(bufLen);
        ship(partial, true);
    }

    private void flushPending() throws InterruptedException {
        if (pending != null) {
            PendingEvent p = pending;
            pending = null;
            ship(p, false);
        }
    }

    private void ship(PendingEvent p, boolean partial) throws InterruptedException {
        Event e = events.of(p, path).id(ids.at(p.start))
                .partial(partial ? Boolean.TRUE : null)
                .flags(p.flags())
                .build();
        ctx.shipper().ship(e, stream, Long.toString(events.resumeAt(p.end)), ctx.metrics());
        shippedEnd = p.end;
    }

    /** The size went below what was read, or the first bytes changed: ship what is held, restart at 0. */
    private void truncated(long size) throws IOException, InterruptedException {
        flushPending();
        if (bufLen > 0 && !discarding) {
            shipPartialLine();
        }
        ctx.metrics().recordError();
        long unread = Math.max(0, seenSize.getAndSet(0) - readOffset);
        if (unread > 0) {
            // copytruncate while reading waited for Kafka: bytes seen on disk and never read are gone
            ctx.metrics().recordRotatedUnread(unread);
        }
        log.warn("File truncated under the reader, reading from the start file={} offset={} size={} unreadLost={}",
                path, readOffset, size, unread);
        shipObservation("file_truncated", "file truncated under the reader: " + path + " size " + size
                + " after offset " + readOffset + "; reading from the start",
                Map.of("previous_offset", Long.toString(readOffset), "size", Long.toString(size)));
        identity = null;
        streamId = null;
        ids = null;
        stream = null;
        readOffset = 0;
        bufStart = 0;
        bufLen = 0;
        discarding = false;
        if (size > 0) {
            startGeneration(FileIdentity.of(inode, channel), 0);
        }
    }

    /** The path now names another file, or nothing: read this one to its end, then forget it. */
    void leftPath(String kind, String detail) throws InterruptedException {
        if (gone) {
            return;
        }
        gone = true;
        log.info("File left its path file={} kind={} detail=\"{}\"", path, kind, detail);
        if (identity != null) {
            shipObservation(kind, kind.replace('_', ' ') + ": " + path + " (" + detail + ")",
                    Map.of("detail", detail));
        }
    }

    private void shipObservation(String kind, String message, Map<String, String> fields) throws InterruptedException {
        Event e = events.observation(kind, message, fields, streamId, path, readOffset);
        ctx.shipper().ship(e, stream, Long.toString(shippedEnd), ctx.metrics());
    }

    /** True when the file left its path, was read to its end, and stayed idle for the grace period. */
    boolean isForgettable(Instant now) throws IOException {
        return gone && pending == null && bufLen == 0 && readOffset >= channel.size()
                && (stream == null || stream.pendingCount() == 0)
                && idleFor(lastGrowth, now, ctx.config().forgetAfter());
    }

    /** Forgets the file's checkpoints; call once it is gone for good. */
    void forget() {
        ctx.shipper().checkpoints().positionsStartingWith(inode.keyPrefix()).keySet()
                .forEach(k -> ctx.shipper().checkpoints().remove(k));
        if (identity != null) {
            ctx.shipper().forget(identity.checkpointKey());
        }
    }

    /**
     * Notes the file's size now; called from another thread while this file's may be waiting for
     * Kafka. Returns the bytes on disk past the last shipped event, as far as seen.
     */
    long noteSize() {
        try {
            long size = channel.size();
            long seen = identity == null ? 0 : seenSize.accumulateAndGet(size, Math::max);
            return Math.max(0, seen - shippedEnd);
        } catch (IOException e) {
            return 0; // closed meanwhile: the tailer's own round reports it
        }
    }

    /** Bytes of the file past the end of the last shipped event. */
    long unshippedBytes() throws IOException {
        return identity == null ? 0 : Math.max(0, channel.size() - shippedEnd);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
