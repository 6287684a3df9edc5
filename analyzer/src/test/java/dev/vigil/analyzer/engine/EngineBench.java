package dev.vigil.analyzer.engine;

import dev.vigil.analyzer.replay.OfflineAnalyzer;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.analyzer.bench.AppLogEvents;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.library.PatternLoader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The CPU one app-log line costs on the thread that runs the patterns (bench/engine/run): the
 * engine alone on the INFO lines (the lines only the truncation stream and the cause filters
 * look at), the engine alone on every line, and the whole in-line analyzer (intake, engine,
 * signature miner) on every line, as replay's main thread runs it. Thread CPU time (and bytes allocated), not wall
 * time: the figure holds on a shared machine. Each pass starts from empty state; the last of
 * {@code ROUNDS} is reported, after the JIT has compiled the hot paths, and the least of the
 * rounds after the first.
 *
 * <p>Usage: {@code EngineBench APP_LOG [ROUNDS [PASS]]}, PASS one of {@code info}, {@code engine},
 * {@code inline} (default: all three).
 */
public final class EngineBench {
    private EngineBench() {}

    public static void main(String[] args) throws Exception {
        PatternSet library = PatternLoader.loadLibrary().patterns();
        List<Event> all = events(Files.readAllLines(Path.of(args[0])));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String only = args.length > 2 ? args[2] : "";
        List<Event> info = all.stream().filter(e -> e.message().contains(" INFO ")).toList();
        System.out.printf("| pass | events | CPU s | CPU ns/event | best round ns/event | bytes allocated/event | incident records |%n"
                + "|---|---:|---:|---:|---:|---:|---:|%n");
        if (only.isEmpty() || only.equals("info")) {
            report("engine, INFO lines", info.size(), rounds, () -> engine(library, info));
        }
        if (only.isEmpty() || only.equals("engine")) {
            report("engine, every line", all.size(), rounds, () -> engine(library, all));
        }
        if (only.isEmpty() || only.equals("inline")) {
            report("in-line analyzer (intake, engine, miner), every line", all.size(), rounds, () -> inline(library, all));
        }
    }

    private static List<Event> events(List<String> lines) {
        return AppLogEvents.of(lines, 1, "/tmp/app.log");
    }

    private static long engine(PatternSet set, List<Event> events) {
        EngineState state = new EngineState(new InMemoryStateMap<>(), new InMemoryStateMap<>(), new InMemoryStateMap<>(),
                new InMemoryStateMap<>(), new InMemoryStateMap<>(), new InMemoryStateMap<>(),
                new InMemoryRecentIds(PatternEngine.DEDUPE_WINDOW), new InMemoryStateMap<>());
        PatternEngine engine = new PatternEngine(() -> set, state);
        long records = 0;
        for (Event e : events) {
            records += engine.onEvent(e, e.ts(), e.ts()).size();
        }
        return records;
    }

    private static long inline(PatternSet set, List<Event> events) {
        OfflineAnalyzer analyzer = new OfflineAnalyzer(set);
        events.forEach(analyzer::feed);
        return analyzer.finish().size();
    }

    private interface Pass {
        long run();
    }

    private static void report(String name, int events, int rounds, Pass pass) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        // bytes allocated: unlike CPU time, the same on a busy machine as on a quiet one
        com.sun.management.ThreadMXBean alloc = (com.sun.management.ThreadMXBean) mx;
        long cpu = 0;
        long best = Long.MAX_VALUE;
        long records = 0;
        long bytes = 0;
        for (int r = 0; r < rounds; r++) {
            long start = mx.getCurrentThreadCpuTime();
            long allocatedBefore = alloc.getCurrentThreadAllocatedBytes();
            records = pass.run();
            cpu = mx.getCurrentThreadCpuTime() - start;
            bytes = alloc.getCurrentThreadAllocatedBytes() - allocatedBefore;
            // on a shared machine a round's CPU time grows with the load (caches, SMT siblings): the
            // least of the warm rounds is the steadiest figure to compare
            best = r > 0 ? Math.min(best, cpu) : best;
        }
        best = best == Long.MAX_VALUE ? cpu : best;
        System.out.printf("| %s | %d | %.2f | %.0f | %.0f | %.0f | %d |%n", name, events, cpu / 1e9, cpu / (double) events,
                best / (double) events, bytes / (double) events, records);
    }
}
