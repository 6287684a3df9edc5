package dev.vigil.patterns.lang;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parsed pattern files in a compact binary form, read back equal to what the parser made. The
 * standard library is parsed when Vigil is built and read in this form when it runs: parsing it
 * cold (ANTLR's lexer and prediction, interpreted, then compiled by the JIT) was a quarter of a
 * replay's start-up CPU; reading it back, about a hundredth of a second. Every record is written field
 * by field in declaration order, a reference behind a null flag, a list behind its size; a sealed
 * type's record behind a tag.
 */
public final class AstCodec {
    /** Written first; a stream of another version is refused, so a changed AST never reads stale bytes. */
    static final int VERSION = 1;

    private AstCodec() {}

    /** Writes {@code files} to {@code out}. */
    public static void write(List<PatternFile> files, DataOutput out) throws IOException {
        out.writeInt(VERSION);
        out.writeInt(files.size());
        for (PatternFile f : files) {
            new Writer(out).file(f);
        }
    }

    /** The files written by {@link #write}; an {@link IOException} for any other input. */
    public static List<PatternFile> read(DataInput in) throws IOException {
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("parsed patterns of version " + version + ", expected " + VERSION);
        }
        int n = in.readInt();
        List<PatternFile> files = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            files.add(new Reader(in).file());
        }
        return files;
    }

    private record Writer(DataOutput out) {
        void file(PatternFile f) throws IOException {
            string(f.path());
            string(f.text());
            out.writeInt(f.patterns().size());
            for (PatternDecl p : f.patterns()) {
                string(p.name());
                pos(p.pos());
                out.writeInt(p.clauses().size());
                for (Clause c : p.clauses()) {
                    clause(c);
                }
                string(p.canonical());
            }
            out.writeInt(f.redactions().size());
            for (RedactDecl r : f.redactions()) {
                string(r.name());
                regex(r.regex());
                string(r.replacement());
                pos(r.pos());
            }
        }

        void clause(Clause c) throws IOException {
            if (c instanceof Clause.Description d) {
                out.writeByte(0);
                text(d.text());
            } else if (c instanceof Clause.Match m) {
                out.writeByte(1);
                selector(m.selector());
            } else if (c instanceof Clause.GroupBy g) {
                out.writeByte(2);
                out.writeInt(g.keys().size());
                for (FieldRef k : g.keys()) {
                    field(k);
                }
            } else if (c instanceof Clause.Threshold t) {
                out.writeByte(3);
                field(t.distinct());
                out.writeLong(t.min());
                duration(t.within());
            } else if (c instanceof Clause.Once o) {
                out.writeByte(4);
                expr(o.first());
                expr(o.then());
                duration(o.within());
            } else if (c instanceof Clause.Signature) {
                out.writeByte(5);
            } else if (c instanceof Clause.Sequence s) {
                out.writeByte(6);
                duration(s.within());
                out.writeInt(s.steps().size());
                for (Clause.Step step : s.steps()) {
                    string(step.name());
                    selector(step.selector());
                    pos(step.pos());
                }
            } else if (c instanceof Clause.Join j) {
                out.writeByte(7);
                field(j.left());
                field(j.right());
            } else if (c instanceof Clause.Absence a) {
                out.writeByte(8);
                selector(a.selector());
                Clause.Silence s = a.silence();
                out.writeBoolean(s != null);
                if (s != null) {
                    duration(s.fixed());
                    out.writeInt(s.factor());
                    duration(s.floor());
                    pos(s.pos());
                }
            } else if (c instanceof Clause.Graceful g) {
                out.writeByte(9);
                expr(g.where());
            } else if (c instanceof Clause.WhileHostAlive) {
                out.writeByte(10);
            } else if (c instanceof Clause.Quiet q) {
                out.writeByte(11);
                duration(q.duration());
            } else if (c instanceof Clause.Renotify r) {
                out.writeByte(12);
                duration(r.duration());
            } else if (c instanceof Clause.Cause k) {
                out.writeByte(13);
                out.writeInt(k.lines());
                field(k.same());
                expr(k.where());
                duration(k.within());
            } else if (c instanceof Clause.Gather g) {
                out.writeByte(14);
                string(g.name());
                expr(g.where());
                duration(g.within());
                text(g.under());
            } else if (c instanceof Clause.Link l) {
                out.writeByte(15);
                out.writeInt(l.types().size());
                for (String t : l.types()) {
                    string(t);
                }
                duration(l.within());
            } else if (c instanceof Clause.LinkAny l) {
                out.writeByte(16);
                duration(l.within());
                string(l.pid());
                string(l.comm());
                text(l.same());
                text(l.other());
            } else if (c instanceof Clause.Type t) {
                out.writeByte(17);
                string(t.name());
            } else if (c instanceof Clause.Severity s) {
                out.writeByte(18);
                string(s.level());
                pos(s.levelPos());
            } else if (c instanceof Clause.Subject s) {
                out.writeByte(19);
                text(s.text());
            } else if (c instanceof Clause.Summary s) {
                out.writeByte(20);
                text(s.text());
            } else if (c instanceof Clause.Label l) {
                out.writeByte(21);
                string(l.key());
                text(l.text());
            } else if (c instanceof Clause.Test t) {
                out.writeByte(22);
                test(t.test());
            } else {
                throw new IOException("no encoding for clause " + c.getClass().getName());
            }
            pos(c.pos());
        }

        void test(TestDecl t) throws IOException {
            text(t.name());
            out.writeInt(t.inputs().size());
            for (TestDecl.Input i : t.inputs()) {
                duration(i.at());
                string(i.source());
                pos(i.sourcePos());
                out.writeInt(i.assignments().size());
                for (TestDecl.Assignment a : i.assignments()) {
                    field(a.field());
                    value(a.value());
                }
                text(i.message());
                text(i.linesFrom());
                out.writeInt(i.repeat());
                duration(i.every());
                pos(i.pos());
            }
            out.writeInt(t.expects().size());
            for (TestDecl.Expect e : t.expects()) {
                string(e.type());
                pos(e.typePos());
                text(e.subject());
                out.writeBoolean(e.count() != null);
                if (e.count() != null) {
                    out.writeLong(e.count());
                }
                text(e.summaryContains());
                text(e.causeContains());
                out.writeInt(e.labels().size());
                for (Map.Entry<String, Text> l : e.labels().entrySet()) {
                    string(l.getKey());
                    text(l.getValue());
                }
                pos(e.pos());
            }
            out.writeBoolean(t.expectNone());
            pos(t.pos());
        }

        void expr(Expr e) throws IOException {
            if (e == null) {
                out.writeByte(-1);
                return;
            }
            if (e instanceof Expr.And a) {
                out.writeByte(0);
                expr(a.left());
                expr(a.right());
            } else if (e instanceof Expr.Or o) {
                out.writeByte(1);
                expr(o.left());
                expr(o.right());
            } else if (e instanceof Expr.Not n) {
                out.writeByte(2);
                expr(n.inner());
            } else if (e instanceof Expr.Compare c) {
                out.writeByte(3);
                field(c.field());
                string(c.op());
                value(c.value());
            } else if (e instanceof Expr.RegexTest r) {
                out.writeByte(4);
                field(r.field());
                out.writeBoolean(r.negated());
                regex(r.regex());
            } else if (e instanceof Expr.Contains c) {
                out.writeByte(5);
                field(c.field());
                text(c.text());
            } else if (e instanceof Expr.In in) {
                out.writeByte(6);
                field(in.field());
                out.writeInt(in.values().size());
                for (Value v : in.values()) {
                    value(v);
                }
            } else if (e instanceof Expr.Exists x) {
                out.writeByte(7);
                field(x.field());
            } else {
                throw new IOException("no encoding for condition " + e.getClass().getName());
            }
            pos(e.pos());
        }

        void selector(Selector s) throws IOException {
            out.writeBoolean(s != null);
            if (s != null) {
                string(s.source());
                pos(s.sourcePos());
                expr(s.where());
                pos(s.pos());
            }
        }

        void field(FieldRef f) throws IOException {
            out.writeBoolean(f != null);
            if (f != null) {
                out.writeInt(f.parts().size());
                for (String part : f.parts()) {
                    string(part);
                }
                pos(f.pos());
            }
        }

        void value(Value v) throws IOException {
            out.writeBoolean(v != null);
            if (v != null) {
                out.writeByte(v.kind().ordinal());
                string(v.text());
                pos(v.pos());
            }
        }

        void regex(RegexLit r) throws IOException {
            out.writeBoolean(r != null);
            if (r != null) {
                string(r.source());
                string(r.flags());
                pos(r.pos());
            }
        }

        void text(Text t) throws IOException {
            out.writeBoolean(t != null);
            if (t != null) {
                string(t.value());
                string(t.raw());
                pos(t.pos());
            }
        }

        void duration(DurationLit d) throws IOException {
            out.writeBoolean(d != null);
            if (d != null) {
                out.writeBoolean(d.value() != null);
                if (d.value() != null) {
                    out.writeLong(d.value().getSeconds());
                    out.writeInt(d.value().getNano());
                }
                string(d.text());
                pos(d.pos());
            }
        }

        void pos(Pos p) throws IOException {
            out.writeBoolean(p != null);
            if (p != null) {
                out.writeInt(p.line());
                out.writeInt(p.column());
            }
        }

        void string(String s) throws IOException {
            if (s == null) {
                out.writeInt(-1);
                return;
            }
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8); // writeUTF stops at 64 KiB
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    private record Reader(DataInput in) {
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
                case 3 -> new Clause.Threshold(field(), in.readLong(), duration(), pos());
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
                case 11 -> new Clause.Quiet(duration(), pos());
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
}
