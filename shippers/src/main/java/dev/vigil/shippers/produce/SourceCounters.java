package dev.vigil.shippers.produce;

/**
 * A snapshot of one source's counters since the shipper started.
 *
 * @param recordsRead records read from the source
 * @param bytesRead bytes read from the source
 * @param recordsSent records Kafka acknowledged
 * @param bytesSent serialised bytes Kafka acknowledged
 * @param deadLettered records sent to the dead-letter topic
 * @param drops records given up on (send failed for good)
 * @param errors read or send errors, including dropped records
 * @param inFlight records handed to Kafka and not yet acknowledged: the source's lag in records
 */
public record SourceCounters(long recordsRead, long bytesRead, long recordsSent, long bytesSent,
        long deadLettered, long drops, long errors, long inFlight) {}
