package dev.vigil.analyzer.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.analyzer.engine.EpisodeState;
import dev.vigil.analyzer.engine.EvidenceItem;
import dev.vigil.analyzer.engine.EvidenceRing;
import dev.vigil.analyzer.engine.HostClock;
import dev.vigil.analyzer.engine.KillList;
import dev.vigil.analyzer.engine.sequence.SequenceState;
import dev.vigil.analyzer.engine.absence.StreamState;
import dev.vigil.analyzer.engine.threshold.WindowState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateCodecTest {
    private static final Instant T = Instant.parse("2026-01-12T07:38:00.123456789Z");
    private static final EvidenceItem LINE = new EvidenceItem("e-1", T, "journald",
            "ModuleNotFoundError: No module named 'asyncpg' — ünïcödé");

    @Test
    void shouldReadBackEveryKindOfStateAsWritten() throws IOException {
        EpisodeState episode = new EpisodeState(1, "restart-1", "systemd_restart_burst", "srv707254", "rivet.service",
                T, T.plusSeconds(10), 14_552, true, Map.of("unit", "rivet.service"), List.of(LINE),
                List.of(LINE, LINE), List.of("oom-1"), T.plusSeconds(11), false, T.plusSeconds(11));
        Map<String, Instant> distinct = new LinkedHashMap<>();
        distinct.put("b", T.plusSeconds(2));
        distinct.put("a", T.plusSeconds(1));
        WindowState window = new WindowState(1, List.of(T, T.plusMillis(1)), distinct);
        StreamState stream = new StreamState(1, "app_log_truncation", "h", "/tmp/app.log", 40, T, T.plusSeconds(1200),
                LINE, true, false, 30_000, Map.of("file", "/tmp/app.log"), null);
        SequenceState sequence = new SequenceState(1, List.of(new SequenceState.Partial(0, T, Map.of("kill.victim_pid", "42"),
                List.of(LINE))));

        assertEquals(episode, roundTrip(StateCodecs.EPISODES, episode));
        assertEquals(window, roundTrip(StateCodecs.WINDOWS, window));
        WindowState opened = new WindowState(2, List.of(T), Map.of(), T);
        assertEquals(opened, roundTrip(StateCodecs.WINDOWS, opened));
        WindowState closed = new WindowState(2, List.of(T), Map.of(), null);
        assertEquals(closed, roundTrip(StateCodecs.WINDOWS, closed));
        assertEquals(List.of("b", "a"), List.copyOf(roundTrip(StateCodecs.WINDOWS, window).distinct().keySet()),
                "the order of distinct values is their eviction order");
        assertEquals(new EvidenceRing(1, List.of(LINE)), roundTrip(StateCodecs.CAUSES, new EvidenceRing(1, List.of(LINE))));
        assertEquals(stream, roundTrip(StateCodecs.STREAMS, stream));
        assertEquals(sequence, roundTrip(StateCodecs.SEQUENCES, sequence));
        assertEquals(new HostClock(1, T, T.plusMillis(80), 80), roundTrip(StateCodecs.HOSTS, new HostClock(1, T, T.plusMillis(80), 80)));
        KillList kills = new KillList(1, List.of(new KillList.Kill("oom-1", T, null, "uvicorn", "kernel_oom_kill\u001fh\u001f42")));
        assertEquals(kills, roundTrip(StateCodecs.KILLS, kills));
    }

    @Test
    void shouldStillReadStateThatEarlierAnalyzersWroteAsJson() throws IOException {
        byte[] legacy = ("{\"v\":1,\"latest\":\"2026-01-12T07:38:00.123456789Z\",\"arrivedAt\":\"2026-01-12T07:38:00.2Z\","
                + "\"lagMillis\":77}").getBytes(StandardCharsets.UTF_8);

        HostClock read = StateCodecs.HOSTS.decode(legacy);

        assertEquals(new HostClock(1, T, Instant.parse("2026-01-12T07:38:00.2Z"), 77), read);
    }

    @Test
    void shouldRefuseAFormatItDoesNotKnowAndSaySo() {
        IOException e = assertThrows(IOException.class, () -> StateCodecs.HOSTS.decode(new byte[] {7, 0, 0}));

        assertEquals("unknown state format byte 7 for HostClock; this analyzer reads JSON and format 1", e.getMessage());
    }

    private static <V> V roundTrip(StateCodec<V> codec, V value) throws IOException {
        byte[] bytes = codec.encode(value);
        assertEquals(StateCodec.BINARY_V1, bytes[0]);
        return codec.decode(bytes);
    }
}
