package dev.vigil.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.shippers.ShipperConfig;
import dev.vigil.shippers.file.FileInput;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ShipperOptionsTest {
    private static ShipperConfig configOf(String... args) {
        ShipCommand ship = new ShipCommand();
        new CommandLine(ship).parseArgs(args);
        return ship.sources.config("kafka-1:9092", Path.of("/var/lib/vigil-shipper"), Map.of());
    }

    @Test
    void shouldJoinStackTracesInFilesByDefault() {
        assertEquals(List.of(new FileInput("/var/log/app.log", true)),
                configOf("--file", "/var/log/app.log").files().inputs());
    }

    @Test
    void shouldShipEveryFileLineAloneWithNoMultiline() {
        assertEquals(List.of(new FileInput("/var/log/app.log", false), new FileInput("/var/log/b/*.log", false)),
                configOf("--no-multiline", "--file", "/var/log/app.log", "--file", "/var/log/b/*.log").files().inputs());
    }

    @Test
    void shouldReadAFilesOwnMultilineRuleAfterTheGlob() {
        FileInput input = configOf("--file", "/var/log/app/*.log multiline.start=^\\d{4}- multiline.max_lines=50")
                .files().inputs().get(0);

        assertEquals("/var/log/app/*.log", input.glob());
        assertEquals("start=^\\d{4}- maxLines=50 maxBytes=2147483647", input.pattern().toString());
    }
}
