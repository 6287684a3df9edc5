package dev.vigil.analyzer.replay;

import dev.vigil.analyzer.topology.InlineIntake;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.library.PatternFiles;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the read-ahead thread of {@code vigil replay} costs, without the engine: a text log read
 * into events (the reader alone), or read and prepared as replay prepares them ahead (the
 * intake with the standard library: clamp, id, redaction, signature choice, cut, miner). Prints
 * one line: events, wall seconds and CPU seconds of the reading thread, µs per event. Run by
 * {@code bench/analyzer/run replay-applog}, one JVM per mode, so each pays its own JIT.
 *
 * <pre>ReplayReaderBench FILE reader|intake</pre>
 */
public final class ReplayReaderBench {
    private ReplayReaderBench() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        boolean intake = args.length > 1 && args[1].equals("intake");
        PatternSet library = PatternFiles.load(List.of());
        OfflineAnalyzer analyzer = new OfflineAnalyzer(library, false);
        long[] prepared = {0};
        Consumer<Event> sink = intake ? e -> {
            analyzer.prepare(e);
            prepared[0]++;
        } : e -> prepared[0]++;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        long events = new Replay(library, line -> { }).stream(
                List.of(new ReplayInput(file, InputFormat.TEXT, null, null, null, ZoneOffset.UTC)),
                new Replay.Options(null, null), sink);
        double wall = (System.nanoTime() - wall0) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        if (prepared[0] != events) {
            throw new IllegalStateException("read " + events + " events but the sink saw " + prepared[0]);
        }
        System.out.printf("%s: %d events, wall %.2f s, thread CPU %.2f s, %.2f µs/event%n",
                intake ? "reader + intake" : "reader alone", events, wall, cpu, cpu * 1e6 / events);
    }
}
