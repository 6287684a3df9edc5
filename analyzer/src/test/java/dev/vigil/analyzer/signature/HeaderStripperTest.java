package dev.vigil.analyzer.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HeaderStripperTest {

    private final HeaderStripper stripper = new HeaderStripper();

    @Test
    void shouldDropIsoTimestampAndLevel() {
        assertEquals("Failed to create environment: boom",
                stripper.strip("2026-02-08 09:37:12 ERROR Failed to create environment: boom"));
        assertEquals("Send worker leaving thread",
                stripper.strip("2015-07-29 19:04:29,071 - WARN Send worker leaving thread"));
    }

    @Test
    void shouldDropTheThreadInBracketsAfterTheLevel() {
        assertEquals("org.apache.hadoop.mapreduce.v2.app.MRAppMaster: Created MRAppMaster",
                stripper.strip("2015-10-18 18:01:47,978 INFO [RMCommunicator Allocator] "
                        + "org.apache.hadoop.mapreduce.v2.app.MRAppMaster: Created MRAppMaster"));
        assertEquals("Notification time out: 3200", stripper.strip("2015-07-29 17:41:44,747 - INFO  "
                + "[QuorumPeer[myid=1]/0:0:0:0:0:0:0:0:2181:FastLeaderElection@774] - Notification time out: 3200"));
    }

    @Test
    void shouldDropBracketedDateAndLevel() {
        assertEquals("workerEnv.init() ok /etc/httpd/conf/workers2.properties",
                stripper.strip("[Sun Dec 04 04:47:44 2005] [notice] workerEnv.init() ok /etc/httpd/conf/workers2.properties"));
    }

    @Test
    void shouldDropSyslogHostAndProgram() {
        assertEquals("Invalid user webmaster from 173.234.31.186",
                stripper.strip("Dec 10 06:55:46 LabSZ sshd[24200]: Invalid user webmaster from 173.234.31.186"));
    }

    @Test
    void shouldKeepALineThatDoesNotStartWithATime() {
        assertEquals("worker 3 started at 10:00", stripper.strip("worker 3 started at 10:00"));
    }
}
