package dev.vigil.analyzer.engine;

import static dev.vigil.analyzer.engine.StateCodec.readInstant;
import static dev.vigil.analyzer.engine.StateCodec.readList;
import static dev.vigil.analyzer.engine.StateCodec.readMap;
import static dev.vigil.analyzer.engine.StateCodec.readString;
import static dev.vigil.analyzer.engine.StateCodec.writeInstant;
import static dev.vigil.analyzer.engine.StateCodec.writeList;
import static dev.vigil.analyzer.engine.StateCodec.writeMap;
import static dev.vigil.analyzer.engine.StateCodec.writeString;

import java.io.DataInputStream;
import java.io.IOException;

/**
 * The {@link StateCodec}s of the state every pattern kind shares (episodes, cause lines, host
 * clocks, kills); each handler's own state has its codec beside it. The field order is the
 * stored layout.
 */
public final class EngineCodecs {
    public static final StateCodec<EpisodeState> EPISODES = new StateCodec<>(EpisodeState.class, new StateCodec.Fields<>() {
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
            writeList(e.evidence(), EngineCodecs::writeItem, out);
            writeList(e.cause(), EngineCodecs::writeItem, out);
            writeList(e.related(), StateCodec::writeString, out);
            writeInstant(e.lastEmitted(), out);
            out.writeBoolean(e.pending());
            writeInstant(e.lastNotified(), out);
        }

        @Override
        public EpisodeState read(DataInputStream in) throws IOException {
            return new EpisodeState(in.readInt(), readString(in), readString(in), readString(in), readString(in),
                    readInstant(in), readInstant(in), in.readLong(), in.readBoolean(), readMap(in, StateCodec::readString),
                    readList(in, EngineCodecs::readItem), readList(in, EngineCodecs::readItem),
                    readList(in, StateCodec::readString), readInstant(in), in.readBoolean(), readInstant(in));
        }
    });

    public static final StateCodec<EvidenceRing> CAUSES = new StateCodec<>(EvidenceRing.class, new StateCodec.Fields<>() {
        @Override
        public void write(EvidenceRing r, StateCodec.Output out) {
            out.writeInt(r.v());
            writeList(r.items(), EngineCodecs::writeItem, out);
        }

        @Override
        public EvidenceRing read(DataInputStream in) throws IOException {
            return new EvidenceRing(in.readInt(), readList(in, EngineCodecs::readItem));
        }
    });

    public static final StateCodec<HostClock> HOSTS = new StateCodec<>(HostClock.class, new StateCodec.Fields<>() {
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

    public static final StateCodec<KillList> KILLS = new StateCodec<>(KillList.class, new StateCodec.Fields<>() {
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

    private EngineCodecs() {}

    /** Writes an evidence line: the handlers' codecs use it too. */
    public static void writeItem(EvidenceItem item, StateCodec.Output out) {
        writeString(item.id(), out);
        writeInstant(item.ts(), out);
        writeString(item.source(), out);
        writeString(item.message(), out);
    }

    public static EvidenceItem readItem(DataInputStream in) throws IOException {
        return new EvidenceItem(readString(in), readInstant(in), readString(in), readString(in));
    }
}
