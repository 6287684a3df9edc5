package dev.vigil.analyzer.topology;

import dev.vigil.analyzer.engine.MessageTemplates;
import dev.vigil.analyzer.signature.MinerConfig;
import dev.vigil.analyzer.signature.MinerStateCodec;
import dev.vigil.analyzer.signature.Signature;
import dev.vigil.analyzer.signature.TemplateMiner;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The task's template miner, restored from its store on start and saved back now and then, so
 * a restarted task keeps its templates (signature ids are derived from template text, so even
 * templates mined again come out with the same ids).
 */
final class MinedTemplates implements MessageTemplates {
    private static final String KEY = "miner";

    private final KeyValueStore<String, byte[]> store;
    private final TemplateMiner miner;
    private boolean dirty;

    MinedTemplates(KeyValueStore<String, byte[]> store) {
        this.store = store;
        byte[] saved = store.get(KEY);
        this.miner = saved == null ? new TemplateMiner(MinerConfig.defaults())
                : TemplateMiner.restore(MinerConfig.defaults(), MinerStateCodec.decode(saved));
    }

    @Override
    public MinedSignature mine(String message) {
        Signature s = miner.add(message);
        dirty = true;
        return new MinedSignature(s.id(), s.template());
    }

    /** Writes the miner's state when it changed since the last save. */
    void save() {
        if (dirty) {
            store.put(KEY, MinerStateCodec.encode(miner.snapshot()));
            dirty = false;
        }
    }
}
