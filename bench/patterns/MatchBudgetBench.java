import dev.vigil.patterns.compile.CompiledPattern;
import dev.vigil.patterns.compile.MatchBudget;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import dev.vigil.patterns.library.PatternLoader;
import java.time.Instant;
import java.util.Map;

/**
 * What the per-event match budget saves: regexes of growing program size on one line of
 * 1 MiB that they do not match (the worst case: the regex engine reads all it may), timed
 * with the default budget and with a budget larger than the line. A plain loop with warm-up,
 * not JMH: compare the two columns on one machine.
 *
 * <pre>bench/patterns/run-budget</pre>
 */
public final class MatchBudgetBench {
    private static final String[] REGEXES = {"Killed process (\\d+)", "[^\\x00]{100}ZQ", "[^\\x00]{1000}ZQ"};

    public static void main(String[] args) {
        Event line = Event.builder("bench", Source.FILE, Instant.parse("2026-12-03T02:30:00Z"),
                "2026-12-03 02:30:00,000 ERROR t " + "a".repeat(1 << 20)).file("/tmp/x/a.log").build();
        CompiledPattern[] budgeted = compile();
        System.setProperty(MatchBudget.MAX_CHARS_PROPERTY, String.valueOf(Integer.MAX_VALUE));
        CompiledPattern[] whole = compile();
        System.out.println("| regex | ms/event, default budget | ms/event, whole line |");
        System.out.println("|---|---|---|");
        for (int i = 0; i < REGEXES.length; i++) {
            // the largest regex on the whole line takes minutes per run: ten times the row above
            String wholeMs = i == REGEXES.length - 1 ? "not run" : String.format("%.1f", msPerEvent(whole[i], line));
            System.out.printf("| `%s` | %.1f | %s |%n", REGEXES[i], msPerEvent(budgeted[i], line), wholeMs);
        }
    }

    private static CompiledPattern[] compile() {
        CompiledPattern[] out = new CompiledPattern[REGEXES.length];
        for (int i = 0; i < REGEXES.length; i++) {
            String text = "pattern p {\n  match file where message ~ /" + REGEXES[i] + "/\n  type t\n  summary \"s\"\n}\n";
            out[i] = PatternLoader.fromSources(Map.of("p" + i + ".vigil", text)).patterns().byName("p").orElseThrow();
        }
        return out;
    }

    private static double msPerEvent(CompiledPattern p, Event e) {
        p.match(e); // warm-up
        int runs = 2;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            if (p.match(e).isPresent()) {
                throw new IllegalStateException("the bench line must not match");
            }
        }
        return (System.nanoTime() - start) / 1e6 / runs;
    }
}
