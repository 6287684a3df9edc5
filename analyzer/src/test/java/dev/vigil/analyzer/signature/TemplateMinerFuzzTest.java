package dev.vigil.analyzer.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Arbitrary text, fixed seed: quotes, punctuation, digits, runs of spaces, non-ASCII. */
class TemplateMinerFuzzTest {

    private static final String ALPHABET = "ab xyZ0 9.:=,;'\"/()[]{}<>@#|-_~\t\u00e9\u4e2d\ud83d\ude00*";

    @Test
    void shouldGiveALineMinedTwiceInARowTheSameSignature() {
        Random random = new Random(20261130L);
        TemplateMiner miner = new TemplateMiner(MinerConfig.defaults().withMaxTemplates(50));
        for (int i = 0; i < 20_000; i++) {
            String line = randomLine(random);
            Signature first = miner.add(line);
            Signature second = miner.add(line);
            assertEquals(miner.currentId(first.id()), second.id(), () -> "line '" + line + "'");
        }
    }

    private static String randomLine(Random random) {
        StringBuilder line = new StringBuilder();
        int length = random.nextInt(40);
        for (int i = 0; i < length; i++) {
            line.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return line.toString();
    }
}
