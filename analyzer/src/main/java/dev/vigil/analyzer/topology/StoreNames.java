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
    public static final String SEEN = "vigil-seen";
    public static final String KILLS = "vigil-kills";
    public static final String SIGNATURE_MINER = "vigil-signature-miner";

    /** Every store the pattern processor uses ({@link #SIGNATURE_MINER} is the signature miner's). */
    public static final List<String> PATTERN_STORES = List.of(EPISODES, WINDOWS, CAUSES, STREAMS, SEQUENCES, HOSTS, SEEN,
            KILLS);

    private StoreNames() {}
}
