package dev.vigil.analyzer.sink;

import dev.vigil.analyzer.deadletter.DeadLetters;
import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.incident.IncidentJson;
import dev.vigil.broker.VigilTopics;
import dev.vigil.patterns.redact.Redactor;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds {@code vigil.incidents} to one {@link IncidentSink} on a thread of its own, as the consumer
 * group {@code vigil-sink-<name>}: offsets are committed only after the sink took a batch or the
 * batch was written to {@code vigil.deadletter}, so a crash delivers a batch again rather than
 * losing it. A batch that keeps failing is tried {@link RetryPolicy#maxTries()} times with growing
 * waits, then dead-lettered with the last failure as its reason.
 */
public final class SinkRunner implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SinkRunner.class);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final IncidentSink sink;
    private final SinkConfig config;
    private final SinkMetrics metrics;
    private final Clock clock;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> deadLetters;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Thread thread;

    public SinkRunner(IncidentSink sink, SinkConfig config, SinkMetrics metrics, Clock clock) {
        this.sink = sink;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
        Map<String, Object> consumerProps = new HashMap<>(config.clientProperties());
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, SinkConfig.groupId(sink));
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // a new sink starts at the oldest incident still in the compacted topic: nothing is skipped
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // only committed incidents: the analyzer writes them in transactions
        consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerProps.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        this.consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer());
        Map<String, Object> producerProps = new HashMap<>(config.clientProperties());
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, VigilTopics.MAX_EVENT_MESSAGE_BYTES);
        this.deadLetters = new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer());
        metrics.consumer(consumer);
        this.thread = new Thread(this::run, "vigil-sink-" + sink.name());
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Waits until the sink's state is restored and it consumes; false on timeout or when the runner died. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && thread.isAlive();
    }

    /** Restored and consuming. */
    public boolean isReady() {
        return ready.getCount() == 0 && thread.isAlive();
    }

    public boolean isAlive() {
        return thread.isAlive();
    }

    private void run() {
        try {
            if (sink.keepsState()) {
                restoreState();
            }
            consumer.subscribe(List.of(VigilTopics.INCIDENTS));
            ready.countDown();
            log.info("Sink consuming sink={} group={} topic={}", sink.name(), SinkConfig.groupId(sink), VigilTopics.INCIDENTS);
            while (closing.getCount() > 0) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
                records.forEach(all::add);
                for (int from = 0; from < all.size(); from += sink.batchSize()) {
                    List<ConsumerRecord<String, byte[]>> batch = all.subList(from, Math.min(all.size(), from + sink.batchSize()));
                    if (!deliver(batch)) {
                        return; // closing during retries: the batch stays uncommitted and comes again
                    }
                    consumer.commitSync(nextOffsets(batch));
                }
                sink.tick(clock.instant());
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } catch (RuntimeException e) {
            log.error("Sink stopped sink={} reason=\"{}\"", sink.name(), e.toString(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
            deadLetters.close(Duration.ofSeconds(5));
        }
    }

    /** Reads the compacted topic from its start up to its current end, handing each incident's latest state to the sink. */
    private void restoreState() {
        List<TopicPartition> partitions = consumer.partitionsFor(VigilTopics.INCIDENTS, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        int restored = 0;
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && closing.getCount() > 0) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
                if (r.value() != null) {
                    try {
                        sink.restore(IncidentJson.parse(r.value()));
                        restored++;
                    } catch (IllegalArgumentException e) {
                        // delivery dead-letters it when the group reaches it
                    }
                }
            }
        }
        consumer.unsubscribe();
        log.info("Sink state restored sink={} records={}", sink.name(), restored);
    }

    /** Delivers one batch, or dead-letters it; false when the runner is closing before either happened. */
    private boolean deliver(List<ConsumerRecord<String, byte[]>> batch) {
        List<Incident> incidents = new ArrayList<>();
        List<ConsumerRecord<String, byte[]>> readable = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : batch) {
            if (r.value() == null) {
                continue; // a tombstone: compaction removes the incident, nothing to tell
            }
            try {
                incidents.add(IncidentJson.parse(r.value()));
                readable.add(r);
            } catch (IllegalArgumentException e) {
                deadLetter(List.of(r), "unreadable", e.getMessage());
            }
        }
        if (incidents.isEmpty()) {
            return true;
        }
        SinkException last = null;
        for (int tries = 1; tries <= config.retry().maxTries(); tries++) {
            try {
                sink.accept(incidents);
                metrics.delivered(sink.name(), incidents);
                return true;
            } catch (SinkException e) {
                last = e;
                metrics.failedTry(sink.name());
                if (!e.retryable() || tries == config.retry().maxTries()) {
                    break;
                }
                Duration wait = config.retry().backoffAfter(tries);
                log.warn("Sink delivery failed, retrying sink={} try={} of={} retryIn={}ms reason=\"{}\"",
                        sink.name(), tries, config.retry().maxTries(), wait.toMillis(), e.getMessage());
                if (waitOrClose(wait)) {
                    return false;
                }
            }
        }
        String reason = last.retryable() ? "gave_up" : "refused";
        deadLetter(readable, reason, last.getMessage());
        return true;
    }

    /** Writes dead letters and waits for Kafka's ack, so committing past them loses nothing. */
    private void deadLetter(List<ConsumerRecord<String, byte[]>> records, String reason, String detail) {
        String why = "sink " + sink.name() + " " + (reason.equals("gave_up")
                ? "gave up after " + config.retry().maxTries() + " tries: " : reason + ": ") + detail;
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try {
            for (ConsumerRecord<String, byte[]> r : records) {
                acks.add(deadLetters.send(new ProducerRecord<>(VigilTopics.DEADLETTER, r.key(),
                        DeadLetters.toBytes(DeadLetters.of(why, r.topic(), r.partition(), r.offset(), r.key(), r.value(),
                                Redactor.defaults())))));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not write dead letters for sink " + sink.name() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing dead letters for sink " + sink.name(), e);
        }
        metrics.deadLettered(sink.name(), reason, records.size());
        log.warn("Dead-lettered incident changes sink={} count={} reason=\"{}\"", sink.name(), records.size(), why);
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(List<ConsumerRecord<String, byte[]>> batch) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : batch) {
            offsets.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
        }
        return offsets;
    }

    /** Waits {@code wait}; true when the runner is closing. */
    private boolean waitOrClose(Duration wait) {
        try {
            return closing.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    @Override
    public void close() throws InterruptedException {
        closing.countDown();
        if (!thread.isAlive()) {
            if (thread.getState() == Thread.State.NEW) {
                consumer.close(Duration.ofSeconds(2));
                deadLetters.close(Duration.ofSeconds(2));
            }
            return;
        }
        consumer.wakeup();
        thread.join(Duration.ofSeconds(10).toMillis());
    }
}
