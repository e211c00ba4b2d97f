#!/usr/bin/env python3
"""Median phases of Kernel.start, read from Pacesetter logs (one log per cold start).

Kernel.start begins at (timestamp of the "Pacesetter started in N ms" line) - N ms; the phases end at
the first "Bundle ... installed" line (framework init, DB pool and gateway started in parallel), the
system bundle's "started" line, and the last boot bundle's "started" line. Prints one line of text,
or "n/a" when the log lines are not found (their wording is the kernel's, not a stable interface).
"""
import re
import statistics
import sys


def stamp(line):
    h, m, s = line.split()[0].split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def phases(path):
    lines = open(path, errors="replace").read().splitlines()
    started = next(l for l in lines if "Pacesetter started in" in l)
    n = int(re.search(r"started in (\d+) ms", started).group(1))
    begin = stamp(started) - n / 1000
    first = next(l for l in lines if re.search(r"pacesetter\.bundles - Bundle .* installed", l))
    system = next(l for l in lines if re.search(r"Bundle org\.apache\.felix\.framework .* \(0\) started", l))
    last = [l for l in lines if re.search(r"pacesetter\.bundles - Bundle .* \(\d+\) started", l)
            and stamp(l) <= stamp(started)][-1]
    return [1000 * (stamp(x) - begin) for x in (first, system, last)] + [n]


rows = []
for p in sys.argv[1:]:
    try:
        rows.append(phases(p))
    except (StopIteration, IndexError, ValueError, AttributeError, OSError):
        pass
if not rows:
    print("n/a")
else:
    m = [statistics.median(c) for c in zip(*rows)]
    print(f"first bundle installed at {m[0]:.0f} ms, system bundle started at {m[1]:.0f} ms, "
          f"boot bundles started at {m[2]:.0f} ms, of {m[3]:.0f} ms")
