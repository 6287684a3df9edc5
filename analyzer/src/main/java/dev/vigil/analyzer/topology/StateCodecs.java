package dev.vigil.analyzer.topology;

import static dev.vigil.analyzer.topology.StateCodec.readInstant;
import static dev.vigil.analyzer.topology.StateCodec.readList;
import static dev.vigil.analyzer.topology.StateCodec.readMap;
import static dev.vigil.analyzer.topology.StateCodec.readString;
import static dev.vigil.analyzer.topology.StateCodec.writeInstant;
import static dev.vigil.analyzer.topology.StateCodec.writeList;
import static dev.vigil.analyzer.topology.StateCodec.writeMap;
import static dev.vigil.analyzer.topology.StateCodec.writeString;

import dev.vigil.analyzer.engine.EpisodeState;
import dev.vigil.analyzer.engine.EvidenceItem;
import dev.vigil.analyzer.engine.EvidenceRing;
import dev.vigil.analyzer.engine.HostClock;
import dev.vigil.analyzer.engine.KillList;
import dev.vigil.analyzer.engine.sequence.SequenceState;
import dev.vigil.analyzer.engine.absence.StreamState;
import dev.vigil.analyzer.engine.threshold.WindowState;
import java.io.DataInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The {@link StateCodec} of each kind of engine state; the field order is the stored layout. */
final class StateCodecs {
    static final StateCodec<EpisodeState> EPISODES = new StateCodec<>(EpisodeState.class, new StateCodec.Fields<>() {
        @Override
        public void write(EpisodeState e, StateCodec.Output out) {
            out.writeInt(e.v());
            writeString(e.id(), out);
            writeString(e.pattern(), out);
            writeString(e.host(), out);
            writeString(e.groupKey(), out);
            writeInstant(e.firstSeen(), out);
            writeInstant(e.lastSeen(), out);
            out.writeLong(e.count());
            out.writeBoolean(e.resolved());
            writeMap(e.vars(), StateCodec::writeString, out);
            writeList(e.evidence(), StateCodecs::writeItem, out);
            writeList(e.cause(), StateCodecs::writeItem, out);
            writeList(e.related(), StateCodec::writeString, out);
            writeInstant(e.lastEmitted(), out);
            out.writeBoolean(e.pending());
            writeInstant(e.lastNotified(), out);
        }

        @Override
        public EpisodeState read(DataInputStream in) throws IOException {
            return new EpisodeState(in.readInt(), readString(in), readString(in), readString(in), readString(in),
                    readInstant(in), readInstant(in), in.readLong(), in.readBoolean(), readMap(in, StateCodec::readString),
                    readList(in, StateCodecs::readItem), readList(in, StateCodecs::readItem),
                    readList(in, StateCodec::readString), readInstant(in), in.readBoolean(), readInstant(in));
        }
    });

    static final StateCodec<WindowState> WINDOWS = new StateCodec<>(WindowState.class, new StateCodec.Fields<>() {
        @Override
        public void write(WindowState w, StateCodec.Output out) {
            out.writeInt(w.v());
            writeList(w.times(), StateCodec::writeInstant, out);
            writeMap(w.distinct(), StateCodec::writeInstant, out);
            if (w.v() >= 2) {
                writeList(w.opener() == null ? List.of() : List.of(w.opener()), StateCodec::writeInstant, out);
            }
        }

        @Override
        public WindowState read(DataInputStream in) throws IOException {
            int v = in.readInt();
            List<Instant> times = readList(in, StateCodec::readInstant);
            Map<String, Instant> distinct = readMap(in, StateCodec::readInstant);
            // version 1 had no opener
            List<Instant> opener = v >= 2 ? readList(in, StateCodec::readInstant) : List.of();
            return new WindowState(v, times, distinct, opener.isEmpty() ? null : opener.get(0));
        }
    });

    static final StateCodec<EvidenceRing> CAUSES = new StateCodec<>(EvidenceRing.class, new StateCodec.Fields<>() {
        @Override
        public void write(EvidenceRing r, StateCodec.Output out) {
            out.writeInt(r.v());
            writeList(r.items(), StateCodecs::writeItem, out);
        }

        @Override
        public EvidenceRing read(DataInputStream in) throws IOException {
            return new EvidenceRing(in.readInt(), readList(in, StateCodecs::readItem));
        }
    });

    static final StateCodec<StreamState> STREAMS = new StateCodec<>(StreamState.class, new StateCodec.Fields<>() {
        @Override
        public void write(StreamState s, StateCodec.Output out) {
            out.writeInt(s.v());
            writeString(s.pattern(), out);
            writeString(s.host(), out);
            writeString(s.groupKey(), out);
            out.writeLong(s.events());
            writeInstant(s.runStart(), out);
            writeInstant(s.lastTs(), out);
            writeItem(s.last(), out);
            out.writeBoolean(s.lastPartial());
            out.writeBoolean(s.lastGraceful());
            out.writeLong(s.usualGapMillis());
            writeMap(s.vars(), StateCodec::writeString, out);
            writeString(s.openEpisode(), out);
        }

        @Override
        public StreamState read(DataInputStream in) throws IOException {
            return new StreamState(in.readInt(), readString(in), readString(in), readString(in), in.readLong(),
                    readInstant(in), readInstant(in), readItem(in), in.readBoolean(), in.readBoolean(), in.readLong(),
                    readMap(in, StateCodec::readString), readString(in));
        }
    });

    static final StateCodec<SequenceState> SEQUENCES = new StateCodec<>(SequenceState.class, new StateCodec.Fields<>() {
        @Override
        public void write(SequenceState s, StateCodec.Output out) {
            out.writeInt(s.v());
            writeList(s.partials(), (p, o) -> {
                o.writeInt(p.reached());
                writeInstant(p.start(), o);
                writeMap(p.values(), StateCodec::writeString, o);
                writeList(p.evidence(), StateCodecs::writeItem, o);
            }, out);
        }

        @Override
        public SequenceState read(DataInputStream in) throws IOException {
            return new SequenceState(in.readInt(), readList(in, i -> new SequenceState.Partial(i.readInt(), readInstant(i),
                    readMap(i, StateCodec::readString), readList(i, StateCodecs::readItem))));
        }
    });

    static final StateCodec<HostClock> HOSTS = new StateCodec<>(HostClock.class, new StateCodec.Fields<>() {
        @Override
        public void write(HostClock c, StateCodec.Output out) {
            out.writeInt(c.v());
            writeInstant(c.latest(), out);
            writeInstant(c.arrivedAt(), out);
            out.writeLong(c.lagMillis());
        }

        @Override
        public HostClock read(DataInputStream in) throws IOException {
            return new HostClock(in.readInt(), readInstant(in), readInstant(in), in.readLong());
        }
    });

    static final StateCodec<KillList> KILLS = new StateCodec<>(KillList.class, new StateCodec.Fields<>() {
        @Override
        public void write(KillList k, StateCodec.Output out) {
            out.writeInt(k.v());
            writeList(k.kills(), (kill, o) -> {
                writeString(kill.incidentId(), o);
                writeInstant(kill.at(), o);
                writeString(kill.pid(), o);
                writeString(kill.comm(), o);
                writeString(kill.episodeKey(), o);
            }, out);
        }

        @Override
        public KillList read(DataInputStream in) throws IOException {
            return new KillList(in.readInt(), readList(in, i -> new KillList.Kill(readString(i), readInstant(i),
                    readString(i), readString(i), readString(i))));
        }
    });

    private StateCodecs() {}

    private static void writeItem(EvidenceItem item, StateCodec.Output out) {
        writeString(item.id(), out);
        writeInstant(item.ts(), out);
        writeString(item.source(), out);
        writeString(item.message(), out);
    }

    private static EvidenceItem readItem(DataInputStream in) throws IOException {
        return new EvidenceItem(readString(in), readInstant(in), readString(in), readString(in));
    }
}
