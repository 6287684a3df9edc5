package dev.vigil.analyzer.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The user's pattern files, on top of the standard library. */
final class PatternOptions {
    @Option(names = "--patterns", paramLabel = "PATH",
            description = "Pattern files or folders on top of the standard library; a file named like a library file replaces it.")
    List<Path> paths = new ArrayList<>();
}
