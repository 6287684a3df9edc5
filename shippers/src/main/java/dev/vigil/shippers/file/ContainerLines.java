package dev.vigil.shippers.file;

import dev.vigil.shippers.container.ContainerLogFormat;
import dev.vigil.shippers.container.ContainerLogPath;
import dev.vigil.shippers.container.ContainerRecord;
import dev.vigil.shippers.container.PartialRecords;
import dev.vigil.shippers.produce.SourceMetrics;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lines of a container log file ({@link ContainerLogFormat}) as the container wrote them: each
 * record's wrapper taken off, partial records joined, so that multiline rules and events see the
 * output as they would in the app's own log file. A line that is not a record of the file's
 * format is kept as it is (shipped as text), counted as an error and logged once per file.
 */
final class ContainerLines {
    private static final Logger log = LoggerFactory.getLogger(ContainerLines.class);

    private final ContainerLogFormat format;
    private final SourceMetrics errors;
    private final PartialRecords partials;
    private Path fieldsOf;
    private Map<String, String> pathFields = Map.of();
    private long badLines;

    ContainerLines(ContainerLogFormat format, int maxLineBytes, SourceMetrics errors) {
        this.format = format;
        this.errors = errors;
        this.partials = new PartialRecords(maxLineBytes);
    }

    ContainerLogFormat format() {
        return format;
    }

    /**
     * The line {@code read} (starting at {@code start}) ends: its output with the record that holds
     * it, from where its first record starts; {@code read} itself when it is no record; null while
     * its record is partial and waits for the rest of the line.
     */
    FileEvents.Line unwrap(DecodedLine read, long start, Path path) {
        ContainerRecord r = format.parse(read.text());
        if (r == null) {
            badLine(start, path);
            return new FileEvents.Line(read, start);
        }
        PartialRecords.Line whole = partials.add(r, start);
        if (whole == null) {
            return null;
        }
        Set<String> flags = read.flags();
        if (whole.truncated()) {
            flags = new TreeSet<>(flags);
            flags.add("line_truncated");
        }
        String content = whole.record().content();
        return new FileEvents.Line(new DecodedLine(content, flags, content.length(), whole.record()), whole.start());
    }

    /** Where the earliest partial record still held starts; {@link Long#MAX_VALUE} when none is. */
    long heldFrom() {
        return partials.heldFrom();
    }

    /** The fields the file's path gives its events (namespace, pod, container ...), worked out once per path. */
    Map<String, String> pathFields(Path path) {
        if (!path.equals(fieldsOf)) {
            fieldsOf = path;
            pathFields = ContainerLogPath.fields(path.toString());
        }
        return pathFields;
    }

    private void badLine(long offset, Path path) {
        errors.recordError();
        if (badLines++ == 0) {
            log.warn("Line is not a container log record, shipped as text file={} offset={} format={}", path, offset, format);
        }
    }
}
