package dev.vigil.shippers.container;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One record of a container's log file, as the runtime wrote it: the output's time, the stream,
 * whether the line goes on in the next record of that stream, and the output itself without its
 * line end.
 *
 * @param time when the runtime read the output (the record's own stamp, to the nanosecond)
 * @param stream {@code stdout} or {@code stderr}
 * @param partial true when the line is cut here and continues in the stream's next record
 *     (CRI tag {@code P}; a Docker json-file {@code log} without its trailing newline)
 * @param content the output, without the newline that ends a whole line
 * @param attrs Docker's {@code attrs} (labels and env named by {@code --log-opt}); empty for CRI
 */
public record ContainerRecord(Instant time, String stream, boolean partial, String content, Map<String, String> attrs) {
    public ContainerRecord {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(content, "content");
        attrs = attrs == null ? Map.of() : Map.copyOf(attrs);
    }

    /** The fields of this record's event: those of its file's path, Docker's attrs, and {@code stream}. */
    public Map<String, String> fields(Map<String, String> pathFields) {
        Map<String, String> fields = new LinkedHashMap<>(pathFields);
        attrs.forEach(fields::putIfAbsent);
        fields.put("stream", stream);
        return fields;
    }

    /**
     * Whether this record's line may continue the event whose last line is {@code last}'s: of the
     * same stream (stdout's and stderr's records interleave, an access log line in the middle of a
     * traceback, and must not mix: fluent/fluent-bit#4387), and written within {@code gap} of it.
     * A traceback comes in one burst; the next run's traceback, a restart later, is a new event,
     * as the live shipper's multiline timeout would make it.
     */
    public boolean mayContinue(ContainerRecord last, Duration gap) {
        return stream.equals(last.stream) && !time.isAfter(last.time.plus(gap));
    }

    /** This record with {@code more} (the stream's next record) appended: the joined line takes the first time. */
    ContainerRecord joinedWith(ContainerRecord more) {
        return new ContainerRecord(time, stream, more.partial, content + more.content, attrs.isEmpty() ? more.attrs : attrs);
    }
}
