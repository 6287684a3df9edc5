package dev.vigil.shippers.file;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Tells each followed file that left its path how it left: rotated (renamed, or out of sight, and
 * a new file at its path), or deleted. A rotation is two steps (logrotate's create mode: mv, then
 * the service opens the file anew): a scan between them finds the old path empty, and judging then
 * called a rotation a deletion, or said nothing of a rename. So a file that leaves its path empty
 * is judged when a new file stands there, or, out of sight, one scan later as deleted; one renamed
 * in sight waits for the new file as long as it is followed.
 */
final class MovedFiles {
    private final Function<Path, Optional<FileIdentity.Inode>> inodeOf;
    /** Files that left their path with nothing there yet, by that path. */
    private final Map<TailedFile, Path> leftEmpty = new HashMap<>();
    /** Files already told how they left. */
    private final Set<TailedFile> judged = new HashSet<>();

    MovedFiles(Function<Path, Optional<FileIdentity.Inode>> inodeOf) {
        this.inodeOf = inodeOf;
    }

    /** Looks at every followed file against where this scan found each inode ({@code byInode}). */
    void notice(Collection<TailedFile> tracked, Map<FileIdentity.Inode, Path> byInode) throws InterruptedException {
        leftEmpty.keySet().retainAll(tracked);
        judged.retainAll(tracked);
        for (TailedFile f : tracked) {
            Path now = byInode.get(f.inode());
            if (leftEmpty.containsKey(f)) {
                judgeLeftEmpty(f, now);
                if (now == null || f.path().equals(now)) {
                    continue;
                }
            }
            if (f.path().equals(now) || (now == null && judged.contains(f))) {
                continue;
            }
            Path old = f.path();
            Optional<FileIdentity.Inode> atOldPath = inodeOf.apply(old);
            if (now != null) {
                f.renamedTo(now);
            }
            if (atOldPath.isPresent()) {
                rotated(f, now, atOldPath.get());
            } else {
                leftEmpty.put(f, old);
            }
        }
    }

    private void judgeLeftEmpty(TailedFile f, Path now) throws InterruptedException {
        Optional<FileIdentity.Inode> there = inodeOf.apply(leftEmpty.get(f)).filter(i -> !i.equals(f.inode()));
        if (there.isPresent()) {
            leftEmpty.remove(f);
            rotated(f, now, there.get());
        } else if (now == null) {
            leftEmpty.remove(f);
            left(f, "file_deleted", "path no longer exists");
        }
    }

    /** {@code f} left its path for {@code now} (null: out of sight), and the file {@code successor} stands there. */
    private void rotated(TailedFile f, Path now, FileIdentity.Inode successor) throws InterruptedException {
        left(f, "file_rotated", now != null ? "renamed to " + now : "replaced by inode " + successor.ino());
    }

    private void left(TailedFile f, String kind, String detail) throws InterruptedException {
        judged.add(f);
        f.leftPath(kind, detail);
    }
}
