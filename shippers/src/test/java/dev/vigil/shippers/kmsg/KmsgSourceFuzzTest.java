package dev.vigil.shippers.kmsg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.patterns.event.EventJson;
import dev.vigil.shippers.produce.Topics;
import dev.vigil.shippers.checkpoint.CheckpointStore;
import dev.vigil.shippers.produce.SourceMetrics;
import dev.vigil.shippers.produce.EventShipper;
import dev.vigil.shippers.produce.InFlightLimit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten thousand damaged records among the real records of seed 001's {@code /dev/kmsg} dump, through
 * the kernel source: each damaged one is dead-lettered with its reason and raw bytes, every real
 * one is shipped as it would be alone, in order, and the source never stops.
 */
class KmsgSourceFuzzTest {
    private static final BootClock BOOT = new BootClock("99fa798ba6b145c11634651c0d7d616d",
            Instant.parse("2026-02-02T07:41:09.377120Z"));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-08T21:45:00Z"), ZoneOffset.UTC);
    private static final int BAD = 10_000;
    private static final int BAD_PER_GOOD = 50;

    @TempDir
    Path state;

    @Test
    void shouldDeadLetterEveryDamagedRecordWithItsReasonAndShipEveryRealOne() throws IOException {
        List<String> real = Files.readAllLines(kmsgDump(), StandardCharsets.ISO_8859_1).stream()
                .filter(l -> !l.startsWith(" ")).limit(BAD / BAD_PER_GOOD).toList();
        Random random = new Random(11);
        StringBuilder framed = new StringBuilder();
        int good = 0;
        for (int n = 0; n < BAD; n++) {
            if (n % BAD_PER_GOOD == 0 && good < real.size()) {
                framed.append(real.get(good++)).append('\n');
            }
            framed.append(damaged(random, n)).append('\n');
        }
        Path file = state.resolve("kmsg.txt");
        Files.writeString(file, framed, StandardCharsets.ISO_8859_1);
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        EventShipper shipper = new EventShipper(producer, CheckpointStore.open(state.resolve("checkpoints")),
                new InFlightLimit(100_000, 1 << 28));

        try (InputStream in = Files.newInputStream(file)) {
            new KmsgSource("kontali-dev", BOOT, new KmsgStreamReader(in), shipper, new SourceMetrics("kmsg"), CLOCK).run();
        }

        List<String> shipped = producer.history().stream().filter(r -> r.topic().equals(Topics.EVENTS))
                .map(r -> EventJson.parse(r.value()).message()).toList();
        // the kernel writes a record's newlines and control bytes as \xHH; the source decodes them
        List<String> expected = real.stream().map(l -> java.util.regex.Pattern.compile("\\\\x([0-9a-f]{2})")
                .matcher(l.substring(l.indexOf(';') + 1))
                .replaceAll(m -> String.valueOf((char) Integer.parseInt(m.group(1), 16)))).toList();
        assertEquals(expected, shipped, "every real record, in order, as alone");
        List<JsonNode> letters = new ArrayList<>();
        for (var r : producer.history()) {
            if (r.topic().equals(Topics.DEADLETTER)) {
                letters.add(new ObjectMapper().readTree(r.value()));
            }
        }
        assertEquals(BAD, letters.size(), "each damaged record dead-lettered once");
        for (JsonNode l : letters) {
            assertFalse(l.path("reason").asText().isBlank(), "a reason: " + l);
            assertFalse(l.path("raw_text").asText(l.path("raw_base64").asText()).isEmpty(), "the raw record: " + l);
        }
    }

    /** A record the kernel never writes: random bytes, too few prefix fields, a negative or non-numeric number. */
    private static String damaged(Random random, int n) {
        return switch (n % 4) {
            case 0 -> {
                byte[] b = new byte[1 + random.nextInt(300)];
                random.nextBytes(b);
                yield "\u00b1" + new String(b, StandardCharsets.ISO_8859_1).replace('\n', '?');
            }
            case 1 -> "6," + (5000 + n) + ";only three fields";
            case 2 -> "6,-" + (5000 + n) + ",568839935484,-;negative seq";
            default -> "6," + (5000 + n) + ",soon,-;ts is not a number";
        };
    }

    private static Path kmsgDump() {
        return Stream.of(Path.of("scenarios"), Path.of("..", "scenarios"))
                .map(p -> p.resolve("001-oom-kill-truncated-log/kmsg.txt")).filter(Files::exists).findFirst().orElseThrow();
    }
}
