package dev.vigil.shippers.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {
    @TempDir Path state;

    @Test
    void shouldReadBackFlushedPositionsAfterReopen() throws IOException {
        CheckpointStore store = CheckpointStore.open(state);
        store.put("kmsg/boot-a", "42");
        store.put("journald/system", "s=abc;i=1");
        store.flush();

        CheckpointStore reopened = CheckpointStore.open(state);

        assertEquals(Optional.of("42"), reopened.position("kmsg/boot-a"));
        assertEquals(Optional.of("s=abc;i=1"), reopened.position("journald/system"));
        assertFalse(Files.exists(state.resolve(CheckpointStore.TEMP_NAME)), "temp file renamed away");
    }

    @Test
    void shouldWriteVersionedFormat() throws IOException {
        CheckpointStore store = CheckpointStore.open(state);
        store.put("kmsg/boot-a", "7");
        store.flush();

        String json = Files.readString(state.resolve(CheckpointStore.FILE_NAME));

        assertTrue(json.contains("\"version\" : 1"), json);
        assertTrue(json.contains("\"kmsg/boot-a\" : \"7\""), json);
    }

    @Test
    void shouldNotRewriteFileWhenNothingChanged() throws IOException {
        CheckpointStore store = CheckpointStore.open(state);
        store.put("kmsg/boot-a", "7");
        store.flush();
        Path file = state.resolve(CheckpointStore.FILE_NAME);
        FileTime marker = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(file, marker);

        store.put("kmsg/boot-a", "7");
        store.flush();

        assertEquals(marker, Files.getLastModifiedTime(file));
    }

    @Test
    void shouldPreferCompleteTempFileLeftByInterruptedWrite() throws IOException {
        Files.writeString(state.resolve(CheckpointStore.FILE_NAME),
                "{\"version\":1,\"positions\":{\"kmsg/boot-a\":\"1\"}}");
        Files.writeString(state.resolve(CheckpointStore.TEMP_NAME),
                "{\"version\":1,\"positions\":{\"kmsg/boot-a\":\"2\"}}");

        CheckpointStore store = CheckpointStore.open(state);

        assertEquals(Optional.of("2"), store.position("kmsg/boot-a"));
        assertFalse(Files.exists(state.resolve(CheckpointStore.TEMP_NAME)));
    }

    @Test
    void shouldIgnoreTornTempFile() throws IOException {
        Files.writeString(state.resolve(CheckpointStore.FILE_NAME),
                "{\"version\":1,\"positions\":{\"kmsg/boot-a\":\"1\"}}");
        Files.write(state.resolve(CheckpointStore.TEMP_NAME), "{\"version\":1,\"posi".getBytes(StandardCharsets.UTF_8));

        CheckpointStore store = CheckpointStore.open(state);

        assertEquals(Optional.of("1"), store.position("kmsg/boot-a"));
    }

    @Test
    void shouldRefuseUnknownFormatVersionNamingTheFile() throws IOException {
        Files.writeString(state.resolve(CheckpointStore.FILE_NAME), "{\"version\":9,\"positions\":{}}");

        IOException e = assertThrows(IOException.class, () -> CheckpointStore.open(state));

        assertTrue(e.getMessage().contains("format version 9"), e.getMessage());
        assertTrue(e.getMessage().contains(CheckpointStore.FILE_NAME), e.getMessage());
    }

    @Test
    void shouldListStreamsByPrefixAndForgetRemovedOnes() throws IOException {
        CheckpointStore store = CheckpointStore.open(state);
        store.put("file/1:2/a", "10");
        store.put("file/1:2/b", "20");
        store.put("kmsg/x", "3");

        store.remove("file/1:2/a");

        assertEquals(Map.of("file/1:2/b", "20"), store.positionsStartingWith("file/1:2/"));
    }
}
