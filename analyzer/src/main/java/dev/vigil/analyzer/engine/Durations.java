package dev.vigil.analyzer.engine;

import java.time.Duration;

/** Durations as people write them in summaries: {@code 1h 5m}, {@code 42s}. */
public final class Durations {
    private Durations() {}

    public static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + "s";
        }
        long m = s / 60;
        if (m < 60) {
            return s % 60 == 0 ? m + "m" : m + "m " + s % 60 + "s";
        }
        long h = m / 60;
        if (h < 48) {
            return m % 60 == 0 ? h + "h" : h + "h " + m % 60 + "m";
        }
        return d.toDays() + "d";
    }
}
