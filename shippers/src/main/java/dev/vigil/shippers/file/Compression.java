package dev.vigil.shippers.file;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * What a file is compressed with, known by its first bytes (not its name: logrotate's
 * {@code compressext} and hand-made copies name files any way). A rotated, compressed log is a
 * finished file in another format: the file shipper does not tail one, and replay reads gzip (the
 * format logrotate writes by default) and names the tool for the others.
 */
public enum Compression {
    NONE(null, new int[0]),
    GZIP("gzip", new int[] {0x1f, 0x8b}),
    ZSTD("zstd", new int[] {0x28, 0xb5, 0x2f, 0xfd}),
    XZ("xz", new int[] {0xfd, '7', 'z', 'X', 'Z', 0x00}),
    BZIP2("bzip2", new int[] {'B', 'Z', 'h'}),
    LZ4("lz4", new int[] {0x04, 0x22, 0x4d, 0x18});

    /** The longest magic: how many bytes {@link #of(Path)} reads. */
    private static final int HEAD = 6;

    private final String tool;
    private final int[] magic;

    Compression(String tool, int[] magic) {
        this.tool = tool;
        this.magic = magic;
    }

    /** The compressor's name as its command spells it ({@code zstd}), or null for {@link #NONE}. */
    public String tool() {
        return tool;
    }

    /** The compression of the file at {@code path} (an empty or short file is {@link #NONE}). */
    public static Compression of(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return of(in.readNBytes(HEAD));
        }
    }

    /** The compression whose magic {@code head} starts with. */
    public static Compression of(byte[] head) {
        for (Compression c : values()) {
            if (c != NONE && startsWith(head, c.magic)) {
                return c;
            }
        }
        return NONE;
    }

    /** True for what {@link #open} reads as text: a plain file, or gzip. */
    public boolean readAsText() {
        return this == NONE || this == GZIP;
    }

    /**
     * Up to the first {@code n} bytes of the file's text ({@link #open}); of a gzip file cut short,
     * those before the cut (its reader reports the cut).
     */
    public static byte[] head(Path path, int n) throws IOException {
        byte[] head = new byte[n];
        int read = 0;
        try (InputStream in = open(path)) {
            for (int r; read < n && (r = in.read(head, read, n - read)) > 0; ) {
                read += r;
            }
        } catch (EOFException cutGzip) {
            // what was read before the cut is the head
        }
        return Arrays.copyOf(head, read);
    }

    /**
     * The text of the file at {@code path}: a gzip file decompressed (every member, as {@code zcat}
     * reads a file that was appended to), any other file as it is.
     */
    public static InputStream open(Path path) throws IOException {
        InputStream in = Files.newInputStream(path);
        if (of(path) != GZIP) {
            return in;
        }
        try {
            return new GZIPInputStream(new BufferedInputStream(in, 1 << 16), 1 << 16);
        } catch (IOException e) {
            in.close();
            throw new IOException(path + " starts as a gzip file but is not one: " + e.getMessage(), e);
        }
    }

    private static boolean startsWith(byte[] head, int[] magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
