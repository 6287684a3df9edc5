package dev.vigil.analyzer.sink.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs webhook bodies: {@code sha256=} and the hex HMAC-SHA256 of the body under the shared secret. */
public final class WebhookSigner {
    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    public WebhookSigner(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("the webhook secret is empty");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The signature header's value for {@code body}. */
    public String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
