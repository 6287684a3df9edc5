package dev.vigil.shippers.produce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HostKeySerializerTest {
    private final HostKeySerializer serializer = new HostKeySerializer();

    @Test
    void shouldEncodeEachKeyAsUtf8WhenKeysAlternate() {
        for (String host : new String[] {"web-1", "web-1", "hôte-ü", "web-1", "", "hôte-ü"}) {
            assertArrayEquals(host.getBytes(StandardCharsets.UTF_8), serializer.serialize("vigil.events", host), host);
        }
    }

    @Test
    void shouldKeepANullKeyNull() {
        assertNull(serializer.serialize("vigil.events", null));
    }
}
