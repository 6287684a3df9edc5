package dev.vigil.analyzer.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whole-miner value older Vigil versions stored under one key, read on upgrade. */
class MinerStateCodecTest {

    /** A value in the older layout, written as the older Vigil wrote it: two templates, one alias. */
    static byte[] legacyValue() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MinerStateCodec.MAGIC);
            out.writeInt(1);
            out.writeInt(2);
            MinerRecords.writeString(out, "Invalid user <*> from <*>");
            out.writeInt(2);
            MinerRecords.writeString(out, "Invalid");
            MinerRecords.writeString(out, "user");
            out.writeLong(113);
            MinerRecords.writeString(out, "Grüße <*>");
            out.writeInt(2);
            MinerRecords.writeString(out, "Grüße");
            MinerRecords.writeString(out, "<*>");
            out.writeLong(2);
            out.writeInt(1);
            MinerRecords.writeString(out, "0123456789abcdef");
            MinerRecords.writeString(out, "fedcba9876543210");
        }
        return bytes.toByteArray();
    }

    @Test
    void shouldReadTheTemplatesInTheirStoredOrderKeyedAndClockedByPosition() throws IOException {
        TemplateMinerState state = MinerStateCodec.decode(legacyValue());
        assertEquals(List.of(
                new TemplateMinerState.StoredTemplate(0, "Invalid user <*> from <*>", List.of("Invalid", "user"), 113, 1),
                new TemplateMinerState.StoredTemplate(1, "Grüße <*>", List.of("Grüße", "<*>"), 2, 2)), state.templates());
        assertEquals(Map.of("0123456789abcdef", "fedcba9876543210"), state.aliases());
        assertEquals(2, state.clock());
    }

    @Test
    void shouldRefuseAStateOfAnotherVersionNamingBoth() throws IOException {
        byte[] bytes = legacyValue();
        ByteBuffer.wrap(bytes).putInt(4, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MinerStateCodec.decode(bytes));
        assertEquals("template miner state version 2 is not the one this Vigil reads (1): reset the analyzer's "
                + "state store", e.getMessage());
    }

    @Test
    void shouldRefuseForeignBytesNamingTheMagic() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MinerStateCodec.decode(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
        assertEquals("not a template miner state: magic 0x01020304, expected 0x5647544d", e.getMessage());
    }
}
