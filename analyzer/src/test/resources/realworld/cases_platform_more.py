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

    # ============================== restart loops seen late: the counter says it ==============================
    case("systemd", "25x-flatcar-serial-getty-counter-111008",
         "Flatcar stable 4593.2.5 starts a serial getty on VMware VMs without a serial port: agetty exits "
         "('/dev/ttyS0: not a tty') and systemd restarts it every 10 s. The paste holds two restarts only, "
         "but their counter (111008, 111009) says the loop is months old: one restart burst.",
         "https://github.com/flatcar/Flatcar/issues/2362 (journalctl -o short without host names, Flatcar "
         "stable 4593.2.5 and beta 4757.1.0, Aug 2026; the paste's closing '...' left out)",
         must=[expect("restart_burst", pattern="systemd_restart_burst", subject="serial-getty@ttyS0.service",
                      summary=["(restart counter 111009)"])],
         must_not=[{"type": "error_signature"}])(
        syslog("journal.txt", [
            "Aug 26 17:11:35 systemd[1]: serial-getty@ttyS0.service: Scheduled restart job, restart counter is at 111008.",
            "Aug 26 17:11:35 systemd[1]: Started serial-getty@ttyS0.service - Serial Getty on ttyS0.",
            "Aug 26 17:11:35 agetty[429427]: /dev/ttyS0: not a tty",
            "Aug 26 17:11:45 systemd[1]: serial-getty@ttyS0.service: Deactivated successfully.",
            "Aug 26 17:11:45 systemd[1]: serial-getty@ttyS0.service: Scheduled restart job, restart counter is at 111009."]))

    case("systemd", "23x-lxc-gettys-counter-32-each-once",
         "An LXC container's getty@lxc-ttyN units cannot open their ttys and are restarted with no hold-off: "
         "the pasted second shows each unit's restart once, at restart counter 32. Five loops (the sixth "
         "unit's counter line is cut in the paste), one restart burst each.",
         "https://github.com/lxc/lxc/issues/2638 (/var/log/syslog of the container, systemd with the "
         "'(RestartSec=0)' hold-off wording, Sep 2018; the paste's last line, cut mid-word, left out)",
         must=[expect("restart_burst", pattern="systemd_restart_burst", incidents=(5, 5),
                      summary=["(restart counter 32)"])])(
        syslog("syslog", [
            "Sep 22 14:13:45 example systemd[1]: getty@lxc-tty3.service: Service has no hold-off time (RestartSec=0), scheduling restart.",
            "Sep 22 14:13:45 example systemd[1]: getty@lxc-tty3.service: Scheduled restart job, restart counter is at 32.",
            "Sep 22 14:13:45 example systemd[1]: getty@lxc-tty2.service: Service has no hold-off time (RestartSec=0), scheduling restart.",
            "Sep 22 14:13:45 example systemd[1]: getty@lxc-tty2.service: Scheduled restart job, restart counter is at 32.",
            "Sep 22 14:13:45 example systemd[1]: getty@lxc-tty4.service: Service has no hold-off time (RestartSec=0), scheduling restart.",
            "Sep 22 14:13:45 example systemd[1]: getty@lxc-tty4.service: Scheduled restart job, restart counter is at 32.",
            "Sep 22 14:13:45 example systemd[1]: getty@lxc-tty5.service: Service has no hold-off time (RestartSec=0), scheduling restart.",
            "Sep 22 14:13:45 example systemd[1]: getty@lxc-tty5.service: Scheduled restart job, restart counter is at 32.",
            "Sep 22 14:13:45 example systemd[1]: getty@lxc-tty6.service: Service has no hold-off time (RestartSec=0), scheduling restart.",
            "Sep 22 14:13:45 example systemd[1]: getty@lxc-tty6.service: Scheduled restart job, restart counter is at 32.",
            "Sep 22 14:13:45 example systemd[1]: getty@lxc-tty1.service: Service has no hold-off time (RestartSec=0), scheduling restart."]))

    case("systemd", "negative-journald-rotates-at-boot-dmesg",
         "A boot's dmesg with systemd's and systemd-journald's own lines (written to the ring before "
         "journald runs): journald rotates its runtime journal twice ('suggesting rotation', 'Journal header "
         "limits reached or header out-of-date, rotating.'). Rotation that works loses no lines.",
         "https://github.com/systemd/systemd/issues/22007 (dmesg pasted in a comment of the issue about "
         "journald's rotation failures, eleven consecutive lines of it)",
         negative=True)(
        dmesg_verbatim([
            "[    3.511575] systemd[1]: Starting Setup machine-id...",
            "[    3.521256] systemd[1]: Finished Setup machine-id.",
            "[    3.521856] systemd[1]: Starting Journal Service...",
            "[    3.522111] systemd[1]: Starting Create Static Device Nodes in /dev...",
            "[    3.525607] systemd[1]: Finished Create Static Device Nodes in /dev.",
            "[    3.535860] systemd-journald[363]: Data hash table of /run/log/journal/98626b9930184724b0e20606f52cf421/system.journal has a fill level at 75.1 (1537 of 2047 items, 524288 file size, 341 bytes per hash table item), suggesting rotation.",
            "[    3.535863] systemd-journald[363]: /run/log/journal/98626b9930184724b0e20606f52cf421/system.journal: Journal header limits reached or header out-of-date, rotating.",
            "[    3.541635] systemd[1]: Started Journal Service.",
            "[    3.545456] systemd-journald[363]: Received client request to flush runtime journal.",
            "[    4.101292] systemd-journald[363]: Data hash table of /run/log/journal/98626b9930184724b0e20606f52cf421/system.journal has a fill level at 75.2 (1539 of 2047 items, 524288 file size, 340 bytes per hash table item), suggesting rotation.",
            "[    4.101295] systemd-journald[363]: /run/log/journal/98626b9930184724b0e20606f52cf421/system.journal: Journal header limits reached or header out-of-date, rotating."]))

    # ============================== kubelet in a container (RKE1) ==============================
    case("kubelet", "1.24-rke-docker-logs-kubelet-crash-loop",
         "Rancher v2.6.6 on RKE1, where the kubelet runs as a Docker container: `docker logs kubelet` shows the "
         "structured 'Error syncing pod, skipping' line of pod_workers.go:918 every 11-15 s for the rancher "
         "pod, 'back-off 5m0s restarting failed container=rancher', with scope.go's RemoveContainer between.",
         "https://github.com/rancher/rancher/issues/38458 (docker logs kubelet, Jul 2022; the comment's first "
         "five lines, the sixth cut mid-name left out)",
         must=[expect("restart_burst", pattern="kubelet_crash_loop", subject="rancher-5d9bc8bf5b-wmmcl/rancher",
                      summary=["back-off 5m0s"])])(
        text("kubelet.log", "/tmp/kubelet.log", [
            "E0728 20:19:13.088166   23883 pod_workers.go:918] \"Error syncing pod, skipping\" err=\"failed to \\\"StartContainer\\\" for \\\"rancher\\\" with CrashLoopBackOff: \\\"back-off 5m0s restarting failed container=rancher pod=rancher-5d9bc8bf5b-wmmcl_cattle-system(c9f9bdb3-a58c-4a8c-92ed-0b93ceb2052b)\\\"\" pod=\"cattle-system/rancher-5d9bc8bf5b-wmmcl\" podUID=c9f9bdb3-a58c-4a8c-92ed-0b93ceb2052b",
            "I0728 20:19:28.088008   23883 scope.go:110] \"RemoveContainer\" containerID=\"8cee2dc5b703f01c16c43912cda1b2fce24974127f4758208e8ea8a9595190c4\"",
            "E0728 20:19:28.088317   23883 pod_workers.go:918] \"Error syncing pod, skipping\" err=\"failed to \\\"StartContainer\\\" for \\\"rancher\\\" with CrashLoopBackOff: \\\"back-off 5m0s restarting failed container=rancher pod=rancher-5d9bc8bf5b-wmmcl_cattle-system(c9f9bdb3-a58c-4a8c-92ed-0b93ceb2052b)\\\"\" pod=\"cattle-system/rancher-5d9bc8bf5b-wmmcl\" podUID=c9f9bdb3-a58c-4a8c-92ed-0b93ceb2052b",
            "I0728 20:19:39.086879   23883 scope.go:110] \"RemoveContainer\" containerID=\"8cee2dc5b703f01c16c43912cda1b2fce24974127f4758208e8ea8a9595190c4\"",
            "E0728 20:19:39.087199   23883 pod_workers.go:918] \"Error syncing pod, skipping\" err=\"failed to \\\"StartContainer\\\" for \\\"rancher\\\" with CrashLoopBackOff: \\\"back-off 5m0s restarting failed container=rancher pod=rancher-5d9bc8bf5b-wmmcl_cattle-system(c9f9bdb3-a58c-4a8c-92ed-0b93ceb2052b)\\\"\" pod=\"cattle-system/rancher-5d9bc8bf5b-wmmcl\" podUID=c9f9bdb3-a58c-4a8c-92ed-0b93ceb2052b"]))

    # ============================== kubectl describe's events ==============================
    case("kubelet", "1.6-kubectl-describe-events-failed-sync",
         "The Events table of `kubectl describe pod` on OpenShift 3.6 (Kubernetes 1.6): the registry pod's "
         "container crash-loops, 'Warning FailedSync … CrashLoopBackOff: \"Back-off 10s restarting failed "
         "container=registry pod=docker-registry-1-df7qm_default(…)\"' beside the BackOff event that names no "
         "container. One crash loop, named by the FailedSync line.",
         "https://github.com/kubernetes/kubernetes/issues/47715 (kubectl describe output in the issue's first "
         "comment, Jun 2017; the table's last row, cut mid-word, left out)",
         must=[expect("restart_burst", pattern="kubelet_crash_loop", subject="docker-registry-1-df7qm/registry",
                      summary=["back-off 10s"])])(
        text("describe.txt", "/tmp/describe.txt", [
            "Events:",
            "  Type     Reason          Last                 From                            Message",
            "  ----     ------          ----                 ----                            -------",
            "  Normal   Created         1h                   kubelet, localhost.localdomain  Created container with id fbf1fac195856f3a321b8590747e2023a6da7c2077be1a48850a8357ed178371",
            "  Normal   Started         1h                   kubelet, localhost.localdomain  Started container with id fbf1fac195856f3a321b8590747e2023a6da7c2077be1a48850a8357ed178371",
            "  Normal   SandboxChanged  1h (x2 starting 1h)  kubelet, localhost.localdomain  Pod sandbox changed, it will be killed and re-created.",
            "  Warning  BackOff         1h (x3 from 1h)  kubelet, localhost.localdomain  Back-off restarting failed container",
            "  Warning  FailedSync      1h (x3 from 1h)  kubelet, localhost.localdomain  Error syncing pod, skipping: failed to \"StartContainer\" for \"registry\" with CrashLoopBackOff: \"Back-off 10s restarting failed container=registry pod=docker-registry-1-df7qm_default(68ee35ca-548e-11e7-8b4d-080027893417)\"",
            "  Normal   Pulled          1h (x3 from 2h)  kubelet, localhost.localdomain  Container image \"openshift/origin-docker-registry:v3.6.0-alpha.2\" already present on machine"]))

    case("systemd", "firewalla-frpc-one-restart-at-counter-70",
         "Firewalla's frpc.support.service retries forever after a change that removed its start limit: the "
         "pasted restart is one exit ('status=1/FAILURE', \"Failed with result 'exit-code'\") and its restart "
         "job, at restart counter 70. One restart seen, a loop 70 restarts long: one restart burst.",
         "https://github.com/firewalla/firewalla/pull/3212 (the test result in the pull request, /var/log/syslog "
         "of a Firewalla box, Feb 2021; the '...' lines around the excerpt left out)",
         must=[expect("restart_burst", pattern="systemd_restart_burst", subject="frpc.support.service",
                      summary=["(restart counter 70)"])])(
        syslog("syslog", [
            "Feb 22 10:28:49 Firewalla systemd[1]: frpc.support.service: Main process exited, code=exited, status=1/FAILURE",
            "Feb 22 10:28:49 Firewalla systemd[1]: frpc.support.service: Failed with result 'exit-code'.",
            "Feb 22 10:28:49 Firewalla systemd[1]: frpc.support.service: Scheduled restart job, restart counter is at 70."]))

    # ============================== kubectl get events before 1.27 ==============================
    case("kubelet", "pre-1.27-kubectl-get-events-backoff-object-column",
         "`kubectl get event --watch` on a kind cluster: the hello-world container exits at "
         "once and kubelet backs off restarting it. The BackOff row's message names no container or pod "
         "(before 1.27); its OBJECT column, pod/helloworld-656898b9bb-98vrv, names the loop.",
         "https://github.com/docker-library/hello-world/issues/87 (kubectl get event --watch, Mar 2021; the page "
         "ran the table's rows into one line with single spaces: the rows are split again at each age, the "
         "last row, cut mid-name, left out)",
         must=[expect("restart_burst", pattern="kubelet_crash_loop", subject="helloworld-656898b9bb-98vrv",
                      summary=["pod helloworld-656898b9bb-98vrv is crash-looping"])])(
        text("events.txt", "/tmp/events.txt", [
            "LAST SEEN TYPE REASON OBJECT MESSAGE",
            "24s Normal Scheduled pod/helloworld-656898b9bb-98vrv Successfully assigned default/helloworld-656898b9bb-98vrv to kind-lab-worker",
            "23s Normal Pulling pod/helloworld-656898b9bb-98vrv Pulling image \"hello-world:linux\"",
            "16s Normal Pulled pod/helloworld-656898b9bb-98vrv Successfully pulled image \"hello-world:linux\" in 7.371731633s",
            "1s Normal Created pod/helloworld-656898b9bb-98vrv Created container hello-world",
            "0s Normal Started pod/helloworld-656898b9bb-98vrv Started container hello-world",
            "1s Normal Pulled pod/helloworld-656898b9bb-98vrv Container image \"hello-world:linux\" already present on machine",
            "13s Warning BackOff pod/helloworld-656898b9bb-98vrv Back-off restarting failed container",
            "24s Normal Scheduled pod/helloworld-656898b9bb-sg6fs Successfully assigned default/helloworld-656898b9bb-sg6fs to kind-lab-worker"]))
