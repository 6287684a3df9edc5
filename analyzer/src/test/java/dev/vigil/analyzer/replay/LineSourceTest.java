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

        assertEquals(List.of(new LineSource.Line("é€", 0, true), new LineSource.Line("😀 ok", 6, true),
                new LineSource.Line("last", 14, true)), got);
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
    void shouldStripACarriageReturnAndFlagALastLineWithoutNewline() throws IOException {
        List<LineSource.Line> got = lines("windows\r\ncut mid-li".getBytes(StandardCharsets.UTF_8));

        assertEquals(new LineSource.Line("windows", 0, true), got.get(0));
        assertEquals(new LineSource.Line("cut mid-li", 9, false), got.get(1));
    }

    @Test
    void shouldReadALineLongerThanItsBufferWhole() throws IOException {
        String longLine = "x".repeat(200_000) + "é";
        List<LineSource.Line> got = lines((longLine + "\nafter\n").getBytes(StandardCharsets.UTF_8));

        assertEquals(longLine, got.get(0).text());
        assertEquals(new LineSource.Line("after", 200_003, true), got.get(1));
    }
}
