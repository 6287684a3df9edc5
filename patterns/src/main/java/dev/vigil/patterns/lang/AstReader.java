package dev.vigil.patterns.lang;

import java.io.DataInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads back what {@link AstWriter} wrote, refusing malformed input with an {@link java.io.IOException}. */
record AstReader(DataInput in) {
    PatternFile file() throws IOException {
        String path = string();
        String text = string();
        int n = count();
        List<PatternDecl> patterns = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = string();
            Pos pos = pos();
            int clauses = count();
            List<Clause> list = new ArrayList<>(clauses);
            for (int j = 0; j < clauses; j++) {
                list.add(clause());
            }
            patterns.add(new PatternDecl(name, pos, list, string()));
        }
        int r = count();
        List<RedactDecl> redactions = new ArrayList<>(r);
        for (int i = 0; i < r; i++) {
            redactions.add(new RedactDecl(string(), regex(), string(), pos()));
        }
        return new PatternFile(path, text, patterns, redactions);
    }

    Clause clause() throws IOException {
        int tag = in.readByte();
        return switch (tag) {
            case 0 -> new Clause.Description(text(), pos());
            case 1 -> new Clause.Match(selector(), pos());
            case 2 -> {
                int n = count();
                List<FieldRef> keys = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    keys.add(field());
                }
                yield new Clause.GroupBy(keys, pos());
            }
            case 3 -> new Clause.Threshold(field(), in.readLong(), duration(), field(), in.readLong(), pos());
            case 4 -> new Clause.Once(expr(), expr(), duration(), pos());
            case 5 -> new Clause.Signature(pos());
            case 6 -> {
                DurationLit within = duration();
                int n = count();
                List<Clause.Step> steps = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    steps.add(new Clause.Step(string(), selector(), pos()));
                }
                yield new Clause.Sequence(within, steps, pos());
            }
            case 7 -> new Clause.Join(field(), field(), pos());
            case 8 -> {
                Selector selector = selector();
                Clause.Silence silence = in.readBoolean()
                        ? new Clause.Silence(duration(), in.readInt(), duration(), pos()) : null;
                yield new Clause.Absence(selector, silence, pos());
            }
            case 9 -> new Clause.Graceful(expr(), pos());
            case 10 -> new Clause.WhileHostAlive(pos());
            case 11 -> new Clause.Quiet(duration(), duration(), string(), pos());
            case 12 -> new Clause.Renotify(duration(), pos());
            case 13 -> new Clause.Cause(in.readInt(), field(), expr(), duration(), pos());
            case 14 -> new Clause.Gather(string(), expr(), duration(), text(), pos());
            case 15 -> {
                int n = count();
                List<String> types = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    types.add(string());
                }
                yield new Clause.Link(types, duration(), pos());
            }
            case 16 -> new Clause.LinkAny(duration(), string(), string(), text(), text(), pos());
            case 17 -> new Clause.Type(string(), pos());
            case 18 -> new Clause.Severity(string(), pos(), pos());
            case 19 -> new Clause.Subject(text(), pos());
            case 20 -> new Clause.Summary(text(), pos());
            case 21 -> new Clause.Label(string(), text(), pos());
            case 22 -> new Clause.Test(test(), pos());
            case 23 -> new Clause.Claim(pos());
            default -> throw new IOException("unknown clause tag " + tag);
        };
    }

    TestDecl test() throws IOException {
        Text name = text();
        int n = count();
        List<TestDecl.Input> inputs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            DurationLit at = duration();
            String source = string();
            Pos sourcePos = pos();
            int a = count();
            List<TestDecl.Assignment> assignments = new ArrayList<>(a);
            for (int j = 0; j < a; j++) {
                assignments.add(new TestDecl.Assignment(field(), value()));
            }
            inputs.add(new TestDecl.Input(at, source, sourcePos, assignments, text(), text(), in.readInt(),
                    duration(), pos()));
        }
        int e = count();
        List<TestDecl.Expect> expects = new ArrayList<>(e);
        for (int i = 0; i < e; i++) {
            String type = string();
            Pos typePos = pos();
            Text subject = text();
            Long count = in.readBoolean() ? in.readLong() : null;
            Text summary = text();
            Text cause = text();
            int l = count();
            Map<String, Text> labels = new LinkedHashMap<>();
            for (int j = 0; j < l; j++) {
                labels.put(string(), text());
            }
            expects.add(new TestDecl.Expect(type, typePos, subject, count, summary, cause, labels, pos()));
        }
        return new TestDecl(name, inputs, expects, in.readBoolean(), pos());
    }

    Expr expr() throws IOException {
        int tag = in.readByte();
        return switch (tag) {
            case -1 -> null;
            case 0 -> new Expr.And(expr(), expr(), pos());
            case 1 -> new Expr.Or(expr(), expr(), pos());
            case 2 -> new Expr.Not(expr(), pos());
            case 3 -> new Expr.Compare(field(), string(), value(), pos());
            case 4 -> new Expr.RegexTest(field(), in.readBoolean(), regex(), pos());
            case 5 -> new Expr.Contains(field(), text(), pos());
            case 6 -> {
                FieldRef field = field();
                int n = count();
                List<Value> values = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    values.add(value());
                }
                yield new Expr.In(field, values, pos());
            }
            case 7 -> new Expr.Exists(field(), pos());
            default -> throw new IOException("unknown condition tag " + tag);
        };
    }

    Selector selector() throws IOException {
        return in.readBoolean() ? new Selector(string(), pos(), expr(), pos()) : null;
    }

    FieldRef field() throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        int n = count();
        List<String> parts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            parts.add(string());
        }
        return new FieldRef(parts, pos());
    }

    Value value() throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        int kind = in.readByte();
        if (kind < 0 || kind >= Value.Kind.values().length) {
            throw new IOException("unknown value kind " + kind);
        }
        return new Value(Value.Kind.values()[kind], string(), pos());
    }

    RegexLit regex() throws IOException {
        return in.readBoolean() ? new RegexLit(string(), string(), pos()) : null;
    }

    Text text() throws IOException {
        return in.readBoolean() ? new Text(string(), string(), pos()) : null;
    }

    DurationLit duration() throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        Duration value = in.readBoolean() ? Duration.ofSeconds(in.readLong(), in.readInt()) : null;
        return new DurationLit(value, string(), pos());
    }

    Pos pos() throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        try {
            return new Pos(in.readInt(), in.readInt());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    int count() throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("negative count " + n);
        }
        return n;
    }

    String string() throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
