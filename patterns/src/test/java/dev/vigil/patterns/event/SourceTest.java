package dev.vigil.patterns.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SourceTest {
    @Test
    void shouldReadEverySourceByItsWireName() {
        for (Source s : Source.values()) {
            assertSame(s, Source.fromWireName(s.wireName()));
            assertSame(s, Source.fromWireName(new String(s.wireName().toCharArray())));
        }
    }

    @Test
    void shouldNameTheAcceptedValuesForAnyOtherText() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Source.fromWireName("fila"));

        assertEquals("unknown source 'fila', expected one of journald, kernel, file, shipper", e.getMessage());
    }
}
