package dev.vigil.analyzer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class StateKeysTest {
    @Test
    void shouldReadThePatternAndHostOfAKey() {
        String key = StateKeys.key("app_log_truncation", "web-1", "/var/log/app.log" + StateKeys.SEP + "42");

        assertEquals("app_log_truncation", StateKeys.patternIn(key));
        assertEquals("web-1", StateKeys.hostIn(key));
    }

    @Test
    void shouldReadKeysWithoutAGroupOrAHost() {
        assertEquals("web-1", StateKeys.hostIn("p" + StateKeys.SEP + "web-1"));
        assertEquals("", StateKeys.hostIn("p" + StateKeys.SEP));
        assertEquals("", StateKeys.hostIn("p"));
        assertEquals("p", StateKeys.patternIn("p"));
        assertEquals("", StateKeys.hostIn(StateKeys.key("p", "", "")));
    }

    @Test
    void shouldGiveTheKeyOfEveryTripleAndTheSameStringForOneAskedAgain() {
        StateKeys.Recent recent = new StateKeys.Recent();
        java.util.Map<String, String> first = new java.util.HashMap<>();
        for (int host = 0; host < 40; host++) {
            for (int file = 0; file < 20; file++) {
                // new strings each time, as a parsed event's are
                String key = recent.key("app_log_truncation", new String("web-" + host), new String("/var/log/" + file + ".log"));
                assertEquals(StateKeys.key("app_log_truncation", "web-" + host, "/var/log/" + file + ".log"), key);
                first.putIfAbsent(key, key);
            }
        }
        String again = recent.key("app_log_truncation", new String("web-3"), new String("/var/log/7.log"));
        assertEquals(first.get(again), again);
        assertSame(again, recent.key("app_log_truncation", new String("web-3"), new String("/var/log/7.log")),
                "asked again at once: the same string, its hash already known");
        assertEquals(StateKeys.key("other", "web-3", "/var/log/7.log"), recent.key("other", "web-3", "/var/log/7.log"));
    }
}
