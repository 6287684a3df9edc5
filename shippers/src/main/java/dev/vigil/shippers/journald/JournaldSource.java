package dev.vigil.shippers.journald;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventIds;
import dev.vigil.patterns.event.Source;
import dev.vigil.shippers.checkpoint.AckedPositions;
import dev.vigil.shippers.produce.DeadLetter;
import dev.vigil.shippers.produce.EventShipper;
import dev.vigil.shippers.produce.SourceMetrics;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ships the journal by following {@code journalctl -o json} as a subprocess, resuming after the
 * last acknowledged cursor. When that cursor no longer exists (the journal was vacuumed or
 * replaced) it emits a {@code cursor_lost} event and reads from the oldest entry. If journalctl
 * exits, it is started again after the last cursor read, with a growing pause.
 */
public final class JournaldSource implements Runnable, Closeable {
    private static final Logger log = LoggerFactory.getLogger(JournaldSource.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final String host;
    private final JournalctlCommand command;
    private final JournalEntryMapper mapper;
    private final EventShipper shipper;
    private final SourceMetrics metrics;
    private final Clock clock;
    private final AckedPositions stream;
    private final JournalFilter filter;
    private final Object lifecycle = new Object();
    private volatile boolean closed;
    private Process process;
    private String lastCursor;
    /** Where a first start begins (no cursor saved yet), or null to read from the oldest entry. */
    private Instant firstStartSince;

    public JournaldSource(String host, JournaldSourceConfig config, EventShipper shipper, SourceMetrics metrics,
            Clock clock) {
        this.host = Objects.requireNonNull(host, "host");
        this.command = new JournalctlCommand(config);
        this.mapper = new JournalEntryMapper(host);
        this.shipper = Objects.requireNonNull(shipper, "shipper");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.stream = shipper.stream(config.streamKey());
        this.filter = config.filter();
        this.lastCursor = shipper.checkpoints().position(config.streamKey()).orElse(null);
        if (lastCursor == null && config.firstStartLookBack() != null) {
            firstStartSince = clock.instant().minus(config.firstStartLookBack());
            log.info("First start of the journal source, reading from host={} source=journald since={} lookBack={}",
                    host, firstStartSince, config.firstStartLookBack());
        }
    }

    @Override
    public void run() {
        Duration backoff = Duration.ofMillis(500);
        boolean warned = false;
        try {
            if (lastCursor != null && !cursorExists(lastCursor)) {
                shipCursorLost(lastCursor);
                lastCursor = null;
                firstStartSince = null;
            }
            while (!closed) {
                int exit = followOnce();
                // wait before judging: Ctrl-C reaches journalctl too, often just before the
                // shipper is told to stop, and that exit is not an error
                pause(backoff);
                if (closed) {
                    return;
                }
                metrics.recordError();
                if (!warned) {
                    log.warn("journalctl exited, restarting host={} source=journald exitCode={} after={}",
                            host, exit, backoff);
                    warned = true;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        } catch (IOException e) {
            if (!closed) {
                log.warn("Journal source unavailable host={} source=journald reason=\"{}\"", host, e.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean cursorExists(String cursor) throws IOException, InterruptedException {
        Process probe = start(command.probe(cursor));
        try (BufferedReader out = reader(probe)) {
            String first = out.readLine();
            if (first == null) {
                return false;
            }
            JsonNode entry = MAPPER.readTree(first);
            return cursor.equals(entry.path("__CURSOR").asText(null));
        } catch (JsonProcessingException e) {
            return false;
        } finally {
            probe.destroy();
            probe.waitFor();
        }
    }

    private void shipCursorLost(String cursor) throws InterruptedException {
        log.warn("Journal cursor no longer exists, reading from the oldest entry host={} source=journald cursor=\"{}\"",
                host, cursor);
        Event lost = Event.builder(host, Source.SHIPPER, clock.instant(),
                        "journal cursor lost, reading from the oldest entry: " + cursor)
                .id(EventIds.of(host, Source.SHIPPER, "journald", "cursor_lost:" + cursor))
                .identifier("cursor_lost")
                .cursor(cursor)
                .fields(Map.of("stream", stream.stream()))
                .build();
        shipper.ship(lost, stream, cursor, metrics);
    }

    /** Runs journalctl until it exits or the source is closed; returns its exit code. */
    private int followOnce() throws IOException, InterruptedException {
        Process p = start(lastCursor == null && firstStartSince != null ? command.followSince(firstStartSince)
                : command.follow(lastCursor));
        synchronized (lifecycle) {
            if (closed) {
                p.destroy();
                return 0;
            }
            process = p;
        }
        try (BufferedReader out = reader(p)) {
            String line;
            while ((line = out.readLine()) != null) {
                handle(line);
            }
        } catch (IOException e) {
            if (!closed) {
                throw e;
            }
        }
        return p.waitFor();
    }

    private void handle(String line) throws InterruptedException {
        byte[] raw = line.getBytes(StandardCharsets.UTF_8);
        metrics.recordRead(raw.length);
        Event event;
        try {
            event = mapper.toEvent(MAPPER.readTree(line));
        } catch (JsonProcessingException e) {
            deadLetter(raw, "not JSON: " + e.getOriginalMessage());
            return;
        } catch (JournalEntryException e) {
            deadLetter(raw, e.getMessage());
            return;
        }
        if (filter.excludes(event.unit())) {
            shipper.skip(stream, event.cursor(), metrics);
        } else {
            shipper.ship(event, stream, event.cursor(), metrics);
        }
        lastCursor = event.cursor();
    }

    private void deadLetter(byte[] raw, String reason) throws InterruptedException {
        metrics.recordError();
        DeadLetter letter = new DeadLetter(host, Source.JOURNALD, "after cursor=" + lastCursor, reason, raw,
                clock.instant());
        shipper.deadLetter(letter, lastCursor == null ? null : stream, lastCursor, metrics);
    }

    private Process start(List<String> args) throws IOException {
        log.debug("Starting journalctl args={}", args);
        Process p = new ProcessBuilder(args).redirectError(ProcessBuilder.Redirect.PIPE).start();
        Thread drain = new Thread(() -> logStderr(p), "journalctl-stderr");
        drain.setDaemon(true);
        drain.start();
        return p;
    }

    private void logStderr(Process p) {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                log.warn("journalctl says host={} source=journald message=\"{}\"", host, line);
            }
        } catch (IOException e) {
            log.debug("journalctl stderr closed reason=\"{}\"", e.getMessage());
        }
    }

    private static BufferedReader reader(Process p) {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8), 1 << 16);
    }

    private void pause(Duration d) throws InterruptedException {
        synchronized (lifecycle) {
            if (!closed) {
                lifecycle.wait(d.toMillis());
            }
        }
    }

    /** Stops journalctl; {@link #run()} returns. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            closed = true;
            lifecycle.notifyAll();
            if (process != null) {
                process.destroy();
            }
        }
    }
}
