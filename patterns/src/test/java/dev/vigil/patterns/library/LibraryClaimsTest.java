package dev.vigil.patterns.library;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.patterns.compile.CompiledPattern;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The library's error signatures leave the lines its specific patterns claim, whatever source
 * they come from, and keep counting the errors nobody claims.
 */
class LibraryClaimsTest {
    private static final PatternSet LIBRARY = PatternLoader.loadLibrary().patterns();
    private static final Instant T0 = Instant.parse("2026-01-12T07:38:00Z");

    // https://github.com/dokku/dokku-postgres/issues/150 (PostgreSQL 9.6.4, Jul 2018)
    private static final String POSTGRES_FULL = "ERROR:  could not extend file \"base/16384/16492\": No space left on device";

    private static boolean matches(String pattern, Event e) {
        CompiledPattern p = LIBRARY.byName(pattern).orElseThrow(() -> new AssertionError("no library pattern " + pattern));
        return p.match(e).isPresent();
    }

    private static Event.Builder event(Source source, String message, int priority) {
        return Event.builder("db-1", source, T0, message).priority(priority);
    }

    @Test
    void shouldLeaveAFullDiskInAUnitsJournalToDiskFull() {
        Event full = event(Source.JOURNALD, POSTGRES_FULL, 3).unit("postgresql@9.6-main.service").identifier("postgres").build();
        // seed 000: the error that ended every run of rivet-worker.service
        Event other = event(Source.JOURNALD, "ModuleNotFoundError: No module named 'asyncpg'", 3)
                .unit("rivet-worker.service").identifier("python3").build();

        assertTrue(matches("no_space_left_on_device", full));
        assertFalse(matches("journal_error_signature", full));
        assertTrue(matches("journal_error_signature", other));
    }

    @Test
    void shouldLeaveAFullDiskOfAProgramWithoutUnitToDiskFull() {
        // https://github.com/linuxkit/linuxkit/issues/348 (docker 1.12, Jul 2016)
        Event full = event(Source.JOURNALD, "time=\"2016-07-25T13:26:05.556757871Z\" level=fatal msg=\"Error starting daemon: "
                + "Error saving key file: write /etc/docker/.tmp-key.json357604861: no space left on device\" ", 3)
                .identifier("dockerd").build();

        assertTrue(matches("no_space_left_on_device", full));
        assertFalse(matches("program_error_signature", full));
    }

    @Test
    void shouldLeaveExt4sFullDiskToItsPatternAndCountItsOtherErrors() {
        // linux-ext4 list, 'ext4 errors with full filesystem', Aug 2015 (Linux 4.1.5), KERN_CRIT
        Event full = event(Source.KERNEL, "EXT4-fs (sda5): Delayed block allocation failed for inode 15695873 at logical offset "
                + "1942120 with max blocks 221 with error 28", 2).build();
        // https://lore.kernel.org/linux-usb/YQpJLk42b+0g7WFB@kroah.com/ (5.14-rc3): no pattern reads it
        Event aborted = event(Source.KERNEL, "EXT4-fs error (device sdd1) in ext4_writepages:2813: Journal has aborted", 3).build();

        assertTrue(matches("kernel_ext4_delalloc_enospc", full));
        assertFalse(matches("kernel_error_signature", full));
        assertTrue(matches("kernel_error_signature", aborted));
    }

    @Test
    void shouldCountAnInotifyLimitAsAnAppErrorSinceDiskFullRefusesIt() {
        // https://github.com/google/cadvisor/issues/2650 (cAdvisor, Aug 2020): ENOSPC from inotify, no disk is full
        Event inotify = event(Source.FILE, "E0827 18:48:24.279544       1 watcher.go:146] Failed to watch directory "
                + "\"/sys/fs/cgroup/pids/kubepods/besteffort/podba142c5b-1e15-4e4d-a34f-6720295a203b/"
                + "e655bcb96540e96ac8a547957dd8468d90441a4282754eaa35e3add3eb31ade3\": inotify_add_watch /sys/fs/cgroup/pids/"
                + "kubepods/besteffort/podba142c5b-1e15-4e4d-a34f-6720295a203b/"
                + "e655bcb96540e96ac8a547957dd8468d90441a4282754eaa35e3add3eb31ade3: no space left on device", 3)
                .file("/var/log/cadvisor.log").build();
        Event full = event(Source.FILE, POSTGRES_FULL, 3).file("/var/log/postgresql/postgresql.log").build();

        assertFalse(matches("no_space_left_on_device", inotify));
        assertTrue(matches("app_error_signature", inotify));
        assertFalse(matches("app_error_signature", full));
    }
}
