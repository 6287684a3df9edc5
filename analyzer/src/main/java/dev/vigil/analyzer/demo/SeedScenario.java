package dev.vigil.analyzer.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The seed scenarios shipped in the jar ({@code scenarios/} of the repository), for {@code vigil demo}. */
public enum SeedScenario {
    CRASH_LOOP("000", "000-crash-loop", "rivet-worker.service crash-loops on a missing Python module"),
    OOM_KILL("001", "001-oom-kill-truncated-log", "the kernel OOM-kills the uvicorn backend; its log ends mid-query"),
    REPEATED_ERRORS("002", "002-repeated-error-signatures", "the assigner worker fails with the same three errors"),
    NOHUP_DEATHS("004", "004-nohup-app-oom-deaths", "a Flask app under nohup dies every 90-120 minutes");

    private static final String RESOURCES = "vigil/scenarios/";

    private final String seed;
    private final String dir;
    private final String story;

    SeedScenario(String seed, String dir, String story) {
        this.seed = seed;
        this.dir = dir;
        this.story = story;
    }

    public String seed() {
        return seed;
    }

    public String story() {
        return story;
    }

    /** The scenario of seed {@code 000}, {@code 001}, {@code 002} or {@code 004}. */
    public static SeedScenario of(String seed) {
        return Arrays.stream(values()).filter(s -> s.seed.equals(seed)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no seed scenario '" + seed + "'; choose one of "
                        + Arrays.stream(values()).map(SeedScenario::seed).collect(Collectors.joining(", "))));
    }

    /** Copies the scenario's files out of the jar into {@code target}; returns the scenario folder. */
    public Path extractTo(Path target, List<String> fileNames) throws IOException {
        Path out = Files.createDirectories(target.resolve(dir));
        for (String name : fileNames) {
            try (InputStream in = SeedScenario.class.getClassLoader().getResourceAsStream(RESOURCES + dir + "/" + name)) {
                if (in == null) {
                    throw new IOException("scenario file " + dir + "/" + name + " is not in this build");
                }
                Files.copy(in, out.resolve(name));
            }
        }
        return out;
    }
}
