#!/usr/bin/env python3
"""Drives the timers fixture of one running Pacesetter: schedules deadlines and waits until they fired,
then reads how late each one fired (fired_at - due_at, recorded by the fixture's handler in the firing
transaction). Prints one JSON object per scenario.

usage: deadlines_driver.py PORT PASSWORD PENDING HOT BURST
  baseline: HOT deadlines due over 10 s with an empty table
  loaded:   PENDING deadlines due in an hour first, then HOT deadlines due over 10 s
  burst:    BURST deadlines all due at the same instant (drain rate)
"""
import json
import sys
import time

from pacesetter_client import Client

port, password = sys.argv[1], sys.argv[2]
pending, hot, burst = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
client = Client(port).sign_in(password, "/timers/fired")
call = client.call


def schedule(prefix, count, due_in_ms, spread_ms):
    return call("POST", "/timers/deadlines", {"prefix": prefix, "count": count, "dueInMs": due_in_ms, "spreadMs": spread_ms})


def await_fired(prefix, count, bound_s):
    deadline = time.time() + bound_s
    while True:
        fired = call("GET", "/timers/fired?prefix=" + prefix)
        if fired["count"] >= count or time.time() > deadline:
            return fired
        time.sleep(0.5)


def scenario(name, prefix, count, due_in_ms, spread_ms, backlog):
    started = time.time()
    scheduled = schedule(prefix, count, due_in_ms, spread_ms)
    fired = await_fired(prefix, count, due_in_ms / 1000 + spread_ms / 1000 + 120)
    fired.update({"scenario": name, "scheduled": count, "backlog": backlog, "scheduleMillis": scheduled["millis"],
                  "wallSeconds": round(time.time() - started, 1)})
    print(json.dumps(fired), flush=True)


scenario("baseline", "base-", hot, 3000, 10000, 0)
if pending:
    schedule("idle-", pending, 3_600_000, 600_000)
scenario("loaded", "hot-", hot, 3000, 10000, pending)
scenario("burst", "burst-", burst, 3000, 0, pending)
