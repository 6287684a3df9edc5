package dev.vigil.analyzer.demo;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventIds;
import dev.vigil.patterns.event.EventJson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Plays recorded events into {@code vigil.events} as if they were happening now, {@code speed}
 * times faster: each event is sent when its offset from the first, divided by {@code speed}, has
 * passed, and stamped so that the last event's stamp is the moment it is sent. The events keep
 * their recorded spacing, which the patterns' windows measure, and no stamp is ever ahead of the
 * moment its event is sent, so no incident is dated in the future. Each play gets fresh event ids,
 * so playing a scenario twice is not dropped as a re-send.
 */
public final class DemoPlayer {
    private final Producer<String, byte[]> producer;
    private final String topic;
    private final Clock clock;
    private final double speed;
    private final Timeline timeline;
    private Instant firstRecorded;
    private Instant playStart;
    private String play;

    /** A recording's extent, read before the play so the stamps can end at "now". */
    public record Timeline(Instant first, Instant last, long events) {
        /** The timeline of {@code events}, in time order. */
        public static Timeline of(List<Event> events) {
            return new Timeline(events.get(0).ts(), events.get(events.size() - 1).ts(), events.size());
        }

        /** Recorded time from the first event to the last. */
        public Duration span() {
            return Duration.between(first, last);
        }

        /** How long the play takes at {@code speed}. */
        public Duration playTime(double speed) {
            return Duration.ofNanos((long) (span().toNanos() / speed));
        }
    }

    public DemoPlayer(Producer<String, byte[]> producer, String topic, Clock clock, double speed, Timeline timeline) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (!(speed >= 1)) {
            throw new IllegalArgumentException("speed must be at least 1, got " + speed);
        }
        this.speed = speed;
        this.timeline = Objects.requireNonNull(timeline, "timeline");
    }

    /** Sends one recorded event at its accelerated time; events must come in time order. */
    public void play(Event recorded) throws InterruptedException {
        if (firstRecorded == null) {
            firstRecorded = recorded.ts();
            playStart = clock.instant();
            play = playStart.toString();
        }
        Duration offset = Duration.between(firstRecorded, recorded.ts());
        waitUntil(playStart.plusNanos((long) (offset.toNanos() / speed)));
        // the play ends at playStart + span/speed; the recording is laid so that it ends then too
        Instant stampOfFirst = playStart.plus(timeline.playTime(speed)).minus(timeline.span());
        Event live = recorded.toBuilder()
                .ts(stampOfFirst.plus(offset))
                .id(EventIds.of(recorded.host(), recorded.source(), "demo@" + play, String.valueOf(recorded.id())))
                .build();
        try {
            producer.send(new ProducerRecord<>(topic, live.host(), EventJson.toBytes(live))).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take the demo event: " + e.getMessage(), e);
        }
    }

    /** How far into the recording the player is, in recorded time. */
    public Duration recordedElapsed(Instant recordedTs) {
        return firstRecorded == null ? Duration.ZERO : Duration.between(firstRecorded, recordedTs);
    }

    private void waitUntil(Instant at) throws InterruptedException {
        // pacing a demo in real time is the point here: this is the one place Vigil waits on the clock
        // rounded up: an event is never sent before the moment it is stamped with
        long nanos = Duration.between(clock.instant(), at).toNanos();
        while (nanos > 0) {
            TimeUnit.NANOSECONDS.sleep(Math.max(nanos, 1_000));
            nanos = Duration.between(clock.instant(), at).toNanos();
        }
    }
}
