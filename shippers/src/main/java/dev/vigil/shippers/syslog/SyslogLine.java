package dev.vigil.shippers.syslog;

import java.time.Instant;

/**
 * One line of a syslog text file or a {@code journalctl} text export, split into its header and
 * message.
 *
 * @param ts when it was written
 * @param host the host the line names; null when it names none (RFC 5424's {@code -})
 * @param program the tag's program ({@code systemd}, {@code kernel}, {@code sshd}); null when the
 *     line has no tag ({@code last message repeated 3 times})
 * @param pid the tag's {@code [pid]}; null when absent or not a number
 * @param facility from a {@code <PRI>} prefix; null without one
 * @param priority from a {@code <PRI>} prefix; null without one
 * @param message the text after the tag
 */
public record SyslogLine(Instant ts, String host, String program, Long pid, Integer facility, Integer priority,
        String message) {}
