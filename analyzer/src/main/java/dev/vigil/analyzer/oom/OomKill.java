package dev.vigil.analyzer.oom;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The victim of one kernel OOM kill, read from the kernel's {@code Killed process} line, in any of
 * its forms since Linux 4.x:
 * {@code Out of memory: Killed process 632846 (uvicorn) total-vm:1873324kB, anon-rss:1502312kB, …},
 * {@code Memory cgroup out of memory: Killed process …} and the older
 * {@code Killed process 1234 (java) total-vm:…kB, anon-rss:…kB, file-rss:…kB}.
 *
 * @param pid victim pid
 * @param comm victim task name
 * @param anonRssKb resident anonymous memory at the kill, in KiB; -1 when the line does not say
 * @param cgroupLimited true when a memory cgroup's limit, not the whole machine, ran out
 */
public record OomKill(long pid, String comm, long anonRssKb, boolean cgroupLimited) {
    // A fixed, anchored expression written by Vigil, not by users: java.util.regex is safe here.
    private static final Pattern KILLED = Pattern.compile(
            "^(?:(Memory cgroup out of memory)|Out of memory)?:?\\s*Killed process (\\d+) \\((.*?)\\)(?:.*?anon-rss:(\\d+)kB)?");

    public OomKill {
        Objects.requireNonNull(comm, "comm");
        if (pid <= 0) {
            throw new IllegalArgumentException("pid <= 0: " + pid);
        }
    }

    /** Reads a kernel message; empty unless it is the line naming the victim of an OOM kill. */
    public static Optional<OomKill> parse(String kernelMessage) {
        if (!kernelMessage.contains("Killed process")) {
            return Optional.empty();
        }
        Matcher m = KILLED.matcher(kernelMessage);
        if (!m.find()) {
            return Optional.empty();
        }
        long rss = m.group(4) == null ? -1 : Long.parseLong(m.group(4));
        return Optional.of(new OomKill(Long.parseLong(m.group(2)), m.group(3), rss, m.group(1) != null));
    }

    /** Resident memory in MiB for summaries, or -1 when unknown. */
    public long anonRssMib() {
        return anonRssKb < 0 ? -1 : anonRssKb / 1024;
    }
}
