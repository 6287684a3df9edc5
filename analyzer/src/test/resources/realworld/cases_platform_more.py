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
