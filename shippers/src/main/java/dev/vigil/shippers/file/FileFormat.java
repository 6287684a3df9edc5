package dev.vigil.shippers.file;

import java.util.Locale;

/** How the lines of a tailed file become events. */
public enum FileFormat {
    /**
     * Syslog when the first line read of the file is a syslog line (a stamp, a host and a
     * {@code prog[pid]:} tag, or RFC 5424), else text.
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
    TEXT;

    /** Parses the config spelling ({@code auto}, {@code syslog}, {@code text}). */
    public static FileFormat parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
