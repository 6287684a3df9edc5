package dev.vigil.shippers.kmsg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Runs against the host's real {@code /dev/kmsg}; skipped when the test may not read and write it. */
class KmsgDeviceReaderTest {
    private static final Path DEVICE = Path.of("/dev/kmsg");

    @Test
    void shouldReadBackLineWrittenToRealDevice() throws IOException {
        assumeTrue(Files.isReadable(DEVICE) && Files.isWritable(DEVICE),
                "skipped: /dev/kmsg is not readable and writable by this user (run as root, or outside a container)");
        String nonce = "vigil kmsg test " + UUID.randomUUID();
        // <13> = facility 1 (user), priority 5 (notice)
        Files.write(DEVICE, ("<13>" + nonce + "\n").getBytes(StandardCharsets.US_ASCII), StandardOpenOption.WRITE);

        KmsgRecord found = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (KmsgDeviceReader reader = new KmsgDeviceReader(DEVICE)) {
                while (true) {
                    KmsgRecord r = KmsgRecordParser.parse(reader.next());
                    if (r.message().endsWith(nonce)) {
                        return r;
                    }
                }
            }
        });

        assertEquals(1, found.facility());
        assertEquals(5, found.priority());
    }
}
