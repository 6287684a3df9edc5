package dev.vigil.analyzer.cli;

import dev.vigil.analyzer.sink.HttpDelivery;
import dev.vigil.analyzer.sink.IncidentSink;
import dev.vigil.analyzer.sink.alertmanager.AlertmanagerSink;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigil alertmanager}: incidents to Prometheus Alertmanager. */
@Command(name = "alertmanager", mixinStandardHelpOptions = true,
        header = "Send incidents to Prometheus Alertmanager as alerts.",
        description = "Reads vigil.incidents as consumer group vigil-sink-alertmanager and posts each change to "
                + "<url>/api/v2/alerts: labels alertname (the pattern), type, host, subject, severity, signature; "
                + "annotations summary, cause, evidence, incident_id. Firing alerts are sent again every --resend-interval "
                + "and end 4 intervals later unless sent again, so Alertmanager's resolve_timeout does not apply; a "
                + "resolved incident ends its alert.")
final class AlertmanagerCommand extends SinkCommand {
    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "Alertmanager's address, e.g. http://localhost:9093.")
    URI url;

    @Option(names = "--resend-interval", paramLabel = "SECONDS", defaultValue = "60",
            description = "Re-send firing alerts this often (default: ${DEFAULT-VALUE}).")
    long resendSeconds;

    @Override
    IncidentSink sink() {
        return new AlertmanagerSink(new HttpDelivery(), url, Duration.ofSeconds(resendSeconds), Clock.systemUTC());
    }

    @Override
    String target() {
        return url.toString();
    }
}
