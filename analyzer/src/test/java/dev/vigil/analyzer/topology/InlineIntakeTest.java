package dev.vigil.analyzer.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.re2j.Pattern;
import dev.vigil.patterns.compile.CompiledPattern;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import dev.vigil.patterns.library.PatternFiles;
import dev.vigil.patterns.redact.RedactRule;
import dev.vigil.patterns.redact.Redactor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Replay's intake redacts only the events whose scan found a redaction trigger: what it makes of
 * every event must be what the topology's intake makes (clamp, id, redaction), with the
 * candidates of the event as redacted.
 */
class InlineIntakeTest {
    /** Real lines: the standard library's app-log fixture (seed-002, the assigner's errors). */
    private static final String FIXTURE = "vigil/library/fixtures/seed-002-assigner-errors.log";
    /** Fakes in the real formats, as the redactor's own tests use (a URL password, a key's value, a JWT, AWS's example key). */
    private static final List<String> SECRETS = List.of("postgres://app:Sup3r-S3cret@db.internal:5432/orders",
            "password=hunter2", "Authorization: Bearer abc123def456ghi", "AKIAIOSFODNN7EXAMPLE",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fw",
            "https://example.org:8443/path?q=1", "TOKEN: x", "auth-token-refresh");
    private static final Instant AT = Instant.parse("2026-02-08T09:04:45Z");

    @Test
    void shouldMakeOfEveryEventWhatTheTopologysIntakeMakesWithTheLibrarysRedactions() throws IOException {
        PatternSet library = PatternFiles.load(List.of());
        assertSameAsTopology(library, lines());
    }

    @Test
    void shouldRedactEveryEventWhenARuleSaysNotWhichLiteralsItNeeds() throws IOException {
        List<CompiledPattern> patterns = PatternFiles.load(List.of()).patterns();
        // a pattern file's own rule is a regex with no known triggers: every message is redacted
        Redactor redactor = Redactor.of(List.of(RedactRule.of("order-ids", Pattern.compile("environment [0-9]+"),
                "environment ***")), Set.of());
        PatternSet set = new PatternSet(patterns, redactor);
        assertSameAsTopology(set, lines());
        InlineIntake intake = new InlineIntake(set, "vigil.events");
        Event plain = event("2026-02-08 09:37:12 ERROR Failed to create environment 42");
        assertEquals("2026-02-08 09:37:12 ERROR Failed to create environment ***",
                intake.prepare(plain, AT).event().message());
    }

    @Test
    void shouldNameTheRedactionsAMessagesTriggersAreForAndNoneWithoutRules() throws IOException {
        PatternSet library = PatternFiles.load(List.of());
        List<String> rules = library.redactor().ruleNames();
        assertEquals(new BitSet(), library.scanOf(event("2026-02-08 09:37:12 ERROR Failed to create environment: "
                + "RuntimeError: No available ports for new environment")).redactions());
        assertEquals(bits(rules.indexOf("key-value")), library.scanOf(event("login user=bob PassWord=hunter2 ok")).redactions());
        assertEquals(bits(rules.indexOf("url-credentials")), library.scanOf(event("GET HTTPS://example.org/ 200")).redactions());
        // beyond ASCII the scan lowers the text its own way: the redactor looks for itself
        assertNull(library.scanOf(event("\u00e9 password=hunter2")).redactions());
        PatternSet none = new PatternSet(library.patterns(), Redactor.none());
        assertEquals(new BitSet(), none.scanOf(event("login user=bob password=hunter2 ok")).redactions());
        assertSameAsTopology(none, lines());
    }

    private static BitSet bits(int... set) {
        BitSet b = new BitSet();
        for (int i : set) {
            b.set(i);
        }
        return b;
    }

    private static void assertSameAsTopology(PatternSet set, List<String> messages) {
        InlineIntake intake = new InlineIntake(set, "vigil.events");
        // a second set of the same patterns, as the topology's stream thread has its own
        PatternSet reference = new PatternSet(set.patterns(), set.redactor());
        long position = 0;
        for (String m : messages) {
            Event raw = event(m);
            InlineIntake.Prepared p = intake.prepare(raw, AT);
            // the plain path: admitted, then the whole message redacted by the redactor's own scan
            Event expected = EventIntake.redacted(
                    EventIntake.admitUnredacted(raw, AT, "vigil.events", 0, position++).event(), set.redactor()::redact);
            assertEquals(expected, p.event(), m);
            assertEquals(reference.candidates(expected), set.candidates(p.event()), m);
            assertEquals(SignatureMiner.signaturePatterns(reference, expected).isEmpty(), p.signed() == null, m);
        }
    }

    /** The fixture's lines, each also with a secret or a look-alike put in, in another case, and after a character beyond ASCII. */
    private static List<String> lines() throws IOException {
        List<String> real;
        try (InputStream in = InlineIntakeTest.class.getClassLoader().getResourceAsStream(FIXTURE)) {
            real = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        List<String> out = new ArrayList<>(real);
        Random rnd = new Random(11);
        for (String line : real) {
            String secret = SECRETS.get(rnd.nextInt(SECRETS.size()));
            int at = rnd.nextInt(line.length() + 1);
            String with = line.substring(0, at) + " " + secret + " " + line.substring(at);
            out.add(with);
            out.add(with.toUpperCase(java.util.Locale.ROOT));
            out.add("\u00e9 " + with);
            out.add("\u212A" + line);
        }
        return out;
    }

    private static Event event(String message) {
        return Event.builder("web-7", Source.FILE, AT, message).file("/var/log/assigner.log").build();
    }
}
