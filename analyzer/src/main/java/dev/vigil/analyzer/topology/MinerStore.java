package dev.vigil.analyzer.topology;

import dev.vigil.analyzer.signature.MinerChanges;
import dev.vigil.analyzer.signature.MinerConfig;
import dev.vigil.analyzer.signature.MinerRecords;
import dev.vigil.analyzer.signature.MinerStateCodec;
import dev.vigil.analyzer.signature.TemplateMiner;
import dev.vigil.analyzer.signature.TemplateMinerState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signature miner in its changelogged store, one record per template and per alias
 * ({@link MinerRecords}): a save writes what changed, and no record grows with the miner.
 */
final class MinerStore {
    private static final Logger log = LoggerFactory.getLogger(MinerStore.class);

    private MinerStore() {}

    /**
     * The miner the store holds. A record this Vigil cannot read is logged and deleted (its
     * template is mined again); a whole-miner value an older Vigil wrote is read and rewritten as
     * records.
     */
    static TemplateMiner restore(KeyValueStore<String, byte[]> store, String task) {
        MinerRecords.Reader reader = new MinerRecords.Reader();
        List<String> unreadable = new ArrayList<>();
        byte[] legacy = null;
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, byte[]> r = all.next();
                if (MinerRecords.LEGACY_KEY.equals(r.key)) {
                    legacy = r.value;
                    continue;
                }
                try {
                    reader.accept(r.key, r.value);
                } catch (IllegalArgumentException e) {
                    log.warn("Unreadable signature miner record dropped, its template is mined again task={} reason=\"{}\"",
                            task, e.getMessage());
                    unreadable.add(r.key);
                }
            }
        }
        unreadable.forEach(store::delete);
        if (legacy == null) {
            return TemplateMiner.restore(MinerConfig.defaults(), reader.state());
        }
        return upgrade(store, legacy, task);
    }

    private static TemplateMiner upgrade(KeyValueStore<String, byte[]> store, byte[] legacy, String task) {
        TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());
        try {
            miner = TemplateMiner.restore(MinerConfig.defaults(), MinerStateCodec.decode(legacy));
            TemplateMinerState state = miner.snapshot();
            save(new MinerChanges(state.templates(), List.of(), state.aliases(), state.clock()), store);
            log.info("Signature miner stored as one record per template task={} templates={} aliases={}", task,
                    state.templates().size(), state.aliases().size());
        } catch (IllegalArgumentException e) {
            log.warn("Unreadable signature miner state dropped, its templates are mined again task={} reason=\"{}\"",
                    task, e.getMessage());
        }
        store.delete(MinerRecords.LEGACY_KEY);
        return miner;
    }

    /** Writes {@code changes}: changed templates and aliases put, removed ones deleted. */
    static void save(MinerChanges changes, KeyValueStore<String, byte[]> store) {
        if (changes.isEmpty()) {
            return;
        }
        for (Map.Entry<String, byte[]> w : MinerRecords.writes(changes).entrySet()) {
            if (w.getValue() == null) {
                store.delete(w.getKey());
            } else {
                store.put(w.getKey(), w.getValue());
            }
        }
    }
}
