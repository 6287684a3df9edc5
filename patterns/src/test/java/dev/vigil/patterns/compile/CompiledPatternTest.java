package dev.vigil.patterns.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompiledPatternTest {
    private static final String KILLED = "Out of memory: Killed process 632846 (uvicorn) total-vm:1852340kB,"
            + " anon-rss:307200kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:1024kB oom_score_adj:0";

    @Test
    void shouldTurnNamedGroupsInBothSpellingsIntoCaptures() {
        CompiledPattern p = Patterns.one("match kernel where message ~ /Killed process (?<victim_pid>\\d+) \\((?P<victim_comm>[^)]*)\\)/");

        Optional<Match> m = p.match(Patterns.event(Source.KERNEL, KILLED));

        assertEquals(Map.of("victim_pid", "632846", "victim_comm", "uvicorn"), m.orElseThrow().captures());
    }

    @Test
    void shouldMatchOnlyTheNamedSource() {
        CompiledPattern p = Patterns.one("match kernel where message contains \"Killed process\"");

        assertFalse(p.match(Patterns.event(Source.FILE, KILLED)).isPresent());
        assertEquals(Optional.of(Source.KERNEL), p.steps().get(0).source());
    }

    @Test
    void shouldTakeCapturesFromTheBranchOfAnOrThatHeld() {
        CompiledPattern p = Patterns.one("match where message ~ /^a=(?<a>\\d+)/ or message ~ /^b=(?<b>\\d+)/");

        assertEquals(Map.of("b", "2"), p.match(Patterns.event(Source.FILE, "b=2")).orElseThrow().captures());
    }

    @Test
    void shouldCompareFieldsAsTextAndNumbers() {
        CompiledPattern p = Patterns.one("match journald where priority <= 3 and unit == \"a.service\""
                + " and fields.N_RESTARTS >= 2 and not message ~ /ignored/ and message_id exists");
        Event.Builder base = Event.builder("h", Source.JOURNALD, Patterns.T0, "crashed").unit("a.service")
                .messageId("x").fields(Map.of("N_RESTARTS", "7"));

        assertTrue(p.match(base.priority(3).build()).isPresent());
        assertFalse(p.match(base.priority(4).build()).isPresent());
        assertFalse(p.match(base.priority(3).message("ignored crash").build()).isPresent());
        assertFalse(p.match(base.priority(3).fields(Map.of("N_RESTARTS", "1")).build()).isPresent());
    }

    @Test
    void shouldTestFlagsAndListsByMembership() {
        CompiledPattern p = Patterns.one("match where flags contains \"line_truncated\" and source in [\"file\", \"journald\"]");
        Event cut = Event.builder("h", Source.FILE, Patterns.T0, "x").flags(Set.of("line_truncated", "multiline")).build();

        assertTrue(p.match(cut).isPresent());
        assertFalse(p.match(cut.toBuilder().source(Source.KERNEL).build()).isPresent());
        assertFalse(p.match(cut.toBuilder().flags(Set.of("multiline")).build()).isPresent());
    }

    @Test
    void shouldExtractTheGroupKeyFromCapturesThenFields() {
        CompiledPattern p = Patterns.one("match journald where message ~ /^(?<code>\\w+)/\n  group by unit, code, comm");
        Event e = Event.builder("h", Source.JOURNALD, Patterns.T0, "boom now").unit("a.service").build();

        assertEquals(List.of("a.service", "boom", ""), p.groupKey(e, p.match(e).orElseThrow()));
    }

    @Test
    void shouldRenderTemplatesFromFieldsAndCapturesWithUnknownForMissingValues() {
        CompiledPattern p = Patterns.compile("pattern p {\n  match kernel where message ~ /Killed process (?<victim_pid>\\d+)/\n"
                + "  type oom_kill\n  subject \"{victim_pid}\"\n  summary \"{host}: killed {victim_pid} ({count} lines, {cause})\"\n}\n").get(0);
        Event e = Patterns.event(Source.KERNEL, KILLED);
        Map<String, String> vars = new java.util.HashMap<>(p.variables(e, p.match(e).orElseThrow()));
        vars.put("count", "3");

        assertEquals("web-1: killed 632846 (3 lines, unknown)", p.summary().render(vars));
        assertEquals("632846", p.subject().render(vars));
    }

    @Test
    void shouldCompileThresholdWithDefaultsFromTheWindow() {
        CompiledPattern p = Patterns.one("match journald\n  group by unit\n  threshold distinct pid >= 3 within 10m\n  renotify 1h");

        assertEquals(PatternKind.THRESHOLD, p.kind());
        assertEquals(new Threshold(Optional.of("pid"), 3, Duration.ofMinutes(10)), p.threshold().orElseThrow());
        assertEquals(Duration.ofMinutes(10), p.quiet());
        assertEquals(Optional.of(Duration.ofHours(1)), p.renotify());
        assertEquals(IncidentSeverity.WARNING, p.severity());
    }

    @Test
    void shouldCompileACountTheLineStatesIntoTheThreshold() {
        CompiledPattern p = Patterns.one("match journald where message ~ /restart counter is at (?<counter>\\d+)\\./\n"
                + "  group by unit\n  threshold count >= 5 within 10m or counter >= 10");

        Threshold t = p.threshold().orElseThrow();
        assertEquals(Optional.of("counter"), t.reach());
        assertTrue(t.reachedBy(Map.of("counter", "111008")));
        assertFalse(t.reachedBy(Map.of("counter", "9")));
        assertFalse(t.reachedBy(Map.of()), "a line without the capture counts only toward the count");
    }

    @Test
    void shouldCompileOnceIntoTheThreshold() {
        CompiledPattern p = Patterns.one("match journald\n  group by unit\n  threshold count >= 5 within 10m\n"
                + "  once message ~ /hold-?off time/ then message contains \"restart counter\" within 1s");
        OnceSpec once = p.threshold().orElseThrow().once().orElseThrow();

        assertEquals(Duration.ofSeconds(1), once.within());
        assertTrue(once.first().matches(Patterns.event(Source.JOURNALD, "redis-server.service: Service hold-off time over, scheduling restart.")));
        assertFalse(once.first().matches(Patterns.event(Source.JOURNALD, "redis-server.service: Scheduled restart job, restart counter is at 1.")));
        assertTrue(once.then().matches(Patterns.event(Source.JOURNALD, "redis-server.service: Scheduled restart job, restart counter is at 1.")));
    }

    @Test
    void shouldCompileSequenceStepsAndJoins() {
        CompiledPattern p = Patterns.one("sequence within 2m {\n step log: journald where priority <= 3\n"
                + " step kill: kernel where message ~ /Killed process (?<victim_pid>\\d+)/\n}\n  join kill.victim_pid == log.pid");

        assertEquals(PatternKind.SEQUENCE, p.kind());
        assertEquals(List.of("log", "kill"), p.steps().stream().map(Step::name).toList());
        assertEquals(new SequenceSpec(Duration.ofMinutes(2), List.of(new Join("kill", "victim_pid", "log", "pid"))),
                p.sequence().orElseThrow());
        Event kill = Patterns.event(Source.KERNEL, KILLED);
        assertEquals("632846", CompiledPattern.value("victim_pid", kill, p.steps().get(1).match(kill).orElseThrow()));
    }

    @Test
    void shouldCompileAbsenceWithRelativeSilenceAndGracefulMarkers() {
        CompiledPattern p = Patterns.one("absence of file silent for 20 times usual gap, at least 5m\n  group by file\n"
                + "  graceful where message ~ /(?i)shutting down/\n  while host alive");
        AbsenceSpec a = p.absence().orElseThrow();

        assertEquals(PatternKind.ABSENCE, p.kind());
        assertEquals(Duration.ofMinutes(5), a.silenceAfter(Duration.ofSeconds(3)));
        assertEquals(Duration.ofMinutes(20), a.silenceAfter(Duration.ofMinutes(1)));
        // the product is exact, nanoseconds carried into seconds, as Duration.multipliedBy gives it
        for (Duration gap : List.of(Duration.ofMillis(16_999), Duration.ofSeconds(86_399, 999_999_999), Duration.ofNanos(1))) {
            Duration expected = gap.multipliedBy(20).compareTo(Duration.ofMinutes(5)) < 0 ? Duration.ofMinutes(5)
                    : gap.multipliedBy(20);
            assertEquals(expected, a.silenceAfter(gap), gap.toString());
        }
        assertTrue(a.isGraceful(Patterns.event(Source.FILE, "INFO: Shutting down")));
        assertFalse(a.isGraceful(Patterns.event(Source.FILE, "GET /health 200")));
        assertTrue(a.whileHostAlive());
    }

    @Test
    void shouldCompileCauseSpec() {
        CompiledPattern p = Patterns.one("match journald\n  cause last 3 lines from same unit where message ~ /Error/ within 10m");
        CauseSpec c = p.cause().orElseThrow();

        assertEquals(3, c.lines());
        assertEquals("unit", c.sameField());
        assertEquals(Optional.of(Duration.ofMinutes(10)), c.lookback());
        assertTrue(c.filter().matches(Patterns.event(Source.JOURNALD, "ModuleNotFoundError: No module named 'asyncpg'")));
    }

    @Test
    void shouldKeepTheFingerprintWhenOnlyCommentsLayoutTestsOrWordingChange() {
        String detection = "pattern p {\n  match kernel where message contains \"x\"\n  type t\n  summary \"s\"\n";
        CompiledPattern a = Patterns.compile(detection + "}\n").get(0);
        CompiledPattern b = Patterns.compile("# note\n" + detection.replace("  ", "    ").replace("\"s\"", "\"{host}: x\"")
                + "  label team = \"sre\"\n  severity critical\n  description \"d\"\n"
                + "  test \"t\" {\n    at 0s kernel \"x\"\n    expect t\n  }\n}\n").get(0);
        CompiledPattern c = Patterns.compile(detection.replace("\"x\"", "\"y\"") + "}\n").get(0);

        assertEquals(a.fingerprint(), b.fingerprint());
        assertNotEquals(a.fingerprint(), c.fingerprint());
    }

    @Test
    void shouldLeaveOutOnlyThePatternsWithErrors() {
        var parsed = dev.vigil.patterns.lang.PatternParser.parse("t.vigil",
                "pattern good { match kernel type t summary \"s\" }\npattern bad { match kernal type t summary \"s\" }\n");

        PatternCompiler.Result r = PatternCompiler.compile(parsed.file());

        assertEquals(List.of("good"), r.patterns().stream().map(CompiledPattern::name).toList());
        assertEquals(List.of("t.vigil:2:21: error[unknown-source]: unknown source 'kernal'"),
                r.diagnostics().stream().map(dev.vigil.patterns.lang.Diagnostic::headline).toList());
    }

    @Test
    void shouldReadWhichProcessAPatternNamesAndTheNotesItGivesTheIncidentsNearIt() {
        CompiledPattern p = Patterns.one("  match kernel where message ~ /Killed process (?<victim_pid>\\d+) \\((?<victim_comm>[^)]*)\\)/\n"
                + "  link any within 5m naming victim_pid, victim_comm\n"
                + "    note \"its process {victim_comm} was killed\" else \"{victim_comm} was killed {apart}\"");

        LinkAnySpec spec = p.linkAny().orElseThrow();
        assertEquals(Duration.ofMinutes(5), spec.within());
        assertEquals(List.of("victim_pid", "victim_comm"), List.of(spec.pid(), spec.comm()));
        assertEquals("uvicorn was killed 2m before", spec.other().render(Map.of("victim_comm", "uvicorn", "apart", "2m before")));
        assertTrue(Patterns.one("  match kernel").linkAny().isEmpty());
    }

    @Test
    void shouldRefuseALinkNoteWithAValueItCannotHave() {
        var parsed = dev.vigil.patterns.lang.PatternParser.parse("t.vigil", "pattern p { match kernel where message ~"
                + " /Killed process (?<pid>\\d+)/ link any within 5m naming pid, comm note \"{pid} {host}\" else \"x\""
                + " type t summary \"s\" }\n");

        PatternCompiler.Result r = PatternCompiler.compile(parsed.file());

        assertEquals(List.of(), parsed.diagnostics());
        assertEquals(List.of("t.vigil:1:119: error[unknown-capture]: '{host}' is not a value a link note has"),
                r.diagnostics().stream().map(dev.vigil.patterns.lang.Diagnostic::headline).toList());
    }
}
