package dev.vigil.analyzer.sink.alertmanager;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.analyzer.sink.DebianTool;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A real Alertmanager (Debian's prometheus-alertmanager) on a free loopback port with its own
 * config and storage folder; the test is skipped when it cannot be installed.
 */
final class AlertmanagerProcess implements AutoCloseable {
    static final String BINARY = "prometheus-alertmanager";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Alerts are grouped by pattern and host, as the README's sample route does. */
    static final String CONFIG = """
            route:
              receiver: nobody
              group_by: [alertname, host]
              group_wait: 1s
              group_interval: 1s
            receivers:
              - name: nobody
            """;

    private final Process process;
    private final Path log;
    final URI url;
    private final HttpClient http = HttpClient.newHttpClient();

    private AlertmanagerProcess(Process process, Path log, URI url) {
        this.process = process;
        this.log = log;
        this.url = url;
    }

    /** Starts Alertmanager in {@code dir} and waits until it answers {@code /-/ready}. */
    static AlertmanagerProcess start(Path dir) throws IOException {
        Optional<Path> binary = DebianTool.find(BINARY, "prometheus-alertmanager");
        assumeTrue(binary.isPresent(), DebianTool.missing(BINARY, "prometheus-alertmanager"));
        Path config = Files.writeString(dir.resolve("alertmanager.yml"), CONFIG);
        Files.createDirectories(dir.resolve("data"));
        int port = freePort();
        Path log = dir.resolve("alertmanager.log");
        Process p = new ProcessBuilder(binary.get().toString(),
                "--config.file=" + config,
                "--storage.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                // a single instance: no gossip port to collide with other tests or a local Alertmanager
                "--cluster.listen-address=")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AlertmanagerProcess am = new AlertmanagerProcess(p, log, URI.create("http://127.0.0.1:" + port));
        await("Alertmanager ready on port " + port).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> am.ready() || !p.isAlive());
        if (!p.isAlive()) {
            throw new IllegalStateException("Alertmanager exited: " + Files.readString(log));
        }
        return am;
    }

    /** {@code GET /api/v2/alerts}: the active alerts. */
    JsonNode alerts() throws IOException, InterruptedException {
        return get("/api/v2/alerts");
    }

    /** {@code GET /api/v2/alerts/groups}: the alert groups of the route. */
    JsonNode groups() throws IOException, InterruptedException {
        return get("/api/v2/alerts/groups");
    }

    private boolean ready() {
        try {
            return http.send(HttpRequest.newBuilder(url.resolve("/-/ready")).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(url.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return MAPPER.readTree(r.body());
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
