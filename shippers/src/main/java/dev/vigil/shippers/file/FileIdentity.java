package dev.vigil.shippers.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Which file a tailed file is: device and inode, plus a fingerprint of its first bytes, so a reused
 * inode or content rewritten in place (copytruncate) is noticed.
 *
 * @param dev device number
 * @param ino inode number
 * @param fingerprintLength how many first bytes the fingerprint covers (up to {@link #FINGERPRINT_BYTES})
 * @param fingerprint hex of the first 8 bytes of the SHA-256 of those bytes
 */
record FileIdentity(long dev, long ino, int fingerprintLength, String fingerprint) {
    static final int FINGERPRINT_BYTES = 256;

    /** Device and inode of a path. */
    record Inode(long dev, long ino) {
        static Inode of(Path path) throws IOException {
            Map<String, Object> attrs = Files.readAttributes(path, "unix:dev,ino", LinkOption.NOFOLLOW_LINKS);
            return new Inode(((Number) attrs.get("dev")).longValue(), ((Number) attrs.get("ino")).longValue());
        }

        /** Prefix of the checkpoint keys of every generation of this inode. */
        String keyPrefix() {
            return "file/" + dev + ":" + ino + "/";
        }
    }

    Inode inode() {
        return new Inode(dev, ino);
    }

    /** Fingerprints the first {@code min(size, 256)} bytes of an open file. */
    static FileIdentity of(Inode inode, FileChannel ch) throws IOException {
        int length = (int) Math.min(ch.size(), FINGERPRINT_BYTES);
        return new FileIdentity(inode.dev, inode.ino, length, hash(ch, length));
    }

    /** True when the file's first bytes are still the ones fingerprinted. */
    boolean matches(FileChannel ch) throws IOException {
        return ch.size() >= fingerprintLength && fingerprint.equals(hash(ch, fingerprintLength));
    }

    /** The checkpoint key of this generation of the file. */
    String checkpointKey() {
        return inode().keyPrefix() + fingerprintLength + ":" + fingerprint;
    }

    /** Parses a checkpoint key written by {@link #checkpointKey()}. */
    static FileIdentity fromCheckpointKey(Inode inode, String key) {
        String[] fp = key.substring(inode.keyPrefix().length()).split(":", 2);
        return new FileIdentity(inode.dev, inode.ino, Integer.parseInt(fp[0]), fp[1]);
    }

    /** What makes event ids of this file unique. */
    String stream() {
        return dev + ":" + ino + ":" + fingerprintLength + ":" + fingerprint;
    }

    private static String hash(FileChannel ch, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length);
        while (buf.hasRemaining()) {
            if (ch.read(buf, buf.position()) < 0) {
                break;
            }
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(buf.array(), 0, buf.position());
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
