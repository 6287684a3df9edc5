package dev.vigil.analyzer.cli;

import dev.vigil.analyzer.metrics.MetricsServer;
import dev.vigil.analyzer.metrics.VigilMetrics;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Option;

/** Where a long-running command serves /metrics, /healthz and /readyz. */
final class MetricsOptions {
    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Serve Prometheus /metrics, /healthz and /readyz on this port (default: not served).")
    Integer port;

    @Option(names = "--metrics-address", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address the metrics port listens on; 0.0.0.0 for a Prometheus on another host "
                    + "(default: ${DEFAULT-VALUE}).")
    String address;

    /** The command's metrics, served when --metrics-port is given. */
    Served start(String command, BooleanSupplier ready) {
        VigilMetrics metrics = new VigilMetrics(command);
        MetricsServer server = port == null ? null : MetricsServer.start(address, port, metrics::scrape, ready);
        return new Served(metrics, server);
    }

    /** The metrics and, when served, their server. */
    record Served(VigilMetrics metrics, MetricsServer server) implements AutoCloseable {
        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
            metrics.close();
        }
    }
}
