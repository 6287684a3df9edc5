package dev.vigil.analyzer.faults;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Records that are certainly not events, made from a good event by one of several kinds of
 * damage (cut, a required field gone, a wrong type, an impossible stamp, not an object, random
 * bytes, a nesting bomb), so a fuzz run covers each kind and each result can be checked exactly.
 */
final class BadRecordFuzz {
    /** Kinds of damage; every one makes a record no reader may take as an event. */
    static final int KINDS = 9;

    private final Random random;

    BadRecordFuzz(long seed) {
        this.random = new Random(seed);
    }

    /** The JSON of {@code good}, damaged by the kind {@code n % KINDS}. */
    byte[] damage(Event good, int n) {
        String json = EventJson.toJson(good);
        return switch (n % KINDS) {
            case 0 -> json.substring(0, 1 + random.nextInt(json.length() - 2)).getBytes(StandardCharsets.UTF_8);
            case 1 -> json.replaceFirst("\"" + required() + "\":\"(?:[^\"\\\\]|\\\\.)*\",?", "").replace(",}", "}")
                    .getBytes(StandardCharsets.UTF_8);
            case 2 -> json.replaceFirst("\"ts\":\"[^\"]*\"", "\"ts\":\"" + badStamp() + "\"").getBytes(StandardCharsets.UTF_8);
            case 3 -> json.replaceFirst("\"host\":\"[^\"]*\"", "\"host\":" + wrongType()).getBytes(StandardCharsets.UTF_8);
            case 4 -> ("[" + json + "]").getBytes(StandardCharsets.UTF_8);
            case 5 -> randomBytes();
            case 6 -> ("{\"fields\":" + "[".repeat(2000 + random.nextInt(3000)) + "]").getBytes(StandardCharsets.UTF_8);
            case 7 -> json.replaceFirst("\"message\":", "\"message\":" + random.nextInt(1000) + ",\"x\":")
                    .getBytes(StandardCharsets.UTF_8);
            default -> new byte[0];
        };
    }

    /**
     * One line of a saved log that no replay reader may take as a record, made from the real
     * {@code line}: for JSON formats cut, wrapped in an array, its stamp field {@code stamp} set to
     * one of {@code stamps}, nested past any parser's limit, or random bytes; for text formats
     * random bytes. Never blank, never with a newline, never starting with a space (a kmsg
     * continuation line).
     */
    String damageLine(String line, int n, String stamp, List<String> stamps) {
        return switch (n % 5) {
            case 0 -> line.substring(0, 1 + random.nextInt(line.length() - 2));
            case 1 -> "[" + line + "]";
            case 2 -> line.replaceFirst("\"" + stamp + "\":\"[^\"]*\"",
                    "\"" + stamp + "\":\"" + stamps.get(random.nextInt(stamps.size())) + "\"");
            case 3 -> "{\"fields\":" + "[".repeat(2000 + random.nextInt(3000));
            default -> randomText();
        };
    }

    /** Random bytes as text (undecodable ones replaced), without newlines, starting with a non-ASCII character. */
    String randomText() {
        String text = new String(randomBytes(), StandardCharsets.UTF_8).replace('\n', '?').replace('\r', '?');
        return "\u00b1" + text;
    }

    private String required() {
        String[] fields = {"host", "source", "ts", "message"};
        return fields[random.nextInt(fields.length)];
    }

    private String badStamp() {
        String[] stamps = {"1960-01-01T00:00:00Z", "-1", "2026-13-45T99:99:99Z", "", "yesterday", "1969-12-31T23:59:59.999Z",
            "3026-01-01T00:00:00Z", "2026-02-08 21:41:48"};
        return stamps[random.nextInt(stamps.length)];
    }

    private String wrongType() {
        String[] values = {"42", "true", "null", "{}", "[\"h\"]", "1.5e300"};
        return values[random.nextInt(values.length)];
    }

    private byte[] randomBytes() {
        byte[] b = new byte[1 + random.nextInt(400)];
        random.nextBytes(b);
        b[0] = (byte) (0x80 | b[0]); // never '{' or whitespace: not an object whatever follows
        return b;
    }
}
