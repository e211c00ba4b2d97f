#!/usr/bin/env python3
"""Drives the evbench fixture of one running Pacesetter: publishes events through the outbox and waits
until its no-op subscriber has received them. Prints one JSON object with the timings.

usage: events_driver.py PORT PASSWORD COUNT PER_TRANSACTION
"""
import json
import sys
import time
import urllib.error
import urllib.request

port, password, count, per_tx = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
base = f"http://127.0.0.1:{port}/api/v1"


def call(method, path, body=None, token=None, timeout=600):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, method=method, data=data, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            text = response.read()
            return json.loads(text) if text else None
    except urllib.error.HTTPError as e:
        e.msg = f"{method} {path}: {e.code} {e.read().decode(errors='replace')[:300]}"
        raise


token = None
for _ in range(300):  # 503 while the first administrator is still being created
    try:
        token = call("POST", "/auth/login", {"username": "admin", "password": password})["token"]
        break
    except urllib.error.HTTPError as e:
        if e.code != 503:
            raise
        time.sleep(0.1)
for _ in range(300):  # the module's routes appear once its bundle is active
    try:
        call("GET", "/evbench/stats", token=token)
        break
    except urllib.error.HTTPError:
        time.sleep(0.1)

call("POST", "/evbench/reset", token=token)
start = call("GET", "/evbench/stats", token=token)["nowNanos"]
published = call("POST", "/evbench/publish", {"count": count, "perTransaction": per_tx}, token=token)
after_publish = call("GET", "/evbench/stats", token=token)["nowNanos"]
deadline = time.time() + 600
stats = call("GET", "/evbench/stats", token=token)
while stats["received"] < count and time.time() < deadline:
    time.sleep(0.05)
    stats = call("GET", "/evbench/stats", token=token)
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
