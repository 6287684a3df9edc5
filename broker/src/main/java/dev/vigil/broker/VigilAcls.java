package dev.vigil.broker;

import static org.apache.kafka.common.acl.AclOperation.ALL;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.IDEMPOTENT_WRITE;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;
import static org.apache.kafka.common.resource.PatternType.LITERAL;
import static org.apache.kafka.common.resource.PatternType.PREFIXED;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * What each {@link VigilPrincipal} may do on the embedded broker, run by Kafka's
 * {@code StandardAuthorizer} with {@code allow.everyone.if.no.acl.found=false}: what is not
 * granted here is refused. {@link VigilPrincipal#BROKER} and {@link VigilPrincipal#OPERATOR} are
 * super users and need no grant.
 *
 * <ul>
 *   <li>shipper: write (and describe) {@code vigil.events} and {@code vigil.deadletter}; idempotent
 *       produce. It cannot read anything nor write {@code vigil.patterns}.
 *   <li>analyzer: read {@code vigil.events}, {@code vigil.patterns}; write {@code vigil.incidents},
 *       {@code vigil.deadletter}; everything on the topics, consumer groups and transactional ids
 *       whose names start with {@value #ANALYZER_PREFIX} (Kafka Streams' internal topics, its group,
 *       its exactly-once producers).
 * </ul>
 */
public final class VigilAcls {
    /** The prefix of the analyzer's application id, and so of its internal topics, group and transactional ids. */
    public static final String ANALYZER_PREFIX = "vigil-analyzer";

    private VigilAcls() {}

    /** Every grant. */
    public static List<AclBinding> bindings() {
        List<AclBinding> out = new ArrayList<>();
        VigilPrincipal shipper = VigilPrincipal.SHIPPER;
        for (String topic : List.of(VigilTopics.EVENTS, VigilTopics.DEADLETTER)) {
            out.add(allow(shipper, ResourceType.TOPIC, topic, LITERAL, WRITE));
            out.add(allow(shipper, ResourceType.TOPIC, topic, LITERAL, DESCRIBE));
        }
        out.add(allow(shipper, ResourceType.CLUSTER, "kafka-cluster", LITERAL, IDEMPOTENT_WRITE));

        VigilPrincipal analyzer = VigilPrincipal.ANALYZER;
        for (String topic : List.of(VigilTopics.EVENTS, VigilTopics.PATTERNS)) {
            out.add(allow(analyzer, ResourceType.TOPIC, topic, LITERAL, READ));
        }
        for (String topic : List.of(VigilTopics.INCIDENTS, VigilTopics.DEADLETTER)) {
            out.add(allow(analyzer, ResourceType.TOPIC, topic, LITERAL, WRITE));
            out.add(allow(analyzer, ResourceType.TOPIC, topic, LITERAL, DESCRIBE));
        }
        for (ResourceType own : List.of(ResourceType.TOPIC, ResourceType.GROUP, ResourceType.TRANSACTIONAL_ID)) {
            out.add(allow(analyzer, own, ANALYZER_PREFIX, PREFIXED, ALL));
        }
        out.add(allow(analyzer, ResourceType.CLUSTER, "kafka-cluster", LITERAL, IDEMPOTENT_WRITE));
        return out;
    }

    /** Creates the grants that are missing and returns once the broker enforces all of them. */
    static void ensure(Admin admin) {
        try {
            Set<AclBinding> wanted = new HashSet<>(bindings());
            Collection<AclBinding> existing = admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS);
            wanted.removeAll(existing);
            if (!wanted.isEmpty()) {
                admin.createAcls(wanted).all().get(30, TimeUnit.SECONDS);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS).containsAll(bindings())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the broker did not apply Vigil's ACLs within 30 s");
                }
                Thread.onSpinWait();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create Vigil's ACLs: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within 30 s while creating ACLs", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating ACLs", e);
        }
    }

    private static AclBinding allow(VigilPrincipal who, ResourceType type, String name, PatternType pattern,
            AclOperation op) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry(who.kafkaPrincipal(), "*", op, AclPermissionType.ALLOW));
    }
}
