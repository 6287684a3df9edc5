package dev.vigil.shippers.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompressionTest {
    @TempDir Path dir;

    @Test
    void shouldKnowEachFormatByItsFirstBytesNotItsName() {
        assertEquals(Compression.GZIP, Compression.of(new byte[] {0x1f, (byte) 0x8b, 8, 0}));
        assertEquals(Compression.ZSTD, Compression.of(new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0}));
        assertEquals(Compression.XZ, Compression.of(new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0}));
        assertEquals(Compression.BZIP2, Compression.of("BZh91AY".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Compression.LZ4, Compression.of(new byte[] {0x04, 0x22, 0x4d, 0x18, 0x64}));
        assertEquals(Compression.NONE, Compression.of("BZh".substring(0, 2).getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Compression.NONE, Compression.of("2026-03-14 02:11:07,398 ERROR".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Compression.NONE, Compression.of(new byte[0]));
    }

    @Test
    void shouldReadEveryMemberOfAGzipFileAsZcatDoes() throws IOException {
        Path gz = dir.resolve("app.log.1");
        try (OutputStream out = Files.newOutputStream(gz)) {
            for (String part : new String[] {"first\n", "second\n"}) {
                GZIPOutputStream member = new GZIPOutputStream(out);
                member.write(part.getBytes(StandardCharsets.UTF_8));
                member.finish();
            }
        }

        try (InputStream in = Compression.open(gz)) {
            assertEquals("first\nsecond\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void shouldSayWhenAFileThatStartsAsGzipIsNot() throws IOException {
        Path bad = Files.write(dir.resolve("bad.gz"), new byte[] {0x1f, (byte) 0x8b, 0x01});

        IOException e = assertThrows(IOException.class, () -> Compression.open(bad).close());

        assertEquals(bad + " starts as a gzip file but is not one: Unsupported compression method", e.getMessage());
    }
}
