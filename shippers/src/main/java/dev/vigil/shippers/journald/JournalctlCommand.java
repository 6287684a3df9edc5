package dev.vigil.shippers.journald;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The {@code journalctl} command lines the journald source runs. */
final class JournalctlCommand {
    private final JournaldSourceConfig config;

    JournalctlCommand(JournaldSourceConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Follows the journal as JSON after {@code cursor}, or from its oldest entry when null.
     * {@code --all} keeps fields over 4096 bytes, which plain {@code -o json} prints as null.
     */
    List<String> follow(String cursor) {
        List<String> args = filtered();
        args.add("--follow");
        args.add(cursor == null ? "--no-tail" : "--after-cursor=" + cursor);
        return args;
    }

    /** Follows the journal as JSON from its first entry at or after {@code since}. */
    List<String> followSince(Instant since) {
        List<String> args = filtered();
        args.add("--follow");
        args.add("--no-tail");
        args.add("--since=@" + since.getEpochSecond());
        return args;
    }

    /**
     * Prints entries from {@code cursor} on: the first line is the cursor's entry when it still
     * exists. Unfiltered: a saved cursor may be an excluded unit's entry, or of an earlier boot.
     */
    List<String> probe(String cursor) {
        List<String> args = base();
        args.add("--cursor=" + cursor);
        return args;
    }

    private List<String> filtered() {
        List<String> args = base();
        args.addAll(config.filter().journalctlArgs());
        return args;
    }

    private List<String> base() {
        List<String> args = new ArrayList<>(List.of(config.journalctl().toString(), "--output=json", "--all",
                "--no-pager"));
        if (config.directory() != null) {
            args.add("--directory=" + config.directory());
        }
        for (Path f : config.files()) {
            args.add("--file=" + f);
        }
        return args;
    }
}
