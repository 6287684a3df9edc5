package dev.vigil.analyzer.cli;

import dev.vigil.analyzer.sink.RetryPolicy;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How a sink command retries a batch the service did not take. */
final class SinkOptions {
    @Option(names = "--max-tries", paramLabel = "N", defaultValue = "5",
            description = "Tries of a batch before it goes to vigil.deadletter with the reason (default: ${DEFAULT-VALUE}).")
    int maxTries;

    @Option(names = "--retry-backoff", paramLabel = "MS", defaultValue = "1000",
            description = "Wait after the first failed try, in milliseconds; doubles after each next one, up to 8 times "
                    + "this (default: ${DEFAULT-VALUE}).")
    long retryBackoffMillis;

    RetryPolicy retryPolicy() {
        Duration first = Duration.ofMillis(retryBackoffMillis);
        return new RetryPolicy(maxTries, first, first.multipliedBy(8));
    }
}
