package dev.vigil.analyzer.signature;

import java.util.Map;
import java.util.TreeMap;

/** A miner's store records kept in a sorted map, as a key-value store keeps them: saves applied, restores read back. */
final class StoredMiner {

    final Map<String, byte[]> records = new TreeMap<>();

    /** Applies the changes {@code miner} made since its last save. */
    StoredMiner save(TemplateMiner miner) {
        MinerRecords.writes(miner.drainChanges()).forEach((key, value) -> {
            if (value == null) {
                records.remove(key);
            } else {
                records.put(key, value);
            }
        });
        return this;
    }

    TemplateMiner restore(MinerConfig config) {
        MinerRecords.Reader reader = new MinerRecords.Reader();
        records.forEach(reader::accept);
        return TemplateMiner.restore(config, reader.state());
    }

    /** {@code miner} saved into an empty store and restored from it. */
    static TemplateMiner roundTrip(TemplateMiner miner) {
        return new StoredMiner().save(miner).restore(MinerConfig.defaults());
    }

    int largestRecordBytes() {
        return records.values().stream().mapToInt(v -> v.length).max().orElse(0);
    }
}
