package dev.vigil.analyzer.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TransactionalIdNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and aborts the hanging transactions on this application's own changelog and repartition
 * topics: a transaction whose records are on a partition while its coordinator no longer runs it
 * there, so no commit or abort marker will ever come. A broker that stopped while a commit's
 * markers were being written has left one (its coordinator logged the commit complete, the marker
 * never reached the partition): the partition's last stable offset stays before the open records,
 * an exactly-once reader waits there for ever, and the analyzer's state restore never ends.
 *
 * <p>The test is the one of Kafka's {@code kafka-transactions.sh find-hanging} (KIP-664): an open
 * transaction on a partition, idle longer than any of this application's transactions may last,
 * whose producer's transaction the coordinator does not know, or knows without that partition.
 * Such a transaction is aborted on that partition: the state changes it held are dropped (a few
 * records of one commit interval), where waiting would stop the analyzer for good.
 */
final class HangingTransactions {
    private static final Logger log = LoggerFactory.getLogger(HangingTransactions.class);

    /** An open transaction on one partition, as the partition's leader describes its producer. */
    record Open(TopicPartition partition, long producerId, short producerEpoch, int coordinatorEpoch, long startOffset,
            long lastWriteMillis) {
        /** A producer whose first transaction hangs has no coordinator epoch yet: 0, as kafka-transactions.sh takes. */
        static Open of(TopicPartition partition, ProducerState p) {
            return new Open(partition, p.producerId(), (short) p.producerEpoch(), p.coordinatorEpoch().orElse(0),
                    p.currentTransactionStartOffset().orElseThrow(), p.lastTimestamp());
        }
    }

    private HangingTransactions() {}

    /**
     * The open transactions of {@code open} that no coordinator will finish: their producer has no
     * transactional id ({@code transactionalIds}, by producer id), or its transaction is not known
     * ({@code running}: the partitions each transactional id's coordinator still writes to, null
     * when it knows none), or runs without their partition.
     */
    static List<Open> hanging(Collection<Open> open, Map<Long, String> transactionalIds, Map<String, Set<TopicPartition>> running) {
        List<Open> hanging = new ArrayList<>();
        for (Open o : open) {
            String id = transactionalIds.get(o.producerId());
            Set<TopicPartition> partitions = id == null ? null : running.get(id);
            if (partitions == null || !partitions.contains(o.partition())) {
                hanging.add(o);
            }
        }
        return hanging;
    }

    /**
     * Aborts the hanging transactions on the changelog and repartition topics of
     * {@code applicationId} whose last write is older than {@code idleFor}; returns them.
     */
    static List<Open> abortOnOwnTopics(Admin admin, String applicationId, Duration idleFor, Instant now)
            throws ExecutionException, InterruptedException {
        List<TopicPartition> partitions = ownPartitions(admin, applicationId);
        if (partitions.isEmpty()) {
            return List.of();
        }
        List<Open> open = new ArrayList<>();
        admin.describeProducers(partitions).all().get().forEach((partition, state) -> {
            for (ProducerState p : state.activeProducers()) {
                if (p.currentTransactionStartOffset().isPresent() && now.toEpochMilli() - p.lastTimestamp() > idleFor.toMillis()) {
                    open.add(Open.of(partition, p));
                }
            }
        });
        if (open.isEmpty()) {
            return List.of();
        }
        Set<Long> producers = new HashSet<>();
        open.forEach(o -> producers.add(o.producerId()));
        Map<Long, String> ids = new HashMap<>();
        for (TransactionListing l : admin.listTransactions(new ListTransactionsOptions().filterProducerIds(producers)).all().get()) {
            ids.put(l.producerId(), l.transactionalId());
        }
        List<Open> hanging = hanging(open, ids, running(admin, ids.values()));
        for (Open h : hanging) {
            admin.abortTransaction(new AbortTransactionSpec(h.partition(), h.producerId(), h.producerEpoch(), h.coordinatorEpoch()))
                    .all().get();
            log.warn("Aborted a hanging transaction partition={} producerId={} producerEpoch={} startOffset={} lastWrite={} "
                    + "reason=\"its coordinator no longer runs it there, so no marker would ever come; the state changes it held "
                    + "are dropped\"", h.partition(), h.producerId(), h.producerEpoch(), h.startOffset(),
                    Instant.ofEpochMilli(h.lastWriteMillis()));
        }
        return hanging;
    }

    private static List<TopicPartition> ownPartitions(Admin admin, String applicationId)
            throws ExecutionException, InterruptedException {
        List<String> topics = admin.listTopics().names().get().stream()
                .filter(t -> t.startsWith(applicationId + "-") && (t.endsWith("-changelog") || t.endsWith("-repartition")))
                .toList();
        List<TopicPartition> partitions = new ArrayList<>();
        if (topics.isEmpty()) {
            return partitions;
        }
        admin.describeTopics(topics).allTopicNames().get().forEach((topic, d) ->
                d.partitions().forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
        return partitions;
    }

    /** The partitions each transactional id's coordinator still writes to (null for an id it does not know). */
    private static Map<String, Set<TopicPartition>> running(Admin admin, Collection<String> transactionalIds)
            throws ExecutionException, InterruptedException {
        Map<String, Set<TopicPartition>> running = new HashMap<>();
        if (transactionalIds.isEmpty()) {
            return running;
        }
        var described = admin.describeTransactions(new HashSet<>(transactionalIds));
        for (String id : transactionalIds) {
            try {
                TransactionDescription d = described.description(id).get();
                running.put(id, d.topicPartitions());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TransactionalIdNotFoundException)) {
                    throw e;
                }
            }
        }
        return running;
    }
}
