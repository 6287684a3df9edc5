package dev.vigil.shippers.file;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compressed files a glob matches, which the tailer leaves alone: logrotate's {@code compress}
 * turns {@code app.log.1} into {@code app.log.2.gz}, a finished file in another format, and a glob
 * such as {@code /var/log/app/*} matches it beside the live log. Each is logged once, by inode.
 */
final class CompressedFiles {
    private static final Logger log = LoggerFactory.getLogger(CompressedFiles.class);

    private final Set<FileIdentity.Inode> known = new HashSet<>();

    /** True when {@code path} is a compressed file (known, or found now by its first bytes). */
    boolean skips(FileIdentity.Inode inode, Path path) {
        if (known.contains(inode)) {
            return true;
        }
        Compression c;
        try {
            c = Compression.of(path);
        } catch (IOException e) {
            return false; // opening it reports why it cannot be read
        }
        if (c == Compression.NONE) {
            return false;
        }
        known.add(inode);
        log.info("Not tailing compressed file file={} compression={} (vigil replay reads a gzip file)", path, c.tool());
        return true;
    }

    /** Forgets the files no longer found, so a reused inode is looked at again. */
    void keepOnly(Set<FileIdentity.Inode> found) {
        known.retainAll(found);
    }
}
