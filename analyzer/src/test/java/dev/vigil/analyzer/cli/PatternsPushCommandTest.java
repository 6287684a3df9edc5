package dev.vigil.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PatternsPushCommandTest {
    @TempDir Path dir;

    @Test
    void shouldRefuseAFileNamedLikeALibraryFileUnlessAskedToReplaceIt() throws Exception {
        // an empty kernel.vigil would switch off OOM-kill detection on every analyzer
        Path kernel = Files.writeString(dir.resolve("kernel.vigil"), "");
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new PatternsPushCommand());
        cmd.setErr(new PrintWriter(err, true));
        cmd.setOut(new PrintWriter(new StringWriter(), true));

        int exit = cmd.execute("--bootstrap-servers", "127.0.0.1:1", kernel.toString());

        assertEquals(1, exit);
        assertEquals("vigil: error: refused: kernel.vigil would replace the standard library's file of that name and its "
                + "detections; rename the file, or pass --replace-library to replace it; nothing was published\n",
                err.toString());
    }
}
