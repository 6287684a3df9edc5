package dev.vigil.patterns.compile;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import dev.vigil.patterns.lang.TestDecl;
import dev.vigil.patterns.lang.Text;
import dev.vigil.patterns.testing.ExpectedIncident;
import dev.vigil.patterns.testing.TestCase;
import dev.vigil.patterns.testing.TestInput;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Turns {@code test} blocks into {@link TestCase}s. Input lines become events on host
 * {@value #DEFAULT_HOST} unless they set {@code host}; {@code {i}} in a repeated line's text
 * or field values becomes the repetition number, 1-based.
 */
final class TestCompiler {
    static final String DEFAULT_HOST = "test-host";
    private static final String REPETITION = "{i}";

    private final String path;
    private final Problems problems;
    private final ConditionCompiler conditions;
    private final TestFixtures fixtures;

    TestCompiler(String path, Problems problems, ConditionCompiler conditions, TestFixtures fixtures) {
        this.path = path;
        this.problems = problems;
        this.conditions = conditions;
        this.fixtures = fixtures;
    }

    TestCase test(TestDecl decl, String patternType) {
        List<TestInput> inputs = new ArrayList<>();
        decl.inputs().forEach(input -> inputs.addAll(inputs(input)));
        List<ExpectedIncident> expected = decl.expects().stream().map(x -> expect(x, patternType)).toList();
        if (expected.isEmpty() && !decl.expectNone()) {
            problems.error(decl.pos(), "missing-expectation", "test " + decl.name().raw() + " expects nothing",
                    "add 'expect " + (patternType == null ? "TYPE" : patternType) + " …' or 'expect none'");
        }
        if (!expected.isEmpty() && decl.expectNone()) {
            problems.error(decl.pos(), "conflicting-clauses", "test " + decl.name().raw()
                    + " has both 'expect none' and expected incidents", "keep one of them");
        }
        return new TestCase(decl.name().value(), path, decl.pos().line(), inputs, expected,
                decl.expectNone() && expected.isEmpty());
    }

    private List<TestInput> inputs(TestDecl.Input input) {
        Source source = conditions.source(input.source(), input.sourcePos());
        if (!input.at().isValid() || (input.every() != null && !input.every().isValid())) {
            return List.of();
        }
        List<String> messages = input.linesFrom() == null ? repeated(input) : fixtureLines(input.linesFrom());
        List<TestInput> out = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            Duration offset = input.at().value();
            if (input.every() != null) {
                offset = offset.plus(input.every().value().multipliedBy(i));
            }
            Event prototype = event(input, source == null ? Source.FILE : source, messages.get(i), String.valueOf(i + 1));
            if (prototype == null) {
                return List.of();
            }
            out.add(new TestInput(offset, prototype, input.pos().line()));
        }
        return out;
    }

    private static List<String> repeated(TestDecl.Input input) {
        List<String> messages = new ArrayList<>();
        for (int i = 1; i <= input.repeat(); i++) {
            messages.add(input.message().value().replace(REPETITION, String.valueOf(i)));
        }
        return messages;
    }

    private List<String> fixtureLines(Text reference) {
        try {
            return fixtures.read(path, reference.value()).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException | RuntimeException e) {
            String why = e instanceof NoSuchFileException ? "no such file" : e.getMessage();
            problems.error(reference.pos(), "unreadable-file", "cannot read test lines from " + reference.raw()
                    + ": " + why, "the path is relative to the pattern file");
            return List.of();
        }
    }

    private Event event(TestDecl.Input input, Source source, String message, String repetition) {
        Event.Builder b = Event.builder(DEFAULT_HOST, source, Instant.EPOCH, message);
        Map<String, String> extras = new HashMap<>();
        for (TestDecl.Assignment a : input.assignments()) {
            String field = conditions.field(a.field());
            if (field == null) {
                return null;
            }
            String value = a.value().text().replace(REPETITION, repetition);
            try {
                EventFields.write(b, field, value, extras);
                b.fields(extras).build();
            } catch (IllegalArgumentException e) {
                problems.error(a.value().pos(), "bad-value", "'" + value + "' is not a valid " + field,
                        e.getMessage() == null ? "" : e.getMessage());
                return null;
            }
        }
        return b.fields(extras).build();
    }

    private ExpectedIncident expect(TestDecl.Expect x, String patternType) {
        if (patternType != null && !x.type().equals(patternType)) {
            problems.error(x.typePos(), "unknown-type", "test expects type '" + x.type()
                    + "' but the pattern makes '" + patternType + "'", "write 'expect " + patternType + " …'");
        }
        return new ExpectedIncident(x.type(), value(x.subject()),
                x.count() == null ? OptionalLong.empty() : OptionalLong.of(x.count()),
                value(x.summaryContains()), value(x.causeContains()), labels(x), x.pos().line());
    }

    private static Map<String, String> labels(TestDecl.Expect x) {
        Map<String, String> out = new LinkedHashMap<>();
        x.labels().forEach((k, v) -> out.put(k, v.value()));
        return out;
    }

    private static Optional<String> value(Text text) {
        return text == null ? Optional.empty() : Optional.of(text.value());
    }
}
