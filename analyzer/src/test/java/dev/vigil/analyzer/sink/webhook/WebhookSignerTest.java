package dev.vigil.analyzer.sink.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {
    @Test
    void shouldSignAsGitHubDocumentsItsWebhookExample() {
        // the example of docs.github.com "Validating webhook deliveries": secret "It's a Secret to Everybody",
        // payload "Hello, World!"
        assertEquals("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
                new WebhookSigner("It's a Secret to Everybody").sign("Hello, World!".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldRefuseAnEmptySecret() {
        assertThrows(IllegalArgumentException.class, () -> new WebhookSigner(""));
    }
}
