"""More kernel cases of the real-world corpus (OOM killer, oops, lockups, storage, file systems of
other kernel versions). generate.py writes them with the others; every quoted line is verbatim from
the source its SOURCES entry names."""


def register_kernel_more(g):
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
