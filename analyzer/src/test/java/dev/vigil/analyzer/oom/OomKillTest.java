package dev.vigil.analyzer.oom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OomKillTest {

    @Test
    void shouldReadTheVictimOfAGlobalOomKillInTheCurrentFormat() {
        Optional<OomKill> kill = OomKill.parse("Out of memory: Killed process 632846 (uvicorn) total-vm:1873324kB, "
                + "anon-rss:1502312kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:3220kB oom_score_adj:0");

        assertEquals(Optional.of(new OomKill(632846, "uvicorn", 1502312, false)), kill);
        assertEquals(1467, kill.get().anonRssMib());
    }

    @Test
    void shouldMarkAKillInsideAMemoryCgroupLimit() {
        Optional<OomKill> kill = OomKill.parse("Memory cgroup out of memory: Killed process 419 (vigil-oom-hog) "
                + "total-vm:156204kB, anon-rss:65392kB, file-rss:1220kB, shmem-rss:0kB, UID:0 pgtables:356kB oom_score_adj:0");

        assertEquals(Optional.of(new OomKill(419, "vigil-oom-hog", 65392, true)), kill);
    }

    @Test
    void shouldReadTheOlderKilledProcessLineThatFollowsSacrificeChild() {
        Optional<OomKill> kill = OomKill.parse("Killed process 2411 (java) total-vm:4831212kB, anon-rss:3013116kB, file-rss:0kB");

        assertEquals(Optional.of(new OomKill(2411, "java", 3013116, false)), kill);
    }

    @Test
    void shouldKeepACommWithSpacesAndParentheses() {
        Optional<OomKill> kill = OomKill.parse("Out of memory: Killed process 77 (next-server (v1) total-vm:1kB, anon-rss:2kB, file-rss:0kB");

        assertEquals("next-server (v1", kill.orElseThrow().comm());
    }

    @Test
    void shouldIgnoreTheOtherLinesOfAnOomReport() {
        assertTrue(OomKill.parse("python3 invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=0").isEmpty());
        assertTrue(OomKill.parse("oom_reaper: reaped process 632846 (uvicorn), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB").isEmpty());
        assertTrue(OomKill.parse("oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task=uvicorn,pid=632846,uid=1000").isEmpty());
    }
}
