package dev.vigil.analyzer.oom;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.incident.IncidentIds;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;

/** Turns each kernel OOM kill into an {@code oom_kill} incident naming the victim. */
public final class OomKillDetector implements ProcessorSupplier<String, Event, String, Incident> {
    /** Name of the pattern that produces these incidents. */
    public static final String PATTERN = "kernel-oom-kill";

    @Override
    public Processor<String, Event, String, Incident> get() {
        return new OomKillProcessor();
    }

    private static final class OomKillProcessor implements Processor<String, Event, String, Incident> {
        private ProcessorContext<String, Incident> context;

        @Override
        public void init(ProcessorContext<String, Incident> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, Event> record) {
            Event e = record.value();
            if (e.source() != Source.KERNEL && !"kernel".equals(e.identifier())) {
                return;
            }
            Optional<OomKill> kill = OomKill.parse(e.message());
            if (kill.isEmpty()) {
                return;
            }
            Incident incident = incidentFor(e, kill.get());
            context.forward(new Record<>(incident.id(), incident, record.timestamp()));
        }

        private static Incident incidentFor(Event e, OomKill kill) {
            String subject = kill.comm();
            String groupKey = (e.bootId() == null ? "" : e.bootId()) + "/" + kill.pid();
            String where = kill.cgroupLimited() ? "memory cgroup limit" : "system out of memory";
            String rss = kill.anonRssMib() < 0 ? "" : " with " + kill.anonRssMib() + " MiB resident";
            String summary = "Kernel OOM killer killed " + kill.comm() + " (pid " + kill.pid() + ")" + rss
                    + " on " + e.host() + " (" + where + ")";
            Map<String, String> labels = Map.of(
                    "pid", String.valueOf(kill.pid()),
                    "comm", kill.comm(),
                    "anon_rss_kb", String.valueOf(kill.anonRssKb()),
                    "constraint", kill.cgroupLimited() ? "memcg" : "global");
            return new Incident(
                    IncidentIds.of(PATTERN, e.host(), groupKey, e.ts()),
                    "oom_kill", PATTERN, "critical", Incident.Status.FIRING,
                    e.host(), subject, 1, e.ts(), e.ts(), summary, null,
                    List.of(new Incident.Evidence(e.id(), e.ts(), e.source().wireName(), e.message())),
                    List.of(), labels);
        }
    }
}
