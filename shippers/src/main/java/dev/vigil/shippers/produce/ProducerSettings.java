package dev.vigil.shippers.produce;

import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The one place the shipper's Kafka producer properties are built. */
public final class ProducerSettings {
    /**
     * Room left in a request for the record batch and record headers around the largest event:
     * events are cut to {@code max.request.size} minus this.
     */
    public static final int RECORD_HEADROOM_BYTES = 64 * 1024;
    /**
     * {@code max.request.size}: 8 MiB, the {@code max.message.bytes} Vigil gives {@code vigil.events},
     * so a 1 MiB line fits even when escaping makes its JSON six times longer.
     */
    static final int MAX_REQUEST_BYTES = 8 * 1024 * 1024;

    private ProducerSettings() {}

    /**
     * Producer properties for shipping: idempotent, {@code acks=all}, lz4, batches of up to
     * 256 KiB lingering 20 ms, requests and records up to 8 MiB, and retries without a deadline, so
     * a broker that is down only pauses shipping (the in-flight limit stops reading meanwhile).
     * {@code buffer.memory} is 16 MiB rather than 32: the in-flight limit already bounds what the
     * producer holds, and it must only take two of the largest records. {@code overrides} win.
     */
    public static Properties kafkaProperties(String bootstrapServers, Properties overrides) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(MAX_REQUEST_BYTES));
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(2L * MAX_REQUEST_BYTES));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(Integer.MAX_VALUE));
        // a broker that does not answer is reported after 10 s (the send is retried, nothing dropped)
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, HostKeySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "vigil-shipper");
        p.putAll(overrides);
        return p;
    }

    /**
     * The largest event JSON the producer built from {@code properties} sends: its
     * {@code max.request.size} less the headroom. Lower {@code max.request.size} (a {@code kafka.*}
     * override) for a cluster whose topics take less, and larger events are cut to fit instead.
     */
    public static int maxRecordBytes(Properties properties) {
        Object configured = properties.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        int maxRequest = configured == null ? MAX_REQUEST_BYTES : Integer.parseInt(configured.toString().trim());
        return Math.max(1024, maxRequest - RECORD_HEADROOM_BYTES);
    }
}
