#!/usr/bin/env python3
"""Writes the real-world corpus: one folder per case under <class>/<case>/ with the input in a
format `vigil replay` reads, an expected.json (the scenario format) and a SOURCES file naming
where every real line comes from. Lines quoted from a source are verbatim; only the repetition
around them (the sixth restart of a loop, its time stamps) is made here, from the real wording.

    python3 analyzer/src/test/resources/realworld/generate.py
"""
import json
import os
import shutil
from datetime import datetime, timedelta, timezone

ROOT = os.path.dirname(os.path.abspath(__file__))
START = datetime(2026, 3, 2, 9, 0, 0, tzinfo=timezone.utc)
BOOT_ID = "5c1b4a6de0f14f8e9a3b2c1d0e9f8a7b"
BOOT_TIME = "2026-03-02T08:00:00Z"
BOOT_AT = datetime(2026, 3, 2, 8, 0, 0, tzinfo=timezone.utc)
CASES = []


def case(cls, name, description, source, host="realworld-host", must=(), must_not=(), negative=False):
    def register(writer):
        CASES.append(dict(cls=cls, name=name, description=description, source=source, host=host,
                          must=list(must), must_not=list(must_not), negative=negative, writer=writer))
        return writer
    return register


def expect(type_, subject=None, summary=(), count=None, related=(), pattern=None, incidents=(1, 1), labels=None, cause=()):
    m = {"type": type_, "incidents_min": incidents[0], "incidents_max": incidents[1]}
    if subject is not None:
        m["subject"] = subject
    if pattern is not None:
        m["pattern"] = pattern
    if summary:
        m["summary_contains"] = list(summary)
    if count is not None:
        m["count_min"], m["count_max"] = count
    if related:
        m["related_types"] = list(related)
    if labels:
        m["labels"] = labels
    if cause:
        m["cause_contains"] = list(cause)
    return m


# --- writers ---------------------------------------------------------------------------------

def dmesg(lines):
    """lines: (seconds after 01:00 of boot, message); written as `dmesg` prints them."""
    def write(d):
        with open(os.path.join(d, "dmesg.txt"), "w") as f:
            for secs, msg in lines:
                t = 3600 + secs
                f.write("[%5d.%06d] %s\n" % (int(t), round((t - int(t)) * 1e6), msg))
        return [{"path": "dmesg.txt", "format": "dmesg", "boot_id": BOOT_ID, "boot_time": BOOT_TIME}]
    return write


def journal(host, entries):
    """entries: (seconds after START, fields dict with MESSAGE and the writer's fields)."""
    def write(d):
        with open(os.path.join(d, "journal.json"), "w") as f:
            for seq, (secs, fields) in enumerate(entries, start=1):
                at = START + timedelta(seconds=secs)
                real = int(at.timestamp() * 1_000_000)
                mono = int((at - BOOT_AT).total_seconds() * 1_000_000)
                e = {"__CURSOR": "s=9d3f0c2a1b7e4d5c8f6a0b1c2d3e4f50;i=%x;b=%s;m=%x;t=%x;x=%016x"
                                 % (0x1000 + seq, BOOT_ID, mono, real, seq * 7919),
                     "__REALTIME_TIMESTAMP": str(real), "__MONOTONIC_TIMESTAMP": str(mono),
                     "_BOOT_ID": BOOT_ID, "_HOSTNAME": host, "_MACHINE_ID": "0f9e8d7c6b5a49382716051423324150"}
                e.update(fields)
                f.write(json.dumps(e, separators=(",", ":")) + "\n")
        return [{"path": "journal.json", "format": "journal-json"}]
    return write


def text(filename, path, lines):
    def write(d):
        with open(os.path.join(d, filename), "w") as f:
            for line in lines:
                f.write(line + "\n")
        return [{"path": filename, "format": "text", "file": path, "timezone": "UTC"}]
    return write


def cri(filename, path, records):
    """records: (seconds after START, stream, tag, output): a container log as containerd writes it."""
    def write(d):
        with open(os.path.join(d, filename), "w") as f:
            for secs, stream, tag, output in records:
                at = START + timedelta(seconds=secs)
                f.write("%s.%09dZ %s %s %s\n" % (at.strftime("%Y-%m-%dT%H:%M:%S"), at.microsecond * 1000, stream, tag, output))
        return [{"path": filename, "format": "cri", "file": path}]
    return write


def container_file(filename, path, fmt, lines):
    """lines: a container log's lines verbatim, records and stamps as the source shows them."""
    def write(d):
        with open(os.path.join(d, filename), "w") as f:
            for line in lines:
                f.write(line + "\n")
        return [{"path": filename, "format": fmt, "file": path}]
    return write


def dmesg_text(lines):
    """lines: `dmesg -T` output verbatim (wall-clock stamps, in UTC)."""
    def write(d):
        with open(os.path.join(d, "dmesg.txt"), "w") as f:
            for line in lines:
                f.write(line + "\n")
        return [{"path": "dmesg.txt", "format": "dmesg", "boot_id": BOOT_ID, "timezone": "UTC"}]
    return write


def dmesg_verbatim(lines):
    """lines: `dmesg` output verbatim (its own stamps, in seconds since the corpus' boot time)."""
    def write(d):
        with open(os.path.join(d, "dmesg.txt"), "w") as f:
            for line in lines:
                f.write(line + "\n")
        return [{"path": "dmesg.txt", "format": "dmesg", "boot_id": BOOT_ID, "boot_time": BOOT_TIME}]
    return write


def syslog(filename, lines):
    """lines: a syslog file's or a `journalctl -o short*` export's lines verbatim (/var/log/syslog, messages,
    daemon.log), stamps and hosts as the source shows them, stamps without a zone read in UTC."""
    def write(d):
        with open(os.path.join(d, filename), "w") as f:
            for line in lines:
                f.write(line + "\n")
        return [{"path": filename, "format": "syslog", "timezone": "UTC"}]
    return write


def docker_json(filename, path, records):
    """records: (seconds after START, stream, output): a json-file log as Docker writes it, a whole line a record."""
    def write(d):
        with open(os.path.join(d, filename), "w") as f:
            for secs, stream, output in records:
                at = START + timedelta(seconds=secs)
                stamp = "%s.%09dZ" % (at.strftime("%Y-%m-%dT%H:%M:%S"), at.microsecond * 1000)
                f.write(json.dumps({"log": output + "\n", "stream": stream, "time": stamp}, separators=(",", ":")) + "\n")
        return [{"path": filename, "format": "docker-json", "file": path}]
    return write


def pid1(unit, message, priority="6", **extra):
    """systemd (PID 1) about a unit: _SYSTEMD_UNIT=init.scope, the unit in UNIT=."""
    f = {"PRIORITY": priority, "SYSLOG_FACILITY": "3", "SYSLOG_IDENTIFIER": "systemd", "_PID": "1",
         "_COMM": "systemd", "_UID": "0", "_SYSTEMD_UNIT": "init.scope", "_TRANSPORT": "journal", "MESSAGE": message}
    if unit:
        f["UNIT"] = unit
    f.update(extra)
    return f


def user_manager(pid, uid, unit, message, priority="6", **extra):
    """A user's systemd (systemd --user) about one of its units: USER_UNIT=, in user@UID.service."""
    f = {"PRIORITY": priority, "SYSLOG_FACILITY": "3", "SYSLOG_IDENTIFIER": "systemd", "_PID": str(pid),
         "_COMM": "systemd", "_UID": str(uid), "_SYSTEMD_UNIT": "user@%d.service" % uid,
         "_SYSTEMD_USER_UNIT": "init.scope", "_SYSTEMD_SLICE": "user-%d.slice" % uid, "_TRANSPORT": "journal",
         "MESSAGE": message}
    if unit:
        f["USER_UNIT"] = unit
    f.update(extra)
    return f


def kernel_entry(message, priority="3"):
    """A kernel line as journald stores it (what `journalctl -k -o json` exports)."""
    return {"PRIORITY": priority, "SYSLOG_FACILITY": "0", "SYSLOG_IDENTIFIER": "kernel", "_TRANSPORT": "kernel",
            "MESSAGE": message}


def daemon(ident, pid, unit, message, priority="6"):
    """A daemon's own output on stdout/stderr, as journald stores it."""
    return {"PRIORITY": priority, "SYSLOG_FACILITY": "3", "SYSLOG_IDENTIFIER": ident, "_PID": str(pid), "_COMM": ident,
            "_UID": "0", "_SYSTEMD_UNIT": unit, "_TRANSPORT": "stdout", "MESSAGE": message}


RESTART_ID = "5eb03494b6584870a536b337290809b3"
FAILED_ID = "d9b373ed55a64feb8242e02dbe79a49c"
OOM_UNIT_ID = "fe6faa94e7774663a0da52717891d8ef"

from cases import register_all  # noqa: E402  (the cases live in cases.py beside this file)

register_all(globals())


def main():
    for c in CASES:
        d = os.path.join(ROOT, c["cls"], c["name"])
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        inputs = c["writer"](d)
        expected = {"description": c["description"], "host": c["host"], "inputs": inputs,
                    "must": c["must"], "must_not": c["must_not"]}
        if c["negative"]:
            expected["max_incidents"] = 0
        with open(os.path.join(d, "expected.json"), "w") as f:
            json.dump(expected, f, indent=2)
            f.write("\n")
        with open(os.path.join(d, "SOURCES"), "w") as f:
            f.write(c["source"].strip() + "\n")
    print("%d cases (%d negative)" % (len(CASES), sum(1 for c in CASES if c["negative"])))


if __name__ == "__main__":
    main()
