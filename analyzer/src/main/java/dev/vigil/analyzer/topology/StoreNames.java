package dev.vigil.analyzer.topology;

import java.util.List;

/** Names of the analyzer's state stores: fixed, because their changelog topics are named after them. */
public final class StoreNames {
    public static final String EPISODES = "vigil-episodes";
    public static final String WINDOWS = "vigil-windows";
    public static final String CAUSES = "vigil-causes";
    public static final String STREAMS = "vigil-streams";
    public static final String SEQUENCES = "vigil-sequences";
    public static final String HOSTS = "vigil-hosts";
    /**
     * The fingerprints of recent events' ids, an entry per commit ({@link StoredRecentIds}); the
     * stores {@code vigil-seen} (an entry per id) and {@code vigil-recent-ids} (a window store, an
     * entry per id) that held them before are no longer read.
     */
    public static final String SEEN = "vigil-dedupe-ids";
    public static final String KILLS = "vigil-kills";
    public static final String SIGNATURE_MINER = "vigil-signature-miner";
    /** The intake's store, empty and not logged: only its commit hook is used ({@link EventIntake}). */
    public static final String INTAKE_HOOK = "vigil-intake-hook";

    /** The pattern processor's key-value stores of engine state ({@link #SEEN} is the recent ids'). */
    public static final List<String> KEY_VALUE = List.of(EPISODES, WINDOWS, CAUSES, STREAMS, SEQUENCES, HOSTS, KILLS);

    private StoreNames() {}
}
