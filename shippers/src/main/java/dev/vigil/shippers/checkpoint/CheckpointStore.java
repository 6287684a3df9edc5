package dev.vigil.shippers.checkpoint;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
    /** jackson-core's streaming API, not databind: the shipper loads a few hundred classes fewer. */
    private static final JsonFactory JSON = new JsonFactory();

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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            g.writeStartObject();
            g.writeNumberField("version", FORMAT_VERSION);
            g.writeObjectFieldStart("positions");
            for (Map.Entry<String, String> e : positions.entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        return out.toByteArray();
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
        Saved saved;
        try (JsonParser p = JSON.createParser(Files.readAllBytes(path))) {
            saved = Saved.read(p);
        } catch (IOException e) {
            log.warn("Unreadable checkpoint file={} reason=\"{}\"", path, e.getMessage());
            return Optional.empty();
        }
        if (saved.positions() == null) {
            return Optional.empty();
        }
        if (saved.version() != FORMAT_VERSION) {
            throw new IOException("checkpoint file " + path + " has format version " + saved.version()
                    + ", this shipper reads version " + FORMAT_VERSION);
        }
        return Optional.of(saved.positions());
    }

    /** What a checkpoint file holds; {@code positions} is null when it has no "positions" object. */
    private record Saved(int version, Map<String, String> positions) {
        static Saved read(JsonParser p) throws IOException {
            int version = -1;
            Map<String, String> positions = null;
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new Saved(version, null);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("version") && value.isScalarValue()) {
                    version = p.getValueAsInt(-1);
                } else if (name.equals("positions") && value == JsonToken.START_OBJECT) {
                    positions = readPositions(p);
                } else {
                    p.skipChildren();
                }
            }
            return new Saved(version, positions);
        }

        private static Map<String, String> readPositions(JsonParser p) throws IOException {
            Map<String, String> out = new TreeMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken value = p.nextToken();
                if (value.isScalarValue()) {
                    out.put(key, p.getValueAsString(p.getText()));
                } else {
                    p.skipChildren();
                    out.put(key, "");
                }
            }
            return out;
        }
    }
}
