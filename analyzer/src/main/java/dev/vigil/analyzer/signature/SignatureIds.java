package dev.vigil.analyzer.signature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Signature ids: the first 16 hex characters of the SHA-256 of the template's UTF-8 text. */
public final class SignatureIds {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int ID_BYTES = 8;
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(SignatureIds::sha256);

    private SignatureIds() {
    }

    /** The id of a template text; only computed when a template is created or changes. */
    public static String of(String template) {
        byte[] digest = SHA_256.get().digest(template.getBytes(StandardCharsets.UTF_8));
        char[] out = new char[2 * ID_BYTES];
        for (int i = 0; i < ID_BYTES; i++) {
            out[2 * i] = HEX[(digest[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[digest[i] & 0xf];
        }
        return new String(out);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }
}
