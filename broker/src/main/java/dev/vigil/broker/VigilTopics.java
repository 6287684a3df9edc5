package dev.vigil.broker;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The topics of Vigil's data flow, and their creation when missing. */
public final class VigilTopics {
    private static final Logger log = LoggerFactory.getLogger(VigilTopics.class);

    /** Everything shippers send, keyed by host. */
    public static final String EVENTS = "vigil.events";
    /** Incident records keyed by incident id; compacted, so the latest state of each survives. */
    public static final String INCIDENTS = "vigil.incidents";
    /** Pattern files keyed by file name; compacted; the analyzer reloads from it. */
    public static final String PATTERNS = "vigil.patterns";
    /** Input that could not be processed, with the reason. */
    public static final String DEADLETTER = "vigil.deadletter";

    /** Replication factor meaning "the broker's default.replication.factor". */
    public static final short BROKER_DEFAULT_REPLICATION = -1;

    /** Default partition count of {@link #EVENTS}. */
    public static final int DEFAULT_EVENT_PARTITIONS = 3;

    /**
     * {@code max.message.bytes} of {@link #EVENTS} and {@link #DEADLETTER}: 8 MiB. Shippers cut a
     * line at 1 MiB by default, and its JSON can be six times longer (a control byte is written as
     * <code>&#92;u00XX</code>), so the largest event is a little over 6 MiB; Kafka's default limit of 1 MiB
     * would refuse it, and the analyzer copies a bad event whole to the dead letters.
     */
    public static final int MAX_EVENT_MESSAGE_BYTES = 8 * 1024 * 1024;

    private VigilTopics() {}

    /**
     * The topics with their settings; {@code eventPartitions} partitions for the event topic,
     * {@code replication} copies ({@link #BROKER_DEFAULT_REPLICATION} for the cluster's default).
     */
    public static List<NewTopic> definitions(int eventPartitions, short replication) {
        if (eventPartitions < 1) {
            throw new IllegalArgumentException("event partitions must be at least 1, got " + eventPartitions);
        }
        Map<String, String> compacted = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        Map<String, String> large = Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(MAX_EVENT_MESSAGE_BYTES));
        Optional<Short> rf = replication == BROKER_DEFAULT_REPLICATION ? Optional.empty() : Optional.of(replication);
        return List.of(
                new NewTopic(EVENTS, Optional.of(eventPartitions), rf).configs(large),
                new NewTopic(INCIDENTS, Optional.of(eventPartitions), rf).configs(compacted),
                new NewTopic(PATTERNS, Optional.of(1), rf).configs(compacted),
                new NewTopic(DEADLETTER, Optional.of(1), rf).configs(large));
    }

    /**
     * Creates the topics that do not exist yet; existing ones are left as they are, except that the
     * message limit of an event or dead-letter topic created before it was raised is raised.
     */
    public static void ensure(Admin admin, int eventPartitions, short replication) {
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (NewTopic t : definitions(eventPartitions, replication)) {
                if (!existing.contains(t.name())) {
                    missing.add(t);
                }
            }
            raiseMessageLimits(admin, existing);
            if (missing.isEmpty()) {
                return;
            }
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            log.info("Created topics topics={}", missing.stream().map(NewTopic::name).toList());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return; // another instance created it first
            }
            throw new IllegalStateException("could not create Vigil's topics: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within 30 s while creating topics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    /**
     * Raises {@code max.message.bytes} of the existing event and dead-letter topics to
     * {@link #MAX_EVENT_MESSAGE_BYTES} where it is lower. Not being allowed to is a WARN, not a
     * failure: only events over the old limit are affected.
     */
    private static void raiseMessageLimits(Admin admin, Set<String> existing)
            throws InterruptedException, TimeoutException {
        List<ConfigResource> topics = new ArrayList<>();
        for (String name : List.of(EVENTS, DEADLETTER)) {
            if (existing.contains(name)) {
                topics.add(new ConfigResource(ConfigResource.Type.TOPIC, name));
            }
        }
        if (topics.isEmpty()) {
            return;
        }
        String limit = Integer.toString(MAX_EVENT_MESSAGE_BYTES);
        try {
            Map<ConfigResource, Config> configs = admin.describeConfigs(topics).all().get(30, TimeUnit.SECONDS);
            Map<ConfigResource, Collection<AlterConfigOp>> raise = new HashMap<>();
            configs.forEach((topic, config) -> {
                ConfigEntry current = config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
                if (current == null || Long.parseLong(current.value()) < MAX_EVENT_MESSAGE_BYTES) {
                    raise.put(topic, List.of(new AlterConfigOp(
                            new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, limit), AlterConfigOp.OpType.SET)));
                }
            });
            if (raise.isEmpty()) {
                return;
            }
            admin.incrementalAlterConfigs(raise).all().get(30, TimeUnit.SECONDS);
            log.info("Raised message limit topics={} maxMessageBytes={}",
                    raise.keySet().stream().map(ConfigResource::name).toList(), limit);
        } catch (ExecutionException e) {
            log.warn("Cannot raise the message limit; events over it will be refused topics={} maxMessageBytes={} "
                    + "reason=\"{}\" hint=\"set max.message.bytes={} on these topics\"",
                    topics.stream().map(ConfigResource::name).toList(), limit, e.getCause().getMessage(), limit);
        }
    }
}
