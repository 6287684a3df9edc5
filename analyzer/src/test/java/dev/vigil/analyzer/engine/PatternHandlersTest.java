package dev.vigil.analyzer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.patterns.compile.PatternKind;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.library.PatternLoader;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/pattern-kinds.md stays true: every kind has its handler, in a package of its own named for the kind. */
class PatternHandlersTest {
    @Test
    void everyKindShouldHaveOneHandlerInItsOwnPackage() {
        PatternSet library = PatternLoader.loadLibrary().patterns();
        Map<PatternKind, PatternHandler> handlers = PatternHandlers.create(new EngineContext(() -> library,
                EngineState.inMemory()));

        assertEquals(EnumSet.allOf(PatternKind.class), EnumSet.copyOf(handlers.keySet()));
        handlers.forEach((kind, handler) -> assertEquals(
                PatternEngine.class.getPackageName() + "." + kind.name().toLowerCase(Locale.ROOT),
                handler.getClass().getPackageName(), kind + " is handled by " + handler.getClass().getName()));
    }
}
