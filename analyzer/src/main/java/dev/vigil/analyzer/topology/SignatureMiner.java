package dev.vigil.analyzer.topology;

import dev.vigil.analyzer.deadletter.DeadLetter;
import dev.vigil.analyzer.deadletter.DeadLetterReason;
import dev.vigil.analyzer.deadletter.DeadLetters;
import dev.vigil.analyzer.engine.MinedSignature;
import dev.vigil.analyzer.signature.HeaderStripper;
import dev.vigil.analyzer.signature.MinerConfig;
import dev.vigil.analyzer.signature.Signature;
import dev.vigil.analyzer.signature.TemplateMiner;
import dev.vigil.analyzer.signature.TemplateShapes;
import dev.vigil.patterns.compile.CompiledPattern;
import dev.vigil.patterns.compile.PatternKind;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.event.Event;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mines the signatures of the events signature patterns count. Its input is keyed by message
 * shape ({@link Requests}), so every message that could share a template meets in one miner,
 * whatever host wrote it: a template has one id fleet-wide. It reads only the mined text of a
 * request ({@link InternalSerdes}); the event goes back, keyed by host, as it came. The miner is
 * restored from its store on start, and what changed is written back before each commit, one
 * record per template changed ({@link MinerStore}), so a restarted task keeps its templates.
 */
final class SignatureMiner implements ProcessorSupplier<String, byte[], String, Object> {
    private static final Logger log = LoggerFactory.getLogger(SignatureMiner.class);
    /** An application log line is mined from after the header its layout writes (stamp, level, logger). */
    private static final HeaderStripper HEADER = new HeaderStripper();

    private final AnalyzerCounts counts;
    private final Supplier<PatternSet> patterns;

    SignatureMiner(AnalyzerCounts counts, Supplier<PatternSet> patterns) {
        this.counts = counts;
        this.patterns = patterns;
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        // hooked: the templates a commit's lines changed are written just before the commit, in its
        // transaction, once each (a template seen on every line was a store write and a changelog
        // record per line). Not cached: the hook already writes each key once per commit.
        return Set.of(CommitHookStore.around(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.SIGNATURE_MINER),
                Serdes.String(), Serdes.ByteArray())));
    }

    @Override
    public Processor<String, byte[], String, Object> get() {
        return new Mining();
    }

    /**
     * The names of the signature patterns of {@code set} that count {@code e}; empty when none does.
     * The candidates are the prefilter's for this event, which the engine then reads again without
     * a second scan ({@link PatternSet#candidates}).
     */
    static List<String> signaturePatterns(PatternSet set, Event e) {
        ToSign s = toSign(set.candidates(e), e);
        return s == null ? List.of() : s.patterns();
    }

    /** What signing {@code e} needs: the signature patterns that count it and the text the miner mines. */
    record ToSign(List<String> patterns, String text) {
        /** The text the miner mines of {@code cut}, {@code e} cut to fit: this one when the cut left the message. */
        String textOf(Event e, Event cut) {
            return cut.message() == e.message() ? text : minedText(cut);
        }
    }

    /**
     * What signing {@code e} needs; null when no signature pattern of {@code set} counts it. The
     * header is cut once per event: the text decides whether it is signed and is what is mined.
     */
    static ToSign toSign(PatternSet set, Event e) {
        return toSign(set.candidates(e), e);
    }

    /** What the miner mines of {@code e}: its message after the header. */
    static String minedText(Event e) {
        return HEADER.minedText(e);
    }

    /**
     * A request to sign {@code event} (cut to fit), keyed by the shape of its mined text.
     *
     * @param patterns the signature patterns that count it
     * @param text what the miner mines
     */
    record Request(String shape, Event event, List<String> patterns, String text) {
        /** Adds this request to {@code batch} ({@link InternalSerdes#requests()}). */
        void writeTo(InternalSerdes.Batch batch) {
            InternalSerdes.addRequest(batch, event, patterns, text);
        }
    }

    /**
     * The signing requests of one processor: for an event a signature pattern counts, the request
     * keyed by the shape of its message, cut to fit ({@link SigningCut}); other events have none.
     */
    static final class Requests {
        /** Most candidate lists whose signature patterns are kept: a set hands out few distinct lists. */
        private static final int MAX_KNOWN_LISTS = 1024;

        private final TemplateShapes shapes = new TemplateShapes(MinerConfig.defaults());
        /** The signature patterns of a candidate list, by the list's identity: one look-up per event, not a walk of its list. */
        private final Map<List<CompiledPattern>, List<CompiledPattern>> signing = new IdentityHashMap<>();
        private PatternSet signingOf;

        /** {@code e}'s request, or null when no signature pattern of {@code set} counts it or it cannot be cut to fit. */
        Request of(PatternSet set, Event e) {
            ToSign signing = toSign(signing(set, set.candidates(e)), e);
            if (signing == null) {
                return null;
            }
            Optional<Event> cut = cutToSign(e);
            if (cut.isEmpty()) {
                return null;
            }
            String text = signing.textOf(e, cut.get());
            return new Request(shapes.of(text), cut.get(), signing.patterns(), text);
        }

        private List<CompiledPattern> signing(PatternSet set, List<CompiledPattern> candidates) {
            if (set != signingOf) { // a reload: the lists are the new set's
                signing.clear();
                signingOf = set;
            }
            List<CompiledPattern> known = signing.get(candidates);
            if (known != null) {
                return known;
            }
            List<CompiledPattern> found = candidates.stream().filter(p -> p.kind() == PatternKind.SIGNATURE).toList();
            if (signing.size() < MAX_KNOWN_LISTS) {
                signing.put(candidates, found);
            }
            return found;
        }
    }

    /**
     * The names of the signature patterns of {@code patterns} that count {@code e}, in order, and its
     * mined text; null when none counts it. A line with nothing left once its header is cut (Rails'
     * blank FATAL line before an exception, its request tag aside) has no template: counted, all such
     * lines would be one signature of their own.
     */
    private static ToSign toSign(List<CompiledPattern> patterns, Event e) {
        List<String> names = List.of();
        for (CompiledPattern p : patterns) {
            if (p.kind() == PatternKind.SIGNATURE && p.match(e).isPresent()) {
                if (names.isEmpty()) {
                    names = new ArrayList<>(1);
                }
                names.add(p.name());
            }
        }
        if (names.isEmpty()) {
            return null;
        }
        String text = minedText(e);
        return text.isBlank() ? null : new ToSign(names, text);
    }

    /** Signed copies as the pattern processor reads them; one this Vigil cannot read becomes a dead letter. */
    static ProcessorSupplier<String, byte[], String, Object> readSigned(AnalyzerCounts counts, Supplier<PatternSet> patterns) {
        return () -> new Reading<>(counts, patterns, InternalSerdes::readSigned, "signed event", AnalyzerTopology.PATTERNS,
                SignatureRoute.SIGNED_DEADLETTER_SINK);
    }

    /** {@code e} cut to fit the signature topics ({@link SigningCut}); empty, and logged, when it cannot be. */
    static Optional<Event> cutToSign(Event e) {
        Optional<Event> cut = SigningCut.fit(e);
        if (cut.isEmpty()) {
            log.warn("Event too large to sign even cut; its signature patterns skip it id={} host={}", e.id(), e.host());
        }
        return cut;
    }

    /** Mines {@code text}, {@code e}'s mined text, into {@code miner}: the event with its signature, for the patterns named. */
    static EngineInput sign(TemplateMiner miner, Event e, String text, List<String> patterns) {
        Signature s = miner.add(text);
        return new EngineInput(e, new MinedSignature(s.id(), s.template(), miner.lastFormerIds(), patterns));
    }

    /**
     * Decodes an internal record into its entries, or turns it into a dead letter with the reason;
     * each goes to its own child by name, so no branch node sorts them afterwards.
     */
    private static class Reading<V> implements Processor<String, byte[], String, Object> {
        private final AnalyzerCounts counts;
        private final Supplier<PatternSet> patterns;
        private final Function<byte[], List<V>> decode;
        private final String what;
        final String next;
        private final String deadLetters;
        ProcessorContext<String, Object> context;

        Reading(AnalyzerCounts counts, Supplier<PatternSet> patterns, Function<byte[], List<V>> decode, String what, String next,
                String deadLetters) {
            this.counts = counts;
            this.patterns = patterns;
            this.decode = decode;
            this.what = what;
            this.next = next;
            this.deadLetters = deadLetters;
        }

        @Override
        public void init(ProcessorContext<String, Object> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, byte[]> record) {
            List<V> values;
            try {
                // the whole record is read before any of it is used: one that is bad part way is refused whole
                values = decode.apply(record.value() == null ? new byte[0] : record.value());
            } catch (RuntimeException e) {
                refuse(record, e.getMessage());
                return;
            }
            for (int n = 0; n < values.size(); n++) {
                use(record, values.get(n));
            }
        }

        void use(Record<String, byte[]> record, V value) {
            context.forward(record.withValue(value), next);
        }

        private void refuse(Record<String, byte[]> record, String reason) {
            RecordMetadata where = context.recordMetadata().orElseThrow();
            long count = counts.deadLettered(DeadLetterReason.INTERNAL_FORMAT);
            log.warn("Refused {} topic={} partition={} offset={} reason=\"{}\" deadLettered={}", what, where.topic(),
                    where.partition(), where.offset(), reason, count);
            DeadLetter letter = DeadLetters.of(reason, where.topic(), where.partition(), where.offset(), record.key(),
                    record.value(), patterns.get().redactor());
            context.forward(record.withValue(letter), deadLetters);
        }
    }

    private final class Mining extends Reading<InternalSerdes.SigningRequest> {
        private KeyValueStore<String, byte[]> store;
        private TemplateMiner miner;
        private RouteBatches signed;

        Mining() {
            super(counts, patterns, InternalSerdes::readRequests, "signing request", SignatureRoute.SIGNED_EVENTS_FILTER,
                    SignatureRoute.MINED_DEADLETTER_SINK);
        }

        @Override
        public void init(ProcessorContext<String, Object> context) {
            super.init(context);
            this.store = context.getStateStore(StoreNames.SIGNATURE_MINER);
            this.miner = MinerStore.restore(store, context.taskId().toString());
            this.signed = RouteBatches.forwardedTo(next, context, InternalSerdes::signedCopies);
            // the signed copies go back in the commit of the requests they answer, and what the lines
            // since the last commit changed (templates, now and then an alias or an evicted template)
            // commits with them, as the store's cache would
            CommitHookStore.of(store).beforeCommit(() -> {
                signed.sendAll();
                MinerStore.save(miner.drainChanges(), store);
            });
        }

        /** Mines the request: its signed copy goes back to the host's task, with the host's others of this commit. */
        @Override
        void use(Record<String, byte[]> record, InternalSerdes.SigningRequest request) {
            Signature s = miner.add(request.minedText());
            MinedSignature signature = new MinedSignature(s.id(), s.template(), miner.lastFormerIds(), request.patterns());
            signed.add(request.host(), record.timestamp(), batch -> InternalSerdes.addSigned(batch, request, signature));
        }

        @Override
        public void close() {
            signed.clear(); // a clean close committed them; a dirty one's input is read again
            CommitHookStore.of(store).detach();
        }
    }
}
