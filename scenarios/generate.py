#!/usr/bin/env python3
"""Writes Vigil's scenario inputs: journal exports, kernel logs and application logs.

Every scenario directory gets the files a real host would have produced for one of the
post-mortems in the seeds (or for a negative control), in the exact formats of the tools:

  journal.json   `journalctl -o json` (systemd 252): one JSON object per line, all values strings
  kmsg.txt       /dev/kmsg records: `pri,seq,ts_usec,flags;message` plus ` KEY=value` lines
  dmesg.txt      `dmesg` output: `[ seconds.micros] message`
  *.log          the application's own log file, byte for byte

The output is deterministic: fixed seeds, fixed start times, no clock reads. Run it from
anywhere; by default it rewrites the scenario directories next to this script.

  python3 scenarios/generate.py                         # rewrite scenarios/*/
  python3 scenarios/generate.py --full-crash-loop DIR   # also the 14,552-restart bench input
  python3 scenarios/generate.py --full-crash-loop DIR --fleet 7
                                                        # the same on 7 hosts, one merged journal (~1.1 GB)
"""

import argparse
import datetime as dt
import hashlib
import heapq
import json
import os
import random
import sys

UTC = dt.timezone.utc
USEC = 1_000_000

# systemd catalog message ids (src/systemd/sd-messages.h)
MID_UNIT_STARTING = "7d4958e842da4a758f6c1cdc7b36dcc5"
MID_UNIT_STARTED = "39f53479d3a045ac8e11786248231fbf"
MID_UNIT_STOPPING = "de5b426a63be47a7b6ac3eaac82e2f6f"
MID_UNIT_STOPPED = "9d1aaa27d60140bd96365438aad20286"
MID_UNIT_FAILED = "be02cf6855d2428ba40df7e9d022f03d"
MID_UNIT_PROCESS_EXIT = "98e322203f7a4ed290d09fe03c09fe15"
MID_UNIT_FAILURE_RESULT = "d9b373ed55a64feb8242e02dbe79a49c"
MID_UNIT_SUCCESS = "7ad2d189f7e94e70a38c781354912448"
MID_UNIT_RESTART_SCHEDULED = "5eb03494b6584870a536b337290809b3"
MID_UNIT_RESOURCES = "ae8f7b866b0347b9af31fe1c80b127c0"
MID_UNIT_OUT_OF_MEMORY = "fe6faa94e7774663a0da52717891d8ef"
MID_SESSION_START = "8d45620c1a4348dbb17410da57c60c66"
MID_SESSION_STOP = "3354939424b4456d9802ca8333ed424a"

SYSTEMD_PROC = {
    "_PID": "1", "_UID": "0", "_GID": "0", "_COMM": "systemd",
    "_EXE": "/usr/lib/systemd/systemd", "_CMDLINE": "/sbin/init",
    "_CAP_EFFECTIVE": "1ffffffffff", "_SYSTEMD_CGROUP": "/init.scope",
    "_SYSTEMD_UNIT": "init.scope", "_SYSTEMD_SLICE": "-.slice",
}


def ts(year, month, day, hour=0, minute=0, second=0, usec=0):
    """Microseconds since the epoch of a UTC wall-clock time."""
    d = dt.datetime(year, month, day, hour, minute, second, usec, tzinfo=UTC)
    return int(d.timestamp()) * USEC + usec


def iso(rt):
    return dt.datetime.fromtimestamp(rt / USEC, UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def wall(rt):
    return dt.datetime.fromtimestamp(rt / USEC, UTC)


def hexid(rng):
    return "%032x" % rng.getrandbits(128)


class Host:
    """One boot of one machine: its journal and its kernel ring buffer."""

    def __init__(self, rng, hostname, boot_rt, first_seqnum, first_kseq, kernel_release):
        self.rng = rng
        self.hostname = hostname
        self.machine_id = hexid(rng)
        self.boot_id = hexid(rng)
        self.seqnum_id = hexid(rng)
        self.boot_rt = boot_rt
        self.first_seqnum = first_seqnum
        self.first_kseq = first_kseq
        self.kernel_release = kernel_release
        self.entries = []   # (realtime, insertion order, [(key, value)])
        self.kmsg = []      # (ts_usec, insertion order, level, facility, message, props)
        self.invocations = {}

    # ---- journal entries -------------------------------------------------------------------

    def add(self, rt, fields):
        self.entries.append((rt, len(self.entries), list(fields)))

    def systemd(self, rt, unit, message, priority, code, extra=(), message_id=None):
        """A message of the service manager about `unit` (it comes from init.scope, PID 1)."""
        code_file, code_line, code_func = code
        f = [("PRIORITY", str(priority)), ("SYSLOG_FACILITY", "3"),
             ("CODE_FILE", code_file), ("CODE_LINE", str(code_line)), ("CODE_FUNC", code_func),
             ("SYSLOG_IDENTIFIER", "systemd")]
        if message_id:
            f.append(("MESSAGE_ID", message_id))
        f.append(("TID", "1"))
        f += list(extra)
        if unit:
            f.append(("UNIT", unit))
            inv = self.invocations.get(unit)
            if inv:
                f.append(("INVOCATION_ID", inv))
        f.append(("MESSAGE", message))
        f += list(SYSTEMD_PROC.items())
        f += self._trusted_tail("journal")
        f.append(("_SOURCE_REALTIME_TIMESTAMP", str(rt - self.rng.randint(40, 400))))
        self.add(rt, f)

    def stdout(self, rt, proc, message, priority=6):
        """A line a service wrote to stdout/stderr (journald's stream transport)."""
        f = [("_TRANSPORT", "stdout"), ("PRIORITY", str(priority)), ("SYSLOG_FACILITY", "3"),
             ("SYSLOG_IDENTIFIER", proc["ident"]), ("MESSAGE", message), ("_STREAM_ID", proc["stream"]),
             ("_PID", str(proc["pid"])), ("_UID", proc.get("uid", "0")), ("_GID", proc.get("gid", "0"))]
        if not proc.get("no_proc_meta"):
            f += [("_COMM", proc["comm"]), ("_EXE", proc["exe"]), ("_CMDLINE", proc["cmdline"])]
        f += [("_CAP_EFFECTIVE", proc.get("cap", "1ffffffffff")),
              ("_SYSTEMD_CGROUP", "/system.slice/" + proc["unit"]), ("_SYSTEMD_UNIT", proc["unit"]),
              ("_SYSTEMD_SLICE", "system.slice"), ("_SYSTEMD_INVOCATION_ID", proc["invocation"])]
        f += self._trusted_tail(None)
        self.add(rt, f)

    def syslog(self, rt, ident, pid, message, priority, facility, comm, exe, cmdline, unit,
               uid="0", cgroup=None, slice_="system.slice"):
        """A syslog(3) message (journald's syslog transport)."""
        stamp = wall(rt).strftime("%b %e %H:%M:%S ")
        f = [("_TRANSPORT", "syslog"), ("PRIORITY", str(priority)), ("SYSLOG_FACILITY", str(facility)),
             ("SYSLOG_IDENTIFIER", ident), ("SYSLOG_PID", str(pid)), ("SYSLOG_TIMESTAMP", stamp),
             ("MESSAGE", message), ("_PID", str(pid)), ("_UID", uid), ("_GID", uid), ("_COMM", comm),
             ("_EXE", exe), ("_CMDLINE", cmdline), ("_CAP_EFFECTIVE", "1ffffffffff" if uid == "0" else "0"),
             ("_SYSTEMD_CGROUP", cgroup or "/system.slice/" + unit), ("_SYSTEMD_UNIT", unit),
             ("_SYSTEMD_SLICE", slice_), ("_SYSTEMD_INVOCATION_ID", self.invocation_of(unit))]
        f += self._trusted_tail(None)
        self.add(rt, f)

    def native(self, rt, ident, pid, message, priority, comm, exe, cmdline, unit, code=None,
               extra=(), message_id=None, uid="0", facility="3"):
        """A message sent with sd_journal_send() (journald's native transport)."""
        f = [("_TRANSPORT", "journal"), ("PRIORITY", str(priority)), ("SYSLOG_FACILITY", facility),
             ("SYSLOG_IDENTIFIER", ident)]
        if code:
            f += [("CODE_FILE", code[0]), ("CODE_LINE", str(code[1])), ("CODE_FUNC", code[2])]
        if message_id:
            f.append(("MESSAGE_ID", message_id))
        f += list(extra)
        f += [("MESSAGE", message), ("_PID", str(pid)), ("_UID", uid), ("_GID", uid), ("_COMM", comm),
              ("_EXE", exe), ("_CMDLINE", cmdline), ("_CAP_EFFECTIVE", "0" if uid != "0" else "1ffffffffff"),
              ("_SYSTEMD_CGROUP", "/system.slice/" + unit), ("_SYSTEMD_UNIT", unit),
              ("_SYSTEMD_SLICE", "system.slice"), ("_SYSTEMD_INVOCATION_ID", self.invocation_of(unit)),
              ("_SOURCE_REALTIME_TIMESTAMP", str(rt - self.rng.randint(30, 300)))]
        f += self._trusted_tail(None)
        self.add(rt, f)

    def kernel(self, rt, level, message, subsystem=None, device=None, sysname=None, facility=0):
        """A kernel record: in the ring buffer (kmsg) and, as journald reads it, in the journal."""
        mono = rt - self.boot_rt
        self.kmsg.append((mono, len(self.kmsg), level, facility, message,
                          [p for p in (("SUBSYSTEM", subsystem), ("DEVICE", device)) if p[1]]))
        f = [("_SOURCE_MONOTONIC_TIMESTAMP", str(mono)), ("_TRANSPORT", "kernel"),
             ("PRIORITY", str(level)), ("SYSLOG_FACILITY", str(facility)), ("SYSLOG_IDENTIFIER", "kernel")]
        if device:
            f += [("_KERNEL_DEVICE", device), ("_KERNEL_SUBSYSTEM", subsystem)]
            if sysname:
                f.append(("_UDEV_SYSNAME", sysname))
        f.append(("MESSAGE", message))
        f += self._trusted_tail(None)
        # journald reads /dev/kmsg a little after the kernel wrote the record
        self.add(rt + self.rng.randint(20, 900), f)

    def _trusted_tail(self, transport):
        tail = [("_BOOT_ID", self.boot_id), ("_MACHINE_ID", self.machine_id), ("_HOSTNAME", self.hostname)]
        if transport:
            tail.append(("_TRANSPORT", transport))
        return tail

    def new_invocation(self, unit):
        self.invocations[unit] = hexid(self.rng)
        return self.invocations[unit]

    def invocation_of(self, unit):
        return self.invocations.get(unit) or self.new_invocation(unit)

    # ---- writers ---------------------------------------------------------------------------

    def write_journal(self, path):
        lines = []
        seqnum = self.first_seqnum
        for rt, _, fields in sorted(self.entries, key=lambda e: (e[0], e[1])):
            mono = rt - self.boot_rt
            digest = hashlib.sha256(repr(fields).encode()).hexdigest()[:16]
            cursor = "s=%s;i=%x;b=%s;m=%x;t=%x;x=%s" % (self.seqnum_id, seqnum, self.boot_id, mono, rt, digest)
            obj = {"__CURSOR": cursor, "__REALTIME_TIMESTAMP": str(rt),
                   "__MONOTONIC_TIMESTAMP": str(mono), "_BOOT_ID": self.boot_id}
            for k, v in fields:
                if k != "_BOOT_ID":
                    obj[k] = v
            lines.append(json.dumps(obj, ensure_ascii=False, separators=(",", ":")))
            seqnum += 1
        write_text(path, "\n".join(lines) + "\n")

    def sorted_kmsg(self):
        return sorted(self.kmsg, key=lambda r: (r[0], r[1]))

    def write_kmsg(self, path):
        out = []
        for i, (mono, _, level, facility, message, props) in enumerate(self.sorted_kmsg()):
            out.append("%d,%d,%d,-;%s\n" % ((facility << 3) | level, self.first_kseq + i, mono,
                                              kmsg_escape(message)))
            out += [" %s=%s\n" % p for p in props]
        write_text(path, "".join(out))

    def write_dmesg(self, path):
        out = []
        for mono, _, _, _, message, _ in self.sorted_kmsg():
            prefix = "[%5d.%06d] " % (mono // USEC, mono % USEC)
            first, *rest = message.split("\n")
            out.append(prefix + first + "\n")
            out += [" " * len(prefix) + line + "\n" for line in rest]
        write_text(path, "".join(out))


def kmsg_escape(message):
    """/dev/kmsg escapes bytes below 0x20, from 0x7f up, and backslash as \\xNN (kernel/printk/printk.c)."""
    out = []
    for c in message.encode("utf-8"):
        if c < 0x20 or c >= 0x7f or c == 0x5c:
            out.append("\\x%02x" % c)
        else:
            out.append(chr(c))
    return "".join(out)


def format_timespan(usec):
    """systemd's format_timespan() at millisecond accuracy: '2h 13min 41.117s', '1.840s'."""
    parts = []
    hours, rest = divmod(usec, 3600 * USEC)
    minutes, rest = divmod(rest, 60 * USEC)
    if hours:
        parts.append("%dh" % hours)
    if minutes:
        parts.append("%dmin" % minutes)
    if rest:
        parts.append(("%d.%03d" % (rest // USEC, rest % USEC // 1000)).rstrip("0").rstrip(".") + "s")
    return " ".join(parts) or "0"


def write_text(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def write_expected(path, expected):
    write_text(path, json.dumps(expected, indent=2, ensure_ascii=False) + "\n")


# ---- systemd unit life cycle (messages as systemd 252 logs them) ---------------------------

CODE_JOB_DONE = ("src/core/job.c", 768, "job_emit_done_message")
CODE_STATUS_LOG = ("src/core/unit.c", 5553, "unit_status_log_starting_stopping_reloading")
CODE_PROCESS_EXIT = ("src/core/unit.c", 5813, "unit_log_process_exit")
CODE_FAILURE = ("src/core/unit.c", 5780, "unit_log_failure")
CODE_SUCCESS = ("src/core/unit.c", 5767, "unit_log_success")
CODE_RESOURCES = ("src/core/unit.c", 2404, "unit_log_resources")
CODE_RESTART = ("src/core/service.c", 2437, "service_enter_restart")
CODE_OOM = ("src/core/unit.c", 3060, "unit_check_oom")


class Units:
    """Emits systemd's own messages about units, with job ids and invocation ids that add up."""

    def __init__(self, host, first_job_id):
        self.h = host
        self.job_id = first_job_id

    def next_job(self):
        self.job_id += 1
        return str(self.job_id)

    def starting(self, rt, unit, desc, job):
        self.h.systemd(rt, unit, "Starting %s - %s..." % (unit, desc), 6, CODE_STATUS_LOG,
                       [("JOB_ID", job), ("JOB_TYPE", "start")], MID_UNIT_STARTING)

    def started(self, rt, unit, desc, job, verb="Started"):
        self.h.new_invocation(unit)
        self.h.systemd(rt, unit, "%s %s - %s." % (verb, unit, desc), 6, CODE_JOB_DONE,
                       [("JOB_ID", job), ("JOB_TYPE", "start"), ("JOB_RESULT", "done")], MID_UNIT_STARTED)

    def stopping(self, rt, unit, desc, job, job_type="stop"):
        self.h.systemd(rt, unit, "Stopping %s - %s..." % (unit, desc), 6, CODE_STATUS_LOG,
                       [("JOB_ID", job), ("JOB_TYPE", job_type)], MID_UNIT_STOPPING)

    def stopped(self, rt, unit, desc, job, job_type="stop"):
        self.h.systemd(rt, unit, "Stopped %s - %s." % (unit, desc), 6, CODE_JOB_DONE,
                       [("JOB_ID", job), ("JOB_TYPE", job_type), ("JOB_RESULT", "done")], MID_UNIT_STOPPED)

    def exited(self, rt, unit, status, code="exited"):
        text = {0: "0/SUCCESS", 1: "1/FAILURE", 2: "2/INVALIDARGUMENT", 9: "9/KILL", 15: "15/TERM"}[status]
        self.h.systemd(rt, unit, "%s: Main process exited, code=%s, status=%s" % (unit, code, text),
                       5 if code == "exited" else 4, CODE_PROCESS_EXIT,
                       [("EXIT_CODE", code), ("EXIT_STATUS", str(status)), ("COMMAND", "ExecStart")],
                       MID_UNIT_PROCESS_EXIT)

    def failed_result(self, rt, unit, result):
        self.h.systemd(rt, unit, "%s: Failed with result '%s'." % (unit, result), 4, CODE_FAILURE,
                       [("UNIT_RESULT", result)], MID_UNIT_FAILURE_RESULT)

    def deactivated(self, rt, unit):
        self.h.systemd(rt, unit, "%s: Deactivated successfully." % unit, 6, CODE_SUCCESS, [], MID_UNIT_SUCCESS)

    def consumed(self, rt, unit, cpu_usec):
        text = format_timespan(cpu_usec)
        self.h.systemd(rt, unit, "%s: Consumed %s CPU time." % (unit, text), 6, CODE_RESOURCES,
                       [("CPU_USAGE_NSEC", str(cpu_usec * 1000))], MID_UNIT_RESOURCES)

    def restart_scheduled(self, rt, unit, n):
        self.h.systemd(rt, unit, "%s: Scheduled restart job, restart counter is at %d." % (unit, n), 6,
                       CODE_RESTART, [("N_RESTARTS", str(n))], MID_UNIT_RESTART_SCHEDULED)

    def oom_noticed(self, rt, unit):
        self.h.systemd(rt, unit, "%s: A process of this unit has been killed by the OOM killer." % unit, 5,
                       CODE_OOM, [], MID_UNIT_OUT_OF_MEMORY)

    def oneshot_run(self, rt, unit, desc, duration, cpu_usec, lines=()):
        """A timer-driven Type=oneshot service: Starting, its output, Deactivated, Finished."""
        rt += self.h.rng.randint(0, 999_999)
        job = self.next_job()
        self.starting(rt, unit, desc, job)
        self.h.new_invocation(unit)
        for offset, proc, text in lines:
            self.h.stdout(rt + offset, proc, text)
        end = rt + duration
        self.deactivated(end, unit)
        self.started(end + 30, unit, desc, job, verb="Finished")
        if cpu_usec >= USEC:
            self.consumed(end + 60, unit, cpu_usec)
        return end

    def admin_restart(self, rt, unit, desc, cpu_usec=0):
        """`systemctl restart UNIT`: Stopping, Deactivated, Stopped, Consumed, Starting/Started."""
        rt += self.h.rng.randint(0, 999_999)
        job = self.next_job()
        self.stopping(rt, unit, desc, job, "restart")
        t = rt + self.h.rng.randint(80_000, 400_000)
        self.deactivated(t, unit)
        self.stopped(t + 150, unit, desc, job, "restart")
        if cpu_usec >= USEC:
            self.consumed(t + 300, unit, cpu_usec)
        self.starting(t + 4_000, unit, desc, job)
        self.started(t + 9_000 + self.h.rng.randint(0, 40_000), unit, desc, job)
        return t + 9_000


# ---- background noise every host has ----------------------------------------------------------

class Noise:
    """cron, sshd scanners, systemd-timesyncd, logind sessions: what a quiet host says anyway."""

    def __init__(self, host, units, rng, first_pid):
        self.h = host
        self.u = units
        self.rng = rng
        self.pid = first_pid
        self.session = 400 + rng.randint(0, 300)

    def next_pid(self, step=7):
        self.pid += self.rng.randint(1, step)
        return self.pid

    def cron_job(self, rt, user, uid, command):
        pid = self.next_pid()
        cron = dict(comm="cron", exe="/usr/sbin/cron", cmdline="/usr/sbin/CRON -f -P", unit="cron.service")
        self.h.syslog(rt, "CRON", pid, "pam_unix(cron:session): session opened for user %s(uid=%s) by (uid=0)"
                      % (user, uid), 6, 10, **cron)
        self.h.syslog(rt + 900, "CRON", pid + 1, "(%s) CMD (%s)" % (user, command), 6, 9, **cron)
        self.h.syslog(rt + self.rng.randint(40_000, 900_000), "CRON", pid,
                      "pam_unix(cron:session): session closed for user %s" % user, 6, 10, **cron)

    def hourly(self, start, end, commands=()):
        t = start - start % (3600 * USEC) + 17 * 60 * USEC
        while t < end:
            if t >= start:
                self.cron_job(t + self.rng.randint(0, 900_000), "root", "0",
                              "cd / && run-parts --report /etc/cron.hourly")
            t += 3600 * USEC
        for minute_step, user, uid, command in commands:
            t = start - start % (minute_step * 60 * USEC) + minute_step * 60 * USEC
            while t < end:
                self.cron_job(t + self.rng.randint(0, 600_000), user, uid, command)
                t += minute_step * 60 * USEC

    def ssh_scanners(self, start, end, mean_gap_s):
        users = ["admin", "test", "ubuntu", "oracle", "postgres", "git", "user", "deploy", "ftpuser", "guest"]
        t = start + self.rng.randint(0, mean_gap_s) * USEC
        while t < end:
            ip = "%d.%d.%d.%d" % (self.rng.choice([45, 61, 80, 103, 118, 141, 159, 183, 194, 218]),
                                  self.rng.randint(1, 254), self.rng.randint(1, 254), self.rng.randint(1, 254))
            port = self.rng.randint(32768, 60999)
            pid = self.next_pid(40)
            sshd = dict(comm="sshd", exe="/usr/sbin/sshd", cmdline="sshd: unknown [priv]",
                        unit="ssh.service", facility=4)
            if self.rng.random() < 0.6:
                user = self.rng.choice(users)
                self.h.syslog(t, "sshd", pid, "Invalid user %s from %s port %d" % (user, ip, port), 6, **sshd)
                self.h.syslog(t + 1_200_000, "sshd", pid,
                              "Received disconnect from %s port %d:11: Bye Bye [preauth]" % (ip, port), 6, **sshd)
                self.h.syslog(t + 1_200_400, "sshd", pid,
                              "Disconnected from invalid user %s %s port %d [preauth]" % (user, ip, port), 6, **sshd)
            else:
                self.h.syslog(t + 2_500_000, "sshd", pid,
                              "Connection closed by authenticating user root %s port %d [preauth]" % (ip, port),
                              6, **sshd)
            t += int(self.rng.expovariate(1.0 / mean_gap_s) * USEC) + USEC

    def timesyncd(self, start, end, server="0.debian.pool.ntp.org", ip="162.159.200.1"):
        t = start + self.rng.randint(60, 1800) * USEC
        while t < end:
            self.h.native(t, "systemd-timesyncd", 489,
                          "Contacted time server %s:123 (%s)." % (ip, server), 6, "systemd-timesyn",
                          "/usr/lib/systemd/systemd-timesyncd", "/lib/systemd/systemd-timesyncd",
                          "systemd-timesyncd.service", ("src/timesync/timesyncd-manager.c", 508,
                                                        "manager_receive_response"),
                          uid="997")
            t += self.rng.randint(4 * 3600, 9 * 3600) * USEC

    def ssh_login(self, rt, user, uid, ip, port):
        """An interactive login: sshd, logind, and the session scope systemd starts."""
        rt += self.rng.randint(0, 999_999)
        pid = self.next_pid(30)
        self.session += 1
        sshd = dict(comm="sshd", exe="/usr/sbin/sshd", cmdline="sshd: %s [priv]" % user,
                    unit="ssh.service", facility=4)
        self.h.syslog(rt, "sshd", pid, "Accepted publickey for %s from %s port %d ssh2: ED25519 SHA256:"
                      "q3Yf0dJrV8kq7mL2wzN5tHc1bXeGp4sUoA9iRfK6yTs" % (user, ip, port), 6, **sshd)
        self.h.syslog(rt + 9_000, "sshd", pid, "pam_unix(sshd:session): session opened for user %s(uid=%s) "
                      "by (uid=0)" % (user, uid), 6, 10, "sshd", "/usr/sbin/sshd", "sshd: %s [priv]" % user,
                      "ssh.service")
        self.h.native(rt + 14_000, "systemd-logind", 512, "New session %d of user %s." % (self.session, user), 6,
                      "systemd-logind", "/usr/lib/systemd/systemd-logind", "/lib/systemd/systemd-logind",
                      "systemd-logind.service", ("src/login/logind-session.c", 830, "session_start"),
                      [("SESSION_ID", str(self.session)), ("USER_ID", user), ("LEADER", str(pid))],
                      MID_SESSION_START)
        scope = "session-%d.scope" % self.session
        self.u.started(rt + 21_000, scope, "Session %d of User %s" % (self.session, user), self.u.next_job())
        return scope

    def ssh_logout(self, rt, user, scope):
        rt += self.rng.randint(0, 999_999)
        n = scope[len("session-"):-len(".scope")]
        self.h.native(rt, "systemd-logind", 512, "Session %s logged out. Waiting for processes to exit." % n, 6,
                      "systemd-logind", "/usr/lib/systemd/systemd-logind", "/lib/systemd/systemd-logind",
                      "systemd-logind.service", ("src/login/logind-session.c", 882, "session_stop"),
                      [("SESSION_ID", n), ("USER_ID", user)])
        self.u.deactivated(rt + 3_000, scope)
        self.h.native(rt + 5_000, "systemd-logind", 512, "Removed session %s." % n, 6,
                      "systemd-logind", "/usr/lib/systemd/systemd-logind", "/lib/systemd/systemd-logind",
                      "systemd-logind.service", ("src/login/logind-session.c", 887, "session_finalize"),
                      [("SESSION_ID", n), ("USER_ID", user)], MID_SESSION_STOP)

    def ufw_blocks(self, start, end, mean_gap_s, iface="eth0", mac="52:54:00:3a:91:0e", dst="72.60.175.144"):
        t = start + self.rng.randint(0, mean_gap_s) * USEC
        while t < end:
            src = "%d.%d.%d.%d" % (self.rng.randint(1, 223), self.rng.randint(0, 255),
                                   self.rng.randint(0, 255), self.rng.randint(1, 254))
            dpt = self.rng.choice([23, 445, 3389, 5900, 6379, 8080, 8443, 8728, 9200, 27017])
            self.h.kernel(t, 4, "[UFW BLOCK] IN=%s OUT= MAC=%s:fe:00:00:00:01:01:08:00 SRC=%s DST=%s LEN=44 "
                          "TOS=0x00 PREC=0x00 TTL=%d ID=%d PROTO=TCP SPT=%d DPT=%d WINDOW=1024 RES=0x00 SYN URGP=0 "
                          % (iface, mac, src, dst, self.rng.randint(40, 250), self.rng.randint(1, 65535),
                             self.rng.randint(1024, 65535), dpt))
            t += int(self.rng.expovariate(1.0 / mean_gap_s) * USEC) + USEC


# ---- 000: rivet-worker.service crash loop ---------------------------------------------------------

RIVET_UNIT = "rivet-worker.service"
RIVET_DESC = "Rivet Worker"
RIVET_CMD = "/root/Agent-Factory/.venv/bin/python3 /root/Agent-Factory/rivet_worker.py"
RIVET_TRACEBACK = [
    "Traceback (most recent call last):",
    '  File "/root/Agent-Factory/rivet_worker.py", line 18, in <module>',
    "    from agent_factory.db.postgres import PostgresPool",
    '  File "/root/Agent-Factory/agent_factory/db/postgres.py", line 4, in <module>',
    "    import asyncpg",
    "ModuleNotFoundError: No module named 'asyncpg'",
]
CRASH_LOOP_RESTARTS = 14552
CRASH_LOOP_CI_RESTARTS = 100
CRASH_LOOP_STOP = ts(2026, 1, 12, 7, 57, 4, 118_233)  # `systemctl stop rivet-worker.service`


def crash_loop_cycles(rng, restarts):
    """(run time, restart delay) of every run: python dies in ~1 s, RestartSec=10 plus scheduling."""
    cycles = []
    for i in range(restarts + 1):
        load = min(1.0, i / 2000.0)  # the loop itself drives the load up on the 1-CPU VPS
        run = int((0.55 + rng.random() * 0.5 + load * rng.random() * 1.6) * USEC)
        delay = int((10.0 + rng.random() * 0.08 + load * rng.random() * 0.7) * USEC)
        cycles.append((run, delay))
    return cycles


def gen_crash_loop(out_dir, restarts, full=False, fleet_index=0):
    """Seed 000 on host srv707254; with fleet_index i > 0, the same deploy hitting host
    srv707254+i of the fleet i * 4 minutes later, with its own randomness (ids, timings, noise)."""
    rng = random.Random(1000 + 100 * fleet_index)
    cycles = crash_loop_cycles(random.Random(1001 + 100 * fleet_index), CRASH_LOOP_RESTARTS)
    stop = CRASH_LOOP_STOP + fleet_index * 240 * USEC
    # the deploy that broke it: the stop time in the seed minus the whole loop
    loop_len = sum(r + d for r, d in cycles[:-1]) + cycles[-1][0]
    deploy = stop - loop_len - 4 * USEC - 3_600_000
    deploy -= deploy % USEC
    hostname = "srv%d" % (707254 + fleet_index)
    h = Host(rng, hostname, ts(2026, 1, 5, 3, 12, 44, 412_000), 0x2b41f, 18230, "6.1.0-28-cloud-amd64")
    u = Units(h, 4810)
    noise = Noise(h, u, rng, 402_110)
    cycles = cycles[:restarts + 1]
    start = deploy - 25 * 60 * USEC + 318_442

    # the healthy worker before the deploy, polling its queue
    worker = dict(unit=RIVET_UNIT, ident="python3", pid=398_755, comm="python3", exe="/usr/bin/python3.11",
                  cmdline=RIVET_CMD, stream=hexid(rng), invocation=h.new_invocation(RIVET_UNIT))
    t = start + 7 * USEC
    while t < deploy - 60 * USEC:
        stamp = wall(t).strftime("%Y-%m-%d %H:%M:%S,") + "%03d" % (t % USEC // 1000)
        h.stdout(t, worker, "%s INFO rivet.worker: queue empty, sleeping 30s" % stamp)
        t += 30 * USEC + rng.randint(0, 200_000)

    # admin deploys (git pull + restart) from an SSH session; the new code imports asyncpg
    scope = noise.ssh_login(deploy - 150 * USEC, "root", "0", "88.99.12.47", 50412)
    job = u.next_job()
    u.stopping(deploy, RIVET_UNIT, RIVET_DESC, job, "restart")
    u.deactivated(deploy + 212_000, RIVET_UNIT)
    u.stopped(deploy + 212_300, RIVET_UNIT, RIVET_DESC, job, "restart")
    u.consumed(deploy + 212_500, RIVET_UNIT, (2 * 3600 + 13 * 60 + 41) * USEC + 117_000)
    t = deploy + 221_000
    pid = 401_933
    for i, (run, delay) in enumerate(cycles):
        u.started(t, RIVET_UNIT, RIVET_DESC, job)
        pid += rng.randint(3, 40)
        proc = dict(unit=RIVET_UNIT, ident="python3", pid=pid, comm="python3", exe="/usr/bin/python3.11",
                    cmdline=RIVET_CMD, stream=hexid(rng), invocation=h.invocations[RIVET_UNIT],
                    # journald reads /proc/PID for the stream's metadata; a fast-dying process is gone
                    no_proc_meta=rng.random() < 0.08)
        died = t + run
        for k, line in enumerate(RIVET_TRACEBACK):
            h.stdout(died - 900 + k * 20, proc, line)
        u.exited(died + 2_100, RIVET_UNIT, 1)
        u.failed_result(died + 2_300, RIVET_UNIT, "exit-code")
        if i == len(cycles) - 1:
            t = last_exit = died
            break
        t = died + delay
        job = u.next_job()
        u.restart_scheduled(t, RIVET_UNIT, i + 1)
        u.stopped(t + 400, RIVET_UNIT, RIVET_DESC, job, "restart")
        t += 1_100
    end = t
    noise.ssh_logout(deploy + 95 * USEC, "root", scope)
    if full:
        stop_scope = noise.ssh_login(stop - 19 * 60 * USEC, "root", "0", "88.99.12.47", 58820)
        job = u.next_job()
        u.stopped(stop, RIVET_UNIT, RIVET_DESC, job)
        end = stop + 30 * 60 * USEC
        noise.ssh_logout(end - 60 * USEC, "root", stop_scope)
    else:
        end += 20 * USEC

    # rivet-scheduler.service fails every 4 hours on its own error (one failure, not a loop)
    sched = ts(2026, 1, 1, 0, 0, 3)
    while sched < end:
        if sched > start:
            gen_scheduler_failure(h, u, sched)
        sched += 4 * 3600 * USEC
    # rivet-api answers requests all along
    api = dict(unit="rivet-api.service", ident="uvicorn", pid=1187, comm="uvicorn",
               exe="/usr/bin/python3.11", cmdline="/root/Agent-Factory/.venv/bin/python3 "
               "/root/Agent-Factory/.venv/bin/uvicorn rivet.api:app --host 127.0.0.1 --port 8000",
               stream=hexid(rng), invocation=h.new_invocation("rivet-api.service"))
    t = start + 40 * USEC
    while t < end:
        h.stdout(t, api, 'INFO:     127.0.0.1:%d - "POST /api/v1/query HTTP/1.1" 200 OK' % rng.randint(33000, 60999))
        t += int(rng.expovariate(1 / 600.0) * USEC) + USEC
    noise.hourly(start, end)
    noise.ssh_scanners(start, end, 240)
    noise.timesyncd(start, end)
    noise.ufw_blocks(start, end, 300)

    h.write_journal(os.path.join(out_dir, "journal.json"))
    n = len(cycles) - 1
    expected = {
        "description": "rivet-worker.service crash-loops (Restart=always, RestartSec=10) after a deploy: "
                       "every run dies on ModuleNotFoundError: No module named 'asyncpg'. "
                       + ("Full length: %d restarts until the admin stops the unit." % n if full else
                          "The first %d restarts of the %d in the seed; the input ends mid-loop." % (n, CRASH_LOOP_RESTARTS)),
        "seed": "000",
        "host": h.hostname,
        "inputs": [{"path": "journal.json", "format": "journal-json"}],
        "must": [{
            "type": "restart_burst", "host": h.hostname, "subject": RIVET_UNIT,
            "incidents_min": 1, "incidents_max": 1,
            "count_min": n - 5, "count_max": n + 1,
            "summary_contains": ["No module named 'asyncpg'"],
            "status": "resolved" if full else "firing",
        }],
        "must_not": [
            {"type": "restart_burst", "subject": "rivet-scheduler.service"},
            {"type": "restart_burst", "subject": "rivet-api.service"},
            {"type": "oom_kill"},
            {"type": "log_truncation"},
        ],
        "facts": {
            "restarts": n, "first_start": iso(deploy + 221_000), "last_exit": iso(last_exit),
            "restart_sec": 10, "unit": RIVET_UNIT,
        },
    }
    write_expected(os.path.join(out_dir, "expected.json"), expected)


def gen_fleet_crash_loop(out_dir, hosts):
    """The full crash loop on `hosts` hosts at once (one deploy broke the worker fleet-wide), as
    the `journalctl -o json --merge` export of a journal-remote server that collects them all:
    every host's entries merged in time order. For the replay bench (about 160 MB a host); the
    hosts are generated one at a time and merged from disk, so memory stays that of one host."""
    parts = []
    for i in range(hosts):
        part = os.path.join(out_dir, "host-%02d" % i)
        gen_crash_loop(part, CRASH_LOOP_RESTARTS, full=True, fleet_index=i)
        parts.append(part)
    expected = [json.load(open(os.path.join(p, "expected.json"), encoding="utf-8")) for p in parts]
    files = [open(os.path.join(p, "journal.json"), encoding="utf-8") for p in parts]

    def keyed(i, f):
        for n, line in enumerate(f):
            yield int(json.loads(line)["__REALTIME_TIMESTAMP"]), i, n, line

    with open(os.path.join(out_dir, "journal.json"), "w", encoding="utf-8", newline="") as out:
        for _, _, _, line in heapq.merge(*(keyed(i, f) for i, f in enumerate(files))):
            out.write(line)
    for f in files:
        f.close()
    for p in parts:
        os.remove(os.path.join(p, "journal.json"))
        os.remove(os.path.join(p, "expected.json"))
        os.rmdir(p)
    n = expected[0]["facts"]["restarts"]
    write_expected(os.path.join(out_dir, "expected.json"), {
        "description": "rivet-worker.service crash-loops %d times on each of %d hosts after one deploy; "
                       "one journal export of all of them, merged in time order." % (n, hosts),
        "seed": "000",
        "inputs": [{"path": "journal.json", "format": "journal-json"}],
        "must": [m for e in expected for m in e["must"]],
        "must_not": expected[0]["must_not"],
        "facts": {"hosts": [e["host"] for e in expected], "restarts_per_host": n},
    })


def gen_scheduler_failure(h, u, rt):
    unit, desc = "rivet-scheduler.service", "Rivet Scheduler"
    job = u.next_job()
    u.starting(rt, unit, desc, job)
    inv = h.new_invocation(unit)
    proc = dict(unit=unit, ident="python3", pid=0, comm="python3", exe="/usr/bin/python3.11",
                cmdline="/root/Agent-Factory/.venv/bin/python3 /root/Agent-Factory/rivet_scheduler.py",
                stream=hexid(h.rng), invocation=inv)
    proc["pid"] = 300_000 + h.rng.randint(0, 150_000)
    t = rt + 2_400_000
    for k, line in enumerate([
            "Traceback (most recent call last):",
            '  File "/root/Agent-Factory/rivet_scheduler.py", line 41, in <module>',
            "    asyncio.run(main())",
            '  File "/root/Agent-Factory/rivet_scheduler.py", line 33, in main',
            "    await queue.connect()",
            "redis.exceptions.ConnectionError: Error 111 connecting to localhost:6380. Connection refused."]):
        h.stdout(t + k * 15, proc, line)
    u.exited(t + 1_900, unit, 1)
    u.failed_result(t + 2_000, unit, "exit-code")
    h.systemd(t + 2_200, unit, "Failed to start %s - %s." % (unit, desc), 3, CODE_JOB_DONE,
              [("JOB_ID", job), ("JOB_TYPE", "start"), ("JOB_RESULT", "failed")], MID_UNIT_FAILED)
    u.consumed(t + 2_400, unit, 1_840_000)


# ---- kernel OOM report (mm/oom_kill.c dump_header, show_mem, dump_tasks) --------------------------

OOM_CALL_TRACE_FAULT = [
    " dump_stack_lvl+0x44/0x5c", " dump_header+0x4a/0x211", " oom_kill_process.cold+0xb/0x10",
    " out_of_memory+0x1fd/0x4c0", " __alloc_pages_slowpath.constprop.0+0xcc9/0xe20",
    " __alloc_pages+0x305/0x330", " folio_alloc+0x17/0x50", " __filemap_get_folio+0x155/0x340",
    " filemap_fault+0x139/0x910", " __do_fault+0x30/0x110", " do_fault+0x1b9/0x410",
    " __handle_mm_fault+0x660/0xfa0", " handle_mm_fault+0xdb/0x2d0", " do_user_addr_fault+0x191/0x570",
    " exc_page_fault+0x70/0x170", " asm_exc_page_fault+0x22/0x30",
]


def oom_report(h, rt, rng, invoker, invoker_pid, victim, tasks, memcg, hardware, ram_pages):
    """The whole global OOM report as kernel 6.1 prints it, record by record; returns the kill time.

    tasks: (pid, uid, total_vm pages, rss pages, pgtables bytes, oom_score_adj, name)
    victim: the task tuple the OOM killer picks (largest rss)."""
    t = rt
    step = lambda lo=3, hi=40: rng.randint(lo, hi)
    h.kernel(t, 4, "%s invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, "
             "oom_score_adj=0" % invoker)
    t += step(20, 60)
    h.kernel(t, 4, "CPU: 1 PID: %d Comm: %s Not tainted %s" % (invoker_pid, invoker, h.kernel_release))
    t += step()
    h.kernel(t, 4, "Hardware name: %s" % hardware)
    t += step()
    h.kernel(t, 4, "Call Trace:")
    h.kernel(t + 1, 4, " <TASK>")
    t += 2
    for frame in OOM_CALL_TRACE_FAULT:
        t += step(1, 12)
        h.kernel(t, 4, frame)
    rip = 0x7f2b4c000000 + rng.randint(0, 0xffffff)
    for line in ["RIP: 0033:0x%x" % rip,
                 "Code: Unable to access opcode bytes at 0x%x." % (rip - 0x2a),
                 "RSP: 002b:00007ffd6b1c%04x EFLAGS: 00010202" % rng.randint(0, 0xffff),
                 "RAX: 0000000000000000 RBX: 00007f2b4b61e2a0 RCX: 0000000000000000",
                 "RDX: 0000000000000000 RSI: 00007f2b4b9d4e48 RDI: 00007f2b4b61e2a0",
                 "RBP: 00007ffd6b1c2ab0 R08: 0000000000000000 R09: 0000000000000001",
                 "R10: 0000000000000000 R11: 0000000000000246 R12: 00007f2b4b9d4e48",
                 "R13: 0000000000000000 R14: 0000000000d3f6e0 R15: 00007f2b4b61e2a0",
                 " </TASK>"]:
        t += step(1, 8)
        h.kernel(t, 4, line)
    free = rng.randint(24_000, 26_000)
    anon = sum(task[3] for task in tasks) - rng.randint(2_000, 9_000)
    t += step()
    h.kernel(t, 6, "Mem-Info:")
    t += step()
    h.kernel(t, 6, ("active_anon:%d inactive_anon:%d isolated_anon:0\n active_file:%d inactive_file:%d "
                    "isolated_file:0\n unevictable:6977 dirty:0 writeback:0\n slab_reclaimable:21390 "
                    "slab_unreclaimable:39817\n mapped:2196 shmem:8991 pagetables:%d\n sec_pagetables:0 bounce:0\n"
                    " kernel_misc_reclaimable:0\n free:%d free_pcp:179 free_cma:0")
             % (anon * 4 // 5, anon // 5, rng.randint(100, 400), rng.randint(40, 120),
                sum(task[4] for task in tasks) // 4096, free))
    for line in [
            "Node 0 active_anon:%dkB inactive_anon:%dkB active_file:828kB inactive_file:240kB unevictable:27908kB "
            "isolated(anon):0kB isolated(file):0kB mapped:8784kB dirty:0kB writeback:0kB shmem:35964kB "
            "shmem_thp:0kB shmem_pmdmapped:0kB anon_thp:0kB writeback_tmp:0kB kernel_stack:8448kB "
            "pagetables:45004kB sec_pagetables:0kB all_unreclaimable? yes" % (anon * 16 // 5, anon * 4 // 5),
            "Node 0 DMA free:14336kB boost:0kB min:128kB low:160kB high:192kB reserved_highatomic:0KB "
            "active_anon:0kB inactive_anon:0kB active_file:0kB inactive_file:0kB unevictable:0kB "
            "writepending:0kB present:15992kB managed:15360kB mlocked:0kB bounce:0kB free_pcp:0kB "
            "local_pcp:0kB free_cma:0kB",
            "lowmem_reserve[]: 0 2910 7810 7810 7810",
            "Node 0 DMA32 free:44616kB boost:0kB min:24520kB low:30648kB high:36776kB reserved_highatomic:0KB "
            "active_anon:2327044kB inactive_anon:581648kB active_file:0kB inactive_file:0kB unevictable:0kB "
            "writepending:0kB present:3129196kB managed:3013804kB mlocked:0kB bounce:0kB free_pcp:244kB "
            "local_pcp:0kB free_cma:0kB",
            "lowmem_reserve[]: 0 0 4900 4900 4900",
            "Node 0 Normal free:%dkB boost:0kB min:41300kB low:51624kB high:61948kB reserved_highatomic:0KB "
            "active_anon:3661800kB inactive_anon:738424kB active_file:828kB inactive_file:240kB "
            "unevictable:27908kB writepending:0kB present:5111808kB managed:5017812kB mlocked:27908kB bounce:0kB "
            "free_pcp:472kB local_pcp:236kB free_cma:0kB" % (free * 4 - 58952),
            "lowmem_reserve[]: 0 0 0 0 0",
            "Node 0 DMA: 0*4kB 0*8kB 0*16kB 0*32kB 0*64kB 0*128kB 0*256kB 0*512kB 0*1024kB 1*2048kB (M) "
            "3*4096kB (M) = 14336kB",
            "Node 0 DMA32: 218*4kB (UME) 196*8kB (UME) 143*16kB (UME) 101*32kB (UME) 72*64kB (UME) "
            "47*128kB (UME) 33*256kB (UME) 19*512kB (UME) 0*1024kB 0*2048kB 0*4096kB = 44616kB",
            "Node 0 Normal: 1502*4kB (UME) 1011*8kB (UME) 532*16kB (UME) 211*32kB (UME) 51*64kB (UM) "
            "11*128kB (UM) 2*256kB (M) 0*512kB 0*1024kB 0*2048kB 0*4096kB = 38064kB",
            "Node 0 hugepages_total=0 hugepages_free=0 hugepages_surp=0 hugepages_size=1048576kB",
            "Node 0 hugepages_total=0 hugepages_free=0 hugepages_surp=0 hugepages_size=2048kB",
            "9258 total pagecache pages", "0 pages in swap cache", "Free swap  = 0kB", "Total swap = 0kB",
            "%d pages RAM" % ram_pages, "0 pages HighMem/MovableOnly", "58573 pages reserved",
            "0 pages hwpoisoned"]:
        t += step(2, 15)
        h.kernel(t, 6 if not line.startswith("Node 0 DMA:") else 6, line)
    t += step()
    h.kernel(t, 6, "Tasks state (memory values in pages):")
    h.kernel(t + 3, 6, "[  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name")
    t += 3
    for pid, tuid, total_vm, rss, pgtables, adj, name in tasks:
        t += step(2, 9)
        h.kernel(t, 6, "[%7d] %5d %5d %8d %8d %14d %8d %13d %s" % (pid, tuid, pid, total_vm, rss, pgtables, 0,
                                                                 adj, name))
    vpid, vuid, vvm, vrss, vpgt, vadj, vname = victim
    t += step()
    h.kernel(t, 6, "oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,"
             "task_memcg=%s,task=%s,pid=%d,uid=%d" % (memcg, vname, vpid, vuid))
    t += step(10, 30)
    file_rss = rng.randint(300, 600) * 4
    h.kernel(t, 3, "Out of memory: Killed process %d (%s) total-vm:%dkB, anon-rss:%dkB, file-rss:%dkB, "
             "shmem-rss:0kB, UID:%d pgtables:%dkB oom_score_adj:%d"
             % (vpid, vname, vvm * 4, vrss * 4 - file_rss, file_rss, vuid, vpgt // 1024, vadj))
    kill = t
    t += rng.randint(60_000, 240_000)
    h.kernel(t, 6, "oom_reaper: reaped process %d (%s), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB"
             % (vpid, vname))
    return kill


# ---- 001: uvicorn backend OOM-killed, its log ends mid-query -----------------------------------------

KONTALI_LOG = "/home/ubuntu/.openclaw/workspace/ai-erp/backend/backend.log"
TENANT = "b3f6c1e2-7a4d-4f0b-9c11-2e5d8a6f4c90"


def sa(stamp, text):
    return "%s INFO sqlalchemy.engine.Engine %s\n" % (stamp, text)


def pystamp(rt):
    return wall(rt).strftime("%Y-%m-%d %H:%M:%S,") + "%03d" % (rt % USEC // 1000)


def gen_kontali_log(rng, started, killed_at, log_ends, pid):
    """uvicorn + SQLAlchemy echo on stdout (block-buffered into the file) until the SIGKILL."""
    out = ["INFO:     Started server process [%d]\n" % pid, "INFO:     Waiting for application startup.\n"]
    t = started + 1_400_000
    for q in ["select pg_catalog.version()", "select current_schema()", "show standard_conforming_strings"]:
        out += [sa(pystamp(t), q), sa(pystamp(t), "[raw sql] ()")]
        t += rng.randint(2_000, 9_000)
    out += ["INFO:     Application startup complete.\n",
            "INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)\n"]
    clients = ["%08x-%04x-4%03x-%04x-%012x" % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(12),
                                                0x8000 | rng.getrandbits(14), rng.getrandbits(48))
               for _ in range(46)]
    cached_since = {}

    def stmt(t, key, sql_lines, params):
        since = cached_since.get(key)
        lines = [sa(pystamp(t), "BEGIN (implicit)")]
        lines.append(sa(pystamp(t + 300), sql_lines[0]))
        lines += [line + "\n" for line in sql_lines[1:]]
        tag = "[generated in 0.00%03ds]" % rng.randint(10, 400) if since is None else \
            "[cached since %.4gs ago]" % ((t - since) / USEC)
        cached_since.setdefault(key, t)
        lines.append(sa(pystamp(t + 420), "%s %s" % (tag, params)))
        return lines

    t = started + 9 * USEC
    last_dashboard = t
    while True:
        port = rng.randint(40000, 60999)
        if t - last_dashboard > 7 * 60 * USEC or t + 40 * USEC > killed_at:
            last_dashboard = t
            out += stmt(t, "clients", ["SELECT clients.id, clients.name, clients.org_number, clients.tenant_id ",
                                       "FROM clients ",
                                       "WHERE clients.tenant_id = $1::UUID ORDER BY clients.name"],
                        "(UUID('%s'),)" % TENANT)
            final = t + 40 * USEC > killed_at
            # the last request is the big one: every client's tasks, invoices and transactions
            tables = ["tasks", "invoices", "bank_transactions"] if final else ["tasks"]
            for c, table in [(c, table) for table in tables for c in clients]:
                t += rng.randint(30_000, 160_000) * (4 if final else 1)
                if t > killed_at:
                    break
                out += stmt(t, table, ["SELECT %s.id, %s.client_id, %s.status, %s.amount, %s.due_date, "
                                       "%s.created_at " % ((table,) * 6),
                                       "FROM %s " % table,
                                       "WHERE %s.client_id = $1::UUID AND %s.status != $2::VARCHAR "
                                       "ORDER BY %s.due_date" % (table, table, table)],
                            "(UUID('%s'), 'done')" % c)
            if t > killed_at:
                break
            out.append('INFO:     127.0.0.1:%d - "GET /api/dashboard/multi-client/tasks?tenant_id=%s HTTP/1.1" '
                       '200 OK\n' % (port, TENANT))
            out.append(sa(pystamp(t + 900), "ROLLBACK"))
        else:
            out += stmt(t, "clients", ["SELECT clients.id, clients.name, clients.org_number, clients.tenant_id ",
                                       "FROM clients ",
                                       "WHERE clients.tenant_id = $1::UUID ORDER BY clients.name"],
                        "(UUID('%s'),)" % TENANT)
            out.append(sa(pystamp(t + 2_100), "ROLLBACK"))
            out.append('INFO:     127.0.0.1:%d - "GET /api/clients?tenant_id=%s HTTP/1.1" 200 OK\n' % (port, TENANT))
        t += rng.randint(15, 45) * USEC
    text = "".join(out)
    # stdout was block-buffered: the file ends where the last flushed buffer ended, inside a line;
    # what the process wrote after that (up to the SIGKILL) died with it
    lost_from = text.index(pystamp(log_ends + USEC)[:19])
    cut = text.rindex("\n", 0, lost_from) - rng.randint(30, 90)
    while text[cut - 1] == "\n":
        cut -= 1
    return text[:cut]


def gen_oom_truncation(out_dir):
    rng = random.Random(2001)
    h = Host(rng, "kontali-dev", ts(2026, 2, 2, 7, 41, 9, 377_120), 0x9c2d1, 1843,
             "6.1.0-31-cloud-amd64 #1  Debian 6.1.128-1")
    u = Units(h, 2290)
    noise = Noise(h, u, rng, 631_900)
    start = ts(2026, 2, 8, 20, 41, 12, 4_311)
    end = ts(2026, 2, 8, 22, 18, 40, 0)
    uvicorn_pid = 632846
    started = ts(2026, 2, 8, 20, 58, 31, 640_000)
    oom_at = ts(2026, 2, 8, 21, 41, 49, 312_604)

    scope = noise.ssh_login(ts(2026, 2, 8, 20, 52, 3, 118_000), "ubuntu", "1000", "84.215.60.12", 50110)
    h.kernel(ts(2026, 2, 8, 21, 3, 40, 220_511), 4, "ena 0000:00:05.0 ens5: Found a Tx that wasn't completed "
             "on time, qid 1, index 219. 28000 usecs have passed since last napi execution. Napi scheduled: 1",
             subsystem="pci", device="+pci:0000:00:05.0", sysname="0000:00:05.0")
    tasks = [
        (312, 0, 12380, 1936, 102400, -250, "systemd-journal"),
        (341, 0, 6628, 1210, 77824, -1000, "systemd-udevd"),
        (498, 102, 22796, 1340, 81920, 0, "systemd-timesyn"),
        (512, 0, 4523, 1508, 69632, 0, "systemd-logind"),
        (540, 104, 2394, 1096, 53248, -900, "dbus-daemon"),
        (566, 0, 1696, 728, 53248, 0, "cron"),
        (611, 0, 3858, 1832, 73728, -1000, "sshd"),
        (702, 110, 16322, 12410, 143360, 0, "redis-server"),
        (733, 113, 54822, 7420, 167936, -900, "postgres"),
        (741, 113, 54889, 18330, 176128, 0, "postgres"),
        (742, 113, 54855, 9120, 159744, 0, "postgres"),
        (744, 113, 54822, 3001, 131072, 0, "postgres"),
        (745, 113, 55221, 2214, 139264, 0, "postgres"),
        (631210, 1000, 3611, 1392, 69632, 0, "tmux: server"),
        (631211, 1000, 2112, 1240, 57344, 0, "bash"),
        (631544, 1000, 3003455, 208710, 3715072, 0, "next-server (v1"),
        (631602, 1000, 1321870, 166420, 2842624, 0, "openclaw-gatewa"),
        (631877, 1000, 2914307, 102433, 2220032, 0, "node"),
        (uvicorn_pid, 1000, 1719341, 1321267, 11100160, 0, "uvicorn"),
        (633102, 1000, 98211, 61520, 712704, 0, "python3"),
    ]
    kill = oom_report(h, oom_at, rng, "python3", 633102, tasks[-2], tasks,
                      "/user.slice/user-1000.slice/%s" % scope, "Amazon EC2 t3.large/, BIOS 1.0 10/16/2017",
                      2031485)
    u.oom_noticed(kill + 41_700, scope)

    # Glenn notices the frontend spinning and logs in to look
    scope2 = noise.ssh_login(ts(2026, 2, 8, 22, 6, 12, 500_000), "ubuntu", "1000", "84.215.60.12", 51204)
    noise.ssh_logout(ts(2026, 2, 8, 22, 16, 2, 0), "ubuntu", scope2)
    noise.hourly(start, end, [(5, "ubuntu", "1000",
                               "/home/ubuntu/.openclaw/workspace/ai-erp/scripts/sync_queue.sh >/dev/null 2>&1")])
    noise.ssh_scanners(start, end, 160)
    noise.timesyncd(start, end)
    redis = dict(unit="redis-server.service", ident="redis-server", pid=702, comm="redis-server",
                 exe="/usr/bin/redis-server", cmdline="/usr/bin/redis-server 127.0.0.1:6379", stream=hexid(rng),
                 invocation=h.new_invocation("redis-server.service"), uid="110", gid="110", cap="0")
    t = start + 300 * USEC
    while t < end:
        h.stdout(t, redis, "702:M %s * 10 changes in 300 seconds. Saving..." % wall(t).strftime("%d %b %Y %H:%M:%S.")
                 + "%03d" % (t % USEC // 1000))
        h.stdout(t + 1_400, redis, "702:M %s * Background saving started by pid %d"
                 % (wall(t).strftime("%d %b %Y %H:%M:%S.") + "%03d" % (t % USEC // 1000 + 1), 632000 + rng.randint(0, 900)))
        t += 300 * USEC + rng.randint(0, 3_000_000)

    h.write_journal(os.path.join(out_dir, "journal.json"))
    h.write_kmsg(os.path.join(out_dir, "kmsg.txt"))
    write_text(os.path.join(out_dir, "backend.log"), gen_kontali_log(rng, started, kill, ts(2026, 2, 8, 21, 41, 47), uvicorn_pid))
    expected = {
        "description": "The kernel OOM killer (no swap, global OOM) SIGKILLs the uvicorn backend, pid 632846, "
                       "which was started by hand in an SSH session; its log, block-buffered stdout, ends in the "
                       "middle of a SQL statement at 21:41:47 with no error. The journal goes on for 37 minutes.",
        "seed": "001",
        "host": h.hostname,
        "inputs": [
            {"path": "journal.json", "format": "journal-json"},
            {"path": "kmsg.txt", "format": "kmsg", "boot_id": h.boot_id, "boot_time": iso(h.boot_rt)},
            {"path": "backend.log", "format": "text", "file": KONTALI_LOG},
        ],
        "must": [
            # one kill: its kernel lines (oom-kill:, Killed process, oom_reaper) merge into one incident,
            # whose count is the number of lines merged
            {"type": "oom_kill", "host": h.hostname, "subject": "uvicorn", "incidents_min": 1, "incidents_max": 1,
             "count_min": 1, "count_max": 5, "summary_contains": ["632846", "uvicorn"]},
            {"type": "log_truncation", "host": h.hostname, "subject": KONTALI_LOG, "incidents_min": 1,
             "incidents_max": 1, "count_min": 1, "count_max": 1, "related_types": ["oom_kill"]},
        ],
        "must_not": [
            {"type": "restart_burst"},
            {"type": "oom_kill", "subject": "python3"},
            {"type": "oom_kill", "subject": "next-server (v1"},
        ],
        "facts": {
            "victim_pid": uvicorn_pid, "victim_comm": "uvicorn", "invoker_comm": "python3",
            "oom_kill_time": iso(kill), "anon_rss_kb": tasks[-2][3] * 4, "log_ends_mid_line": True,
            "kernel_records_also_in_journal": "the OOM report is in kmsg.txt and, as journald read it, in "
                                              "journal.json (_TRANSPORT=kernel, same _SOURCE_MONOTONIC_TIMESTAMP)",
        },
    }
    write_expected(os.path.join(out_dir, "expected.json"), expected)


# ---- 002: assigner worker, the same three errors every 5-15 minutes -------------------------------

ASSIGNER_LOG = "/tmp/architect_assigner_worker.log"
ERR_JSON = "Failed to get environment info: Expecting value: line 1 column 1 (char 0)"
ERR_EXISTS = "Failed to create environment: ValueError: Environment '%s' already exists"
ERR_PORTS = "Failed to create environment: RuntimeError: No available ports for new environment"
# the seed's own sample, verbatim (2026-02-08)
ASSIGNER_SEED_LINES = [
    ((9, 4, 45), "ERROR", ERR_JSON),
    ((9, 4, 45), "ERROR", ERR_EXISTS % "reading-ui-improvement"),
    ((9, 37, 12), "ERROR", ERR_PORTS),
    ((9, 48, 59), "ERROR", ERR_PORTS),
    ((9, 54, 50), "ERROR", ERR_PORTS),
    ((10, 5, 22), "ERROR", ERR_EXISTS % "reading-ui-improvement"),
    ((10, 5, 25), "ERROR", ERR_PORTS),
]
ENV_NAMES = ["reading-ui-improvement", "selam-pharmacy-checkout", "architect-dashboard-auth", "eden-reading-sync",
             "monitor-html-refresh", "task-monitor-alerts", "reading-app-tts", "dashboard-port-cleanup"]


def gen_repeated_errors(out_dir):
    rng = random.Random(3002)
    lines = []

    def log(rt, level, text):
        lines.append((rt, len(lines), "%s %s %s\n" % (wall(rt).strftime("%Y-%m-%d %H:%M:%S"), level, text)))

    start = ts(2026, 2, 7, 21, 49, 23, 480_000)
    end = ts(2026, 2, 8, 17, 19, 0)
    seed_from, seed_to = ts(2026, 2, 8, 9, 0, 0), ts(2026, 2, 8, 10, 10, 0)
    log(start, "INFO", "Assigner worker started (pid 42315, daemon mode)")
    log(start + 20_000, "INFO", "Environment manager: port pool 7080-7099, 20 ports")
    t = start + 60 * USEC
    while t < end:
        log(t, "INFO", "Queue: %d pending, 0 active" % rng.choice([0, 0, 0, 1, 2]))
        t += 5 * 60 * USEC + rng.randint(0, 2_000_000)
    counts = {"json": 0, "exists": 0, "ports": 0}
    prompt = 41
    def replay_seed_sample(prompt):
        seed_times = [ts(2026, 2, 8, hh, mm, ss, 100_000 + i) for i, ((hh, mm, ss), _, _) in enumerate(ASSIGNER_SEED_LINES)]
        for i, (_, level, text) in enumerate(ASSIGNER_SEED_LINES):
            at = seed_times[i]
            if i == 0 or at - seed_times[i - 1] > 10 * USEC:
                prompt += 1
                log(at - rng.randint(1, 3) * USEC, "INFO", "Picked prompt #%d (reading-ui-improvement)" % prompt)
            log(at, level, text)
            if i + 1 == len(seed_times) or seed_times[i + 1] - at > 10 * USEC:
                log(at + 600_000, "INFO", "Prompt #%d marked failed (attempt %d/3)" % (prompt, rng.randint(1, 3)))
            counts["json" if text == ERR_JSON else "exists" if "already exists" in text else "ports"] += 1
        return prompt

    t = start + 3 * 60 * USEC
    while t < end:
        if seed_from <= t < seed_to:
            prompt = replay_seed_sample(prompt)
            t = seed_to
            continue
        prompt += 1
        name = rng.choice(ENV_NAMES)
        log(t, "INFO", "Picked prompt #%d (%s)" % (prompt, name))
        roll = rng.random()
        s = t + rng.randint(1, 4) * USEC
        if roll < 0.3:
            port = rng.randint(7080, 7099)
            log(s, "INFO", "Creating environment '%s-%d' on port %d" % (name, prompt, port))
            log(s + rng.randint(120, 420) * USEC, "INFO", "Prompt #%d completed, environment '%s-%d' released"
                % (prompt, name, prompt))
        elif roll < 0.6:
            log(s, "ERROR", ERR_JSON)
            log(s + rng.randint(0, 400_000), "ERROR", ERR_EXISTS % name)
            counts["json"] += 1
            counts["exists"] += 1
            log(s + 600_000, "INFO", "Prompt #%d marked failed (attempt %d/3)" % (prompt, rng.randint(1, 3)))
        else:
            log(s, "ERROR", ERR_PORTS)
            counts["ports"] += 1
            log(s + 500_000, "INFO", "Prompt #%d marked failed (attempt %d/3)" % (prompt, rng.randint(1, 3)))
        t += rng.randint(5 * 60, 15 * 60) * USEC
    text = "".join(line for _, _, line in sorted(lines))
    write_text(os.path.join(out_dir, "assigner_worker.log"), text)
    host = "architect-mac"
    expected = {
        "description": "The assigner worker (macOS, no journald; only its log file) fails 70% of prompts with the "
                       "same three errors every 5-15 minutes for 19 hours; environment names vary.",
        "seed": "002",
        "host": host,
        "inputs": [{"path": "assigner_worker.log", "format": "text", "file": ASSIGNER_LOG, "timezone": "UTC"}],
        "must": [
            {"type": "error_signature", "host": host, "subject": ASSIGNER_LOG, "incidents_min": 1,
             "incidents_max": 1, "count_min": counts["ports"], "count_max": counts["ports"],
             "summary_contains": ["No available ports for new environment"]},
            {"type": "error_signature", "host": host, "subject": ASSIGNER_LOG, "incidents_min": 1,
             "incidents_max": 1, "count_min": counts["exists"], "count_max": counts["exists"],
             "summary_contains": ["already exists"]},
            {"type": "error_signature", "host": host, "subject": ASSIGNER_LOG, "incidents_min": 1,
             "incidents_max": 1, "count_min": counts["json"], "count_max": counts["json"],
             "summary_contains": ["Expecting value"]},
        ],
        "must_not": [
            {"type": "log_truncation"},
            {"type": "restart_burst"},
            {"type": "oom_kill"},
            {"type": "error_signature", "summary_contains": ["reading-ui-improvement"]},
        ],
        "facts": {"errors_by_template": counts, "first_line": iso(start), "lines": len(lines)},
    }
    write_expected(os.path.join(out_dir, "expected.json"), expected)


# ---- 004: Flask app under nohup, OOM-killed every 90-120 minutes ---------------------------------

CURRENTS_LOG = "/tmp/currents-app.log"
CURRENTS_DIR = "/home/ubuntu/.openclaw/workspace/currents-full-local"


def werkzeug_run(rng, started, ends, interactive):
    """One run's /tmp/currents-app.log: `nohup python3 app.py > /tmp/currents-app.log 2>&1 &` truncates it."""
    out = ["nohup: ignoring input\n"] if interactive else []
    out += [" * Serving Flask app 'app'\n", " * Debug mode: off\n",
            "WARNING: This is a development server. Do not use it in a production deployment. "
            "Use a production WSGI server instead.\n",
            " * Running on all addresses (0.0.0.0)\n", " * Running on http://127.0.0.1:5555\n",
            " * Running on http://172.31.9.214:5555\n", "Press CTRL+C to quit\n"]
    t = started + rng.randint(8, 40) * USEC
    paths = ["/", "/api/markets?limit=20", "/api/markets/trending", "/api/personalized?user_id=u_%d",
             "/api/hero/rotation", "/static/js/hero.js", "/static/css/main.css", "/market/%d"]
    last = None
    while t < ends:
        path = rng.choice(paths)
        if "%d" in path:
            path = path % rng.randint(1000, 9999)
        status = "304" if path.startswith("/static") and rng.random() < 0.7 else "200"
        out.append('127.0.0.1 - - [%s] "GET %s HTTP/1.1" %s -\n' % (wall(t).strftime("%d/%b/%Y %H:%M:%S"),
                                                                    path, status))
        last = t
        t += rng.randint(4, 70) * USEC
    return "".join(out), last


def gen_nohup_deaths(out_dir):
    rng = random.Random(4004)
    h = Host(rng, "ip-172-31-9-214", ts(2026, 2, 9, 14, 3, 27, 871_455), 0x61b07, 2120,
             "6.1.0-31-cloud-amd64 #1  Debian 6.1.128-1")
    u = Units(h, 3388)
    noise = Noise(h, u, rng, 73_100)
    start = ts(2026, 2, 11, 6, 40, 0, 221_000)
    end = ts(2026, 2, 11, 15, 5, 0)
    runs = [  # (pid, start, OOM kill or None, started interactively)
        (74012, ts(2026, 2, 11, 6, 52, 10, 402_000), ts(2026, 2, 11, 8, 44, 37, 120_554), True),
        (78233, ts(2026, 2, 11, 10, 3, 12, 733_000), ts(2026, 2, 11, 11, 41, 5, 904_311), False),
        (81946, ts(2026, 2, 11, 11, 48, 20, 95_000), ts(2026, 2, 11, 13, 39, 51, 377_020), True),
        (85510, ts(2026, 2, 11, 14, 2, 44, 918_000), None, True),
    ]
    ngrok = dict(unit="ngrok.service", ident="ngrok", pid=1021, comm="ngrok", exe="/usr/local/bin/ngrok",
                 cmdline="/usr/local/bin/ngrok http 5555 --log stdout --url proliferative-daleyza-benthonic.ngrok-free.dev",
                 stream=hexid(rng), invocation=h.new_invocation("ngrok.service"), uid="1000", gid="1000", cap="0")
    inputs = [{"path": "journal.json", "format": "journal-json"},
              {"path": "dmesg.txt", "format": "dmesg", "boot_id": h.boot_id, "boot_time": iso(h.boot_rt)}]
    facts = []
    for i, (pid, begun, killed, interactive) in enumerate(runs):
        scope = noise.ssh_login(begun - rng.randint(40, 150) * USEC, "ubuntu", "1000", "91.192.44.%d" % (10 + i),
                                rng.randint(40000, 60000))
        noise.ssh_logout(begun + rng.randint(60, 400) * USEC, "ubuntu", scope)
        stop = killed if killed else end
        text, last = werkzeug_run(rng, begun, stop - rng.randint(2, 9) * USEC, interactive)
        name = "currents-app.run%d.log" % (i + 1)
        write_text(os.path.join(out_dir, name), text)
        inputs.append({"path": name, "format": "text", "file": CURRENTS_LOG, "timezone": "UTC",
                       "truncated_before": True, "written_from": iso(begun)})
        facts.append({"pid": pid, "started": iso(begun), "last_line": iso(last),
                      "oom_kill": iso(killed) if killed else None,
                      "minutes": round(((killed or end) - begun) / USEC / 60)})
        if not killed:
            continue
        rss = rng.randint(1_740_000, 1_790_000)
        tasks = [
            (309, 0, 12380, 2014, 102400, -250, "systemd-journal"),
            (339, 0, 6628, 1188, 77824, -1000, "systemd-udevd"),
            (496, 997, 22796, 1301, 81920, 0, "systemd-timesyn"),
            (510, 0, 4523, 1490, 69632, 0, "systemd-logind"),
            (544, 0, 1696, 731, 53248, 0, "cron"),
            (607, 0, 3858, 1840, 73728, -1000, "sshd"),
            (1021, 1000, 322101, 9920, 262144, 0, "ngrok"),
            (pid, 1000, rss + 41_000, rss, (rss // 500 + 60) * 4096, 0, "python3"),
        ]
        kill = oom_report(h, killed, rng, "python3", pid, tasks[-1], tasks, "/user.slice/user-1000.slice/" + scope,
                          "Amazon EC2 t3.large/, BIOS 1.0 10/16/2017", 2031485)
        u.oom_noticed(kill + 38_000, scope)
        u.deactivated(kill + 39_500, scope)
        u.consumed(kill + 39_800, scope, rng.randint(900, 2400) * USEC + 412_000)
        t = kill + rng.randint(20, 90) * USEC
        for _ in range(rng.randint(3, 7)):
            h.stdout(t, ngrok, 't=%s lvl=eror msg="failed to open private leg" id=%s privaddr=localhost:5555 '
                     'err="dial tcp 127.0.0.1:5555: connect: connection refused"'
                     % (wall(t).strftime("%Y-%m-%dT%H:%M:%S+0000"), "%012x" % rng.getrandbits(48)))
            t += rng.randint(30, 600) * USEC
    # the site monitor cron job, every 90 minutes; at 09:00 its restart attempt fails before reaching app.py
    for hh, mm in [(7, 30), (9, 0), (10, 30), (12, 0), (13, 30), (15, 0)]:
        noise.cron_job(ts(2026, 2, 11, hh, mm, 1, rng.randint(0, 900_000)), "ubuntu", "1000",
                       "%s/monitor_site.sh >> /tmp/site_monitor.log 2>&1" % CURRENTS_DIR)
    noise.hourly(start, end)
    noise.ssh_scanners(start, end, 900)
    noise.timesyncd(start, end)
    h.write_journal(os.path.join(out_dir, "journal.json"))
    h.write_dmesg(os.path.join(out_dir, "dmesg.txt"))
    host = h.hostname
    expected = {
        "description": "A Flask dev server started with `nohup python3 app.py > /tmp/currents-app.log 2>&1 &` "
                       "leaks memory and is SIGKILLed by the kernel OOM killer 90-120 minutes after each start "
                       "(the kernel did it: three global OOM kills of python3). Nothing restarts it; people do, "
                       "by hand, and each start truncates the log. The log stops after its last request line, "
                       "with no shutdown line. The fourth run is still alive when the input ends.",
        "seed": "004",
        "host": host,
        "inputs": inputs,
        "must": [
            {"type": "log_truncation", "host": host, "subject": CURRENTS_LOG, "incidents_min": 1,
             "incidents_max": 3, "count_min": 3, "count_max": 3, "related_types": ["oom_kill"]},
            # three kills 1.5 h apart: three incidents, each counting the kernel lines of its kill
            {"type": "oom_kill", "host": host, "subject": "python3", "incidents_min": 3, "incidents_max": 3,
             "count_min": 3, "count_max": 15, "summary_contains": ["python3"]},
        ],
        "must_not": [
            {"type": "restart_burst"},
            {"type": "oom_kill", "summary_contains": ["85510"]},
        ],
        "facts": {"killed_by": "kernel OOM killer (global OOM, no swap)", "runs": facts},
    }
    write_expected(os.path.join(out_dir, "expected.json"), expected)


# ---- negative controls: things that must give no incident ---------------------------------------

NO_INCIDENT = [{"type": "restart_burst"}, {"type": "oom_kill"}, {"type": "log_truncation"},
               {"type": "error_signature"}]


def gen_busy_host(out_dir):
    """Admin restarts, timers that start and stop all day, cron, scanners: normal life."""
    rng = random.Random(5100)
    h = Host(rng, "web-01", ts(2026, 2, 24, 5, 12, 9, 338_101), 0x1a0c44, 5120, "6.1.0-31-cloud-amd64")
    u = Units(h, 18_400)
    noise = Noise(h, u, rng, 212_400)
    start = ts(2026, 3, 3, 0, 0, 0, 402_113)
    end = ts(2026, 3, 4, 2, 0, 0)
    nginx = ("nginx.service", "A high performance web server and a reverse proxy server")
    u.admin_restart(ts(2026, 3, 3, 10, 14, 22, 91_000), *nginx)
    u.admin_restart(ts(2026, 3, 3, 15, 47, 3, 517_000), *nginx, cpu_usec=41 * USEC + 220_000)
    day = ts(2026, 3, 3)
    for d in (0, 1):
        base = day + d * 86400 * USEC
        u.oneshot_run(base + rng.randint(0, 900) * USEC, "logrotate.service", "Rotate log files",
                      rng.randint(300_000, 1_500_000), 310_000)
        u.oneshot_run(base + rng.randint(0, 900) * USEC + 40 * USEC, "man-db.service", "Daily man-db regeneration",
                      rng.randint(400_000, 2_000_000), 540_000)
        u.oneshot_run(base + (6 * 3600 + rng.randint(0, 3600)) * USEC, "apt-daily-upgrade.service",
                      "Daily apt upgrade and clean activities", 4 * USEC, 1_920_000)
        if d == 0:
            u.oneshot_run(base + (14 * 3600 + rng.randint(0, 3600)) * USEC, "systemd-tmpfiles-clean.service",
                          "Cleanup of Temporary Directories", 61_000, 12_000)
            u.oneshot_run(base + (16 * 3600 + rng.randint(0, 7200)) * USEC, "apt-daily.service",
                          "Daily apt download activities", 9 * USEC, 4_100_000)
        for hh in (3, 15):
            at = base + (hh * 3600 + rng.randint(0, 43200 // 12)) * USEC
            if at < end:
                u.oneshot_run(at, "certbot.service", "Certbot", 3 * USEC, 1_400_000)
    # php's session cleaner: a timer at :09 and :39, i.e. the unit starts and stops 60 times in 30 h
    t = start - start % (1800 * USEC) + 9 * 60 * USEC
    while t < end:
        u.oneshot_run(t + rng.randint(0, 400_000), "phpsessionclean.service", "Clean php session files",
                      rng.randint(40_000, 300_000), 20_000)
        t += 1800 * USEC
    app = dict(unit="shop.service", ident="gunicorn", pid=1877, comm="gunicorn", exe="/usr/bin/python3.11",
               cmdline="/srv/shop/venv/bin/python3 /srv/shop/venv/bin/gunicorn shop.wsgi:application -w 3 "
               "-b 127.0.0.1:8001", stream=hexid(rng), invocation=h.new_invocation("shop.service"),
               uid="33", gid="33", cap="0")
    t = start + 11 * USEC
    while t < end:
        h.stdout(t, app, '127.0.0.1 - - [%s] "GET /products/%d HTTP/1.0" 200 %d "-" "Mozilla/5.0"'
                 % (wall(t).strftime("%d/%b/%Y:%H:%M:%S +0000"), rng.randint(1, 900), rng.randint(2000, 40000)))
        t += int(rng.expovariate(1 / 600.0) * USEC) + USEC
    scope = noise.ssh_login(ts(2026, 3, 3, 10, 11, 40, 0), "root", "0", "88.99.12.47", 41220)
    noise.ssh_logout(ts(2026, 3, 3, 10, 31, 2, 0), "root", scope)
    scope = noise.ssh_login(ts(2026, 3, 3, 15, 44, 10, 0), "root", "0", "88.99.12.47", 42950)
    noise.ssh_logout(ts(2026, 3, 3, 15, 58, 30, 0), "root", scope)
    noise.hourly(start, end)
    noise.ssh_scanners(start, end, 2400)
    noise.timesyncd(start, end)
    h.write_journal(os.path.join(out_dir, "journal.json"))
    write_expected(os.path.join(out_dir, "expected.json"), {
        "description": "A busy web host over 26 hours: nginx restarted twice by an admin five hours apart, "
                       "logrotate, man-db, apt and certbot timers running daily, php's session cleaner starting "
                       "and stopping every 30 minutes, cron, SSH scanners. Normal life: no incident.",
        "seed": None, "host": h.hostname,
        "inputs": [{"path": "journal.json", "format": "journal-json"}],
        "max_incidents": 0, "must": [], "must_not": NO_INCIDENT,
    })


def gen_one_off_errors(out_dir):
    """A handful of different errors, each once; one crash with one automatic restart."""
    rng = random.Random(5101)
    h = Host(rng, "api-02", ts(2026, 3, 1, 22, 5, 41, 19_882), 0x3e9d1, 3990, "6.1.0-31-cloud-amd64")
    u = Units(h, 9_100)
    noise = Noise(h, u, rng, 98_300)
    start = ts(2026, 3, 5, 8, 0, 0, 17_400)
    end = ts(2026, 3, 5, 20, 0, 0)
    lines = []

    def log(rt, level, name, text):
        lines.append((rt, "%s %s %s: %s\n" % (pystamp(rt), level, name, text)))

    t = start + 3 * USEC
    while t < end:
        log(t, "INFO", "orders.api", "GET /api/orders?page=%d 200 %dms" % (rng.randint(1, 40), rng.randint(8, 140)))
        t += int(rng.expovariate(1 / 90.0) * USEC) + USEC
    log(ts(2026, 3, 5, 9, 12, 44, 118_000), "ERROR", "payments.stripe",
        "Webhook signature verification failed for event evt_1QxT4bK2eZvKYlo2C8aR1n7c")
    tb_at = ts(2026, 3, 5, 11, 3, 9, 552_000)
    lines.append((tb_at, pystamp(tb_at) + " ERROR django.request: Internal Server Error: /api/orders/1841/invoice\n"
                  "Traceback (most recent call last):\n"
                  '  File "/srv/api/venv/lib/python3.11/site-packages/django/core/handlers/exception.py", line 55, '
                  "in inner\n    response = get_response(request)\n"
                  '  File "/srv/api/orders/views.py", line 212, in invoice\n    pdf = render_invoice(order)\n'
                  '  File "/srv/api/orders/pdf.py", line 48, in render_invoice\n'
                  "    return HTML(string=html).write_pdf()\n"
                  "OSError: cannot load library 'libpango-1.0-0': error 0x7e\n"))
    log(ts(2026, 3, 5, 14, 27, 31, 4_000), "ERROR", "orders.tasks", "SMTP delivery to ops@example.org failed: "
        "(421, b'4.7.0 Try again later, closing connection.')")
    log(ts(2026, 3, 5, 17, 50, 2, 660_000), "WARNING", "orders.cache", "Redis cache miss storm: 312 misses in 60s")
    write_text(os.path.join(out_dir, "api.log"), "".join(text for _, text in sorted(lines)))

    # the celery worker dies once on a lost broker connection and systemd restarts it once
    unit, desc = "api-celery.service", "API Celery worker"
    celery = dict(unit=unit, ident="celery", pid=2411, comm="celery", exe="/usr/bin/python3.11",
                  cmdline="/srv/api/venv/bin/python3 /srv/api/venv/bin/celery -A api worker -l info",
                  stream=hexid(rng), invocation=h.new_invocation(unit), uid="1001", gid="1001", cap="0")
    crash = ts(2026, 3, 5, 13, 18, 40, 207_000)
    h.stdout(crash - 1_200_000, celery, "[2026-03-05 13:18:39,007: CRITICAL/MainProcess] Unrecoverable error: "
             "ConnectionResetError(104, 'Connection reset by peer')")
    u.exited(crash, unit, 1)
    u.failed_result(crash + 200, unit, "exit-code")
    u.consumed(crash + 400, unit, (5 * 3600 + 3 * 60 + 12) * USEC + 880_000)
    u.restart_scheduled(crash + 5 * USEC, unit, 1)
    job = u.next_job()
    u.stopped(crash + 5 * USEC + 300, unit, desc, job, "restart")
    u.started(crash + 5 * USEC + 900, unit, desc, job)
    celery.update(pid=151_022, stream=hexid(rng), invocation=h.invocations[unit])
    h.stdout(crash + 8 * USEC, celery, "[2026-03-05 13:18:48,731: INFO/MainProcess] Connected to "
             "redis://127.0.0.1:6379/0")
    h.stdout(crash + 9 * USEC, celery, "[2026-03-05 13:18:49,902: INFO/MainProcess] celery@api-02 ready.")
    # certbot's renewal fails once (the ACME server was down), the next run succeeds
    unit, desc = "certbot.service", "Certbot"
    at = ts(2026, 3, 5, 15, 11, 7, 301_000)
    job = u.next_job()
    u.starting(at, unit, desc, job)
    h.new_invocation(unit)
    cert = dict(unit=unit, ident="certbot", pid=160_311, comm="certbot", exe="/usr/bin/python3.11",
                cmdline="/usr/bin/python3 /usr/bin/certbot -q renew", stream=hexid(rng), invocation=h.invocations[unit])
    h.stdout(at + 6 * USEC, cert, "Failed to renew certificate api.example.org with error: urn:ietf:params:acme:"
             "error:serverInternal :: The server experienced an internal error :: Service temporarily unavailable")
    h.stdout(at + 6 * USEC + 200, cert, "All renewals failed. The following certificates could not be renewed:")
    h.stdout(at + 6 * USEC + 300, cert, "  /etc/letsencrypt/live/api.example.org/fullchain.pem (failure)")
    h.stdout(at + 6 * USEC + 400, cert, "1 renew failure(s), 0 parse failure(s)")
    u.exited(at + 7 * USEC, unit, 1)
    u.failed_result(at + 7 * USEC + 200, unit, "exit-code")
    h.systemd(at + 7 * USEC + 400, unit, "Failed to start certbot.service - Certbot.", 3, CODE_JOB_DONE,
              [("JOB_ID", job), ("JOB_TYPE", "start"), ("JOB_RESULT", "failed")], MID_UNIT_FAILED)
    u.consumed(at + 7 * USEC + 600, unit, 1_310_000)
    noise.hourly(start, end)
    noise.ssh_scanners(start, end, 600)
    noise.timesyncd(start, end)
    h.write_journal(os.path.join(out_dir, "journal.json"))
    write_expected(os.path.join(out_dir, "expected.json"), {
        "description": "An API host over 12 hours: four different application errors, each once (one with a "
                       "traceback), a celery worker that dies once and is restarted once, a certbot renewal that "
                       "fails once. One-offs: no incident.",
        "seed": None, "host": h.hostname,
        "inputs": [{"path": "journal.json", "format": "journal-json"},
                   {"path": "api.log", "format": "text", "file": "/srv/api/log/api.log", "timezone": "UTC"}],
        "max_incidents": 0, "must": [], "must_not": NO_INCIDENT,
    })


def gen_graceful_shutdown(out_dir):
    """Logs that end with a shutdown sequence, while the host carries on."""
    rng = random.Random(5102)
    h = Host(rng, "kontali-prod", ts(2026, 2, 19, 4, 1, 55, 800_420), 0x2210a, 2210, "6.1.0-31-cloud-amd64")
    u = Units(h, 1_400)
    noise = Noise(h, u, rng, 51_000)
    start = ts(2026, 2, 20, 17, 0, 0, 88_000)
    stop = ts(2026, 2, 20, 18, 2, 9, 441_000)
    end = ts(2026, 2, 20, 19, 10, 0)
    pid = 51234
    out = ["INFO:     Started server process [%d]\n" % pid, "INFO:     Waiting for application startup.\n",
           "INFO:     Application startup complete.\n",
           "INFO:     Uvicorn running on http://127.0.0.1:8000 (Press CTRL+C to quit)\n"]
    t = start + 4 * USEC
    while t < stop:
        out.append('INFO:     127.0.0.1:%d - "GET /api/clients?tenant_id=%s HTTP/1.1" 200 OK\n'
                   % (rng.randint(40000, 60999), TENANT))
        t += rng.randint(5, 50) * USEC
    out += ["INFO:     Shutting down\n", "INFO:     Waiting for application shutdown.\n",
            "INFO:     Application shutdown complete.\n", "INFO:     Finished server process [%d]\n" % pid]
    write_text(os.path.join(out_dir, "backend.log"), "".join(out))
    worker = []
    t = start + 2 * USEC
    while t < stop:
        worker.append("%s INFO worker: synced %d bank transactions\n" % (pystamp(t), rng.randint(0, 30)))
        t += rng.randint(50, 70) * USEC
    worker += ["%s INFO worker: Received SIGTERM, shutting down\n" % pystamp(stop + 2_000),
               "%s INFO worker: Shutting down\n" % pystamp(stop + 4_000),
               "%s INFO worker: Shutdown complete\n" % pystamp(stop + 310_000)]
    write_text(os.path.join(out_dir, "worker.log"), "".join(worker))
    scope = noise.ssh_login(stop - 95 * USEC, "ubuntu", "1000", "84.215.60.12", 55001)
    for unit, desc, cpu in [("kontali-backend.service", "Kontali ERP backend", 192 * USEC + 345_000),
                            ("kontali-worker.service", "Kontali sync worker", 31 * USEC + 9_000)]:
        job = u.next_job()
        u.stopping(stop, unit, desc, job)
        u.deactivated(stop + 330_000, unit)
        u.stopped(stop + 330_400, unit, desc, job)
        u.consumed(stop + 330_600, unit, cpu)
    noise.ssh_logout(stop + 400 * USEC, "ubuntu", scope)
    noise.hourly(start, end)
    noise.ssh_scanners(start, end, 400)
    noise.timesyncd(start, end)
    h.write_journal(os.path.join(out_dir, "journal.json"))
    write_expected(os.path.join(out_dir, "expected.json"), {
        "description": "Maintenance: an admin stops the uvicorn backend and its sync worker with systemctl stop. "
                       "backend.log ends with uvicorn's shutdown sequence (Shutting down ... Finished server "
                       "process [51234]), worker.log with 'Shutdown complete'; the host keeps logging for an hour. "
                       "A graceful end is not a truncation: no incident.",
        "seed": None, "host": h.hostname,
        "inputs": [{"path": "journal.json", "format": "journal-json"},
                   {"path": "backend.log", "format": "text", "file": "/var/log/kontali/backend.log"},
                   {"path": "worker.log", "format": "text", "file": "/var/log/kontali/worker.log",
                    "timezone": "UTC"}],
        "max_incidents": 0, "must": [], "must_not": NO_INCIDENT,
    })


def gen_nightly_job(out_dir):
    """A backup job that writes its log for a few minutes at 02:00 and is silent the rest of the day."""
    rng = random.Random(5103)
    h = Host(rng, "db-backup-01", ts(2026, 3, 2, 9, 30, 4, 1_337), 0x77ab0, 7100, "6.1.0-31-cloud-amd64")
    u = Units(h, 3_000)
    noise = Noise(h, u, rng, 44_000)
    start = ts(2026, 3, 10, 23, 0, 0, 5_500)
    end = ts(2026, 3, 13, 3, 0, 0)
    unit, desc = "pg-backup.service", "Nightly PostgreSQL backup"
    log = []
    for night in (11, 12, 13):
        at = ts(2026, 3, night, 2, 0, 0, rng.randint(100_000, 900_000))
        label = "202603%02dT020001" % night
        steps = [(1, "starting base backup %s" % label),
                 (2, "pg_basebackup: initiating base backup, waiting for checkpoint to complete"),
                 (9, "pg_basebackup: checkpoint completed"),
                 (rng.randint(120, 200), "base backup written: %d.%02d GiB" % (1, rng.randint(30, 60))),
                 (rng.randint(230, 320), "uploaded base backup %s to s3://acme-db-backups/pg/ in %ds"
                  % (label, rng.randint(60, 110))),
                 (rng.randint(330, 360), "pruned 1 backup older than 14 days")]
        job = u.next_job()
        u.starting(at, unit, desc, job)
        h.new_invocation(unit)
        last = at
        for offset, text in steps:
            last = at + offset * USEC + rng.randint(0, 900_000)
            log.append("%s %s\n" % (wall(last).strftime("%Y-%m-%d %H:%M:%S"), text))
        u.deactivated(last + 40_000, unit)
        u.started(last + 40_300, unit, desc, job, verb="Finished")
        u.consumed(last + 40_500, unit, rng.randint(55, 75) * USEC + 338_000)
    write_text(os.path.join(out_dir, "pg-backup.log"), "".join(log))
    noise.hourly(start, end)
    noise.ssh_scanners(start, end, 7200)
    noise.timesyncd(start, end)
    h.write_journal(os.path.join(out_dir, "journal.json"))
    write_expected(os.path.join(out_dir, "expected.json"), {
        "description": "pg-backup.service runs from a timer at 02:00 for about six minutes, writing "
                       "/var/log/pg-backup.log, then exits 0 ('Deactivated successfully', 'Finished'); the log is "
                       "silent for the other 23 hours, by design, three nights running. No incident.",
        "seed": None, "host": h.hostname,
        "inputs": [{"path": "journal.json", "format": "journal-json"},
                   {"path": "pg-backup.log", "format": "text", "file": "/var/log/pg-backup.log", "timezone": "UTC"}],
        "max_incidents": 0, "must": [], "must_not": NO_INCIDENT,
    })


# ---- main -------------------------------------------------------------------------------------------

SCENARIOS = [
    ("000-crash-loop", lambda d: gen_crash_loop(d, CRASH_LOOP_CI_RESTARTS)),
    ("001-oom-kill-truncated-log", gen_oom_truncation),
    ("002-repeated-error-signatures", gen_repeated_errors),
    ("004-nohup-app-oom-deaths", gen_nohup_deaths),
    ("100-busy-host-normal-restarts", gen_busy_host),
    ("101-one-off-errors", gen_one_off_errors),
    ("102-graceful-shutdown", gen_graceful_shutdown),
    ("103-nightly-job-silent", gen_nightly_job),
]


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)),
                        help="directory that receives the scenario directories (default: next to this script)")
    parser.add_argument("--full-crash-loop", metavar="DIR",
                        help="also write the full %d-restart crash loop of seed 000 to DIR (for the bench; "
                             "about 160 MB, do not commit it)" % CRASH_LOOP_RESTARTS)
    parser.add_argument("--fleet", metavar="HOSTS", type=int, default=1,
                        help="with --full-crash-loop: the crash loop on this many hosts, merged into one journal "
                             "(about 160 MB a host)")
    parser.add_argument("--only", metavar="NAME", action="append",
                        help="write only this scenario (repeatable)")
    args = parser.parse_args(argv)
    for name, generate in SCENARIOS:
        if args.only and name not in args.only:
            continue
        generate(os.path.join(args.out, name))
        print("wrote %s" % os.path.join(args.out, name))
    if args.full_crash_loop and args.fleet > 1:
        gen_fleet_crash_loop(args.full_crash_loop, args.fleet)
        print("wrote %s" % args.full_crash_loop)
    elif args.full_crash_loop:
        gen_crash_loop(args.full_crash_loop, CRASH_LOOP_RESTARTS, full=True)
        print("wrote %s" % args.full_crash_loop)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
