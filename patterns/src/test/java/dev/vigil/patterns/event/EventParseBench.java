package dev.vigil.patterns.event;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The thread CPU of {@link EventJson#parse(byte[])} per event over a file of event JSON, one
 * event a line, as the live analyzer's stream thread parses them (no JMH: run it with the
 * launcher's JIT options, {@code -XX:MaxInlineLevel=3 -XX:InlineSmallCode=500 -XX:FreqInlineSize=50},
 * and with none, to see both):
 *
 * <pre>
 * java OPTIONS -cp patterns/target/classes:patterns/target/test-classes:CLASSPATH \
 *     dev.vigil.patterns.event.EventParseBench EVENTS.jsonl [ROUNDS]
 * </pre>
 *
 * The events of the live bench ({@code bench/analyzer/run live}) are the app log of
 * {@code bench/analyzer/generate-applog.py} replayed into events and written with
 * {@link EventJson#toBytes} as 16 hosts, which the analyzer's {@code LiveThroughputBench} does
 * before it produces them; write them to a file that way to parse the same bytes here.
 */
final class EventParseBench {
    private EventParseBench() {}

    public static void main(String[] args) throws IOException {
        byte[][] events = read(Path.of(args[0]));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        // the JDK's own bean, which also counts the bytes a thread allocates
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double[] perEvent = new double[rounds];
        long sink = 0;
        for (int round = 0; round < rounds; round++) {
            long start = threads.getCurrentThreadCpuTime();
            long allocated = threads.getCurrentThreadAllocatedBytes();
            for (byte[] json : events) {
                Event e = EventJson.parse(json);
                // every field the engine reads, so none of the parse is dead code
                sink += e.ts().getEpochSecond() + e.message().length() + e.host().hashCode() + e.source().ordinal()
                        + (e.offset() == null ? 0 : e.offset()) + (e.priority() == null ? 0 : e.priority());
            }
            perEvent[round] = (threads.getCurrentThreadCpuTime() - start) / (double) events.length;
            System.out.printf("round %2d: %6.1f ns/event, %5.1f bytes allocated/event%n", round + 1, perEvent[round],
                    (threads.getCurrentThreadAllocatedBytes() - allocated) / (double) events.length);
        }
        // the first third of the rounds warm the JIT up and are left out of the median
        double[] warm = Arrays.copyOfRange(perEvent, rounds / 3, rounds);
        Arrays.sort(warm);
        System.out.printf("%d events, median of rounds %d..%d: %.1f ns/event, best %.1f (sink %d)%n", events.length,
                rounds / 3 + 1, rounds, warm[warm.length / 2], warm[0], sink);
    }

    private static byte[][] read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int k = 0; k < all.length; k++) {
            if (all[k] == '\n') {
                lines.add(Arrays.copyOfRange(all, start, k));
                start = k + 1;
            }
        }
        return lines.toArray(byte[][]::new);
    }
}
