package dev.vigil.analyzer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
