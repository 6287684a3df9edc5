package dev.vigil.analyzer.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The miner, default configuration, on lines made from the classes of input that split a
 * token-count tree ({@link FailureClassStress}): every template is recovered whole.
 */
class FailureClassStressTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void shouldRecoverEveryTemplateWhateverShapeItsValuesTake(long seed) {
        List<String> truth = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        for (FailureClassStress.Labelled l : FailureClassStress.lines(seed, 2_000)) {
            truth.add(l.template());
            messages.add(l.line());
        }
        assertEquals(1.0, GroupingAccuracy.of(truth, LeaveOutEval.predictedIds(MinerConfig.defaults(), messages)));
    }
}
