package dev.vigil.shippers.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The acknowledged position of every source stream, kept in {@code checkpoints.json} in the
 * state folder.
 *
 * <p>Writes are atomic: the new content goes to a temp file that is fsynced and renamed over the
 * old one, then the folder is fsynced, so a crash leaves either the old or the new checkpoint.
 * A temp file left by a write interrupted after its fsync but before its rename is newer than the
 * main file and is preferred when it parses. Nothing is written when nothing changed.
 */
public final class CheckpointStore {
    /** Version of the on-disk format; bump it (and read the old one) on incompatible changes. */
    public static final int FORMAT_VERSION = 1;
    static final String FILE_NAME = "checkpoints.json";
    static final String TEMP_NAME = "checkpoints.json.tmp";

    private static final Logger log = LoggerFactory.getLogger(CheckpointStore.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final Path temp;
    private final Map<String, String> positions = new TreeMap<>();
    private boolean dirty;

    private CheckpointStore(Path stateDir) {
        this.file = stateDir.resolve(FILE_NAME);
        this.temp = stateDir.resolve(TEMP_NAME);
    }

    /** Opens the store in {@code stateDir}, creating the folder, and loads what it holds. */
    public static CheckpointStore open(Path stateDir) throws IOException {
        Files.createDirectories(stateDir);
        CheckpointStore store = new CheckpointStore(stateDir);
        store.load();
        return store;
    }

    /** The acknowledged position of a stream, if one was saved. */
    public synchronized Optional<String> position(String stream) {
        return Optional.ofNullable(positions.get(stream));
    }

    /** All streams whose key starts with {@code prefix}, with their positions. */
    public synchronized Map<String, String> positionsStartingWith(String prefix) {
        Map<String, String> out = new TreeMap<>();
        positions.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** Records a stream's new position; it reaches disk on the next {@link #flush()}. */
    public synchronized void put(String stream, String position) {
        if (!position.equals(positions.put(stream, position))) {
            dirty = true;
        }
    }

    /** Forgets a stream (a file that was deleted, a file generation that was truncated away). */
    public synchronized void remove(String stream) {
        if (positions.remove(stream) != null) {
            dirty = true;
        }
    }

    /** Writes the positions to disk atomically when they changed since the last flush. */
    public synchronized void flush() {
        if (!dirty) {
            return;
        }
        try {
            writeAtomically(serialise());
            dirty = false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint file=" + file, e);
        }
    }

    private byte[] serialise() throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", FORMAT_VERSION);
        ObjectNode p = root.putObject("positions");
        positions.forEach(p::put);
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    private void writeAtomically(byte[] content) throws IOException {
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(content);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("state folder does not support atomic rename: " + file.getParent(), e);
        }
        syncFolder();
    }

    private void syncFolder() {
        // makes the rename itself durable; not every file system lets a folder be opened
        try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            log.debug("Cannot fsync state folder folder={} reason=\"{}\"", file.getParent(), e.getMessage());
        }
    }

    private void load() throws IOException {
        if (Files.exists(temp)) {
            Optional<Map<String, String>> fromTemp = tryRead(temp);
            if (fromTemp.isPresent()) {
                positions.putAll(fromTemp.get());
                log.info("Checkpoint recovered from interrupted write file={} streams={}", temp, positions.size());
                dirty = true;
                flush();
                return;
            }
            Files.delete(temp);
        }
        if (Files.exists(file)) {
            positions.putAll(tryRead(file).orElseThrow(() -> new IOException(
                    "checkpoint file is not valid: " + file + "; move it away to start from scratch")));
            log.info("Checkpoint loaded file={} streams={}", file, positions.size());
        }
    }

    private static Optional<Map<String, String>> tryRead(Path path) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readAllBytes(path));
        } catch (IOException e) {
            log.warn("Unreadable checkpoint file={} reason=\"{}\"", path, e.getMessage());
            return Optional.empty();
        }
        if (root == null || !root.path("positions").isObject()) {
            return Optional.empty();
        }
        int version = root.path("version").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw new IOException("checkpoint file " + path + " has format version " + version
                    + ", this shipper reads version " + FORMAT_VERSION);
        }
        Map<String, String> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("positions").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().asText());
        }
        return Optional.of(out);
    }
}
