package dev.vigil.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The embedded controller listens on a port derived from the client port, so firewalls and a second instance can plan for it. */
@Tag("integration")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EmbeddedKafkaControllerPortIT {
    @TempDir
    Path dir;

    @Test
    void shouldListenForTheControllerTenThousandAboveTheClientPort() throws Exception {
        int port = freePairBelow55535();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(new EmbeddedKafkaConfig(dir, port, false))) {
            assertEquals("127.0.0.1:" + port, kafka.bootstrapServers());
            try (Socket controller = new Socket(InetAddress.getLoopbackAddress(), port + 10000)) {
                assertTrue(controller.isConnected(), "the controller answers on " + (port + 10000));
            }
        }
    }

    @Test
    void shouldRefuseToStartWhenTheControllerPortIsTaken() throws Exception {
        int port = freePairBelow55535();
        try (ServerSocket busy = new ServerSocket(port + 10000, 1, InetAddress.getLoopbackAddress())) {
            PortInUseException e = assertThrows(PortInUseException.class,
                    () -> EmbeddedKafka.start(new EmbeddedKafkaConfig(dir, port, false)));
            assertTrue(e.getMessage().contains(String.valueOf(port + 10000)), e.getMessage());
        }
    }

    /** A free port p at most 55535 whose p + 10000 is free too. */
    private static int freePairBelow55535() throws IOException {
        for (int i = 0; i < 200; i++) {
            int p;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                p = s.getLocalPort();
            }
            if (p > 55535) {
                continue;
            }
            try (ServerSocket probe = new ServerSocket(p + 10000, 1, InetAddress.getLoopbackAddress())) {
                return p;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port pair found");
    }
}
