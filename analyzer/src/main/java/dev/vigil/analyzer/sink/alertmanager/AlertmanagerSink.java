package dev.vigil.analyzer.sink.alertmanager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.sink.HttpDelivery;
import dev.vigil.analyzer.sink.IncidentSink;
import dev.vigil.analyzer.sink.SinkException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends incidents to Alertmanager's {@code /api/v2/alerts}. Alertmanager forgets an alert that is
 * not sent again before it ends, so the firing incidents are kept in memory (rebuilt from the
 * compacted topic at start) and all of them are sent again every {@code resendInterval}, each
 * ending {@link #FIRING_FOR_RESENDS} intervals later: a few lost posts do not resolve an alert, a
 * stopped bridge lets them resolve.
 */
public final class AlertmanagerSink implements IncidentSink {
    private static final Logger log = LoggerFactory.getLogger(AlertmanagerSink.class);
    /** A firing alert's end is this many re-send intervals ahead, as Prometheus does. */
    static final int FIRING_FOR_RESENDS = 4;
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final HttpDelivery http;
    private final URI alertsUri;
    private final Duration resendInterval;
    private final Clock clock;
    private final Map<String, Incident> firing = new LinkedHashMap<>();
    private Instant lastResend;

    /** {@code baseUrl} is Alertmanager's address, e.g. {@code http://localhost:9093}. */
    public AlertmanagerSink(HttpDelivery http, URI baseUrl, Duration resendInterval, Clock clock) {
        if (resendInterval.isZero() || resendInterval.isNegative()) {
            throw new IllegalArgumentException("re-send interval must be positive, got " + resendInterval);
        }
        this.http = http;
        String base = baseUrl.toString().replaceAll("/+$", "");
        this.alertsUri = URI.create(base + "/api/v2/alerts");
        this.resendInterval = resendInterval;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "alertmanager";
    }

    @Override
    public boolean keepsState() {
        return true;
    }

    @Override
    public void restore(Incident incident) {
        remember(incident);
    }

    @Override
    public void accept(List<Incident> batch) throws SinkException {
        post(batch, clock.instant());
        batch.forEach(this::remember);
    }

    @Override
    public void tick(Instant now) {
        if (firing.isEmpty() || lastResend != null && now.isBefore(lastResend.plus(resendInterval))) {
            return;
        }
        lastResend = now;
        try {
            post(new ArrayList<>(firing.values()), now);
            log.debug("Re-sent firing alerts count={}", firing.size());
        } catch (SinkException e) {
            // the next interval tries again; the alerts stay up for several intervals meanwhile
            log.warn("Re-sending firing alerts failed count={} reason=\"{}\"", firing.size(), e.getMessage());
        }
    }

    /** The incidents firing now, by id. */
    Map<String, Incident> firing() {
        return Map.copyOf(firing);
    }

    private void remember(Incident incident) {
        if (incident.status() == Incident.Status.FIRING) {
            firing.put(incident.id(), incident);
        } else {
            firing.remove(incident.id());
        }
    }

    private void post(List<Incident> incidents, Instant now) throws SinkException {
        Duration firingFor = resendInterval.multipliedBy(FIRING_FOR_RESENDS);
        List<AlertmanagerAlert> alerts = incidents.stream().map(i -> AlertmanagerAlert.of(i, now, firingFor)).toList();
        byte[] body;
        try {
            body = MAPPER.writeValueAsBytes(alerts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an alert always serialises", e);
        }
        http.postJson(alertsUri, body, Map.of());
    }
}
