package dev.vigil.shippers.filter;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * At most {@code events} per {@code interval} for each source and unit, with bursts of up to
 * {@code burst}: written {@code 1000/1s} (burst the same) or {@code 1000/1s burst=5000}.
 */
public record RateLimit(long events, Duration interval, long burst) {
    private static final Pattern TEXT = Pattern.compile("(\\d+)/(\\d+)(ms|s|m|h)(?:\\s+burst=(\\d+))?");

    public RateLimit {
        if (events < 1) throw new IllegalArgumentException("rate limit needs at least 1 event, got " + events);
        if (interval.isZero() || interval.isNegative()) throw new IllegalArgumentException("rate limit interval must be positive");
        if (burst < 1) throw new IllegalArgumentException("rate limit burst must be at least 1, got " + burst);
    }

    /** Parses {@code N/INTERVAL [burst=B]}. */
    public static RateLimit parse(String text) {
        Matcher m = TEXT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("rate limit needs EVENTS/INTERVAL [burst=N] like 1000/1s or "
                    + "600/1m burst=2000, got '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        long amount = Long.parseLong(m.group(2));
        Duration interval = switch (m.group(3)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
        return new RateLimit(n, interval, m.group(4) == null ? n : Long.parseLong(m.group(4)));
    }

    @Override
    public String toString() {
        return events + "/" + interval.toMillis() + "ms burst=" + burst;
    }
}
