package dev.vigil.analyzer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A signed copy comes back from the miner naming the signature patterns the event matched at
 * intake: those count it, and a pattern's step runs again on it only for its captures. A copy an
 * older Vigil signed names none and is matched again.
 */
class PatternEngineSignedCopyTest {
    private static final String FILE = "/tmp/architect_assigner_worker.log";
    /** Seed 002's assigner errors (patterns/src/main/resources/vigil/library/fixtures/seed-002-assigner-errors.log). */
    private static final String INFO_ERROR = "2026-02-08 09:04:45 ERROR Failed to get environment info: Expecting value: line 1 column 1 (char 0)";
    private static final String NO_PORTS = "2026-02-08 09:37:12 ERROR Failed to create environment: RuntimeError: No available ports for new environment";
    private static final String NO_PORTS_AGAIN = "2026-02-08 09:48:59 ERROR Failed to create environment: RuntimeError: No available ports for new environment";
    private static final PatternSet SET = TestPatterns.compile("signed.vigil", """
            pattern failed_action {
              match file where message ~ /ERROR Failed to (?<action>[a-z]+) /
              signature
              group by file
              threshold count >= 2 within 2h
              type error_signature
              subject "{file}"
              summary "{count} times failed to {action}: {template}"
            }
            pattern no_ports {
              match file where message ~ /No available ports/
              signature
              group by file
              threshold count >= 2 within 2h
              type error_signature
              subject "{file}"
              summary "{count} times: {template}"
            }
            """);
    private static final Instant T0 = Instant.parse("2026-02-08T09:37:12Z");

    private final PatternEngine engine = new PatternEngine(() -> SET, EngineState.inMemory());

    private static Event line(String message, int second, long n) {
        return Event.builder("assigner-1", Source.FILE, T0.plusSeconds(second), message).file(FILE).offset(n)
                .id("assigner-1:" + FILE + ":" + n).build();
    }

    /** Each line processed, then its signed copy (read back as a new instance) with {@code signature}. */
    private List<Incident> processSigned(List<Event> lines, MinedSignature signature) {
        List<Incident> out = new ArrayList<>();
        for (Event e : lines) {
            out.addAll(engine.onEvent(e, e.ts(), e.ts()));
            out.addAll(engine.onSignedEvent(e.toBuilder().build(), signature, e.ts()));
        }
        return out;
    }

    @Test
    void shouldTakeACapturingPatternsValuesFromItsStepRunAgainOnTheCopy() {
        MinedSignature signature = new MinedSignature("c0ffee", "Failed to create environment: RuntimeError: No available ports "
                + "for new environment", List.of(), List.of("failed_action"));

        List<Incident> out = processSigned(List.of(line(NO_PORTS, 0, 1), line(NO_PORTS_AGAIN, 707, 2)), signature);

        assertEquals(1, out.size(), out.toString());
        assertEquals("failed_action", out.get(0).pattern());
        assertTrue(out.get(0).summary().startsWith("2 times failed to create: "), out.get(0).summary());
    }

    @Test
    void shouldCountACopyByThePatternsItsSignatureNames() {
        // the copies of a line no_ports does not read, named by their signature as if it had matched at intake
        MinedSignature named = new MinedSignature("feed01", "Failed to get environment info: Expecting value: line <*> column <*> "
                + "(char <*>)", List.of(), List.of("no_ports"));

        List<Incident> out = processSigned(List.of(line(INFO_ERROR, 0, 1), line(INFO_ERROR, 60, 2)), named);

        assertEquals(List.of("no_ports"), out.stream().map(Incident::pattern).toList(), "the names are the intake's match");
    }

    @Test
    void shouldMatchAgainACopyWhoseSignatureNamesNoPattern() {
        MinedSignature older = new MinedSignature("feed01", "Failed to get environment info: Expecting value: line <*> column <*> "
                + "(char <*>)", List.of());

        List<Incident> out = processSigned(List.of(line(INFO_ERROR, 0, 1), line(INFO_ERROR, 60, 2)), older);

        assertEquals(List.of("failed_action"), out.stream().map(Incident::pattern).toList(),
                "matched again: failed_action reads the line, no_ports does not");
    }
}
