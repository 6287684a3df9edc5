package dev.vigil.shippers.produce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class ProducerSettingsTest {
    @Test
    void shouldSendEventsOfUpToEightMebibytesLessHeadroomByDefault() {
        Properties p = ProducerSettings.kafkaProperties("kafka-1:9092", new Properties());

        assertEquals("8388608", p.get("max.request.size"));
        assertEquals("16777216", p.get("buffer.memory"), "room for two of the largest records");
        assertEquals(8 * 1024 * 1024 - 64 * 1024, ProducerSettings.maxRecordBytes(p));
        assertEquals(EventShipper.DEFAULT_MAX_RECORD_BYTES, ProducerSettings.maxRecordBytes(p));
    }

    @Test
    void shouldCutEventsToALowerMaxRequestSizeGivenForTheCluster() {
        Properties overrides = new Properties();
        overrides.put("max.request.size", "1048576");

        Properties p = ProducerSettings.kafkaProperties("kafka-1:9092", overrides);

        assertEquals(1024 * 1024 - 64 * 1024, ProducerSettings.maxRecordBytes(p));
    }
}
