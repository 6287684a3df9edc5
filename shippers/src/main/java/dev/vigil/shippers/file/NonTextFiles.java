package dev.vigil.shippers.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files a glob matches that are no text logs, which the tailer leaves alone: compressed ones
 * (logrotate's {@code compress} turns {@code app.log.1} into {@code app.log.2.gz}, a finished file
 * in another format, and a glob such as {@code /var/log/app/*} matches it beside the live log) and
 * binary ones a wildcard takes in (wtmp, btmp and lastlog beside the logs of {@code /var/log/*},
 * {@link BinaryContent}). A file named by its own path is tailed whatever its first bytes: the user
 * asked for it, and a log that starts with garbage still has lines after it (shipped flagged
 * {@code invalid_utf8}). Each is logged once, by inode. A file is judged when it is found: one found
 * empty is a log that has not been written yet.
 */
final class NonTextFiles {
    private static final Logger log = LoggerFactory.getLogger(NonTextFiles.class);

    private final Set<FileIdentity.Inode> known = new HashSet<>();

    /**
     * True when {@code path}, matched by {@code input}, is compressed, or binary and taken in by a
     * wildcard (known, or found now by its first bytes).
     */
    boolean skips(FileIdentity.Inode inode, Path path, FileInput input) {
        if (known.contains(inode)) {
            return true;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(BinaryContent.HEAD_BYTES); // one read for both checks
        } catch (IOException e) {
            return false; // opening it reports why it cannot be read
        }
        Compression c = Compression.of(head);
        boolean binary = c == Compression.NONE && !input.namesOneFile() && BinaryContent.looksBinary(head);
        if (c != Compression.NONE) {
            log.info("Not tailing compressed file file={} compression={} (vigil replay reads a gzip file)", path, c.tool());
        } else if (binary) {
            log.info("Not tailing binary file file={} reason=\"control bytes in its first {} bytes: not a text log\"",
                    path, BinaryContent.HEAD_BYTES);
        } else {
            return false;
        }
        known.add(inode);
        return true;
    }

    /** Forgets the files no longer found, so a reused inode is looked at again. */
    void keepOnly(Set<FileIdentity.Inode> found) {
        known.retainAll(found);
    }
}
