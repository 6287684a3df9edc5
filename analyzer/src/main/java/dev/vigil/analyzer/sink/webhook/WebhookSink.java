package dev.vigil.analyzer.sink.webhook;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.incident.IncidentJson;
import dev.vigil.analyzer.sink.HttpDelivery;
import dev.vigil.analyzer.sink.IncidentSink;
import dev.vigil.analyzer.sink.SinkException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * POSTs each incident change to a URL as the incident's JSON (docs/schema/incident.schema.json),
 * one request per change, so a retry resends only the change that failed. With a secret, each
 * request carries {@code X-Vigil-Signature: sha256=<hex HMAC-SHA256 of the body>} for the receiver
 * to check that Vigil sent it.
 */
public final class WebhookSink implements IncidentSink {
    /** The header carrying the body's signature. */
    public static final String SIGNATURE_HEADER = "X-Vigil-Signature";
    /** The header carrying the incident id, for receivers that route before parsing. */
    public static final String INCIDENT_HEADER = "X-Vigil-Incident";

    private final HttpDelivery http;
    private final URI url;
    private final Optional<WebhookSigner> signer;

    public WebhookSink(HttpDelivery http, URI url, Optional<WebhookSigner> signer) {
        this.http = http;
        this.url = url;
        this.signer = signer;
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public int batchSize() {
        return 1;
    }

    @Override
    public void accept(List<Incident> batch) throws SinkException {
        for (Incident incident : batch) {
            byte[] body = IncidentJson.toJson(incident).getBytes(StandardCharsets.UTF_8);
            Map<String, String> headers = signer
                    .map(s -> Map.of(INCIDENT_HEADER, incident.id(), SIGNATURE_HEADER, s.sign(body)))
                    .orElse(Map.of(INCIDENT_HEADER, incident.id()));
            http.postJson(url, body, headers);
        }
    }
}
