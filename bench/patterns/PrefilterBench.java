import dev.vigil.patterns.compile.CompiledPattern;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.compile.Step;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import dev.vigil.patterns.library.PatternLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the literal prefilter saves: every line of the given log files, as file and journald
 * events, through the standard library plus 20 extra patterns with their own literals, once
 * trying every pattern's steps and once only the candidates. A plain loop with warm-up, not
 * JMH: the figures are for comparing the two paths on one machine.
 */
public class PrefilterBench {
    private static final int ROUNDS = 20;

    public static void main(String[] args) throws Exception {
        List<Event> events = events(args);
        PatternSet set = patterns();
        System.out.printf("patterns=%d events=%d%n", set.size(), events.size());
        for (int warmup = 0; warmup < 3; warmup++) {
            everyPattern(set, events);
            candidatesOnly(set, events);
        }
        report("every pattern", set, events, false);
        report("candidates   ", set, events, true);
    }

    private static void report(String name, PatternSet set, List<Event> events, boolean prefilter) {
        long matches = 0;
        long start = System.nanoTime();
        for (int r = 0; r < ROUNDS; r++) {
            matches += prefilter ? candidatesOnly(set, events) : everyPattern(set, events);
        }
        double nsPerEvent = (System.nanoTime() - start) / (double) (ROUNDS * events.size());
        double tried = prefilter ? events.stream().mapToInt(e -> set.candidates(e).size()).average().orElse(0)
                : set.size();
        System.out.printf("%s  %8.0f ns/event  patterns tried/event %5.2f  matches %d%n", name, nsPerEvent, tried,
                matches / ROUNDS);
    }

    private static long everyPattern(PatternSet set, List<Event> events) {
        long n = 0;
        for (Event e : events) {
            for (CompiledPattern p : set.patterns()) {
                n += matches(p, e);
            }
        }
        return n;
    }

    private static long candidatesOnly(PatternSet set, List<Event> events) {
        long n = 0;
        for (Event e : events) {
            for (CompiledPattern p : set.candidates(e)) {
                n += matches(p, e);
            }
        }
        return n;
    }

    private static int matches(CompiledPattern p, Event e) {
        int n = 0;
        for (Step s : p.steps()) {
            n += s.matches(e) ? 1 : 0;
        }
        return n;
    }

    private static PatternSet patterns() {
        Map<String, String> files = new LinkedHashMap<>();
        PatternLoader.loadLibrary().sources().forEach(files::put);
        StringBuilder extra = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            extra.append("pattern extra_").append(i).append(" { match where message ~ /component")
                    .append(i).append(" failed: (?<reason>.+)$/ type t summary \"{reason}\" }\n");
        }
        files.put("extra.vigil", extra.toString());
        PatternLoader.Result result = PatternLoader.fromSources(files);
        if (result.hasErrors()) {
            throw new IllegalStateException(result.render());
        }
        return result.patterns();
    }

    private static List<Event> events(String[] files) throws Exception {
        List<Event> events = new ArrayList<>();
        Instant t = Instant.parse("2026-01-12T07:00:00Z");
        for (String file : files) {
            for (String line : Files.readAllLines(Path.of(file))) {
                events.add(Event.builder("bench", Source.FILE, t, line).file(file).build());
                events.add(Event.builder("bench", Source.JOURNALD, t, line).unit("bench.service").build());
            }
        }
        if (events.isEmpty()) {
            throw new IllegalArgumentException("usage: PrefilterBench LOGFILE...");
        }
        return events;
    }
}
