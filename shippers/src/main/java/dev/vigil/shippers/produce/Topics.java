package dev.vigil.shippers.produce;

/** The Kafka topics shippers write to. */
public final class Topics {
    /** Every event, keyed by host. */
    public static final String EVENTS = "vigil.events";
    /** Input that could not be turned into an event, with the reason. */
    public static final String DEADLETTER = "vigil.deadletter";

    private Topics() {}
}
