package dev.vigil.analyzer.cli;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.incident.IncidentJson;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Prints incident records: one readable line each for people, or JSON lines for programs. */
final class IncidentPrinter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final PrintWriter out;
    private final boolean json;

    IncidentPrinter(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    void print(Incident incident) {
        out.println(json ? IncidentJson.toJson(incident) : readable(incident));
        out.flush();
    }

    static String readable(Incident i) {
        return String.format(Locale.ROOT, "%s %-8s %-8s %-15s host=%s subject=%s count=%d  %s  [%s]",
                TIME.format(i.lastSeen()),
                i.status().name(),
                i.severity(),
                i.type(),
                i.host(),
                i.subject() == null ? "-" : i.subject(),
                i.count(),
                i.summary(),
                i.id());
    }
}
