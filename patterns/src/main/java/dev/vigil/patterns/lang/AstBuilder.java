package dev.vigil.patterns.lang;

import dev.vigil.patterns.lang.VigilParser.*;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/**
 * Turns a parse tree into the AST and reports what the grammar let through on purpose: a
 * duration without a unit or with an unknown one, {@code =} where {@code ==} is meant, an
 * unknown {@code while} condition.
 */
final class AstBuilder {
    /** Duration units a pattern may use, in the order the hint lists them. */
    static final Map<String, Duration> UNITS = Map.of(
            "ms", Duration.ofMillis(1), "s", Duration.ofSeconds(1), "m", Duration.ofMinutes(1),
            "h", Duration.ofHours(1), "d", Duration.ofDays(1));
    private static final String UNIT_LIST = "ms, s, m, h, d";

    private final String path;
    private final TokenStream tokens;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    AstBuilder(String path, TokenStream tokens) {
        this.path = path;
        this.tokens = tokens;
    }

    List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }

    PatternDecl pattern(PatternContext ctx) {
        List<Clause> clauses = ctx.clause().stream().map(this::clause).toList();
        return new PatternDecl(ctx.name.getText(), pos(ctx.start), clauses, canonical(ctx));
    }

    RedactDecl redaction(RedactionContext ctx) {
        if (ctx instanceof RedactRuleContext r) {
            return new RedactDecl(r.name.getText(), regex(r.regex), r.text == null ? null : text(r.text).value(), pos(ctx.start));
        }
        return new RedactDecl(((RedactOffContext) ctx).name.getText(), null, null, pos(ctx.start));
    }

    private Clause clause(ClauseContext ctx) {
        Pos pos = pos(ctx.start);
        if (ctx instanceof DescriptionClauseContext c) {
            return new Clause.Description(text(c.text), pos);
        } else if (ctx instanceof MatchClauseContext c) {
            return new Clause.Match(selector(c.selector()), pos);
        } else if (ctx instanceof GroupClauseContext c) {
            return new Clause.GroupBy(c.keys.stream().map(AstBuilder::fieldRef).toList(), pos);
        } else if (ctx instanceof ThresholdClauseContext c) {
            return threshold(c, pos);
        } else if (ctx instanceof SignatureClauseContext) {
            return new Clause.Signature(pos);
        } else if (ctx instanceof ClaimClauseContext) {
            return new Clause.Claim(pos);
        } else if (ctx instanceof OnceClauseContext c) {
            return new Clause.Once(expr(c.first), expr(c.second), window(c.window()), pos);
        } else if (ctx instanceof SequenceClauseContext c) {
            List<Clause.Step> steps = c.step().stream()
                    .map(s -> new Clause.Step(s.name.getText(), selector(s.selector()), pos(s.start))).toList();
            return new Clause.Sequence(window(c.window()), steps, pos);
        } else if (ctx instanceof JoinClauseContext c) {
            return new Clause.Join(fieldRef(c.left), fieldRef(c.right), pos);
        } else if (ctx instanceof AbsenceClauseContext c) {
            return new Clause.Absence(selector(c.selector()), silence(c.silence()), pos);
        } else if (ctx instanceof GracefulClauseContext c) {
            return new Clause.Graceful(expr(c.expr()), pos);
        } else if (ctx instanceof WhileClauseContext c) {
            return whileClause(c, pos);
        } else if (ctx instanceof QuietClauseContext c) {
            return new Clause.Quiet(duration(c.duration(0)), c.longer == null ? null : duration(c.longer),
                    c.key == null ? null : c.key.getText(), pos);
        } else if (ctx instanceof RenotifyClauseContext c) {
            return new Clause.Renotify(duration(c.duration()), pos);
        } else if (ctx instanceof CauseClauseContext c) {
            return cause(c, pos);
        } else if (ctx instanceof GatherClauseContext c) {
            return new Clause.Gather(c.name.getText(), expr(c.expr()), window(c.window()),
                    c.under == null ? null : text(c.under), pos);
        } else if (ctx instanceof LinkClauseContext c) {
            return new Clause.Link(c.types.stream().map(t -> t.getText()).toList(), window(c.window()), pos);
        } else if (ctx instanceof LinkAnyClauseContext c) {
            return new Clause.LinkAny(window(c.window()), c.pid.getText(), c.comm.getText(), text(c.same), text(c.other), pos);
        } else if (ctx instanceof TypeClauseContext c) {
            return new Clause.Type(c.name.getText(), pos);
        } else if (ctx instanceof SeverityClauseContext c) {
            return new Clause.Severity(c.level.getText(), pos(c.level.start), pos);
        } else if (ctx instanceof SubjectClauseContext c) {
            return new Clause.Subject(text(c.text), pos);
        } else if (ctx instanceof SummaryClauseContext c) {
            return new Clause.Summary(text(c.text), pos);
        } else if (ctx instanceof LabelClauseContext c) {
            return new Clause.Label(c.key.getText(), text(c.text), pos);
        } else if (ctx instanceof TestClauseContext c) {
            return new Clause.Test(test(c), pos);
        }
        throw new IllegalStateException("grammar has a clause the builder does not know: " + ctx.getClass());
    }

    private Clause threshold(ThresholdClauseContext c, Pos pos) {
        FieldRef distinct = c.aggregate() instanceof DistinctAggregateContext d ? fieldRef(d.fieldRef()) : null;
        long limit = Long.parseLong(c.limit.getText());
        long min = c.cmp.getText().equals(">") ? limit + 1 : limit;
        FieldRef reach = c.reach == null ? null : fieldRef(c.reach);
        long reachMin = c.reachLimit == null ? 0 : Long.parseLong(c.reachLimit.getText());
        return new Clause.Threshold(distinct, min, window(c.window()), reach, reachMin, pos);
    }

    private Clause whileClause(WhileClauseContext c, Pos pos) {
        if (!c.subject.getText().equals("host") || !c.state.getText().equals("alive")) {
            diagnostics.add(Diagnostic.error(path, pos(c.subject.start), "unknown-condition",
                    "unknown condition 'while " + c.subject.getText() + " " + c.state.getText() + "'",
                    "the condition an absence can wait on is 'while host alive'"));
        }
        return new Clause.WhileHostAlive(pos);
    }

    private Clause cause(CauseClauseContext c, Pos pos) {
        String unit = c.unit.getText();
        if (!unit.equals("lines") && !unit.equals("line")) {
            diagnostics.add(Diagnostic.error(path, pos(c.unit.start), "syntax", "unexpected '" + unit + "'",
                    "write 'cause last " + c.lines.getText() + " lines from same unit'"));
        }
        Expr where = c.expr() == null ? null : expr(c.expr());
        return new Clause.Cause(Integer.parseInt(c.lines.getText()), fieldRef(c.key), where, window(c.window()), pos);
    }

    private Clause.Silence silence(SilenceContext ctx) {
        if (ctx == null) {
            return null;
        }
        if (ctx instanceof FixedSilenceContext f) {
            return new Clause.Silence(duration(f.duration()), 0, null, pos(ctx.start));
        }
        RelativeSilenceContext r = (RelativeSilenceContext) ctx;
        DurationLit floor = r.duration() == null ? null : duration(r.duration());
        return new Clause.Silence(null, Integer.parseInt(r.factor.getText()), floor, pos(ctx.start));
    }

    private TestDecl test(TestClauseContext c) {
        List<TestDecl.Input> inputs = new ArrayList<>();
        List<TestDecl.Expect> expects = new ArrayList<>();
        boolean none = false;
        for (TestItemContext item : c.testItem()) {
            if (item instanceof TestEventContext e) {
                inputs.add(input(e));
            } else if (item instanceof TestFileEventsContext f) {
                inputs.add(fileInput(f));
            } else if (item instanceof ExpectNoneContext) {
                none = true;
            } else {
                expects.add(expect((ExpectIncidentContext) item));
            }
        }
        return new TestDecl(text(c.name), inputs, expects, none, pos(c.start));
    }

    private TestDecl.Input input(TestEventContext e) {
        List<TestDecl.Assignment> assignments = assignments(e.assignment());
        int repeat = 1;
        DurationLit every = null;
        if (e.repeat() != null) {
            repeat = Integer.parseInt(e.repeat().times.getText());
            every = duration(e.repeat().duration());
        }
        return new TestDecl.Input(duration(e.duration()), e.source.getText(), pos(e.source.start), assignments,
                text(e.text), null, repeat, every, pos(e.start));
    }

    private TestDecl.Input fileInput(TestFileEventsContext f) {
        List<TestDecl.Assignment> assignments = assignments(f.assignment());
        return new TestDecl.Input(duration(f.duration(0)), f.source.getText(), pos(f.source.start), assignments,
                null, text(f.fixture), 1, duration(f.duration(1)), pos(f.start));
    }

    private List<TestDecl.Assignment> assignments(List<AssignmentContext> contexts) {
        return contexts.stream().map(a -> new TestDecl.Assignment(fieldRef(a.fieldRef()), value(a.value()))).toList();
    }

    private TestDecl.Expect expect(ExpectIncidentContext e) {
        Text subject = null;
        Long count = null;
        Text summary = null;
        Text cause = null;
        Map<String, Text> labels = new LinkedHashMap<>();
        for (ExpectationContext x : e.expectation()) {
            if (x instanceof ExpectSubjectContext s) {
                subject = text(s.text);
            } else if (x instanceof ExpectCountContext n) {
                count = Long.parseLong(n.n.getText());
            } else if (x instanceof ExpectSummaryContext s) {
                summary = text(s.text);
            } else if (x instanceof ExpectCauseContext s) {
                cause = text(s.text);
            } else if (x instanceof ExpectLabelContext l) {
                labels.put(l.key.getText(), text(l.text));
            }
        }
        return new TestDecl.Expect(e.type.getText(), pos(e.type.start), subject, count, summary, cause, labels,
                pos(e.start));
    }

    private Selector selector(SelectorContext ctx) {
        String source = ctx.source == null ? null : ctx.source.getText();
        Pos sourcePos = ctx.source == null ? null : pos(ctx.source.start);
        Expr where = ctx.expr() == null ? null : expr(ctx.expr());
        return new Selector(source, sourcePos, where, pos(ctx.start));
    }

    private Expr expr(ExprContext ctx) {
        Pos pos = pos(ctx.start);
        if (ctx instanceof NotExprContext c) {
            return new Expr.Not(expr(c.expr()), pos);
        } else if (ctx instanceof AndExprContext c) {
            return new Expr.And(expr(c.left), expr(c.right), pos);
        } else if (ctx instanceof OrExprContext c) {
            return new Expr.Or(expr(c.left), expr(c.right), pos);
        } else if (ctx instanceof ParenExprContext c) {
            return expr(c.expr());
        } else if (ctx instanceof CompareExprContext c) {
            return new Expr.Compare(fieldRef(c.fieldRef()), c.op.getText(), value(c.value()), pos);
        } else if (ctx instanceof AssignExprContext c) {
            diagnostics.add(Diagnostic.error(path, pos(c.op), "syntax", "'=' in a condition",
                    "compare with '==', e.g. " + c.fieldRef().getText() + " == " + c.value().getText()));
            return new Expr.Compare(fieldRef(c.fieldRef()), "==", value(c.value()), pos);
        } else if (ctx instanceof RegexExprContext c) {
            return new Expr.RegexTest(fieldRef(c.fieldRef()), c.op.getText().equals("!~"), regex(c.regex), pos);
        } else if (ctx instanceof ContainsExprContext c) {
            return new Expr.Contains(fieldRef(c.fieldRef()), text(c.text), pos);
        } else if (ctx instanceof InExprContext c) {
            return new Expr.In(fieldRef(c.fieldRef()), c.values.stream().map(this::value).toList(), pos);
        } else if (ctx instanceof ExistsExprContext c) {
            return new Expr.Exists(fieldRef(c.fieldRef()), pos);
        }
        throw new IllegalStateException("grammar has an expression the builder does not know: " + ctx.getClass());
    }

    private DurationLit window(WindowContext ctx) {
        return ctx == null ? null : duration(ctx.duration());
    }

    /** Parses {@code 10m}, {@code 1h30m}, {@code 500ms}; reports a missing or unknown unit. */
    DurationLit duration(DurationContext ctx) {
        String text = ctx.getText();
        Pos pos = pos(ctx.start);
        if (text.chars().allMatch(Character::isDigit)) {
            diagnostics.add(Diagnostic.error(path, pos, "missing-duration-unit", "no time unit in '" + text + "'",
                    "did you mean '" + text + "s' or '" + text + "m'? units: " + UNIT_LIST));
            return new DurationLit(null, text, pos);
        }
        Duration total = Duration.ZERO;
        int i = 0;
        while (i < text.length()) {
            int digits = i;
            while (i < text.length() && Character.isDigit(text.charAt(i))) {
                i++;
            }
            int letters = i;
            while (i < text.length() && Character.isLetter(text.charAt(i))) {
                i++;
            }
            String number = text.substring(digits, letters);
            Duration unit = UNITS.get(text.substring(letters, i));
            if (unit == null) {
                diagnostics.add(Diagnostic.error(path, pos.plus(letters), "unknown-duration-unit",
                        "unknown unit '" + text.substring(letters, i) + "' in '" + text + "'",
                        "use one of " + UNIT_LIST + " (e.g. '" + number + "m')"));
                return new DurationLit(null, text, pos);
            }
            total = total.plus(unit.multipliedBy(Long.parseLong(number)));
        }
        return new DurationLit(total, text, pos);
    }

    private Value value(ValueContext ctx) {
        Pos pos = pos(ctx.start);
        if (ctx instanceof StringValueContext s) {
            return new Value(Value.Kind.STRING, unescape(s.STRING().getText()), pos);
        }
        return new Value(ctx instanceof IntValueContext ? Value.Kind.INT : Value.Kind.BOOL, ctx.getText(), pos);
    }

    private RegexLit regex(Token token) {
        String raw = token.getText();
        Pos pos = pos(token);
        if (token.getType() == VigilParser.STRING) {
            return new RegexLit(unescape(raw), "", pos);
        }
        int close = raw.lastIndexOf('/');
        return new RegexLit(raw.substring(1, close).replace("\\/", "/"), raw.substring(close + 1), pos);
    }

    private static FieldRef fieldRef(FieldRefContext ctx) {
        return new FieldRef(ctx.ident().stream().map(ParserRuleContext::getText).toList(), pos(ctx.start));
    }

    private static Text text(Token token) {
        return new Text(unescape(token.getText()), token.getText(), pos(token));
    }

    /** Resolves {@code \"}, {@code \\}, {@code \n} and {@code \t}; other escapes keep the character. */
    static String unescape(String quoted) {
        String body = quoted.substring(1, quoted.length() - 1);
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 == body.length()) {
                out.append(c);
                continue;
            }
            char next = body.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    /**
     * The pattern's tokens minus its tests and wording (description, severity, subject, summary,
     * labels), so that layout, comments, tests and wording do not count as a new detection.
     */
    private String canonical(PatternContext ctx) {
        List<int[]> skipped = ctx.clause().stream()
                .filter(c -> c instanceof TestClauseContext || c instanceof DescriptionClauseContext
                        || c instanceof SeverityClauseContext || c instanceof SubjectClauseContext
                        || c instanceof SummaryClauseContext || c instanceof LabelClauseContext)
                .map(c -> new int[] {c.start.getTokenIndex(), c.stop.getTokenIndex()})
                .toList();
        Predicate<Integer> inTest = i -> skipped.stream().anyMatch(r -> i >= r[0] && i <= r[1]);
        StringBuilder out = new StringBuilder();
        for (int i = ctx.start.getTokenIndex(); i <= ctx.stop.getTokenIndex(); i++) {
            if (!inTest.test(i)) {
                out.append(out.length() == 0 ? "" : " ").append(tokens.get(i).getText());
            }
        }
        return out.toString();
    }

    static Pos pos(Token token) {
        return new Pos(Math.max(token.getLine(), 1), token.getCharPositionInLine() + 1);
    }
}
