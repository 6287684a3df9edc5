package dev.vigil.analyzer.bench;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An app log's lines as the file shipper's events, for the benches that feed the engine or the topology directly. */
public final class AppLogEvents {
    private AppLogEvents() {}

    /**
     * The lines as file events of {@code file} on {@code hosts} hosts in turn ({@code localhost}
     * for one), each stamped with the time its {@code yyyy-MM-dd HH:mm:ss} header gives (a line
     * without one keeps the last), its offset and id its number.
     */
    public static List<Event> of(List<String> lines, int hosts, String file) {
        List<Event> out = new ArrayList<>(lines.size());
        Instant ts = Instant.EPOCH;
        long n = 0;
        for (String l : lines) {
            if (l.length() > 19 && l.charAt(4) == '-' && l.charAt(10) == ' ') {
                ts = Instant.parse(l.substring(0, 10) + "T" + l.substring(11, 19) + "Z");
            }
            String host = hosts == 1 ? "localhost" : "host-" + (n % hosts);
            out.add(Event.builder(host, Source.FILE, ts, l).file(file).offset(n).id(host + ":" + n++).build());
        }
        return out;
    }
}
