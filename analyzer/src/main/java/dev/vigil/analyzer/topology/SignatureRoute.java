package dev.vigil.analyzer.topology;

import dev.vigil.analyzer.deadletter.DeadLetter;
import dev.vigil.patterns.compile.PatternSet;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The signature branch of the topology: events a signature pattern counts go, as signing
 * requests keyed by message shape, to the miner that owns the shape and come back signed, keyed
 * by host ({@link InternalSerdes} for the records), gathered into one record per shape and per
 * host until each commit ({@link RouteBatches}). A record on either internal topic this analyzer
 * cannot read becomes a dead letter.
 *
 * <p>Each processor forwards a record to the one child it is for, by name ({@link #typed}), so
 * no branch node or cast node runs per record.
 */
final class SignatureRoute {
    static final String READ_SIGNED = "read-signed";
    /** The first node of a repartition Kafka Streams adds for {@code Repartitioned.withName(name)}: it drops null keys. */
    private static final String REPARTITION_FILTER = "-repartition-filter";
    /** Where the intake sends a signing request. */
    static final String SIGNATURE_REQUESTS_FILTER = AnalyzerTopology.SIGNATURE_REQUESTS + REPARTITION_FILTER;
    /** Where the miner sends a signed copy. */
    static final String SIGNED_EVENTS_FILTER = AnalyzerTopology.SIGNED_EVENTS + REPARTITION_FILTER;
    static final String MINED_DEADLETTER_SINK = "mined-deadletter-sink";
    static final String SIGNED_DEADLETTER_SINK = "signed-deadletter-sink";

    private SignatureRoute() {}

    /**
     * Routes the signing requests in {@code intake} to the miners and their signed copies, read by
     * the node {@link #READ_SIGNED}, to the pattern processor (as {@link EngineInput}s: the topology
     * makes that processor a child of this node); {@code deadLetters} sends refused records to the
     * dead-letter topic through a sink of the name it is given.
     */
    static void build(KStream<String, Object> intake, Supplier<PatternSet> patterns,
            AnalyzerCounts counts, BiConsumer<KStream<String, DeadLetter>, String> deadLetters) {
        KStream<String, Object> mined = SignatureRoute.<byte[]>typed(intake)
                .repartition(Repartitioned.with(Serdes.String(), Serdes.ByteArray()).withName(AnalyzerTopology.SIGNATURE_REQUESTS))
                .process(new SignatureMiner(counts, patterns), Named.as(AnalyzerTopology.MINE_SIGNATURES));
        deadLetters.accept(typed(mined), MINED_DEADLETTER_SINK);
        KStream<String, Object> signed = SignatureRoute.<byte[]>typed(mined)
                .repartition(Repartitioned.with(Serdes.String(), Serdes.ByteArray()).withName(AnalyzerTopology.SIGNED_EVENTS))
                .process(SignatureMiner.readSigned(counts, patterns), Named.as(READ_SIGNED));
        deadLetters.accept(typed(signed), SIGNED_DEADLETTER_SINK);
    }

    /**
     * {@code stream} typed as the records its processor forwards to the child built on the result:
     * a processor of this topology sends each child, by name, only records of the child's type.
     */
    @SuppressWarnings("unchecked")
    static <V> KStream<String, V> typed(KStream<String, ?> stream) {
        return (KStream<String, V>) stream;
    }
}
