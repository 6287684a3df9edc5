package dev.vigil.patterns.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parser-free read of the flat event shape against the JSON tree, on inputs made to sit on
 * its edges (escapes, integers at 18 and 19 digits, leading zeros, fractions, literals, JSON and
 * non-JSON whitespace, arrays and objects of every kind, non-ASCII and control bytes), then
 * mutated: the same event, or the same refusal, for every input, whichever reader took it.
 */
class FlatEventReaderTest {
    private static final String[] NAMES = {"id", "host", "source", "ts", "message", "unit", "pid", "comm", "priority",
        "seq", "offset", "partial", "flags", "fields"};
    /** Values the flat reader takes (not all of them valid for every field). */
    private static final String[] FLAT = {"\"\"", "\"x\"", "\"42\"", "\" 7 \"", "\"file\"", "\"kernel\"",
        "\"2026-03-14T02:11:07.398Z\"", "\"2026-02-29T00:00:00Z\"", "\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"",
        "\"\\u00e9\\u00E9\\u12aB\\uD83D\\ude00\"", "\"\\uD83D\"", "\"del \u007f\"", "0", "-0", "42", "-17",
        "999999999999999999", "-999999999999999999", "true", "false", "null", "[]", "[ ]", "[\"a\"]",
        "[\"b\", \"a\",\"b\"]", "{}", "{ }", "{\"a\":\"1\"}", "{\"a\":1,\"b\":null,\"c\":true,\"a\":\"last\"}",
        "{\"\\u0041\":\"x\"}"};
    /** Values it leaves to Jackson: bad JSON, or JSON of another shape. */
    private static final String[] OTHER = {"\"bad \\x escape\"", "\"bad \\u12G4\"", "\"é raw\"", "\"tab\traw\"",
        "\"cut \\", "012", "-", "-01", "1000000000000000000", "9223372036854775807", "-9223372036854775808",
        "9223372036854775808", "1.5", "1e3", "2E-1", "+1", "12x", "nul", "truex", "True", "fals", "[\"a\",]", "[1,\"x\"]",
        "[null]", "[[\"a\"]]", "{\"a\":[1]}", "{\"a\":{\"b\":1}}", "{\"a\":1.5}", "{\"a\" : \"x\" , }", "{a:1}"};
    /** Names it leaves to Jackson. */
    private static final String[] OTHER_NAMES = {"k8s", "ho\\u0073t", "host\\\"", ""};
    private static final String[] SPACE = {"", "", "", " ", "\n", "\r\n\t "};
    private static final String[] OTHER_SPACE = {"\f", "\u000b", "/**/"};

    @Test
    void shouldReadEveryInputAsTheJsonTreeDoes() {
        ObjectMapper mapper = new ObjectMapper();
        SplittableRandom random = new SplittableRandom(17);
        int flat = 0;
        int flatEvents = 0;
        for (int i = 0; i < 40_000; i++) {
            byte[] input = mutated(random, event(random));
            String tree = EventJsonTest.outcome(() -> EventJsonTest.treeParse(mapper, input));
            assertEquals(tree, EventJsonTest.outcome(() -> EventJson.parse(input)), () -> new String(input, StandardCharsets.UTF_8));
            if (FlatEventReader.read(input) != null) {
                flat++;
                flatEvents += tree.startsWith("refused") ? 0 : 1;
            }
        }
        // the comparison is worth something only if the flat reader took many inputs, good ones among them
        assertTrue(flat > 8_000, "flat reads: " + flat);
        assertTrue(flatEvents > 4_000, "flat reads that gave an event: " + flatEvents);
    }

    @Test
    void shouldTakeAShipperEventAndLeaveOtherShapesToJackson() {
        Event e = Event.builder("web-1", Source.JOURNALD, Instant.parse("2026-03-14T02:11:07.398Z"), "a \"quoted\"\tline")
                .id("abc").unit("rivet-worker.service").pid(4242L).priority(3).seq(17L).offset(0L).partial(false)
                .flags(Set.of("multiline", "line_truncated")).fields(Map.of("N_RESTARTS", "17")).build();
        byte[] json = EventJson.toBytes(e);

        assertNotNull(FlatEventReader.read(json));
        assertEquals(e, EventJson.parse(json));
        // non-ASCII text, an unknown field and a fraction are read by Jackson, with the same result
        assertNull(FlatEventReader.read(EventJson.toBytes(e.toBuilder().message("Fehler: „x“").build())));
        assertNull(FlatEventReader.read(bytes("{\"host\":\"h\",\"k8s\":\"x\"}")));
        assertNull(FlatEventReader.read(bytes("{\"host\":\"h\",\"pid\":1.0}")));
        assertEquals("Fehler: „x“", EventJson.parse(EventJson.toBytes(e.toBuilder().message("Fehler: „x“").build())).message());
    }

    @Test
    void shouldGiveTheSameStringForTheTextAFieldRepeatsAndNothingOfTheEventBefore() {
        Event first = Event.builder("web-1", Source.FILE, Instant.parse("2026-03-14T02:11:07.398Z"), "GET /a 200")
                .id("a1").file("/var/log/app.log").unit("app.service").offset(10L).fields(Map.of("k", "v")).build();
        Event again = Event.builder("web-1", Source.FILE, Instant.parse("2026-03-14T02:11:07.399Z"), "GET /b 200")
                .id("a2").file("/var/log/app.log").offset(20L).build();
        Event other = Event.builder("web-2", Source.FILE, Instant.parse("2026-03-14T02:11:07.400Z"), "GET /c 200")
                .id("a3").file("/var/log/app.1").offset(30L).build();

        Event one = EventJson.parse(EventJson.toBytes(first));
        Event two = EventJson.parse(EventJson.toBytes(again));
        Event three = EventJson.parse(EventJson.toBytes(other));

        assertEquals(first, one);
        // the fields the event before had and this one has not are not carried over from the thread's scratch
        assertEquals(again, two);
        assertEquals(other, three);
        // a host or file read again is the string read before (no copy); a new text is a string of its own
        assertSame(one.host(), two.host());
        assertSame(one.file(), two.file());
        assertEquals("web-2", three.host());
        assertEquals("/var/log/app.1", three.file());
        // an id or message never repeats, and is not compared with the one before
        assertNotSame(one.message(), EventJson.parse(EventJson.toBytes(first)).message());
    }

    /**
     * A string is scanned a word of 8 bytes at a time: every length from 0 to 17, starting at every
     * offset of a word, with a quote's escape, another escape, a control byte, DEL, a non-ASCII byte
     * or a UTF-8 character at each position, read as the tree reads it, and taken by this reader
     * exactly when it is ASCII text without control bytes.
     */
    @Test
    void shouldReadAStringAsTheTreeDoesWhateverByteSitsAtWhicheverPlaceOfAWord() {
        ObjectMapper mapper = new ObjectMapper();
        byte[][] odd = {bytes("\\\""), bytes("\\n"), bytes("\\u00e9"), {0x01}, {0x1f}, {0x7f}, {(byte) 0x80},
            {(byte) 0xff}, bytes("\u00e9")};
        int checked = 0;
        for (int shift = 0; shift < 8; shift++) {
            String host = "h" + "x".repeat(shift);
            for (int length = 0; length <= 17; length++) {
                for (int at = 0; at <= length; at++) {
                    for (byte[] b : odd) {
                        byte[] text = text(length, at < length ? b : new byte[0], at);
                        byte[] input = concat(bytes("{\"host\":\"" + host + "\",\"source\":\"file\",\"ts\":\"2026-03-14T02:11:07Z\",\"message\":\""),
                                text, bytes("\"}"));
                        String tree = EventJsonTest.outcome(() -> EventJsonTest.treeParse(mapper, input));

                        assertEquals(tree, EventJsonTest.outcome(() -> EventJson.parse(input)), () -> new String(input, StandardCharsets.UTF_8));
                        boolean plain = at == length || b[0] == '\\' || b[0] == 0x7f;
                        assertEquals(plain, FlatEventReader.read(input) != null, () -> new String(input, StandardCharsets.UTF_8));
                        checked++;
                    }
                }
            }
        }
        assertEquals(8 * 9 * (18 * 19 / 2), checked);
    }

    /** {@code length} letters with {@code odd} put in at {@code at}, the rest after it. */
    private static byte[] text(int length, byte[] odd, int at) {
        byte[] letters = new byte[length];
        for (int k = 0; k < length; k++) {
            letters[k] = (byte) ('a' + k % 26);
        }
        return concat(java.util.Arrays.copyOfRange(letters, 0, at), odd, java.util.Arrays.copyOfRange(letters, at, length));
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Integers in fields that take text, and text in fields that take integers, as the tree gives them. */
    @ParameterizedTest
    @ValueSource(strings = {"\"unit\":0", "\"unit\":-0", "\"unit\":-17", "\"comm\":999999999999999999",
        "\"identifier\":42", "\"cursor\":-1", "\"id\":7", "\"file\":12", "\"message_id\":3", "\"boot_id\":5",
        "\"pid\":\"42\"", "\"pid\":\" 42 \"", "\"pid\":\"x\"", "\"priority\":8", "\"priority\":-1", "\"priority\":\"3\"",
        "\"facility\":2147483648", "\"seq\":-5", "\"offset\":999999999999999999", "\"partial\":1", "\"fields\":{\"a\":-0}"})
    void shouldReadAnIntegerAsTheTreeDoesWhereverItStands(String member) {
        byte[] input = bytes("{\"host\":\"h\",\"source\":\"file\",\"ts\":\"2026-03-14T02:11:07Z\",\"message\":\"m\"," + member + "}");
        String tree = EventJsonTest.outcome(() -> EventJsonTest.treeParse(new ObjectMapper(), input));

        assertNotNull(FlatEventReader.read(input));
        assertEquals(tree, EventJsonTest.outcome(() -> EventJson.parse(input)));
    }

    /** Every source name, and names that are one of them but for a byte or a length, as the tree reads them. */
    @ParameterizedTest
    @ValueSource(strings = {"journald", "kernel", "file", "shipper", "fila", "File", "journalD", "kernal", "shippers",
        "shippe", "", "f", "filex", "journal", "JOURNALD", "\\u0066ile"})
    void shouldReadTheSourceAsTheTreeDoes(String source) {
        byte[] input = bytes("{\"host\":\"h\",\"source\":\"" + source + "\",\"ts\":\"2026-03-14T02:11:07Z\",\"message\":\"m\"}");
        String tree = EventJsonTest.outcome(() -> EventJsonTest.treeParse(new ObjectMapper(), input));

        assertEquals(tree, EventJsonTest.outcome(() -> EventJson.parse(input)));
    }

    /** Every known name, and names that are one of them but for a byte or a length, at the end of the input too, as the tree reads them. */
    @ParameterizedTest
    @ValueSource(strings = {"id", "unit", "pid", "comm", "identifier", "priority", "facility", "message_id", "boot_id",
        "file", "seq", "cursor", "offset", "partial", "i", "ix", "Id", "uni", "unitx", "pix", "pidd", "comn", "identifiex",
        "identifie", "priorit", "priorityx", "facilitx", "message_ix", "boot_ie", "boot-id", "fil", "filf", "seqq", "cursos",
        "offsey", "offse", "partia", "partiam", "f", "u\\u006eit", "pi\\\"d", "\\\"pid"})
    void shouldReadANameAsTheTreeDoes(String name) {
        ObjectMapper mapper = new ObjectMapper();
        String required = "\"host\":\"h\",\"source\":\"file\",\"ts\":\"2026-03-14T02:11:07Z\",\"message\":\"m\"";
        for (String json : new String[] {"{" + required + ",\"" + name + "\":7}", "{\"" + name + "\":7," + required + "}",
            "{" + required + ",\"" + name + "\"", "{" + required + ",\"" + name}) {
            byte[] input = bytes(json);

            assertEquals(EventJsonTest.outcome(() -> EventJsonTest.treeParse(mapper, input)),
                    EventJsonTest.outcome(() -> EventJson.parse(input)), json);
        }
    }

    /** The time of the event before is not the time of this one, however much of its text they share. */
    @ParameterizedTest
    @ValueSource(strings = {"2026-03-14T02:11:07Z", "2026-03-14T02:11:07.1Z", "2026-03-14T02:11:07.123456789Z",
        "2026-03-14T02:11:08Z", "2026-03-15T02:11:07Z", "2026-04-14T02:11:07Z", "2027-03-14T02:11:07Z",
        "2026-03-14T02:11:07+01:00", "2026-03-14T24:00:00Z", "2026-02-29T02:11:07Z", "2024-02-29T02:11:07Z",
        "2026-03-14T02:11:07.Z", "2026-03-14T02:11:07", "2026-03-14T02:11:0xZ", "2026-03-1xT02:11:07Z",
        "2026-03-14t02:11:07Z", "\\u0032026-03-14T02:11:07Z", "+12026-03-14T02:11:07Z", "2026-03-14T02:11:07.000Z"})
    void shouldReadTheTimeAsTheTreeDoesAfterAnyOther(String ts) {
        ObjectMapper mapper = new ObjectMapper();
        for (String before : new String[] {"2026-03-14T02:11:07Z", "2026-03-14T02:11:07.5Z", "2026-03-14T02:11:06Z",
            "2026-03-13T02:11:07Z"}) {
            EventJson.parse(bytes("{\"host\":\"h\",\"source\":\"file\",\"ts\":\"" + before + "\",\"message\":\"m\"}"));
            byte[] input = bytes("{\"host\":\"h\",\"source\":\"file\",\"ts\":\"" + ts + "\",\"message\":\"m\"}");

            assertEquals(EventJsonTest.outcome(() -> EventJsonTest.treeParse(mapper, input)),
                    EventJsonTest.outcome(() -> EventJson.parse(input)), ts + " after " + before);
        }
    }

    /** An object of random fields, the four required ones mostly present and valid. */
    private static String event(SplittableRandom random) {
        StringBuilder json = new StringBuilder(space(random)).append('{').append(space(random));
        boolean first = true;
        if (random.nextInt(4) != 0) {
            json.append("\"host\":\"h\",\"source\":\"file\",\"ts\":\"2026-03-14T02:11:07Z\",\"message\":\"m\"");
            first = false;
        }
        for (int f = random.nextInt(6); f > 0; f--) {
            json.append(first ? "" : space(random) + "," + space(random));
            first = false;
            json.append('"').append(random.nextInt(20) == 0 ? pick(random, OTHER_NAMES) : pick(random, NAMES)).append('"').append(space(random)).append(':')
                    .append(space(random)).append(value(random));
        }
        return json.append(space(random)).append('}').toString();
    }

    private static String value(SplittableRandom random) {
        return random.nextInt(8) == 0 ? pick(random, OTHER) : pick(random, FLAT);
    }

    private static String space(SplittableRandom random) {
        return random.nextInt(50) == 0 ? pick(random, OTHER_SPACE) : pick(random, SPACE);
    }

    private static String pick(SplittableRandom random, String[] from) {
        return from[random.nextInt(from.length)];
    }

    /** Mostly as written; else a byte changed, the input cut, or something after the object. */
    private static byte[] mutated(SplittableRandom random, String json) {
        byte[] bytes = bytes(json);
        switch (random.nextInt(8)) {
            case 0 -> bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            case 1 -> bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
            case 2 -> bytes = bytes(json + (random.nextBoolean() ? " trailing" : "}"));
            default -> { }
        }
        return bytes;
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
