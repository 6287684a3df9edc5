package dev.vigil.analyzer.engine.absence;

import static dev.vigil.analyzer.engine.EngineCodecs.readItem;
import static dev.vigil.analyzer.engine.EngineCodecs.writeItem;
import static dev.vigil.analyzer.engine.StateCodec.readInstant;
import static dev.vigil.analyzer.engine.StateCodec.readMap;
import static dev.vigil.analyzer.engine.StateCodec.readString;
import static dev.vigil.analyzer.engine.StateCodec.writeInstant;
import static dev.vigil.analyzer.engine.StateCodec.writeMap;
import static dev.vigil.analyzer.engine.StateCodec.writeString;

import dev.vigil.analyzer.engine.StateCodec;
import java.io.DataInputStream;
import java.io.IOException;

/** The stored form of a {@link StreamState}; the field order is the stored layout. */
public final class StreamCodec {
    public static final StateCodec<StreamState> CODEC = new StateCodec<>(StreamState.class, new StateCodec.Fields<>() {
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

    private StreamCodec() {}
}
