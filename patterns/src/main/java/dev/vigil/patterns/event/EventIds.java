package dev.vigil.patterns.event;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Deterministic event ids: the same source position always gives the same id, so an event
 * re-sent after a shipper crash is recognised downstream.
 */
public final class EventIds {
    private static final HexFormat HEX = HexFormat.of();
    /** Unit separator between the parts: ("ab","c") and ("a","bc") differ. */
    private static final byte SEPARATOR = 0x1f;
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

    /**
     * The ids of one stream, for sources that make one per line: {@code forStream(h, s, st).at(n)}
     * equals {@code of(h, s, st, Long.toString(n))}. The stream's part of the digest input is
     * encoded once instead of once per event, and nothing but the id itself is allocated.
     */
    public static Stream forStream(String host, Source source, String stream) {
        return new Stream(prefix(host, source.wireName(), stream));
    }

    /** Ids of one stream's positions. Not thread-safe: it keeps a scratch buffer, so one reader uses one. */
    public static final class Stream {
        private final byte[] input;
        private final int prefixLength;
        private final byte[] digest = new byte[32];

        private Stream(byte[] prefix) {
            this.prefixLength = prefix.length;
            this.input = Arrays.copyOf(prefix, prefix.length + 21); // up to 20 digits and a separator
        }

        /** The id of the record at byte offset or sequence number {@code position} (not negative). */
        public String at(long position) {
            if (position < 0) {
                throw new IllegalArgumentException("position < 0: " + position);
            }
            int end = prefixLength + AsciiDigits.count(position);
            AsciiDigits.write(position, input, prefixLength, end - prefixLength);
            input[end] = SEPARATOR;
            MessageDigest sha = SHA256.get();
            sha.update(input, 0, end + 1);
            try {
                sha.digest(digest, 0, digest.length);
            } catch (DigestException e) {
                throw new IllegalStateException("SHA-256 gives 32 bytes", e);
            }
            return HEX.formatHex(digest, 0, 16);
        }
    }

    private static byte[] prefix(String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : parts) {
            out.writeBytes((part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
            out.write(SEPARATOR);
        }
        return out.toByteArray();
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
            sha.update(SEPARATOR);
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
