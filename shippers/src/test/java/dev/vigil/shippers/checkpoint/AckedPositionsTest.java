package dev.vigil.shippers.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AckedPositionsTest {
    @TempDir Path state;

    @Test
    void shouldNotCommitLaterAckPastEarlierUnackedRecord() throws IOException {
        CheckpointStore store = CheckpointStore.open(state);
        AckedPositions stream = new AckedPositions("file/1:2/f", store);
        AckedPositions.Pending first = stream.track("100");
        AckedPositions.Pending second = stream.track("200");

        second.acknowledge();
        assertEquals(Optional.empty(), store.position("file/1:2/f"));

        first.acknowledge();
        assertEquals(Optional.of("200"), store.position("file/1:2/f"));
        assertEquals(0, stream.pendingCount());
    }

    @Test
    void shouldFreezeCheckpointBeforeFailedRecord() throws IOException {
        CheckpointStore store = CheckpointStore.open(state);
        AckedPositions stream = new AckedPositions("kmsg/b", store);
        stream.track("1").acknowledge();
        AckedPositions.Pending failed = stream.track("2");
        AckedPositions.Pending after = stream.track("3");

        failed.fail();
        after.acknowledge();

        assertEquals(Optional.of("1"), store.position("kmsg/b"));
        assertTrue(stream.hasFailed());
    }
}
