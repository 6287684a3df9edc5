package dev.vigil.shippers.heartbeat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventIds;
import dev.vigil.patterns.event.EventJson;
import dev.vigil.patterns.event.Source;
import dev.vigil.shippers.checkpoint.CheckpointStore;
import dev.vigil.shippers.produce.EventShipper;
import dev.vigil.shippers.produce.InFlightLimit;
import dev.vigil.shippers.produce.SourceMetrics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeartbeatEmitterTest {
    private static final Instant T0 = Instant.parse("2026-03-14T02:11:07Z");

    @TempDir Path state;

    @Test
    void shouldListActiveSourcesWithTheirLagAndCounters() throws Exception {
        MockProducer<String, byte[]> producer =
                new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        EventShipper shipper = new EventShipper(producer, CheckpointStore.open(state), new InFlightLimit(10, 1 << 20));
        SourceMetrics journald = new SourceMetrics("journald");
        SourceMetrics file = new SourceMetrics("file");
        file.recordRead(42);
        file.recordError();
        file.recordLagBytes(100);
        file.recordRotatedUnread(4096);
        HeartbeatEmitter emitter = new HeartbeatEmitter("web-1", Duration.ofSeconds(10), shipper,
                List.of(journald, file), new SourceMetrics("shipper"), Clock.fixed(T0, ZoneOffset.UTC));

        emitter.emit();

        Event expected = Event.builder("web-1", Source.SHIPPER, T0, "heartbeat: sources journald,file")
                .id(EventIds.of("web-1", Source.SHIPPER, "heartbeat", "2026-03-14T02:11:07Z"))
                .identifier("heartbeat")
                .fields(Map.ofEntries(Map.entry("sources", "journald,file"), Map.entry("interval_ms", "10000"),
                        Map.entry("journald.lag_records", "0"), Map.entry("journald.records_read", "0"),
                        Map.entry("journald.records_sent", "0"), Map.entry("journald.errors", "0"),
                        Map.entry("journald.filtered", "0"), Map.entry("file.filtered", "0"),
                        Map.entry("file.lag_records", "0"), Map.entry("file.records_read", "1"),
                        Map.entry("file.records_sent", "0"), Map.entry("file.errors", "1"),
                        Map.entry("file.lag_bytes", "100"), Map.entry("file.rotated_unread_files", "1"),
                        Map.entry("file.rotated_unread_bytes", "4096")))
                .build();
        assertEquals(expected, EventJson.parse(producer.history().get(0).value()));
        assertEquals("web-1", producer.history().get(0).key());
    }
}
