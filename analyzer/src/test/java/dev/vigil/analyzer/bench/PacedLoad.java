package dev.vigil.analyzer.bench;

import dev.vigil.broker.VigilTopics;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventJson;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Ordinary events at a steady rate, stamped with the wall clock as a shipper stamps live lines,
 * spread over {@code hosts} hosts, on a thread of its own until {@link #stop}.
 */
final class PacedLoad implements AutoCloseable {
    /** How long the thread parks between two catch-ups with the schedule. */
    private static final long PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(500);

    private final KafkaProducer<String, byte[]> producer;
    private final BenchLines lines;
    private final int rate;
    private final int hosts;
    private final AtomicLong sent = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long startNanos;
    private volatile long stopNanos;

    PacedLoad(KafkaProducer<String, byte[]> producer, BenchLines lines, int rate, int hosts) {
        this.producer = producer;
        this.lines = lines;
        this.rate = rate;
        this.hosts = hosts;
        this.thread = new Thread(this::run, "bench-background-load");
    }

    void start() {
        startNanos = System.nanoTime();
        thread.start();
    }

    private void run() {
        while (running) {
            long due = (System.nanoTime() - startNanos) * rate / 1_000_000_000L;
            Instant now = Instant.now();
            for (long i = sent.get(); i < due && running; i = sent.incrementAndGet()) {
                Event e = lines.ordinary(host(i), i, now);
                producer.send(new ProducerRecord<>(VigilTopics.EVENTS, e.host(), EventJson.toBytes(e)));
            }
            LockSupport.parkNanos(PARK_NANOS);
        }
        stopNanos = System.nanoTime();
    }

    /** The host of the {@code i}-th event: round robin, as a fleet's shippers interleave. */
    String host(long i) {
        return "host-" + (i % hosts);
    }

    /** Events handed to the producer so far. */
    long sent() {
        return sent.get();
    }

    /** Stops sending; returns the achieved rate in events per second. */
    double stop() throws InterruptedException {
        running = false;
        thread.join();
        return sent.get() * 1e9 / (stopNanos - startNanos);
    }

    @Override
    public void close() throws InterruptedException {
        if (thread.isAlive()) {
            stop();
        }
    }
}
