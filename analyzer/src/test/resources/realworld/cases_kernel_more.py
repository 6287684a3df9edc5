"""More kernel cases of the real-world corpus (OOM killer, oops, lockups, storage, file systems of
other kernel versions). generate.py writes them with the others; every quoted line is verbatim from
the source its SOURCES entry names."""


def register_kernel_more(g):
    dmesg_verbatim = g["dmesg_verbatim"]
    case, expect, dmesg_text = g["case"], g["expect"], g["dmesg_text"]

    case("kernel-oom", "4.18-dmesg-iso-reaper-seconds-after-the-kill",
         "A 4.18 kernel (RHEL 8) kills perl for the whole machine; the OOM reaper's line comes 5.27 s after the "
         "kill line and is still that kill: one incident, not two.",
         "https://github.com/equinor/ert/issues/7797 (`dmesg --time-format iso | grep oom` on a workstation, "
         "Apr 2024, as the issue quotes it)",
         must=[expect("oom_kill", pattern="kernel_oom_kill", subject="perl",
                      summary=["pid 1440763", "anon-rss 60356340 kB"], cause=["pool invoked oom-killer"])])(
        dmesg_text([
            "2024-04-29T14:55:41,678628+02:00 pool invoked oom-killer: gfp_mask=0x6200ca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0",
            "2024-04-29T14:55:41,678661+02:00  oom_kill_process.cold.33+0xb/0x10",
            "2024-04-29T14:55:41,678996+02:00 [  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name",
            "2024-04-29T14:55:41,679685+02:00 oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/user.slice/user-21417.slice/user@21417.service,task=perl,pid=1440763,uid=21417",
            "2024-04-29T14:55:41,679700+02:00 Out of memory: Killed process 1440763 (perl) total-vm:87033376kB, anon-rss:60356340kB, file-rss:0kB, shmem-rss:0kB, UID:21417 pgtables:169956kB oom_score_adj:0",
            "2024-04-29T14:55:46,947445+02:00 oom_reaper: reaped process 1440763 (perl), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB",
        ]))

    syslog, journal, kernel_entry, dmesg = g["syslog"], g["journal"], g["kernel_entry"], g["dmesg"]

    # ============================== kernel: CPU traps of user processes (arch/x86/kernel/traps.c) ==============================
    case("kernel-segfault", "3.10-traps-general-protection-without-fault",
         "CentOS 7 (3.10): 'traps: ls[6598] general protection ip:… in libc-2.17.so' – the kernels before 5.x "
         "print no 'fault' after 'general protection'. ls died of SIGSEGV all the same.",
         "https://github.com/yasukata/zpoline/issues/1 (kernel line of /var/log/messages, Jan 2023; the syslog "
         "prefix 'kernel: ' undone, the line is a journald kernel entry here)",
         must=[expect("segfault", subject="ls", pattern="kernel_trap",
                      summary=["ls (pid 6598) died of general protection in libc-2.17.so"])])(
        journal("realworld-host", [
            (0.0, kernel_entry("traps: ls[6598] general protection ip:7fc701007c85 sp:7ffc7f0f5248 error:0 in libc-2.17.so[7fc700f1a000+1b6000]", "6"))]))

    case("kernel-segfault", "syslog-traps-general-protection-threads-without-object",
         "/var/log/messages of an i2pd router: two of its threads die of general protection (no object named, "
         "no 'fault'), a third of a segfault whose ' in …' the kernel printed on lines of their own.",
         "https://github.com/PurpleI2P/i2pd/issues/1545 (/var/log/messages, Apr 2021)",
         host="localhost",
         must=[expect("segfault", subject="NTCP2", pattern="kernel_trap", summary=["NTCP2 (pid 13085) died of general protection"]),
               expect("segfault", subject="Transports", pattern="kernel_trap", summary=["(pid 13084) died of general protection"]),
               expect("segfault", subject="Tunnels", pattern="kernel_segfault", summary=["(pid 13089) segfaulted at 7fcde0337000"])])(
        syslog("messages", [
            "Apr  9 11:23:42 localhost kernel: [2390735.305479] traps: NTCP2[13085] general protection ip:562aa946fc50 sp:7fcdfaffcd40 error:0",
            "Apr  9 11:23:42 localhost kernel: [2390735.338731] traps: Transports[13084] general protection ip:562aa9563d6b sp:7fcdfb7fdb80 error:0",
            "Apr  9 11:23:42 localhost kernel: [2390735.374714] Tunnels[13089]: segfault at 7fcde0337000 ip 00007fce038004ec sp 00007fcdf8ff8300 error 6",
            "Apr  9 11:23:42 localhost kernel: [2390735.406554]  in i2pd[562aa941a000+2c4000]",
            "Apr  9 11:23:42 localhost kernel: [2390735.408803]  in i2pd[562aa941a000+2c4000]",
            "Apr  9 11:23:42 localhost kernel: [2390735.412419]  in libcrypto.so.1.1[7fce03736000+26c000]"]))

    case("kernel-segfault", "openwrt-segfaults-and-general-protection-ipt2socks",
         "OpenWrt (x86_64): ipt2socks keeps crashing, by segfault and once by general protection ('traps: … "
         "general protection ip:… in ipt2socks'); the trap is an incident of its own beside the segfaults.",
         "https://github.com/coolsnowwolf/lede/issues/4173 (dmesg, 2020; its 'Code:' lines left out)",
         must=[expect("segfault", subject="ipt2socks", pattern="kernel_trap",
                      summary=["ipt2socks (pid 9184) died of general protection in ipt2socks"]),
               expect("segfault", subject="ipt2socks", pattern="kernel_segfault", incidents=(1, 2))])(
        dmesg([(0.0, "ipt2socks[23624]: segfault at 7f743ba13998 ip 000000000040aebd sp 00007ffc5ed483f0 error 4 in ipt2socks[404000+1a000]"),
               (6753.211787, "traps: ipt2socks[9184] general protection ip:40af4f sp:7ffdcfd88a50 error:0 in ipt2socks[404000+1a000]"),
               (7407.88178, "ipt2socks[11556]: segfault at 10 ip 000000000040ae94 sp 00007fff1c1f7220 error 6 in ipt2socks[404000+1a000]"),
               (8764.288915, "ipt2socks[15770]: segfault at 20 ip 000000000040c6ca sp 00007ffd4af91740 error 4 in ipt2socks[404000+1a000]")]))

    # ============================== kernel: btrfs forced read-only (fs/btrfs) ==============================
    case("kernel-fs", "5.11-syslog-btrfs-forced-readonly-io-failure",
         "An EC2 VM (Ubuntu 20.04, 5.11): btrfs on an NVMe volume aborts a transaction on an I/O failure and is "
         "forced read-only; every write of the services on it fails from then on.",
         "https://github.com/btrfs/linux/issues/761 (/var/log/syslog, Mar 2023; the WARNING's dump after these lines left out)",
         host="ip-172-31-36-240",
         must=[expect("filesystem_down", subject="nvme2n1", pattern="kernel_filesystem_down",
                      summary=["BTRFS filesystem on nvme2n1 stopped taking writes: forced readonly"],
                      cause=["errno=-5 IO failure"])])(
        syslog("syslog", [
            "Mar 20 14:49:59 ip-172-31-36-240 kernel: [3135163.311298] BTRFS: error (device nvme2n1) in __btrfs_update_delayed_inode:1075: errno=-5 IO failure",
            "Mar 20 14:49:59 ip-172-31-36-240 kernel: [3135163.316955] BTRFS info (device nvme2n1): forced readonly",
            "Mar 20 14:49:59 ip-172-31-36-240 kernel: [3135163.341527] BTRFS warning (device nvme2n1): Skipping commit of aborted transaction.",
            "Mar 20 14:49:59 ip-172-31-36-240 kernel: [3135163.341535] BTRFS: error (device nvme2n1) in cleanup_transaction:1941: errno=-5 IO failure",
            "Mar 20 14:49:59 ip-172-31-36-240 kernel: [3135163.347649] ------------[ cut here ]------------"]))

    case("kernel-fs", "6.x-btrfs-state-ea-forced-readonly",
         "A 6.x kernel names the filesystem's state after the device ('(device nvme0n1p2: state EA)'): a "
         "parent transid mismatch (a bit flip) aborts the transaction and btrfs goes read-only.",
         "https://github.com/kdave/btrfs-progs/issues/577 (dmesg quoted in the issue, Feb 2023)",
         must=[expect("filesystem_down", subject="nvme0n1p2", summary=["forced readonly"], cause=["__btrfs_free_extent:3070: errno=-5 IO failure"])])(
        dmesg([(0.0, "BTRFS error (device nvme0n1p2): parent transid verify failed on logical 393631498240 mirror 1 wanted 4611686018429035688 found 1647784"),
               (0.000011, "BTRFS: error (device nvme0n1p2: state A) in __btrfs_free_extent:3070: errno=-5 IO failure"),
               (0.000014, "BTRFS info (device nvme0n1p2: state EA): forced readonly"),
               (0.000015, "BTRFS error (device nvme0n1p2: state EA): failed to run delayed ref for logical 1287077691392 num_bytes 16384 type 176 action 2 ref_mod 1: -5"),
               (0.000018, "BTRFS: error (device nvme0n1p2: state EA) in btrfs_run_delayed_refs:2144: errno=-5 IO failure"),
               (0.016152, "BTRFS warning (device nvme0n1p2: state EA): Skipping commit of aborted transaction."),
               (0.016155, "BTRFS: error (device nvme0n1p2: state EA) in cleanup_transaction:1958: errno=-5 IO failure")]))

    case("kernel-fs", "6.x-btrfs-unlink-error-forced-readonly-after-warning",
         "Bluefin (Fedora, 6.x): a WARNING's trace ends, then btrfs fails an unlink on metadata corruption "
         "('(device dm-0 state A)', no colon) and is forced read-only: the whole desktop goes read-only.",
         "https://github.com/ublue-os/bluefin/issues/1377 (dmesg, Jun 2024; the WARNING's dump before these lines left out)",
         must=[expect("filesystem_down", subject="dm-0", summary=["forced readonly"], cause=["errno=-2 No such entry"])])(
        dmesg([(0.0, "---[ end trace 0000000000000000 ]---"),
               (0.000002, "BTRFS: error (device dm-0 state A) in __btrfs_unlink_inode:4144: errno=-2 No such entry"),
               (0.000006, "BTRFS info (device dm-0 state EA): forced readonly")]))

    # ============================== kernel: RCU stalls of other versions (kernel/rcu) ==============================
    case("kernel-lockup", "3.x-syslog-rcu-sched-state-stall-per-cpu",
         "A ZFS storage server (Ubuntu, 2.6.3x-3.x era): 'INFO: rcu_sched_state detected stall on CPU N (t=… "
         "jiffies)', once per stalled CPU; the box could only be power-cycled. Two stalls half an hour apart.",
         "https://github.com/openzfs/zfs/issues/557 (kern.log, Nov 2011)",
         host="gsan1-coy",
         must=[expect("rcu_stall", subject="kernel", pattern="kernel_rcu_stall", summary=["rcu_sched_state stall"], incidents=(2, 2))])(
        syslog("kern.log", [
            "Nov 24 22:13:27 gsan1-coy kernel: [12757.532111] INFO: rcu_sched_state detected stall on CPU 2 (t=15000 jiffies)",
            "Nov 24 22:13:27 gsan1-coy kernel: [12757.540104] INFO: rcu_sched_state detected stalls on CPUs/tasks: { 2} (detected by 7, t=15002 jiffies)",
            "Nov 24 22:47:10 gsan1-coy kernel: [14827.405601] INFO: rcu_sched_state detected stall on CPU 7 (t=15000 jiffies)",
            "Nov 24 22:47:10 gsan1-coy kernel: [14827.405606] INFO: rcu_sched_state detected stall on CPU 6 (t=15000 jiffies)",
            "Nov 24 22:47:10 gsan1-coy kernel: [14827.405611] INFO: rcu_sched_state detected stall on CPU 5 (t=15000 jiffies)",
            "Nov 24 22:47:10 gsan1-coy kernel: [14827.405614] INFO: rcu_sched_state detected stall on CPU 1 (t=15000 jiffies)",
            "Nov 24 22:47:10 gsan1-coy kernel: [14827.405618] INFO: rcu_sched_state detected stall on CPU 2 (t=15000 jiffies)",
            "Nov 24 22:47:10 gsan1-coy kernel: [14827.405622] INFO: rcu_sched_state detected stall on CPU 3 (t=15000 jiffies)"]))

    case("kernel-lockup", "5.18-rcu-expedited-stall-kworker",
         "A 5.18 mainline boot: an expedited RCU grace period stalls on CPU 0, held by a kworker running a "
         "kernel module's integrity check; the only stall line is the expedited one.",
         "https://github.com/lkrg-org/lkrg/issues/189 (console, May 2022; systemd's status lines between left out)",
         must=[expect("rcu_stall", subject="kernel", summary=["rcu_preempt stall"])])(
        dmesg([(0.0, "rcu: INFO: rcu_preempt detected expedited stalls on CPUs/tasks: { 0-... } 6 jiffies s: 85 root: 0x1/."),
               (0.001237, "rcu: blocking rcu_node structures (internal RCU debug):"),
               (0.003422, "Task dump for CPU 0:"),
               (0.003908, "task:kworker/u4:4    state:R  running task     stack:    0 pid:  314 ppid:     2 flags:0x00004008"),
               (0.00574, "Workqueue: events_unbound p_check_integrity [p_lkrg]")]))

    case("kernel-lockup", "5.10-syslog-rcu-preempt-stalls-and-expedited-pi4",
         "A Raspberry Pi 4 (5.10): normal and expedited rcu_preempt stalls, a minute apart, as journald's syslog "
         "export shows them (no dmesg stamps): one stall episode.",
         "https://github.com/skiffos/SkiffOS/issues/147 (journalctl, Apr 2021)",
         host="pi4-4",
         must=[expect("rcu_stall", subject="kernel", summary=["rcu_preempt stall"], count=(3, 3))])(
        syslog("messages", [
            "Apr 13 06:21:17 pi4-4 kernel: rcu: INFO: rcu_preempt detected stalls on CPUs/tasks:",
            "Apr 13 06:21:17 pi4-4 kernel: rcu:         Tasks blocked on level-0 rcu_node (CPUs 0-3):",
            "Apr 13 06:21:17 pi4-4 kernel:         (detected by 2, t=21010 jiffies, g=1809, q=1791)",
            "Apr 13 06:21:17 pi4-4 kernel: rcu: All QSes seen, last rcu_preempt kthread activity 1 (4294918781-4294918780), jiffies_till_next_fqs=1, root ->qsmask 0x0",
            "Apr 13 06:21:19 pi4-4 kernel: rcu: INFO: rcu_preempt detected expedited stalls on CPUs/tasks: { P392 } 21382 jiffies s: 117 root: 0x0/T",
            "Apr 13 06:21:19 pi4-4 kernel: rcu: blocking rcu_node structures:",
            "Apr 13 06:22:20 pi4-4 kernel: rcu: INFO: rcu_preempt detected stalls on CPUs/tasks:",
            "Apr 13 06:22:20 pi4-4 kernel: rcu:         Tasks blocked on level-0 rcu_node (CPUs 0-3):",
            "Apr 13 06:22:20 pi4-4 kernel:         (detected by 0, t=36765 jiffies, g=1809, q=1806)"]))

    # ============================== kernel: hardware errors (EDAC, MCE, APEI) ==============================
    case("kernel-hardware", "syslog-edac-corrected-errors-faulty-dimm",
         "A server's kern.log: a machine check, then EDAC's corrected-error counts on one DIMM every second or "
         "two; the RAM was faulty and replaced. One incident for the host while the errors go on.",
         "https://github.com/openstreetmap/operations/issues/300 (kern.log, May 2019)",
         host="errol",
         must=[expect("hardware_error", subject="hardware", pattern="kernel_hardware_error", count=(9, 9),
                      summary=["the last: 2 CE error on CPU#0Channel#2_DIMM#0"])],
         must_not=[{"type": "error_signature"}])(
        syslog("kern.log", [
            "May  7 06:45:12 errol kernel: [21584690.529862] mce: [Hardware Error]: Machine check events logged",
            "May  7 06:45:12 errol kernel: [21584690.529877] EDAC MC0: 4 CE error on CPU#0Channel#2_DIMM#0 (channel:2 slot:0 page:0x0 offset:0x0 grain:8 syndrome:0x0)",
            "May  7 06:45:13 errol kernel: [21584691.723198] EDAC MC0: 2 CE error on CPU#0Channel#2_DIMM#0 (channel:2 slot:0 page:0x0 offset:0x0 grain:8 syndrome:0x0)",
            "May  7 06:45:17 errol kernel: [21584695.897483] EDAC MC0: 6 CE error on CPU#0Channel#2_DIMM#0 (channel:2 slot:0 page:0x0 offset:0x0 grain:8 syndrome:0x0)",
            "May  7 06:45:18 errol kernel: [21584696.517048] EDAC MC0: 1 CE error on CPU#0Channel#2_DIMM#0 (channel:2 slot:0 page:0x0 offset:0x0 grain:8 syndrome:0x0)",
            "May  7 06:45:19 errol kernel: [21584697.251802] EDAC MC0: 1 CE error on CPU#0Channel#2_DIMM#0 (channel:2 slot:0 page:0x0 offset:0x0 grain:8 syndrome:0x0)",
            "May  7 06:45:20 errol kernel: [21584698.004044] EDAC MC0: 1 CE error on CPU#0Channel#2_DIMM#0 (channel:2 slot:0 page:0x0 offset:0x0 grain:8 syndrome:0x0)",
            "May  7 06:45:20 errol kernel: [21584698.752069] EDAC MC0: 1 CE error on CPU#0Channel#2_DIMM#0 (channel:2 slot:0 page:0x0 offset:0x0 grain:8 syndrome:0x0)",
            "May  7 06:45:22 errol kernel: [21584700.075146] EDAC MC0: 2 CE error on CPU#0Channel#2_DIMM#0 (channel:2 slot:0 page:0x0 offset:0x0 grain:8 syndrome:0x0)"]))

    case("kernel-hardware", "journal-sb-edac-memory-scrubbing-error",
         "A Sandy/Ivy Bridge server: the machine check, sb_edac's decoding of it, and the corrected memory "
         "scrubbing error on one DIMM; it came back at the same address and the RAM was replaced.",
         "https://github.com/radiasoft/devops/issues/134 (/var/log/messages, Feb 2018; the syslog prefix "
         "'Feb 23 03:28:16 kernel: ' undone, the lines are journald kernel entries here)",
         must=[expect("hardware_error", subject="hardware", summary=["1 CE memory scrubbing error on CPU_SrcID#1_Ha#0_Chan#0_DIMM#0"])])(
        journal("realworld-host", [
            (0.0, kernel_entry("mce: [Hardware Error]: Machine check events logged", "6")),
            (0.0001, kernel_entry("EDAC sbridge MC1: HANDLING MCE MEMORY ERROR", "4")),
            (0.0002, kernel_entry("EDAC sbridge MC1: CPU 1: Machine Check Event: 0 Bank 11: 8c00004f000800c2", "4")),
            (0.0003, kernel_entry("EDAC sbridge MC1: TSC 0", "4")),
            (0.0004, kernel_entry("EDAC sbridge MC1: ADDR ee30a0000", "4")),
            (0.0005, kernel_entry("EDAC sbridge MC1: MISC 900040004001e8c", "4")),
            (0.0006, kernel_entry("EDAC sbridge MC1: PROCESSOR 0:306e4 TIME 1519356496 SOCKET 1 APIC 20", "4")),
            (0.0007, kernel_entry("EDAC MC1: 1 CE memory scrubbing error on CPU_SrcID#1_Ha#0_Chan#0_DIMM#0 (channel:0 slot:0 page:0xee30a0 offset:0x0 grain:32 syndrome:0x0 -  area:DRAM err_code:0008:00c2 socket:1 ha:0 channel_mask:1 rank:0)", "4"))]))

    case("kernel-hardware", "rfc3339-syslog-apei-recoverable-memory-error",
         "SLES-style /var/log/messages with RFC 3339 stamps: the firmware reports a recoverable memory error "
         "through APEI GHES (an injected error, printed as a real one); the page was already poisoned.",
         "https://github.com/andikleen/mcelog/issues/74 (/var/log/messages, Aug 2019)",
         host="linux-dgwd",
         must=[expect("hardware_error", subject="hardware",
                      summary=["the last: Hardware error from APEI Generic Hardware Error Source: 4"])])(
        syslog("messages", [
            "2019-08-19T04:18:38.274652-04:00 linux-dgwd kernel: [ 261.273226] {1}[Hardware Error]: Hardware error from APEI Generic Hardware Error Source: 4",
            "2019-08-19T04:18:38.274661-04:00 linux-dgwd kernel: [ 261.273227] {1}[Hardware Error]: event severity: recoverable",
            "2019-08-19T04:18:38.274663-04:00 linux-dgwd kernel: [ 261.273228] {1}[Hardware Error]: Error 0, type: recoverable",
            "2019-08-19T04:18:38.274664-04:00 linux-dgwd kernel: [ 261.273229] {1}[Hardware Error]: fru_text: Card01, ChnA, DIMM0",
            "2019-08-19T04:18:38.274690-04:00 linux-dgwd kernel: [ 261.273229] {1}[Hardware Error]: section_type: memory error",
            "2019-08-19T04:18:38.274692-04:00 linux-dgwd kernel: [ 261.273230] {1}[Hardware Error]: error_status: 0x0000000000000000",
            "2019-08-19T04:18:38.274694-04:00 linux-dgwd kernel: [ 261.273230] {1}[Hardware Error]: physical_address: 0x0000000e16677000",
            "2019-08-19T04:18:38.274695-04:00 linux-dgwd kernel: [ 261.273232] {1}[Hardware Error]: node: 0 card: 0 module: 0 rank: 0 bank: 2 device: 0 row: 56265 column: 696",
            "2019-08-19T04:18:38.274698-04:00 linux-dgwd kernel: [ 261.273233] {1}[Hardware Error]: DIMM location: CPU 1 DIMM 5",
            "2019-08-19T04:18:38.274699-04:00 linux-dgwd kernel: [ 261.273240] Memory failure: 0xe16677: already hardware poisoned"]))

    case("kernel-hardware", "negative-edac-amd64-drivers-at-boot",
         "EDAC and MCE decoding drivers loading at boot on an AMD server, with systemd's lines between: no error.",
         "https://github.com/oVirt/ovirt-node-ng-image/issues/88 (journalctl, Oct 2021)",
         host="ovnode02.ws-datenservice.de", negative=True, must_not=[{"type": "hardware_error"}])(
        syslog("messages", [
            "Oct 14 15:45:42 ovnode02.ws-datenservice.de kernel: MCE: In-kernel MCE decoding enabled.",
            "Oct 14 15:45:42 ovnode02.ws-datenservice.de kernel: EDAC amd64: F19h detected (node 0).",
            "Oct 14 15:45:42 ovnode02.ws-datenservice.de kernel: EDAC amd64: Node 0: DRAM ECC enabled.",
            "Oct 14 15:45:42 ovnode02.ws-datenservice.de kernel: EDAC amd64: MCT channel count: 8",
            "Oct 14 15:45:42 ovnode02.ws-datenservice.de systemd[1]: Started udev Coldplug all Devices.",
            "Oct 14 15:45:42 ovnode02.ws-datenservice.de systemd[1]: Starting udev Wait for Complete Device Initialization...",
            "Oct 14 15:45:43 ovnode02.ws-datenservice.de kernel: EDAC MC0: Giving out device to module amd64_edac controller F19h: DEV 0000:00:18.3 (INTERRUPT)",
            "Oct 14 15:45:43 ovnode02.ws-datenservice.de kernel: EDAC MC: UMC0 chip selects:",
            "Oct 14 15:45:43 ovnode02.ws-datenservice.de kernel: EDAC amd64: MC: 0: 32768MB 1: 32768MB",
            "Oct 14 15:45:43 ovnode02.ws-datenservice.de kernel: EDAC amd64: MC: 2: 32768MB 3: 32768MB",
            "Oct 14 15:45:43 ovnode02.ws-datenservice.de kernel: EDAC MC: UMC1 chip selects:",
            "Oct 14 15:45:43 ovnode02.ws-datenservice.de kernel: EDAC amd64: MC: 0: 32768MB 1: 32768MB",
            "Oct 14 15:45:43 ovnode02.ws-datenservice.de kernel: EDAC amd64: MC: 2: 32768MB 3: 32768MB"]))

    # ============================== kernel: NVMe controllers that stop answering (drivers/nvme/host) ==============================
    case("kernel-disk", "5.x-nvme-io-timeouts-aborting",
         "A Surface laptop's NVMe SSD stops completing I/O: 'I/O N QID 5 timeout, aborting' and 'Abort status' "
         "by the dozen while everything on the disk waits; one incident for the controller.",
         "https://github.com/linux-surface/linux-surface/issues/733 (dmesg, Jan 2022)",
         must=[expect("disk_io_error", subject="nvme0", pattern="kernel_nvme_controller_error", count=(9, 9),
                      summary=["NVMe controller nvme0 stopped answering", "the last: I/O 29 QID 5 timeout, aborting"])])(
        dmesg([(0.0, "nvme nvme0: Abort status: 0x0"),
               (0.000002, "nvme nvme0: Abort status: 0x0"),
               (0.394941, "nvme nvme0: I/O 12 QID 5 timeout, aborting"),
               (0.394966, "nvme nvme0: I/O 13 QID 5 timeout, aborting"),
               (0.394974, "nvme nvme0: I/O 14 QID 5 timeout, aborting"),
               (0.394981, "nvme nvme0: I/O 15 QID 5 timeout, aborting"),
               (0.586516, "nvme nvme0: Abort status: 0x0"),
               (0.58654, "nvme nvme0: Abort status: 0x0"),
               (0.586548, "nvme nvme0: Abort status: 0x0"),
               (0.586553, "nvme nvme0: Abort status: 0x0"),
               (0.821922, "nvme nvme0: I/O 20 QID 5 timeout, aborting"),
               (0.821947, "nvme nvme0: I/O 21 QID 5 timeout, aborting"),
               (0.821956, "nvme nvme0: I/O 22 QID 5 timeout, aborting"),
               (0.821963, "nvme nvme0: I/O 23 QID 5 timeout, aborting"),
               (0.85347, "nvme nvme0: Abort status: 0x0"),
               (0.8535, "nvme nvme0: Abort status: 0x0"),
               (0.853508, "nvme nvme0: Abort status: 0x0"),
               (0.853515, "nvme nvme0: Abort status: 0x0"),
               (0.991666, "nvme nvme0: I/O 29 QID 5 timeout, aborting")]))

    case("kernel-disk", "4.8-nvme-reset-fails-drive-removed",
         "CentOS 7 with 4.8.8: 'nvme list' after a fio run; the admin queue times out, the controller never gets "
         "ready again and two drives are removed ('Removing after probe failure status: -19').",
         "https://github.com/linux-nvme/nvme-cli/issues/151 (dmesg, Dec 2016)",
         must=[expect("disk_io_error", subject="nvme2", count=(4, 4), summary=["the last: Removing after probe failure status: -19"]),
               expect("disk_io_error", subject="nvme3", count=(4, 4), summary=["Removing after probe failure status: -19"])])(
        dmesg([(0.0, "nvme nvme2: I/O 0 QID 0 timeout, reset controller"),
               (25.582433, "nvme nvme2: Device not ready; aborting reset"),
               (51.164874, "nvme nvme2: Device not ready; aborting reset"),
               (51.16488, "nvme nvme2: Removing after probe failure status: -19"),
               (51.165262, "nvme2n1: detected capacity change from 800166076416 to 0"),
               (168.949679, "nvme nvme3: I/O 0 QID 0 timeout, reset controller"),
               (194.532145, "nvme nvme3: Device not ready; aborting reset"),
               (220.114577, "nvme nvme3: Device not ready; aborting reset"),
               (220.11462, "nvme nvme3: Removing after probe failure status: -19"),
               (220.114968, "nvme3n1: detected capacity change from 800166076416 to 0")]))

    case("kernel-disk", "6.x-journal-nvme-controller-down-raspberry-pi",
         "A Raspberry Pi 5's NVMe drive goes down twice half an hour apart ('controller is down; will reset: "
         "CSTS=0xffffffff'), the second time failing a read: the controller's incident, and the disk's.",
         "https://github.com/raspberrypi/linux/issues/6661 (journalctl -k, Jan 2025)",
         host="argon",
         must=[expect("disk_io_error", subject="nvme0", pattern="kernel_nvme_controller_error", count=(2, 2),
                      summary=["controller is down; will reset: CSTS=0xffffffff, PCI_STATUS=0x10"]),
               expect("disk_io_error", subject="nvme0n1", pattern="kernel_disk_io_error", summary=["I/O error at sector 32545872 (READ)"])])(
        syslog("kern.log", [
            "Jan 29 16:19:28 argon kernel: nvme nvme0: 4/0/0 default/read/poll queues",
            "Jan 29 16:19:28 argon kernel: nvme nvme0: Ignoring bogus Namespace Identifiers",
            "Jan 29 16:41:37 argon kernel: nvme nvme0: controller is down; will reset: CSTS=0xffffffff, PCI_STATUS=0x10",
            "Jan 29 16:41:37 argon kernel: nvme nvme0: Does your device have a faulty power saving mode enabled?",
            "Jan 29 16:41:37 argon kernel: nvme nvme0: Try \"nvme_core.default_ps_max_latency_us=0 pcie_aspm=off\" and report a bug",
            "Jan 29 16:41:37 argon kernel: nvme 0000:01:00.0: enabling device (0000 -> 0002)",
            "Jan 29 16:41:37 argon kernel: nvme nvme0: 4/0/0 default/read/poll queues",
            "Jan 29 16:41:37 argon kernel: nvme nvme0: Ignoring bogus Namespace Identifiers",
            "Jan 29 17:09:49 argon kernel: nvme nvme0: controller is down; will reset: CSTS=0xffffffff, PCI_STATUS=0x10",
            "Jan 29 17:09:49 argon kernel: nvme nvme0: Does your device have a faulty power saving mode enabled?",
            "Jan 29 17:09:49 argon kernel: nvme nvme0: Try \"nvme_core.default_ps_max_latency_us=0 pcie_aspm=off\" and report a bug",
            "Jan 29 17:09:49 argon kernel: nvme0n1: I/O Cmd(0x2) @ LBA 32545872, 8 blocks, I/O Error (sct 0x3 / sc 0x71) ",
            "Jan 29 17:09:49 argon kernel: I/O error, dev nvme0n1, sector 32545872 op 0x0:(READ) flags 0x80700 phys_seg 1 prio class 2",
            "Jan 29 17:09:49 argon kernel: nvme 0000:01:00.0: enabling device (0000 -> 0002)"]))

    case("kernel-disk", "negative-nvme-reset-by-the-admin",
         "Rocky 9 (5.14): an administrator's 'nvme reset' resets the controller; it answers the outstanding "
         "async events as aborted and comes back at once. Not a controller that stopped answering.",
         "https://github.com/linux-nvme/nvme-cli/issues/2846 (journalctl, the output with nvme-cli 2.13, Jun 2025)",
         host="sm-1125hs-502", negative=True, must_not=[{"type": "disk_io_error"}])(
        syslog("messages", [
            "Jun 17 09:04:52 sm-1125hs-502 kernel: nvme nvme1: resetting controller",
            "Jun 17 09:04:52 sm-1125hs-502 kernel: nvme1: Async Event(0xc), Host Aborted Command (sct 0x3 / sc 0x71)",
            "Jun 17 09:04:52 sm-1125hs-502 kernel: nvme1: Async Event(0xc), Host Aborted Command (sct 0x3 / sc 0x71)",
            "Jun 17 09:04:52 sm-1125hs-502 kernel: nvme1: Async Event(0xc), Host Aborted Command (sct 0x3 / sc 0x71)",
            "Jun 17 09:04:52 sm-1125hs-502 kernel: nvme1: Async Event(0xc), Host Aborted Command (sct 0x3 / sc 0x71)",
            "Jun 17 09:04:52 sm-1125hs-502 kernel: nvme1: Async Event(0xc), Host Aborted Command (sct 0x3 / sc 0x71)",
            "Jun 17 09:04:52 sm-1125hs-502 kernel: nvme nvme1: Shutdown timeout set to 10 seconds",
            "Jun 17 09:04:52 sm-1125hs-502 kernel: nvme nvme1: 64/0/0 default/read/poll queues"]))

    # ============================== kernel: ext4 read-only, its error line on every write ==============================
    _aborted = "EXT4-fs error (device sdd1): ext4_journal_check_start:83: comm rsync: Detected aborted journal"
    _ro = "EXT4-fs (sdd1): Remounting filesystem read-only"
    case("kernel-fs", "journal-ext4-aborted-journal-every-write-no-signature",
         "rsync keeps writing to a USB backup disk whose ext4 journal aborted: an error line and a remount line "
         "for every write, a dozen in twenty seconds at the kernel's critical level. One filesystem_down "
         "incident, not an error signature beside it.",
         "https://github.com/bit-team/backintime/issues/2568 (two `dmesg | grep` pastes of the same disk, 2026; "
         "the lines here are the kernel's journal entries at priority 2, KERN_CRIT, as ext4 prints them)",
         must=[expect("filesystem_down", subject="sdd1", pattern="kernel_filesystem_down", summary=["Detected aborted journal"])],
         must_not=[{"type": "error_signature"}])(
        journal("realworld-host", [
            (0.0, kernel_entry(_ro, "2")),
            (0.000345, kernel_entry(_aborted, "2")),
            (0.000459, kernel_entry(_ro, "2")),
            (0.000863, kernel_entry(_aborted, "2")),
            (0.00098, kernel_entry(_ro, "2")),
            (5.016512, kernel_entry("EXT4-fs error: 1292 callbacks suppressed", "4")),
            (5.016515, kernel_entry(_aborted, "2")),
            (5.016647, kernel_entry(_ro, "2")),
            (5.016985, kernel_entry(_aborted, "2")),
            (5.017102, kernel_entry(_ro, "2")),
            (15.752448, kernel_entry(_aborted, "2")),
            (15.75259, kernel_entry(_ro, "2")),
            (15.761805, kernel_entry(_aborted, "2")),
            (15.76194, kernel_entry(_ro, "2")),
            (15.762928, kernel_entry(_aborted, "2")),
            (15.763062, kernel_entry(_ro, "2")),
            (20.129657, kernel_entry("EXT4-fs error: 1267 callbacks suppressed", "4")),
            (20.129663, kernel_entry(_aborted, "2")),
            (20.129796, kernel_entry(_ro, "2")),
            (20.129997, kernel_entry(_aborted, "2")),
            (20.130123, kernel_entry(_ro, "2")),
            (20.130315, kernel_entry(_aborted, "2")),
            (20.130697, kernel_entry(_ro, "2")),
            (20.131549, kernel_entry(_aborted, "2")),
            (20.13167, kernel_entry(_ro, "2")),
            (20.131843, kernel_entry(_aborted, "2"))]))

    case("kernel-fs", "6.x-rfc3339-syslog-emmc-ext4-read-only",
         "Ubuntu on a Rockchip board (6.x): eMMC command-queue recovery fails writes, the journal aborts under "
         "rsyslog, journald and a .NET worker, and the root filesystem goes read-only (RFC 3339 syslog stamps).",
         "https://github.com/Joshua-Riek/ubuntu-rockchip/issues/1060 (/var/log/syslog, Sep 2024)",
         host="ubuntu",
         must=[expect("filesystem_down", subject="mmcblk0p2", summary=["Remounting filesystem read-only"], cause=["Detected aborted journal"])])(
        syslog("syslog", [
            "2024-09-26T11:32:52.298408+00:00 ubuntu kernel: EXT4-fs (mmcblk0p2): failed to convert unwritten extents to written extents -- potential data loss!  (inode 257144, error -30)",
            "2024-09-26T11:32:52.298426+00:00 ubuntu kernel: EXT4-fs error (device mmcblk0p2): ext4_journal_check_start:83: comm rs:main Q:Reg: Detected aborted journal",
            "2024-09-26T11:32:52.298428+00:00 ubuntu kernel: EXT4-fs error (device mmcblk0p2): ext4_journal_check_start:83: comm journal-offline: Detected aborted journal",
            "2024-09-26T11:32:52.301727+00:00 ubuntu kernel: EXT4-fs error (device mmcblk0p2): ext4_journal_check_start:83: comm systemd-journal: Detected aborted journal",
            "2024-09-26T11:32:52.301738+00:00 ubuntu kernel: EXT4-fs error (device mmcblk0p2): ext4_journal_check_start:83: comm .NET TP Worker: Detected aborted journal",
            "2024-09-26T11:32:52.301738+00:00 ubuntu kernel: EXT4-fs (mmcblk0p2): Remounting filesystem read-only",
            "2024-09-26T11:32:52.301740+00:00 ubuntu kernel: EXT4-fs (mmcblk0p2): Remounting filesystem read-only",
            "2024-09-26T11:32:52.301746+00:00 ubuntu kernel: EXT4-fs (mmcblk0p2): ext4_writepages: jbd2_start: 9223372036854775769 pages, ino 2037; err -30"]))

    # ============================== kernel: arm64 user faults (arch/arm64/mm/fault.c) ==============================
    case("kernel-segfault", "3.10-arm64-syslog-unhandled-level-1-translation-fault",
         "A Pine64 (arm64, 3.10): abrt's own crash hook dies on a NULL pointer. arm64 writes no 'segfault at': "
         "'unhandled level 1 translation fault (11) at 0x00000000', then the registers.",
         "https://github.com/longsleep/linux-pine64/issues/60 (/var/log/messages, Aug 2017; the register dump after these lines left out)",
         host="localhost",
         must=[expect("segfault", subject="abrt-hook-ccpp", pattern="kernel_segfault",
                      summary=["abrt-hook-ccpp (pid 28134) segfaulted at 00000000 (level 1 translation fault)"])],
         must_not=[{"type": "kernel_oops"}])(
        syslog("messages", [
            "Aug 17 16:49:07 localhost kernel: abrt-hook-ccpp[28134]: unhandled level 1 translation fault (11) at 0x00000000, esr 0x92000005",
            "Aug 17 16:49:07 localhost kernel: pgd = ffffffc0753f9000",
            "Aug 17 16:49:07 localhost kernel: [00000000] *pgd=0000000000000000",
            "Aug 17 16:49:07 localhost kernel: CPU: 3 PID: 28134 Comm: abrt-hook-ccpp Tainted: G           O 3.10.105-0-pine64-longsleep #3",
            "Aug 17 16:49:07 localhost kernel: task: ffffffc078a5e380 ti: ffffffc074fa4000 task.ti: ffffffc074fa4000",
            "Aug 17 16:49:07 localhost kernel: PC is at 0x7f863750d0",
            "Aug 17 16:49:07 localhost kernel: LR is at 0x7f863751a0"]))

    case("kernel-segfault", "4.9-arm64-unhandled-level-3-translation-fault-polipo",
         "Ubuntu Xenial on an arm64 KVM guest (4.9): the polipo proxy keeps crashing; the kernel's line is "
         "arm64's 'unhandled level 3 translation fault (11)', its page-table walk on lines of their own.",
         "https://github.com/scaleway/image-ubuntu/issues/105 (dmesg, Feb 2018; the register dump after these lines left out)",
         must=[expect("segfault", subject="polipo", summary=["polipo (pid 1657) segfaulted at ffffcd912fe0 (level 3 translation fault)"])])(
        dmesg([(0.0, "polipo[1657]: unhandled level 3 translation fault (11) at 0xffffcd912fe0, esr 0x92000047"),
               (0.000012, "pgd = ffff8000215ca000"),
               (0.002176, "[ffffcd912fe0] *pgd=000000008117e003"),
               (0.004366, ", *pud=00000000bb2f4003"),
               (0.004444, ", *pmd=000000006087a003"),
               (0.004448, ", *pte=0000000000000000"),
               (0.004463, "CPU: 0 PID: 1657 Comm: polipo Tainted: P                4.9.23-std-1 #1"),
               (0.004467, "Hardware name: QEMU KVM Virtual Machine, BIOS 0.0.0 02/06/2015")]))

    case("kernel-segfault", "5.15-arm64-unhandled-exception-dabt-retroarch",
         "CoreELEC on an Amlogic S905X4 (arm64, 5.15): RetroArch dies; since 4.19 arm64 writes 'unhandled "
         "exception: DABT (lower EL), ESR …, level 2 translation fault in retroarch[…]'.",
         "https://github.com/spleen1981/retroarch-kodi-addon-CoreELEC/issues/27 (dmesg, 2023; the vendor's vma "
         "and register lines after the first left out but the task line)",
         must=[expect("segfault", subject="retroarch", summary=["retroarch (pid 1804) segfaulted in retroarch (level 2 translation fault)"])])(
        dmesg([(0.0, "retroarch[1804]: unhandled exception: DABT (lower EL), ESR 0x92000006, level 2 translation fault in retroarch[400000+a1f000]"),
               (0.000072, "vma for 4e0c34:"),
               (0.000136, "CPU: 3 PID: 1804 Comm: retroarch Tainted: G           O      5.15.119 #1 7025cd8792299fc4d38766b00b85d0640af122eb"),
               (0.000145, "Hardware name: Amlogic (DT)")]))

    # ============================== kernel: workqueue lockups (kernel/workqueue.c) ==============================
    case("kernel-lockup", "4.18-qemu-workqueue-lockup-reported-again",
         "An OpenBMC image under QEMU (4.18+): the workqueue watchdog reports CPU 0's pool stuck for 101 s, then "
         "for 137 s, with the busy workqueues after each report: one stall.",
         "https://github.com/openbmc/openbmc/issues/3440 (console, Jan 2019)",
         must=[expect("soft_lockup", subject="kernel", pattern="kernel_workqueue_lockup", count=(2, 2),
                      summary=["the worker pool of CPU 0 made no progress for 137s"])])(
        dmesg([(0.0, "BUG: workqueue lockup - pool cpus=0 node=0 flags=0x0 nice=0 stuck for 101s!"),
               (0.000399, "Showing busy workqueues and worker pools:"),
               (0.000572, "workqueue events: flags=0x0"),
               (0.000706, "  pwq 0: cpus=0 node=0 flags=0x0 nice=0 active=1/256"),
               (0.000953, "    pending: cache_reap"),
               (0.001273, "workqueue events_power_efficient: flags=0x80"),
               (0.001452, "  pwq 0: cpus=0 node=0 flags=0x0 nice=0 active=3/256"),
               (0.001712, "    pending: gc_worker, neigh_periodic_work, neigh_periodic_work"),
               (36.775903, "BUG: workqueue lockup - pool cpus=0 node=0 flags=0x0 nice=0 stuck for 137s!"),
               (36.776259, "Showing busy workqueues and worker pools:"),
               (36.776417, "workqueue events: flags=0x0"),
               (36.77653, "  pwq 0: cpus=0 node=0 flags=0x0 nice=0 active=1/256"),
               (36.776739, "    pending: cache_reap")]))

    case("kernel-lockup", "5.12-riscv-workqueue-lockup-then-rcu-stall",
         "A StarFive JH7100 board (RISC-V, 5.12) after days up: an unbound pool stuck for 2530 s, then an RCU "
         "stall whose kthread was starved: a workqueue lockup and an RCU stall.",
         "https://github.com/starfive-tech/linux/issues/18 (serial console, May 2021)",
         must=[expect("soft_lockup", subject="kernel", pattern="kernel_workqueue_lockup", summary=["CPU 0-1 made no progress for 2530s"]),
               expect("rcu_stall", subject="kernel", pattern="kernel_rcu_stall", summary=["rcu_sched stall"])])(
        dmesg([(0.0, "BUG: workqueue lockup - pool cpus=0-1 flags=0x4 nice=0 stuck for 2530s!"),
               (0.007859, "Showing busy workqueues and worker pools:"),
               (0.013077, "workqueue events_unbound: flags=0x2"),
               (0.017731, "  pwq 4: cpus=0-1 flags=0x4 nice=0 active=3/512 refcnt=5"),
               (0.024197, "    pending: flush_to_ldisc, flush_to_ldisc, flush_to_ldisc"),
               (0.031017, "workqueue ext4-rsv-conversion: flags=0x2000a"),
               (0.036436, "  pwq 4: cpus=0-1 flags=0x4 nice=0 active=1/1 refcnt=3"),
               (0.042737, "    pending: ext4_end_io_rsv_work"),
               (0.04725, "pool 1: cpus=0 node=0 flags=0x1 nice=-20 hung=31s workers=2 manager: 816094 idle: 823322"),
               (8.839618, "rcu: INFO: rcu_sched detected stalls on CPUs/tasks:"),
               (8.845698, "        (detected by 0, t=254302 jiffies, g=8370033, q=8218)"),
               (8.851894, "rcu: All QSes seen, last rcu_sched kthread activity 254300 (4322046580-4321792280), jiffies_till_next_fqs=1, root ->qsmask 0x0")]))

    case("kernel-lockup", "openeuler-printk-caller-workqueue-lockups",
         "openEuler 21.09's kernel on an Ampere Altra hangs at boot: four CPUs' pools stuck for 171 s. The "
         "kernel is built with CONFIG_PRINTK_CALLER, so every line carries '[    C0]' after its stamp (and the "
         "console doubled each line).",
         "https://github.com/AmpereComputing/ampere-lts-kernel---DEPRECATED/issues/71 (console, Sep 2021)",
         must=[expect("soft_lockup", subject="kernel", pattern="kernel_workqueue_lockup", count=(4, 8),
                      summary=["made no progress for 171s"])])(
        dmesg_verbatim([
            "[  244.780025][    C0] BUG: workqueue lockup - pool cpus=2 node=0 flags=0x1 nice=0 stuck for 171s!",
            "[  244.780025][    C0] BUG: workqueue lockup - pool cpus=2 node=0 flags=0x1 nice=0 stuck for 171s!",
            "[  244.797583][    C0] BUG: workqueue lockup - pool cpus=4 node=0 flags=0x0 nice=0 stuck for 171s!",
            "[  244.797583][    C0] BUG: workqueue lockup - pool cpus=4 node=0 flags=0x0 nice=0 stuck for 171s!",
            "[  244.815116][    C0] BUG: workqueue lockup - pool cpus=7 node=0 flags=0x0 nice=0 stuck for 171s!",
            "[  244.815116][    C0] BUG: workqueue lockup - pool cpus=7 node=0 flags=0x0 nice=0 stuck for 171s!",
            "[  244.832659][    C0] BUG: workqueue lockup - pool cpus=80 node=1 flags=0x0 nice=0 stuck for 171s!",
            "[  244.832659][    C0] BUG: workqueue lockup - pool cpus=80 node=1 flags=0x0 nice=0 stuck for 171s!",
            "[  244.850433][    C0] Showing busy workqueues and worker pools:",
            "[  244.850433][    C0] Showing busy workqueues and worker pools:",
            "[  244.862050][    C0] workqueue events: flags=0x0",
            "[  244.862050][    C0] workqueue events: flags=0x0"]))

    case("kernel-lockup", "rfc3339-syslog-workqueue-lockup-bcachefs",
         "A bcachefs test box: the high-priority pool of CPU 2 stuck for 58 s behind journal writes, in an RFC 3339 "
         "syslog file.",
         "https://github.com/koverstreet/bcachefs/issues/37 (/var/log/messages, Apr 2019)",
         host="jowisz",
         must=[expect("soft_lockup", subject="kernel", summary=["the worker pool of CPU 2 made no progress for 58s"])])(
        syslog("messages", [
            "2019-04-24T11:34:00.514575+02:00 jowisz kernel: [  752.907614] BUG: workqueue lockup - pool cpus=2 node=0 flags=0x0 nice=-20 stuck for 58s!",
            "2019-04-24T11:34:00.514655+02:00 jowisz kernel: [  752.914030] Showing busy workqueues and worker pools:",
            "2019-04-24T11:34:00.514659+02:00 jowisz kernel: [  752.914034] workqueue events_highpri: flags=0x10",
            "2019-04-24T11:34:00.514661+02:00 jowisz kernel: [  752.914036]   pwq 5: cpus=2 node=0 flags=0x0 nice=-20 active=2/256",
            "2019-04-24T11:34:00.514668+02:00 jowisz kernel: [  752.914042]     pending: journal_write_done [bcachefs], bch2_journal_write [bcachefs]"]))

    # ============================== kernel: md RAID members dropped (drivers/md) ==============================
    case("kernel-disk", "5.x-nas-offline-disk-raid5-cannot-continue",
         "A Buffalo TeraStation on Debian (5.x): a SATA disk goes offline after link resets, its writes fail, "
         "and the RAID 5 array drops the member and cannot continue (2 of 4 failed). The disk's I/O errors are "
         "one incident, the array's lost member another.",
         "https://github.com/1000001101000/Debian_on_Buffalo/issues/161 (serial console, 2021; its lines verbatim up to the third 'read error not correctable')",
         must=[expect("disk_io_error", subject="sdb6", pattern="kernel_raid_member_failure", summary=["md RAID md2 dropped sdb6"]),
               expect("disk_io_error", subject="sdb", pattern="kernel_disk_io_error", count=(2, 2))],
         must_not=[{"type": "error_signature"}])(
        dmesg([(0.0, "ata1.15: SATA link up 3.0 Gbps (SStatus 123 SControl F300)"),
               (0.332002, "sd 0:1:0:0: rejecting I/O to offline device"),
               (0.337308, "blk_print_req_error: 11 callbacks suppressed"),
               (0.33732, "I/O error, dev sdb, sector 14008336 op 0x1:(WRITE) flags 0x800 phys_seg 1 prio class 2"),
               (0.351663, "md: super_written gets error=-5"),
               (0.355871, "md/raid:md2: Disk failure on sdb6, disabling device."),
               (0.361907, "md/raid:md2: Cannot continue operation (2/4 failed)."),
               (1.405617, "ata1.02: configured for UDMA/133"),
               (1.42136, "ata1.03: configured for UDMA/133"),
               (1.426702, "sd 0:1:0:0: [sdb] tag#5 FAILED Result: hostbyte=DID_OK driverbyte=DRIVER_OK cmd_age=61s"),
               (1.435857, "sd 0:1:0:0: [sdb] tag#5 Sense Key : Medium Error [current]"),
               (1.44254, "sd 0:1:0:0: [sdb] tag#5 Add. Sense: Unrecovered read error - auto reallocate failed"),
               (1.451324, "sd 0:1:0:0: [sdb] tag#5 CDB: Read(10) 28 00 00 d5 c8 a0 00 02 00 00"),
               (1.45869, "I/O error, dev sdb, sector 14010528 op 0x0:(READ) flags 0x0 phys_seg 64 prio class 2"),
               (1.467554, "md/raid:md2: read error not correctable (sector 2208 on sdb6)."),
               (1.474501, "md/raid:md2: read error not correctable (sector 2216 on sdb6)."),
               (1.481433, "md/raid:md2: read error not correctable (sector 2224 on sdb6).")]))

    case("kernel-disk", "5.x-usb-raid1-member-disconnects",
         "A RAID 1 member in a USB enclosure disconnects: its writes fail and md drops it, the array running on "
         "one device; the 'Operation continuing' half is a continuation line of the same record. dmesg -H output: "
         "the minute on the first line, the seconds since the line before on the others.",
         "https://lore.kernel.org/linux-usb/20210921101752.4679-1-tjakobi@math.uni-bielefeld.de/ ('[PATCH] usb: "
         "storage: add quirks for VIA VL817 USB3-SATA bridge', linux-usb, Sep 2021; its dmesg -H lines verbatim up to "
         "the first 'Synchronizing SCSI cache', quoted again in "
         "https://lore.kernel.org/linux-usb/20210921151323.GA170347@rowland.harvard.edu/)",
         must=[expect("disk_io_error", subject="sdb", pattern="kernel_raid_member_failure", summary=["md RAID md126 dropped sdb after its I/O errors (raid1)"]),
               expect("disk_io_error", subject="sdb", pattern="kernel_disk_io_error")])(
        dmesg_verbatim([
            "[Aug14 16:31] usb 2-1.2: USB disconnect, device number 4",
            "[  +0.007701] sd 4:0:0:0: [sdb] tag#4 uas_zap_pending 0 uas-tag 1 inflight: CMD",
            "[  +0.000004] sd 4:0:0:0: [sdb] tag#4 CDB: opcode=0x2a 2a 00 00 37 63 da 00 00 80 00",
            "[  +0.000022] sd 4:0:0:0: [sdb] tag#4 UNKNOWN(0x2003) Result: hostbyte=0x01 driverbyte=0x00 cmd_age=19s",
            "[  +0.000001] sd 4:0:0:0: [sdb] tag#4 CDB: opcode=0x2a 2a 00 00 37 63 da 00 00 80 00",
            "[  +0.000001] blk_update_request: I/O error, dev sdb, sector 29040336 op 0x1:(WRITE) flags 0x0 phys_seg 128 prio class 0",
            "[  +0.000028] blk_update_request: I/O error, dev sdb, sector 29041360 op 0x1:(WRITE) flags 0x0 phys_seg 128 prio class 0",
            "[  +0.000000] blk_update_request: I/O error, dev sdb, sector 16 op 0x1:(WRITE) flags 0x800 phys_seg 1 prio class 0",
            "[  +0.000005] md: super_written gets error=-5",
            "[  +0.000002] md/raid1:md126: Disk failure on sdb, disabling device.",
            "              md/raid1:md126: Operation continuing on 1 devices.",
            "[  +0.000024] blk_update_request: I/O error, dev sdb, sector 29042384 op 0x1:(WRITE) flags 0x0 phys_seg 128 prio class 0",
            "[  +0.000222] sd 4:0:0:0: [sdb] Synchronizing SCSI cache"]))

    case("kernel-disk", "negative-raid1-created-and-resyncing",
         "An installer creates a RAID 1 array: 'not clean -- starting background reconstruction', 'active with 2 "
         "out of 2 mirrors', a resync. Nothing failed.",
         "https://github.com/rhinstaller/kickstart-tests/issues/1328 (the kernel's lines of an installer log, Oct 2024; "
         "its 'INFO kernel:' prefix undone, the lines are journald kernel entries here)",
         negative=True, must_not=[{"type": "disk_io_error"}])(
        journal("realworld-host", [
            (0.0, kernel_entry("md/raid1:md0: not clean -- starting background reconstruction", "6")),
            (0.0001, kernel_entry("md/raid1:md0: active with 2 out of 2 mirrors", "6")),
            (0.001, kernel_entry("md0: detected capacity change from 0 to 1021952", "6")),
            (0.011, kernel_entry("md: resync of RAID array md0", "6"))]))

    # ============================== kernel: oopses of x86_64 2.6 ==============================
    case("kernel-oops", "2.6.10-x86_64-gpf-count-without-hash",
         "An amd64 laptop on 2.6.10-rc3: reading /proc/devices oopses, first under grep, then under cardmgr. x86_64 "
         "2.6 kernels counted oopses '[1]', '[2]', without the '#' of later kernels; two oopses, each naming its task.",
         "https://lore.kernel.org/all/41B4E70F.8040306@gmx.net/ (LKML, '2.6.10-rc[2|3] protection fault on /proc/devices', "
         "Dec 2004; dmesg without stamps then, so the lines are journald kernel entries here with stamps made here, the "
         "second oops's '<0>' level prefix as its priority)",
         must=[expect("kernel_oops", subject="grep", pattern="kernel_oops", summary=["general protection fault: 0000 [1]"]),
               expect("kernel_oops", subject="cardmgr", pattern="kernel_oops", summary=["general protection fault: 0000 [2]"])])(
        journal("realworld-host", [
            (0.0, kernel_entry("EXT3-fs: mounted filesystem with ordered data mode.", "6")),
            (5.0, kernel_entry("general protection fault: 0000 [1]", "4")),
            (5.0001, kernel_entry("CPU 0", "4")),
            (5.0002, kernel_entry("Modules linked in:", "4")),
            (5.0003, kernel_entry("Pid: 5693, comm: grep Not tainted 2.6.10-rc3", "4")),
            (5.0004, kernel_entry("RIP: 0010:[<ffffffff8028c5b5>] <ffffffff8028c5b5>{get_blkdev_list+85}", "4")),
            (5.0005, kernel_entry("Process grep (pid: 5693, threadinfo 000001001eec0000, task 000001001e80f0b0)", "4")),
            (5.0006, kernel_entry("RIP <ffffffff8028c5b5>{get_blkdev_list+85} RSP <000001001eec1e48>", "4")),
            (15.0, kernel_entry("general protection fault: 0000 [2]", "0")),
            (15.0001, kernel_entry("CPU 0", "4")),
            (15.0002, kernel_entry("Modules linked in:", "4")),
            (15.0003, kernel_entry("Pid: 12088, comm: cardmgr Not tainted 2.6.10-rc3", "4")),
            (15.0004, kernel_entry("RIP: 0010:[<ffffffff8028c5b5>] <ffffffff8028c5b5>{get_blkdev_list+85}", "4")),
            (15.0005, kernel_entry("Process cardmgr (pid: 12088, threadinfo 000001001ef96000, task 000001001f2ac910)", "4"))]))

    # ============================== kernel: connection tracking table full (net/netfilter) ==============================
    dmesg_text = g["dmesg_text"]
    case("kernel-net", "3.10-dmesg-T-conntrack-table-full-k8s-node",
         "A Kubernetes 1.12 node on CentOS 7 (3.10): the conntrack table is full and packets are dropped; "
         "ingress-nginx's health checks fail and pods restart. Warnings, not errors: one incident for the host.",
         "https://github.com/kubernetes/kubernetes/issues/71261 (dmesg -T, Nov 2018)",
         must=[expect("conntrack_table_full", subject="nf_conntrack", pattern="kernel_conntrack_table_full", count=(4, 4))])(
        dmesg_text([
            "[Tue Nov 20 22:30:22 2018] nf_conntrack: table full, dropping packet",
            "[Tue Nov 20 22:30:27 2018] nf_conntrack: table full, dropping packet",
            "[Tue Nov 20 22:30:27 2018] nf_conntrack: table full, dropping packet",
            "[Tue Nov 20 22:30:27 2018] nf_conntrack: table full, dropping packet"]))

    case("kernel-net", "4.x-conntrack-table-full-double-prefix",
         "A kube-aws node (4.x): 'nf_conntrack: nf_conntrack: table full, dropping packet' four times over six and "
         "a half minutes, the module's prefix printed twice.",
         "https://github.com/kubernetes-retired/kube-aws/pull/476 (dmesg, Mar 2017)",
         must=[expect("conntrack_table_full", subject="nf_conntrack", count=(4, 4), summary=["connection-tracking table full"])])(
        dmesg([(0.0, "nf_conntrack: nf_conntrack: table full, dropping packet"),
               (33.606487, "nf_conntrack: nf_conntrack: table full, dropping packet"),
               (255.881672, "nf_conntrack: nf_conntrack: table full, dropping packet"),
               (391.423781, "nf_conntrack: nf_conntrack: table full, dropping packet ")]))

    # ============================== kernel: network interfaces that stop transmitting (dev_watchdog) ==============================
    case("kernel-net", "4.10-arm-netdev-watchdog-transmit-timeout",
         "An OpenBMC (ASpeed, ARM, 4.10): the ftgmac100 interface stops transmitting; the watchdog's WARNING names it. "
         "A network incident for eth0, not a kernel oops.",
         "https://github.com/openbmc/openbmc/issues/2228 (console, Aug 2017; the backtrace after these lines left out)",
         must=[expect("network_tx_timeout", subject="eth0", pattern="kernel_netdev_tx_timeout", summary=["eth0 (ftgmac100) stopped transmitting"])],
         must_not=[{"type": "kernel_oops"}])(
        dmesg([(0.0, "------------[ cut here ]------------"),
               (0.0, "WARNING: CPU: 0 PID: 6 at /tmp/openbmc/build/tmp/work-shared/witherspoon/kernel-source/net/sched/sch_generic.c:316 dev_watchdog+0x230/0x248"),
               (0.0, "NETDEV WATCHDOG: eth0 (ftgmac100): transmit queue 0 timed out"),
               (0.0, "CPU: 0 PID: 6 Comm: ksoftirqd/0 Not tainted 4.10.17-ba30e9ed152bab62f72da24986ee5ca22d6c9b07 #1"),
               (0.0, "Hardware name: ASpeed SoC")]))

    case("kernel-net", "6.x-r8125-netdev-watchdog-two-interfaces",
         "An OpenWrt router with r8125 cards (6.x): eth4 and eth1 time out again and again over hours ('NETDEV WATCHDOG: "
         "CPU: 3: transmit queue 0 timed out 5010 ms', the 6.x wording); the links need replugging or a reboot.",
         "https://github.com/csrutil/OpenWrt-NIC-Drivers/issues/11 (dmesg, Apr 2025)",
         must=[expect("network_tx_timeout", subject="eth4", incidents=(2, 3), summary=["eth4 (r8125) stopped transmitting"]),
               expect("network_tx_timeout", subject="eth1", incidents=(2, 3), summary=["eth1 (r8125) stopped transmitting"])])(
        dmesg([(0.0, "r8125 0000:22:04.0 eth4: NETDEV WATCHDOG: CPU: 3: transmit queue 0 timed out 5010 ms"),
               (0.053078, "r8125 0000:22:04.0 eth4: rtl_rxtx_empty_cond == 0 (loop: 42, delay: 100)."),
               (2295.084215, "r8125 0000:22:01.0 eth1: NETDEV WATCHDOG: CPU: 0: transmit queue 0 timed out 5010 ms"),
               (2295.137114, "r8125 0000:22:01.0 eth1: rtl_rxtx_empty_cond == 0 (loop: 42, delay: 100)."),
               (2323.844054, "r8125 0000:22:04.0 eth4: NETDEV WATCHDOG: CPU: 3: transmit queue 0 timed out 5160 ms"),
               (2323.897112, "r8125 0000:22:04.0 eth4: rtl_rxtx_empty_cond == 0 (loop: 42, delay: 100)."),
               (15629.822057, "r8125 0000:22:01.0 eth1: NETDEV WATCHDOG: CPU: 0: transmit queue 0 timed out 5290 ms"),
               (15629.880916, "r8125 0000:22:01.0 eth1: rtl_rxtx_empty_cond == 0 (loop: 42, delay: 100)."),
               (23380.636105, "r8125 0000:22:04.0 eth4: NETDEV WATCHDOG: CPU: 3: transmit queue 0 timed out 5540 ms"),
               (23380.689189, "r8125 0000:22:04.0 eth4: rtl_rxtx_empty_cond == 0 (loop: 42, delay: 100)."),
               (26738.606384, "r8125 0000:22:04.0 eth4: NETDEV WATCHDOG: CPU: 3: transmit queue 0 timed out 5110 ms"),
               (26738.659536, "r8125 0000:22:04.0 eth4: rtl_rxtx_empty_cond == 0 (loop: 42, delay: 100)."),
               (28592.890411, "r8125 0000:22:01.0 eth1: NETDEV WATCHDOG: CPU: 0: transmit queue 0 timed out 5010 ms"),
               (28592.953266, "r8125 0000:22:01.0 eth1: rtl_rxtx_empty_cond == 0 (loop: 42, delay: 100).")]))

    # ============================== kernel: RISC-V user faults ==============================
    case("kernel-segfault", "6.6-riscv-unhandled-signal-11-ld",
         "A Sophgo Pioneer (RISC-V, 6.6) with highmem: the linker ld dies with 'unhandled signal 11 code 0x1 at "
         "0x… in libc.so.6[…]', RISC-V's wording, followed by its register dump.",
         "https://github.com/sophgo/linux-riscv/issues/114 (dmesg, 2024; the register lines after the first left out)",
         must=[expect("segfault", subject="ld", pattern="kernel_segfault", count=(1, 1),
                      summary=["ld (pid 2629) segfaulted at 0000000000000003 in libc.so.6"])],
         must_not=[{"type": "kernel_oops"}])(
        dmesg([(0.0, "status: 8000000200006020 badaddr: 0000000000000003 cause: 000000000000000d"),
               (0.290353, "ld[2629]: unhandled signal 11 code 0x1 at 0x0000000000000003 in libc.so.6[3fb9853000+121000]"),
               (0.299945, "CPU: 32 PID: 2629 Comm: ld Not tainted 6.6.20-pioneer #1"),
               (0.306334, "Hardware name: Sophgo Mango (DT)"),
               (0.310634, "epc : 0000003fb98cb698 ra : 0000003fb9a0ba2a sp : 0000003ffbf69c00")]))

    # ============================== dmesg -H / --reltime output ==============================
    case("kernel-fs", "5.14-dmesg-H-xhci-dies-two-usb-disks-go-read-only",
         "A workstation on 5.14-rc3 backs up between two USB disks: the xHCI controller dies, every device on it "
         "disconnects, the writes to sdd fail and both disks' ext4 journals abort, each file system going read-only. "
         "dmesg -H output: '[Aug 4 09:48]' (strftime's '%b%e', the day space-padded) on the first line of each "
         "minute, the seconds since the line before on the others ('[ +14.831953]' past ten seconds).",
         "https://lore.kernel.org/linux-usb/YQpJLk42b+0g7WFB@kroah.com/ ('USB xhci crash under load on 5.14-rc3', "
         "linux-usb, 4 Aug 2021; the log's lines verbatim from its first up to sdc1's 'Remounting filesystem read-only')",
         must=[expect("filesystem_down", subject="sdd1", pattern="kernel_filesystem_down"),
               expect("filesystem_down", subject="sdc1", pattern="kernel_filesystem_down"),
               expect("disk_io_error", subject="sdd", pattern="kernel_disk_io_error")])(
        dmesg_verbatim([
            "[Aug 4 09:48] xhci_hcd 0000:47:00.1: AMD-Vi: Event logged [IO_PAGE_FAULT domain=0x0032 address=0xfffffff00000 flags=0x0000]",
            "[  +0.000012] xhci_hcd 0000:47:00.1: AMD-Vi: Event logged [IO_PAGE_FAULT domain=0x0032 address=0xfffffff00f80 flags=0x0000]",
            "[  +0.000006] xhci_hcd 0000:47:00.1: AMD-Vi: Event logged [IO_PAGE_FAULT domain=0x0032 address=0xfffffff01000 flags=0x0000]",
            "[  +0.000006] xhci_hcd 0000:47:00.1: AMD-Vi: Event logged [IO_PAGE_FAULT domain=0x0032 address=0xfffffff01f80 flags=0x0000]",
            "[  +0.000005] xhci_hcd 0000:47:00.1: AMD-Vi: Event logged [IO_PAGE_FAULT domain=0x0032 address=0xfffffff02000 flags=0x0000]",
            "[  +0.000006] xhci_hcd 0000:47:00.1: AMD-Vi: Event logged [IO_PAGE_FAULT domain=0x0032 address=0xfffffff02f80 flags=0x0000]",
            "[  +0.000006] xhci_hcd 0000:47:00.1: AMD-Vi: Event logged [IO_PAGE_FAULT domain=0x0032 address=0xfffffff03000 flags=0x0000]",
            "[  +0.000005] xhci_hcd 0000:47:00.1: AMD-Vi: Event logged [IO_PAGE_FAULT domain=0x0032 address=0xfffffff03f80 flags=0x0000]",
            "[  +0.000006] xhci_hcd 0000:47:00.1: AMD-Vi: Event logged [IO_PAGE_FAULT domain=0x0032 address=0xfffffff04000 flags=0x0000]",
            "[Aug 4 09:49] sd 3:0:0:0: [sdc] tag#21 uas_eh_abort_handler 0 uas-tag 1 inflight: CMD IN ",
            "[  +0.000011] sd 3:0:0:0: [sdc] tag#21 CDB: Read(16) 88 00 00 00 00 01 8a 44 08 b0 00 00 00 08 00 00",
            "[  +5.106493] xhci_hcd 0000:47:00.1: xHCI host not responding to stop endpoint command.",
            "[  +0.000010] xhci_hcd 0000:47:00.1: USBSTS: HCHalted HSE",
            "[  +0.000006] xhci_hcd 0000:47:00.1: xHCI host controller not responding, assume dead",
            "[  +0.000164] xhci_hcd 0000:47:00.1: HC died; cleaning up",
            "[  +0.000025] xhci_hcd 0000:47:00.1: xHCI host not responding to stop endpoint command.",
            "[  +0.000008] xhci_hcd 0000:47:00.1: USBSTS: HCHalted HSE",
            "[  +0.000008] usb 7-1: USB disconnect, device number 2",
            "[  +0.000004] usb 7-1.4: USB disconnect, device number 4",
            "[  +0.000002] usb 7-1.4.4: USB disconnect, device number 7",
            "[  +0.000226] usb 8-1.4.3: cmd cmplt err -108",
            "[  +0.000005] usb 8-1.4.3: cmd cmplt err -108",
            "[  +0.000003] usb 8-1.4.3: cmd cmplt err -108",
            "[  +0.000046] sd 3:0:0:0: [sdc] tag#18 uas_eh_abort_handler 0 uas-tag 3 inflight: CMD ",
            "[  +0.000006] sd 3:0:0:0: [sdc] tag#18 CDB: Write(16) 8a 00 00 00 00 01 23 18 f6 28 00 00 04 00 00 00",
            "[  +0.000004] sd 3:0:0:0: [sdc] tag#17 uas_eh_abort_handler 0 uas-tag 2 inflight: CMD ",
            "[  +0.000002] sd 3:0:0:0: [sdc] tag#17 CDB: Write(16) 8a 00 00 00 00 01 23 18 f2 28 00 00 04 00 00 00",
            "[  +0.000002] sd 3:0:0:0: [sdc] tag#16 uas_eh_abort_handler 0 uas-tag 4 inflight: CMD ",
            "[  +0.000002] sd 3:0:0:0: [sdc] tag#16 CDB: Write(16) 8a 00 00 00 00 01 23 18 fa 28 00 00 01 30 00 00",
            "[  +0.000298] usb 8-1: USB disconnect, device number 2",
            "[  +0.000002] usb 8-1.4: USB disconnect, device number 4",
            "[  +0.000002] usb 8-1.4.1: USB disconnect, device number 7",
            "[  +0.000447] usb 7-2: USB disconnect, device number 3",
            "[  +0.000002] usb 7-2.2: USB disconnect, device number 6",
            "[  +0.000001] usb 7-2.2.2: USB disconnect, device number 8",
            "[  +0.011526] blk_update_request: I/O error, dev sdd, sector 3905595064 op 0x1:(WRITE) flags 0x4800 phys_seg 256 prio class 0",
            "[  +0.000094] blk_update_request: I/O error, dev sdd, sector 1005570048 op 0x1:(WRITE) flags 0x4000 phys_seg 18 prio class 0",
            "[  +0.000010] blk_update_request: I/O error, dev sdd, sector 1005572096 op 0x1:(WRITE) flags 0x4000 phys_seg 19 prio class 0",
            "[  +0.000005] blk_update_request: I/O error, dev sdd, sector 1005574144 op 0x1:(WRITE) flags 0x4000 phys_seg 33 prio class 0",
            "[  +0.000005] blk_update_request: I/O error, dev sdd, sector 1005576192 op 0x1:(WRITE) flags 0x4000 phys_seg 33 prio class 0",
            "[  +0.000004] blk_update_request: I/O error, dev sdd, sector 1005578240 op 0x1:(WRITE) flags 0x4000 phys_seg 21 prio class 0",
            "[  +0.000005] blk_update_request: I/O error, dev sdd, sector 1005580288 op 0x1:(WRITE) flags 0x4000 phys_seg 17 prio class 0",
            "[  +0.000006] blk_update_request: I/O error, dev sdd, sector 1005582336 op 0x1:(WRITE) flags 0x4000 phys_seg 19 prio class 0",
            "[  +0.000073] blk_update_request: I/O error, dev sdd, sector 1005584384 op 0x1:(WRITE) flags 0x0 phys_seg 17 prio class 0",
            "[  +0.000002] EXT4-fs warning (device sdd1): ext4_end_bio:342: I/O error 10 writing to inode 81661954 starting block 125698304)",
            "[  +0.000008] blk_update_request: I/O error, dev sdd, sector 1005591088 op 0x1:(WRITE) flags 0x0 phys_seg 7 prio class 0",
            "[  +0.000002] EXT4-fs warning (device sdd1): ext4_end_bio:342: I/O error 10 writing to inode 81661954 starting block 125698981)",
            "[  +0.000013] Buffer I/O error on device sdd1, logical block 125696000",
            "[  +0.000005] Buffer I/O error on device sdd1, logical block 125696001",
            "[  +0.000001] Buffer I/O error on device sdd1, logical block 125696002",
            "[  +0.000002] Buffer I/O error on device sdd1, logical block 125696003",
            "[  +0.000001] Buffer I/O error on device sdd1, logical block 125696004",
            "[  +0.000001] Buffer I/O error on device sdd1, logical block 125696005",
            "[  +0.000001] Buffer I/O error on device sdd1, logical block 125696006",
            "[  +0.000000] Buffer I/O error on device sdd1, logical block 125696007",
            "[  +0.000001] Buffer I/O error on device sdd1, logical block 125696008",
            "[  +0.000001] Buffer I/O error on device sdd1, logical block 125696009",
            "[  +0.000658] EXT4-fs warning (device sdd1): ext4_end_bio:342: I/O error 10 writing to inode 81661955 starting block 125702400)",
            "[  +0.000064] Aborting journal on device sdd1-8.",
            "[  +0.000093] EXT4-fs (sdd1): Delayed block allocation failed for inode 81661956 at logical offset 0 with max blocks 2048 with error 30",
            "[  +0.000003] EXT4-fs (sdd1): This should not happen!! Data will be lost",
            "[  +0.000002] EXT4-fs error (device sdd1) in ext4_writepages:2813: Journal has aborted",
            "[  +0.000411] EXT4-fs error (device sdd1): ext4_journal_check_start:83: comm kworker/u256:1: Detected aborted journal",
            "[  +0.000006] EXT4-fs warning (device sdd1): ext4_end_bio:342: I/O error 10 writing to inode 81661955 starting block 125699482)",
            "[  +0.000015] EXT4-fs error (device sdd1): ext4_journal_check_start:83: comm kworker/u256:0: Detected aborted journal",
            "[  +0.000003] Buffer I/O error on dev sdd1, logical block 488144896, lost sync page write",
            "[  +0.000012] JBD2: Error -5 detected when updating journal superblock for sdd1-8.",
            "[  +0.000003] Buffer I/O error on dev sdd1, logical block 0, lost sync page write",
            "[  +0.000005] EXT4-fs (sdd1): I/O error while writing superblock",
            "[  +0.000065] Buffer I/O error on dev sdd1, logical block 0, lost sync page write",
            "[  +0.000017] EXT4-fs (sdd1): previous I/O error to superblock detected",
            "[  +0.000011] Buffer I/O error on dev sdd1, logical block 0, lost sync page write",
            "[  +0.000004] EXT4-fs (sdd1): I/O error while writing superblock",
            "[  +0.000001] EXT4-fs (sdd1): Remounting filesystem read-only",
            "[  +0.000001] EXT4-fs (sdd1): failed to convert unwritten extents to written extents -- potential data loss!  (inode 81661955, error -30)",
            "[  +0.000001] EXT4-fs (sdd1): ext4_writepages: jbd2_start: 9223372036854775807 pages, ino 81661957; err -30",
            "[  +0.010132] Buffer I/O error on dev sdd1, logical block 125304834, lost async page write",
            "[  +0.000006] Buffer I/O error on dev sdd1, logical block 125304835, lost async page write",
            "[  +0.000002] Buffer I/O error on dev sdd1, logical block 125304836, lost async page write",
            "[  +0.000002] Buffer I/O error on dev sdd1, logical block 125304837, lost async page write",
            "[  +0.000002] Buffer I/O error on dev sdd1, logical block 125304838, lost async page write",
            "[  +0.000001] Buffer I/O error on dev sdd1, logical block 125304839, lost async page write",
            "[  +0.001952] scsi host3: uas_eh_device_reset_handler FAILED to get lock err -19",
            "[  +0.000004] sd 3:0:0:0: Device offlined - not ready after error recovery",
            "[  +0.000002] sd 3:0:0:0: Device offlined - not ready after error recovery",
            "[  +0.000001] sd 3:0:0:0: Device offlined - not ready after error recovery",
            "[  +0.000001] sd 3:0:0:0: Device offlined - not ready after error recovery",
            "[  +0.000006] sd 3:0:0:0: [sdc] tag#16 FAILED Result: hostbyte=DID_TIME_OUT driverbyte=DRIVER_OK cmd_age=33s",
            "[  +0.000001] sd 3:0:0:0: [sdc] tag#16 CDB: Write(16) 8a 00 00 00 00 01 23 18 fa 28 00 00 01 30 00 00",
            "[  +0.000026] sd 3:0:0:0: [sdc] tag#17 FAILED Result: hostbyte=DID_TIME_OUT driverbyte=DRIVER_OK cmd_age=33s",
            "[  +0.000001] sd 3:0:0:0: [sdc] tag#17 CDB: Write(16) 8a 00 00 00 00 01 23 18 f2 28 00 00 04 00 00 00",
            "[  +0.000035] sd 3:0:0:0: [sdc] tag#18 FAILED Result: hostbyte=DID_TIME_OUT driverbyte=DRIVER_OK cmd_age=33s",
            "[  +0.000001] sd 3:0:0:0: [sdc] tag#18 CDB: Write(16) 8a 00 00 00 00 01 23 18 f6 28 00 00 04 00 00 00",
            "[  +0.000025] sd 3:0:0:0: [sdc] tag#21 FAILED Result: hostbyte=DID_TIME_OUT driverbyte=DRIVER_OK cmd_age=36s",
            "[  +0.000001] sd 3:0:0:0: [sdc] tag#21 CDB: Read(16) 88 00 00 00 00 01 8a 44 08 b0 00 00 00 08 00 00",
            "[  +0.000034] sd 3:0:0:0: rejecting I/O to offline device",
            "[  +0.000024] Aborting journal on device sdc1-8.",
            "[  +0.000023] JBD2: Error -5 detected when updating journal superblock for sdc1-8.",
            "[  +0.000057] EXT4-fs error (device sdc1): ext4_journal_check_start:83: comm rsync: Detected aborted journal",
            "[  +0.000028] EXT4-fs (sdc1): I/O error while writing superblock",
            "[  +0.000001] EXT4-fs (sdc1): Remounting filesystem read-only"]))

    # ============================== kernel: a fault of systemd itself, in dmesg ==============================
    case("kernel-segfault", "6.15-dmesg-systemd-pid1-segfaults-in-libc",
         "A RHEL 9.2 guest under TDX on 6.15-rc4: systemd (PID 1) segfaults in libc as it boots. The kernel's "
         "'systemd[1]: segfault at …' names the process as systemd names itself in the lines it writes to the ring "
         "next ('systemd[1]: Caught <SEGV> …', 'Freezing execution.'): the segfault is the kernel's line.",
         "https://lore.kernel.org/all/20250429143114.1724280-1-jun.miao@intel.com/ ('[V2 PATCH 0/1][Bug Report] and "
         "Fix TDX cpuid0x2 #VE causing segment', LKML, Apr 2025; its boot log verbatim)",
         must=[expect("segfault", subject="systemd", pattern="kernel_segfault", count=(1, 1),
                      summary=["systemd (pid 1) segfaulted at 55c974b82650 in libc.so.6"])])(
        dmesg_verbatim([
            "[   46.902055] systemd[1]: segfault at 55c974b82650 ip 00007f252eef09c2 sp 00007ffcd94fe7b8 error 4 in libc.so.6[7f252ee28000+175000] likely on CPU 1 (core 1, socket 0)",
            "[   46.903302] Code: 00 0f 18 8e 00 31 00 00 0f 18 8e 40 31 00 00 0f 18 8e 80 31 00 00 0f 18 8e c0 31 00 00 62 e1 fe 48 6f 06 62 e1 fe 48 6f 4e 01 <62> e1 fe 48 6f 66 40 62 e1 fe 48 6f 6e 41 62 61 fe 48 6f 86 00 20",
            "[   46.905516] systemd[1]: Caught <SEGV> from PID 1958225488.",
            "[   46.921256] systemd[1]: Caught <SEGV>, dumped core as pid 346.",
            "[   46.922056] systemd[1]: Freezing execution."]))

    # ============================== dmesg -d (--show-delta) output ==============================
    case("kernel-oops", "5.9-dmesg-d-amdgpu-null-pointer-oops-in-kworker",
         "A 5.9-rc2 workstation unplugs an amdgpu display: a kworker dereferences a NULL pointer in "
         "drm_atomic_private_obj_fini and oopses. dmesg -d output: each stamp carries the seconds since the line "
         "before ('[   65.681501 <    0.000004>]').",
         "https://lore.kernel.org/amd-gfx/1602696294-5611-1-git-send-email-andrey.grodzovsky@amd.com/ ('[PATCH 1/2] "
         "drm/amd/display: Revert \"drm/amd/display: Fix a list corruption\"', amd-gfx, Oct 2020; its oops verbatim)",
         must=[expect("kernel_oops", subject="kworker/8:1", pattern="kernel_oops", summary=["kernel oops in kworker/8:1"])])(
        dmesg_verbatim([
            "[   65.681501 <    0.000004>] BUG: kernel NULL pointer dereference, address: 0000000000000008",
            "[   65.681504 <    0.000003>] #PF: supervisor write access in kernel mode",
            "[   65.681506 <    0.000002>] #PF: error_code(0x0002) - not-present page",
            "[   65.681507 <    0.000001>] PGD 7c9437067 P4D 7c9437067 PUD 7c9db7067 PMD 0",
            "[   65.681511 <    0.000004>] Oops: 0002 [#1] SMP NOPTI",
            "[   65.681512 <    0.000001>] CPU: 8 PID: 127 Comm: kworker/8:1 Tainted: G        W  O      5.9.0-rc2-dev+ #59",
            "[   65.681514 <    0.000002>] Hardware name: System manufacturer System Product Name/PRIME X470-PRO, BIOS 4406 02/28/2019",
            "[   65.681525 <    0.000011>] Workqueue: events drm_connector_free_work_fn [drm]",
            "[   65.681535 <    0.000010>] RIP: 0010:drm_atomic_private_obj_fini+0x11/0x60 [drm]",
            "[   65.681537 <    0.000002>] Code: de 4c 89 e7 e8 70 f2 ba f8 48 8d 65 d8 5b 41 5c 41 5d 41 5e 41 5f 5d c3 90 0f 1f 44 00 00 48 8b 47 08 48 8b 17 55 48 89 e5 53 <48> 89 42 08 48 89 10 48 b8 00 01 00 00 00 00 ad de 48 89 fb 48 89",
            "[   65.681541 <    0.000004>] RSP: 0018:ffffa5fa805efdd8 EFLAGS: 00010246",
            "[   65.681542 <    0.000001>] RAX: 0000000000000000 RBX: ffff9a4b094654d8 RCX: 0000000000000000",
            "[   65.681544 <    0.000002>] RDX: 0000000000000000 RSI: ffffffffba197bc2 RDI: ffff9a4b094654d8",
            "[   65.681545 <    0.000001>] RBP: ffffa5fa805efde0 R08: ffffffffba197b82 R09: 0000000000000040",
            "[   65.681547 <    0.000002>] R10: ffffa5fa805efdc8 R11: 000000000000007f R12: ffff9a4b09465888",
            "[   65.681549 <    0.000002>] R13: ffff9a4b36f20010 R14: ffff9a4b36f20290 R15: ffff9a4b3a692840",
            "[   65.681551 <    0.000002>] FS:  0000000000000000(0000) GS:ffff9a4b3ea00000(0000) knlGS:0000000000000000",
            "[   65.681553 <    0.000002>] CS:  0010 DS: 0000 ES: 0000 CR0: 0000000080050033",
            "[   65.681554 <    0.000001>] CR2: 0000000000000008 CR3: 00000007c9c82000 CR4: 00000000003506e0",
            "[   65.681556 <    0.000002>] Call Trace:",
            "[   65.681561 <    0.000005>]  drm_dp_mst_topology_mgr_destroy+0xc4/0xe0 [drm_kms_helper]",
            "[   65.681612 <    0.000051>]  amdgpu_dm_connector_destroy+0x3d/0x110 [amdgpu]",
            "[   65.681622 <    0.000010>]  drm_connector_free_work_fn+0x78/0x90 [drm]",
            "[   65.681624 <    0.000002>]  process_one_work+0x164/0x410",
            "[   65.681626 <    0.000002>]  worker_thread+0x4d/0x450",
            "[   65.681628 <    0.000002>]  ? rescuer_thread+0x390/0x390",
            "[   65.681630 <    0.000002>]  kthread+0x10a/0x140",
            "[   65.681632 <    0.000002>]  ? kthread_unpark+0x70/0x70",
            "[   65.681634 <    0.000002>]  ret_from_fork+0x22/0x30"]))

    # ============================== kernel: NFS servers not responding (net/sunrpc) ==============================
    case("kernel-fs", "nfs-soft-mount-server-timed-out-then-ok",
         "A Surface laptop's NFS mount of a server named thinkcentre: the soft mount's requests time out every four "
         "seconds for twenty seconds, a request of a hard mount is still waiting seven minutes later, and the "
         "server answers again two seconds after that. One outage of one server, one incident.",
         "https://github.com/linux-surface/linux-surface/issues/1494 ('Support for Surface Pro 2?', its dmesg lines verbatim)",
         must=[expect("nfs_server_unreachable", subject="thinkcentre", pattern="kernel_nfs_server_not_responding",
                      summary=["NFS server thinkcentre not responding"])])(
        dmesg_verbatim([
            "[32495.562824] nfs: server thinkcentre not responding, timed out",
            "[32499.786257] nfs: server thinkcentre not responding, timed out",
            "[32504.009466] nfs: server thinkcentre not responding, timed out",
            "[32508.232794] nfs: server thinkcentre not responding, timed out",
            "[32512.456102] nfs: server thinkcentre not responding, timed out",
            "[32516.679571] nfs: server thinkcentre not responding, timed out",
            "[32956.142249] nfs: server thinkcentre not responding, still trying",
            "[32958.266147] nfs: server thinkcentre OK"]))

    case("kernel-fs", "6.x-nfs-ganesha-server-not-responding-still-trying",
         "A client of an NFS-Ganesha server provisioned in Kubernetes (its kernel prints the 6.x ext4 mount line): "
         "the server stops answering and the hard mount's requests reach their major timeout at once.",
         "https://github.com/nfs-ganesha/nfs-ganesha/issues/1295 ('NFS-Ganesha services are not responding', 2025; "
         "its dmesg lines verbatim from the ext4 mount to the third 'still trying')",
         must=[expect("nfs_server_unreachable", subject="100.73.159.36", pattern="kernel_nfs_server_not_responding",
                      summary=["NFS server 100.73.159.36 not responding (still trying"])])(
        dmesg_verbatim([
            "[871546.806415] EXT4-fs (vdb): mounted filesystem 933e404a-e526-4c34-8194-89f4bb855681 r/w with ordered data mode. Quota mode: none.",
            "[1167001.963554] hrtimer: interrupt took 5692433 ns",
            "[1576939.453001] nfs: server 100.73.159.36 not responding, still trying",
            "[1576939.453004] nfs: server 100.73.159.36 not responding, still trying",
            "[1576939.453012] nfs: server 100.73.159.36 not responding, still trying"]))

    case("kernel-fs", "nfs-client-modules-loading-no-outage",
         "Look-alike: a GlusterFS/NFS-Ganesha host loads the NFS client modules and registers its RPC transports; "
         "NFS is named in every line but no server stopped answering.",
         "https://github.com/nfs-ganesha/nfs-ganesha/issues/656 ('nfs-ganesha (integration with glusterfs) happen "
         "many errors in dmesg', 2020; its first dmesg lines verbatim)",
         negative=True, must_not=[{"type": "nfs_server_unreachable"}])(
        dmesg_verbatim([
            "[84076.464619] FS-Cache: Loaded",
            "[84076.484994] RPC: Registered named UNIX socket transport module.",
            "[84076.484996] RPC: Registered udp transport module.",
            "[84076.484997] RPC: Registered tcp transport module.",
            "[84076.484998] RPC: Registered tcp NFSv4.1 backchannel transport module.",
            "[84076.506335] FS-Cache: Netfs 'nfs' registered for caching",
            "[84076.509608] Key type dns_resolver registered",
            "[84076.532267] NFS: Registering the id_resolver key type",
            "[84076.532273] Key type id_resolver registered",
            "[84076.532274] Key type id_legacy registered"]))
