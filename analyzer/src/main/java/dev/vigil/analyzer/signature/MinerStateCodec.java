package dev.vigil.analyzer.signature;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The byte form of a {@link TemplateMinerState}, independent of Kafka.
 *
 * <p>Layout (big-endian): magic {@code "VGTM"}, version (int), template count (int), then per
 * template its text, route length (int), route tokens and count (long); then alias count (int)
 * and alias pairs. Strings are a length (int) and UTF-8 bytes. A reader refuses a newer version
 * than it knows with a message that names both.
 */
public final class MinerStateCodec {

    private static final int MAGIC = 0x5647544d;
    private static final int MAX_STRING_BYTES = 1 << 24;

    private MinerStateCodec() {
    }

    /** The bytes of a state, in the layout above. */
    public static byte[] encode(TemplateMinerState state) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(state.version());
            out.writeInt(state.templates().size());
            for (TemplateMinerState.StoredTemplate t : state.templates()) {
                writeString(out, t.template());
                out.writeInt(t.route().size());
                for (String token : t.route()) {
                    writeString(out, token);
                }
                out.writeLong(t.count());
            }
            Map<String, String> aliases = state.aliases();
            out.writeInt(aliases.size());
            for (Map.Entry<String, String> e : aliases.entrySet()) {
                writeString(out, e.getKey());
                writeString(out, e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a state written by {@link #encode}.
     *
     * @throws IllegalArgumentException when the bytes are not a miner state, are cut short, or
     *     come from a newer Vigil
     */
    public static TemplateMinerState decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int magic = in.readInt();
            if (magic != MAGIC) {
                throw new IllegalArgumentException(String.format(
                        "not a template miner state: magic 0x%08x, expected 0x%08x", magic, MAGIC));
            }
            int version = in.readInt();
            if (version < 1 || version > TemplateMinerState.CURRENT_VERSION) {
                throw new IllegalArgumentException("template miner state version " + version
                        + " is newer than this Vigil reads (1.." + TemplateMinerState.CURRENT_VERSION
                        + "): upgrade the analyzer or reset its state store");
            }
            int templates = readCount(in);
            List<TemplateMinerState.StoredTemplate> stored = new ArrayList<>(templates);
            for (int i = 0; i < templates; i++) {
                String text = readString(in);
                int routeLength = readCount(in);
                List<String> route = new ArrayList<>(routeLength);
                for (int r = 0; r < routeLength; r++) {
                    route.add(readString(in));
                }
                stored.add(new TemplateMinerState.StoredTemplate(text, route, in.readLong()));
            }
            int aliasCount = readCount(in);
            Map<String, String> aliases = new LinkedHashMap<>();
            for (int i = 0; i < aliasCount; i++) {
                aliases.put(readString(in), readString(in));
            }
            return new TemplateMinerState(version, stored, aliases);
        } catch (IOException e) {
            throw new IllegalArgumentException("template miner state is cut short (" + data.length + " bytes)", e);
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_STRING_BYTES) {
            throw new IllegalArgumentException("template miner state holds a string of " + length + " bytes");
        }
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static int readCount(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0) {
            throw new IllegalArgumentException("template miner state holds a negative count " + count);
        }
        return count;
    }
}
