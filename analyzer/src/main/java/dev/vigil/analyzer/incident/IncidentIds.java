package dev.vigil.analyzer.incident;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Incident ids: one per episode of one pattern on one group key, the same on every analyzer
 * instance and after every restart, so updates of an episode overwrite each other in the
 * compacted topic.
 */
public final class IncidentIds {
    private IncidentIds() {}

    /** The id of the episode of {@code pattern} on {@code host}/{@code groupKey} that began at {@code episodeStart}. */
    public static String of(String pattern, String host, String groupKey, Instant episodeStart) {
        MessageDigest sha = sha256();
        for (String part : new String[] {pattern, host, groupKey, episodeStart.toString()}) {
            sha.update(part.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0x1f);
        }
        return pattern + "-" + HexFormat.of().formatHex(sha.digest(), 0, 8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
