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
                // every other round up to 12 characters, longer than many texts; a literal of one or
                // two characters leaves scanAscii to the automaton
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
    void shouldFindALiteralAtEitherParityOfPositionAndInTheLastCharacters() {
        Map<String, BitSet> literals = new LinkedHashMap<>();
        literals.put("killed process ", ids(0));
        literals.put("process", ids(1));
        LiteralIndex folded = LiteralIndex.ignoringAsciiCase(literals);
        // "Killed" at an even position (8), then at an odd one (9); "Process" in the last characters
        assertEquals(ids(0, 1), folded.scanAscii("kernel: Killed process 4242 x"));
        assertEquals(ids(0, 1), folded.scanAscii("kernel:  Killed process 4242 xy"));
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

    @Test
    void shouldFindEveryLiteralPlantedAtEveryPositionOfAnAsciiText() {
        java.util.Random random = new java.util.Random(23);
        for (int round = 0; round < 300; round++) {
            Map<String, BitSet> literals = relatedLiterals(random, round);
            LiteralIndex folded = LiteralIndex.ignoringAsciiCase(literals);
            LiteralIndex exact = LiteralIndex.of(literals);
            for (String literal : literals.keySet()) {
                // texts of 0 to 24 characters, the literal (in random case) planted at each position
                // that holds it, the last three characters included
                for (int length = 0; length <= 24; length++) {
                    for (int at = 0; at + literal.length() <= length; at++) {
                        String text = planted(random, literal, length, at);
                        assertEquals(foundIn(text, literals, true), folded.scanAscii(text), text + " in " + literals.keySet());
                        assertEquals(foundIn(text, literals, false), exact.scanAscii(text), text + " in " + literals.keySet());
                    }
                }
            }
            for (int t = 0; t < 40; t++) {
                String text = randomText(random, "abcABC -", random.nextInt(t < 20 ? 11 : 80));
                assertEquals(foundIn(text, literals, true), folded.scanAscii(text), text + " in " + literals.keySet());
                assertEquals(foundIn(text, literals, false), exact.scanAscii(text), text + " in " + literals.keySet());
            }
        }
    }

    @Test
    void shouldLeaveATextWithACharacterBeyondAsciiAtAnyPositionToTheCaller() {
        Map<String, BitSet> literals = new LinkedHashMap<>();
        literals.put("abc", ids(0));
        literals.put("error", ids(1));
        LiteralIndex folded = LiteralIndex.ignoringAsciiCase(literals);
        for (int length = 1; length <= 40; length++) {
            String plain = "an ERROR abc".repeat(4).substring(0, length);
            for (int at = 0; at < length; at++) {
                for (char beyond : new char[] {'\u0080', '\u00e9', '\u0100', '\u20ac', '\uffff'}) {
                    String text = plain.substring(0, at) + beyond + plain.substring(at + 1);
                    assertNull(folded.scanAscii(text), text);
                }
            }
        }
    }

    @Test
    void shouldFindAsciiLiteralsBesideALiteralBeyondAscii() {
        Map<String, BitSet> literals = new LinkedHashMap<>();
        literals.put("Größe", ids(0));
        literals.put("error", ids(1));
        LiteralIndex folded = LiteralIndex.ignoringAsciiCase(literals);

        assertEquals(ids(1), folded.scanAscii("GROSSE ERROR"));
        assertEquals(ids(), folded.scanAscii("Grsse"));
        assertNull(folded.scanAscii("Größe error"));
        assertEquals(ids(0, 1), folded.scan("größe error"));
    }

    @Test
    void shouldScanAsTheAutomatonDoesWhenTheLiteralsAreTooManyToList() {
        // a literal of three characters is listed under 128 keys: 600 of them are more than 65,535
        Map<String, BitSet> literals = new LinkedHashMap<>();
        for (int i = 0; i < 600; i++) {
            literals.put(String.format("%03d", i), ids(i));
        }
        LiteralIndex folded = LiteralIndex.ignoringAsciiCase(literals);

        assertEquals(ids(42, 599), folded.scanAscii("code 042 then 599"));
    }

    /**
     * Literals of 3 to 12 characters over few letters, so they overlap in texts; each round's
     * first literal also gives a prefix, a suffix and an infix of itself, and the others are random.
     */
    private static Map<String, BitSet> relatedLiterals(java.util.Random random, int round) {
        Map<String, BitSet> literals = new LinkedHashMap<>();
        String base = randomText(random, "abc -", 6 + random.nextInt(7));
        literals.put(base, ids(0));
        literals.put(base.substring(0, 3 + random.nextInt(base.length() - 3)), ids(1));
        literals.put(base.substring(random.nextInt(base.length() - 3)), ids(2));
        literals.put(base.substring(1, base.length() - 1), ids(3));
        for (int i = 4; i < 4 + round % 6; i++) {
            literals.merge(randomText(random, round % 3 == 0 ? "ab" : "abc -", 3 + random.nextInt(10)), ids(i),
                    (a, b) -> { a.or(b); return a; });
        }
        return literals;
    }

    /** A random text of {@code length} over a small alphabet with {@code literal}, its letters in random case, at {@code at}. */
    private static String planted(java.util.Random random, String literal, int length, int at) {
        StringBuilder b = new StringBuilder(randomText(random, "abcAB -", length));
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            b.setCharAt(at + i, random.nextBoolean() ? Character.toUpperCase(c) : c);
        }
        return b.toString();
    }

    /** The naive reference: the ids of every literal that {@code indexOf} finds in the text, lowered or not. */
    private static BitSet foundIn(String text, Map<String, BitSet> literals, boolean ignoreCase) {
        BitSet found = new BitSet();
        String t = ignoreCase ? lowerAscii(text) : text;
        literals.forEach((l, ids) -> {
            if (t.indexOf(ignoreCase ? lowerAscii(l) : l) >= 0) {
                found.or(ids);
            }
        });
        return found;
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
