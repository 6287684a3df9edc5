package dev.vigil.analyzer.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /metrics} (Prometheus text), {@code /healthz} (the process answers) and {@code /readyz}
 * (200 once the command does its work, 503 before or when it stopped) on one port.
 */
public final class MetricsServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MetricsServer.class);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;

    private MetricsServer(HttpServer server) {
        this.server = server;
    }

    /** Serves on {@code address:port} (0 = a free port). */
    public static MetricsServer start(String address, int port, Supplier<String> scrape, BooleanSupplier ready) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 0);
            server.createContext("/metrics", ex -> answer(ex, 200, PROMETHEUS_TEXT, scrape.get()));
            server.createContext("/healthz", ex -> answer(ex, 200, "text/plain", "ok\n"));
            server.createContext("/readyz", ex -> {
                boolean isReady = ready.getAsBoolean();
                answer(ex, isReady ? 200 : 503, "text/plain", isReady ? "ready\n" : "not ready\n");
            });
            server.start();
            log.info("Metrics served address={} port={} paths=/metrics,/healthz,/readyz", address, server.getAddress().getPort());
            return new MetricsServer(server);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serve metrics on " + address + ":" + port + ": " + e.getMessage()
                    + "; choose another --metrics-port", e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
