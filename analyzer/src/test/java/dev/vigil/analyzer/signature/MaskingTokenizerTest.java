package dev.vigil.analyzer.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaskingTokenizerTest {

    private final MaskingTokenizer tokenizer = new MaskingTokenizer();

    private List<String> tokens(String message) {
        tokenizer.tokenise(message);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tokenizer.count(); i++) {
            out.add(tokenizer.text(i));
        }
        return out;
    }

    @Test
    void shouldMaskNumbersHexIdsAndAddressesAsWholeSegments() {
        assertEquals(List.of("<*>", "<*>", "<*>:<*>", "<*>", "<*>"),
                tokens("blk_-6952295868487656571 core.42 10.251.73.220:50010 0x1f 550e8400-e29b-41d4-a716-446655440000"));
    }

    @Test
    void shouldMaskKeyValueValuesButKeepEmptyOnes() {
        assertEquals(List.of("logname=", "uid=<*>", "tty=<*>", "(uid=<*>)", "HiSyncOption{syncAction=<*>,"),
                tokens("logname= uid=0 tty=ssh (uid=0) HiSyncOption{syncAction=2,"));
    }

    @Test
    void shouldMaskQuotedValuesEvenAcrossSpaces() {
        assertEquals(List.of("Environment", "'<*>'", "already", "exists", "'<*>',", "\"<*>\":"),
                tokens("Environment 'reading-ui-improvement' already exists 'a b c', \"key\":"));
    }

    @Test
    void shouldMaskPathsAndUrlsKeepingTheirTrailingColon() {
        assertEquals(List.of("<*>:", "No", "such", "file", "<*>,", "<*>"),
                tokens("/var/log/app.log: No such file http://example.com:8080/x, ./run.sh"));
    }

    @Test
    void shouldMaskSizeAndTimeUnitsAfterNumbers() {
        assertEquals(List.of("size", "<*>", "<*>,", "took", "<*>", "<*>", "(<*>", "<*>)"),
                tokens("size 12.3 KB, took 35 ms (900 B)"));
    }

    @Test
    void shouldCutDottedPaddingFromTheValueItPads() {
        assertEquals(List.of("depth.........<*>", "icbi....<*>"), tokens("depth.........7 icbi....0x1"));
    }

    @Test
    void shouldKeepWordsWithoutDigitsAndCollapseWhitespace() {
        assertEquals(List.of("Connection", "closed", "by", "peer", "[preauth]"),
                tokens("  Connection\tclosed   by peer [preauth] "));
    }
}
