package dev.vigil.patterns.compile;

import java.time.Duration;

/**
 * The longer quiet period of {@code quiet 5s, 15s for same victim_pid}: a match whose capture
 * {@code capture} has the value the episode holds still joins it up to {@code within} after its
 * last line, where any other match opens a new episode after the shorter period. A kill's own late
 * line (the OOM reaper's, seconds after the kill) stays with its kill, while the next kill of
 * another process a few seconds later is its own incident.
 */
public record QuietSame(Duration within, String capture) {}
