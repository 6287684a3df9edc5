package dev.vigil.analyzer.topology;

import dev.vigil.analyzer.deadletter.DeadLetter;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.event.Event;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The signature branch of the topology: events a signature pattern counts go, as signing
 * requests keyed by message shape, to the miner that owns the shape and come back signed, keyed
 * by host ({@link InternalSerdes} for the records). A record on either internal topic this
 * analyzer cannot read becomes a dead letter.
 */
final class SignatureRoute {
    static final String MINED = "mined-";
    static final String SIGNED = "signed-";
    static final String READ_SIGNED = "read-signed";
    private static final String REFUSED = "refused";
    private static final String READ = "read";

    private SignatureRoute() {}

    /**
     * The signed copies of {@code events}' signature events; {@code deadLetters} sends refused
     * records to the dead-letter topic through a sink of the name it is given.
     */
    static KStream<String, EngineInput> build(KStream<String, Event> events, Supplier<PatternSet> patterns,
            AnalyzerCounts counts, BiConsumer<KStream<String, DeadLetter>, String> deadLetters) {
        KStream<String, Object> mined = events
                .process(SignatureMiner.requests(patterns), Named.as(AnalyzerTopology.KEY_BY_SHAPE))
                .repartition(Repartitioned.with(Serdes.String(), Serdes.ByteArray()).withName(AnalyzerTopology.SIGNATURE_REQUESTS))
                .process(new SignatureMiner(counts, patterns), Named.as(AnalyzerTopology.MINE_SIGNATURES));
        KStream<String, Object> signed = readable(mined, MINED, deadLetters)
                .mapValues(value -> (byte[]) value, Named.as(MINED + "bytes"))
                .repartition(Repartitioned.with(Serdes.String(), Serdes.ByteArray()).withName(AnalyzerTopology.SIGNED_EVENTS))
                .process(SignatureMiner.readSigned(counts, patterns), Named.as(READ_SIGNED));
        return readable(signed, SIGNED, deadLetters).mapValues(value -> (EngineInput) value, Named.as(SIGNED + "input"));
    }

    /** The records of {@code stream} that are not dead letters; those go to {@code deadLetters}. */
    private static KStream<String, Object> readable(KStream<String, Object> stream, String prefix,
            BiConsumer<KStream<String, DeadLetter>, String> deadLetters) {
        Map<String, KStream<String, Object>> split = stream.split(Named.as(prefix))
                .branch((key, value) -> value instanceof DeadLetter, Branched.as(REFUSED))
                .defaultBranch(Branched.as(READ));
        deadLetters.accept(split.get(prefix + REFUSED).mapValues(value -> (DeadLetter) value, Named.as(prefix + "dead-letter")),
                prefix + "deadletter-sink");
        return split.get(prefix + READ);
    }
}
