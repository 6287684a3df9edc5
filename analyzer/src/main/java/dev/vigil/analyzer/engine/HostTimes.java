package dev.vigil.analyzer.engine;

import java.time.Instant;

/** Each host's clock: the latest event time it sent ({@link Instant#EPOCH} for a host not seen). */
@FunctionalInterface
public interface HostTimes {
    Instant of(String host);
}
