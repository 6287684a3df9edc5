package dev.vigil.patterns.lang;

import java.util.List;

/** One clause of a pattern block; each says one thing about the detection. */
public sealed interface Clause {
    /** Where the clause's keyword stands. */
    Pos pos();

    /** {@code description "…"}: free text for humans. */
    record Description(Text text, Pos pos) implements Clause {}

    /** {@code match SOURCE where EXPR}: the events the pattern is about. */
    record Match(Selector selector, Pos pos) implements Clause {}

    /** {@code group by a, b}: one episode per distinct value of these fields/captures (per host). */
    record GroupBy(List<FieldRef> keys, Pos pos) implements Clause {
        public GroupBy {
            keys = List.copyOf(keys);
        }
    }

    /**
     * {@code threshold count >= 5 within 10m} or {@code threshold distinct pid >= 3 within 10m}.
     * {@code distinct} is null for a plain count; {@code min} is the smallest count that fires.
     * {@code … or counter >= 10}: one event whose capture {@code reach} is a number of at least
     * {@code reachMin} fires too ({@code reach} null without it).
     */
    record Threshold(FieldRef distinct, long min, DurationLit within, FieldRef reach, long reachMin, Pos pos) implements Clause {
        public Threshold(FieldRef distinct, long min, DurationLit within, Pos pos) {
            this(distinct, min, within, null, 0, pos);
        }
    }

    /**
     * {@code once A then B within 1s}: an event matching B that follows an event matching A of
     * its group within the window is the same occurrence, written twice, and counts once.
     */
    record Once(Expr first, Expr then, DurationLit within, Pos pos) implements Clause {}

    /** {@code signature}: group by the mined template of the message. */
    record Signature(Pos pos) implements Clause {}

    /**
     * {@code claim}: the lines the pattern's steps read are its own; signature patterns that do not
     * claim leave them, so one failure is reported by the pattern written for it, not also as a
     * repeated error.
     */
    record Claim(Pos pos) implements Clause {}

    /** {@code sequence within 2m { step a: … step b: … }}. */
    record Sequence(DurationLit within, List<Step> steps, Pos pos) implements Clause {
        public Sequence {
            steps = List.copyOf(steps);
        }
    }

    /** One {@code step NAME: SELECTOR} of a sequence. */
    record Step(String name, Selector selector, Pos pos) {}

    /** {@code join b.pid == a.victim_pid}: a relation between values of two steps. */
    record Join(FieldRef left, FieldRef right, Pos pos) implements Clause {}

    /** {@code absence of SELECTOR silent for T}; {@code silence} is null when left out. */
    record Absence(Selector selector, Silence silence, Pos pos) implements Clause {}

    /**
     * How long a stream must be silent: a fixed duration, or {@code factor} times its usual gap
     * between events but at least {@code floor}.
     */
    record Silence(DurationLit fixed, int factor, DurationLit floor, Pos pos) {}

    /** {@code graceful where EXPR}: a line that means the stream ended on purpose. */
    record Graceful(Expr where, Pos pos) implements Clause {}

    /** {@code while host alive}: only fire while the host still shows life. */
    record WhileHostAlive(Pos pos) implements Clause {}

    /**
     * {@code quiet 15m}: resolve an episode after this long without new matches; {@code quiet 5s,
     * 15s for same victim_pid}: a match whose capture {@code victim_pid} has the episode's value
     * still joins it up to the longer period ({@code longer} and {@code same} are null without it).
     */
    record Quiet(DurationLit duration, DurationLit longer, String same, Pos pos) implements Clause {}

    /** {@code renotify 1h}: re-send a firing incident at most this often. */
    record Renotify(DurationLit duration, Pos pos) implements Clause {}

    /** {@code cause last 3 lines from same unit where EXPR within 5m}. */
    record Cause(int lines, FieldRef same, Expr where, DurationLit within, Pos pos) implements Clause {}

    /**
     * {@code gather slice where EXPR within 1s under "…"}: the distinct values of the capture
     * {@code slice} from the host's lines that match EXPR within 1s before or after the incident's
     * first line; with {@code under}, only those that are the rendered name or one of its ancestors.
     */
    record Gather(String name, Expr where, DurationLit within, Text under, Pos pos) implements Clause {}

    /**
     * {@code link unit_start_limit, unit_failed within 15m}: the incident is related to incidents of
     * these types on the same host about the same subject, open within the window of each other.
     */
    record Link(List<String> types, DurationLit within, Pos pos) implements Clause {
        public Link {
            types = List.copyOf(types);
        }
    }

    /**
     * {@code link any within 5m naming pid, comm note "…" else "…"}: the process
     * an incident of this pattern names (by pid and comm) is remembered per host, and an incident
     * of any other pattern opening on that host within the window is related to it, its summary
     * ending with one of the two notes.
     */
    record LinkAny(DurationLit within, String pid, String comm, Text same, Text other, Pos pos) implements Clause {}

    /** {@code type restart_burst}: the incident type. */
    record Type(String name, Pos pos) implements Clause {}

    /** {@code severity critical}. */
    record Severity(String level, Pos levelPos, Pos pos) implements Clause {}

    /** {@code subject "{unit}"}. */
    record Subject(Text text, Pos pos) implements Clause {}

    /** {@code summary "{unit} restarted {count} times"}. */
    record Summary(Text text, Pos pos) implements Clause {}

    /** {@code label team = "platform"}. */
    record Label(String key, Text text, Pos pos) implements Clause {}

    /** {@code test "…" { … }}. */
    record Test(TestDecl test, Pos pos) implements Clause {}
}
