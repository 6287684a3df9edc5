package dev.vigil.analyzer.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.analyzer.topology.HangingTransactions.Open;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Which open transactions no coordinator will finish. The figures are those of a fault run's
 * broker whose restore never ended: producer 0 had records of epoch 7 on vigil-hosts-changelog-1
 * from offset 26 with no marker after them, while its coordinator had logged that transaction's
 * commit complete and run later transactions (epoch 13) on other partitions.
 */
class HangingTransactionsTest {
    private static final TopicPartition HOSTS_1 = new TopicPartition("vigil-faults-vigil-hosts-changelog", 1);
    private static final TopicPartition IDS_0 = new TopicPartition("vigil-faults-vigil-dedupe-ids-changelog", 0);
    private static final String TXN_ID = "vigil-faults-59191167-89dd-45d5-b736-e67336cf9e59-1";

    private static Open open(TopicPartition p, long producerId) {
        return new Open(p, producerId, (short) 7, 0, 26, 1796408282613L);
    }

    @Test
    void shouldCallHangingATransactionItsCoordinatorRunsOnOtherPartitionsOnly() {
        List<Open> hanging = HangingTransactions.hanging(List.of(open(HOSTS_1, 0)), Map.of(0L, TXN_ID), Map.of(TXN_ID, Set.of(IDS_0)));

        assertEquals(List.of(open(HOSTS_1, 0)), hanging);
    }

    @Test
    void shouldLeaveATransactionItsCoordinatorStillRunsOnThatPartition() {
        assertEquals(List.of(), HangingTransactions.hanging(List.of(open(HOSTS_1, 0)), Map.of(0L, TXN_ID),
                Map.of(TXN_ID, Set.of(HOSTS_1, IDS_0))));
    }

    @Test
    void shouldCallHangingATransactionWhoseProducerOrTransactionalIdNoCoordinatorKnows() {
        List<Open> open = List.of(open(HOSTS_1, 0), open(IDS_0, 5));

        // producer 5 has no transactional id any more; producer 0's id is not known to its coordinator
        assertEquals(open, HangingTransactions.hanging(open, Map.of(0L, TXN_ID), Map.of()));
    }
}
