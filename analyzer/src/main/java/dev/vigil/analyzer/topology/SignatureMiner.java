package dev.vigil.analyzer.topology;

import dev.vigil.analyzer.engine.MinedSignature;
import dev.vigil.analyzer.signature.HeaderStripper;
import dev.vigil.analyzer.signature.MinerConfig;
import dev.vigil.analyzer.signature.MinerStateCodec;
import dev.vigil.analyzer.signature.Signature;
import dev.vigil.analyzer.signature.TemplateMiner;
import dev.vigil.analyzer.signature.TemplateShapes;
import dev.vigil.patterns.event.Event;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mines the signatures of the events signature patterns count. Its input is keyed by message
 * shape ({@link #keyByShape()}), so every message that could share a template meets in one
 * miner, whatever host wrote it: a template has one id fleet-wide. The miner is restored from
 * its store on start and saved back now and then, so a restarted task keeps its templates.
 * Output is keyed by host again, for the pattern processor.
 */
final class SignatureMiner implements ProcessorSupplier<String, Event, String, EngineInput> {
    private static final Logger log = LoggerFactory.getLogger(SignatureMiner.class);
    private static final String KEY = "miner";

    @Override
    public Set<StoreBuilder<?>> stores() {
        return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.SIGNATURE_MINER),
                Serdes.String(), Serdes.ByteArray()));
    }

    @Override
    public Processor<String, Event, String, EngineInput> get() {
        return new Mining();
    }

    /** Re-keys events by the shape of their message, the key of the miner's input, cut to fit ({@link SigningCut}). */
    static ProcessorSupplier<String, Event, String, Event> keyByShape() {
        return () -> new Processor<>() {
            private final TemplateShapes shapes = new TemplateShapes(MinerConfig.defaults());
            private ProcessorContext<String, Event> context;

            @Override
            public void init(ProcessorContext<String, Event> context) {
                this.context = context;
            }

            @Override
            public void process(Record<String, Event> record) {
                cutToSign(record.value()).ifPresent(cut -> context.forward(record.withKey(shapes.of(HEADER.minedText(cut))).withValue(cut)));
            }
        };
    }

    /** An application log line is mined from after the header its layout writes (stamp, level, logger). */
    private static final HeaderStripper HEADER = new HeaderStripper();

    /** {@code e} cut to fit the signature topics ({@link SigningCut}); empty, and logged, when it cannot be. */
    static Optional<Event> cutToSign(Event e) {
        Optional<Event> cut = SigningCut.fit(e);
        if (cut.isEmpty()) {
            log.warn("Event too large to sign even cut; its signature patterns skip it id={} host={}", e.id(), e.host());
        }
        return cut;
    }

    /** Mines {@code e}'s message into {@code miner}: the event with its signature. */
    static EngineInput sign(TemplateMiner miner, Event e) {
        Signature s = miner.add(HEADER.minedText(e));
        return new EngineInput(e, new MinedSignature(s.id(), s.template(), miner.lastFormerIds()));
    }

    private static final class Mining implements Processor<String, Event, String, EngineInput> {
        private ProcessorContext<String, EngineInput> context;
        private KeyValueStore<String, byte[]> store;
        private TemplateMiner miner;
        private boolean dirty;

        @Override
        public void init(ProcessorContext<String, EngineInput> context) {
            this.context = context;
            this.store = context.getStateStore(StoreNames.SIGNATURE_MINER);
            byte[] saved = store.get(KEY);
            this.miner = saved == null ? new TemplateMiner(MinerConfig.defaults())
                    : TemplateMiner.restore(MinerConfig.defaults(), MinerStateCodec.decode(saved));
            context.schedule(PatternProcessor.HOUSEKEEPING, PunctuationType.WALL_CLOCK_TIME, now -> save());
        }

        @Override
        public void process(Record<String, Event> record) {
            Event e = record.value();
            dirty = true;
            context.forward(record.withKey(e.host()).withValue(sign(miner, e)));
        }

        @Override
        public void close() {
            try {
                save();
            } catch (RuntimeException e) {
                // a task closed after an error may have its store gone: the last save stands
                log.warn("Signature miner not saved on close task={} reason=\"{}\"", context.taskId(), e.getMessage());
            }
        }

        /** Writes the miner when it changed: every line would be too costly, a restart re-learns the rest. */
        private void save() {
            if (dirty) {
                store.put(KEY, MinerStateCodec.encode(miner.snapshot()));
                dirty = false;
            }
        }
    }
}
