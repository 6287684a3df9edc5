package dev.vigil.patterns.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiteralIndexTest {
    private static BitSet ids(int... ids) {
        BitSet b = new BitSet();
        for (int id : ids) {
            b.set(id);
        }
        return b;
    }

    /** The textbook set: literals that are suffixes and prefixes of each other. */
    private static LiteralIndex index() {
        Map<String, BitSet> literals = new LinkedHashMap<>();
        literals.put("he", ids(0));
        literals.put("she", ids(1));
        literals.put("his", ids(2));
        literals.put("hers", ids(3));
        literals.put("größe", ids(4));
        return LiteralIndex.ignoringAsciiCase(literals);
    }

    @Test
    void shouldFindOverlappingLiteralsInOnePass() {
        assertEquals(ids(0, 1, 3), index().scan("ushers"));
        assertEquals(ids(2), index().scan("this"));
        assertEquals(ids(), index().scan("hxsx"));
    }

    @Test
    void shouldFindLiteralsWithCharactersBeyondAscii() {
        assertEquals(ids(4), index().scan("die größe"));
        assertEquals(ids(0), index().scan("grö heß"));
    }

    @Test
    void shouldFoldAsciiCaseInTheTableWithoutLoweringTheText() {
        assertEquals(ids(0, 1, 3), index().scanAscii("USHERS"));
        assertEquals(ids(2), index().scanAscii("tHiS"));
        assertEquals(ids(), index().scanAscii("HXSX"));
    }

    @Test
    void shouldLeaveATextWithCharactersBeyondAsciiToTheCaller() {
        assertNull(index().scanAscii("DIE GRÖSSE"));
        assertEquals(ids(4), index().scan("DIE GRößE"));
    }

    @Test
    void shouldTellCaseWhenAskedTo() {
        Map<String, BitSet> literals = new LinkedHashMap<>();
        literals.put("ERROR", ids(0));
        literals.put("Killed process", ids(1));
        LiteralIndex exact = LiteralIndex.of(literals);
        assertEquals(ids(1), exact.scan("Out of memory: Killed process 42 (java)"));
        assertEquals(ids(), exact.scan("error: killed process 42"));
        assertTrue(exact.containsAny("an ERROR"));
        assertFalse(exact.containsAny("an Error"));
    }

    @Test
    void shouldAgreeWithASearchForEachLiteralOnRandomTexts() {
        java.util.Random random = new java.util.Random(17);
        String alphabet = "abAB -:_\u00e9";
        for (int round = 0; round < 200; round++) {
            Map<String, BitSet> literals = new LinkedHashMap<>();
            for (int i = 0; i < 8; i++) {
                // every other round up to 12 characters: longer than half of many texts, so literals
                // straddle the middle where scanAscii's two runs meet
                literals.put(randomText(random, alphabet, 1 + random.nextInt(round % 2 == 0 ? 4 : 12)), ids(i));
            }
            LiteralIndex exact = LiteralIndex.of(literals);
            LiteralIndex folded = LiteralIndex.ignoringAsciiCase(literals);
            for (int t = 0; t < 20; t++) {
                String text = randomText(random, alphabet, random.nextInt(60));
                BitSet expected = new BitSet();
                BitSet expectedFolded = new BitSet();
                literals.forEach((l, ids) -> {
                    if (text.contains(l)) {
                        expected.or(ids);
                    }
                    if (lowerAscii(text).contains(lowerAscii(l))) {
                        expectedFolded.or(ids);
                    }
                });
                assertEquals(expected, exact.scan(text), text + " in " + literals.keySet());
                assertEquals(!expected.isEmpty(), exact.containsAny(text), text);
                assertEquals(expectedFolded, folded.scan(text), text + " in " + literals.keySet());
                assertEquals(text.indexOf('\u00e9') < 0 ? expectedFolded : null, folded.scanAscii(text), text);
            }
        }
    }

    @Test
    void shouldFindALiteralThatStraddlesTheMiddleOfAnAsciiText() {
        Map<String, BitSet> literals = new LinkedHashMap<>();
        literals.put("killed process ", ids(0));
        literals.put("process", ids(1));
        LiteralIndex folded = LiteralIndex.ignoringAsciiCase(literals);
        // 30 characters: the halves meet inside "Killed process "
        assertEquals(ids(0, 1), folded.scanAscii("kernel: Killed process 4242 x"));
        assertEquals(ids(0, 1), folded.scanAscii("kernel: Killed process 4242 xy"));
        assertEquals(ids(1), folded.scanAscii("kernel: Killed Process"));
        assertEquals(ids(), folded.scanAscii("k"));
        assertEquals(ids(), folded.scanAscii(""));
    }

    @Test
    void shouldLeaveATextWithACharacterBeyondAsciiInEitherHalfToTheCaller() {
        assertNull(index().scanAscii("\u00e9 she sells"));
        assertNull(index().scanAscii("she sells \u00e9"));
        assertNull(index().scanAscii("she sells\u00e9"));
    }

    private static String randomText(java.util.Random random, String alphabet, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static String lowerAscii(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return b.toString();
    }
}
