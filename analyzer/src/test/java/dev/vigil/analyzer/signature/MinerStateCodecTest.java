package dev.vigil.analyzer.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MinerStateCodecTest {

    private static final TemplateMinerState STATE = new TemplateMinerState(1,
            List.of(new TemplateMinerState.StoredTemplate("Invalid user <*> from <*>", List.of("Invalid", "user"), 113),
                    new TemplateMinerState.StoredTemplate("Grüße <*>", List.of("Grüße", "<*>"), 2)),
            Map.of("0123456789abcdef", "fedcba9876543210"));

    @Test
    void shouldReadBackWhatItWrites() {
        TemplateMinerState back = MinerStateCodec.decode(MinerStateCodec.encode(STATE));
        assertEquals(STATE.templates(), back.templates());
        assertEquals(STATE.aliases(), back.aliases());
        assertEquals(1, back.version());
    }

    @Test
    void shouldRefuseAStateFromANewerVigilNamingBothVersions() {
        byte[] bytes = MinerStateCodec.encode(STATE);
        ByteBuffer.wrap(bytes).putInt(4, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MinerStateCodec.decode(bytes));
        assertEquals("template miner state version 2 is newer than this Vigil reads (1..1): upgrade the "
                + "analyzer or reset its state store", e.getMessage());
    }

    @Test
    void shouldRefuseForeignBytesNamingTheMagic() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MinerStateCodec.decode(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
        assertEquals("not a template miner state: magic 0x01020304, expected 0x5647544d", e.getMessage());
    }
}
