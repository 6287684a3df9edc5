#!/usr/bin/env python3
"""Writes an application log of LINES lines (default 1,000,000) for the replay benchmark:
about 180 bytes a line, 5 % ERROR lines of three templates (some followed by a Python
traceback), the rest INFO/DEBUG/WARNING traffic.

    generate-applog.py OUT.log [LINES]

Deterministic (fixed seed). The three error templates are the real lines of the standard
library's fixture (patterns/src/main/resources/vigil/library/fixtures/seed-002-assigner-errors.log),
with their variable parts varied; the traffic around them is synthetic repetition.
"""
import datetime
import random
import sys

if len(sys.argv) not in (2, 3) or sys.argv[1].startswith("-"):
    # an option is no output path: "--help" once wrote a million lines into a file of that name
    sys.exit(__doc__)
out_path = sys.argv[1]
target = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
rnd = random.Random(17)
t = datetime.datetime(2026, 11, 20, 0, 0, 0)
ERRORS = [
    "Failed to get environment info: Expecting value: line 1 column 1 (char 0)",
    "Failed to create environment: ValueError: Environment '{name}' already exists",
    "Failed to create environment: RuntimeError: No available ports for new environment",
]
NAMES = ["reading-ui-improvement", "billing-api-v2", "search-reindex", "auth-token-refresh", "checkout-flow"]
TRAFFIC = [
    "INFO Handled request method=GET path=/api/v1/environments/{n} status=200 duration_ms={ms} user=u{u} trace_id={tid}",
    "INFO Assigned worker worker-{w} to environment {name} after {ms} ms in queue, {q} requests still waiting",
    "DEBUG Cache lookup key=env:{name}:{n} hit={hit} size={q} evictions={u} shard={w} took {ms} microseconds",
    "WARNING Slow response from upstream http://10.0.{w}.{u}:8080/health took {ms} ms (threshold 500 ms), retrying",
]
TRACE = [
    "Traceback (most recent call last):",
    '  File "/srv/architect/assigner/worker.py", line 212, in create_environment',
    "    env = self.registry.allocate(name, ports=self.ports.take(2))",
    '  File "/srv/architect/assigner/ports.py", line 48, in take',
    '    raise RuntimeError("No available ports for new environment")',
    "RuntimeError: No available ports for new environment",
]
with open(out_path, "w") as out:
    n = 0
    while n < target:
        t += datetime.timedelta(milliseconds=rnd.randint(1, 60))
        stamp = t.strftime("%Y-%m-%d %H:%M:%S")
        if rnd.random() < 0.05:
            k = rnd.randrange(3)
            out.write(f"{stamp} ERROR {ERRORS[k].format(name=rnd.choice(NAMES))}\n")
            n += 1
            if k == 2 and rnd.random() < 0.3:
                out.write("\n".join(TRACE) + "\n")
                n += len(TRACE)
        else:
            line = rnd.choice(TRAFFIC).format(n=rnd.randint(1, 99999), ms=rnd.randint(1, 2000), u=rnd.randint(1, 250),
                                              tid="%016x" % rnd.getrandbits(64), w=rnd.randint(1, 64),
                                              name=rnd.choice(NAMES), q=rnd.randint(0, 500), hit=rnd.choice(["true", "false"]))
            out.write(f"{stamp} {line}\n")
            n += 1
