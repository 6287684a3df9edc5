package dev.vigil.patterns.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.patterns.compile.CompiledPattern;
import dev.vigil.patterns.compile.PatternKind;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import dev.vigil.patterns.testing.TestCase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Library patterns against lines in their real formats: matching and captures only (no engine). */
class LibraryMatchTest {
    private static final PatternSet LIBRARY = PatternLoader.loadLibrary().patterns();
    private static final Instant T0 = Instant.parse("2026-01-12T07:38:00Z");

    private static CompiledPattern pattern(String name) {
        return LIBRARY.byName(name).orElseThrow(() -> new AssertionError("no library pattern " + name));
    }

    private static Map<String, String> captures(String pattern, Event e) {
        return pattern(pattern).match(e).orElseThrow(() -> new AssertionError(pattern + " did not match: " + e.message()))
                .captures();
    }

    private static Event kernel(String message) {
        return Event.builder("web-1", Source.KERNEL, T0, message).build();
    }

    private static Event journald(String unit, String message) {
        return Event.builder("web-1", Source.JOURNALD, T0, message).unit(unit).build();
    }

    @Test
    void shouldCaptureTheRestartCounterOfSystemdsRestartLine() {
        Event e = journald("rivet-worker.service", "rivet-worker.service: Scheduled restart job, restart counter is at 14552.");

        assertEquals(Map.of("unit", "rivet-worker.service", "counter", "14552"),
                captures("systemd_restart_burst", e));
        assertEquals(List.of("rivet-worker.service"), pattern("systemd_restart_burst").groupKey(e,
                pattern("systemd_restart_burst").match(e).orElseThrow()));
    }

    @Test
    void shouldMatchTheRestartMessageIdWhateverTheText() {
        Event e = journald("a.service", "a.service: Dienst wird neu gestartet.").toBuilder()
                .messageId("5eb03494b6584870a536b337290809b3").build();

        assertEquals(Map.of(), captures("systemd_restart_burst", e));
    }

    @Test
    void shouldTakeTheErrorThatEndsEveryRunAsTheCauseOfARestartBurst() {
        var cause = pattern("systemd_restart_burst").cause().orElseThrow();

        assertTrue(cause.filter().matches(journald("rivet-worker.service", "ModuleNotFoundError: No module named 'asyncpg'")));
        assertTrue(cause.filter().matches(journald("x.service", "Traceback (most recent call last):")));
        assertFalse(cause.filter().matches(journald("x.service", "Started worker pid 42")));
        assertEquals("unit", cause.sameField());
    }

    @Test
    void shouldCaptureTheVictimOfEveryEraOfOomKillLine() {
        assertEquals(Map.of("victim_pid", "632846", "victim_comm", "uvicorn", "total_vm_kb", "1852340",
                "anon_rss_kb", "307200", "file_rss_kb", "0"), captures("kernel_oom_kill", kernel(
                "Out of memory: Killed process 632846 (uvicorn) total-vm:1852340kB, anon-rss:307200kB, file-rss:0kB,"
                        + " shmem-rss:0kB, UID:1000 pgtables:1024kB oom_score_adj:0")));
        assertEquals("4321", captures("kernel_oom_kill", kernel("Memory cgroup out of memory: Killed process 4321 (java)"
                + " total-vm:4194304kB, anon-rss:2097152kB, file-rss:1024kB, shmem-rss:0kB, UID:0 pgtables:4096kB"
                + " oom_score_adj:0")).get("victim_pid"));
        assertEquals(Map.of("victim_pid", "81946", "victim_comm", "python3", "score", "912"), captures("kernel_oom_kill",
                kernel("Out of memory: Kill process 81946 (python3) score 912 or sacrifice child")));
        assertEquals(Map.of("constraint", "CONSTRAINT_MEMCG", "cgroup", "/system.slice/currents.service",
                "victim_comm", "python3", "victim_pid", "81946", "uid", "1000"), captures("kernel_oom_kill", kernel(
                "oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=/system.slice/"
                        + "currents.service,task_memcg=/system.slice/currents.service,task=python3,pid=81946,uid=1000")));
        assertEquals(Map.of("victim_pid", "632846", "victim_comm", "uvicorn"), captures("kernel_oom_kill", kernel(
                "oom_reaper: reaped process 632846 (uvicorn), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB")));
    }

    @Test
    void shouldKeepTheInvokerLineAsCauseNotAsASecondKill() {
        Event invoked = kernel("uvicorn invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0,"
                + " oom_score_adj=0");

        assertFalse(pattern("kernel_oom_kill").match(invoked).isPresent());
        assertTrue(pattern("kernel_oom_kill").cause().orElseThrow().filter().matches(invoked));
    }

    @Test
    void shouldCaptureSegfaultHungTaskAndSoftLockup() {
        assertEquals(Map.of("crash_comm", "python3", "crash_pid", "12345", "address", "0", "ip", "00007f1c2b3d4e5f",
                "error", "4", "object", "libc.so.6"), captures("kernel_segfault", kernel("python3[12345]: segfault at 0"
                + " ip 00007f1c2b3d4e5f sp 00007ffd1a2b3c40 error 4 in libc.so.6[7f1c2b200000+195000]")));
        assertEquals(Map.of("crash_comm", "python3", "crash_pid", "4242", "trap", "general protection fault",
                "object", "libc.so.6"), captures("kernel_trap", kernel("traps: python3[4242] general protection fault"
                + " ip:7f1c2b3d4e5f sp:7ffd1a2b3c40 error:0 in libc.so.6[7f1c2b200000+195000]")));
        assertEquals(Map.of("task", "jbd2/sda1-8", "task_pid", "312", "seconds", "120"),
                captures("kernel_hung_task", kernel("INFO: task jbd2/sda1-8:312 blocked for more than 120 seconds.")));
        assertEquals(Map.of("cpu", "0", "seconds", "22", "task", "kworker/0:1", "task_pid", "1234"),
                captures("kernel_soft_lockup", kernel("watchdog: BUG: soft lockup - CPU#0 stuck for 22s! [kworker/0:1:1234]")));
    }

    @Test
    void shouldCaptureSupervisorLines() {
        assertEquals(Map.of("backoff", "5m0s", "container", "api", "pod", "api-7d9f8b6c5-x2k4l"), captures(
                "kubelet_crash_loop", journald("kubelet.service", "E0212 10:15:30.123456    1234 pod_workers.go:1298]"
                        + " \"Error syncing pod, skipping\" err=\"failed to \\\"StartContainer\\\" for \\\"api\\\" with"
                        + " CrashLoopBackOff: \\\"back-off 5m0s restarting failed container=api"
                        + " pod=api-7d9f8b6c5-x2k4l_default(0b1c2d3e)\\\"\"")));
        assertEquals(Map.of("program", "currents", "status", "1"), captures("supervisord_exit_burst",
                journald("supervisor.service", "2026-02-11 09:00:01,234 INFO exited: currents (exit status 1; not expected)")));
        assertFalse(pattern("supervisord_exit_burst").match(journald("supervisor.service",
                "2026-02-11 09:00:01,234 INFO exited: backup (exit status 0; expected)")).isPresent());
    }

    /**
     * containerd logs each TaskOOM event it handles as "TaskOOM event %+v": gogo/protobuf's struct form
     * up to 1.6, the message's text form from 1.7. Its TaskExit events, one per container that ends for
     * any reason, are no OOM kill and no candidate of the pattern.
     */
    @Test
    void shouldCaptureTheContainerOfContainerdsTaskOomEventInEveryWording() {
        // https://github.com/containerd/containerd/issues/3138 (March 2019)
        assertEquals(Map.of("container_id", "af134047d061"), captures("containerd_task_oom", journald("containerd.service",
                "time=\"2019-03-28T12:22:02.843493956-05:00\" level=info msg=\"TaskOOM event &TaskOOM{ContainerID:"
                        + "af134047d061f40b4ed78434de3ed8e292ff017a0e86b216e689e883ab450b30,}\"")));
        // github.com/mantech-accordion/accordion-training.github.io docs/troubleshoot/7_oom_killed.md (/var/log/messages,
        // Mar 2022): the later gogo/protobuf form, with XXX_unrecognized
        assertEquals(Map.of("container_id", "0527c6dd14e5"), captures("containerd_task_oom", journald("containerd.service",
                "time=\"2022-03-15T09:22:41.553168162+09:00\" level=info msg=\"TaskOOM event &TaskOOM{ContainerID:"
                        + "0527c6dd14e504ab8c406806e0ce182aec604a0dbeeefc4e94e1ee3550dda3db,XXX_unrecognized:[],}\"")));
        // https://github.com/containerd/containerd/issues/8893 (containerd 1.7 node e2e, Sep 2023)
        assertEquals(Map.of("container_id", "4bcba7fc4369"), captures("containerd_task_oom", journald("containerd.service",
                "time=\"2023-09-01T19:12:33.012922721Z\" level=info msg=\"TaskOOM event container_id:"
                        + "\\\"4bcba7fc4369fee4d7d2e6263b58fce52cfc928c6a31cfac4d43c838708991ce\\\"\"")));
        // https://github.com/containerd/containerd/issues/2744 (containerd 1.2, a container stopped)
        Event exit = journald("containerd.service", "INFO[2018-12-03T21:09:13.541933086Z] TaskExit event &TaskExit{"
                + "ContainerID:99a97d5c709457dfd4b281869e7c40b15dcc6d86617628210b90c5054c9b6c33,"
                + "ID:99a97d5c709457dfd4b281869e7c40b15dcc6d86617628210b90c5054c9b6c33,Pid:3602,ExitStatus:143,"
                + "ExitedAt:2018-12-03 21:09:13.487617708 +0000 UTC,}");
        List<String> candidates = LIBRARY.candidates(exit).stream().map(CompiledPattern::name).toList();
        assertFalse(candidates.contains("containerd_task_oom"), candidates.toString());
    }

    private static Event file(String path, String message) {
        return Event.builder("web-1", Source.FILE, T0, message).file(path).build();
    }

    /**
     * kubectl shows a container's OOMKilled reason in `get pods`' STATUS column (the pod named) and in
     * `describe`'s terminated state (the container named on the line above, in the same multi-line event);
     * a Running row with restarts says nothing of why the pod restarted.
     */
    @Test
    void shouldCaptureThePodOrContainerKubectlShowsOomKilled() {
        // https://github.com/hmcts/cnp-flux-config/pull/28772 (Jan 2024)
        assertEquals(Map.of("pod", "tax-tribunals-application-base-74464f6b98-2kj6g", "restarts", "4"),
                captures("kubelet_container_oom_killed", file("/tmp/pods.txt",
                        "tax-tribunals-application-base-74464f6b98-2kj6g      0/1     OOMKilled   4 (57s ago)   2m40s")));
        // github.com/spacelift-io/user-documentation docs/concepts/worker-pools/kubernetes-workers.md (Feb 2024)
        assertEquals(Map.of("container", "init", "exit_code", "137"), captures("kubelet_container_oom_killed",
                file("/tmp/describe.txt", "Init Containers:\n  init:\n    Port:          <none>\n    Args:\n      init\n"
                        + "    State:          Terminated\n      Reason:       OOMKilled\n      Exit Code:    137")));
        // github.com/git-tux/kubernetes-troubleshooting-zero-to-hero docs/02-CrashLoopBackOff.md (May 2025)
        Event running = file("/tmp/pods.txt", "crashloop-example-7f99469c89-z7vj6   1/1     Running   7 (7m5s ago)   19m");
        assertTrue(pattern("kubelet_container_oom_killed").match(running).isEmpty());
        assertTrue(pattern("kubelet_crash_loop").match(running).isEmpty());
    }

    /** Docker's oom event as `docker events` prints it and as the events API streamed it in Docker 1.9. */
    @Test
    void shouldCaptureTheContainerOfDockersOomEvent() {
        // github.com/chrisguest75/docker_examples 14_out_of_memory/README.md (Nov 2022)
        assertEquals(Map.of("container_id", "68801ac6fef5", "name", "oom_checker"), captures("docker_container_oom",
                file("/tmp/events.txt", "2022-11-11T18:09:20.269340406Z container oom "
                        + "68801ac6fef5af345372c254466ef633b4846cc88e7d6ddf28a8f58c30a9736d (image=oom_checker, name=oom_checker)")));
        // https://github.com/moby/moby/issues/18470 (Dec 2015)
        assertEquals(Map.of("container_id", "36eb96d6c134"), captures("docker_container_oom", file("/tmp/events.json",
                "{\"status\":\"oom\",\"id\":\"36eb96d6c134895854e77f65ac47955b6ee08eb62bceee37cc605157f1c9482b\","
                        + "\"from\":\"9e0d5e071a2b\",\"time\":1449497871,\"timeNano\":1449497871593721048}")));
    }

    /** The Killing event of a probe kill in each wording kubelet has had; another Killing is no probe kill. */
    @Test
    void shouldCaptureTheContainerAndProbeOfEveryProbeKillWording() {
        // https://github.com/aws-samples/eks-workshop content/healthchecks/livenessprobe.md (EKS, Nov 2018)
        assertEquals(Map.of("container", "liveness", "probe", "liveness"), captures("kubelet_liveness_kill", Event.builder(
                "web-1", Source.FILE, T0, "  Normal   Killing                0s                 kubelet, "
                        + "ip-192-168-18-63.ec2.internal  Killing container with id docker://liveness:Container failed "
                        + "liveness probe.. Container will be killed and recreated.").file("/tmp/describe.txt").build()));
        // https://github.com/rancher/rancher/issues/42505 (RKE2 v1.26.7, kubectl describe)
        assertEquals(Map.of("container", "kube-apiserver", "probe", "startup"), captures("kubelet_liveness_kill",
                Event.builder("web-1", Source.FILE, T0, "  Normal   Killing         53m                   kubelet  "
                        + "Container kube-apiserver failed startup probe, will be restarted").file("/tmp/describe.txt").build()));
        // https://github.com/kubernetes/kubernetes/issues/91094 (kubelet 1.11.6: a pod being deleted)
        assertFalse(pattern("kubelet_liveness_kill").match(Event.builder("web-1", Source.FILE, T0,
                "Killing container with id docker://xxx:Need to kill Pod").file("/tmp/describe.txt").build()).isPresent());
    }

    @Test
    void shouldCaptureTheLastWordsOfPythonJavaAndGo() {
        assertEquals(Map.of("exception", "ModuleNotFoundError", "detail", "No module named 'asyncpg'"),
                captures("python_exception", journald("rivet-worker.service", "ModuleNotFoundError: No module named 'asyncpg'")));
        assertEquals(Map.of("exception", "requests.exceptions.ConnectionError", "detail", "boom"),
                captures("python_exception", journald("a.service", "requests.exceptions.ConnectionError: boom")));
        assertEquals(Map.of("thread", "main", "exception", "java.lang.OutOfMemoryError", "detail", "Java heap space"),
                captures("java_uncaught_exception", journald("s.service",
                        "Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space")));
        assertEquals(Map.of("detail", "runtime error: index out of range [3] with length 3"), captures("go_panic",
                journald("e.service", "panic: runtime error: index out of range [3] with length 3")));
    }

    @Test
    void shouldSelectTheErrorsOfTheAssignerLogOfSeed002() {
        Event ports = Event.builder("mac", Source.FILE, T0, "2026-02-08 09:37:12 ERROR Failed to create environment:"
                + " RuntimeError: No available ports for new environment").file("/tmp/architect_assigner_worker.log").build();
        Event info = ports.toBuilder().message("2026-02-08 09:37:13 INFO Picked task 42").build();

        assertEquals(PatternKind.SIGNATURE, pattern("app_error_signature").kind());
        assertTrue(pattern("app_error_signature").match(ports).isPresent());
        assertFalse(pattern("app_error_signature").match(info).isPresent());
        assertEquals(List.of("/tmp/architect_assigner_worker.log"),
                pattern("app_error_signature").groupKey(ports, pattern("app_error_signature").match(ports).orElseThrow()));
    }

    @Test
    void shouldTellAGracefulEndOfAnAppLogFromAnAbruptOne() {
        var absence = pattern("app_log_truncation").absence().orElseThrow();
        Event base = Event.builder("h", Source.FILE, T0, "x").file("/tmp/currents-app.log").build();

        assertTrue(absence.isGraceful(base.toBuilder().message("INFO: Shutting down").build()));
        assertTrue(absence.isGraceful(base.toBuilder().message("Received SIGTERM, exiting").build()));
        assertFalse(absence.isGraceful(base.toBuilder().message("127.0.0.1 - - \"GET /health HTTP/1.1\" 200 -").build()));
        assertTrue(absence.whileHostAlive());
    }

    @Test
    void shouldBuildEachSeedDetectionFromTheSeedsOwnLines() {
        assertTrue(testInputs("systemd_restart_burst").contains("ModuleNotFoundError: No module named 'asyncpg'"));
        assertTrue(testInputs("kernel_oom_kill").contains("Killed process 632846 (uvicorn)"));
        assertTrue(testInputs("oom_kill_then_log_cut").contains("Killed process 632846 (uvicorn)"));
        assertTrue(testInputs("app_error_signature").contains("No available ports for new environment"));
        assertTrue(testInputs("app_error_signature").contains("Environment 'reading-ui-improvement' already exists"));
        assertTrue(testInputs("app_log_truncation").contains("GET /health"));
    }

    /**
     * The exhausted-resource patterns read every file and journal line whose message holds one of
     * their literals, so a literal as common as "file", "open" or "errno" (what the prefilter made
     * of E[MN]FILE, open EMFILE, (?:Errcode|errno)) put their regexes on most lines of an app log.
     */
    @Test
    void shouldLeaveOrdinaryLinesThatSayOpenOrFileOutOfTheExhaustedResourcePatterns() {
        // https://github.com/mongodb/mongodb-kubernetes-operator/issues/1058 (mongod 4.2 log)
        Event open = Event.builder("web-1", Source.FILE, T0, "2022-07-27T09:25:44.993+0000 I  NETWORK  [listener] "
                + "connection accepted from 10.120.6.9:33918 #25855 (15 connections now open)").file("/var/log/mongodb/mongod.log").build();
        // https://github.com/gutmensch/docker-dmarc-report/issues/25 (nginx error.log)
        Event file = Event.builder("web-1", Source.FILE, T0, "2022/10/02 07:42:25 [error] 27#27: *1609 open() "
                + "\"/var/www/viewer/favicon.ico\" failed (2: No such file or directory), client: 172.19.0.1, server: _, "
                + "request: \"GET /favicon.ico HTTP/1.1\", host: \"localIP:8080\", referrer: \"http://localIP:8080/\"")
                .file("/var/log/nginx/error.log").build();

        for (Event e : List.of(open, file)) {
            List<String> candidates = LIBRARY.candidates(e).stream().map(CompiledPattern::name).toList();
            assertFalse(candidates.contains("too_many_open_files"), candidates + " for " + e.message());
            assertFalse(candidates.contains("no_space_left_on_device"), candidates + " for " + e.message());
        }
    }

    /**
     * btrfs and device-mapper say a great deal at info level (mounts, balances, a pool growing), so
     * the full-disk kernel patterns must be put on their lines by the ENOSPC wording alone, not by
     * "BTRFS", "(device " or "device-mapper: thin: ".
     */
    @Test
    void shouldLeaveOrdinaryBtrfsAndThinPoolLinesOutOfTheFullDiskKernelPatterns() {
        List<Event> ordinary = List.of(
                // https://github.com/btrfs/linux/issues/761 (5.11 syslog)
                kernel("BTRFS info (device nvme2n1): forced readonly"),
                kernel("BTRFS warning (device nvme2n1): Skipping commit of aborted transaction."),
                // https://lore.kernel.org/dm-devel/20200213205014.GA349527@mit.edu/ (5.5 dmesg)
                kernel("device-mapper: thin: 253:4: reached low water mark for data device: sending event."),
                kernel("device-mapper: thin: 253:4: growing the data device from 1000 to 1200 blocks"));

        for (Event e : ordinary) {
            List<String> candidates = LIBRARY.candidates(e).stream().map(CompiledPattern::name).toList();
            assertFalse(candidates.contains("kernel_btrfs_enospc"), candidates + " for " + e.message());
            assertFalse(candidates.contains("kernel_thin_pool_out_of_space"), candidates + " for " + e.message());
        }
    }

    @Test
    void shouldNameTheDeviceOfABtrfsEnospcWithOrWithoutItsStateLetters() {
        // https://github.com/kdave/btrfs-progs/issues/948 (6.x) and the 5.10 lines of
        // https://lore.kernel.org/linux-btrfs/0102017744df8bf8-cbdaa286-cfcc-4f6f-8332-69a98b3a4073-000000@eu-west-1.amazonses.com/
        assertEquals("loop10", captures("kernel_btrfs_enospc", kernel(
                "BTRFS: error (device loop10: state EA) in btrfs_run_delayed_refs:2261: errno=-28 No space left")).get("device"));
        assertEquals("dm-0", captures("kernel_btrfs_enospc", kernel(
                "BTRFS: error (device dm-0) in add_to_free_space_tree:1039: errno=-28 No space left")).get("device"));
    }

    private static String testInputs(String name) {
        StringBuilder all = new StringBuilder();
        pattern(name).tests().forEach(t -> t.events(TestCase.DEFAULT_START).forEach(e -> all.append(e.message()).append('\n')));
        return all.toString();
    }
}
