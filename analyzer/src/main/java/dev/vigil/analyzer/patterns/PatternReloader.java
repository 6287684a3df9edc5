package dev.vigil.analyzer.patterns;

import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.analyzer.topology.AnalyzerConfig;
import dev.vigil.broker.PollingThread;
import dev.vigil.patterns.library.PatternFiles;
import dev.vigil.patterns.library.PatternLoader;
import dev.vigil.patterns.library.PublishedFiles;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hot reload: follows the compacted pattern topic (key file name, value text, empty value
 * withdraws the file), compiles the library with every usable published file on each change
 * ({@link PublishedFiles}: a file with errors is logged and skipped), and swaps the running set
 * in one step. Patterns keep their state across a reload: state is keyed by pattern name.
 */
public final class PatternReloader implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PatternReloader.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final AtomicReference<PatternSet> target;
    private final PublishedFiles files;
    private final Thread thread;

    /**
     * @param localFiles the pattern files given on the command line, by file name: published files
     *     of the same name replace them
     */
    public PatternReloader(AnalyzerConfig config, String topic, AtomicReference<PatternSet> target, Map<String, String> localFiles) {
        Map<String, Object> props = new HashMap<>(config.clientProperties());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
        this.target = target;
        this.files = new PublishedFiles(PatternLoader::withLibrary, localFiles);
        this.thread = new Thread(this::run, "vigil-pattern-reloader");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (true) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty() && apply(records)) {
                    files.compile().ifPresent(target::set);
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } catch (RuntimeException e) {
            log.error("Pattern reload stopped; the running patterns stay topic={}", topic, e);
        } finally {
            consumer.close(PollingThread.CLOSE_TIMEOUT);
        }
    }

    private boolean apply(ConsumerRecords<String, byte[]> records) {
        boolean changed = false;
        for (ConsumerRecord<String, byte[]> r : records) {
            if (r.key() == null) {
                log.warn("Ignored pattern record without a file name topic={} partition={} offset={}", r.topic(),
                        r.partition(), r.offset());
                continue;
            }
            changed |= files.put(r.key(), r.value(), replacesLibrary(r), r.topic() + "-" + r.partition() + "@" + r.offset());
        }
        return changed;
    }

    private static boolean replacesLibrary(ConsumerRecord<String, byte[]> r) {
        Header header = r.headers().lastHeader(PatternFiles.REPLACE_LIBRARY_HEADER);
        return header != null && "true".equals(new String(header.value(), StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws InterruptedException {
        PollingThread.stop(thread, consumer, Duration.ofSeconds(5));
    }
}
