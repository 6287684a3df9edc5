package dev.vigil.patterns.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void shouldGiveAStreamsPositionTheIdItHasAsText() {
        // ids must not change between versions: a record re-sent after an upgrade is recognised by it
        EventIds.Stream stream = EventIds.forStream("web-1", Source.FILE, "2049:131:9f2c");
        for (long position : new long[] {0, 7, 9, 10, 99, 100, 123_456_789, Long.MAX_VALUE}) {
            assertEquals(EventIds.of("web-1", Source.FILE, "2049:131:9f2c", Long.toString(position)),
                    stream.at(position), "position " + position);
        }
    }

    @Test
    void shouldGiveAStreamsPositionsTheFirst16BytesOfTheSha256OfTheirPartsInLowerCaseHex() {
        // persisted and compared across versions: these are sha256(b"web-1\x1ffile\x1f2049:131:9f2c\x1f"
        // + position + b"\x1f")[:16] as Python's hashlib gives them
        EventIds.Stream stream = EventIds.forStream("web-1", Source.FILE, "2049:131:9f2c");
        assertEquals("ba38887f7d2d428c210e32dd70e61221", stream.at(0));
        assertEquals("80ed23a16647dcb4596d6053507696f0", stream.at(42));
        assertEquals("051cfbc366044031d6a02813358210b1", stream.at(Long.MAX_VALUE));
    }

    @Test
    void shouldEncodeAStreamOfNonAsciiNamesAsUtf8LikeTheTextForm() {
        EventIds.Stream stream = EventIds.forStream("hôte-ü", Source.KERNEL, "böot");
        assertEquals(EventIds.of("hôte-ü", Source.KERNEL, "böot", "42"), stream.at(42));
    }

    @Test
    void shouldKeepTheIdsOfOtherStreamsAndPositionsApart() {
        EventIds.Stream a = EventIds.forStream("web-1", Source.FILE, "ab");
        EventIds.Stream b = EventIds.forStream("web-1", Source.FILE, "a");
        assertNotEquals(a.at(1), b.at(1));
        assertNotEquals(a.at(1), a.at(10));
        assertEquals(32, a.at(1).length());
        assertTrue(a.at(5).matches("[0-9a-f]{32}"), a.at(5));
    }

    @Test
    void shouldRefuseANegativePosition() {
        EventIds.Stream stream = EventIds.forStream("web-1", Source.FILE, "x");
        assertThrows(IllegalArgumentException.class, () -> stream.at(-1));
    }
}
