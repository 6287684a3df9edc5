package dev.vigil.analyzer.engine;

import dev.vigil.analyzer.engine.absence.AbsenceHandler;
import dev.vigil.analyzer.engine.match.MatchHandler;
import dev.vigil.analyzer.engine.sequence.SequenceHandler;
import dev.vigil.analyzer.engine.signature.SignatureHandler;
import dev.vigil.analyzer.engine.threshold.ThresholdHandler;
import dev.vigil.patterns.compile.PatternKind;
import java.util.EnumMap;
import java.util.Map;

/** The handler of each pattern kind: a new kind is one package and one line here. */
final class PatternHandlers {
    private PatternHandlers() {}

    static Map<PatternKind, PatternHandler> create(EngineContext ctx) {
        Map<PatternKind, PatternHandler> h = new EnumMap<>(PatternKind.class);
        ThresholdHandler threshold = new ThresholdHandler(ctx);
        h.put(PatternKind.MATCH, new MatchHandler(ctx));
        h.put(PatternKind.THRESHOLD, threshold);
        h.put(PatternKind.SIGNATURE, new SignatureHandler(threshold));
        h.put(PatternKind.SEQUENCE, new SequenceHandler(ctx));
        h.put(PatternKind.ABSENCE, new AbsenceHandler(ctx));
        for (PatternKind kind : PatternKind.values()) {
            if (!h.containsKey(kind)) {
                throw new IllegalStateException("no handler for pattern kind " + kind);
            }
        }
        return h;
    }
}
