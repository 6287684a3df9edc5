package dev.vigil.shippers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.broker.KafkaBrokerExtension;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A file's own multiline rule, read from the config file, through a real broker. */
@Tag("integration")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ShipperMultilineIT {
    @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
    private static final Path GO_PANIC = Path.of("src/test/resources/multiline/go-panic.log");

    @TempDir Path dir;

    @Test
    void shouldJoinLinesByEachFilesContinuationOrStartPatternWithinMaxLines() throws Exception {
        Path byContinuation = Files.createDirectories(dir.resolve("continued")).resolve("app.log");
        Path byStart = Files.createDirectories(dir.resolve("started")).resolve("app.log");
        Files.copy(GO_PANIC, byContinuation);
        Files.copy(GO_PANIC, byStart);
        Path conf = Files.writeString(dir.resolve("shipper.conf"), String.join("\n",
                "file = " + dir + "/continued/*.log multiline.continue=^(\\s|goroutine\\s|[\\w./]+\\(|$) "
                        + "multiline.timeout=200ms",
                "file = " + dir + "/started/*.log multiline.start=^(Exiting|panic:) multiline.max_lines=4 "
                        + "multiline.timeout=200ms",
                ""));
        KAFKA.createTopic("multiline", 1);
        ShipperConfig config = FileOnlyConfig.load(conf, dir.resolve("state"), KAFKA.bootstrapServers(), "multiline");

        try (TopicReader reader = new TopicReader(KAFKA.bootstrapServers(), "multiline");
                Shipper shipper = new Shipper(config, Clock.systemUTC())) {
            shipper.start();
            List<Event> events = reader.readUntil(es -> messagesOf(es, byContinuation).size() == 3
                    && messagesOf(es, byStart).size() == 5, Duration.ofSeconds(60));

            assertEquals(List.of("Exiting foo", "Exiting main", """
                    panic: bar


                    goroutine 1 [running]:
                    panic(0x128360, 0x1040a130)
                        /usr/local/go/src/runtime/panic.go:481 +0x700
                    main.foo()
                        /tmp/sandbox550159908/main.go:7 +0x160
                    main.main()
                        /tmp/sandbox550159908/main.go:12 +0x120"""), messagesOf(events, byContinuation));
            assertEquals(List.of("Exiting foo", "Exiting main", "panic: bar\n\n\ngoroutine 1 [running]:", """
                    panic(0x128360, 0x1040a130)
                        /usr/local/go/src/runtime/panic.go:481 +0x700
                    main.foo()
                        /tmp/sandbox550159908/main.go:7 +0x160""", """
                    main.main()
                        /tmp/sandbox550159908/main.go:12 +0x120"""), messagesOf(events, byStart));
        }
    }

    private static List<String> messagesOf(List<Event> events, Path file) {
        return events.stream().filter(e -> e.source() == Source.FILE && file.toString().equals(e.file()))
                .map(Event::message).toList();
    }
}
