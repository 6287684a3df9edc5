package dev.vigil.patterns.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AST each construct parses into; problems are covered by the golden files in lint/. */
class PatternParserTest {

    private static PatternDecl parseOne(String body) {
        PatternParser.Result result = PatternParser.parse("t.vigil", "pattern p {\n" + body + "\n}\n");
        assertEquals(List.of(), result.diagnostics());
        assertEquals(1, result.file().patterns().size());
        return result.file().patterns().get(0);
    }

    private static <T extends Clause> T only(PatternDecl p, Class<T> kind) {
        List<T> found = p.clauses(kind);
        assertEquals(1, found.size(), kind.getSimpleName());
        return found.get(0);
    }

    @Test
    void shouldParseMatchWithSourceRegexAndFlags() {
        Clause.Match m = only(parseOne("match kernel where message ~ /Killed process (?<pid>\\d+)/i"), Clause.Match.class);

        assertEquals("kernel", m.selector().source());
        Expr.RegexTest r = assertInstanceOf(Expr.RegexTest.class, m.selector().where());
        assertEquals("message", r.field().dotted());
        assertEquals("Killed process (?<pid>\\d+)", r.regex().source());
        assertEquals("i", r.regex().flags());
        assertEquals(new Pos(2, 30), r.regex().pos());
    }

    @Test
    void shouldParseMatchWithoutSourceAsAnySource() {
        Clause.Match m = only(parseOne("match where message contains \"panic:\""), Clause.Match.class);

        assertNull(m.selector().source());
        Expr.Contains c = assertInstanceOf(Expr.Contains.class, m.selector().where());
        assertEquals("panic:", c.text().value());
    }

    @Test
    void shouldGiveAndPrecedenceOverOrAndNotOverAnd() {
        Clause.Match m = only(parseOne("match journald where not unit == \"a\" and priority <= 3 or message_id exists"),
                Clause.Match.class);

        Expr.Or or = assertInstanceOf(Expr.Or.class, m.selector().where());
        Expr.And and = assertInstanceOf(Expr.And.class, or.left());
        assertInstanceOf(Expr.Not.class, and.left());
        Expr.Compare cmp = assertInstanceOf(Expr.Compare.class, and.right());
        assertEquals("<=", cmp.op());
        assertEquals(Value.Kind.INT, cmp.value().kind());
        assertInstanceOf(Expr.Exists.class, or.right());
    }

    @Test
    void shouldParseInListsAndDottedJournaldFields() {
        Clause.Match m = only(parseOne("match shipper where identifier in [\"kmsg_overrun\", \"cursor_lost\"]"
                + " and fields.N_RESTARTS != \"0\""), Clause.Match.class);

        Expr.And and = assertInstanceOf(Expr.And.class, m.selector().where());
        Expr.In in = assertInstanceOf(Expr.In.class, and.left());
        assertEquals(List.of("kmsg_overrun", "cursor_lost"), in.values().stream().map(Value::text).toList());
        assertEquals(List.of("fields", "N_RESTARTS"), ((Expr.Compare) and.right()).field().parts());
    }

    @Test
    void shouldParseThresholdWithCountAndDistinct() {
        Clause.Threshold count = only(parseOne("match kernel\nthreshold count >= 5 within 10m"), Clause.Threshold.class);
        Clause.Threshold distinct = only(parseOne("match kernel\nthreshold distinct pid > 2 within 1h30m"),
                Clause.Threshold.class);

        assertNull(count.distinct());
        assertEquals(5, count.min());
        assertEquals(Duration.ofMinutes(10), count.within().value());
        assertEquals("pid", distinct.distinct().dotted());
        assertEquals(3, distinct.min());
        assertEquals(Duration.ofMinutes(90), distinct.within().value());
    }

    @Test
    void shouldParseGroupByQuietRenotifyAndSignature() {
        PatternDecl p = parseOne("match file\nsignature\ngroup by file, fields.X\nquiet 15m\nrenotify 500ms");

        assertEquals(List.of("file", "fields.X"), only(p, Clause.GroupBy.class).keys().stream().map(FieldRef::dotted).toList());
        assertEquals(Duration.ofMinutes(15), only(p, Clause.Quiet.class).duration().value());
        assertEquals(Duration.ofMillis(500), only(p, Clause.Renotify.class).duration().value());
        assertEquals(new Pos(3, 1), only(p, Clause.Signature.class).pos());
    }

    @Test
    void shouldParseSequenceStepsAndJoin() {
        PatternDecl p = parseOne("sequence within 2m {\n step kill: kernel where message contains \"Killed\"\n"
                + " step log: journald\n}\njoin log.pid == kill.victim_pid");

        Clause.Sequence s = only(p, Clause.Sequence.class);
        assertEquals(Duration.ofMinutes(2), s.within().value());
        assertEquals(List.of("kill", "log"), s.steps().stream().map(Clause.Step::name).toList());
        assertNull(s.steps().get(1).selector().where());
        Clause.Join j = only(p, Clause.Join.class);
        assertEquals("log.pid", j.left().dotted());
        assertEquals("kill.victim_pid", j.right().dotted());
    }

    @Test
    void shouldParseFixedAndRelativeAbsence() {
        PatternDecl fixed = parseOne("absence of file silent for 10m\ngraceful where message contains \"bye\"\nwhile host alive");
        PatternDecl relative = parseOne("absence of file where file ~ /\\.log$/ silent for 20 times usual gap, at least 5m");

        Clause.Absence a = only(fixed, Clause.Absence.class);
        assertEquals(Duration.ofMinutes(10), a.silence().fixed().value());
        assertInstanceOf(Expr.Contains.class, only(fixed, Clause.Graceful.class).where());
        assertEquals(new Pos(4, 1), only(fixed, Clause.WhileHostAlive.class).pos());
        Clause.Silence s = only(relative, Clause.Absence.class).silence();
        assertNull(s.fixed());
        assertEquals(20, s.factor());
        assertEquals(Duration.ofMinutes(5), s.floor().value());
    }

    @Test
    void shouldParseCause() {
        Clause.Cause c = only(parseOne("match journald\ncause last 3 lines from same unit where priority <= 3 within 10m"),
                Clause.Cause.class);

        assertEquals(3, c.lines());
        assertEquals("unit", c.same().dotted());
        assertInstanceOf(Expr.Compare.class, c.where());
        assertEquals(Duration.ofMinutes(10), c.within().value());
    }

    @Test
    void shouldParseOutputClauses() {
        PatternDecl p = parseOne("match kernel\ntype oom_kill\nseverity critical\nsubject \"{victim}\"\n"
                + "summary \"killed \\\"{victim}\\\"\"\nlabel team = \"sre\"\ndescription \"OOM\"");

        assertEquals("oom_kill", only(p, Clause.Type.class).name());
        assertEquals("critical", only(p, Clause.Severity.class).level());
        assertEquals("{victim}", only(p, Clause.Subject.class).text().value());
        assertEquals("killed \"{victim}\"", only(p, Clause.Summary.class).text().value());
        assertEquals("team", only(p, Clause.Label.class).key());
        assertEquals("OOM", only(p, Clause.Description.class).text().value());
    }

    @Test
    void shouldParseTestBlocks() {
        List<Clause.Test> tests = parseOne("match kernel\ntest \"burst\" {\n at 10s journald unit=\"a.service\""
                + " priority=3 \"a.service: restart {i}\" repeat 3 every 5s\n expect restart_burst subject \"a.service\""
                + " count 3 summary contains \"3 times\" cause contains \"Error\"\n}\ntest \"quiet\" {\n expect none\n}")
                .clauses(Clause.Test.class);
        TestDecl t = tests.get(0).test();

        TestDecl.Input in = t.inputs().get(0);
        assertEquals(Duration.ofSeconds(10), in.at().value());
        assertEquals("journald", in.source());
        assertEquals(List.of("unit", "priority"), in.assignments().stream().map(a -> a.field().dotted()).toList());
        assertEquals(3, in.repeat());
        assertEquals(Duration.ofSeconds(5), in.every().value());
        TestDecl.Expect x = t.expects().get(0);
        assertEquals("restart_burst", x.type());
        assertEquals(3L, x.count());
        assertEquals("3 times", x.summaryContains().value());
        assertEquals("Error", x.causeContains().value());
        assertFalse(t.expectNone());
        assertTrue(tests.get(1).test().expectNone());
        assertEquals("quiet", tests.get(1).test().name().value());
    }

    @Test
    void shouldParseTestLinesFromAFile() {
        TestDecl.Input in = only(parseOne("match file\ntest \"t\" {\n at 5s file file=\"/tmp/a.log\" lines from"
                + " \"fixtures/a.log\" every 1m\n expect none\n}"), Clause.Test.class).test().inputs().get(0);

        assertEquals("fixtures/a.log", in.linesFrom().value());
        assertNull(in.message());
        assertEquals(Duration.ofMinutes(1), in.every().value());
        assertEquals(Duration.ofSeconds(5), in.at().value());
    }

    @Test
    void shouldAcceptKeywordsAsNames() {
        PatternDecl p = parseOne("match where message ~ /(?P<count>\\d+)/\ngroup by count, type");

        assertEquals(List.of("count", "type"), only(p, Clause.GroupBy.class).keys().stream().map(FieldRef::dotted).toList());
    }

    @Test
    void shouldIgnoreCommentsLayoutTestsAndWordingInTheCanonicalText() {
        PatternDecl a = parseOne("# comment\nmatch kernel   where message contains \"x\"\ntest \"t\" { expect none }\n"
                + "summary \"s\"\nsubject \"{host}\"\nlabel a = \"b\"\nseverity info\ndescription \"d\"");
        PatternDecl b = parseOne("match kernel where\n   message contains \"x\"");

        assertEquals(b.canonical(), a.canonical());
        assertEquals("pattern p { match kernel where message contains \"x\" }", a.canonical());
    }

    @Test
    void shouldParseManyPatternsInOneFile() {
        PatternParser.Result r = PatternParser.parse("t.vigil", "pattern a { match kernel }\npattern b { match file }\n");

        assertEquals(List.of("a", "b"), r.file().patterns().stream().map(PatternDecl::name).toList());
        assertFalse(r.hasErrors());
    }
}
