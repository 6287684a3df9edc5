package dev.vigil.shippers;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real wtmp file (binary login records, what sits beside the logs of /var/log), written by
 * util-linux's utmpdump from the text form of one login record; the test is skipped where
 * utmpdump is missing.
 */
public final class Wtmp {
    private static final Path UTMPDUMP = Path.of("/usr/bin/utmpdump");
    /** A login record as `utmpdump /var/log/wtmp` prints one. */
    private static final String LOGIN = "[7] [12345] [ts/0] [root    ] [pts/0       ] [10.0.0.1            ] "
            + "[10.0.0.1       ] [2026-03-14T02:11:08,000000+00:00]\n";

    private Wtmp() {}

    public static Path write(Path file) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(UTMPDUMP), "util-linux's utmpdump is not installed (apt-get install util-linux)");
        Process undump = new ProcessBuilder(UTMPDUMP.toString(), "-r", "-o", file.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream in = undump.getOutputStream()) {
            in.write(LOGIN.getBytes(StandardCharsets.UTF_8));
        }
        if (undump.waitFor() != 0 || Files.size(file) == 0) {
            throw new IOException("utmpdump -r wrote no record to " + file);
        }
        return file;
    }
}
