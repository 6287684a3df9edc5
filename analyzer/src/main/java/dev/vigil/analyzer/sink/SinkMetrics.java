package dev.vigil.analyzer.sink;

/** What a {@link SinkRunner} reports as it goes; the metrics registry implements it. */
public interface SinkMetrics {
    /** Reports nothing. */
    SinkMetrics NONE = new SinkMetrics() {};

    /** {@code count} incident changes were taken by the service. */
    default void delivered(String sink, int count) {}

    /** One try of a batch failed; it is tried again or dead-lettered. */
    default void failedTry(String sink) {}

    /** {@code count} records went to the dead letters; {@code reason} is a short fixed word. */
    default void deadLettered(String sink, String reason, int count) {}
}
