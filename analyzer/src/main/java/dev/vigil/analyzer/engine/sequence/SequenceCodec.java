package dev.vigil.analyzer.engine.sequence;

import static dev.vigil.analyzer.engine.StateCodec.readInstant;
import static dev.vigil.analyzer.engine.StateCodec.readList;
import static dev.vigil.analyzer.engine.StateCodec.readMap;
import static dev.vigil.analyzer.engine.StateCodec.readString;
import static dev.vigil.analyzer.engine.StateCodec.writeInstant;
import static dev.vigil.analyzer.engine.StateCodec.writeList;
import static dev.vigil.analyzer.engine.StateCodec.writeMap;
import static dev.vigil.analyzer.engine.StateCodec.writeString;

import dev.vigil.analyzer.engine.EngineCodecs;
import dev.vigil.analyzer.engine.StateCodec;
import java.io.DataInputStream;
import java.io.IOException;

/** The stored form of a {@link SequenceState}; the field order is the stored layout. */
public final class SequenceCodec {
    public static final StateCodec<SequenceState> CODEC = new StateCodec<>(SequenceState.class, new StateCodec.Fields<>() {
        @Override
        public void write(SequenceState s, StateCodec.Output out) {
            out.writeInt(s.v());
            writeList(s.partials(), (p, o) -> {
                o.writeInt(p.reached());
                writeInstant(p.start(), o);
                writeMap(p.values(), StateCodec::writeString, o);
                writeList(p.evidence(), EngineCodecs::writeItem, o);
            }, out);
        }

        @Override
        public SequenceState read(DataInputStream in) throws IOException {
            return new SequenceState(in.readInt(), readList(in, i -> new SequenceState.Partial(i.readInt(), readInstant(i),
                    readMap(i, StateCodec::readString), readList(i, EngineCodecs::readItem))));
        }
    });

    private SequenceCodec() {}
}
