package dev.vigil.analyzer.signature;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the whole-miner value Vigil stored under {@link MinerRecords#LEGACY_KEY} before each
 * template had a record of its own, so that an upgraded analyzer keeps its templates and ids;
 * the miner then writes them as {@link MinerRecords} and drops the old value.
 *
 * <p>Layout (big-endian): magic {@code "VGTM"}, version 1 (int), template count (int), then per
 * template its text, route length (int), route tokens and count (long); then alias count (int)
 * and alias pairs. Strings are a length (int) and UTF-8 bytes.
 */
public final class MinerStateCodec {

    static final int MAGIC = 0x5647544d;
    static final int VERSION = 1;

    private MinerStateCodec() {}

    /**
     * The state of a whole-miner value: templates keyed and clocked in their stored order
     * (least recently seen first).
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
            if (version != VERSION) {
                throw new IllegalArgumentException("template miner state version " + version
                        + " is not the one this Vigil reads (" + VERSION + "): reset the analyzer's state store");
            }
            int templates = MinerRecords.readCount(in);
            List<TemplateMinerState.StoredTemplate> stored = new ArrayList<>(templates);
            for (int i = 0; i < templates; i++) {
                String text = MinerRecords.readString(in);
                int routeLength = MinerRecords.readCount(in);
                List<String> route = new ArrayList<>(routeLength);
                for (int r = 0; r < routeLength; r++) {
                    route.add(MinerRecords.readString(in));
                }
                stored.add(new TemplateMinerState.StoredTemplate(i, text, route, in.readLong(), i + 1));
            }
            int aliasCount = MinerRecords.readCount(in);
            Map<String, String> aliases = new LinkedHashMap<>();
            for (int i = 0; i < aliasCount; i++) {
                aliases.put(MinerRecords.readString(in), MinerRecords.readString(in));
            }
            return new TemplateMinerState(stored, aliases, templates);
        } catch (IOException e) {
            throw new IllegalArgumentException("template miner state is cut short or garbled (" + data.length + " bytes)", e);
        }
    }
}
