#!/usr/bin/env python3
"""Timing helpers for bench/run.sh (standard library only).

Polling is done in-process (a raw HTTP/1.1 GET on a fresh loopback connection every --interval ms),
so no curl/fork cost lands inside a measured interval.

  coldstart  launch a command, time launch -> port open -> first HTTP answer -> first 200, then SIGTERM it
  deploy     N cycles of: atomic rename of a jar into deploy/ -> first 200 on URL; delete it -> first 404
  swaps      replace a jar in deploy/ with other versions, timing until URL reports each new version
  wait       wait until URL answers the given status

Every command prints one JSON object on stdout.
"""
import argparse
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from urllib.parse import urlsplit


def http_get(url, timeout=2.0):
    """Returns (status, body) or (None, reason) when nothing answered."""
    parts = urlsplit(url)
    host, port = parts.hostname, parts.port or 80
    path = parts.path + ("?" + parts.query if parts.query else "")
    try:
        with socket.create_connection((host, port), timeout=timeout) as s:
            s.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n\r\n".encode())
            chunks = []
            while True:
                b = s.recv(65536)
                if not b:
                    break
                chunks.append(b)
        raw = b"".join(chunks)
        if not raw.startswith(b"HTTP/"):
            return None, "garbage"
        status = int(raw.split(b" ", 2)[1])
        body = raw.split(b"\r\n\r\n", 1)[1] if b"\r\n\r\n" in raw else b""
        return status, body
    except (ConnectionRefusedError, ConnectionResetError, socket.timeout, OSError) as e:
        return None, type(e).__name__


def port_open(url):
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname, parts.port or 80), timeout=0.5):
            return True
    except OSError:
        return False


def ms(a, b):
    return None if a is None or b is None else round((b - a) * 1000, 1)


def poll_until(url, predicate, timeout_s, interval_s):
    """Polls until predicate(status, body) is true; returns (elapsed_s or None, last_status, polls)."""
    start = time.perf_counter()
    deadline = start + timeout_s
    polls = 0
    status = None
    while True:
        status, body = http_get(url)
        polls += 1
        now = time.perf_counter()
        if predicate(status, body):
            return now - start, status, polls
        if now > deadline:
            return None, status, polls
        time.sleep(interval_s)


def cmd_coldstart(a):
    env = dict(os.environ)
    for kv in a.env or []:
        k, v = kv.split("=", 1)
        env[k] = v
    log = open(a.log, "ab")
    interval = a.interval / 1000.0
    t_listen = t_first = t_ready = None
    wall0 = time.time()
    t0 = time.perf_counter()
    proc = subprocess.Popen(a.cmd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=False)
    if a.pidfile:
        with open(a.pidfile, "w") as f:
            f.write(str(proc.pid))
    ok = False
    try:
        deadline = t0 + a.timeout
        while time.perf_counter() < deadline:
            if proc.poll() is not None:
                break
            if t_listen is None:
                if port_open(a.url):
                    t_listen = time.perf_counter()
                else:
                    time.sleep(interval)
                    continue
            status, _ = http_get(a.url)
            now = time.perf_counter()
            if status is not None and t_first is None:
                t_first = now
            if status == 200:
                t_ready = now
                ok = True
                break
            time.sleep(interval)
        rss_kb = None
        if ok and a.settle > 0:
            time.sleep(a.settle)
            rss_kb = read_rss_kb(proc.pid)
    finally:
        stop_proc(proc, a.stop_timeout)
        log.close()
    out = {"ok": ok, "listen_ms": ms(t0, t_listen), "first_response_ms": ms(t0, t_first),
           "ready_ms": ms(t0, t_ready), "exit": proc.returncode, "rss_kb": rss_kb,
           "marker_ms": marker_offset_ms(a.log, a.marker, wall0) if a.marker else None}
    print(json.dumps(out))
    return 0 if ok else 1


def marker_offset_ms(log, marker, wall0):
    """ms from launch to the first log line containing marker (its leading HH:MM:SS.mmm, local time)."""
    try:
        with open(log, errors="replace") as f:
            for line in f:
                if marker in line:
                    hms = line.split()[0]
                    h, m, rest = hms.split(":")
                    stamp = int(h) * 3600 + int(m) * 60 + float(rest)
                    lt = time.localtime(wall0)
                    launch = lt.tm_hour * 3600 + lt.tm_min * 60 + lt.tm_sec + (wall0 % 1)
                    d = stamp - launch
                    if d < -43200:
                        d += 86400
                    return round(d * 1000, 1)
    except (OSError, ValueError, IndexError):
        return None
    return None


def read_rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def stop_proc(proc, timeout):
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def atomic_place(src, deploy_dir, name):
    part = os.path.join(deploy_dir, "." + name + ".part")
    shutil.copyfile(src, part)
    return part, os.path.join(deploy_dir, name)


def cmd_deploy(a):
    interval = a.interval / 1000.0
    status, _ = http_get(a.url)
    if status != 404:
        print(json.dumps({"ok": False, "error": f"expected 404 on {a.url} before deploying, got {status}"}))
        return 1
    deploys, undeploys = [], []
    ok = True
    for _ in range(a.n):
        part, final = atomic_place(a.jar, a.deploy_dir, a.name)
        t0 = time.perf_counter()
        os.rename(part, final)
        el, st, _ = poll_until(a.url, lambda s, b: s == 200, a.timeout, interval)
        if el is None:
            ok = False
            print(f"deploy: no 200 within {a.timeout}s (last {st})", file=sys.stderr)
            break
        deploys.append(el * 1000)
        time.sleep(a.pause + random.uniform(0, a.jitter))
        t0 = time.perf_counter()
        os.unlink(final)
        el, st, _ = poll_until(a.url, lambda s, b: s == 404, a.timeout, interval)
        if el is None:
            ok = False
            print(f"undeploy: no 404 within {a.timeout}s (last {st})", file=sys.stderr)
            break
        undeploys.append(el * 1000)
        time.sleep(a.pause + random.uniform(0, a.jitter))
    print(json.dumps({"ok": ok,
                      "deploy_ms": [round(x, 1) for x in deploys],
                      "undeploy_ms": [round(x, 1) for x in undeploys],
                      "deploy_median_ms": round(statistics.median(deploys), 1) if deploys else None,
                      "undeploy_median_ms": round(statistics.median(undeploys), 1) if undeploys else None}))
    return 0 if ok else 1


def cmd_swaps(a):
    """a.plan: list of jar=version; each replaces deploy/<name> and waits until URL reports the version."""
    interval = a.interval / 1000.0
    time.sleep(a.delay)
    results = []
    ok = True
    for step in a.plan:
        jar, version = step.rsplit("=", 1)
        slot_start = time.perf_counter()
        part, final = atomic_place(jar, a.deploy_dir, a.name)
        t0 = time.perf_counter()
        os.rename(part, final)
        want = ('"version":"%s"' % version).encode()
        el, st, _ = poll_until(a.url, lambda s, b: s == 200 and want in b, a.timeout, interval)
        results.append(None if el is None else round(el * 1000, 1))
        if el is None:
            ok = False
            print(f"swap to {version}: not visible within {a.timeout}s (last {st})", file=sys.stderr)
        rest = a.every - (time.perf_counter() - slot_start)
        if rest > 0:
            time.sleep(rest)
    print(json.dumps({"ok": ok, "swap_ms": results}))
    return 0 if ok else 1


def cmd_wait(a):
    el, st, _ = poll_until(a.url, lambda s, b: s == a.status, a.timeout, a.interval / 1000.0)
    print(json.dumps({"ok": el is not None, "elapsed_ms": None if el is None else round(el * 1000, 1), "last": st}))
    return 0 if el is not None else 1


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="what", required=True)

    c = sub.add_parser("coldstart")
    c.add_argument("--url", required=True)
    c.add_argument("--log", required=True)
    c.add_argument("--env", action="append", help="KEY=VALUE added to the child's environment")
    c.add_argument("--interval", type=float, default=5, help="poll interval, ms")
    c.add_argument("--timeout", type=float, default=60)
    c.add_argument("--stop-timeout", type=float, default=30)
    c.add_argument("--settle", type=float, default=0, help="seconds to wait after ready before reading VmRSS")
    c.add_argument("--pidfile")
    c.add_argument("--marker", help="log text whose line timestamp is reported as marker_ms after launch")
    c.add_argument("cmd", nargs=argparse.REMAINDER)

    d = sub.add_parser("deploy")
    d.add_argument("--url", required=True)
    d.add_argument("--jar", required=True)
    d.add_argument("--deploy-dir", required=True)
    d.add_argument("--name", default="hello.jar")
    d.add_argument("--n", type=int, default=5)
    d.add_argument("--interval", type=float, default=5)
    d.add_argument("--timeout", type=float, default=30)
    d.add_argument("--pause", type=float, default=0.3, help="seconds between steps")
    d.add_argument("--jitter", type=float, default=0.5,
                   help="extra random pause (s), so steps do not phase-lock with the deploy/ scanner")

    s = sub.add_parser("swaps")
    s.add_argument("--url", required=True)
    s.add_argument("--deploy-dir", required=True)
    s.add_argument("--name", default="hello.jar")
    s.add_argument("--delay", type=float, default=1.0)
    s.add_argument("--every", type=float, default=2.0)
    s.add_argument("--interval", type=float, default=10)
    s.add_argument("--timeout", type=float, default=10)
    s.add_argument("plan", nargs="+", help="JAR=VERSION ...")

    w = sub.add_parser("wait")
    w.add_argument("--url", required=True)
    w.add_argument("--status", type=int, default=200)
    w.add_argument("--timeout", type=float, default=60)
    w.add_argument("--interval", type=float, default=10)

    a = p.parse_args()
    if a.what == "coldstart":
        if a.cmd and a.cmd[0] == "--":
            a.cmd = a.cmd[1:]
        return cmd_coldstart(a)
    return {"deploy": cmd_deploy, "swaps": cmd_swaps, "wait": cmd_wait}[a.what](a)


def _term(signum, frame):
    raise KeyboardInterrupt


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, _term)
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
