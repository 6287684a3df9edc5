package dev.vigil.patterns.lang;

import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes parsed pattern files field by field for {@link AstCodec}. */
record AstWriter(DataOutput out) {
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
            field(t.reach());
            out.writeLong(t.reachMin());
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
            duration(q.longer());
            string(q.same());
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
        } else if (c instanceof Clause.Claim) {
            out.writeByte(23);
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
