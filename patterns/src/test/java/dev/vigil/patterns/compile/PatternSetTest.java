package dev.vigil.patterns.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import dev.vigil.patterns.library.PatternLoader;
import dev.vigil.patterns.testing.TestCase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PatternSetTest {

    /** 40 patterns that each want their own word; one needs no literal at all. */
    private static PatternSet manyPatterns() {
        StringBuilder text = new StringBuilder();
        IntStream.range(0, 40).forEach(i -> text.append("pattern p").append(i)
                .append(" { match file where message ~ /word").append(i).append("x\\d+/ type t summary \"s\" }\n"));
        text.append("pattern any_priority { match journald where priority <= 3 type t summary \"s\" }\n");
        return new PatternSet(Patterns.compile(text.toString()));
    }

    @Test
    void shouldOfferOnlyThePatternsWhoseLiteralsOccurInTheMessage() {
        PatternSet set = manyPatterns();

        List<CompiledPattern> candidates = set.candidates(Patterns.event(Source.FILE, "a WORD17X42 and word3x9"));

        assertEquals(List.of("p3", "p17"), candidates.stream().map(CompiledPattern::name).toList());
    }

    @Test
    void shouldOfferPatternsWithoutLiteralsEveryEventOfTheirSourceThatHasThePrioritiesTheyAskFor() {
        PatternSet set = manyPatterns();
        Event at = Patterns.event(Source.JOURNALD, "nothing here");

        assertEquals(List.of("any_priority"), set.candidates(at.toBuilder().priority(3).build())
                .stream().map(CompiledPattern::name).toList());
        // priority <= 3 cannot hold for an event at info, nor for one without a priority
        assertEquals(List.of(), set.candidates(at.toBuilder().priority(6).build()));
        assertEquals(List.of(), set.candidates(at));
        assertEquals(List.of(), set.candidates(Patterns.event(Source.KERNEL, "word1x1")));
    }

    @Test
    void shouldOfferAPatternWhoseRegexHoldsAPosixClass() {
        PatternSet set = new PatternSet(Patterns.compile(
                "pattern oom { match kernel where message ~ /Out of memory:[[:space:]]Killed process/ type t summary \"s\" }"));
        // the kernel's oom_kill.c line, as LibraryMatchTest quotes it
        Event killed = Patterns.event(Source.KERNEL, "Out of memory: Killed process 632846 (uvicorn) total-vm:1852340kB,"
                + " anon-rss:307200kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:1024kB oom_score_adj:0");

        assertEquals(List.of("oom"), set.candidates(killed).stream().map(CompiledPattern::name).toList());
        assertTrue(set.candidates(killed).get(0).match(killed).isPresent());
    }

    @Test
    void shouldNeverLeaveOutAPatternThatMatches() {
        PatternSet library = PatternLoader.loadLibrary().patterns();
        List<String> missed = new ArrayList<>();
        int matched = 0;
        for (Event e : testEvents(library)) {
            for (CompiledPattern p : library.patterns()) {
                boolean matches = p.steps().stream().anyMatch(s -> s.matches(e));
                matched += matches ? 1 : 0;
                if (matches && !library.candidates(e).contains(p)) {
                    missed.add(p.name() + " <- " + e.message());
                }
            }
        }

        assertEquals(List.of(), missed);
        assertTrue(matched > 50, "too few matches to prove anything: " + matched);
    }

    @Test
    void shouldOfferFewLibraryPatternsForAnOrdinaryLine() {
        PatternSet library = PatternLoader.loadLibrary().patterns();
        Event access = Patterns.event(Source.FILE, "127.0.0.1 - - [11/Feb/2026 09:58:30] \"GET /health HTTP/1.1\" 200 -");

        // only the patterns that must see every line of a file: the truncation stream and the OOM-cut step
        assertEquals(List.of("app_log_truncation", "oom_kill_then_log_cut"),
                library.candidates(access).stream().map(CompiledPattern::name).toList());
    }

    @Test
    void shouldOfferTheErrorSignatureALineByItsPriorityOrItsWords() {
        PatternSet library = PatternLoader.loadLibrary().patterns();
        // a line at err (its level read by the shipper), a line at info, and one without a level that says ERROR
        String line = "127.0.0.1 - - [11/Feb/2026 09:58:30] \"GET /health HTTP/1.1\" 200 -";
        Event atErr = Event.builder("web-1", Source.FILE, Instant.parse("2026-02-11T09:58:30Z"), line).priority(3).build();
        Event atInfo = Event.builder("web-1", Source.FILE, Instant.parse("2026-02-11T09:58:30Z"), line).priority(6).build();
        Event saysError = Patterns.event(Source.FILE, "2026-02-08 09:04:45 ERROR Failed to get environment info");

        assertTrue(names(library, atErr).contains("app_error_signature"));
        assertFalse(names(library, atInfo).contains("app_error_signature"));
        assertTrue(names(library, saysError).contains("app_error_signature"));
        assertTrue(library.byName("app_error_signature").orElseThrow().match(atErr).isPresent());
        assertTrue(library.byName("app_error_signature").orElseThrow().match(saysError).isPresent());
    }

    private static List<String> names(PatternSet set, Event e) {
        return set.candidates(e).stream().map(CompiledPattern::name).toList();
    }

    /** The events of every test of the set's patterns (the library's: real lines, cited beside them). */
    private static List<Event> testEvents(PatternSet set) {
        List<Event> events = new ArrayList<>();
        for (CompiledPattern owner : set.patterns()) {
            for (TestCase test : owner.tests()) {
                events.addAll(test.events(TestCase.DEFAULT_START));
            }
        }
        return events;
    }

    /** Every cause and gather filter and graceful marker of the library's patterns. */
    private static List<Step> filters(PatternSet set) {
        List<Step> filters = new ArrayList<>();
        for (CompiledPattern p : set.patterns()) {
            p.cause().ifPresent(c -> filters.add(c.filter()));
            p.gather().ifPresent(g -> filters.add(g.filter()));
            p.absence().flatMap(AbsenceSpec::graceful).ifPresent(filters::add);
        }
        return filters;
    }

    @Test
    void shouldGiveAFiltersMatchAsTheFilterAloneDoesOnEveryLibraryTestLine() {
        PatternSet library = PatternLoader.loadLibrary().patterns();
        List<Step> filters = filters(library);
        List<String> differ = new ArrayList<>();
        int matched = 0;
        for (Event e : testEvents(library)) {
            for (Step f : filters) {
                // a fresh copy each time: the step's memo of its last event must not answer for the set
                Event copy = e.toBuilder().build();
                Optional<Match> alone = f.match(e);
                matched += alone.isPresent() ? 1 : 0;
                if (!alone.equals(library.match(f, copy))) {
                    differ.add(f.name() + " <- " + e.message());
                }
            }
        }

        assertEquals(List.of(), differ);
        assertTrue(matched > 5, "too few filter matches to prove anything: " + matched);
    }

    @Test
    void shouldRuleOutBySlotOnlyFiltersThatCannotMatchEveryLibraryTestLine() {
        PatternSet library = PatternLoader.loadLibrary().patterns();
        List<Step> filters = filters(library);
        List<String> wrong = new ArrayList<>();
        int ruledOut = 0;
        int slotted = 0;
        for (Step f : filters) {
            slotted += library.selectorSlot(f) >= 0 ? 1 : 0;
        }
        for (Event e : testEvents(library)) {
            BitSet found = library.selectorsFound(e);
            for (Step f : filters) {
                int slot = library.selectorSlot(f);
                if (found == null || slot < 0 || found.get(slot)) {
                    continue;
                }
                ruledOut++;
                if (f.match(e.toBuilder().build()).isPresent()) {
                    wrong.add(f.name() + " <- " + e.message());
                }
            }
        }

        assertEquals(List.of(), wrong, "ruled out by their slot, yet they match");
        assertTrue(slotted > 3, "too few filters with literals: " + slotted);
        assertTrue(ruledOut > 100, "the slots rule too few filters out to prove anything: " + ruledOut);
    }

    @Test
    void shouldMatchAgainAsItMatchedOnEveryLibraryTestLine() {
        PatternSet library = PatternLoader.loadLibrary().patterns();
        List<String> differ = new ArrayList<>();
        int matched = 0;
        for (Event e : testEvents(library)) {
            for (CompiledPattern p : library.patterns()) {
                if (p.kind() != PatternKind.SIGNATURE) {
                    continue;
                }
                Optional<Match> m = p.match(e);
                if (m.isEmpty()) {
                    continue;
                }
                matched++;
                // a fresh copy, as a signed copy read back is: the step's memo of its last event must not answer
                if (!m.equals(p.matchAgain(e.toBuilder().build()))) {
                    differ.add(p.name() + " <- " + e.message());
                }
            }
        }

        assertEquals(List.of(), differ);
        assertTrue(matched > 20, "too few signature matches to prove anything: " + matched);
    }

    @Test
    void shouldNotKnowTheFoundSelectorsOfAMessageBeyondAscii() {
        PatternSet library = PatternLoader.loadLibrary().patterns();

        assertNull(library.selectorsFound(Patterns.event(Source.FILE, "worker \u017Ftopped")));
        assertNotNull(library.selectorsFound(Patterns.event(Source.FILE, "worker stopped")));
    }

    @Test
    void shouldSkipACauseFilterWhoseLiteralsTheMessageLacksAndRunItOtherwise() {
        PatternSet library = PatternLoader.loadLibrary().patterns();
        Step cause = library.byName("systemd_restart_burst").orElseThrow().cause().orElseThrow().filter();
        // seed 002's appendix file (patterns/library/fixtures/seed-002-assigner-errors.log)
        Event error = Patterns.event(Source.FILE,
                "2026-02-08 09:04:45 ERROR Failed to get environment info: Expecting value: line 1 column 1 (char 0)");
        Event info = Patterns.event(Source.FILE, "127.0.0.1 - - [11/Feb/2026 09:58:30] \"GET /health HTTP/1.1\" 200 -");

        assertTrue(library.match(cause, error).isPresent(), "priority <= 3 or an error word: the ERROR line is a cause");
        assertEquals(Optional.empty(), library.match(cause, info));
    }

    @Test
    void shouldRunAGracefulMarkerOnAMessageBeyondAsciiAsTheRegexFoldsIt() {
        PatternSet library = PatternLoader.loadLibrary().patterns();
        Step graceful = library.byName("app_log_truncation").orElseThrow().absence().orElseThrow().graceful().orElseThrow();
        // RE2 folds the long s to s ignoring case; lowering the text would not make it one
        Event longS = Patterns.event(Source.FILE, "worker \u017Ftopped");

        assertTrue(graceful.match(longS).isPresent(), "the regex alone matches");
        assertTrue(library.match(graceful, longS.toBuilder().build()).isPresent());
    }

    @Test
    void shouldAnswerAStepOnTheSameEventFromItsFirstRun() {
        Step step = Patterns.one("match file where message ~ /Failed to (?<action>\\w+) environment/").steps().get(0);
        // seed 002's appendix file (patterns/library/fixtures/seed-002-assigner-errors.log)
        Event e = Patterns.event(Source.FILE,
                "2026-02-08 09:04:45 ERROR Failed to get environment info: Expecting value: line 1 column 1 (char 0)");

        Optional<Match> first = step.match(e);
        Optional<Match> again = step.match(e);
        Optional<Match> other = step.match(e.toBuilder().build());

        assertEquals("get", first.orElseThrow().capture("action"));
        assertSame(first, again, "the same event: the regex's first answer");
        assertNotSame(first, other, "an equal event that is another instance runs the regex");
        assertEquals(first, other);
    }

    @Test
    void shouldRejectTwoPatternsOfTheSameName() {
        List<CompiledPattern> twice = Patterns.compile("pattern a { match kernel type t summary \"s\" }\n");
        List<CompiledPattern> both = new ArrayList<>(twice);
        both.addAll(Patterns.compile("pattern a { match file type t summary \"s\" }\n"));

        assertThrows(IllegalArgumentException.class, () -> new PatternSet(both));
    }
}
