package dev.vigil.analyzer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlannedStateMapTest {
    private static final Instant T0 = Instant.parse("2026-01-12T07:38:00Z");

    @Test
    void shouldPlanEveryPutFromItsLatestValueByTheTimeASchedulesIsRead() {
        Schedule onHost = new Schedule();
        Schedule onWall = new Schedule();
        PlannedStateMap<Instant> map = new PlannedStateMap<>(new InMemoryStateMap<>(), List.of(
                new PlannedStateMap.Watch<>(onHost, (key, due) -> Schedule.Plan.onHostClock("web-1", due)),
                new PlannedStateMap.Watch<>(onWall, (key, due) -> Schedule.Plan.onWallClock(due.plusSeconds(60)))));

        map.put("stream", T0.plusSeconds(10));
        map.put("stream", T0.plusSeconds(20));
        map.put("gone", T0);
        map.delete("gone");

        assertEquals(Set.of("stream"), onHost.keysOn("web-1"), "a deleted entry is not planned");
        assertEquals(List.of(), List.copyOf(onHost.takeDue(T0, h -> T0.plusSeconds(19))), "the latest value decides");
        onHost.hostAdvanced("web-1");
        assertEquals(List.of("stream"), List.copyOf(onHost.takeDue(T0, h -> T0.plusSeconds(20))));
        assertEquals(List.of("stream"), List.copyOf(onWall.takeDue(T0.plusSeconds(80), h -> T0)),
                "the other schedule was planned by the same read");
    }

    @Test
    void shouldPlanAPutAfterTheEntryWasTakenAsDue() {
        Schedule schedule = new Schedule();
        PlannedStateMap<Instant> map = new PlannedStateMap<>(new InMemoryStateMap<>(),
                List.of(new PlannedStateMap.Watch<>(schedule, (key, due) -> Schedule.Plan.onWallClock(due))));
        map.put("episode", T0);
        assertEquals(List.of("episode"), List.copyOf(schedule.takeDue(T0, h -> T0)));

        map.put("episode", T0.plusSeconds(1));

        assertEquals(List.of(), List.copyOf(schedule.takeDue(T0, h -> T0)));
        assertEquals(List.of("episode"), List.copyOf(schedule.takeDue(T0.plusSeconds(1), h -> T0)));
    }
}
