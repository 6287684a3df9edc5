package dev.vigil.patterns.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic event ids: the same source position always gives the same id, so an event
 * re-sent after a shipper crash is recognised downstream.
 */
public final class EventIds {
    private static final HexFormat HEX = HexFormat.of();
    /**
     * One digest per thread, reset by {@code digest()}: looking SHA-256 up in the security
     * providers for every event cost as much as hashing it.
     */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(EventIds::sha256);

    private EventIds() {}

    /**
     * The id of the record at {@code position} of one source stream.
     *
     * @param host host name
     * @param source source kind
     * @param stream what makes the position unique: boot id (kernel, journald) or file identity
     * @param position seq, cursor or byte offset, as text
     */
    public static String of(String host, Source source, String stream, String position) {
        return digest(host, source.wireName(), stream, position);
    }

    /** The id of an event that came without one: its content plus where Kafka stored it. */
    public static String ofContent(Event e, String topic, int partition, long kafkaOffset) {
        return digest(e.host(), e.source().wireName(), e.ts().toString(), e.message(),
                topic + "-" + partition + "@" + kafkaOffset);
    }

    private static String digest(String... parts) {
        MessageDigest sha = SHA256.get();
        for (String part : parts) {
            sha.update((part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0x1f); // unit separator: ("ab","c") and ("a","bc") differ
        }
        byte[] d = sha.digest();
        return HEX.formatHex(d, 0, 16);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
