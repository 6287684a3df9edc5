package dev.vigil.analyzer.engine;

import java.time.Instant;
import java.util.List;

/** The latest OOM-kill incidents of one host, so later incidents can point to the kill behind them. */
public record KillList(int v, List<Kill> kills) {
    public KillList {
        kills = List.copyOf(kills);
    }

    /**
     * One kill: its incident, when, the victim, and the state key of the kill's episode (null in
     * kills stored before it was kept), so linking back to it needs no search.
     */
    public record Kill(String incidentId, Instant at, String pid, String comm, String episodeKey) {}
}
