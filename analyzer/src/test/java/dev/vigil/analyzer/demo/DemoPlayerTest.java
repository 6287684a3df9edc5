package dev.vigil.analyzer.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventJson;
import dev.vigil.patterns.event.Source;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The demo's time stamps: never in the future of the moment an event is sent, spacing kept. */
class DemoPlayerTest {
    // a line of seed 004's nohup app (scenarios/004-nohup-app-oom-deaths/currents-app.run1.log), three
    // times 10 h apart end to end: a play at 60x took 10 min and stamped the last event 10 h ahead,
    // which Alertmanager refuses
    private static final Instant T0 = Instant.parse("2026-01-10T01:00:00Z");
    private static final List<Event> RECORDED = List.of(
            event(T0), event(T0.plus(Duration.ofHours(4))), event(T0.plus(Duration.ofHours(10))));

    @Test
    void shouldStampTheLastEventWhenItIsSentAndNoEventAfterIt() throws Exception {
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        // 10 h at a million times play in 36 ms
        DemoPlayer player = new DemoPlayer(producer, "vigil.events", Clock.systemUTC(), 1_000_000,
                DemoPlayer.Timeline.of(RECORDED));
        Instant before = Instant.now();
        for (Event e : RECORDED) {
            player.play(e);
        }
        Instant after = Instant.now();

        List<Instant> stamps = producer.history().stream().map(ProducerRecord::value).map(EventJson::parse).map(Event::ts).toList();
        assertEquals(3, stamps.size());
        assertFalse(stamps.get(2).isAfter(after), "last event not in the future: " + stamps.get(2) + " > " + after);
        assertFalse(stamps.get(2).isBefore(before), "last event stamped during the play: " + stamps.get(2));
        assertEquals(Duration.ofHours(4), Duration.between(stamps.get(0), stamps.get(1)), "recorded spacing kept");
        assertEquals(Duration.ofHours(10), Duration.between(stamps.get(0), stamps.get(2)), "recorded spacing kept");
    }

    @Test
    void timelineShouldSayHowLongThePlayTakes() {
        DemoPlayer.Timeline t = DemoPlayer.Timeline.of(RECORDED);
        assertEquals(3, t.events());
        assertEquals(Duration.ofHours(10), t.span());
        assertEquals(Duration.ofMinutes(10), t.playTime(60));
        assertTrue(t.playTime(1).equals(Duration.ofHours(10)));
    }

    private static Event event(Instant ts) {
        return Event.builder("demo-host", Source.FILE, ts,
                "127.0.0.1 - - [11/Feb/2026 06:52:22] \"GET /api/personalized?user_id=u_3101 HTTP/1.1\" 200 -").id("r-" + ts).build();
    }
}
