package dev.vigil.analyzer.cli;

import dev.vigil.analyzer.sink.HttpDelivery;
import dev.vigil.analyzer.sink.IncidentSink;
import dev.vigil.analyzer.sink.webhook.WebhookSigner;
import dev.vigil.analyzer.sink.webhook.WebhookSink;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigil webhook}: each incident change POSTed as JSON. */
@Command(name = "webhook", mixinStandardHelpOptions = true,
        header = "POST each incident change as JSON to a URL, optionally signed.",
        description = "Reads vigil.incidents as consumer group vigil-sink-webhook and POSTs each change, one request each, "
                + "as the incident's JSON (docs/schema/incident.schema.json). With a secret (--secret-file, or the "
                + "environment variable " + WebhookCommand.SECRET_ENV + "), each request carries X-Vigil-Signature: "
                + "sha256=<hex HMAC-SHA256 of the body>. A 5xx, 408, 429 or timeout is retried; after --max-tries, "
                + "or at once for another status, the change goes to vigil.deadletter with the reason.")
final class WebhookCommand extends SinkCommand {
    static final String SECRET_ENV = "VIGIL_WEBHOOK_SECRET";

    @Option(names = "--url", required = true, paramLabel = "URL", description = "Where to POST the incident changes.")
    URI url;

    @Option(names = "--secret-file", paramLabel = "FILE",
            description = "File holding the HMAC secret (first line); else " + SECRET_ENV + " when set; else no signature.")
    Path secretFile;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Longest the receiver may take to answer; longer is a failed try (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    private final UnaryOperator<String> environment;

    WebhookCommand() {
        this(System::getenv);
    }

    WebhookCommand(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    @Override
    IncidentSink sink() throws IOException {
        return new WebhookSink(new HttpDelivery(Duration.ofSeconds(timeoutSeconds)), url, secret().map(WebhookSigner::new));
    }

    @Override
    String target() {
        return url + (secret().isPresent() ? " signed" : "");
    }

    private Optional<String> secret() {
        if (secretFile != null) {
            try {
                String secret = Files.readAllLines(secretFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
                if (secret.isEmpty()) {
                    throw new IllegalArgumentException("--secret-file " + secretFile + " is empty");
                }
                return Optional.of(secret);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read --secret-file " + secretFile + ": " + e.getMessage(), e);
            }
        }
        String env = environment.apply(SECRET_ENV);
        return env == null || env.isBlank() ? Optional.empty() : Optional.of(env.strip());
    }
}
