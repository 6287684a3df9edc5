package dev.vigil.analyzer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.analyzer.engine.absence.StreamCodec;
import dev.vigil.analyzer.engine.sequence.SequenceCodec;
import dev.vigil.analyzer.engine.sequence.SequenceState;
import dev.vigil.analyzer.engine.absence.StreamState;
import dev.vigil.analyzer.engine.threshold.WindowCodec;
import dev.vigil.analyzer.engine.threshold.WindowState;
import java.io.IOException;
import java.time.Instant;
import java.util.HexFormat;
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

        assertEquals(episode, roundTrip(EngineCodecs.EPISODES, episode));
        assertEquals(window, roundTrip(WindowCodec.CODEC, window));
        WindowState opened = new WindowState(2, List.of(T), Map.of(), T);
        assertEquals(opened, roundTrip(WindowCodec.CODEC, opened));
        WindowState closed = new WindowState(2, List.of(T), Map.of(), null);
        assertEquals(closed, roundTrip(WindowCodec.CODEC, closed));
        assertEquals(List.of("b", "a"), List.copyOf(roundTrip(WindowCodec.CODEC, window).distinct().keySet()),
                "the order of distinct values is their eviction order");
        assertEquals(new EvidenceRing(1, List.of(LINE)), roundTrip(EngineCodecs.CAUSES, new EvidenceRing(1, List.of(LINE))));
        assertEquals(stream, roundTrip(StreamCodec.CODEC, stream));
        assertEquals(sequence, roundTrip(SequenceCodec.CODEC, sequence));
        assertEquals(new HostClock(1, T, T.plusMillis(80), 80), roundTrip(EngineCodecs.HOSTS, new HostClock(1, T, T.plusMillis(80), 80)));
        KillList kills = new KillList(1, List.of(new KillList.Kill("oom-1", T, null, "uvicorn", "kernel_oom_kill\u001fh\u001f42")));
        assertEquals(kills, roundTrip(EngineCodecs.KILLS, kills));
    }

    @Test
    void shouldRefuseAFormatItDoesNotKnowAndSaySo() {
        IOException e = assertThrows(IOException.class, () -> EngineCodecs.HOSTS.decode(new byte[] {7, 0, 0}));

        assertEquals("unknown state format byte 7 for HostClock; this analyzer reads format 1", e.getMessage());
    }

    /**
     * Bytes as the analyzer stored them before its codecs moved beside the engine's handlers
     * (format {@link StateCodec#BINARY_V1}, written by that build): each still decodes to the
     * same value, so a store written by an earlier analyzer is read after the upgrade.
     */
    @Test
    void shouldDecodeBytesStoredByEarlierAnalyzers() throws IOException {
        Instant t = Instant.parse("2026-01-12T07:38:00.5Z");
        EvidenceItem line = new EvidenceItem("e-1", t, "kernel", "Out of memory: Killed process 632846 (uvicorn)");

        assertEquals(new EpisodeState(1, "oom-1", "kernel_oom_kill", "h", "", t, t.plusSeconds(1), 2, false,
                Map.of("victim_comm", "uvicorn"), List.of(line), List.of(), List.of("r-1"), t.plusSeconds(2), true,
                t.plusSeconds(2)), stored(EngineCodecs.EPISODES,
                "0100000001000000066f6f6d2d31000000106b65726e656c5f6f6f6d5f6b696c6c00000002680000"
                + "0001000000006964a4d81dcd6500000000006964a4d91dcd65000000000000000002000000000100"
                + "00000c76696374696d5f636f6d6d00000008757669636f726e0000000100000004652d3100000000"
                + "6964a4d81dcd6500000000076b65726e656c0000002f4f7574206f66206d656d6f72793a204b696c"
                + "6c65642070726f63657373203633323834362028757669636f726e29000000000000000100000004"
                + "722d31000000006964a4da1dcd650001000000006964a4da1dcd6500"));
        assertEquals(new WindowState(2, List.of(t), Map.of("a", t), t), stored(WindowCodec.CODEC,
                "010000000200000001000000006964a4d81dcd6500000000010000000261000000006964a4d81dcd"
                + "650000000001000000006964a4d81dcd6500"));
        assertEquals(new WindowState(1, List.of(t), Map.of()), stored(WindowCodec.CODEC,
                "010000000100000001000000006964a4d81dcd650000000000"));
        assertEquals(new EvidenceRing(1, List.of(line)), stored(EngineCodecs.CAUSES,
                "01000000010000000100000004652d31000000006964a4d81dcd6500000000076b65726e656c0000"
                + "002f4f7574206f66206d656d6f72793a204b696c6c65642070726f63657373203633323834362028"
                + "757669636f726e29"));
        assertEquals(new StreamState(1, "app_log_truncation", "h", "/var/log/app.log", 3, t, t.plusSeconds(60), line, true,
                false, 30000, Map.of("file", "/var/log/app.log"), null), stored(StreamCodec.CODEC,
                "0100000001000000136170705f6c6f675f7472756e636174696f6e0000000268000000112f766172"
                + "2f6c6f672f6170702e6c6f670000000000000003000000006964a4d81dcd6500000000006964a514"
                + "1dcd650000000004652d31000000006964a4d81dcd6500000000076b65726e656c0000002f4f7574"
                + "206f66206d656d6f72793a204b696c6c65642070726f63657373203633323834362028757669636f"
                + "726e2901000000000000007530000000010000000566696c65000000112f7661722f6c6f672f6170"
                + "702e6c6f6700000000"));
        assertEquals(new SequenceState(1, List.of(new SequenceState.Partial(0, t, Map.of("kill.victim_pid", "632846"),
                List.of(line)))), stored(SequenceCodec.CODEC,
                "01000000010000000100000000000000006964a4d81dcd650000000001000000106b696c6c2e7669"
                + "6374696d5f706964000000073633323834360000000100000004652d31000000006964a4d81dcd65"
                + "00000000076b65726e656c0000002f4f7574206f66206d656d6f72793a204b696c6c65642070726f"
                + "63657373203633323834362028757669636f726e29"));
        assertEquals(new HostClock(1, t, t.plusMillis(80), 80), stored(EngineCodecs.HOSTS,
                "0100000001000000006964a4d81dcd6500000000006964a4d8229219000000000000000050"));
        assertEquals(new KillList(1, List.of(new KillList.Kill("oom-1", t, "632846", "uvicorn", "kernel_oom_kill\u001fh\u001f"))),
                stored(EngineCodecs.KILLS,
                "010000000100000001000000066f6f6d2d31000000006964a4d81dcd650000000007363332383436"
                + "00000008757669636f726e000000136b65726e656c5f6f6f6d5f6b696c6c1f681f"));
    }

    private static <V> V stored(StateCodec<V> codec, String hex) throws IOException {
        byte[] bytes = HexFormat.of().parseHex(hex);
        assertEquals(hex, HexFormat.of().formatHex(codec.encode(codec.decode(bytes))), "written back byte for byte");
        return codec.decode(bytes);
    }

    private static <V> V roundTrip(StateCodec<V> codec, V value) throws IOException {
        byte[] bytes = codec.encode(value);
        assertEquals(StateCodec.BINARY_V1, bytes[0]);
        return codec.decode(bytes);
    }
}
