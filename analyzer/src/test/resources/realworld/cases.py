"""The cases of the real-world corpus; generate.py writes them. Every quoted line is verbatim from
the source its SOURCES entry names (host names and time stamps aside, which are the input format's)."""


def register_all(g):
    from cases_servers import register_servers
    from cases_kernel_more import register_kernel_more
    from cases_userspace_more import register_userspace_more
    from cases_apps_more import register_apps_more
    from cases_platform_more import register_platform_more
    from cases_app_formats import register_app_formats
    from cases_k8s_eviction import register_k8s_eviction
    from cases_resources import register_resources
    from cases_k8s_oom import register_k8s_oom
    from cases_disk_more import register_disk_more
    from cases_app_formats2 import register_app_formats2
    from cases_k8s_runtime import register_k8s_runtime
    from cases_db_runtime import register_db_runtime
    register_servers(g)
    register_kernel_more(g)
    register_userspace_more(g)
    register_apps_more(g)
    register_platform_more(g)
    register_app_formats(g)
    register_k8s_eviction(g)
    register_resources(g)
    register_k8s_oom(g)
    register_disk_more(g)
    register_app_formats2(g)
    register_k8s_runtime(g)
    register_db_runtime(g)
    case, expect, dmesg, journal, text = g["case"], g["expect"], g["dmesg"], g["journal"], g["text"]
    cri, docker_json, container_file = g["cri"], g["docker_json"], g["container_file"]
    pid1, user_manager, daemon, kernel_entry = g["pid1"], g["user_manager"], g["daemon"], g["kernel_entry"]
    RESTART_ID, FAILED_ID, OOM_UNIT_ID = g["RESTART_ID"], g["FAILED_ID"], g["OOM_UNIT_ID"]
    no_oom = [{"type": "oom_kill"}]

    # ============================== kernel OOM killer (mm/oom_kill.c) ==============================
    case("kernel-oom", "2.6.32-killed-process-uid-before-comm",
         "CentOS 6 (2.6.32-573): the RHEL 6 form names the UID before the comm, with commas.",
         "https://github.com/cPanelSSP/SSP/issues/76 (kernel 2.6.32-573.12.1.el6.x86_64, /var/log/messages)",
         must=[expect("oom_kill", subject="mysqld", pattern="kernel_oom_kill", summary=["pid 11726", "anon-rss 2539268 kB"])])(
        dmesg([(0.0, "Killed process 11726, UID 498, (mysqld) total-vm:7823732kB, anon-rss:2539268kB, file-rss:768kB")]))

    case("kernel-oom", "2.6.9-out-of-memory-killed-process-bare",
         "RHEL 4 era: 'Out of Memory: Killed process N (comm).' with no sizes at all.",
         "https://www.aslab.com/support/kb/38.html (RHEL 4 /var/log/messages, x86_64 NUMA)",
         must=[expect("oom_kill", subject="jserver", summary=["pid 2368"])])(
        dmesg([(0.0, "Out of Memory: Killed process 2368 (jserver)."),
               (0.0, "Out of Memory: Killed process 2368 (jserver)."),
               (0.0, "OOM kill occurred on an x86_64 NUMA system!"),
               (0.0, "The numa=off boot option might help avoid this.")]))

    case("kernel-oom", "3.10-memcg-kill-then-killed-uid-after-comm",
         "CentOS 7 (3.10): a memory cgroup kill, 'Kill process … or sacrifice child' then the RHEL 7 'Killed process N (comm), UID U,' form.",
         "https://github.com/linux-test-project/ltp/issues/1080 (ltp memcg stress test, kernel 3.10 /var/log/messages)",
         must=[expect("oom_kill", subject="memcg_test_1", summary=["pid 42453", "anon-rss 96 kB"], count=(2, 2))])(
        dmesg([(0.0, "Memory cgroup out of memory: Kill process 42453 (memcg_test_1) score 0 or sacrifice child"),
               (0.000021, "Killed process 42453 (memcg_test_1), UID 0, total-vm:7296kB, anon-rss:96kB, file-rss:164kB, shmem-rss:0kB")]))

    case("kernel-oom", "3.10-selected-pid-is-not-the-killed-pid",
         "Docker on CentOS 7: the kernel selects pid 24984 and kills its child 18177; one kill, one incident, naming the pid killed.",
         "https://github.com/apache/doris/issues/3525 (CentOS 7 /var/log/messages, docker mem_limit)",
         must=[expect("oom_kill", subject="palo_be", summary=["pid 18177", "anon-rss 45563572 kB"])])(
        dmesg([(0.0, "Memory cgroup out of memory: Kill process 24984 (palo_be) score 968 or sacrifice child"),
               (0.000034, "Killed process 18177 (palo_be), UID 0, total-vm:70347780kB, anon-rss:45563572kB, file-rss:0kB, shmem-rss:0kB")]))

    case("kernel-oom", "4.x-killed-process-python",
         "Kernel 4.x 'Killed process N (comm) total-vm…' without a UID.",
         "https://github.com/systemd/systemd/issues/6966 (/var/log/messages, 2017)",
         must=[expect("oom_kill", subject="python", summary=["pid 7748", "anon-rss 11500204 kB"])])(
        dmesg([(0.0, "[ 7747]     0  7748  3226957  2875051    5692        0             0 python"),
               (0.001, "Killed process 7748 (python) total-vm:12907828kB, anon-rss:11500204kB, file-rss:0kB")]))

    case("kernel-oom", "4.x-out-of-memory-kill-process-R",
         "Kernel 4.x (Ubuntu): 'Out of memory: Kill process … or sacrifice child' then 'Killed process … shmem-rss'.",
         "https://github.com/genular/pandora/issues/49 (journalctl, kernel 4.x, May 2019)",
         must=[expect("oom_kill", subject="R", summary=["pid 27438", "anon-rss 1041924 kB"], count=(2, 2))])(
        dmesg([(0.0, "Out of memory: Kill process 27438 (R) score 31 or sacrifice child"),
               (0.000012, "Killed process 27438 (R) total-vm:38349780kB, anon-rss:1041924kB, file-rss:4kB, shmem-rss:0kB")]))

    case("kernel-oom", "4.x-journal-export-of-the-kernel",
         "The same R kill as shared from the journal (journalctl -k): kernel lines in a journal export, no dmesg beside it.",
         "https://github.com/genular/pandora/issues/49 (journalctl output 'doom kernel: …', May 2019)",
         host="doom",
         must=[expect("oom_kill", subject="R", summary=["pid 27438", "anon-rss 1041924 kB"], count=(2, 2))])(
        journal("doom", [(0.0, kernel_entry("Out of memory: Kill process 27438 (R) score 31 or sacrifice child")),
                         (0.000012, kernel_entry("Killed process 27438 (R) total-vm:38349780kB, anon-rss:1041924kB, file-rss:4kB, shmem-rss:0kB"))]))

    case("kernel-segfault", "3.x-journal-export-segfaults",
         "Segfaults as shared from the journal export rather than dmesg.",
         "https://github.com/rspamd/rspamd/issues/507 (kern.log, Jan 2016)",
         host="mail",
         must=[expect("segfault", subject="rspamd", count=(2, 2), summary=["in rspamd"])])(
        journal("mail", [(0.0, kernel_entry("rspamd[20523]: segfault at 0 ip 00000000004374bb sp 00007ffe2b8b0c50 error 4 in rspamd[400000+13c000]", "6")),
                         (1666.0, kernel_entry("rspamd[23655]: segfault at 0 ip 00000000004374bb sp 00007ffe2b8b0c50 error 4 in rspamd[400000+13c000]", "6"))]))

    case("kernel-oom", "5.x-memcg-killed-process",
         "Kernel 5.x memory cgroup kill: 'Memory cgroup out of memory: Killed process … UID:201 pgtables:… oom_score_adj:1000'.",
         "https://github.com/netdata/netdata/issues/10875 (dmesg, 2021)",
         must=[expect("oom_kill", subject="netdata", summary=["pid 4971", "anon-rss 7560 kB"])])(
        dmesg([(0.0, "Memory cgroup out of memory: Killed process 4971 (netdata) total-vm:47820kB, anon-rss:7560kB, file-rss:0kB, shmem-rss:0kB, UID:201 pgtables:100kB oom_score_adj:1000")]))

    case("kernel-oom", "6.16-global-killed-process",
         "Debian kernel 6.16.9: a global OOM kill of uwsgi, then journald flushing its caches.",
         "https://github.com/inducer/relate/issues/1383 (dmesg -T, Debian 6.16.9+deb14-amd64, 2025)",
         must=[expect("oom_kill", subject="uwsgi", summary=["pid 3581527", "anon-rss 263092 kB"])])(
        dmesg([(0.0, "Out of memory: Killed process 3581527 (uwsgi) total-vm:517892kB, anon-rss:263092kB, file-rss:29128kB, shmem-rss:0kB, UID:33 pgtables:740kB oom_score_adj:0"),
               (2.0, "systemd-journald[375]: Under memory pressure, flushing caches.")]))

    case("kernel-oom", "5.x-oom-kill-constraint-line-alone",
         "Kernel >= 4.19: the 'oom-kill:constraint=…' summary line is all that was pasted: the victim is known, its size is not.",
         "https://github.com/rfjakob/earlyoom/issues/151 (kern.log, Dec 2019)",
         must=[expect("oom_kill", subject="python", summary=["pid 48845"])])(
        dmesg([(0.0, "oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/user.slice,task=python,pid=48845,uid=1003")]))

    case("kernel-oom", "3.10-invoker-is-the-cause",
         "CentOS 7 (3.10): 'qmgr invoked oom-killer' then the kill of another process: the invoker is the probable cause, the victim the subject.",
         "https://github.com/systemd/systemd/issues/2200 (comment by fbuihuu quoting the reporter's journal, Dec 2015)",
         must=[expect("oom_kill", subject="scan", summary=["pid 22270"], cause=["qmgr invoked oom-killer"])],
         must_not=[{"type": "oom_kill", "subject": "qmgr"}])(
        dmesg([(0.0, "qmgr invoked oom-killer: gfp_mask=0x201da, order=0, oom_score_adj=0"),
               (0.2, "Out of memory: Kill process 22270 (scan) score 410 or sacrifice child")]))

    case("kernel-oom", "3.x-kill-process-line-alone-java",
         "Only the 'Out of memory: Kill process … score … or sacrifice child' line: still a kill.",
         "https://unix.stackexchange.com/questions/282155/what-is-the-out-of-memory-message-sacrifice-child",
         must=[expect("oom_kill", subject="java", summary=["pid 7429"])])(
        dmesg([(0.0, "Out of memory: Kill process 7429 (java) score 259 or sacrifice child")]))

    case("kernel-oom", "4.x-kill-process-corerun",
         "arm32/x64 CI host: 'Out of memory: Kill process 31490 (corerun) score 897 or sacrifice child'.",
         "https://github.com/dotnet/coreclr/issues/16503 (/var/log/syslog, 2018)",
         must=[expect("oom_kill", subject="corerun", summary=["pid 31490"])])(
        dmesg([(0.0, "Out of memory: Kill process 31490 (corerun) score 897 or sacrifice child")]))

    case("kernel-oom", "3.10-cgroup-kills-node-workers-every-second",
         "A container's node workers killed one per second by the memory cgroup (RHEL 7 form): one OOM episode, not eight pages.",
         "https://github.com/kubernetes/kubernetes/issues/50632 (comment by qixiaobo, /var/log/messages, Nov 30)",
         must=[expect("oom_kill", subject="node", count=(8, 8))])(
        dmesg([(0.0, "Killed process 799153 (node), UID 1000, total-vm:606096kB, anon-rss:68308kB, file-rss:13648kB, shmem-rss:0kB"),
               (1.0, "Killed process 799402 (node), UID 1000, total-vm:642596kB, anon-rss:102060kB, file-rss:13664kB, shmem-rss:0kB"),
               (2.0, "Killed process 799889 (node), UID 1000, total-vm:650784kB, anon-rss:110296kB, file-rss:13516kB, shmem-rss:0kB"),
               (3.0, "Killed process 799707 (node), UID 1000, total-vm:613964kB, anon-rss:78132kB, file-rss:13696kB, shmem-rss:0kB"),
               (3.2, "Killed process 799791 (node), UID 1000, total-vm:613964kB, anon-rss:78776kB, file-rss:13704kB, shmem-rss:0kB"),
               (4.0, "Killed process 800660 (node), UID 1000, total-vm:611820kB, anon-rss:74736kB, file-rss:13592kB, shmem-rss:0kB"),
               (4.2, "Killed process 800329 (node), UID 1000, total-vm:623756kB, anon-rss:84900kB, file-rss:13660kB, shmem-rss:0kB"),
               (5.0, "Killed process 801542 (node), UID 1000, total-vm:643292kB, anon-rss:103412kB, file-rss:13516kB, shmem-rss:0kB")]))

    case("kernel-oom", "3.10-memcg-storm-six-kills",
         "The ltp memcg test: six cgroup kills in one second, each 'Kill process' naming the pid then killed.",
         "https://github.com/linux-test-project/ltp/issues/1080 (kernel 3.10 /var/log/messages)",
         must=[expect("oom_kill", subject="memcg_test_1", count=(9, 9))])(
        dmesg([(0.0, "Killed process 42452 (memcg_test_1), UID 0, total-vm:7296kB, anon-rss:96kB, file-rss:164kB, shmem-rss:0kB"),
               (0.01, "Memory cgroup out of memory: Kill process 42453 (memcg_test_1) score 0 or sacrifice child"),
               (0.01, "Killed process 42453 (memcg_test_1), UID 0, total-vm:7296kB, anon-rss:96kB, file-rss:164kB, shmem-rss:0kB"),
               (0.02, "Memory cgroup out of memory: Kill process 42474 (memcg_test_1) score 0 or sacrifice child"),
               (0.02, "Killed process 42474 (memcg_test_1), UID 0, total-vm:7296kB, anon-rss:96kB, file-rss:0kB, shmem-rss:0kB"),
               (0.03, "Memory cgroup out of memory: Kill process 42471 (memcg_test_1) score 0 or sacrifice child"),
               (0.03, "Killed process 42471 (memcg_test_1), UID 0, total-vm:7296kB, anon-rss:96kB, file-rss:0kB, shmem-rss:0kB"),
               (0.04, "Memory cgroup out of memory: Kill process 42468 (memcg_test_1) score 0 or sacrifice child"),
               (0.04, "Killed process 42468 (memcg_test_1), UID 0, total-vm:7296kB, anon-rss:96kB, file-rss:0kB, shmem-rss:0kB")]))

    # -------------------------------- OOM look-alikes (negatives) --------------------------------
    case("kernel-oom", "negative-tcp-out-of-memory",
         "'TCP: out of memory -- consider tuning tcp_mem' is socket memory pressure: nobody was killed.",
         "https://github.com/tempesta-tech/tempesta/issues/1763 (dmesg, 2022)", negative=True, must_not=no_oom)(
        dmesg([(0.0 + i * 0.03, "TCP: out of memory -- consider tuning tcp_mem") for i in range(7)]))

    case("kernel-oom", "negative-oom-adj-deprecated",
         "A process tuning its OOM score: '/proc/N/oom_adj is deprecated, please use /proc/N/oom_score_adj instead.'",
         "https://github.com/ColinIanKing/stress-ng/issues/83 (dmesg, 2020)\n"
         "https://github.com/phusion/passenger/issues/843 (dmesg, Linux 3.0.0-16-server)",
         negative=True, must_not=no_oom)(
        dmesg([(0.0, "stress-ng (12778): /proc/12778/oom_adj is deprecated, please use /proc/12778/oom_score_adj instead."),
               (60.0, "PassengerWatchd (21363): /proc/21363/oom_adj is deprecated, please use /proc/21363/oom_score_adj instead.")]))

    case("kernel-oom", "negative-oom-task-dump-without-kill",
         "The task list of an OOM report (pid, uid, rss …, comm) alone, no kill line: nothing is said about a kill.",
         "https://github.com/raspberrypi/linux/issues/3872 (dmesg, 2020)", negative=True, must_not=no_oom)(
        dmesg([(0.0, "Tasks state (memory values in pages):"),
               (0.0, "[  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name"),
               (0.0, "[    222]     0   222     3951     3449    65536        0         -1000 dmeventd"),
               (0.0, "[    227]     0   227     9670     2303    73728        0          -250 systemd-journal"),
               (0.0, "[    348]   195   348     4283     2137    65536        0             0 systemd-resolve")]))

    case("kernel-oom", "negative-journald-under-memory-pressure",
         "journald flushing its caches under memory pressure is not a kill.",
         "https://github.com/inducer/relate/issues/1383 (dmesg -T, Debian 6.16.9)", negative=True, must_not=no_oom)(
        dmesg([(0.0, "systemd-journald[375]: Under memory pressure, flushing caches.")]))

    # ============================== kernel: segfaults (arch/x86/mm/fault.c) ==============================
    case("kernel-segfault", "2.6-x86_64-rip-rsp-no-object",
         "x86_64 kernels before 2.6.28 print 'rip … rsp …' and no ' in <object>'; nine workers of one program.",
         "https://www.365seal.com/y/73v7Rklbnj.html (kernel log, 2.6.18-era x86_64)",
         must=[expect("segfault", subject="nginx-payment-n", count=(3, 3), summary=["segfaulted at 000000010000000f"])])(
        dmesg([(0.0, "nginx-payment-n[29580]: segfault at 000000010000000f rip 00000039cd008d10 rsp 00007fff4bbb08f8 error 4"),
               (0.5, "nginx-payment-n[29500]: segfault at 000000010000000f rip 00000039cd008d10 rsp 00007fff4bbb08e8 error 4"),
               (1.0, "nginx-payment-n[29615]: segfault at 000000010000000f rip 00000039cd008d10 rsp 00007fff4bbb08f8 error 4")]))

    case("kernel-segfault", "4.x-segfault-in-executable",
         "The common form: 'comm[pid]: segfault at A ip I sp S error 4 in object[base+size]'.",
         "https://utcc.utoronto.ca/~cks/space/blog/linux/KernelSegfaultMessageMeaning (Go test binary, 2018)",
         must=[expect("segfault", subject="testp", summary=["pid 19288", "in testp"])])(
        dmesg([(0.0, "testp[19288]: segfault at 0 ip 0000000000401271 sp 00007fff2ce4d210 error 4 in testp[400000+98000]")]))

    case("kernel-segfault", "2.6.32-segfault-in-shared-library",
         "CentOS 6 (2.6.32-696): a segfault inside libglib.",
         "https://github.com/rspamd/rspamd/issues/1956 (CentOS 6.9, 2.6.32-696.16.1.el6.x86_64)",
         must=[expect("segfault", subject="rspamd", summary=["in libglib-2.0.so.0.2800.8"])])(
        dmesg([(0.0, "rspamd[1772]: segfault at ffffffffb5023328 ip 00007f66ba854109 sp 00007ffe5413aa50 error 4 in libglib-2.0.so.0.2800.8[7f66ba83d000+115000]")]))

    case("kernel-segfault", "4.9-grsec-musl-repeated",
         "Alpine (grsec kernel): two workers segfault in musl's loader within a millisecond; one incident for the program.",
         "https://github.com/rspamd/rspamd/issues/2001 (Alpine 3.7, kern.info)",
         must=[expect("segfault", subject="rspamd", count=(2, 2), summary=["in ld-musl-x86_64.so.1"])])(
        dmesg([(0.0, "rspamd[2975]: segfault at 0 ip 000074d235b0d8cf sp 000079d44ce8e680 error 4 in ld-musl-x86_64.so.1[74d235abe000+89000]"),
               (0.000008, "grsec: Segmentation fault occurred at            (nil) in /usr/sbin/rspamd[rspamd:2975] uid/euid:102/102 gid/egid:102/102, "),
               (0.000061, "rspamd[2973]: segfault at 0 ip 000074d235b0d8cf sp 000079d44ce8e650 error 4 in ld-musl-x86_64.so.1[74d235abe000+89000]")]))

    case("kernel-segfault", "3.x-segfault-osqueryi",
         "CentOS 6 host: osqueryi segfaults on a NULL read.",
         "https://github.com/osquery/osquery/issues/427 (dmesg, 2014)",
         must=[expect("segfault", subject="osqueryi", summary=["pid 10917"])])(
        dmesg([(0.0, "osqueryi[10917]: segfault at 0 ip 00000000004eea34 sp 00007fffc692d000 error 4 in osqueryi[400000+411000]")]))

    case("kernel-segfault", "4.x-segfault-comm-with-dash",
         "A comm with a dash: cento-ids.",
         "https://github.com/ntop/nProbe/issues/126 (kern.log, 2016)",
         must=[expect("segfault", subject="cento-ids", summary=["pid 11976"])])(
        dmesg([(0.0, "cento-ids[11976]: segfault at 68 ip 000000000049e240 sp 00007ffd8ec00ff8 error 4 in cento-ids[400000+129000]")]))

    case("kernel-segfault", "3.x-segfault-every-message",
         "A mail filter whose workers segfault at the same ip every half hour: one incident per program while it goes on.",
         "https://github.com/rspamd/rspamd/issues/507 (kern.log, Jan 2016)",
         must=[expect("segfault", subject="rspamd", count=(3, 3), incidents=(1, 1))])(
        dmesg([(0.0, "rspamd[20523]: segfault at 0 ip 00000000004374bb sp 00007ffe2b8b0c50 error 4 in rspamd[400000+13c000]"),
               (300.0, "rspamd[23655]: segfault at 0 ip 00000000004374bb sp 00007ffe2b8b0c50 error 4 in rspamd[400000+13c000]"),
               (560.0, "rspamd[19547]: segfault at 0 ip 00000000004374bb sp 00007ffe2b8b0c50 error 4 in rspamd[400000+13c000]")]))

    # ============================== kernel: lockups (kernel/watchdog.c) ==============================
    def soft(name, desc, src, line, cpu, task):
        case("kernel-lockup", name, desc, src,
             must=[expect("soft_lockup", subject="CPU#" + cpu, summary=["in " + task])])(dmesg([(0.0, line)]))

    soft("2.6.32-bare-soft-lockup", "Debian 6 (2.6.32): the bare 'BUG: soft lockup - CPU#N stuck for Ns!' without 'watchdog:'.",
         "https://github.com/openzfs/spl/issues/121 (Debian 6.0.5, 2.6.32-5-amd64)",
         "BUG: soft lockup - CPU#0 stuck for 61s! [splat_kmem_cach:3369]", "0", "splat_kmem_cach")
    soft("2.6.32-bare-soft-lockup-zfs", "SLES-era 2.6.32: a ZFS writer thread stuck 67 s.",
         "https://github.com/openzfs/spl/issues/81 (kernel log, Jan 2012)",
         "BUG: soft lockup - CPU#6 stuck for 67s! [z_wr_iss/6:5856]", "6", "z_wr_iss/6")
    soft("3.16-bare-soft-lockup", "Debian 8 (3.16.0-4): a user process stuck in the kernel.",
         "https://github.com/v2ray/v2ray-core/issues/473 (DigitalOcean droplet, 3.16.0-4-amd64)",
         "BUG: soft lockup - CPU#0 stuck for 21s! [v2ray:1272]", "0", "v2ray")
    soft("3.x-bare-soft-lockup-migration", "A CONFIG_LOCKDEP kernel: migration thread stuck.",
         "https://github.com/multipath-tcp/mptcp/issues/99 (dmesg, 2016)",
         "BUG: soft lockup - CPU#10 stuck for 23s! [migration/10:346]", "10", "migration/10")
    soft("5.7-watchdog-soft-lockup", "Kernel >= 4.15 prefixes 'watchdog: '.",
         "https://github.com/openrisc/linux/issues/12 (qemu, 5.7.0-rc2)",
         "watchdog: BUG: soft lockup - CPU#0 stuck for 186s! [kworker/u3:3:2073]", "3" if False else "0", "kworker/u3:3")
    soft("6.5-watchdog-soft-lockup-swapper", "Arch kernel 6.5.3: the idle task stuck.",
         "https://github.com/systemd/systemd-centos-ci/issues/660 (TEST-71-HOSTNAME console log)",
         "watchdog: BUG: soft lockup - CPU#3 stuck for 27s! [swapper/3:0]", "3", "swapper/3")

    case("kernel-lockup", "5.x-soft-and-hard-lockups-ubuntu",
         "Ubuntu 20.04: soft lockups on three CPUs (a task name with a space) and NMI hard lockups on two.",
         "https://github.com/iron-fish/ironfish/issues/701 (syslogd wall messages, Dec 2021)",
         must=[expect("soft_lockup", subject="CPU#0", summary=["in node"]),
               expect("soft_lockup", subject="CPU#20", summary=["in SCTP timer"]),
               expect("hard_lockup", subject="CPU#3"),
               expect("hard_lockup", subject="CPU#10")])(
        dmesg([(0.0, "watchdog: BUG: soft lockup - CPU#0 stuck for 27s! [node:1984]"),
               (71.0, "NMI watchdog: Watchdog detected hard LOCKUP on cpu 3"),
               (223.0, "NMI watchdog: Watchdog detected hard LOCKUP on cpu 10"),
               (360.0, "watchdog: BUG: soft lockup - CPU#20 stuck for 22s! [SCTP timer:2111]"),
               (397.0, "watchdog: BUG: soft lockup - CPU#21 stuck for 37s! [node:297692]")]))

    case("kernel-lockup", "5.10-nmi-hard-lockup",
         "Debian 5.10.140: 'NMI watchdog: Watchdog detected hard LOCKUP on cpu 1'.",
         "https://github.com/sonic-net/sonic-buildimage/issues/17363 (SONiC 202305, 5.10.0-18-2-amd64)",
         must=[expect("hard_lockup", subject="CPU#1")])(
        dmesg([(0.0, "NMI watchdog: Watchdog detected hard LOCKUP on cpu 1"),
               (0.000068, "CPU: 1 PID: 0 Comm: swapper/1 Tainted: G OE 5.10.0-18-2-amd64 #1 Debian 5.10.140-1")]))

    case("kernel-lockup", "3.8-hard-lockup-in-warning",
         "Fedora 18 (3.8.9): before 4.x the hard lockup is the text of a WARNING, no 'NMI watchdog:' prefix.",
         "https://github.com/abrt/abrt/issues/648 (kernel oops text, 3.8.9-200.fc18.x86_64)",
         must=[expect("hard_lockup", subject="CPU#0")])(
        dmesg([(0.0, "WARNING: at kernel/watchdog.c:245 watchdog_overflow_callback+0x9c/0xd0()"),
               (0.0, "Hardware name: Bochs"),
               (0.0, "Watchdog detected hard LOCKUP on cpu 0")]))

    case("kernel-lockup", "4.15-ppc64-hard-lockup",
         "POWER9 (4.15.0-33): powerpc's own watchdog wording 'Watchdog CPU:59 Hard LOCKUP'.",
         "https://github.com/open-power/skiboot/issues/194 (console, 4.15.0-33-generic)",
         must=[expect("hard_lockup", subject="CPU#59")])(
        dmesg([(0.0, "Watchdog CPU:59 Hard LOCKUP")]))

    case("kernel-lockup", "4.9-rcu-sched-stall",
         "Debian 9 (4.9.30): RCU stall lines while systemd's watchdog kills a stuck logind.",
         "https://github.com/systemd/systemd/issues/6283 (journalctl, Debian 9, 4.9.0-3-amd64, systemd 232)",
         must=[expect("rcu_stall", subject="kernel", summary=["rcu_sched stall"])])(
        dmesg([(0.0, "INFO: rcu_sched self-detected stall on CPU"),
               (0.0, "INFO: rcu_sched detected stalls on CPUs/tasks:"),
               (0.0, "        0-...: (1 GPs behind) idle=2f3/140000000000001/0 softirq=4418620/4418622 fqs=0 "),
               (0.0, "        (detected by 1, t=31588 jiffies, g=2903271, c=2903270, q=125)"),
               (0.0, "Task dump for CPU 0:")]))

    case("kernel-lockup", "negative-nmi-watchdog-enabled",
         "Boot lines that name the NMI watchdog but report no lockup.",
         "https://github.com/AmpereComputing/ampere-lts-kernel---DEPRECATED/issues/181 (dmesg, 5.15.23)",
         negative=True)(
        dmesg([(0.0, "hw perfevents: enabled with armv8_pmuv3_0 PMU driver, 7 counters available, using NMIs"),
               (0.05, "NMI watchdog: Enabled. Permanently consumes one hw-PMU counter.")]))

    # ============================== kernel: hung tasks (kernel/hung_task.c) ==============================
    def hung(name, desc, src, lines, task, secs):
        case("kernel-hung-task", name, desc, src,
             must=[expect("hung_task", subject=task, summary=["more than %s seconds" % secs])])(
            dmesg([(i * 0.0001, l) for i, l in enumerate(lines)]))

    hint = "\"echo 0 > /proc/sys/kernel/hung_task_timeout_secs\" disables this message."
    hung("3.0-hung-task", "MIPS 3.0.8 kernel.", "https://github.com/MIPS/CI20_linux/issues/8 (console, 3.0.8)",
         ["INFO: task kinteractiveup:64 blocked for more than 120 seconds.", hint], "kinteractiveup", "120")
    hung("3.2-hung-task-game-server", "Debian 7 (3.2): a game server stuck on a mutex.",
         "https://github.com/ddnet/ddnet/issues/401 (dmesg, 2016)",
         ["INFO: task DDRace64-Server:27090 blocked for more than 120 seconds.", hint], "DDRace64-Server", "120")
    hung("3.10-hung-task-glusterfsd", "CentOS 7 (3.10): glusterfsd blocked.",
         "https://github.com/gluster/gluster-health-report/pull/19 (/var/log/messages, 2017)",
         ["INFO: task glusterfsd:26120 blocked for more than 120 seconds.", hint], "glusterfsd", "120")
    hung("4.16-hung-task-logrotate", "elrepo 4.16.2: logrotate in fsync.",
         "https://github.com/logrotate/logrotate/issues/232 (dmesg -T, 4.16.2-1.el7.elrepo.x86_64)",
         ["INFO: task logrotate:17344 blocked for more than 120 seconds.", "      Not tainted 4.16.2-1.el7.elrepo.x86_64 #1", hint],
         "logrotate", "120")
    hung("5.18-hung-task-122s", "5.18: the timeout is not always 120 s.",
         "https://github.com/thesofproject/linux/issues/3387 (/var/log/messages, 5.18.0-rc2)",
         ["INFO: task kworker/u32:2:113 blocked for more than 122 seconds.", hint], "kworker/u32:2", "122")
    hung("5.x-hung-task-1228s", "A long hang: 1228 seconds.", "https://github.com/axboe/liburing/issues/448 (issue title, dmesg line)",
         ["INFO: task kworker/u8:102:403349 blocked for more than 1228 seconds."], "kworker/u8:102", "1228")

    case("kernel-hung-task", "4.19-five-tasks-blocked",
         "Debian 10 (4.19.67): five tasks blocked at once; one incident per task.",
         "https://github.com/sonic-net/sonic-buildimage/issues/4822 (dmesg, 4.19.0-6-amd64)",
         must=[expect("hung_task", subject="kworker/2:1"), expect("hung_task", subject="ntpd"),
               expect("hung_task", subject="snmpd"), expect("hung_task", subject="zebra"),
               expect("hung_task", subject="fpmsyncd")])(
        dmesg([(0.0, "INFO: task kworker/2:1:5747 blocked for more than 120 seconds."),
               (0.005, "      Tainted: G        W   E     4.19.0-6-amd64 #1 Debian 4.19.67-2+deb10u2"),
               (0.011, hint),
               (0.018, "INFO: task ntpd:11794 blocked for more than 120 seconds."),
               (0.021, hint),
               (0.033, "INFO: task snmpd:12767 blocked for more than 120 seconds."),
               (0.044, hint),
               (0.049, "INFO: task zebra:13083 blocked for more than 120 seconds."),
               (0.058, hint),
               (0.063, "INFO: task fpmsyncd:13094 blocked for more than 120 seconds."),
               (0.067, hint)]))

    case("kernel-hung-task", "negative-hung-task-hint-alone",
         "The sysctl hint line without its 'INFO: task' line.",
         "https://github.com/linux-test-project/ltp/issues/940 (console, 2022)", negative=True)(
        dmesg([(0.0, hint), (0.0001, "Tainted: G O")]))

    # ============================== systemd restart loops and failures ==============================
    def loop(unit, cycle, n, every, start=0.0):
        out = []
        for i in range(n):
            for dt, fields in cycle(i + 1):
                out.append((start + i * every + dt, fields))
        return out

    host = "centos7"
    case("systemd", "219-holdoff-then-start-request-repeated",
         "CentOS 7 (systemd 219): '<unit> holdoff time over, scheduling restart.' five times, then 'start request repeated too quickly for <unit>', 'Unit <unit> entered failed state.', '<unit> failed.' One story: the burst and the start limit, linked.",
         "https://github.com/cgrates/cgrates/pull/1190 (CentOS 7, systemd 219)",
         host=host,
         must=[expect("restart_burst", subject="cgrates.service", pattern="systemd_restart_burst", related=["unit_start_limit"]),
               expect("unit_start_limit", subject="cgrates.service", related=["restart_burst"])])(
        journal(host, loop("cgrates.service", lambda i: [
            (0.4, pid1("cgrates.service", "Unit cgrates.service entered failed state.", "5")),
            (0.4, pid1("cgrates.service", "cgrates.service failed.", "4")),
            (0.5, pid1("cgrates.service", "cgrates.service holdoff time over, scheduling restart."))], 5, 1.0)
            + [(5.0, pid1("cgrates.service", "start request repeated too quickly for cgrates.service", "4")),
               (5.0, pid1("cgrates.service", "Failed to start Carrier Grade Real-time Charging System.", "3")),
               (5.0, pid1("cgrates.service", "Unit cgrates.service entered failed state.", "5")),
               (5.0, pid1("cgrates.service", "cgrates.service failed.", "4"))]))

    case("systemd", "219-start-request-repeated-alone",
         "systemd 219: only 'start request repeated too quickly for <unit>' reached the log.",
         "https://github.com/byrd-polar/fluid-earth/pull/54 (systemd[1] line, 2024)",
         host=host, must=[expect("unit_start_limit", subject="fev2r-tera.service")])(
        journal(host, [(0.0, pid1("fev2r-tera.service", "start request repeated too quickly for fev2r-tera.service", "4"))]))

    case("systemd", "229-service-hold-off-time-over",
         "systemd 229/230: '<unit>: Service hold-off time over, scheduling restart.' after every failure of a Restart=always unit.",
         "https://github.com/systemd/systemd/issues/3166 (journalctl -u, May 2016, systemd 230-dev)",
         host="fedora", must=[expect("restart_burst", subject="fail-on-restart.service", count=(6, 6))])(
        journal("fedora", loop("fail-on-restart.service", lambda i: [
            (0.0, pid1("fail-on-restart.service", "Started fail-on-restart.service.")),
            (1.0, pid1("fail-on-restart.service", "fail-on-restart.service: Main process exited, code=exited, status=1/FAILURE", "5")),
            (1.0, pid1("fail-on-restart.service", "fail-on-restart.service: Unit entered failed state.", "5")),
            (1.0, pid1("fail-on-restart.service", "fail-on-restart.service: Failed with result 'exit-code'.", "5")),
            (1.0, pid1("fail-on-restart.service", "fail-on-restart.service: Service hold-off time over, scheduling restart.")),
            (2.9, pid1("fail-on-restart.service", "Stopped fail-on-restart.service."))], 6, 3.0)))

    case("systemd", "232-hold-off-then-start-limit",
         "Raspbian stretch (systemd 232): one hold-off line, then 'Start request repeated too quickly.' and 'Unit entered failed state.'",
         "https://github.com/john30/ebusd/issues/229 (journalctl, Raspbian stretch, Dec 2018)",
         host="lingerie", must=[expect("unit_start_limit", subject="ebusd.service")])(
        journal("lingerie", [
            (0.0, pid1("ebusd.service", "ebusd.service: Failed with result 'exit-code'.", "5")),
            (1.0, pid1("ebusd.service", "ebusd.service: Service hold-off time over, scheduling restart.")),
            (1.0, pid1("ebusd.service", "Stopped ebusd, the daemon for communication with eBUS heating systems..")),
            (1.0, pid1("ebusd.service", "ebusd.service: Start request repeated too quickly.", "4")),
            (1.0, pid1("ebusd.service", "Failed to start ebusd, the daemon for communication with eBUS heating systems..", "3")),
            (1.0, pid1("ebusd.service", "ebusd.service: Unit entered failed state.", "5")),
            (1.0, pid1("ebusd.service", "ebusd.service: Failed with result 'exit-code'.", "5"))]))

    case("systemd", "22x-watchdog-timeout-loop",
         "systemd 228 (Debian): a Restart=on-watchdog unit killed by its watchdog and restarted again and again.",
         "https://github.com/systemd/systemd/issues/1970 (journalctl, Nov 2015)",
         host="cfdev02", must=[expect("restart_burst", subject="conntrackd.service", count=(5, 5), cause=["Watchdog timeout (limit 10s)!"])])(
        journal("cfdev02", loop("conntrackd.service", lambda i: [
            (0.0, pid1("conntrackd.service", "conntrackd.service: Watchdog timeout (limit 10s)!", "3")),
            (0.0, pid1("conntrackd.service", "conntrackd.service: Unit entered failed state.", "5")),
            (0.0, pid1("conntrackd.service", "conntrackd.service: Failed with result 'watchdog'.", "5")),
            (1.0, pid1("conntrackd.service", "conntrackd.service: Service hold-off time over, scheduling restart.")),
            (1.0, pid1("conntrackd.service", "Stopped Conntrack Daemon."))], 5, 12.0)))

    case("systemd", "231-no-holdoff-time-journald",
         "systemd 231: '<unit> has no holdoff time, scheduling restart.' for a Restart=always unit with RestartSec=0.",
         "https://github.com/systemd/systemd/issues/4449 (dmesg -T of systemd[1], Oct 2016)",
         host="dpovey", must=[expect("restart_burst", subject="systemd-journald.service", count=(5, 5))])(
        journal("dpovey", loop("systemd-journald.service", lambda i: [
            (0.0, pid1("systemd-journald.service", "Unit systemd-journald.service entered failed state.", "5")),
            (0.0, pid1("systemd-journald.service", "systemd-journald.service has no holdoff time, scheduling restart.")),
            (0.0, pid1("systemd-journald.service", "Stopping Journal Service...")),
            (0.1, pid1("systemd-journald.service", "Starting Journal Service...")),
            (0.2, pid1("systemd-journald.service", "Started Journal Service."))], 5, 60.0)))

    case("systemd", "242-no-hold-off-time-restart-sec-0",
         "systemd 242 (CentOS 7 container): 'Service has no hold-off time (RestartSec=0), scheduling restart.' with the restart counter.",
         "https://github.com/systemd/systemd/issues/13667 (journalctl, Sep 2019)",
         host="mycontainer", must=[expect("restart_burst", subject="getty@tty1.service", count=(5, 5))])(
        journal("mycontainer", loop("getty@tty1.service", lambda i: [
            (0.0, pid1("getty@tty1.service", "getty@tty1.service: Main process exited, code=killed, status=1/HUP", "5")),
            (0.0, pid1("getty@tty1.service", "getty@tty1.service: Succeeded.")),
            (0.0, pid1("getty@tty1.service", "getty@tty1.service: Service has no hold-off time (RestartSec=0), scheduling restart.")),
            (0.0, pid1("getty@tty1.service", "getty@tty1.service: Scheduled restart job, restart counter is at %d." % i,
                       MESSAGE_ID=RESTART_ID, N_RESTARTS=str(i))),
            (0.0, pid1("getty@tty1.service", "Stopped Getty on tty1.")),
            (0.0, pid1("getty@tty1.service", "Started Getty on tty1."))], 5, 0.2)))

    case("systemd", "239-restart-sec-expired",
         "Ubuntu 18.10 (systemd 239): 'Service RestartSec=100ms expired, scheduling restart.' then the restart counter.",
         "https://github.com/tkluck/pac4cli/issues/48 (journal, Oct 2018)",
         host="tkluck-xps", must=[expect("restart_burst", subject="pac4cli.service", count=(5, 5))])(
        journal("tkluck-xps", loop("pac4cli.service", lambda i: [
            (0.0, pid1("pac4cli.service", "Started PAC autoconfigured proxy for use through http_proxy= environment variables.")),
            (0.5, pid1("pac4cli.service", "pac4cli.service: Service RestartSec=100ms expired, scheduling restart.")),
            (0.5, pid1("pac4cli.service", "pac4cli.service: Scheduled restart job, restart counter is at %d." % i,
                       MESSAGE_ID=RESTART_ID, N_RESTARTS=str(i))),
            (0.5, pid1("pac4cli.service", "Stopped PAC autoconfigured proxy for use through http_proxy= environment variables."))], 5, 0.6)))

    case("systemd", "249-user-unit-restart-loop",
         "Arch (systemd 249): a user unit (redshift.service under user@1000.service) crash-loops until its start limit; the user's unit is the subject, not the user manager.",
         "https://github.com/sharpbracket/redshift/pull/844 (journalctl, systemd[473] = the user manager, Oct 2021)",
         host="pavilion-arch",
         must=[expect("restart_burst", subject="redshift.service", count=(5, 5), related=["unit_start_limit"]),
               expect("unit_start_limit", subject="redshift.service")],
         must_not=[{"type": "restart_burst", "subject": "user@1000.service"}, {"type": "unit_start_limit", "subject": "user@1000.service"}])(
        journal("pavilion-arch", loop("redshift.service", lambda i: [
            (0.1, user_manager(473, 1000, "redshift.service", "redshift.service: Failed with result 'exit-code'.", "4",
                               MESSAGE_ID=FAILED_ID, UNIT_RESULT="exit-code")),
            (0.2, user_manager(473, 1000, "redshift.service", "redshift.service: Scheduled restart job, restart counter is at %d." % i,
                               MESSAGE_ID=RESTART_ID, N_RESTARTS=str(i))),
            (0.2, user_manager(473, 1000, "redshift.service", "Stopped Redshift display colour temperature adjustment."))], 5, 0.3)
            + [(1.6, user_manager(473, 1000, "redshift.service", "redshift.service: Start request repeated too quickly.", "4")),
               (1.6, user_manager(473, 1000, "redshift.service", "redshift.service: Failed with result 'exit-code'.", "4",
                                  MESSAGE_ID=FAILED_ID, UNIT_RESULT="exit-code")),
               (1.6, user_manager(473, 1000, "redshift.service", "Failed to start Redshift display colour temperature adjustment.", "3"))]))

    case("systemd", "259-user-unit-fails-twice",
         "Fedora 44 (systemd 259): a user timer job fails twice within its interval; the user unit is the subject.",
         "https://github.com/systemd/systemd/issues/42912 (journalctl --user, systemd 259.7)",
         host="nlp", must=[expect("unit_failed", subject="backup-emails.service", count=(2, 2))],
         must_not=[{"type": "unit_failed", "subject": "user@1000.service"}])(
        journal("nlp", [(i * 60.0 + dt, user_manager(2376, 1000, "backup-emails.service", m, p, **x)) for i in range(2) for dt, m, p, x in [
            (0.0, "Starting backup-emails.service - Backup emails...", "6", {}),
            (0.1, "backup-emails.service: Main process exited, code=exited, status=1/FAILURE", "5", {}),
            (0.1, "backup-emails.service: Failed with result 'exit-code'.", "4", {"MESSAGE_ID": FAILED_ID, "UNIT_RESULT": "exit-code"})]]))

    case("systemd", "negative-one-restart-after-deploy",
         "One restart of a unit (a deploy): stop, start, one failure handled by one scheduled restart; nothing repeats.",
         "https://github.com/systemd/systemd/issues/29348 (/var/log/syslog, Sep 2023)\n"
         "https://github.com/tkluck/pac4cli/issues/48 (journal, Oct 2018)",
         host="iserv", negative=True)(
        journal("iserv", [
            (0.0, pid1("samba-ad-dc.service", "Stopping samba-ad-dc.service...")),
            (1.0, pid1("samba-ad-dc.service", "Stopped samba-ad-dc.service.")),
            (1.0, pid1("samba-ad-dc.service", "samba-ad-dc.service: Consumed 1min 37.353s CPU time.")),
            (1.0, pid1("samba-ad-dc.service", "Starting samba-ad-dc.service...")),
            (1.2, pid1("samba-ad-dc.service", "Started samba-ad-dc.service.")),
            (600.0, pid1("pac4cli.service", "pac4cli.service: Service RestartSec=100ms expired, scheduling restart.")),
            (600.0, pid1("pac4cli.service", "pac4cli.service: Scheduled restart job, restart counter is at 1.",
                         MESSAGE_ID=RESTART_ID, N_RESTARTS="1")),
            (600.1, pid1("pac4cli.service", "Started PAC autoconfigured proxy for use through http_proxy= environment variables."))]))

    case("systemd", "negative-clean-stop",
         "A clean stop of a service: Stopping, exit 0/SUCCESS, Succeeded, Stopped.",
         "https://github.com/systemd/systemd/issues/13667 (journalctl, systemd 242)\n"
         "https://github.com/systemd/systemd/issues/29348 (/var/log/syslog, 2023)",
         host="mycontainer", negative=True)(
        journal("mycontainer", [
            (0.0, pid1("samba-ad-dc.service", "Stopping samba-ad-dc.service...")),
            (0.5, pid1("getty@tty1.service", "getty@tty1.service: Succeeded.")),
            (1.0, pid1("samba-ad-dc.service", "Stopped samba-ad-dc.service.")),
            (1.0, pid1("samba-ad-dc.service", "samba-ad-dc.service: Consumed 1min 37.353s CPU time."))]))

    case("systemd", "negative-one-failure",
         "A unit that fails once (exit code) and is not restarted: a log line, not an incident.",
         "https://github.com/systemd/systemd/issues/42912 (journalctl --user, systemd 259.7)",
         host="nlp", negative=True)(
        journal("nlp", [
            (0.0, user_manager(2376, 1000, "backup-emails.service", "backup-emails.service: Main process exited, code=exited, status=1/FAILURE", "5")),
            (0.0, user_manager(2376, 1000, "backup-emails.service", "backup-emails.service: Failed with result 'exit-code'.", "4",
                               MESSAGE_ID=FAILED_ID, UNIT_RESULT="exit-code"))]))

    # ============================== systemd: OOM (cgroup v2 and systemd-oomd) ==============================
    case("systemd-oom", "cgroup-v2-unit-and-every-ancestor-slice",
         "systemd (Ubuntu 24.04) logs 'A process of this unit has been killed by the OOM killer.' for the leaf unit and every ancestor slice: one incident for the unit, none for the slices; the unit's own ancestors (one before its line, one after) are its 'slices' label, the postgresql slices interleaved with them are not (the postgresql unit's own line is not in the excerpt).",
         "https://github.com/bennettoxford/openprescribing/issues/5431 (/var/log/syslog, rsyslog high precision, Feb 2026)",
         host="largeweb2",
         must=[expect("unit_oom_killed", subject="user@1021.service", labels={"slices": "user-1021.slice, user.slice"})],
         must_not=[{"type": "unit_oom_killed", "subject": "user.slice"}, {"type": "unit_oom_killed", "subject": "system.slice"},
                   {"type": "unit_oom_killed", "subject": "user-1021.slice"}])(
        journal("largeweb2", [
            (0.0, pid1("user-1021.slice", "user-1021.slice: A process of this unit has been killed by the OOM killer.", "4", MESSAGE_ID=OOM_UNIT_ID)),
            (0.000175, pid1("system-postgresql.slice", "system-postgresql.slice: A process of this unit has been killed by the OOM killer.", "4", MESSAGE_ID=OOM_UNIT_ID)),
            (0.000226, pid1("user@1021.service", "user@1021.service: A process of this unit has been killed by the OOM killer.", "4", MESSAGE_ID=OOM_UNIT_ID)),
            (0.000270, pid1("user.slice", "user.slice: A process of this unit has been killed by the OOM killer.", "4", MESSAGE_ID=OOM_UNIT_ID)),
            (0.000315, pid1("system.slice", "system.slice: A process of this unit has been killed by the OOM killer.", "4", MESSAGE_ID=OOM_UNIT_ID))]))

    case("systemd-oom", "oomd-249-kill-user-scope",
         "systemd-oomd (Ubuntu 22.04, systemd 249) kills a terminal's scope for memory pressure of user@1001.service; the user manager then logs the unit-level line.",
         "https://github.com/systemd/systemd/issues/23606 (comment by John-Nagle, journalctl, Dec 2023)",
         host="user-desktop",
         must=[expect("oom_kill", pattern="systemd_oomd_kill", subject="vte-spawn-dbb4a75e-031f-480d-924b-5de5af7579d2.scope",
                      summary=["memory pressure"])])(
        journal("user-desktop", [
            (0.0, daemon("systemd-oomd", 840, "systemd-oomd.service",
                         "Killed /user.slice/user-1001.slice/user@1001.service/app.slice/app-org.gnome.Terminal.slice/vte-spawn-dbb4a75e-031f-480d-924b-5de5af7579d2.scope due to memory pressure for /user.slice/user-1001.slice/user@1001.service being 51.07% > 50.00% for > 20s with reclaim activity", "5")),
            (0.1, user_manager(1837, 1001, "vte-spawn-dbb4a75e-031f-480d-924b-5de5af7579d2.scope",
                               "vte-spawn-dbb4a75e-031f-480d-924b-5de5af7579d2.scope: systemd-oomd killed 12 process(es) in this unit.", "5")),
            (1.0, user_manager(1837, 1001, "vte-spawn-dbb4a75e-031f-480d-924b-5de5af7579d2.scope",
                               "vte-spawn-dbb4a75e-031f-480d-924b-5de5af7579d2.scope: Consumed 5h 17min 34.893s CPU time."))]))

    case("systemd-oom", "oomd-unit-level-line-testsuite",
         "systemd's TEST-55-OOMD (systemd 249-dev): the manager's unit-level line, then the unit's main process SIGKILLed.",
         "https://github.com/systemd/systemd/pull/20690 (CI journal, Sep 2021)",
         host="image",
         must=[expect("oom_kill", pattern="systemd_oomd_kill", subject="testsuite-55-testbloat.service")])(
        journal("image", [
            (0.0, daemon("systemd-oomd", 34, "systemd-oomd.service",
                         "Memory pressure for /testsuite.slice/testsuite-55.slice/testsuite-55-workload.slice is 64.15% > 1.00% for > 30s with reclaim activity", "5")),
            (0.0, daemon("systemd-oomd", 34, "systemd-oomd.service", "oomd attempting to kill 63 with KILL", "7")),
            (0.0, pid1("testsuite-55-testbloat.service", "testsuite-55-testbloat.service: systemd-oomd killed 2 process(es) in this unit.", "5")),
            (0.0, pid1("testsuite-55-testbloat.service", "testsuite-55-testbloat.service: Main process exited, code=killed, status=9/KILL", "5")),
            (0.0, pid1("testsuite-55-testbloat.service", "testsuite-55-testbloat.service: Failed with result 'signal'.", "4"))]))

    case("systemd-oom", "oomd-258-marked-for-killing",
         "Newer systemd-oomd: 'Marked <cgroup> for killing due to memory pressure …', then the manager's unit-level line.",
         "https://github.com/systemd/systemd/pull/42321 (TEST-55-OOMD journal on CentOS 10, May 2026)",
         host="centos10",
         must=[expect("oom_kill", pattern="systemd_oomd_kill", subject="systemd-journald.service")])(
        journal("centos10", [
            (0.0, daemon("systemd-oomd", 659, "systemd-oomd.service",
                         "Memory pressure for /system.slice is 85.03% > 80.00% for > 2s with reclaim activity", "5")),
            (0.009, daemon("systemd-oomd", 659, "systemd-oomd.service", "Considered 19 cgroups for killing, top candidates were:")),
            (0.009, daemon("systemd-oomd", 659, "systemd-oomd.service",
                           "Marked /system.slice/systemd-journald.service for killing due to memory pressure for /system.slice being 85.03% > 80.00% for > 2s with reclaim activity", "5")),
            (0.012, pid1("systemd-journald.service", "systemd-journald.service: systemd-oomd killed 1 process(es) in this unit.", "5"))]))

    case("systemd-oom", "negative-oomd-pressure-without-kill",
         "systemd-oomd considering candidates and reporting pressure, killing nothing.",
         "https://github.com/systemd/systemd/issues/32304 (journal, systemd 255)\n"
         "https://github.com/systemd/systemd/pull/20690 (CI journal)",
         host="arch", negative=True)(
        journal("arch", [
            (0.0, daemon("systemd-oomd", 93234, "systemd-oomd.service", "Considered 97 cgroups for killing, top candidates were:")),
            (0.0, daemon("systemd-oomd", 93234, "systemd-oomd.service", "        Path: /user.slice/user-1000.slice/user@1000.service/app.slice/app-gnome-slack-96235.scope")),
            (0.0, daemon("systemd-oomd", 93234, "systemd-oomd.service", "                Memory Pressure Limit: 0.00%")),
            (5.0, daemon("systemd-oomd", 93234, "systemd-oomd.service",
                         "Memory pressure for /testsuite.slice/testsuite-55.slice/testsuite-55-workload.slice is 64.15% > 1.00% for > 30s with reclaim activity", "5"))]))

    # ============================== kubelet ==============================
    def kubelet_lines(host, pid, lines, every=15.0):
        return journal(host, [(i * every, daemon("kubelet", pid, "kubelet.service", l, "6")) for i, l in enumerate(lines)])

    l18 = ('E1029 13:16:48.471488    4919 pod_workers.go:182] Error syncing pod cc89ef7c-bc47-11e7-85ce-901b0edee6b6 '
           '("alpine-368057524-bgt0m_default(cc89ef7c-bc47-11e7-85ce-901b0edee6b6)"), skipping: failed to "StartContainer" for '
           '"alpine" with CrashLoopBackOff: "Back-off 5m0s restarting failed container=alpine '
           'pod=alpine-368057524-bgt0m_default(cc89ef7c-bc47-11e7-85ce-901b0edee6b6)"')
    case("kubelet", "1.8-capital-back-off",
         "kubelet 1.8 (CentOS 7): the pre-structured 'Back-off 5m0s restarting failed container=…' with a capital B.",
         "https://github.com/kubernetes/kubernetes/issues/54760 (journalctl -u kubelet, Oct 2017)",
         host="centos02",
         must=[expect("restart_burst", pattern="kubelet_crash_loop", subject="alpine-368057524-bgt0m/alpine", summary=["back-off 5m0s"])],
         must_not=[{"type": "crash_loop_backoff"}])(
        kubelet_lines("centos02", 4919, [l18, 'I1029 13:16:58.436810    4919 qos_container_manager_linux.go:286] [ContainerManager]: Updated QoS cgroup configuration']))

    l113 = ('E0119 22:05:08.823485   20081 pod_workers.go:186] Error syncing pod 8342124b-1bf2-11e9-a9ee-f8bc124413fc '
            '("apprepo-sync-stable-1547906400-k8xb7_kubeapps(8342124b-1bf2-11e9-a9ee-f8bc124413fc)"), skipping: failed to '
            '"StartContainer" for "sync" with CrashLoopBackOff: "Back-off 2m40s restarting failed container=sync '
            'pod=apprepo-sync-stable-1547906400-k8xb7_kubeapps(8342124b-1bf2-11e9-a9ee-f8bc124413fc)"')
    case("kubelet", "1.13-back-off-2m40s-repeated",
         "kubelet 1.13: the same back-off line every 11-15 s: one incident, updated.",
         "https://github.com/vmware-tanzu/kubeapps/issues/933 (/var/log/messages, Jan 2019)",
         host="bms-k8s-node-188-64",
         must=[expect("restart_burst", subject="apprepo-sync-stable-1547906400-k8xb7/sync", count=(3, 3), summary=["back-off 2m40s"])])(
        kubelet_lines("bms-k8s-node-188-64", 20081, [l113] * 3, 13.0))

    case("kubelet", "1.14-two-pods-crash-looping",
         "minikube (kubelet 1.14): two pods back off at once; one incident each.",
         "https://github.com/kubernetes/minikube/issues/4590 (journalctl -u kubelet, Jun 2019)",
         host="minikube",
         must=[expect("restart_burst", subject="nginx-ingress-controller-586cdc477c-fxsch/nginx-ingress-controller"),
               expect("restart_burst", subject="kube-controller-manager-minikube/kube-controller-manager")])(
        kubelet_lines("minikube", 3344, [
            'E0625 15:57:45.841480    3344 pod_workers.go:190] Error syncing pod 43d0c55c-8949-11e9-ae4b-0800272bdd47 ("nginx-ingress-controller-586cdc477c-fxsch_kube-system(43d0c55c-8949-11e9-ae4b-0800272bdd47)"), skipping: failed to "StartContainer" for "nginx-ingress-controller" with CrashLoopBackOff: "Back-off 2m40s restarting failed container=nginx-ingress-controller pod=nginx-ingress-controller-586cdc477c-fxsch_kube-system(43d0c55c-8949-11e9-ae4b-0800272bdd47)"',
            'E0625 15:57:48.837972    3344 pod_workers.go:190] Error syncing pod 676a8a1e3e146d0c0f7c4f6e1e96b578 ("kube-controller-manager-minikube_kube-system(676a8a1e3e146d0c0f7c4f6e1e96b578)"), skipping: failed to "StartContainer" for "kube-controller-manager" with CrashLoopBackOff: "Back-off 2m40s restarting failed container=kube-controller-manager pod=kube-controller-manager-minikube_kube-system(676a8a1e3e146d0c0f7c4f6e1e96b578)"'], 3.0))

    case("kubelet", "1.20-lowercase-back-off",
         "kubelet 1.20 (minikube): 'back-off 40s restarting failed container=…' in lower case.",
         "https://github.com/kubernetes/minikube/issues/11105 (minikube start, Apr 2021)",
         host="minikube",
         must=[expect("restart_burst", subject="kube-apiserver-minikube/kube-apiserver", summary=["back-off 40s"]),
               expect("restart_burst", subject="etcd-minikube/etcd", summary=["back-off 1m20s"])])(
        kubelet_lines("minikube", 46838, [
            'E0415 17:20:59.573180   46838 pod_workers.go:191] Error syncing pod 58559ae51deca84cd181529bc44866d9 ("kube-apiserver-minikube_kube-system(58559ae51deca84cd181529bc44866d9)"), skipping: failed to "StartContainer" for "kube-apiserver" with CrashLoopBackOff: "back-off 40s restarting failed container=kube-apiserver pod=kube-apiserver-minikube_kube-system(58559ae51deca84cd181529bc44866d9)"',
            'E0415 17:20:59.573652   46838 pod_workers.go:191] Error syncing pod e9e9e53797e35b959b763a2796bbb4b4 ("etcd-minikube_kube-system(e9e9e53797e35b959b763a2796bbb4b4)"), skipping: failed to "StartContainer" for "etcd" with CrashLoopBackOff: "back-off 1m20s restarting failed container=etcd pod=etcd-minikube_kube-system(e9e9e53797e35b959b763a2796bbb4b4)"'], 0.5))

    case("kubelet", "1.22-structured-logging",
         "kubelet 1.22 structured logging: '\"Error syncing pod, skipping\" err=\"… back-off 5m0s restarting failed container=…\"'.",
         "https://github.com/loft-sh/vcluster/issues/162 (k3s kubelet output, Oct 2021; the quoted line ends where the page's excerpt ends)",
         host="wsl2",
         must=[expect("restart_burst", subject="vcluster-1-0/vcluster", summary=["back-off 5m0s"])])(
        kubelet_lines("wsl2", 31070, [
            'E1023 18:56:20.145522   31070 pod_workers.go:765] "Error syncing pod, skipping" err="[failed to \\"StartContainer\\" for \\"vcluster\\" with CrashLoopBackOff: \\"back-off 5m0s restarting failed container=vcluster pod=vcluster-1-0_host-namespace-1(c076d934-6820-46cd-b886-c6b35111ece2)\\", failed to \\"StartContainer\\" for \\"syncer\\" with CrashLoopBackOff: \\"back-off 5m0s restarting failed container=syncer pod=vcluster-1-0_hos']))

    case("kubelet", "negative-back-off-pulling-image",
         "ImagePullBackOff: 'Back-off pulling image …' is an image that cannot be pulled, not a container crash loop.",
         "https://github.com/kubeflow/kubeflow/issues/2698 (journalctl, kubelet 1.13, Mar 2019)\n"
         "https://github.com/kubernetes/minikube/issues/322 (kubelet log, Jul 2016)",
         host="minikube", negative=True, must_not=[{"type": "restart_burst"}])(
        kubelet_lines("minikube", 3244, [
            'E0314 08:36:43.517795    3244 pod_workers.go:190] Error syncing pod 4b4728cd-4620-11e9-9bf4-d409029b649b ("modeldb-backend-54f88cf869-xbnz4_kubeflow(4b4728cd-4620-11e9-9bf4-d409029b649b)"), skipping: failed to "StartContainer" for "modeldb-backend" with ImagePullBackOff: "Back-off pulling image \\"mitdbg/modeldb-backend:kf0.4\\""',
            'E0314 08:36:56.519382    3244 pod_workers.go:190] Error syncing pod 4b4728cd-4620-11e9-9bf4-d409029b649b ("modeldb-backend-54f88cf869-xbnz4_kubeflow(4b4728cd-4620-11e9-9bf4-d409029b649b)"), skipping: failed to "StartContainer" for "modeldb-backend" with ImagePullBackOff: "Back-off pulling image \\"mitdbg/modeldb-backend:kf0.4\\""',
            'E0713 07:03:06.865375    1742 docker_manager.go:1955] Failed to create pod infra container: ImagePullBackOff; Skipping pod "kube-addon-manager-minikubevm_kube-system(48abed82af93bb0b941173334110923f)": Back-off pulling image "gcr.io/google_containers/pause-amd64:3.0"'], 13.0))

    case("kubelet", "negative-dead-container-restarted-once",
         "kubelet restarting a dead container once, as its RestartPolicy says: no back-off, no loop.",
         "https://github.com/kubernetes/kubernetes/issues/54760 (journalctl -u kubelet, Oct 2017)",
         host="centos02", negative=True)(
        kubelet_lines("centos02", 4919, [
            'I1029 13:16:58.436810    4919 qos_container_manager_linux.go:286] [ContainerManager]: Updated QoS cgroup configuration']))

    # ============================== containerd / dockerd ==============================
    def shim(host, ident, unit, line_at, n, every):
        return journal(host, [(i * every, daemon(ident, 56029, unit, line_at(i))) for i in range(n)])

    case("docker", "25-shim-disconnected-restart-always",
         "Docker 25.0.2: a restart-always container whose task ends every 30 s: 'shim disconnected' from dockerd's embedded containerd.",
         "https://github.com/moby/moby/issues/47757 (/var/log/messages, Docker 25.0.2, Apr 2024)",
         host="onxl9979",
         must=[expect("restart_burst", pattern="docker_restart_loop", subject="container 15beb6882689", count=(5, 5))])(
        shim("onxl9979", "dockerd", "docker.service",
             lambda i: 'time="2024-04-01T00:%02d:23.141970662Z" level=info msg="shim disconnected" id=15beb68826895f5ab6922c6dceac8a486883366a9ff4ebff0ae9f8da6ca968ef' % (32 + i),
             5, 60.0))

    case("docker", "19.03-shim-reaped",
         "Docker 19.03 / containerd 1.2 (CentOS 7): 'shim reaped' each time the container's task ends.",
         "https://github.com/apache/doris/issues/3525 (/var/log/messages, containerd, May 2020)",
         host="doris-03",
         must=[expect("restart_burst", pattern="docker_restart_loop", subject="container d9b0a9bd41d3", count=(5, 5))])(
        shim("doris-03", "containerd", "containerd.service",
             lambda i: 'time="2020-05-08T14:%02d:34.745916919+08:00" level=info msg="shim reaped" id=d9b0a9bd41d3f1ecf4efe4bdec0728cc0f1cbbeb310bceeff370ad83aeb955a3' % (5 + i),
             5, 60.0))

    case("docker", "containerd-1.5-shim-disconnected-namespace-moby",
         "containerd 1.5 with runc v2 shims: 'shim disconnected' then 'cleaning up after shim disconnected … namespace=moby'.",
         "https://github.com/containerd/containerd/issues/6402 (containerd log, Jan 2022)",
         host="node-6402",
         must=[expect("restart_burst", subject="container 6ce9d405aaae", count=(5, 5))])(
        journal("node-6402", [(i * 45.0 + dt, daemon("containerd", 3905483, "containerd.service", m % (21 + i)))
                              for i in range(5) for dt, m in [
            (0.0, 'time="2022-01-02T%02d:53:01.309515034+08:00" level=info msg="shim disconnected" id=6ce9d405aaae9dfae615d0810ba46b4726c60607dd940233fe824b651158372e'),
            (0.003, 'time="2022-01-02T%02d:53:01.312121940+08:00" level=warning msg="cleaning up after shim disconnected" id=6ce9d405aaae9dfae615d0810ba46b4726c60607dd940233fe824b651158372e namespace=moby')]]))

    case("docker", "negative-one-container-stop",
         "One container stopping once (containerd shim cleaned up): no loop.",
         "https://github.com/containerd/containerd/issues/10437 (journalctl -u containerd, Jul 2024)",
         host="ip-10-2-39-179", negative=True)(
        journal("ip-10-2-39-179", [
            (0.0, daemon("containerd", 13397, "containerd.service", 'time="2024-07-04T16:24:03.119492729Z" level=info msg="cleaning leaked shim process" id=4b5442885f9ab6cb609f8ea7a176855eae61425570508d71b7caa31955fc6ed0 namespace=k8s.io')),
            (0.001, daemon("containerd", 13397, "containerd.service", 'time="2024-07-04T16:24:03.120020900Z" level=info msg="shim disconnected" id=4b5442885f9ab6cb609f8ea7a176855eae61425570508d71b7caa31955fc6ed0 namespace=k8s.io')),
            (0.001, daemon("containerd", 13397, "containerd.service", 'time="2024-07-04T16:24:03.120084841Z" level=warning msg="cleaning up after shim disconnected" id=4b5442885f9ab6cb609f8ea7a176855eae61425570508d71b7caa31955fc6ed0 namespace=k8s.io')),
            (0.001, daemon("containerd", 13397, "containerd.service", 'time="2024-07-04T16:24:03.120095861Z" level=info msg="cleaning up dead shim" namespace=k8s.io'))]))

    # ============================== supervisord 3.x / 4.x ==============================
    sup = "/var/log/supervisor/supervisord.log"
    case("supervisord", "3.x-exits-then-gave-up",
         "supervisord 3.x: four unexpected exits then 'gave up: … entered FATAL state, too many start retries too quickly'; the burst and the FATAL are one story.",
         "https://github.com/Supervisor/supervisor/issues/578 (supervisord.log, Feb 2015)",
         must=[expect("restart_burst", pattern="supervisord_exit_burst", subject="shadowsocks", count=(4, 4), related=["unit_start_limit"]),
               expect("unit_start_limit", subject="shadowsocks")])(
        text("supervisord.log", sup, [
            "2015-02-13 01:32:25,470 CRIT Supervisor running as root (no user in config file)",
            "2015-02-13 01:32:25,471 INFO supervisord started with pid 5550",
            "2015-02-13 01:32:26,473 INFO spawned: 'shadowsocks' with pid 9378",
            "2015-02-13 01:32:26,564 INFO exited: shadowsocks (exit status 1; not expected)",
            "2015-02-13 01:32:27,566 INFO spawned: 'shadowsocks' with pid 9380",
            "2015-02-13 01:32:27,665 INFO exited: shadowsocks (exit status 1; not expected)",
            "2015-02-13 01:32:29,668 INFO spawned: 'shadowsocks' with pid 9382",
            "2015-02-13 01:32:29,754 INFO exited: shadowsocks (exit status 1; not expected)",
            "2015-02-13 01:32:32,758 INFO spawned: 'shadowsocks' with pid 9384",
            "2015-02-13 01:32:32,845 INFO exited: shadowsocks (exit status 1; not expected)",
            "2015-02-13 01:32:33,846 INFO gave up: shadowsocks entered FATAL state, too many start retries too quickly"]))

    case("supervisord", "3.x-exit-status-127",
         "supervisord on Ubuntu 16.04: a command not found (127) three times, then FATAL.",
         "https://github.com/nasa-jpl-memex/memex-explorer/issues/773 (supervisord.log, Sep 2016)",
         must=[expect("restart_burst", subject="nutch", count=(3, 3), summary=["exit status 127"]),
               expect("unit_start_limit", subject="nutch")])(
        text("supervisord.log", sup, [
            "2016-09-04 19:12:10,757 INFO exited: nutch (exit status 127; not expected)",
            "2016-09-04 19:12:12,798 INFO spawned: 'nutch' with pid 2168",
            "2016-09-04 19:12:12,890 INFO exited: nutch (exit status 127; not expected)",
            "2016-09-04 19:12:16,201 INFO spawned: 'nutch' with pid 2211",
            "2016-09-04 19:12:16,252 INFO exited: nutch (exit status 127; not expected)",
            "2016-09-04 19:12:16,252 INFO gave up: nutch entered FATAL state, too many start retries too quickly"]))

    case("supervisord", "4.x-warn-exited",
         "supervisord 4.x logs unexpected exits at WARN: 'WARN exited: postgresql (exit status 0; not expected)'.",
         "https://github.com/Supervisor/supervisor/issues/1663 (supervisord.log, Oct 2024)",
         must=[expect("restart_burst", subject="postgresql", count=(7, 7))])(
        text("supervisord.log", sup, [
            "2024-10-30 04:42:49,149 INFO spawned: 'postgresql' with pid 1102",
            "2024-10-30 04:42:49,192 WARN exited: postgresql (exit status 0; not expected)",
            "2024-10-30 04:42:52,532 INFO spawned: 'postgresql' with pid 1288",
            "2024-10-30 04:42:52,567 WARN exited: postgresql (exit status 0; not expected)",
            "2024-10-30 04:42:56,641 INFO spawned: 'postgresql' with pid 1325",
            "2024-10-30 04:42:56,676 WARN exited: postgresql (exit status 0; not expected)",
            "2024-10-30 04:43:02,642 INFO spawned: 'postgresql' with pid 1330",
            "2024-10-30 04:43:02,676 WARN exited: postgresql (exit status 0; not expected)",
            "2024-10-30 04:43:09,642 INFO spawned: 'postgresql' with pid 1335",
            "2024-10-30 04:43:09,677 WARN exited: postgresql (exit status 0; not expected)",
            "2024-10-30 04:43:17,643 INFO spawned: 'postgresql' with pid 1340",
            "2024-10-30 04:43:17,677 WARN exited: postgresql (exit status 0; not expected)",
            "2024-10-30 04:43:26,116 INFO spawned: 'postgresql' with pid 1345",
            "2024-10-30 04:43:26,150 WARN exited: postgresql (exit status 0; not expected)"]))

    case("supervisord", "3.x-debug-lines-between-exits",
         "supervisord 3.x at loglevel debug: DEBG lines between the exits.",
         "https://github.com/rfk/django-supervisor/issues/15 (supervisord log, Mar 2012)",
         must=[expect("restart_burst", subject="webserver", count=(3, 3))])(
        text("supervisord.log", sup, [
            "2012-03-08 12:06:35,270 INFO spawned: 'webserver' with pid 19539",
            "2012-03-08 12:06:36,177 DEBG fd 7 closed, stopped monitoring <POutputDispatcher at 39415392 for <Subprocess at 38594752 with name webserver in state STARTING> (stdout)>",
            "2012-03-08 12:06:36,177 INFO exited: webserver (exit status 0; not expected)",
            "2012-03-08 12:06:36,177 DEBG received SIGCLD indicating a child quit",
            "2012-03-08 12:06:37,182 INFO spawned: 'webserver' with pid 19553",
            "2012-03-08 12:06:38,074 INFO exited: webserver (exit status 0; not expected)",
            "2012-03-08 12:06:40,080 INFO spawned: 'webserver' with pid 19563",
            "2012-03-08 12:06:40,987 INFO exited: webserver (exit status 0; not expected)"]))

    case("supervisord", "3.x-four-programs-fatal",
         "FATE's supervisord: four programs give up within a second; one FATAL incident each.",
         "https://github.com/FederatedAI/FATE/issues/3986 (supervisord log, May 2022)",
         must=[expect("unit_start_limit", subject=p) for p in ["fate-nodemanager", "fate-clustermanager", "fate-fateflow", "fate-rollsite"]])(
        text("supervisord.log", sup, [
            "2022-05-20 08:46:26,770 INFO gave up: fate-nodemanager entered FATAL state, too many start retries too quickly",
            "2022-05-20 08:46:26,771 INFO exited: fate-clustermanager (exit status 0; not expected)",
            "2022-05-20 08:46:26,771 INFO gave up: fate-clustermanager entered FATAL state, too many start retries too quickly",
            "2022-05-20 08:46:26,772 INFO exited: fate-fateflow (exit status 0; not expected)",
            "2022-05-20 08:46:26,777 INFO gave up: fate-fateflow entered FATAL state, too many start retries too quickly",
            "2022-05-20 08:46:26,777 INFO exited: fate-rollsite (exit status 0; not expected)",
            "2022-05-20 08:46:27,778 INFO gave up: fate-rollsite entered FATAL state, too many start retries too quickly"]))

    case("supervisord", "3.0b2-two-workers-looping",
         "supervisord 3.0b2: two workers exit unexpectedly again and again; one burst each, expected exits ignored.",
         "https://github.com/Supervisor/supervisor/issues/916 (supervisord log, Apr 2017)",
         must=[expect("restart_burst", subject="test_worker_00", count=(3, 3)), expect("restart_burst", subject="test_worker_01", count=(3, 3))])(
        text("supervisord.log", sup, [
            "2017-04-05 21:15:32,599 INFO exited: test_worker_01 (exit status 0; expected)",
            "2017-04-05 21:15:33,015 INFO spawned: 'test_worker_01' with pid 19905",
            "2017-04-05 21:15:33,025 INFO exited: test_worker_00 (exit status 0; expected)",
            "2017-04-05 21:15:33,400 INFO spawned: 'test_worker_00' with pid 19908",
            "2017-04-05 21:15:33,673 INFO exited: test_worker_01 (exit status 0; not expected)",
            "2017-04-05 21:15:34,059 INFO exited: test_worker_00 (exit status 0; not expected)",
            "2017-04-05 21:15:35,062 INFO spawned: 'test_worker_01' with pid 19997",
            "2017-04-05 21:15:35,063 INFO spawned: 'test_worker_00' with pid 19998",
            "2017-04-05 21:15:35,715 INFO exited: test_worker_00 (exit status 0; not expected)",
            "2017-04-05 21:15:35,989 INFO exited: test_worker_01 (exit status 0; not expected)",
            "2017-04-05 21:15:37,992 INFO spawned: 'test_worker_01' with pid 20099",
            "2017-04-05 21:15:37,993 INFO spawned: 'test_worker_00' with pid 20100",
            "2017-04-05 21:15:38,654 INFO exited: test_worker_00 (exit status 0; not expected)",
            "2017-04-05 21:15:38,949 INFO exited: test_worker_01 (exit status 0; not expected)"]))

    case("supervisord", "negative-start-up-and-expected-exits",
         "supervisord starting its programs, RUNNING after startsecs, and expected exits: nothing is wrong.",
         "https://github.com/Supervisor/supervisor/issues/987 (supervisord log, Aug 2017)\n"
         "https://github.com/Supervisor/supervisor/issues/916 (supervisord log, Apr 2017)",
         negative=True)(
        text("supervisord.log", sup, [
            "2017-08-31 23:38:13,884 INFO supervisord started with pid 152",
            "2017-08-31 23:38:14,887 INFO spawned: 'stdout' with pid 155",
            "2017-08-31 23:38:14,888 INFO spawned: 'nginx' with pid 156",
            "2017-08-31 23:38:15,918 INFO success: stdout entered RUNNING state, process has stayed up for > than 1 seconds (startsecs)",
            "2017-08-31 23:38:15,918 INFO success: nginx entered RUNNING state, process has stayed up for > than 1 seconds (startsecs)",
            "2017-08-31 23:40:32,599 INFO exited: test_worker_01 (exit status 0; expected)",
            "2017-08-31 23:40:33,025 INFO exited: test_worker_00 (exit status 0; expected)",
            "2017-08-31 23:45:32,599 INFO exited: test_worker_01 (exit status 0; expected)"]))

    case("supervisord", "negative-app-says-killed-process",
         "An application's own log that mentions a killed worker process and a signal 11: not the kernel's OOM killer or a segfault report.",
         "https://github.com/rspamd/rspamd/issues/507 (rspamd.log, Jan 2016)",
         negative=True)(
        text("rspamd.log", "/var/log/rspamd/rspamd.log", [
            "2016-01-27 08:40:26 #20715(main) <0c1ff1>; main; rspamd_cld_handler: normal process 29417 terminated abnormally by signal: 11 but NOT created core file"]))

    # ============================== container log files (CRI, Docker json-file) ==============================
    # kubeedge/sedna#320: the kb pod's output each time it starts (CrashLoopBackOff).
    sedna_traceback = [
        "Traceback (most recent call last):",
        '  File "/code/lib/sedna/service/run_kb.py", line 18, in <module>',
        "    from sedna.service.server.knowledgeBase.model import init_db",
        '  File "/code/lib/sedna/__init__.py", line 16, in <module>',
        "    import sedna.algorithms",
        '  File "/code/lib/sedna/algorithms/__init__.py", line 19, in <module>',
        "    from . import optical_flow",
        '  File "/code/lib/sedna/algorithms/optical_flow/__init__.py", line 19, in <module>',
        "    import cv2",
        "ModuleNotFoundError: No module named 'cv2'"]
    kb_id = "8f3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b"
    kb_log = "/var/lib/docker/containers/%s/%s-json.log" % (kb_id, kb_id)

    def kb_runs(starts):
        return [(at + i * 0.0001, "stderr", line) for at in starts for i, line in enumerate(sedna_traceback)]

    case("container", "docker-json-python-traceback-restart-loop",
         "A Python service dies at import each time Docker restarts it (restart policy: one json-file log); "
         "each traceback's lines are records of their own, joined into one event, and the exception repeats.",
         "https://github.com/kubeedge/sedna/issues/320 (the kb container's output, kb v0.5.0, Jun 2022; "
         "wrapped in Docker json-file records as moby daemon/logger/jsonfilelog writes them)",
         must=[expect("app_exception", pattern="python_exception", subject="ModuleNotFoundError", count=(3, 3),
                      summary=["No module named 'cv2'"])])(
        docker_json("%s-json.log" % kb_id, kb_log, kb_runs([0.0, 1.2, 3.5])))

    case("container", "negative-docker-json-one-python-traceback",
         "The same traceback once (the container started once and stopped): one exception is no incident.",
         "https://github.com/kubeedge/sedna/issues/320 (the kb container's output, kb v0.5.0, Jun 2022)",
         negative=True)(
        docker_json("%s-json.log" % kb_id, kb_log, kb_runs([0.0])))

    # fluent/fluent-bit#4551: CRI-O records' output verbatim (the record stamps are the format's);
    # the scheduled task fails the same way on each run.
    spring = [
        ("stdout", "F", '2021-12-28 10:26:45.134 ERROR 1 --- [   scheduling-1] ro.tst.es.MiddlewareWorker               : '
                        'Topic error events im-to-bo-am 404 Not Found: "{"timestamp":"2021-12-28T08:26:45.131+00:00",'
                        '"status":404,"error":"Not Found","path":"/im/asdad/fetch"}"'),
        ("stdout", "F", ""),
        ("stdout", "F", 'org.springframework.web.client.HttpClientErrorException$NotFound: 404 Not Found: '
                        '"{"timestamp":"2021-12-28T08:26:45.131+00:00","status":404,"error":"Not Found","path":"/im/asdad/fetch"}"'),
        ("stdout", "F", "   at org.springframework.web.client.HttpClientErrorException.create(HttpClientErrorException.java:113) "
                        "~[spring-web-5.3.13.jar!/:5.3.13]"),
        ("stdout", "F", "   at org.springframework.web.client.DefaultResponseErrorHandler.handleError(DefaultResponseErrorHandler.java:168) "
                        "~[spring-web-5.3.13.jar!/:5.3.13]")]
    worker_log = ("/var/log/pods/im_middleware-worker-6bcdd46d5d-klkbw_dce8feb5-7afd-4625-9ee1-ff8d65ebaf5c/"
                  "middleware-worker/0.log")
    case("container", "cri-o-spring-scheduled-error-signature",
         "CRI-O (Kubernetes 1.22): a Spring Boot scheduled task logs the same ERROR and stack trace on each run; "
         "the records' wrapper gone, the errors are one signature of the pod's log.",
         "https://github.com/fluent/fluent-bit/issues/4551 (CRI-O container log, Kubernetes v1.22, Dec 2021)",
         must=[expect("error_signature", pattern="app_error_signature", subject=worker_log, count=(3, 3),
                      summary=["Topic error events im-to-bo-am", "Not Found"])],
         must_not=[{"type": "app_exception"}])(
        cri("0.log", worker_log, [(run * 300.0 + i * 0.0001, stream, tag, output)
                                  for run in range(3) for i, (stream, tag, output) in enumerate(spring)]))

    case("container", "negative-cri-spring-boot-start",
         "A Spring Boot service starting under containerd: JVM notice on stderr, the banner on stdout, empty records; "
         "the records as the node wrote them (offset stamps, eight-digit fractions). Nothing is wrong.",
         "https://github.com/fluent/fluent-bit/issues/6703 (a CRI container log, Nov 2023)",
         negative=True)(
        container_file("0.log", "/var/log/pods/default_app-5f7c9d8b6-q4w2e_0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0/app/0.log", "cri", [
            "2023-11-16T14:09:16.533247217+03:00 stderr F Picked up _JAVA_OPTIONS: -Dsun.misc.URLClassPath.disableJarChecking=true -Dfile.encoding=utf-8 -Djavax.net.ssl.trustStore=/app/cacerts",
            "2023-11-16T14:09:20.808806147+03:00 stdout F",
            "2023-11-16T14:09:20.808897216+03:00 stdout F   .   ____          _            __ _ _",
            "2023-11-16T14:09:20.808904689+03:00 stdout F  /\\\\ / ___'_ __ _ _(_)_ __  __ _ \\ \\ \\ \\",
            "2023-11-16T14:09:20.80891196+03:00 stdout F ( ( )\\___ | '_ | '_| | '_ \\/ _` | \\ \\ \\ \\",
            "2023-11-16T14:09:20.808914891+03:00 stdout F  \\\\/  ___)| |_)| | | | | || (_| |  ) ) ) )",
            "2023-11-16T14:09:20.808917373+03:00 stdout F   '  |____| .__|_| |_|_| |_\\__, | / / / /",
            "2023-11-16T14:09:20.80891976+03:00 stdout F  =========|_|==============|___/=/_/_/_/",
            "2023-11-16T14:09:20.810208508+03:00 stdout F  :: Spring Boot ::               (v2.7.10)",
            "2023-11-16T14:09:20.81022331+03:00 stdout F"]))

    # ============================== JSON-lines application logs ==============================
    case("app-json", "slog-json-mysql-errors-twice",
         "A Go service's slog JSON log (with AddSource): three ERROR lines of one failed update, then the same three 11 minutes later; each line its own event at its own time, each error one signature seen twice.",
         "https://github.com/projeto-toq/toq_server (slog JSONHandler output pasted into a chat transcript stored in the repository: "
         "'a torina UpdateLastActivity esta gerando este erro:' 2025-08-07 17:33:03 -03:00, then 'erro persiste' 17:44:46; "
         "the first line of the second paste lost its leading '{\"' and is restored)",
         must=[expect("error_signature", subject="/srv/toq/api.log", incidents=(3, 3), count=(6, 6),
                      summary=["2 times since 2025-08-07T20:33:03"])])(
        text("api.log", "/srv/toq/api.log", [
            '{"time":"2025-08-07T17:33:03.459991037-03:00","level":"INFO","source":{"function":"github.com/giulio-alfieri/toq_server/internal/core/service/global_service.(*notificationService).SendNotification","file":"/home/giulio/go-code/toq_server/internal/core/service/global_service/send_notification.go","line":72},"msg":"Notification sent successfully","notificationType":0,"userID":2}',
            '{"time":"2025-08-07T17:33:03.460214533-03:00","level":"ERROR","source":{"function":"github.com/giulio-alfieri/toq_server/internal/adapter/right/mysql/user.(*UserAdapter).Update","file":"/home/giulio/go-code/toq_server/internal/adapter/right/mysql/user/basic_update.go","line":20},"msg":"mysqluseradapter/Update: error preparing statement","error":"context deadline exceeded"}',
            '{"time":"2025-08-07T17:33:03.460323819-03:00","level":"ERROR","source":{"function":"github.com/giulio-alfieri/toq_server/internal/adapter/right/mysql/user.(*UserAdapter).UpdateUserLastActivity","file":"/home/giulio/go-code/toq_server/internal/adapter/right/mysql/user/update_user_last_activity.go","line":28},"msg":"mysqluseradapter/UpdateUserLastActivity: error executing Update","error":"context deadline exceeded"}',
            '{"time":"2025-08-07T17:33:03.46046098-03:00","level":"ERROR","source":{"function":"github.com/giulio-alfieri/toq_server/internal/adapter/right/mysql/global.(*GlobalAdapter).RollbackTransaction","file":"/home/giulio/go-code/toq_server/internal/adapter/right/mysql/global/transactions.go","line":35},"msg":"Error rolling back transaction","error":"sql: transaction has already been committed or rolled back"}',
            '{"time":"2025-08-07T17:44:46.701521172-03:00","level":"ERROR","source":{"function":"github.com/giulio-alfieri/toq_server/internal/adapter/right/mysql/user.(*UserAdapter).Update","file":"/home/giulio/go-code/toq_server/internal/adapter/right/mysql/user/basic_update.go","line":20},"msg":"mysqluseradapter/Update: error preparing statement","error":"context deadline exceeded"}',
            '{"time":"2025-08-07T17:44:46.701637146-03:00","level":"ERROR","source":{"function":"github.com/giulio-alfieri/toq_server/internal/adapter/right/mysql/user.(*UserAdapter).UpdateUserLastActivity","file":"/home/giulio/go-code/toq_server/internal/adapter/right/mysql/user/update_user_last_activity.go","line":28},"msg":"mysqluseradapter/UpdateUserLastActivity: error executing Update","error":"context deadline exceeded"}',
            '{"time":"2025-08-07T17:44:46.701817805-03:00","level":"ERROR","source":{"function":"github.com/giulio-alfieri/toq_server/internal/adapter/right/mysql/global.(*GlobalAdapter).RollbackTransaction","file":"/home/giulio/go-code/toq_server/internal/adapter/right/mysql/global/transactions.go","line":35},"msg":"Error rolling back transaction","error":"sql: transaction has already been committed or rolled back"}',
            '{"time":"2025-08-07T17:44:46.701912292-03:00","level":"ERROR","source":{"function":"github.com/giulio-alfieri/toq_server/internal/core/service/global_service.(*globalService).RollbackTransaction","file":"/home/giulio/go-code/toq_server/internal/core/service/global_service/transactions.go","line":38},"msg":"Error rolling back transaction","error":"rpc error: code = Internal desc = Internal server error"}']))

    # ============================== kernel: oopses (arch/*/mm/fault.c, kernel/panic.c, lib/bug.c) ==============================
    # The header line names what went wrong, the "CPU: N PID: P Comm: C" line (its "Pid: P, comm: C"
    # form before 3.x) the task that was running: an oops kills that task, or the host when it panics.
    no_oops = [{"type": "kernel_oops"}]

    case("kernel-oops", "6.1-null-pointer-dereference-cat",
         "Debian 6.1.94 (SONiC): 'BUG: kernel NULL pointer dereference, address: …' (5.x+ wording), the oops line and the task: one incident naming cat.",
         "https://github.com/sonic-net/sonic-buildimage/issues/22166 (dmesg, 6.1.0-22-2-amd64; trailing padding of the terminal paste dropped)",
         must=[expect("kernel_oops", subject="cat", pattern="kernel_oops",
                      summary=["BUG: kernel NULL pointer dereference, address: 00000000000002d0"])])(
        dmesg([(0.0, "BUG: kernel NULL pointer dereference, address: 00000000000002d0"),
               (0.014386, "#PF: supervisor read access in kernel mode"),
               (0.020158, "#PF: error_code(0x0000) - not-present page"),
               (0.025929, "PGD 2ba1a5067 P4D 0"),
               (0.029558, "Oops: 0000 [#1] PREEMPT SMP NOPTI"),
               (0.034452, "CPU: 7 PID: 15623 Comm: cat Tainted: GF          OE      6.1.0-22-2-amd64 #1  Debian 6.1.94-1"),
               (0.045196, "Hardware name:  Default string/Default string, BIOS Icld_Lcc_BIOS_v5.8.2 09/23/2024")]))

    case("kernel-oops", "4.1-journal-null-pointer-dereference-systemd",
         "Fedora 23 (4.1.0): the <= 4.x wording 'BUG: unable to handle kernel NULL pointer dereference at …' from the journal; the task is systemd.",
         "https://github.com/systemd/systemd/issues/378 (journalctl, 4.1.0-1.fc23.x86_64, kdbus)",
         host="ank",
         must=[expect("kernel_oops", subject="systemd",
                      summary=["BUG: unable to handle kernel NULL pointer dereference at 0000000000000018"])])(
        journal("ank", [(0.0, kernel_entry("BUG: unable to handle kernel NULL pointer dereference at 0000000000000018", "1")),
                        (0.000004, kernel_entry("IP: [<ffffffffa007c0f2>] kdbus_name_release_all+0x32/0xd0 [kdbus]", "1")),
                        (0.000009, kernel_entry("PGD 0 ", "4")),
                        (0.000013, kernel_entry("Oops: 0000 [#1] SMP ", "4")),
                        (0.000020, kernel_entry("CPU: 1 PID: 1689 Comm: systemd Tainted: G        W  OE   4.1.0-1.fc23.x86_64 #1", "4")),
                        (0.000024, kernel_entry("Hardware name: LENOVO 20AL00C7GE/20AL00C7GE, BIOS GIET77WW (2.27 ) 10/02/2014", "4"))]))

    case("kernel-oops", "4.4-arm-syslog-null-pointer-gammu-smsd",
         "Raspberry Pi (4.4.19, 32-bit ARM) in /var/log/syslog: 'Unable to handle kernel NULL pointer dereference at virtual address …', then 'Internal error: Oops: 817 [#1] ARM'.",
         "https://github.com/raspberrypi/linux/issues/1256 (syslog, 4.4.19+ #906, Sep 2016)",
         host="smseagle",
         must=[expect("kernel_oops", subject="gammu-smsd",
                      summary=["Unable to handle kernel NULL pointer dereference at virtual address 00000034"])])(
        g["syslog"]("syslog", [
            "Sep  3 04:35:13 smseagle kernel: [44660.188699] Unable to handle kernel NULL pointer dereference at virtual address 00000034",
            "Sep  3 04:35:13 smseagle kernel: [44660.202389] pgd = d91dc000",
            "Sep  3 04:35:13 smseagle kernel: [44660.207690] [00000034] *pgd=192f2831, *pte=00000000, *ppte=00000000",
            "Sep  3 04:35:13 smseagle kernel: [44660.216667] Internal error: Oops: 817 [#1] ARM",
            "Sep  3 04:35:13 smseagle kernel: [44660.223687] Modules linked in: i2c_dev snd_bcm2835 snd_pcm snd_timer snd rtc_pcf8563 i2c_bcm2708 bcm2835_wdt dht11 industrialio uio_pdrv_genirq uio cdc_acm",
            "Sep  3 04:35:13 smseagle kernel: [44660.243246] CPU: 0 PID: 11335 Comm: gammu-smsd Not tainted 4.4.19+ #906",
            "Sep  3 04:35:13 smseagle kernel: [44660.252553] Hardware name: BCM2708"]))

    case("kernel-oops", "4.4-arm64-paging-request-twice-one-oops",
         "Pine64 Rock64 (arm64, 4.4.120): two 'Unable to handle kernel paging request' lines of one fault, then 'Internal error: Oops: 96000005 [#1] SMP': one incident.",
         "https://github.com/ayufan-rock64/linux-build/issues/187 (dmesg, 4.4.120-rockchip-ayufan-209)",
         must=[expect("kernel_oops", subject="gstglcontext",
                      summary=["Unable to handle kernel paging request at virtual address 000e1028"])])(
        dmesg([(0.0, "Unable to handle kernel paging request at virtual address 000ee028"),
               (0.000119, "Unable to handle kernel paging request at virtual address 000e1028"),
               (0.000123, "pgd = ffffffc0e4139000"),
               (0.000128, "[000e1028] *pgd=0000000000000000, *pud=0000000000000000"),
               (0.000134, "Internal error: Oops: 96000005 [#1] SMP"),
               (0.000147, "Modules linked in: zram lz4_decompress lz4_compress ip_tables x_tables autofs4"),
               (0.000155, "CPU: 1 PID: 709 Comm: gstglcontext Not tainted 4.4.120-rockchip-ayufan-209 #1"),
               (0.000157, "Hardware name: Pine64 Rock64 (DT)")]))

    case("kernel-oops", "6.12-arm64-short-precise-second-oops-containerd-shim",
         "Raspberry Pi 5 (6.12.20): the second oops of a boot ('[#2]') as `journalctl -o short-precise` shows it: the task is containerd-shim; the 'end trace' of the first oops before it starts nothing.",
         "https://github.com/raspberrypi/linux/issues/6792 (journalctl, 6.12.20+rpt-rpi-2712, Apr 2025; its lines cut at the terminal's width with '>')",
         host="raspberrypi",
         must=[expect("kernel_oops", subject="containerd-shim", summary=["Internal error: Oops: 0000000096000005 [#2] PREEMPT SMP"])])(
        g["syslog"]("journal.txt", [
            "Apr 15 13:58:08.549417 raspberrypi kernel: Code: 78402423 780008c3 910008c6 36000962 (38401423) ",
            "Apr 15 13:58:08.549469 raspberrypi kernel: ---[ end trace 0000000000000000 ]---",
            "Apr 15 13:58:08.665119 raspberrypi kernel: Internal error: Oops: 0000000096000005 [#2] PREEMPT SMP",
            "Apr 15 13:58:08.665172 raspberrypi kernel: Modules linked in: veth nf_conntrack_netlink xt_nat xt_tcpudp xt_conntrack xt_MASQUERADE bridge stp llc xt_>",
            "Apr 15 13:58:08.732676 raspberrypi kernel: CPU: 3 UID: 0 PID: 2266 Comm: containerd-shim Tainted: G      D            6.12.20+rpt-rpi-2712 #1  Debian >",
            "Apr 15 13:58:08.732701 raspberrypi kernel: Tainted: [D]=DIE",
            "Apr 15 13:58:08.732721 raspberrypi kernel: Hardware name: Raspberry Pi 5 Model B Rev 1.0 (DT)"]))

    case("kernel-oops", "6.6-kernel-bug-invalid-opcode-corefreqd",
         "Gentoo 6.6.74: 'kernel BUG at include/linux/mm.h:737!' then 'invalid opcode: 0000 [#1] SMP NOPTI' (a BUG_ON), in corefreqd.",
         "https://github.com/cyring/CoreFreq/issues/531 (dmesg, 6.6.74-gentoo-x86_64, Feb 2025)",
         must=[expect("kernel_oops", subject="corefreqd", summary=["kernel BUG at include/linux/mm.h:737!"])])(
        dmesg([(0.0, "------------[ cut here ]------------"),
               (0.000001, "kernel BUG at include/linux/mm.h:737!"),
               (0.000008, "invalid opcode: 0000 [#1] SMP NOPTI"),
               (0.000011, "CPU: 4 PID: 7186 Comm: corefreqd Tainted: G           OE      6.6.74-gentoo-x86_64 #1"),
               (0.000014, "Hardware name: Micro-Star International Co., Ltd. MS-7C84/MAG X570 TOMAHAWK WIFI (MS-7C84), BIOS 1.B0 08/11/2022"),
               (0.000015, "RIP: 0010:CoreFreqK_mmap+0x2ba/0x330 [corefreqk]")]))

    case("kernel-oops", "7.1-kernel-bug-comm-with-space",
         "CachyOS 7.1.3: 'Oops: invalid opcode' (6.x+ prefixes 'Oops: '), a 'UID:' before 'PID:' and a task name with a space.",
         "https://github.com/CachyOS/linux-cachyos/issues/841 (dmesg, 7.1.3-2-cachyos, Jul 2026)",
         must=[expect("kernel_oops", subject="Execution worke", summary=["kernel BUG at fs/iomap/buffered-io.c:1061!"])])(
        dmesg([(0.0, "------------[ cut here ]------------"),
               (0.000004, "kernel BUG at fs/iomap/buffered-io.c:1061!"),
               (0.000014, "Oops: invalid opcode: 0000 [#1] SMP NOPTI"),
               (0.000018, "CPU: 15 UID: 1000 PID: 72081 Comm: Execution worke Tainted: G           O        7.1.3-2-cachyos #1 PREEMPT(full)  4cbaa5915f0b68ebe7d2b4f6ce70e3c8f070458a"),
               (0.000023, "Tainted: [O]=OOT_MODULE"),
               (0.000024, "Hardware name: Micro-Star International Co., Ltd. MS-7C95/B550M PRO-VDH WIFI (MS-7C95), BIOS 2.L0 07/18/2024"),
               (0.000027, "RIP: 0010:iomap_write_end+0x205/0x210")]))

    case("kernel-oops", "5.1-general-protection-fault-systemd-udevd",
         "5.1.0: a kernel general protection fault ('general protection fault: 0000 [#1] SMP PTI', not a user-space 'traps:' line) in systemd-udevd.",
         "https://github.com/koverstreet/bcachefs/issues/49 (dmesg, 5.1.0+ #7, Jul 2019)",
         must=[expect("kernel_oops", subject="systemd-udevd", summary=["general protection fault: 0000 [#1] SMP PTI"])],
         must_not=[{"type": "segfault"}])(
        dmesg([(0.0, "general protection fault: 0000 [#1] SMP PTI"),
               (0.000103, "CPU: 6 PID: 573 Comm: systemd-udevd Not tainted 5.1.0+ #7"),
               (0.000198, "Hardware name: Intel Corporation S1200SP/S1200SP, BIOS S1200SP.86B.03.01.0038.062620180344 06/26/2018"),
               (0.000313, "RIP: 0010:strcmp+0x8/0x20")]))

    case("kernel-oops", "negative-warning-with-backtrace",
         "A WARNING with its task line and the 'end trace' of the one before: the kernel goes on, no task dies.",
         "https://github.com/raspberrypi/linux/issues/1088 (syslog, 3.18.11-v7+ #781, hostapd)",
         negative=True, must_not=no_oops)(
        dmesg([(0.0, "---[ end trace c51e57dbe3d8ca95 ]---"),
               (0.000024, "------------[ cut here ]------------"),
               (0.000122, "WARNING: CPU: 0 PID: 12016 at net/mac80211/rate.h:65 ieee80211_add_station+0x2a8/0x2bc [mac80211]()"),
               (0.000191, "Modules linked in: 8021q garp stp llc usbserial ctr ccm snd_bcm2835 snd_pcm snd_seq snd_seq_device snd_timer snd arc4 rt2800usb rt2800lib rt2x00usb rt2x00lib mac80211 cfg80211 crc_ccitt rfkill evdev cdc_acm uio_pdrv_genirq uio"),
               (0.000202, "CPU: 0 PID: 12016 Comm: hostapd Tainted: G        W      3.18.11-v7+ #781")]))

    case("kernel-oops", "negative-warning-5.10-dma-mapping",
         "5.10 WARNING with 'cut here', the task line and a workqueue: a warning, not an oops.",
         "https://github.com/openbmc/linux/issues/198 (dmesg, 5.10.20-74acb73)",
         negative=True, must_not=no_oops)(
        dmesg([(0.0, "------------[ cut here ]------------"),
               (0.000024, "WARNING: CPU: 0 PID: 14 at kernel/dma/mapping.c:149 dma_map_page_attrs+0x2ac/0x39c"),
               (0.000035, "CPU: 0 PID: 14 Comm: kworker/0:1 Not tainted 5.10.20-74acb73 #1"),
               (0.000038, "Hardware name: Generic DT based system"),
               (0.000049, "Workqueue: events linkwatch_event"),
               (0.000056, "Backtrace:")]))

    # ============================== kernel: panics (kernel/panic.c) ==============================
    case("kernel-panic", "5.10-riscv-fatal-exception-in-interrupt",
         "LicheePi 4A (RISC-V, 5.10.113): an oops in interrupt context ends in 'Kernel panic - not syncing: Fatal exception in interrupt'.",
         "https://github.com/sipeed/LicheePi4A/issues/22 (console, 5.10.113-lpi4a)",
         must=[expect("kernel_panic", subject="kernel", pattern="kernel_panic", summary=["Fatal exception in interrupt", "systemd-journal"])])(
        dmesg([(0.0, "---[ end trace a5c45f4ead0855a5 ]---"),
               (0.002243, "Modules linked in: dwc3 roles dwc3_thead"),
               (0.006901, "Kernel panic - not syncing: Fatal exception in interrupt"),
               (0.01185, "CPU: 0 PID: 286 Comm: systemd-journal Tainted: G      D           5.10.113-lpi4a #2023.12.08.03.26+b8c5d3546"),
               (0.018202, "SMP: stopping secondary CPUs")]))

    case("kernel-panic", "3.4-arm-fatal-exception",
         "LG G2 (3.4.113): 'Kernel panic - not syncing: Fatal exception' after an oops in an app thread.",
         "https://github.com/GalaticStryder/kernel_lge_msm8974/issues/9 (last_kmsg, 3.4.113)",
         must=[expect("kernel_panic", subject="kernel", summary=["Fatal exception", "Thread-4"])])(
        dmesg([(0.0, "---[ end trace 66638eb161f79c30 ]---"),
               (0.000033, "Kernel panic - not syncing: Fatal exception"),
               (0.000059, "CPU0: stopping"),
               (0.000069, "CPU: 0 PID: 13930 Comm: Thread-4 Tainted: G      D      3.4.113~λ #1")]))

    case("kernel-panic", "3.16-panic-on-oom",
         "Debian 8 (3.16.57) with vm.panic_on_oom=2: the OOM killer panics the host instead of killing a task; no OOM kill is reported.",
         "https://github.com/sonic-net/sonic-buildimage/pull/2988 (console, 3.16.0-6-amd64, SysRq f)",
         must=[expect("kernel_panic", subject="kernel", summary=["Out of memory: compulsory panic_on_oom is enabled"])],
         must_not=no_oom)(
        dmesg([(0.0, "SysRq : Manual OOM execution"),
               (0.04919, "Kernel panic - not syncing: Out of memory: compulsory panic_on_oom is enabled"),
               (0.04919, ""),
               (0.164785, "CPU: 1 PID: 243 Comm: kworker/1:2 Tainted: G         C O  3.16.0-6-amd64 #1 Debian 3.16.57-2")]))

    case("kernel-panic", "5.10-system-deadlocked-on-memory",
         "5.10.35: no task left to kill: 'Out of memory and no killable processes...' then 'Kernel panic - not syncing: System is deadlocked on memory'.",
         "https://github.com/tempesta-tech/tempesta/issues/1789 (dmesg, 5.10.35perf+; trailing padding of the paste dropped)",
         must=[expect("kernel_panic", subject="kernel", summary=["System is deadlocked on memory", "systemd-userdbd"])],
         must_not=no_oom)(
        dmesg([(0.0, "Out of memory and no killable processes..."),
               (0.000001, "Kernel panic - not syncing: System is deadlocked on memory"),
               (0.000003, "CPU: 3 PID: 724 Comm: systemd-userdbd Tainted: G        W  OE     5.10.35perf+ #1"),
               (0.000004, "Hardware name: QEMU Standard PC (Q35 + ICH9, 2009), BIOS 0.0.0 02/06/2015"),
               (0.000005, "Call Trace:")]))

    case("kernel-panic", "4.18-out-of-memory-and-no-killable-processes",
         "4.18 on a 30 MB board: the task table is empty, 'Kernel panic - not syncing: Out of memory and no killable processes...'.",
         "https://github.com/OpenXiangShan/XiangShan-doc/issues/9 (console, 4.18.0)",
         must=[expect("kernel_panic", subject="kernel", summary=["Out of memory and no killable processes..."])],
         must_not=no_oom)(
        dmesg([(0.0, "[ pid ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name"),
               (0.0, "Kernel panic - not syncing: Out of memory and no killable processes..."),
               (0.0, "")]))

    case("kernel-panic", "3.x-attempted-to-kill-init",
         "ARM guest: init died ('Attempted to kill init! exitcode=0x0000000b', a SIGSEGV), so the kernel panics.",
         "https://github.com/kmu-embedded/k-hypervisor/issues/44 (console, Feb 2016)",
         must=[expect("kernel_panic", subject="kernel", summary=["Attempted to kill init! exitcode=0x0000000b"])])(
        dmesg([(0.0, "Kernel panic - not syncing: Attempted to kill init! exitcode=0x0000000b"),
               (0.000132, ""),
               (0.000249, "[<80014428>](unwind_backtrace+0x0/0xf8) from [<803643a8>](panic+0x84/0x1dc)")]))

    # ============================== kernel: page allocation failures (mm/page_alloc.c warn_alloc) ==============================
    case("kernel-page-alloc", "6.9-order-4-perf",
         "6.9-rc7: perf could not get 2^4 contiguous pages ('page allocation failure: order:4, mode:0xdc0(GFP_KERNEL|__GFP_ZERO)').",
         "https://github.com/thesofproject/linux/issues/5000 (dmesg, 6.9.0-rc7, May 2024)",
         must=[expect("page_allocation_failure", subject="perf", pattern="kernel_page_allocation_failure",
                      summary=["order 4", "GFP_KERNEL|__GFP_ZERO"])],
         must_not=no_oops)(
        dmesg([(0.0, "perf: page allocation failure: order:4, mode:0xdc0(GFP_KERNEL|__GFP_ZERO), nodemask=(null),cpuset=/,mems_allowed=0"),
               (0.000016, "CPU: 3 PID: 11754 Comm: perf Not tainted 6.9.0-rc7-g4157e5c9501e-dirty #1 47154153e3152498d7551147b11cdd2fdbee3ec5"),
               (0.000021, "Hardware name: Dell Inc. Drallion/Drallion, BIOS Google_Drallion.12930.48.0 04/21/2020"),
               (0.000023, "Call Trace:")]))

    case("kernel-page-alloc", "3.10-journal-atomic-failures-on-two-cpus",
         "CentOS 7 (3.10.0-1062): network receive on two CPUs' idle tasks fails atomic allocations; one incident for swapper, not one per CPU, and no oops.",
         "https://github.com/Seagate/cortx-prvsnr/issues/5465 (journalctl, 3.10.0-1062.el7.x86_64, Apr 2021)",
         host="sm21-r22",
         must=[expect("page_allocation_failure", subject="swapper", count=(2, 2), summary=["order 0"])],
         must_not=no_oops)(
        journal("sm21-r22", [(0.0, kernel_entry("swapper/21: page allocation failure: order:0, mode:0x20", "4")),
                             (0.00001, kernel_entry("CPU: 21 PID: 0 Comm: swapper/21 Kdump: loaded Tainted: P           OE  ------------   3.10.0-1062.el7.x86_64 #1", "4")),
                             (0.00002, kernel_entry("Hardware name: Supermicro SYS-6019U-TRT/X11DPU, BIOS 3.2 10/16/2019", "4")),
                             (0.00003, kernel_entry("Call Trace:", "4")),
                             (0.00004, kernel_entry("swapper/44: page allocation failure: order:0, mode:0x20", "4")),
                             (0.00005, kernel_entry("CPU: 44 PID: 0 Comm: swapper/44 Kdump: loaded Tainted: P           OE  ------------   3.10.0-1062.el7.x86_64 #1", "4"))]))

    case("kernel-page-alloc", "3.18-order-8-writeback-thread",
         "3.18.18: a device-mapper writeback thread asks for 2^8 contiguous pages and fails.",
         "https://github.com/writeboost/dm-writeboost/issues/72 (dmesg, 3.18.18+40-ph, Jul 2015)",
         must=[expect("page_allocation_failure", subject="dmwb_writeback_", summary=["order 8", "mode 0x204010"])])(
        dmesg([(0.0, "dmwb_writeback_: page allocation failure: order:8, mode:0x204010"),
               (0.000003, "CPU: 2 PID: 2674 Comm: dmwb_writeback_ Tainted: G           O   3.18.18+40-ph #1"),
               (0.000004, "Hardware name: Supermicro X10SRH/X10SRH-CF, BIOS T20141128183646 11/28/2014"),
               (0.000015, "Call Trace:")]))

    case("kernel-page-alloc", "3.x-dot-form-node-exporter",
         "Kernels before 4.x wrote 'page allocation failure. order:N' with a full stop.",
         "https://github.com/prometheus/node_exporter/issues/2990 (issue title, kernel log line, Apr 2024)",
         must=[expect("page_allocation_failure", subject="node_exporter", summary=["order 5", "mode 0xd0"])])(
        dmesg([(0.0, "node_exporter: page allocation failure. order:5, mode:0xd0")]))

    # ============================== kernel: filesystems gone read-only or shut down (fs/ext4, fs/xfs) ==============================
    case("kernel-fs", "4.x-ext4-aborted-journal-rsync",
         "A backup disk's journal aborts under rsync: ext4 remounts it read-only, and says so again on every write; one incident for the device.",
         "https://github.com/bit-team/backintime/issues/2568 (dmesg)",
         must=[expect("filesystem_down", subject="sdd1", pattern="kernel_filesystem_down",
                      summary=["read-only", "Detected aborted journal"])])(
        dmesg([(0.0, "EXT4-fs error (device sdd1): ext4_journal_check_start:83: comm rsync: Detected aborted journal"),
               (0.000142, "EXT4-fs (sdd1): Remounting filesystem read-only"),
               (0.009357, "EXT4-fs error (device sdd1): ext4_journal_check_start:83: comm rsync: Detected aborted journal"),
               (0.009492, "EXT4-fs (sdd1): Remounting filesystem read-only"),
               (4.377209, "EXT4-fs error: 1267 callbacks suppressed"),
               (4.377215, "EXT4-fs error (device sdd1): ext4_journal_check_start:83: comm rsync: Detected aborted journal"),
               (4.377348, "EXT4-fs (sdd1): Remounting filesystem read-only")]))

    case("kernel-fs", "5.x-ext4-write-errors-then-read-only",
         "OpenWrt-era 5.x: a disk fails writes ('critical target error … op 0x1:(WRITE)'), the journal aborts, then ext4 goes read-only half an hour later.",
         "https://github.com/coolsnowwolf/lede/issues/6147 (dmesg, Jan 2021)",
         must=[expect("filesystem_down", subject="sdb1", summary=["read-only"])])(
        dmesg([(0.0, "blk_update_request: critical target error, dev sdb, sector 629659920 op 0x1:(WRITE) flags 0x800 phys_seg 8 prio class 0"),
               (0.000962, "Aborting journal on device sdb1-8."),
               (1794.56284, "EXT4-fs error (device sdb1): ext4_journal_check_start:61: Detected aborted journal"),
               (1794.563054, "EXT4-fs (sdb1): Remounting filesystem read-only"),
               (1802.597325, "Buffer I/O error on dev sdb1, logical block 0, lost sync page write"),
               (1802.597508, "EXT4-fs (sdb1): I/O error while writing superblock")]))

    case("kernel-fs", "3.10-ext4-device-mapper-volume",
         "CentOS 7: an LVM volume (dm-25) loses its superblock writes and goes read-only; the deployment fails with 'Read-only file system'.",
         "https://github.com/Seagate/cortx-hare/issues/852 (dmesg, Apr 2020)",
         must=[expect("filesystem_down", subject="dm-25", summary=["read-only"])])(
        dmesg([(0.0, "EXT4-fs (dm-25): previous I/O error to superblock detected"),
               (0.000201, "EXT4-fs error (device dm-25): ext4_journal_check_start:56: Detected aborted journal"),
               (0.000244, "EXT4-fs (dm-25): Remounting filesystem read-only")]))

    case("kernel-fs", "5.x-xfs-corruption-shutdown",
         "Stratis (5.x): XFS finds in-memory corruption and shuts the filesystem down; journald then dies writing to it.",
         "https://github.com/stratis-storage/stratisd/issues/812 (dmesg)",
         must=[expect("filesystem_down", subject="dm-11", summary=["Shutting down filesystem"])])(
        dmesg([(0.0, "XFS (dm-11): xfs_imap_to_bp: xfs_trans_read_buf() returned error -117."),
               (0.008894, "XFS (dm-11): xfs_do_force_shutdown(0x8) called from line 3486 of file fs/xfs/xfs_inode.c.  Return address = 00000000cc36f40e"),
               (0.100221, "XFS (dm-11): Corruption of in-memory data detected.  Shutting down filesystem"),
               (0.878708, "XFS (dm-11): Please umount the filesystem and rectify the problem(s)"),
               (1.528231, "XFS (dm-11): writeback error on sector 738263040"),
               (1.599742, "XFS (dm-11): writeback error on sector 738357248")]))

    case("kernel-fs", "5.x-journal-xfs-io-error-shutdown",
         "An XFS volume shut down after an internal error ('I/O Error Detected. Shutting down filesystem'), as node-problem-detector documents it.",
         "https://github.com/kubernetes/node-problem-detector/pull/845 (kernel messages quoted in the pull request, Jan 2024)",
         host="node-1",
         must=[expect("filesystem_down", subject="dm-4", summary=["Shutting down filesystem"])])(
        journal("node-1", [(0.0, kernel_entry("XFS (dm-4): Internal error xfs_iunlink_remove at line 2038 of file fs/xfs/xfs_inode.c.  Caller xfs_ifree+0x33/0x130 [xfs]", "1")),
                           (0.0001, kernel_entry("XFS (dm-4): Corruption detected. Unmount and run xfs_repair", "1")),
                           (0.0002, kernel_entry("XFS (dm-4): xfs_inactive_ifree: xfs_ifree returned error -117", "4")),
                           (0.0003, kernel_entry("XFS (dm-4): xfs_do_force_shutdown(0x1) called from line 1788 of file fs/xfs/xfs_inode.c.  Return address = 000000009d022bf1", "5")),
                           (0.0004, kernel_entry("XFS (dm-4): I/O Error Detected. Shutting down filesystem", "1")),
                           (0.0005, kernel_entry("XFS (dm-4): Please umount the filesystem and rectify the problem(s)", "1"))]))

    case("kernel-fs", "negative-ext4-remount-ro-option",
         "'errors=remount-ro' is a mount option named at every boot, not a remount.",
         "https://github.com/hamonikr/hamonikr-system/issues/13 (/var/log/syslog, Oct 2022)",
         negative=True, must_not=[{"type": "filesystem_down"}])(
        dmesg([(0.0, "EXT4-fs (nvme0n1p5): re-mounted. Opts: errors=remount-ro. Quota mode: none.")]))

    case("kernel-fs", "negative-mounts-and-xfs-recovery",
         "Mount lines and an XFS log recovery at boot.",
         "https://github.com/QubesOS/qubes-issues/issues/7242 (journalctl, Qubes 4.1, Feb 2022)",
         negative=True, must_not=[{"type": "filesystem_down"}])(
        dmesg([(0.0, "EXT4-fs (sda1): mounted filesystem with ordered data mode. Opts: discard"),
               (0.1, "SGI XFS with ACLs, security attributes, scrub, quota, no debug enabled"),
               (0.2, "XFS (dm-2): Mounting V5 Filesystem"),
               (0.3, "XFS (dm-2): Starting recovery (logdev: internal)")]))

    # ============================== kernel: disk I/O errors (block/blk-core.c) ==============================
    case("kernel-disk", "4.x-syslog-print-req-error-k8s-node",
         "A Kubernetes node's syslog: 'print_req_error: I/O error, dev sdc, sector …' four times in two seconds; one incident for the disk.",
         "https://github.com/Requiem4Eternity/Appstream/issues/107 (/var/log/messages, Jun 2019)",
         host="k8snode230",
         must=[expect("disk_io_error", subject="sdc", pattern="kernel_disk_io_error", count=(4, 4), summary=["4 block I/O errors on sdc"])],
         must_not=[{"type": "error_signature"}])(
        g["syslog"]("messages", [
            "Jun 14 08:04:35 k8snode230 kernel: print_req_error: I/O error, dev sdc, sector 1098288304 flags 0",
            "Jun 14 08:04:35 k8snode230 kernel: print_req_error: I/O error, dev sdc, sector 1098288304 flags 0",
            "Jun 14 08:04:36 k8snode230 kernel: print_req_error: I/O error, dev sdc, sector 1069354096 flags 0",
            "Jun 14 08:04:36 k8snode230 kernel: print_req_error: I/O error, dev sdc, sector 1069356760 flags 0"]))

    case("kernel-disk", "5.x-nvme-read-errors",
         "Ubuntu guest (5.x): an NVMe disk fails reads during boot.",
         "https://github.com/oxidecomputer/crucible/issues/408 (console, Aug 2022; the third line, cut by the console, left out)",
         must=[expect("disk_io_error", subject="nvme1n1", count=(2, 2), summary=["I/O error at sector 824128 (READ)"])])(
        dmesg([(0.0, "blk_update_request: I/O error, dev nvme1n1, sector 823872 op 0x0:(READ) flags 0x80700 phys_seg 1 prio class 0"),
               (0.001398, "blk_update_request: I/O error, dev nvme1n1, sector 824128 op 0x0:(READ) flags 0x80700 phys_seg 1 prio class 0")]))

    case("kernel-disk", "5.x-critical-medium-error-on-write",
         "A Ceph/bcache host: the SCSI sense says 'Unrecovered read error', the block layer 'critical medium error … op 0x1:(WRITE)'.",
         "https://github.com/canonical/hotsos/issues/368 (sos report dmesg, Jun 2022)",
         must=[expect("disk_io_error", subject="sdk", summary=["critical medium error at sector 130611915 (WRITE)"])])(
        dmesg([(0.0, "sd 0:0:9:0: [sdk] tag#915 FAILED Result: hostbyte=DID_OK driverbyte=DRIVER_SENSE"),
               (0.000037, "sd 0:0:9:0: [sdk] tag#915 Sense Key : Medium Error [current] [descriptor]"),
               (0.000049, "sd 0:0:9:0: [sdk] tag#915 Add. Sense: Unrecovered read error"),
               (0.000069, "sd 0:0:9:0: [sdk] tag#915 CDB: Write(16) 8a 00 00 00 00 00 07 c8 fa cb 00 00 00 65 00 00"),
               (0.000081, "blk_update_request: critical medium error, dev sdk, sector 130611915 op 0x1:(WRITE) flags 0x0 phys_seg 13 prio class 0"),
               (0.006329, "bcache: bch_count_backing_io_errors() sdk: IO error on backing device, unrecoverable")]))

    case("kernel-disk", "5.x-usb-disk-writes-lost-on-disconnect",
         "A USB hard disk drops off the bus mid-write: its writes fail, then 'USB disconnect'. Removable, but the writes of the services on it are lost all the same.",
         "https://github.com/MichaIng/DietPi/issues/4499 (dmesg, Raspberry Pi, 2021)",
         must=[expect("disk_io_error", subject="sda", count=(4, 4), summary=["I/O error at sector 705119400 (WRITE)"])])(
        dmesg([(0.0, "blk_update_request: I/O error, dev sda, sector 6192120 op 0x1:(WRITE) flags 0x100000 phys_seg 3 prio class 0"),
               (0.000041, "sd 1:0:0:0: [sda] tag#14 UNKNOWN(0x2003) Result: hostbyte=0x00 driverbyte=0x06 cmd_age=30s"),
               (0.000049, "sd 1:0:0:0: [sda] tag#14 CDB: opcode=0x8a 8a 00 00 00 00 00 2a 07 11 58 00 00 00 08 00 00"),
               (0.000058, "blk_update_request: I/O error, dev sda, sector 705106264 op 0x1:(WRITE) flags 0x100000 phys_seg 1 prio class 0"),
               (0.000099, "blk_update_request: I/O error, dev sda, sector 705108904 op 0x1:(WRITE) flags 0x100000 phys_seg 1 prio class 0"),
               (0.000139, "blk_update_request: I/O error, dev sda, sector 705119400 op 0x1:(WRITE) flags 0x100000 phys_seg 1 prio class 0"),
               (0.000727, "usb 2-2: USB disconnect, device number 3")]))

    case("kernel-disk", "negative-ata-link-reset-recovered",
         "A SATA command timed out and the link was reset; the disk came back ('EH complete') and no request failed.",
         "https://github.com/FastVPSEestiOu/storage-system-monitoring/issues/4 (dmesg, Mar 2014)",
         negative=True, must_not=[{"type": "disk_io_error"}])(
        dmesg([(0.0, "ata1.00: exception Emask 0x0 SAct 0x1 SErr 0x0 action 0x6 frozen"),
               (0.00005, "ata1.00: failed command: READ FPDMA QUEUED"),
               (0.000081, "ata1.00: cmd 60/08:00:00:e1:59/00:00:a2:00:00/40 tag 0 ncq 4096 in"),
               (0.000082, "res 40/00:10:d0:5d:a8/00:00:b2:00:00/40 Emask 0x4 (timeout)"),
               (0.000168, "ata1.00: status: { DRDY }"),
               (0.000197, "ata1: hard resetting link"),
               (3.458205, "ata1: SATA link up 6.0 Gbps (SStatus 133 SControl 300)"),
               (3.461425, "ata1.00: configured for UDMA/133"),
               (3.461436, "ata1: EH complete")]))
