"""Drives bench/bulkhead.sh: floods the leads module with CSV exports while a prober times another module's route
(GET /accounts, pipeline) and the platform's GET /health. Prints one JSON object per command.

    python3 bulkhead_driver.py PORT PASSWORD setup FILE.csv ACCOUNTS   organisation, lead import (polled until DONE),
                                                                          ACCOUNTS pipeline accounts
    python3 bulkhead_driver.py PORT PASSWORD idle PROBES               PROBES sequential rounds of both probes
    python3 bulkhead_driver.py PORT PASSWORD flood CLIENTS SECONDS     CLIENTS looping GET /leads/export for SECONDS
                                                                          while the probes run (in their own process)

The prober runs in a separate python process, so the flood's threads never hold the interpreter lock while a probe
is timed. Flood clients honour Retry-After on 503 (BENCH_HONOUR_RETRY_AFTER=0: retry at once).
"""
import http.client
import json
import os
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pacesetter_client import Client  # noqa: E402
import leads_import_driver  # noqa: E402

PROBES = {"accounts": "/api/v1/accounts", "health": "/api/v1/health"}
EXPORT = "/api/v1/leads/export"


def percentile(values, p):
    if not values:
        return None
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, int(round(p / 100 * len(ordered) + 0.5)) - 1))
    return ordered[k]


def stats(millis):
    return {"n": len(millis), "p50": percentile(millis, 50), "p95": percentile(millis, 95), "max": max(millis) if millis else None}


def error_code(body):
    try:
        return json.loads(body).get("error", {}).get("code") or "?"
    except (ValueError, AttributeError):
        return "?"


class Probe:
    """One keep-alive connection, sequential GETs; each answer's time in ms and its status."""

    def __init__(self, port, token):
        self.port, self.token = port, token
        self.conn = None
        self.times = {name: [] for name in PROBES}
        self.outcomes = {name: {} for name in PROBES}

    def get(self, name):
        path = PROBES[name]
        start = time.perf_counter()
        try:
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            self.conn.request("GET", path, headers={"Authorization": "Bearer " + self.token})
            response = self.conn.getresponse()
            body = response.read()
            status = response.status
            outcome = str(status) if status == 200 else f"{status} {error_code(body)}"
            if response.getheader("Connection", "").lower() == "close":
                self.conn.close()
                self.conn = None
        except (OSError, http.client.HTTPException) as e:
            outcome = "broken " + type(e).__name__
            if self.conn is not None:
                self.conn.close()
            self.conn = None
        elapsed = (time.perf_counter() - start) * 1000
        self.times[name].append(elapsed)
        self.outcomes[name][outcome] = self.outcomes[name].get(outcome, 0) + 1

    def round(self):
        self.get("accounts")
        self.get("health")

    def report(self):
        return {name: dict(stats(self.times[name]), outcomes=self.outcomes[name]) for name in PROBES}


def probe_process(port, token, seconds):
    """Child process of `flood`: probes until SECONDS have passed."""
    probe = Probe(port, token)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        probe.round()
    print(json.dumps(probe.report()))


class Flood:
    def __init__(self, port, token, clients, seconds, honour_retry_after):
        self.port, self.token, self.clients, self.seconds = port, token, clients, seconds
        self.honour = honour_retry_after
        self.lock = threading.Lock()
        self.outcomes = {}
        self.export_ms = []
        self.export_bytes = []
        self.completed_in_window = 0
        self.samples = []

    def count(self, outcome):
        with self.lock:
            self.outcomes[outcome] = self.outcomes.get(outcome, 0) + 1

    def client(self, stop_at):
        buffer = bytearray(1 << 18)
        while time.monotonic() < stop_at:
            start = time.monotonic()
            retry_after = 0
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
            try:
                conn.request("GET", EXPORT, headers={"Authorization": "Bearer " + self.token})
                response = conn.getresponse()
                if response.status == 200:
                    size = 0
                    while True:
                        n = response.readinto(buffer)
                        if not n:
                            break
                        size += n
                    end = time.monotonic()
                    with self.lock:
                        self.outcomes["200"] = self.outcomes.get("200", 0) + 1
                        self.export_ms.append((end - start) * 1000)
                        self.export_bytes.append(size)
                        if end <= stop_at:
                            self.completed_in_window += 1
                else:
                    body = response.read()
                    self.count(f"{response.status} {error_code(body)}")
                    if response.status == 503:
                        retry_after = int(response.getheader("Retry-After") or "1")
            except (OSError, http.client.HTTPException) as e:
                self.count("broken " + type(e).__name__)
            finally:
                conn.close()
            if retry_after and self.honour:
                time.sleep(min(retry_after, max(0.0, stop_at - time.monotonic())))

    def run(self):
        started, started_epoch = time.monotonic(), time.time()
        stop_at = started + self.seconds
        threads = [threading.Thread(target=self.client, args=(stop_at,), daemon=True) for _ in range(self.clients)]
        for t in threads:
            t.start()
        # the probes start once every client has sent its first request, and end with the window
        time.sleep(min(1.0, self.seconds / 4))
        prober = subprocess.run([sys.executable, os.path.abspath(__file__), str(self.port), self.token, "probe",
                                 str(max(1.0, stop_at - time.monotonic()))], capture_output=True, text=True, check=True)
        for t in threads:
            t.join(timeout=180)
        drained = time.monotonic()
        window = self.seconds
        return {"clients": self.clients, "seconds": window, "probes": json.loads(prober.stdout),
                "exports": {"outcomes": self.outcomes, "completedInWindow": self.completed_in_window,
                            "completedPerSecond": round(self.completed_in_window / window, 2),
                            "exportMs": stats(self.export_ms),
                            "bytesMin": min(self.export_bytes) if self.export_bytes else None,
                            "bytesMax": max(self.export_bytes) if self.export_bytes else None,
                            "stillRunningAtEndSeconds": round(drained - stop_at, 1),
                            "honourRetryAfter": self.honour},
                "window": {"startEpoch": round(started_epoch, 3), "endEpoch": round(started_epoch + window, 3)}}


def setup(client, path, accounts):
    leads_import_driver.setup(client)
    accepted, size = leads_import_driver.upload(client, path)
    location = "/leads/imports/" + str(accepted["id"])
    while True:
        state = client.call("GET", location)
        if state["status"] in ("DONE", "FAILED"):
            break
        time.sleep(0.3)
    for i in range(accounts):
        client.call("POST", "/accounts", {"name": f"Bench account {i}", "contacts": [
            {"name": f"Contact {i}a", "title": "Buyer", "email": f"a{i}@example.com", "phone": f"+86 138 0000 {i:04d}"},
            {"name": f"Contact {i}b", "title": "CFO", "email": f"b{i}@example.com"}]})
    page = client.call("GET", "/accounts")
    return {"import": state["status"], "counts": state["counts"], "bytes": size, "accounts": len(page["items"])}


def main():
    port, secret, command = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    if command == "probe":  # internal: secret is the token
        probe_process(port, secret, float(sys.argv[4]))
        return
    client = Client(port).sign_in(secret, "/accounts")
    if command == "setup":
        result = setup(client, sys.argv[4], int(sys.argv[5]))
    elif command == "idle":
        probe = Probe(port, client.token)
        for _ in range(int(sys.argv[4])):
            probe.round()
        result = {"probes": probe.report()}
    elif command == "flood":
        honour = os.environ.get("BENCH_HONOUR_RETRY_AFTER", "1") != "0"
        result = Flood(port, client.token, int(sys.argv[4]), float(sys.argv[5]), honour).run()
    else:
        raise SystemExit(f"unknown command {command}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
