package dev.vigil.analyzer.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@code vigil_analyzer_store_entries{store}}: the approximate number of entries of each key-value
 * state store over this instance's tasks, read by interactive query when scraped. RocksDB answers
 * from its {@code rocksdb.estimate-num-keys} property, without a scan. While the analyzer is not
 * running (starting, rebalancing, restoring) the stores cannot be queried and the gauge reads NaN,
 * which Prometheus shows as a gap rather than a false 0.
 */
final class StoreSizes {
    private StoreSizes() {}

    static void bind(MeterRegistry registry, KafkaStreams streams, Iterable<String> stores) {
        for (String store : stores) {
            Gauge.builder("vigil.analyzer.store.entries", streams, s -> entries(s, store))
                    .description("Approximate entries of the analyzer's state store on this instance")
                    .tag("store", store).register(registry);
        }
    }

    static double entries(KafkaStreams streams, String store) {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return Double.NaN;
        }
        try {
            ReadOnlyKeyValueStore<Object, Object> kv = streams.store(
                    StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore()));
            return kv.approximateNumEntries();
        } catch (InvalidStateStoreException e) {
            // a rebalance moved tasks between the state check and the query: the next scrape answers
            return Double.NaN;
        }
    }
}
