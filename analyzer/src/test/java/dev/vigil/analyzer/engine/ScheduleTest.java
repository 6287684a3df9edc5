package dev.vigil.analyzer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScheduleTest {
    private static final Instant T0 = Instant.parse("2026-01-12T07:38:00Z");

    private final Schedule schedule = new Schedule();
    private final Map<String, Instant> hostClocks = new HashMap<>();

    private List<String> due(Instant now) {
        return List.copyOf(schedule.takeDue(now, h -> hostClocks.getOrDefault(h, Instant.EPOCH)));
    }

    @Test
    void shouldHandOutAnEntryDueOnTheAnalyzersClockOnceItsTimeHasCome() {
        schedule.plan("b", Schedule.Plan.onWallClock(T0.plusSeconds(1)));
        schedule.plan("a", Schedule.Plan.onWallClock(T0.plusSeconds(1)));
        schedule.plan("later", Schedule.Plan.onWallClock(T0.plusSeconds(60)));

        assertEquals(List.of(), due(T0));
        assertEquals(List.of("a", "b"), due(T0.plusSeconds(1)), "in key order, as a scan of the store would be");
        assertEquals(List.of(), due(T0.plusSeconds(2)), "taken entries are no longer planned");
        assertEquals(List.of("later"), due(T0.plusSeconds(60)));
    }

    @Test
    void shouldHandOutAnEntryDueOnItsHostsClockWhenThatClockPassesItsTime() {
        // the quiet period of a unit on web-1 ends 15 minutes after its last restart, on web-1's clock
        schedule.plan("burst", Schedule.Plan.onHostClock("web-1", T0.plus(Duration.ofMinutes(15))));
        hostClocks.put("web-1", T0.plus(Duration.ofMinutes(5)));

        assertEquals(List.of(), due(T0.plus(Duration.ofHours(1))), "the analyzer's clock does not end it");

        hostClocks.put("web-1", T0.plus(Duration.ofMinutes(15)));
        schedule.hostAdvanced("web-2");
        assertEquals(List.of(), due(T0.plus(Duration.ofHours(1))), "only hosts whose clock moved are looked at");

        schedule.hostAdvanced("web-1");
        assertEquals(List.of("burst"), due(T0.plus(Duration.ofHours(1))));
    }

    @Test
    void shouldLookAtAnEntryPlannedInThePastOnTheNextLook() {
        hostClocks.put("web-1", T0);

        schedule.plan("window", Schedule.Plan.onHostClock("web-1", T0.minusSeconds(1)));

        assertEquals(List.of("window"), due(T0));
    }

    @Test
    void shouldForgetACancelledEntryAndKeepOnlyTheLatestPlan() {
        schedule.plan("gone", Schedule.Plan.onWallClock(T0));
        schedule.plan("moved", Schedule.Plan.onWallClock(T0));
        schedule.plan("moved", Schedule.Plan.onHostClock("web-1", T0.plusSeconds(30)).orWall(T0.plusSeconds(10)));
        schedule.cancel("gone");

        assertEquals(List.of(), due(T0));
        assertEquals(Set.of("moved"), schedule.keysOn("web-1"));
        assertEquals(List.of("moved"), due(T0.plusSeconds(10)));
        hostClocks.put("web-1", T0.plusSeconds(30));
        schedule.hostAdvanced("web-1");
        assertEquals(List.of("moved"), due(T0.plusSeconds(10)), "its due time on web-1's clock was still planned");
    }
    @Test
    void shouldKeepAnEarlierDueTimeWhenItKeepsEarlierAndTakeAnEarlierOne() {
        Schedule keeping = new Schedule(true);
        // a stream's silence check: each line moves its due time later
        keeping.plan("stream", Schedule.Plan.onHostClock("web-1", T0.plusSeconds(300)));
        keeping.plan("stream", Schedule.Plan.onHostClock("web-1", T0.plusSeconds(301)));
        keeping.plan("other", Schedule.Plan.onHostClock("web-1", T0.plusSeconds(300)));
        keeping.plan("other", Schedule.Plan.onHostClock("web-1", T0.plusSeconds(200)));
        hostClocks.put("web-1", T0.plusSeconds(300));
        keeping.hostAdvanced("web-1");

        assertEquals(List.of("other", "stream"),
                List.copyOf(keeping.takeDue(T0, h -> hostClocks.getOrDefault(h, Instant.EPOCH))),
                "the first due time stayed, the earlier one replaced its later");
    }

    @Test
    void shouldReplaceAPlanOnAnotherClockEvenWhenItKeepsEarlier() {
        Schedule keeping = new Schedule(true);
        keeping.plan("moved", Schedule.Plan.onHostClock("web-1", T0));
        keeping.plan("moved", Schedule.Plan.onWallClock(T0.plusSeconds(60)));
        keeping.plan("stopped", Schedule.Plan.onWallClock(T0));
        keeping.plan("stopped", Schedule.Plan.NONE);

        assertEquals(Set.of(), keeping.keysOn("web-1"));
        assertEquals(List.of(), List.copyOf(keeping.takeDue(T0, h -> T0)));
        assertEquals(List.of("moved"), List.copyOf(keeping.takeDue(T0.plusSeconds(60), h -> T0)));
    }

    @Test
    void shouldMoveALaterPlanWhenItDoesNotKeepEarlier() {
        schedule.plan("episode", Schedule.Plan.onWallClock(T0));
        schedule.plan("episode", Schedule.Plan.onWallClock(T0.plusSeconds(1)));

        assertEquals(List.of(), due(T0));
        assertEquals(List.of("episode"), due(T0.plusSeconds(1)));
    }
}
