package dev.vigil.patterns.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventJsonTest {
    private static final Instant TS = Instant.parse("2026-03-14T02:11:07.398Z");

    @Test
    void shouldAcceptAMinimalEventWithOnlyTheFourRequiredFields() {
        Event e = EventJson.parse("{\"host\":\"web-1\",\"source\":\"kernel\",\"ts\":\"2026-03-14T02:11:07.398Z\","
                + "\"message\":\"Out of memory: Killed process 632846 (uvicorn)\"}");

        assertEquals("web-1", e.host());
        assertEquals(Source.KERNEL, e.source());
        assertEquals(TS, e.ts());
        assertEquals("Out of memory: Killed process 632846 (uvicorn)", e.message());
        assertNull(e.id());
        assertNull(e.unit());
        assertEquals(Map.of(), e.fields());
    }

    @Test
    void shouldRoundTripEveryFieldIncludingNonAsciiText() {
        Event e = Event.builder("hôst-ø", Source.JOURNALD, TS, "Fehler: Datei „x“ fehlt ✗")
                .id("abc").unit("rivet-worker.service").pid(4242L).comm("python3").identifier("rivet-worker")
                .priority(3).facility(3).messageId("5eb03494b6584870a536b337290809b3").bootId("b0")
                .file("/var/log/app.log").seq(17L).cursor("s=1;i=2").offset(1024L).partial(true)
                .flags(Set.of("invalid_utf8", "line_truncated")).fields(Map.of("N_RESTARTS", "17"))
                .build();

        Event back = EventJson.parse(EventJson.toJson(e));

        assertEquals(e, back);
    }

    /** Events whose JSON must come out byte for byte as the tree form does (the wire format). */
    static List<Event> eventsOfEveryShape() throws Exception {
        JsonNode nested = new ObjectMapper().readTree("{\"pod\":\"api-7f\",\"n\":[1,2.5,null,true]}");
        Event full = Event.builder("hôst-ø", Source.JOURNALD, TS, "Fehler: Datei „x“ fehlt ✗ 🐍")
                .id("abc").unit("rivet-worker.service").pid(4242L).comm("python3").identifier("rivet-worker")
                .priority(3).facility(3).messageId("5eb03494b6584870a536b337290809b3").bootId("b0")
                .file("/var/log/app.log").seq(17L).cursor("s=1;i=2").offset(1024L).partial(false)
                .flags(Set.of("multiline", "invalid_utf8", "line_truncated"))
                .fields(Map.of("N_RESTARTS", "17", "A", "line1\nline2", "_PID", "1"))
                .extra(Map.of("k8s", nested))
                .build();
        return List.of(
                full,
                Event.builder("h", Source.FILE, Instant.parse("2026-03-14T02:11:07Z"),
                        "quote \" backslash \\ tab \t nl \n cr \r bell \u0007 nul \u0000 del \u007f "
                        + "sep \u2028 lone \ud83d end").offset(0L).partial(true).flags(Set.of("line_truncated")).build(),
                Event.builder("h", Source.KERNEL, Instant.parse("1970-01-01T00:00:00.000000001Z"), "")
                        .seq(Long.MAX_VALUE).priority(0).pid(-1L).build(),
                Event.builder("h", Source.SHIPPER, Instant.parse("+12026-03-14T02:11:07.120Z"), "m")
                        .extra(Map.of("host", TextNode.valueOf("shadow"), "zz", TextNode.valueOf("last"))).build());
    }

    @ParameterizedTest
    @MethodSource("eventsOfEveryShape")
    void shouldWriteTheSameBytesAsTheJsonTree(Event e) throws Exception {
        byte[] tree = new ObjectMapper().writeValueAsBytes(EventJson.toTree(e));

        assertEquals(new String(tree, StandardCharsets.UTF_8), new String(EventJson.toBytes(e), StandardCharsets.UTF_8));
        assertArrayEquals(tree, EventJson.toBytes(e));
        assertEquals(new String(tree, StandardCharsets.UTF_8), EventJson.toJson(e));
    }

    @Test
    void shouldWriteTheSameBytesAsTheJsonTreeForAnyText() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < 20_000; i++) {
            Event e = Event.builder(text(random), Source.FILE, TS, text(random)).id(text(random)).file(text(random))
                    .offset(random.nextLong(Long.MAX_VALUE)).pid(random.nextBoolean() ? null : -random.nextLong(1000))
                    .fields(random.nextInt(4) == 0 ? Map.of(text(random), text(random), "_" + text(random), "") : Map.of())
                    .flags(random.nextInt(4) == 0 ? Set.of(text(random), "multiline") : Set.of())
                    .build();

            assertArrayEquals(mapper.writeValueAsBytes(EventJson.toTree(e)), EventJson.toBytes(e), e::toString);
        }
    }

    /** Text that mixes ASCII, control characters, two- and three-byte characters and (lone) surrogates. */
    private static String text(SplittableRandom random) {
        StringBuilder b = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(6)) {
                case 0 -> b.append((char) random.nextInt(0x20));
                case 1 -> b.append((char) random.nextInt(0x80, 0x800));
                case 2 -> b.append((char) random.nextInt(0x800, 0x10000));
                case 3 -> b.appendCodePoint(random.nextInt(0x10000, 0x110000));
                default -> b.append((char) random.nextInt(0x20, 0x80));
            }
        }
        return b.toString();
    }

    @Test
    void shouldPinTheWireFormatOfAFileLine() {
        Event e = Event.builder("web-1", Source.FILE, Instant.parse("2026-03-14T02:11:07.100Z"), "processed job 7")
                .id("5f0e").file("/var/log/app.log").offset(103L).build();

        assertEquals("{\"id\":\"5f0e\",\"host\":\"web-1\",\"source\":\"file\",\"ts\":\"2026-03-14T02:11:07.100Z\","
                + "\"message\":\"processed job 7\",\"file\":\"/var/log/app.log\",\"offset\":103}", EventJson.toJson(e));
    }

    @Test
    void shouldKeepUnknownFieldsVerbatim() {
        String json = "{\"host\":\"h\",\"source\":\"file\",\"ts\":\"2026-03-14T02:11:07.398Z\",\"message\":\"m\","
                + "\"k8s\":{\"pod\":\"api-7f\"},\"tenant\":\"blue\"}";

        Event e = EventJson.parse(json);

        assertEquals(Set.of("k8s", "tenant"), e.extra().keySet());
        assertEquals("{\"host\":\"h\",\"source\":\"file\",\"ts\":\"2026-03-14T02:11:07.398Z\",\"message\":\"m\","
                + "\"k8s\":{\"pod\":\"api-7f\"},\"tenant\":\"blue\"}", EventJson.toJson(e));
    }

    @Test
    void shouldNameTheMissingRequiredField() {
        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> EventJson.parse("{\"host\":\"h\",\"source\":\"file\",\"message\":\"m\"}"));
        assertEquals("missing required field 'ts'", e.getMessage());
    }

    @Test
    void shouldExplainABadTimestampWithTheExpectedForm() {
        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> EventJson.parse("{\"host\":\"h\",\"source\":\"file\",\"ts\":\"14/Mar/2026\",\"message\":\"m\"}"));
        assertEquals("field 'ts' must be ISO-8601 UTC like 2026-03-14T02:11:07.398Z, got '14/Mar/2026'", e.getMessage());
    }

    @Test
    void shouldListTheAcceptedSourcesForAnUnknownOne() {
        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> EventJson.parse("{\"host\":\"h\",\"source\":\"syslog\",\"ts\":\"2026-03-14T02:11:07Z\",\"message\":\"m\"}"));
        assertEquals("field 'source': unknown source 'syslog', expected one of journald, kernel, file, shipper", e.getMessage());
    }

    @Test
    void shouldRefuseAPriorityOutsideSyslogRange() {
        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> EventJson.parse("{\"host\":\"h\",\"source\":\"kernel\",\"ts\":\"2026-03-14T02:11:07Z\",\"message\":\"m\",\"priority\":9}"));
        assertEquals("priority out of 0..7: 9", e.getMessage());
    }

    @Test
    void shouldRefuseInputThatIsNotAnObject() {
        assertEquals("event must be a JSON object",
                assertThrows(InvalidEventException.class, () -> EventJson.parse("[1,2]")).getMessage());
        assertEquals("not JSON", assertThrows(InvalidEventException.class, () -> EventJson.parse("garbage"))
                .getMessage().substring(0, 8));
    }

    private static final String REQUIRED = "\"host\":\"h\",\"source\":\"file\",\"ts\":\"2026-03-14T02:11:07Z\",\"message\":\"m\"";

    /** Parses {@code {REQUIRED,rest}}: the four required fields and {@code rest}. */
    private static Event withRequired(String rest) {
        return EventJson.parse(("{" + REQUIRED + "," + rest + "}").getBytes(StandardCharsets.UTF_8));
    }

    private static String refusal(String json) {
        return assertThrows(InvalidEventException.class, () -> EventJson.parse(json.getBytes(StandardCharsets.UTF_8)))
                .getMessage();
    }

    @Test
    void shouldTakeNullAsAbsentForEveryOptionalField() {
        Event e = withRequired("\"id\":null,\"pid\":null,\"partial\":null,\"flags\":null,\"fields\":null,\"unit\":null");

        assertNull(e.id());
        assertNull(e.pid());
        assertNull(e.partial());
        assertEquals(Set.of(), e.flags());
        assertEquals(Map.of(), e.fields());
        assertEquals("missing required field 'host'", refusal("{\"host\":null,\"source\":\"file\",\"ts\":\"x\",\"message\":\"m\"}"));
    }

    @Test
    void shouldReadNumbersGivenAsStringsAndScalarsAsText() {
        Event e = withRequired("\"pid\":\" 42 \",\"seq\":\"-7\",\"priority\":\"3\",\"offset\":-0,\"unit\":12,"
                + "\"comm\":1.5,\"identifier\":true,\"cursor\":1e3");

        assertEquals(42L, e.pid());
        assertEquals(-7L, e.seq());
        assertEquals(3, e.priority());
        assertEquals(0L, e.offset());
        assertEquals("12", e.unit());
        assertEquals("1.5", e.comm());
        assertEquals("true", e.identifier());
        assertEquals("1000.0", e.cursor());
    }

    @Test
    void shouldNameTheTypeOfAFieldOfTheWrongType() {
        assertEquals("field 'pid' must be an integer, got 'abc'", refusal("{" + REQUIRED + ",\"pid\":\"abc\"}"));
        assertEquals("field 'pid' must be an integer, got NUMBER", refusal("{" + REQUIRED + ",\"pid\":1.5}"));
        assertEquals("field 'seq' must be an integer, got BOOLEAN", refusal("{" + REQUIRED + ",\"seq\":true}"));
        assertEquals("field 'unit' must be a string, got OBJECT", refusal("{" + REQUIRED + ",\"unit\":{\"a\":1}}"));
        assertEquals("field 'host' must be a string, got NUMBER",
                refusal("{\"host\":5,\"source\":\"file\",\"ts\":\"2026-03-14T02:11:07Z\",\"message\":\"m\"}"));
        assertEquals("field 'partial' must be true or false, got STRING", refusal("{" + REQUIRED + ",\"partial\":\"true\"}"));
        assertEquals("field 'flags' must be an array of strings", refusal("{" + REQUIRED + ",\"flags\":\"multiline\"}"));
        assertEquals("field 'fields' must be an object", refusal("{" + REQUIRED + ",\"fields\":[1]}"));
        assertEquals("field 'facility' out of range: -1", refusal("{" + REQUIRED + ",\"facility\":-1}"));
        // a number past a long wraps, as the tree's longValue did
        assertEquals(1L, withRequired("\"seq\":18446744073709551617").seq());
    }

    @Test
    void shouldNameTheFirstBadFieldInAFixedOrderWhateverTheJsonOrder() {
        assertEquals("missing required field 'host'", refusal("{\"pid\":\"x\",\"ts\":\"bad\",\"message\":\"m\"}"));
        assertEquals("field 'ts' must be ISO-8601 UTC like 2026-03-14T02:11:07.398Z, got 'bad'",
                refusal("{\"pid\":\"x\",\"ts\":\"bad\",\"message\":\"m\",\"source\":\"file\",\"host\":\"h\"}"));
    }

    @Test
    void shouldCountADuplicateKeyByItsLastValue() {
        Event e = withRequired("\"pid\":\"abc\",\"pid\":5,\"host\":\"second\",\"fields\":{\"a\":\"1\",\"a\":\"2\"},"
                + "\"tenant\":\"blue\",\"tenant\":\"green\"");

        assertEquals(5L, e.pid());
        assertEquals("second", e.host());
        assertEquals(Map.of("a", "2"), e.fields());
        assertEquals(Map.of("tenant", TextNode.valueOf("green")), e.extra());
        assertEquals("field 'unit' must be a string, got ARRAY", refusal("{" + REQUIRED + ",\"unit\":\"x\",\"unit\":[]}"));
    }

    @Test
    void shouldKeepNestedFieldValuesAsCompactJsonAndFlagElementsAsText() {
        Event e = withRequired("\"fields\":{\"pod\":{\"n\": [1, 2.5, null]},\"ok\":true,\"none\":null,\"n\":-0},"
                + "\"flags\":[\"multiline\",7,null,{\"a\":1}]");

        assertEquals(Map.of("pod", "{\"n\":[1,2.5,null]}", "ok", "true", "none", "null", "n", "0"), e.fields());
        assertEquals(Set.of("multiline", "7", "null", ""), e.flags());
    }

    @Test
    void shouldRefuseBadUtf8AndBrokenJsonAsNotJson() {
        byte[] badUtf8 = ("{" + REQUIRED + ",\"unit\":\"a").getBytes(StandardCharsets.UTF_8);
        byte[] json = new byte[badUtf8.length + 3];
        System.arraycopy(badUtf8, 0, json, 0, badUtf8.length);
        json[badUtf8.length] = (byte) 0xC3;
        json[badUtf8.length + 1] = '"';
        json[badUtf8.length + 2] = '}';

        String message = assertThrows(InvalidEventException.class, () -> EventJson.parse(json)).getMessage();
        assertEquals("not JSON: Invalid UTF-8 middle byte 0x22", message);
        assertEquals("not JSON: Unexpected end-of-input: expected close marker for Object (start marker at [Source: REDACTED "
                + "(`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1])",
                refusal("{" + REQUIRED));
        assertEquals("event must be a JSON object", refusal(""));
        assertEquals("event must be a JSON object", refusal("null"));
        assertTrue(refusal("[1,2").startsWith("not JSON: Unexpected end-of-input"));
    }

    @Test
    void shouldIgnoreWhatFollowsTheEventObject() {
        assertEquals("m", EventJson.parse("{" + REQUIRED + "} trailing").message());
    }

    /**
     * The streaming read against the JSON tree on mutated events (bytes changed, cut, keys given
     * twice, values of every type): the same event, or the same refusal, for every input.
     */
    @Test
    void shouldReadEveryInputAsTheJsonTreeDoes() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        String[] names = {"id", "host", "source", "ts", "message", "unit", "pid", "priority", "seq", "partial", "flags",
            "fields", "k8s"};
        String[] values = {"null", "\"x\"", "\"42\"", "42", "-0", "9223372036854775808", "1.5", "true", "{}", "[]",
            "{\"a\":[1,{\"b\":null}],\"a\":2}", "[1,\"x\",null,[2]]", "\"2026-03-14T02:11:07.398Z\"", "\"kernel\"",
            "\"2026-02-29T00:00:00Z\"", "\"é\\u00e9\\n\""};
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder json = new StringBuilder("{").append(random.nextInt(8) == 0 ? "" : REQUIRED);
            for (int f = random.nextInt(5); f > 0; f--) {
                json.append(json.length() > 1 ? "," : "").append('"').append(names[random.nextInt(names.length)])
                        .append("\":").append(values[random.nextInt(values.length)]);
            }
            byte[] bytes = json.append('}').toString().getBytes(StandardCharsets.UTF_8);
            switch (random.nextInt(6)) {
                case 0 -> bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                case 1 -> bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
                default -> { }
            }
            byte[] input = bytes;
            assertEquals(outcome(() -> treeParse(mapper, input)), outcome(() -> EventJson.parse(input)),
                    () -> new String(input, StandardCharsets.UTF_8));
        }
    }

    static Event treeParse(ObjectMapper mapper, byte[] json) {
        try {
            return EventJson.fromTree(mapper.readTree(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidEventException("not JSON: " + e.getOriginalMessage(), e);
        } catch (java.io.IOException e) {
            throw new InvalidEventException("not JSON: " + e.getMessage(), e);
        }
    }

    /** The event with its unknown fields, or the refusal's message. */
    static String outcome(java.util.function.Supplier<Event> parse) {
        try {
            Event e = parse.get();
            return e + " extra=" + e.extra();
        } catch (InvalidEventException e) {
            return "refused: " + e.getMessage();
        }
    }

    @Test
    void shouldGiveTheSameIdForTheSameSourcePositionOnly() {
        String a = EventIds.of("web-1", Source.KERNEL, "boot-1", "17");
        assertEquals(a, EventIds.of("web-1", Source.KERNEL, "boot-1", "17"));
        assertNotEquals(a, EventIds.of("web-1", Source.KERNEL, "boot-1", "18"));
        assertNotEquals(a, EventIds.of("web-1", Source.KERNEL, "boot-2", "17"));
        assertNotEquals(EventIds.of("h", Source.FILE, "ab", "c"), EventIds.of("h", Source.FILE, "a", "bc"));
        assertEquals(32, a.length());
    }
}
