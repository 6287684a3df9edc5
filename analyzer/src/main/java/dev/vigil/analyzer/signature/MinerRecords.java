package dev.vigil.analyzer.signature;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link TemplateMiner} as store records, one per template and one per alias, so that no
 * record grows with the number of templates (a miner of 10,000 templates in one value would
 * outgrow a changelog record) and a save writes only what changed.
 *
 * <p>Keys: {@code t/<key>} for a template, {@code a/<old id>} for an alias. Values (big-endian)
 * start with a format version byte; a template then holds when it was last seen (long), its
 * count (long), its text, its route length (int) and route tokens; an alias holds the clock it
 * was written at (long) and its target id. Strings are a length (int) and UTF-8 bytes.
 */
public final class MinerRecords {

    /** Key of the whole miner in one value, as Vigil stored it before templates had a record each. */
    public static final String LEGACY_KEY = "miner";
    static final String TEMPLATE_PREFIX = "t/";
    static final String ALIAS_PREFIX = "a/";
    static final byte VERSION = 1;
    private static final int MAX_STRING_BYTES = 1 << 20;

    private MinerRecords() {}

    /**
     * The records to write for {@code changes}, by key, in the order to write them; a null value
     * deletes the record.
     */
    public static Map<String, byte[]> writes(MinerChanges changes) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Long key : changes.removed()) {
            out.put(TEMPLATE_PREFIX + key, null);
        }
        for (TemplateMinerState.StoredTemplate t : changes.templates()) {
            out.put(TEMPLATE_PREFIX + t.key(), template(t));
        }
        changes.aliases().forEach((from, to) -> out.put(ALIAS_PREFIX + from, to == null ? null : alias(to, changes.clock())));
        return out;
    }

    static byte[] template(TemplateMinerState.StoredTemplate t) {
        return write(out -> {
            out.writeLong(t.lastSeen());
            out.writeLong(t.count());
            writeString(out, t.template());
            out.writeInt(t.route().size());
            for (String token : t.route()) {
                writeString(out, token);
            }
        });
    }

    static byte[] alias(String to, long clock) {
        return write(out -> {
            out.writeLong(clock);
            writeString(out, to);
        });
    }

    /** Collects stored records, in any order, into the state they hold. */
    public static final class Reader {
        private final List<TemplateMinerState.StoredTemplate> templates = new ArrayList<>();
        private final List<Map.Entry<Long, Map.Entry<String, String>>> aliases = new ArrayList<>();
        private long clock;

        /**
         * Takes one record.
         *
         * @throws IllegalArgumentException when the record is not one this Vigil reads (unknown
         *     key, newer version, cut short); the others still make a state
         */
        public void accept(String key, byte[] value) {
            try (DataInputStream in = open(key, value)) {
                if (key.startsWith(TEMPLATE_PREFIX)) {
                    long templateKey = Long.parseLong(key.substring(TEMPLATE_PREFIX.length()));
                    long lastSeen = in.readLong();
                    long count = in.readLong();
                    String text = readString(in);
                    int routeLength = readCount(in);
                    List<String> route = new ArrayList<>(routeLength);
                    for (int r = 0; r < routeLength; r++) {
                        route.add(readString(in));
                    }
                    templates.add(new TemplateMinerState.StoredTemplate(templateKey, text, route, count, lastSeen));
                    clock = Math.max(clock, lastSeen);
                } else {
                    long written = in.readLong();
                    aliases.add(Map.entry(written, Map.entry(key.substring(ALIAS_PREFIX.length()), readString(in))));
                    clock = Math.max(clock, written);
                }
            } catch (IOException | NumberFormatException e) {
                throw new IllegalArgumentException("miner record key=" + key + " is cut short or garbled ("
                        + value.length + " bytes)", e);
            }
        }

        /** The templates least recently seen first and the aliases oldest first, as a miner restores them. */
        public TemplateMinerState state() {
            List<TemplateMinerState.StoredTemplate> ordered = new ArrayList<>(templates);
            ordered.sort(Comparator.comparingLong(TemplateMinerState.StoredTemplate::lastSeen));
            List<Map.Entry<Long, Map.Entry<String, String>>> byClock = new ArrayList<>(aliases);
            byClock.sort(Map.Entry.comparingByKey());
            Map<String, String> aliasMap = new LinkedHashMap<>();
            byClock.forEach(e -> aliasMap.put(e.getValue().getKey(), e.getValue().getValue()));
            return new TemplateMinerState(ordered, aliasMap, clock);
        }

        private static DataInputStream open(String key, byte[] value) {
            if (!key.startsWith(TEMPLATE_PREFIX) && !key.startsWith(ALIAS_PREFIX)) {
                throw new IllegalArgumentException("miner record key=" + key + " is neither a template nor an alias");
            }
            if (value.length == 0 || value[0] != VERSION) {
                throw new IllegalArgumentException("miner record key=" + key + " has format version "
                        + (value.length == 0 ? "none" : String.valueOf(value[0])) + ", this Vigil reads " + VERSION);
            }
            return new DataInputStream(new ByteArrayInputStream(value, 1, value.length - 1));
        }
    }

    private interface Body {
        void writeTo(DataOutputStream out) throws IOException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            body.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_STRING_BYTES) {
            throw new IOException("a string of " + length + " bytes");
        }
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    static int readCount(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0) {
            throw new IOException("a negative count " + count);
        }
        return count;
    }
}
