package dev.vigil.analyzer.engine.threshold;

import static dev.vigil.analyzer.engine.StateCodec.readInstant;
import static dev.vigil.analyzer.engine.StateCodec.readList;
import static dev.vigil.analyzer.engine.StateCodec.readMap;
import static dev.vigil.analyzer.engine.StateCodec.writeInstant;
import static dev.vigil.analyzer.engine.StateCodec.writeList;
import static dev.vigil.analyzer.engine.StateCodec.writeMap;

import dev.vigil.analyzer.engine.StateCodec;
import java.io.DataInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The stored form of a {@link WindowState}; the field order is the stored layout (version 1 had no opener). */
public final class WindowCodec {
    public static final StateCodec<WindowState> CODEC = new StateCodec<>(WindowState.class, new StateCodec.Fields<>() {
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

    private WindowCodec() {}
}
