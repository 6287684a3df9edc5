package dev.vigil.shippers.kmsg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KmsgRecordParserTest {
    private static KmsgRecord parse(String raw) throws KmsgFormatException {
        return KmsgRecordParser.parse(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void shouldSplitPriIntoFacilityAndPriorityAndKeepSeqAndStamp() throws Exception {
        KmsgRecord r = parse("3,1234,5678901,-;Out of memory: Killed process 4242 (uvicorn)\n");

        assertEquals(new KmsgRecord(0, 3, 1234, 5_678_901,
                "Out of memory: Killed process 4242 (uvicorn)", false, Map.of()), r);
    }

    @Test
    void shouldReadContinuationLinesAndExtraPrefixFields() throws Exception {
        KmsgRecord r = parse("30,77,100,c,caller=T12;usb 1-1: new device\n SUBSYSTEM=usb\n DEVICE=c189:1\n");

        assertEquals(3, r.facility());
        assertEquals(6, r.priority());
        assertEquals("usb 1-1: new device", r.message());
        assertEquals(Map.of("caller", "T12", "SUBSYSTEM", "usb", "DEVICE", "c189:1"), r.properties());
    }

    @Test
    void shouldDecodeKernelEscapesAsUtf8() throws Exception {
        KmsgRecord r = parse("6,1,1,-;tab\\x09back\\x5cslash caf\\xc3\\xa9\n");

        assertEquals("tab\tback\\slash café", r.message());
        assertEquals(false, r.invalidUtf8());
    }

    @Test
    void shouldReplaceAndFlagInvalidUtf8() throws Exception {
        KmsgRecord r = parse("6,1,1,-;bad \\xff byte\n");

        assertEquals("bad \uFFFD byte", r.message());
        assertEquals(true, r.invalidUtf8());
    }

    @Test
    void shouldRejectRecordWithoutSemicolonSayingWhy() {
        KmsgFormatException e = assertThrows(KmsgFormatException.class, () -> parse("6,1,1,- no separator\n"));

        assertEquals("no ';' between prefix and message", e.getMessage());
    }

    @Test
    void shouldRejectNonNumericSeqQuotingIt() {
        KmsgFormatException e = assertThrows(KmsgFormatException.class, () -> parse("6,x1,1,-;m\n"));

        assertEquals("seq is not a number: 'x1'", e.getMessage());
    }
}
