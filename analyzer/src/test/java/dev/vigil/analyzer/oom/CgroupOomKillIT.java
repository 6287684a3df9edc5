package dev.vigil.analyzer.oom;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real kernel OOM-kills a real process in a memory cgroup, and the kill is in the real
 * {@code /dev/kmsg} with the victim's pid and task name: the ground truth Vigil's kernel source
 * and {@code oom_kill} pattern are built against.
 */
@Tag("integration")
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class CgroupOomKillIT {

    @Test
    void shouldFindTheKernelsOomKillOfTheVictimInDevKmsg() throws Exception {
        CgroupOomKill.Availability cgroups = CgroupOomKill.detect();
        assumeTrue(cgroups.isAvailable(), () -> "skipped: " + cgroups.reason());
        String kmsgProblem = KmsgTail.unavailableReason();
        assumeTrue(kmsgProblem == null, () -> "skipped: " + kmsgProblem);

        try (KmsgTail kmsg = KmsgTail.start()) {
            await("our marker record read back from /dev/kmsg").atMost(Duration.ofSeconds(20))
                    .until(kmsg::isFollowing);

            CgroupOomKill.Result victim = cgroups.fixture().killOne(Duration.ofSeconds(30));

            assertEquals(9, victim.signal(), "the OOM killer sends SIGKILL");
            assertEquals(1, victim.oomKills(), "the cgroup counts exactly one OOM kill");
            String killed = "Memory cgroup out of memory: Killed process " + victim.pid() + " (" + victim.comm() + ")";
            String summary = "task=" + victim.comm() + ",pid=" + victim.pid() + ",";
            KmsgTail.Record kill = await("'" + killed + "' in /dev/kmsg").atMost(Duration.ofSeconds(20))
                    .until(() -> find(kmsg.records(), killed), Objects::nonNull);
            KmsgTail.Record oomKill = kmsg.records().stream()
                    .filter(r -> r.message().startsWith("oom-kill:") && r.message().contains(summary))
                    .findFirst().orElse(null);
            assertEquals(3, kill.level(), "the kill is logged at KERN_ERR");
            assertTrue(oomKill != null && oomKill.message().contains("task_memcg=" + victim.cgroup() + ","),
                    "oom-kill summary naming " + summary + " in " + victim.cgroup() + ": " + oomKill);
            assertTrue(oomKill.seq() < kill.seq(), "the summary line comes before the kill line");
        }
    }

    private static KmsgTail.Record find(List<KmsgTail.Record> records, String prefix) {
        return records.stream().filter(r -> r.message().startsWith(prefix)).findFirst().orElse(null);
    }
}
