package dev.vigil.patterns.lang;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@code test "name" { ... }} block as written: input events and expectations. */
public record TestDecl(Text name, List<Input> inputs, List<Expect> expects, boolean expectNone, Pos pos) {
    public TestDecl {
        inputs = List.copyOf(inputs);
        expects = List.copyOf(expects);
    }

    /**
     * {@code at 10s journald unit="x.service" "text" repeat 5 every 10s}, or {@code at 0s file
     * file="/tmp/a.log" lines from "fixtures/a.log" every 1s}: then {@code linesFrom} names the
     * file, relative to the pattern file, whose lines are the messages, and {@code message} is null.
     */
    public record Input(DurationLit at, String source, Pos sourcePos, List<Assignment> assignments,
                        Text message, Text linesFrom, int repeat, DurationLit every, Pos pos) {
        public Input {
            assignments = List.copyOf(assignments);
        }
    }

    /** {@code unit="x.service"} on a test input line. */
    public record Assignment(FieldRef field, Value value) {}

    /** {@code expect TYPE subject "…" count N summary contains "…" cause contains "…" label KEY "…"}. */
    public record Expect(String type, Pos typePos, Text subject, Long count, Text summaryContains,
                         Text causeContains, Map<String, Text> labels, Pos pos) {
        public Expect {
            labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        }
    }
}
