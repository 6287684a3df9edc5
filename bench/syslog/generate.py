#!/usr/bin/env python3
"""Writes a /var/log/syslog-style file (RFC 3164, as rsyslog writes it) of about LINES lines with
known crash loops and OOM kills, and the list of what a reader should find in it.

    generate.py OUT.syslog OUT.expected.json [LINES]

Deterministic (fixed seed). The incidents are built around the line formats real hosts write:
systemd's "Main process exited" / "Failed with result" / "Scheduled restart job, restart counter
is at N." (src/core/service.c, v235+), the kernel's OOM report ("invoked oom-killer", "oom-kill:",
"Out of memory: Killed process", "oom_reaper: reaped process", mm/oom_kill.c 5.x) and everyday
noise (cron, sshd, session scopes, UFW). Look-alikes that are not incidents: units restarted once
every two hours, single crashes that one restart fixes, and "TCP: out of memory".
"""
import datetime
import json
import random
import sys

out_path, expected_path = sys.argv[1], sys.argv[2]
target = int(sys.argv[3]) if len(sys.argv) > 3 else 200_000
rnd = random.Random(18)
START = datetime.datetime(2026, 11, 20, 0, 0, 0)
SPAN = datetime.timedelta(days=3)
HOSTS = ["web-1", "web-2", "db-1"]
LOOPS, KILLS = 35, 84

lines = []  # (time, text)


def at(t, host, tag, msg):
    lines.append((t, f"{t.strftime('%b %e %H:%M:%S')} {host} {tag}: {msg}"))


def systemd(t, host, msg):
    at(t, host, "systemd[1]", msg)


expected_bursts, expected_kills = [], []

# crash loops: a unit fails every RestartSec (5-30 s), 6-12 restarts, then systemd gives up or it recovers
for n in range(LOOPS):
    host = HOSTS[n % len(HOSTS)]
    name = f"worker-{n:02d}"
    unit = f"{name}.service"
    t = START + SPAN * (n + 0.5) / LOOPS + datetime.timedelta(seconds=rnd.randint(0, 600))
    restarts = rnd.randint(6, 12)
    every = rnd.randint(5, 30)
    for i in range(1, restarts + 1):
        pid = rnd.randint(2000, 4_000_000)
        systemd(t, host, f"Started {unit} - Worker {n}.")
        t += datetime.timedelta(seconds=1)
        at(t, host, f"{name}[{pid}]", "Error: connect ECONNREFUSED 10.0.0.5:5432")
        systemd(t, host, f"{unit}: Main process exited, code=exited, status=1/FAILURE")
        systemd(t, host, f"{unit}: Failed with result 'exit-code'.")
        t += datetime.timedelta(seconds=every)
        systemd(t, host, f"{unit}: Scheduled restart job, restart counter is at {i}.")
        systemd(t, host, f"Stopped {unit} - Worker {n}.")
    expected_bursts.append({"host": host, "unit": unit})

# OOM kills: the kernel's report of one kill, its victim named by pid
COMMS = ["java", "postgres", "python3", "node", "mysqld", "ruby", "uvicorn"]
for n in range(KILLS):
    host = HOSTS[n % len(HOSTS)]
    t = START + SPAN * (n + 0.3) / KILLS + datetime.timedelta(seconds=rnd.randint(0, 300))
    comm = COMMS[n % len(COMMS)]
    pid = 100_000 + n * 977
    anon = rnd.randint(100_000, 4_000_000)
    mono = (t - START).total_seconds() + 3600.0
    k = lambda msg: at(t, host, "kernel", f"[{mono:12.6f}] {msg}")
    k(f"{comm} invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=0")
    k(f"oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,"
      f"task_memcg=/system.slice/{comm}.service,task={comm},pid={pid},uid=1000")
    k(f"Out of memory: Killed process {pid} ({comm}) total-vm:{anon * 2}kB, anon-rss:{anon}kB, file-rss:0kB, "
      f"shmem-rss:0kB, UID:1000 pgtables:{anon // 500}kB oom_score_adj:0")
    t += datetime.timedelta(seconds=1)
    mono += 0.4
    k(f"oom_reaper: reaped process {pid} ({comm}), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB")
    expected_kills.append({"host": host, "pid": pid, "comm": comm})

# look-alikes: units that restart once every two hours, for the whole three days
for n in range(8):
    host = HOSTS[n % len(HOSTS)]
    unit = f"flaky-{n}.service"
    t = START + datetime.timedelta(minutes=17 * n)
    i = 0
    while t < START + SPAN:
        i += 1
        systemd(t, host, f"{unit}: Main process exited, code=exited, status=1/FAILURE")
        systemd(t, host, f"{unit}: Failed with result 'exit-code'.")
        systemd(t + datetime.timedelta(seconds=10), host, f"{unit}: Scheduled restart job, restart counter is at {i}.")
        t += datetime.timedelta(hours=2)
for n in range(20):
    t = START + SPAN * rnd.random()
    at(t, rnd.choice(HOSTS), "kernel", "TCP: out of memory -- consider tuning tcp_mem")
    t = START + SPAN * rnd.random()
    host = rnd.choice(HOSTS)
    systemd(t, host, f"app-{n}.service: Main process exited, code=exited, status=1/FAILURE")
    systemd(t, host, f"app-{n}.service: Failed with result 'exit-code'.")
    systemd(t + datetime.timedelta(seconds=5), host, f"app-{n}.service: Scheduled restart job, restart counter is at 1.")
    systemd(t + datetime.timedelta(seconds=5), host, f"Started app-{n}.service - App {n}.")

# everyday noise until the file has its size
noise_needed = target - len(lines)
for j in range(noise_needed):
    t = START + SPAN * j / noise_needed
    host = HOSTS[j % len(HOSTS)]
    kind = j % 10
    pid = 10_000 + (j * 7919) % 900_000
    if kind < 3:
        at(t, host, f"CRON[{pid}]", "(root) CMD (command -v debian-sa1 > /dev/null && debian-sa1 1 1)")
    elif kind < 5:
        at(t, host, f"sshd[{pid}]", f"Accepted publickey for deploy from 10.0.{j % 255}.{(j * 3) % 255} port "
           f"{40000 + j % 20000} ssh2: ED25519 SHA256:q0Jk0f7mH1b6b2p8yX3v2c0Z9mJ3m3c7b4a5s6d7f8g")
    elif kind < 7:
        systemd(t, host, f"Started session-{j}.scope - Session {j} of User deploy.")
    elif kind < 9:
        at(t, host, "kernel", f"[{(t - START).total_seconds() + 3600.0:12.6f}] [UFW BLOCK] IN=eth0 OUT= "
           f"MAC=00:16:3e:00:00:01 SRC=203.0.113.{j % 250} DST=198.51.100.7 LEN=44 TOS=0x00 PREC=0x00 TTL=45 "
           f"ID={j % 65535} PROTO=TCP SPT={1024 + j % 60000} DPT=23 WINDOW=1024 RES=0x00 SYN URGP=0")
    else:
        at(t, host, f"systemd-logind[{700 + j % 3}]", f"Removed session {j}.")

lines.sort(key=lambda x: x[0])  # a stable sort keeps each burst's lines in the order they were written
with open(out_path, "w") as f:
    for _, text in lines:
        f.write(text + "\n")
with open(expected_path, "w") as f:
    json.dump({"bursts": expected_bursts, "kills": expected_kills,
               "last": lines[-1][0].strftime("%Y-%m-%dT%H:%M:%S")}, f, indent=1)
print(f"{len(lines)} lines, {len(expected_bursts)} crash loops, {len(expected_kills)} OOM kills", file=sys.stderr)
