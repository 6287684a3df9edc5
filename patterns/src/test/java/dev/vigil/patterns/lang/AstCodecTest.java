package dev.vigil.patterns.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AstCodecTest {
    /** The standard library and the lint goldens: every clause, condition and literal, broken ones included. */
    private static List<PatternFile> parsedFiles() throws IOException {
        try (Stream<Path> library = Files.list(Path.of("src/main/resources/vigil/library"));
             Stream<Path> goldens = Files.list(Path.of("src/test/resources/lint"))) {
            return Stream.concat(library, goldens).filter(p -> p.toString().endsWith(".vigil")).sorted()
                    .map(p -> {
                        try {
                            return PatternParser.parse(p.toString(), Files.readString(p, StandardCharsets.UTF_8)).file();
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }).toList();
        }
    }

    private static byte[] written(List<PatternFile> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AstCodec.write(files, new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    private static List<PatternFile> read(byte[] bytes) throws IOException {
        return AstCodec.read(new DataInputStream(new ByteArrayInputStream(bytes)));
    }

    @Test
    void everyParsedFileShouldReadBackEqualToWhatTheParserMade() throws IOException {
        List<PatternFile> parsed = parsedFiles();

        List<PatternFile> back = read(written(parsed));

        assertEquals(parsed.size(), back.size());
        for (int i = 0; i < parsed.size(); i++) {
            assertEquals(parsed.get(i), back.get(i), parsed.get(i).path());
        }
        // the goldens hold what the records' null fields stand for: an invalid duration, a missing silence
        assertFalse(parsed.stream().allMatch(f -> f.patterns().isEmpty()));
    }

    @Test
    void aStreamOfAnotherVersionShouldBeRefused() throws IOException {
        byte[] bytes = written(parsedFiles());
        bytes[3] = (byte) (AstCodec.VERSION + 1);

        IOException e = assertThrows(IOException.class, () -> read(bytes));
        assertEquals("parsed patterns of version " + (AstCodec.VERSION + 1) + ", expected " + AstCodec.VERSION, e.getMessage());
    }

    @Test
    void aCutStreamShouldBeRefusedNotReadShort() throws IOException {
        byte[] bytes = written(parsedFiles());

        assertThrows(IOException.class, () -> read(Arrays.copyOf(bytes, bytes.length / 2)));
    }
}
