package dev.vigil.analyzer.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineSourceTest {
    @TempDir
    Path dir;

    private List<LineSource.Line> lines(byte[] content) throws IOException {
        Path file = dir.resolve("log");
        Files.write(file, content);
        List<LineSource.Line> out = new ArrayList<>();
        try (LineSource source = new LineSource(file)) {
            for (LineSource.Line l = source.next(); l != null; l = source.next()) {
                out.add(l);
            }
        }
        return out;
    }

    @Test
    void shouldGiveEachLineItsByteOffsetWhenLinesHoldMultiByteCharacters() throws IOException {
        // "é" is 2 bytes, "€" 3 and "😀" 4 in UTF-8: offsets count bytes, not characters
        List<LineSource.Line> got = lines("é€\n😀 ok\nlast\n".getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of(new LineSource.Line("é€", 0, true, 1, false), new LineSource.Line("😀 ok", 6, true, 2, false),
                new LineSource.Line("last", 14, true, 3, false)), got);
    }

    @Test
    void shouldCountTheRawBytesOfInvalidUtf8AndReplaceThem() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[] {'a', (byte) 0xff, (byte) 0xfe, 'b', '\n'});
        b.write("next\n".getBytes(StandardCharsets.UTF_8));

        List<LineSource.Line> got = lines(b.toByteArray());

        assertEquals("a\uFFFD\uFFFDb", got.get(0).text());
        assertEquals(5, got.get(1).offset(), "the second line starts after the 5 raw bytes of the first");
    }

    @Test
    void shouldLeaveAUtf8ByteOrderMarkOutOfTheFirstLineButCountItsBytes() throws IOException {
        byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(bom);
        b.write("first\n".getBytes(StandardCharsets.UTF_8));
        b.write(bom);
        b.write("second\n".getBytes(StandardCharsets.UTF_8));

        List<LineSource.Line> got = lines(b.toByteArray());

        assertEquals(List.of(new LineSource.Line("first", 0, true, 1, false), new LineSource.Line("\uFEFFsecond", 9, true, 2, false)),
                got, "only the file's first bytes are a mark; a U+FEFF later is text");
    }

    @Test
    void shouldStripACarriageReturnAndFlagALastLineWithoutNewline() throws IOException {
        List<LineSource.Line> got = lines("windows\r\ncut mid-li".getBytes(StandardCharsets.UTF_8));

        assertEquals(new LineSource.Line("windows", 0, true, 1, false), got.get(0));
        assertEquals(new LineSource.Line("cut mid-li", 9, false, 2, false), got.get(1));
    }

    @Test
    void shouldReadALineLongerThanItsBufferWhole() throws IOException {
        String longLine = "x".repeat(200_000) + "é";
        List<LineSource.Line> got = lines((longLine + "\nafter\n").getBytes(StandardCharsets.UTF_8));

        assertEquals(longLine, got.get(0).text());
        assertEquals(new LineSource.Line("after", 200_003, true, 2, false), got.get(1));
    }

    @Test
    void shouldCutALineAtTheCapWithoutSplittingACharacterAndFlagIt() throws IOException {
        Path file = dir.resolve("log");
        // 63 ASCII bytes then "é" (2 bytes): a 64-byte cap falls inside the "é"
        Files.write(file, ("a".repeat(63) + "é" + "z".repeat(1000) + "\nnext\n").getBytes(StandardCharsets.UTF_8));
        List<LineSource.Line> got = new ArrayList<>();
        try (LineSource source = new LineSource(file, BadRecords.unreported(file), 64)) {
            for (LineSource.Line l = source.next(); l != null; l = source.next()) {
                got.add(l);
            }
        }

        assertEquals(new LineSource.Line("a".repeat(63), 0, true, 1, true), got.get(0));
        assertEquals(new LineSource.Line("next", 1066, true, 2, false), got.get(1));
    }

    @Test
    void shouldLeaveOutRunsOfNulsWithANoteButKeepAFewNulsAsText() throws IOException {
        Path file = dir.resolve("log");
        byte[] filler = new byte[100_000];
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write("first\n".getBytes(StandardCharsets.UTF_8));
        b.write(filler);
        b.write("\nsecond\u0000\u0000third\n".getBytes(StandardCharsets.UTF_8));
        b.write(filler);
        b.write("after a crash\n".getBytes(StandardCharsets.UTF_8));
        Files.write(file, b.toByteArray());
        List<String> notes = new ArrayList<>();
        List<LineSource.Line> got = new ArrayList<>();
        try (LineSource source = new LineSource(file, new BadRecords(file, notes::add))) {
            for (LineSource.Line l = source.next(); l != null; l = source.next()) {
                got.add(l);
            }
        }

        assertEquals(List.of(new LineSource.Line("first", 0, true, 1, false),
                new LineSource.Line("second\u0000\u0000third", 100_007, true, 3, false),
                new LineSource.Line("after a crash", 100_021, true, 4, false)), got,
                "a line of NULs only is no line; a crashed file's NULs before the next write are left out");
        assertEquals(List.of("skipped " + file + ":2: 100000 NUL bytes (a preallocated or crashed file)",
                "skipped " + file + ":4: 100000 NUL bytes (a preallocated or crashed file)"), notes);
    }
    @Test
    void shouldReadEveryLineAsItsBytesDecodedWhereverTheBuffersEndAndWhateverTheyHold() throws IOException {
        // lines of every kind across many buffers: ASCII (most), CRLF, UTF-8, invalid UTF-8, a NUL,
        // empty, and long ones that cross a buffer's end; a buffer with any byte beyond ASCII or a NUL
        // is read byte by byte, one of ASCII alone as text
        java.util.Random random = new java.util.Random(41);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        List<LineSource.Line> expected = new ArrayList<>();
        long offset = 0;
        for (int n = 1; offset < 1_200_000; n++) {
            int kind = random.nextInt(40);
            if ((n / 1000) % 2 == 1 && kind >= 1 && kind <= 3) {
                kind = 5; // every other stretch of 1,000 lines (a few buffers) is ASCII alone
            }
            String text = "line " + n + " " + "abcdefghij".repeat(random.nextInt(kind == 0 ? 800 : 25));
            byte[] bytes = switch (kind) {
                case 1 -> (text + " é€").getBytes(StandardCharsets.UTF_8);
                case 2 -> concat(text.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xff, 'x'});
                case 3 -> (text + "\u0000x").getBytes(StandardCharsets.UTF_8);
                case 4 -> new byte[0];
                default -> text.getBytes(StandardCharsets.UTF_8);
            };
            boolean crlf = random.nextInt(10) == 0;
            b.write(bytes);
            b.write(crlf ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
            expected.add(new LineSource.Line(new String(bytes, StandardCharsets.UTF_8), offset, true, n, false));
            offset += bytes.length + (crlf ? 2 : 1);
        }

        assertEquals(expected, lines(b.toByteArray()));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
