package dev.vigil.patterns.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.patterns.lang.AstCodec;
import dev.vigil.patterns.lang.PatternFile;
import dev.vigil.patterns.lint.PatternLinter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParsedLibraryTest {
    private static List<String> fingerprints(PatternLinter.Result result) {
        return result.patterns().stream().map(p -> p.name() + " " + p.line() + " " + p.fingerprint()).toList();
    }

    @Test
    void theBuildsParsedLibraryShouldBeEveryLibraryFileAsItParsesNow() throws IOException {
        List<PatternFile> built;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ParsedLibrary.RESOURCE)) {
            assertNotNull(in, "the build writes " + ParsedLibrary.RESOURCE);
            built = AstCodec.read(new DataInputStream(in));
        }

        assertEquals(PatternLoader.library().keySet().stream().toList(), built.stream().map(PatternFile::path).toList());
        assertEquals(ParsedLibrary.parseLibrary(), built);
    }

    @Test
    void whatWriteWritesShouldReadBackAsTheParsedLibrary() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ParsedLibrary.write(bytes);

        assertEquals(ParsedLibrary.parseLibrary(), AstCodec.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
    }

    @Test
    void eachLibraryFileShouldCompileToWhatItsTextCompilesTo() {
        for (Map.Entry<String, String> f : PatternLoader.library().entrySet()) {
            PatternLinter.Result fromText = PatternLinter.compile(f.getKey(), f.getValue());

            PatternLinter.Result fromBuild = ParsedLibrary.compile(f.getKey(), f.getValue());

            assertEquals(fromText.file(), fromBuild.file(), f.getKey());
            assertEquals(fingerprints(fromText), fingerprints(fromBuild), f.getKey());
            assertEquals(fromText.render(), fromBuild.render(), f.getKey());
        }
    }

    @Test
    void aLibraryFileWhoseTextIsNotTheBuiltOneShouldBeParsed() {
        String path = PatternLoader.LIBRARY_DIR + "kernel.vigil";
        String text = PatternLoader.library().get(path)
                + "\npattern added_since { match kernel where message contains \"added\" type t summary \"s\" }\n";

        PatternLinter.Result result = ParsedLibrary.compile(path, text);

        assertEquals(text, result.file().text());
        assertTrue(result.patterns().stream().anyMatch(p -> p.name().equals("added_since")), "parsed from the text given");
    }
}
