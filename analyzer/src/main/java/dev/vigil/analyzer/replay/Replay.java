package dev.vigil.analyzer.replay;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.topology.InlineIntake;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.event.Event;
import dev.vigil.shippers.kmsg.BootClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code vigil replay}: saved logs through the analyzer's topology, offline. Inputs are merged in
 * time order, one event per input in memory at a time, so a large export replays in bounded memory.
 */
public final class Replay {
    /** A progress line is reported every this many events. */
    static final long PROGRESS_EVERY = 200_000;
    /** How many first lines format detection reads: the first tells, the others can vouch for a file of events. */
    private static final int DETECTION_LINES = 20;

    private final PatternSet patterns;
    private final Consumer<String> progress;

    /** @param progress receives progress and warning lines (stderr in the CLI) */
    public Replay(PatternSet patterns, Consumer<String> progress) {
        this.patterns = patterns;
        this.progress = progress;
    }

    /**
     * Settings for sources that do not say them.
     *
     * @param host host of kernel and app-log inputs (default: the journals' single host, else {@code localhost})
     * @param bootTime boot time for kernel inputs without one (default: learned from the journals)
     */
    public record Options(String host, Instant bootTime) {}

    /** What a replay produced: the last state of each incident, and how many events went in. */
    public record Result(List<Incident> incidents, long events) {}

    /** Replays {@code inputs} through the analyzer and returns the incidents. */
    public Result run(List<ReplayInput> inputs, Options options) throws IOException {
        List<ReplayInput> resolved = new ArrayList<>();
        for (ReplayInput in : inputs) {
            resolved.add(withFormat(in));
        }
        try (OfflineAnalyzer analyzer = new OfflineAnalyzer(patterns, idsMayRepeat(resolved));
                ReadAhead<InlineIntake.Prepared> events = new ReadAhead<>(sink -> stream(resolved, options, sink),
                        analyzer::prepare)) {
            for (List<InlineIntake.Prepared> batch = events.next(); !batch.isEmpty(); batch = events.next()) {
                batch.forEach(analyzer::feed);
            }
            return new Result(analyzer.finish(), events.read());
        }
    }

    /**
     * False when no two events of {@code inputs} (formats known) can have one id: text, syslog and
     * container log readers give each event the byte offset of its line in the id, with the stream's name, so
     * ids repeat only when two inputs name one stream. Journal and event JSON bring their own ids
     * (an export may hold an entry twice), and kernel logs number their records per boot.
     */
    static boolean idsMayRepeat(List<ReplayInput> inputs) {
        Set<String> streams = new HashSet<>();
        for (ReplayInput in : inputs) {
            boolean byOffset = in.format() == InputFormat.TEXT || in.format() == InputFormat.SYSLOG
                    || in.format().container() != null;
            if (!byOffset || !streams.add(in.streamName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads {@code inputs} and hands their events to {@code sink} in time order (one event per
     * input in memory at a time); returns how many. Unreadable lines are reported to progress.
     */
    public long stream(List<ReplayInput> inputs, Options options, Consumer<Event> sink) throws IOException {
        List<ReplayInput> resolved = new ArrayList<>();
        for (ReplayInput in : inputs) {
            resolved.add(withFormat(in));
        }
        BootTimes boots = new BootTimes();
        for (ReplayInput in : resolved) {
            if (in.format() == InputFormat.JOURNAL_JSON) {
                boots.learnFrom(in.path());
            }
        }
        String host = hostOf(options, boots);
        boolean kernelFromJournal = resolved.stream()
                .noneMatch(in -> in.format() == InputFormat.KMSG || in.format() == InputFormat.DMESG);
        List<EventReader> readers = new ArrayList<>();
        try {
            for (ReplayInput in : resolved) {
                readers.add(open(in, host, options, boots, kernelFromJournal));
            }
            return merge(resolved, readers, sink);
        } finally {
            for (EventReader r : readers) {
                r.close();
            }
        }
    }

    private long merge(List<ReplayInput> inputs, List<EventReader> readers, Consumer<Event> sink) throws IOException {
        long events = readers.size() == 1 ? drain(readers.get(0), sink) : mergeByTime(readers, sink);
        for (int i = 0; i < readers.size(); i++) {
            if (readers.get(i).skipped() > 0) {
                progress.accept("skipped " + readers.get(i).skipped() + " bad records in " + inputs.get(i).path());
            }
        }
        return events;
    }

    /** One input's events as they come: nothing to merge, so no queue entry per event. */
    private long drain(EventReader reader, Consumer<Event> sink) throws IOException {
        long events = 0;
        for (Event e = reader.next(); e != null; e = reader.next()) {
            sink.accept(e);
            progress(++events, e);
        }
        return events;
    }

    private void progress(long events, Event e) {
        if (events % PROGRESS_EVERY == 0) {
            progress.accept("replayed " + events + " events, at " + e.ts());
        }
    }

    private long mergeByTime(List<EventReader> readers, Consumer<Event> sink) throws IOException {
        record Head(Event event, int reader, long order) {}
        PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing((Head h) -> h.event().ts())
                .thenComparingLong(Head::order));
        long order = 0;
        for (int i = 0; i < readers.size(); i++) {
            Event e = readers.get(i).next();
            if (e != null) {
                heads.add(new Head(e, i, order++));
            }
        }
        long events = 0;
        while (!heads.isEmpty()) {
            Head h = heads.poll();
            sink.accept(h.event());
            progress(++events, h.event());
            Event next = readers.get(h.reader()).next();
            if (next != null) {
                heads.add(new Head(next, h.reader(), order++));
            }
        }
        return events;
    }

    private static ReplayInput withFormat(ReplayInput in) throws IOException {
        if (in.format() != null) {
            return in;
        }
        if (!Files.isReadable(in.path())) {
            throw new IOException("cannot read " + in.path());
        }
        List<String> head = new ArrayList<>();
        try (LineSource lines = new LineSource(in.path())) {
            LineSource.Line l;
            do {
                l = lines.next();
                // systemctl status pasted before its journal lines: the lines are the file's
                while (l != null && StatusBlock.isHeader(l.text())) {
                    l = StatusBlock.skip(lines).next();
                }
            } while (l != null && InputFormat.isPreamble(l.text()));
            for (; l != null && head.size() < DETECTION_LINES; l = lines.next()) {
                head.add(l.text());
            }
        }
        return new ReplayInput(in.path(), InputFormat.detect(head), in.fileName(), in.bootTime(), in.bootId(), in.zone());
    }

    private EventReader open(ReplayInput in, String host, Options options, BootTimes boots, boolean kernelFromJournal)
            throws IOException {
        BadRecords bad = new BadRecords(in.path(), progress);
        return switch (in.format()) {
            case JOURNAL_JSON -> new JournalJsonReader(in.path(), host, kernelFromJournal, bad);
            case EVENT_JSON -> new EventJsonReader(in.path(), bad);
            case KMSG -> new KmsgDumpReader(in.path(), host, bootClock(in, options, boots), bad);
            case DMESG -> new DmesgReader(in.path(), host, dmesgClock(in, options, boots), in.zoneOr(ZoneId.systemDefault()), bad);
            case SYSLOG -> new SyslogReader(in.path(), host, in.streamName(), in.zoneOr(ZoneId.systemDefault()),
                    SyslogReader.countsFromBoot(in.path()) ? bootClock(in, options, boots).bootedAt() : null, bad);
            case TEXT -> new TextLogReader(in.path(), host, in.streamName(), in.zoneOr(ZoneOffset.UTC), bad);
            case CRI, DOCKER_JSON -> new ContainerLogReader(in.path(), in.format().container(), host, in.streamName(),
                    in.zoneOr(ZoneOffset.UTC), bad);
        };
    }

    /**
     * The boot of a dmesg text: as for other kernel logs, except that {@code dmesg -T}'s wall-clock
     * stamps need none, so such a file replays without {@code --boot-time} (boot time null).
     */
    private static BootClock dmesgClock(ReplayInput in, Options options, BootTimes boots) throws IOException {
        boolean bootKnown = in.bootTime() != null || options.bootTime() != null || !boots.boots().isEmpty();
        if (bootKnown || !DmesgReader.hasWallClockStamps(in.path(), in.zoneOr(ZoneId.systemDefault()))) {
            return bootClock(in, options, boots);
        }
        return null;
    }

    /** The boot a kernel log belongs to: its own, the option, or the (latest) boot of the journals. */
    private static BootClock bootClock(ReplayInput in, Options options, BootTimes boots) {
        if (in.bootTime() != null) {
            return new BootClock(in.bootId() != null ? in.bootId() : "unknown", in.bootTime());
        }
        if (options.bootTime() != null) {
            return new BootClock(in.bootId() != null ? in.bootId() : "unknown", options.bootTime());
        }
        if (in.bootId() != null && boots.boots().containsKey(in.bootId())) {
            return new BootClock(in.bootId(), boots.boots().get(in.bootId()));
        }
        if (boots.boots().isEmpty()) {
            throw new IllegalArgumentException("cannot put " + in.path() + " on the clock: it has only "
                    + "seconds since boot and no journal of that boot was given; pass --boot-time (e.g. from "
                    + "'uptime -s' on that host)");
        }
        Map.Entry<String, Instant> latest = null;
        for (Map.Entry<String, Instant> b : boots.boots().entrySet()) {
            latest = latest == null || b.getValue().isAfter(latest.getValue()) ? b : latest;
        }
        return new BootClock(latest.getKey(), latest.getValue());
    }

    private static String hostOf(Options options, BootTimes boots) {
        if (options.host() != null) {
            return options.host();
        }
        return boots.hosts().size() == 1 ? boots.hosts().iterator().next() : "localhost";
    }

    /** Deletes a scratch folder; replay leaves nothing behind. */
    public static void deleteScratch(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
