package dev.vigil.analyzer.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LogFormatTest {

    @Test
    void shouldCutTheContentOutOfAnHdfsStyleLine() {
        LogFormat format = LogFormat.parse("<Date> <Time> <Pid> <Level> <Component>: <Content>");
        assertEquals(Map.of("Date", "081109", "Time", "203615", "Pid", "148", "Level", "INFO",
                        "Component", "dfs.DataNode$PacketResponder", "Content", "PacketResponder 1 for block: x terminating"),
                format.fields("081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block: x terminating"));
    }

    @Test
    void shouldHonourEscapedBracketsAndRunsOfSpaces() {
        LogFormat format = LogFormat.parse("<Date> <Time> - <Level>  \\[<Node>:<Component>@<Id>\\] - <Content>");
        assertEquals("Notification time out: 3200", format.content(
                "2015-07-29 17:41:44,747 - INFO  [QuorumPeer[myid=1]/0:0:0:0:0:0:0:0:2181:FastLeaderElection@774] - Notification time out: 3200"));
    }

    @Test
    void shouldSplitOnLiteralPipes() {
        LogFormat format = LogFormat.parse("<Time>\\|<Component>\\|<Pid>\\|<Content>");
        assertEquals("onExtend:1514038530000 14 0 4",
                format.content("20171223-22:15:29:615|Step_LSC|30002312|onExtend:1514038530000 14 0 4"));
    }

    @Test
    void shouldReturnNullForALineWithAnotherLayout() {
        LogFormat format = LogFormat.parse("\\[<Time>\\] \\[<Level>\\] <Content>");
        assertNull(format.content("081109 203615 148 INFO dfs.DataNode: started"));
    }

    @Test
    void shouldRejectFieldsThatTouch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogFormat.parse("<Date><Content>"));
        assertEquals("fields <Date> and <Content> touch at column 7 of log format '<Date><Content>': "
                + "put literal text between them", e.getMessage());
    }
}
