package dev.vigil.shippers.file;

import dev.vigil.shippers.container.ContainerLogFormat;
import java.util.Arrays;
import java.util.Locale;

/** How the lines of a tailed file become events. */
public enum FileFormat {
    /**
     * Syslog when the first line read of the file is a syslog line (a stamp, a host and a
     * {@code prog[pid]:} tag, or RFC 5424), a container log when it is a CRI or Docker json-file
     * record, else text.
     */
    AUTO,
    /**
     * A syslog file ({@code /var/log/syslog}, {@code messages}, {@code kern.log}) or a
     * {@code journalctl -o short*} export: {@code kernel:} lines are kernel events, the others
     * journald events with identifier, pid and, for systemd's lines, unit; a line that is not
     * syslog is shipped as text.
     */
    SYSLOG,
    /** An application's own log: every line a {@code file} event, its time parsed from the line. */
    TEXT,
    /**
     * A Kubernetes container log in the CRI format ({@code /var/log/pods/…/0.log}, the links in
     * {@code /var/log/containers/}): each line's output as a text file's line, partial records
     * joined, the event at the record's time with its {@code stream} and the path's pod fields.
     */
    CRI,
    /** A Docker json-file log ({@code /var/lib/docker/containers/<id>/<id>-json.log}), read as {@link #CRI} is. */
    DOCKER_JSON;

    /** Every format as the config writes it, for error messages. */
    public static final String SPELLINGS = String.join(", ", Arrays.stream(values()).map(FileFormat::spelling).toList());

    /** The container log format of this file format; null for the others. */
    public ContainerLogFormat container() {
        return switch (this) {
            case CRI -> ContainerLogFormat.CRI;
            case DOCKER_JSON -> ContainerLogFormat.DOCKER_JSON;
            default -> null;
        };
    }

    /** Parses the config spelling ({@code auto}, {@code syslog}, {@code text}, {@code cri}, {@code docker-json}). */
    public static FileFormat parse(String text) {
        for (FileFormat f : values()) {
            if (f.spelling().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown file format '" + text + "', expected one of " + SPELLINGS);
    }

    /** How the config and the command line write this format. */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
