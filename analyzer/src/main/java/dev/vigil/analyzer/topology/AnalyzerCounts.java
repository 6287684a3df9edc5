package dev.vigil.analyzer.topology;

import dev.vigil.analyzer.deadletter.DeadLetterReason;
import dev.vigil.analyzer.incident.Incident;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * What the topology counts while it runs, for metrics: refused records by reason, and every
 * incident it writes (handed to a listener, so the metrics decide how to tag them).
 */
public final class AnalyzerCounts {
    private final AtomicLong deadLettered;
    // filled once and only read after: safe to share between stream threads and the scraper
    private final Map<DeadLetterReason, LongAdder> byReason = new EnumMap<>(DeadLetterReason.class);
    private volatile Consumer<Incident> onIncident = incident -> {};

    /** Counts that add refused records to {@code deadLettered} too. */
    public AnalyzerCounts(AtomicLong deadLettered) {
        this.deadLettered = deadLettered;
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            byReason.put(reason, new LongAdder());
        }
    }

    /** Counts one refused record; answers the total so far. */
    long deadLettered(DeadLetterReason reason) {
        byReason.get(reason).increment();
        return deadLettered.incrementAndGet();
    }

    /** Records refused for {@code reason} since start. */
    public long deadLetteredFor(DeadLetterReason reason) {
        return byReason.get(reason).sum();
    }

    void incident(Incident incident) {
        onIncident.accept(incident);
    }

    /** Hands every incident the analyzer writes from now on to {@code listener} (on a stream thread: keep it cheap). */
    public void onIncident(Consumer<Incident> listener) {
        this.onIncident = listener;
    }
}
