package dev.vigil.patterns.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import dev.vigil.patterns.lang.Diagnostic;
import dev.vigil.patterns.lang.PatternParser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code claim}: a line a claiming pattern reads is left by the signature patterns that do not claim. */
class ClaimTest {
    // https://github.com/dokku/dokku-postgres/issues/150 (PostgreSQL 9.6.4, Jul 2018), as resources.vigil cites it
    private static final Event FULL = Patterns.event(Source.FILE,
            "ERROR:  could not extend file \"base/16384/16492\": No space left on device");
    // seed 002, appendix A: the assigner worker's error
    private static final Event OTHER = Patterns.event(Source.FILE,
            "2026-02-08 09:37:12 ERROR Failed to create environment: RuntimeError: No available ports for new environment");

    private static final String ERRORS = """
            pattern errors {
              match file where message ~ /ERROR/
              signature
              threshold count >= 2 within 1h
              type error_signature
              summary "{template}"
            }
            """;

    private static String disk(String claim) {
        return """
                pattern disk {
                  match where message ~ /No space left on device/
                  %s
                  type disk_full
                  summary "full"
                }
                """.formatted(claim);
    }

    private static CompiledPattern named(PatternSet set, String name) {
        return set.byName(name).orElseThrow();
    }

    @Test
    void shouldLeaveALineThatAClaimingPatternReadsToIt() {
        PatternSet set = new PatternSet(Patterns.compile(ERRORS + disk("claim")));

        assertTrue(named(set, "disk").match(FULL).isPresent());
        assertFalse(named(set, "errors").match(FULL).isPresent(), "the signature counts a claimed line");
        assertTrue(named(set, "errors").match(OTHER).isPresent(), "the signature lost a line nobody claims");
    }

    @Test
    void shouldCountEveryLineItReadsWhenNoPatternClaims() {
        PatternSet set = new PatternSet(Patterns.compile(ERRORS + disk("")));

        assertTrue(named(set, "errors").match(FULL).isPresent());
        assertTrue(named(set, "errors").match(OTHER).isPresent());
    }

    @Test
    void shouldLeaveLinesClaimedByAPatternOfAnotherFile() {
        List<CompiledPattern> both = new ArrayList<>(Patterns.compile(ERRORS));
        both.addAll(Patterns.compile(disk("claim")));
        PatternSet set = new PatternSet(both);

        assertFalse(named(set, "errors").match(FULL).isPresent());
        // the pattern as its own file compiled it still reads the line: only the set's copy leaves it
        assertTrue(both.get(0).match(FULL).isPresent());
    }

    @Test
    void shouldGiveTheSamePatternsToASetMadeOfAnotherSetsPatterns() {
        PatternSet set = new PatternSet(Patterns.compile(ERRORS + disk("claim")));
        PatternSet again = new PatternSet(set.patterns());

        assertEquals(set.patterns().size(), again.patterns().size());
        for (int i = 0; i < set.patterns().size(); i++) {
            assertSame(set.patterns().get(i), again.patterns().get(i), set.patterns().get(i).name());
        }
        assertEquals(set.candidates(FULL), again.candidates(FULL));
    }

    @Test
    void shouldLeaveTheLinesOfTheNewSetsClaimantsWhenASetAddsOne() {
        PatternSet first = new PatternSet(Patterns.compile(ERRORS + disk("claim")));
        List<CompiledPattern> more = new ArrayList<>(first.patterns());
        more.addAll(Patterns.compile("""
                pattern no_ports {
                  match file where message ~ /No available ports/
                  claim
                  type t
                  summary "s"
                }
                """));
        PatternSet second = new PatternSet(more);

        assertTrue(named(first, "errors").match(OTHER).isPresent());
        assertFalse(named(second, "errors").match(OTHER).isPresent(), "the added claimant's line was counted");
        assertFalse(named(second, "errors").match(FULL).isPresent());
    }

    @Test
    void shouldNotMakeASignaturePatternThatClaimsLeaveItsOwnLines() {
        String claimingSignature = ERRORS.replace("pattern errors", "pattern full_errors").replace("/ERROR/", "/No space left/")
                .replace("  signature", "  signature\n  claim");
        PatternSet set = new PatternSet(Patterns.compile(ERRORS + claimingSignature));

        assertTrue(named(set, "full_errors").match(FULL).isPresent());
        assertFalse(named(set, "errors").match(FULL).isPresent());
    }

    @Test
    void shouldLeaveTheLinesOfEveryStepOfAClaimingSequence() {
        PatternSet set = new PatternSet(Patterns.compile(ERRORS + """
                pattern ports_then_full {
                  sequence within 5m {
                    step ports: file where message ~ /No available ports/
                    step full: file where message ~ /No space left on device/
                  }
                  claim
                  type t
                  summary "s"
                }
                """));

        assertFalse(named(set, "errors").match(OTHER).isPresent());
        assertFalse(named(set, "errors").match(FULL).isPresent());
    }

    @Test
    void shouldLeaveOnlyLinesOfTheClaimingStepsSource() {
        PatternSet set = new PatternSet(Patterns.compile(ERRORS + """
                pattern kernel_full {
                  match kernel where message ~ /No space left on device/
                  claim
                  type t
                  summary "s"
                }
                """));

        assertTrue(named(set, "errors").match(FULL).isPresent(), "a kernel pattern claimed a file's line");
    }

    @Test
    void shouldRefuseAClaimInAnAbsencePattern() {
        PatternParser.Result parsed = PatternParser.parse("t.vigil", """
                pattern quiet_log {
                  absence of file silent for 5m
                  claim
                  type t
                  summary "s"
                }
                """);
        List<Diagnostic> problems = PatternCompiler.compile(parsed.file()).diagnostics();

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().contains("'claim'"), problems.toString());
        assertEquals(3, problems.get(0).line());
    }

    @Test
    void shouldReadClaimAsAnOrdinaryNameOutsideItsClause() {
        CompiledPattern p = Patterns.one("match file where fields.claim == \"x\"");

        assertFalse(p.claims());
        assertTrue(p.match(Patterns.event(Source.FILE, "m").toBuilder().fields(java.util.Map.of("claim", "x")).build()).isPresent());
        assertTrue(p.match(Patterns.event(Source.FILE, "m")).isEmpty());
    }
}
