#!/usr/bin/env python3
"""Drives the evbench fixture of one running Pacesetter: publishes events through the outbox and waits
until its no-op subscriber has received them. Prints one JSON object with the timings.

usage: events_driver.py PORT PASSWORD COUNT PER_TRANSACTION
"""
import json
import sys
import time

from pacesetter_client import Client

port, password, count, per_tx = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
client = Client(port).sign_in(password, "/evbench/stats")
call = client.call

call("POST", "/evbench/reset")
start = call("GET", "/evbench/stats")["nowNanos"]
published = call("POST", "/evbench/publish", {"count": count, "perTransaction": per_tx})
after_publish = call("GET", "/evbench/stats")["nowNanos"]
deadline = time.time() + 600
stats = call("GET", "/evbench/stats")
while stats["received"] < count and time.time() < deadline:
    time.sleep(0.05)
    stats = call("GET", "/evbench/stats")
done = stats["received"] >= count
total_s = (stats["lastAtNanos"] - start) / 1e9 if done else None
print(json.dumps({
    "count": count,
    "perTransaction": per_tx,
    "received": stats["received"],
    "publishMillis": published["millis"],
    "publishPerSecond": round(count / max(published["millis"], 1) * 1000),
    "endToEndSeconds": round(total_s, 3) if total_s else None,
    "endToEndPerSecond": round(count / total_s) if total_s else None,
    # how long after publishing ended the last event arrived (what the subscriber was still catching up)
    "tailMillis": round(max(0, stats["lastAtNanos"] - after_publish) / 1e6) if done else None,
}))
