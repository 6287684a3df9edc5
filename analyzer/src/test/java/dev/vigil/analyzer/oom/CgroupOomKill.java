package dev.vigil.analyzer.oom;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Makes the real kernel OOM-kill a real process: a memory cgroup with a small limit and a shell
 * that doubles a string until the cgroup's charge hits that limit.
 *
 * <p>The process is a {@code /bin/sh} started through a symlink named {@value #COMM}, so the
 * kernel's task name ({@code comm}, taken from the executable's file name) is predictable. The
 * shell blocks on {@code read} until its pid is in the cgroup's {@code cgroup.procs}, so none
 * of its memory is charged outside the limit. With cgroup v1 the group lives at the root of the
 * {@code memory} hierarchy; with cgroup v2 at the root of the unified hierarchy, when it offers
 * the {@code memory} controller.
 */
final class CgroupOomKill {

    /** Task name the victim has in the kernel's OOM report (at most 15 characters). */
    static final String COMM = "vigil-oom-hog";
    /** Memory limit of the cgroup; small, so the kill comes within a second. */
    static final long LIMIT_BYTES = 64L * 1024 * 1024;

    private final Path cgroupRoot;
    private final boolean unified;

    private CgroupOomKill(Path cgroupRoot, boolean unified) {
        this.cgroupRoot = cgroupRoot;
        this.unified = unified;
    }

    /** What happened to the victim. */
    record Result(long pid, String comm, int signal, String cgroup, long oomKills) {
        Result {
            Objects.requireNonNull(comm, "comm");
            Objects.requireNonNull(cgroup, "cgroup");
        }
    }

    /** A fixture for this machine, or why it cannot run here. */
    static Availability detect() {
        Optional<Path> v1 = mountPoint("cgroup", "memory");
        if (v1.isPresent()) {
            return writable(new CgroupOomKill(v1.get(), false));
        }
        Optional<Path> v2 = mountPoint("cgroup2", null);
        if (v2.isPresent() && readTrimmed(v2.get().resolve("cgroup.controllers")).contains("memory")) {
            return writable(new CgroupOomKill(v2.get(), true));
        }
        return new Availability(null, "no memory cgroup controller is mounted (neither a cgroup v1 'memory' "
                + "hierarchy nor a cgroup v2 hierarchy offering 'memory'; see /proc/mounts)");
    }

    /** Either a usable fixture or the reason there is none. */
    record Availability(CgroupOomKill fixture, String reason) {
        boolean isAvailable() {
            return fixture != null;
        }
    }

    /**
     * Runs one victim in a fresh cgroup and waits at most {@code timeout} for the kernel to kill it.
     *
     * @throws IllegalStateException when the victim is still alive at the deadline (it is then killed)
     */
    Result killOne(Duration timeout) throws IOException, InterruptedException {
        Path cgroup = cgroupRoot.resolve("vigil-test-" + UUID.randomUUID().toString().substring(0, 8));
        Path launcherDir = Files.createTempDirectory("vigil-oom");
        Path launcher = Files.createSymbolicLink(launcherDir.resolve(COMM), Path.of("/bin/sh"));
        Files.createDirectory(cgroup);
        Process victim = null;
        try {
            limitMemory(cgroup);
            victim = new ProcessBuilder(launcher.toString(), "-c", "read go; x=vigil; while :; do x=$x$x; done")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Files.writeString(cgroup.resolve("cgroup.procs"), Long.toString(victim.pid()));
            try (OutputStream go = victim.getOutputStream()) {
                go.write('\n');
            }
            if (!victim.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("process " + victim.pid() + " in " + cgroup + " still alive after "
                        + timeout + " with a limit of " + LIMIT_BYTES + " bytes; the kernel did not OOM-kill it");
            }
            // exitValue() is 128 + signal for a process killed by a signal
            int exit = victim.exitValue();
            int signal = exit > 128 ? exit - 128 : 0;
            return new Result(victim.pid(), COMM, signal, "/" + cgroupRoot.relativize(cgroup), oomKills(cgroup));
        } finally {
            if (victim != null && victim.isAlive()) {
                victim.destroyForcibly().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            removeCgroup(cgroup);
            Files.deleteIfExists(launcher);
            Files.deleteIfExists(launcherDir);
        }
    }

    private void limitMemory(Path cgroup) throws IOException {
        if (unified) {
            Files.writeString(cgroup.resolve("memory.max"), Long.toString(LIMIT_BYTES));
            Path swapMax = cgroup.resolve("memory.swap.max");
            if (Files.exists(swapMax)) {
                Files.writeString(swapMax, "0");
            }
        } else {
            Files.writeString(cgroup.resolve("memory.limit_in_bytes"), Long.toString(LIMIT_BYTES));
        }
    }

    /** The kernel's own count of OOM kills in the group: {@code oom_kill N}. */
    private long oomKills(Path cgroup) {
        Path file = cgroup.resolve(unified ? "memory.events" : "memory.oom_control");
        for (String line : readTrimmed(file).split("\n")) {
            if (line.startsWith("oom_kill ")) {
                return Long.parseLong(line.substring("oom_kill ".length()).trim());
            }
        }
        return 0;
    }

    /** rmdir fails with EBUSY until the kernel has finished tearing the dead task out of the group. */
    private static void removeCgroup(Path cgroup) {
        await("removal of " + cgroup).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    try {
                        Files.deleteIfExists(cgroup);
                        return true;
                    } catch (IOException busy) {
                        return false;
                    }
                });
    }

    private static Availability writable(CgroupOomKill fixture) {
        Path probe = fixture.cgroupRoot.resolve("vigil-probe-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            Files.createDirectory(probe);
            Files.delete(probe);
            if (fixture.unified && !readTrimmed(fixture.cgroupRoot.resolve("cgroup.subtree_control")).contains("memory")) {
                Files.writeString(fixture.cgroupRoot.resolve("cgroup.subtree_control"), "+memory");
            }
            return new Availability(fixture, null);
        } catch (IOException e) {
            return new Availability(null, "the memory cgroup at " + fixture.cgroupRoot + " is not writable ("
                    + e + "); run as root or delegate a cgroup to this user");
        }
    }

    /** The mount point of a {@code fstype} mount, with {@code option} among its options when given. */
    private static Optional<Path> mountPoint(String fstype, String option) {
        for (String line : readTrimmed(Path.of("/proc/mounts")).split("\n")) {
            String[] f = line.split(" ");
            if (f.length >= 4 && f[2].equals(fstype) && (option == null || List.of(f[3].split(",")).contains(option))) {
                return Optional.of(Path.of(f[1]));
            }
        }
        return Optional.empty();
    }

    private static String readTrimmed(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            if (Files.exists(file)) {
                throw new UncheckedIOException(file.toString(), e);
            }
            return "";
        }
    }
}
