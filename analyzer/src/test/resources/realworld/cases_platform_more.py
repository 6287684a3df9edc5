"""More platform cases of the real-world corpus: kubelet, containerd, nested systemd managers and
kernel lines in syslog/journal text. generate.py writes them with the others; every quoted line is
verbatim from the source its SOURCES entry names."""


def register_platform_more(g):
    case, expect = g["case"], g["expect"]
    dmesg_verbatim, syslog, text = g["dmesg_verbatim"], g["syslog"], g["text"]

    # ============================== nested systemd managers in a console log ==============================
    # journald's ForwardToConsole writes a program's line to the console as "ident[pid]: message"; Bottlerocket's
    # admin container runs its own systemd, whose lines carry the host unit that runs it.
    getty_loop = []
    for i in range(6):
        at = 135.289329 + i * 0.0016
        getty_loop.append("[%12.6f] host-containers@admin[1168]: serial-getty@ttyS0.service has no holdoff time, "
                          "scheduling restart." % at)
        getty_loop.append("[%12.6f] host-containers@admin[1168]: Stop job pending for unit, delaying automatic restart."
                          % (at + 0.000813))
    case("systemd", "bottlerocket-admin-container-getty-loop-on-console",
         "Bottlerocket's admin container runs its own systemd: at shutdown its serial-getty@ttyS0.service is "
         "restarted again and again ('has no holdoff time, scheduling restart.' then 'Stop job pending for unit, "
         "delaying automatic restart.'), which spams the console and delays the reboot. The lines reach the "
         "console under the host unit's name, host-containers@admin[1168].",
         "https://github.com/bottlerocket-os/bottlerocket-admin-container/issues/98 (console of an aws-dev "
         "Bottlerocket host, admin container v0.11.7, May 2024; the issue quotes the pair once and says it "
         "'spammed the console': the five further pairs and their stamps, 1.6 ms apart, are made here from "
         "the same two lines)",
         must=[expect("restart_burst", pattern="systemd_restart_burst", subject="serial-getty@ttyS0.service",
                      count=(5, 6), summary=["serial-getty@ttyS0.service restarted"])],
         must_not=[{"type": "error_signature"}])(
        dmesg_verbatim(getty_loop))

    # ============================== journald cannot write its journal ==============================
    case("systemd", "242-journald-read-only-root-floods-dmesg",
         "The root filesystem went read-only: systemd-journald 242 loops on 'Failed to rotate …: Read-only "
         "file system' and 'Failed to write entry … despite vacuuming, ignoring', writing each to the kernel's "
         "ring a few microseconds apart; the flood pushed the kernel's own report out. One incident: the "
         "journal is lost, not one per line or per journal file.",
         "https://github.com/systemd/systemd/issues/14591 (dmesg of an Ubuntu 19.10 host, systemd 242, "
         "Jan 2020; the issue's first six lines, the seventh cut mid-stamp left out)",
         must=[expect("log_truncation", pattern="journald_cannot_write", subject="systemd-journald", count=(4, 4),
                      summary=["Read-only file system"])],
         must_not=[{"type": "error_signature"}])(
        dmesg_verbatim([
            "[1758248.955796] systemd-journald[743]: Failed to rotate /var/log/journal/4682ff87681c483b92e83a97ee93503f/system.journal: Read-only file system",
            "[1758248.955811] systemd-journald[743]: Failed to rotate /var/log/journal/4682ff87681c483b92e83a97ee93503f/user-1000.journal: Read-only file system",
            "[1758248.957821] systemd-journald[743]: Failed to write entry (27 items, 730 bytes) despite vacuuming, ignoring: Argument list too long",
            "[1758248.957872] systemd-journald[743]: Failed to rotate /var/log/journal/4682ff87681c483b92e83a97ee93503f/system.journal: Read-only file system",
            "[1758248.957880] systemd-journald[743]: Failed to rotate /var/log/journal/4682ff87681c483b92e83a97ee93503f/user-1000.journal: Read-only file system",
            "[1758248.959880] systemd-journald[743]: Failed to write entry (23 items, 794 bytes) despite vacuuming, ignoring: Argument list too long"]))
