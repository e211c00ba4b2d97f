#!/usr/bin/env python3
"""HTTP side of bench/crash.sh: writes leads until it kills the server, checks every acknowledged lead after the
restart, and prints the report. The shell script starts and restarts the server; this driver only talks to it (and
sends the one SIGKILL, so that the kill lands while its writers have requests in flight).

State lives in one folder per database (STATE): acked.tsv (id TAB name of every 201, all rounds) and round-N.json.

usage:
  crash_driver.py write  PORT PASSWORD JVM_PID STATE ROUND      three writers, SIGKILL to JVM_PID, record the round
  crash_driver.py verify PORT PASSWORD STATE ROUND HEALTHY_AT   read back every lead acknowledged so far (prints one line)
  crash_driver.py reopen-failed STATE ROUND LOG_TAIL_FILE       the server did not come back after round ROUND's kill
  crash_driver.py report OUT LABEL=STATE[=DBCHECK] ...          print the report (exit 1 on any failure)
"""
import http.client
import json
import os
import random
import signal
import statistics
import sys
import threading
import time
import urllib.error
from collections import Counter

from pacesetter_client import Client

WRITERS = 3
MIN_ACKED = int(os.environ.get("BENCH_MIN_ACKED", "30"))    # acknowledged writes before the kill may come
MAX_EXTRA_MS = int(os.environ.get("BENCH_MAX_EXTRA_MS", "500"))  # then a random 0..this many ms more
ROUND_TIMEOUT_S = 120                                        # a round that never reaches MIN_ACKED is an error


def write(port, password, pid, state, rnd):
    client = Client(port).sign_in(password, "/leads?limit=1")
    owner = client.call("GET", "/me")["id"]
    token = client.token
    acked = {}                  # id -> name, this round only
    answers = Counter()         # status (or exception name) of every reply before the kill
    lock = threading.Lock()
    enough = threading.Event()  # MIN_ACKED reached
    killed = threading.Event()
    sequence = iter(range(1, 10 ** 9))

    def writer():
        conn = None
        while not killed.is_set():
            with lock:
                n = next(sequence)
            # distinct name and phone per lead, also across rounds: the duplicate check would answer 409 otherwise
            name = f"崩溃测试 {rnd}-{n}"
            body = json.dumps({"personName": name, "ownerId": owner, "phone": f"+86 139 {rnd % 1000:03d}{n:05d}"},
                              ensure_ascii=False).encode()
            try:
                if conn is None:
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                conn.request("POST", "/api/v1/leads", body,
                             {"Content-Type": "application/json", "Authorization": "Bearer " + token})
                response = conn.getresponse()
                text = response.read()   # the whole body, or it does not count: the id is in it
                status = response.status
            except (OSError, http.client.HTTPException) as e:
                # the kill (connection refused or reset): whatever was not answered was not acknowledged
                if conn is not None:
                    conn.close()
                conn = None
                if not killed.is_set():
                    with lock:
                        answers[type(e).__name__] += 1
                continue
            with lock:
                answers[str(status)] += 1
                if status == 201:
                    acked[json.loads(text)["id"]] = name
                    if len(acked) >= MIN_ACKED:
                        enough.set()
        if conn is not None:
            conn.close()

    threads = [threading.Thread(target=writer, daemon=True) for _ in range(WRITERS)]
    for t in threads:
        t.start()
    reached = enough.wait(ROUND_TIMEOUT_S)
    # a random moment, so that the kill lands at a different point of a write each round (this sleep is the
    # randomness itself, not a wait for something)
    time.sleep(random.uniform(0, MAX_EXTRA_MS / 1000))
    killed_at = time.time()
    os.kill(pid, signal.SIGKILL)
    killed.set()
    for t in threads:
        t.join(60)
    with lock:
        record = {"round": rnd, "acked": len(acked), "killedAt": killed_at, "reachedMinimum": reached,
                  "answers": dict(answers)}
        with open(os.path.join(state, "acked.tsv"), "a", encoding="utf-8") as f:
            for lead_id, name in acked.items():
                f.write(f"{lead_id}\t{name}\n")
    save(state, rnd, record)
    print(json.dumps(record))


def verify(port, password, state, rnd, healthy_at):
    record = load(state, rnd)
    expected = {}
    with open(os.path.join(state, "acked.tsv"), encoding="utf-8") as f:
        for line in f:
            lead_id, name = line.rstrip("\n").split("\t")
            expected[int(lead_id)] = name
    client = Client(port).sign_in(password, "/leads?limit=1")
    # one page of 200 instead of one GET per lead; the page carries each lead's id and name
    found, after = {}, None
    while True:
        page = client.call("GET", "/leads?limit=200&sort=createdAt" + (f"&after={after}" if after else ""))
        for lead in page["items"]:
            found[lead["id"]] = lead["personName"]
        after = page["nextAfter"]
        if not after:
            break
    lost, reused = [], []
    for lead_id, name in expected.items():
        if lead_id not in found:
            # missing from the list: ask for it by id before calling it lost
            try:
                found[lead_id] = client.call("GET", f"/leads/{lead_id}")["personName"]
            except urllib.error.HTTPError as e:
                lost.append({"id": lead_id, "name": name, "status": e.code})
                continue
        if found[lead_id] != name:
            reused.append({"id": lead_id, "name": name, "now": found[lead_id]})
    without_event = leads_without_event(client, found, expected)
    record.update({"healthyAt": healthy_at, "reopenSeconds": healthy_at - record["killedAt"], "checked": len(expected),
                   "leadsInDatabase": len(found), "lost": lost, "reused": reused, "withoutEvent": without_event})
    save(state, rnd, record)
    print(f"{record['acked']} acknowledged, healthy {record['reopenSeconds']:.1f} s after the kill; {len(expected)} checked:"
          f" {len(lost)} lost, {len(reused)} reused, {len(without_event)} without their lead.created event")


def leads_without_event(client, found, expected):
    """Leads the restarted server lists without their lead.created event (written in the lead's own transaction), so
    that a broken transaction is pinned to the kill that caused it. The event log shows numbered events only: a lead
    whose event the sequencer has not numbered yet is looked at again for a few seconds before it counts."""
    missing = set(found)
    for attempt in range(40):
        after = 0
        while missing:
            page = client.call("GET", f"/events?topic=leads/lead.created&limit=500&after={after}")
            for event in page["items"]:
                missing.discard(int(event["aggregateId"]))
            after = page["nextAfter"]
            if not after:
                break
        if not missing:
            return []
        time.sleep(0.25)  # the sequencer numbers committed events within its linger after a restart
    return [{"id": lead_id, "name": found[lead_id], "acknowledged": lead_id in expected} for lead_id in sorted(missing)]


def reopen_failed(state, rnd, tail_file):
    record = load(state, rnd)
    with open(tail_file, encoding="utf-8", errors="replace") as f:
        record["reopenFailed"] = f.read()
    save(state, rnd, record)


def report(out, specs):
    failed = False
    lines = []
    for spec in specs:
        label, state, *check = spec.split("=")
        rounds = [load(state, int(name[6:-5])) for name in os.listdir(state) if name.startswith("round-")]
        rounds.sort(key=lambda r: r["round"])
        verified = [r for r in rounds if "checked" in r]
        acked = sum(r["acked"] for r in rounds)
        lost = {x["id"]: x for r in verified for x in r["lost"]}        # a lost lead shows in every later round too
        reused = {x["id"]: x for r in verified for x in r["reused"]}
        reopen = [r for r in rounds if "reopenFailed" in r]
        short = [r for r in rounds if not r["reachedMinimum"]]
        # a lead without its event stays so: the first round that saw it is the kill that broke the transaction
        first_without = {}
        for r in verified:
            for x in r.get("withoutEvent", []):
                first_without.setdefault(x["id"], dict(x, round=r["round"]))
        times = sorted(r["reopenSeconds"] for r in verified)
        answers = Counter()
        for r in rounds:
            answers.update(r["answers"])
        db = {}
        if check and check[0] and os.path.exists(check[0]):
            with open(check[0]) as f:
                db = json.load(f)
        orphans = db.get("orphanEvents")
        bad = bool(lost or reused or reopen or short or orphans or db.get("duplicateEvents") or not db
                   or db.get("leadsWithoutEvent") or first_without)
        failed |= bad
        lines.append(f"{label}:")
        lines.append(f"  kills done                       {len(rounds)}")
        lines.append(f"  acknowledged writes (201)        {acked}, checked after every restart (the last check: {verified[-1]['checked'] if verified else 0})")
        lines.append(f"  lost                             {len(lost)}")
        lines.append(f"  ids reused                       {len(reused)}")
        lines.append(f"  leads without their event        {len(first_without)} (looked for over the API after every restart)")
        if db:
            lines.append(f"  orphan events                    {orphans} (of {db['createdEvents']} leads/lead.created events;"
                         f" {db['leadsWithoutEvent']} leads without their event, {db['duplicateEvents']} ids with two)")
            lines.append(f"  leads in the table               {db['leads']} ({db['leads'] - acked} more than acknowledged:"
                         f" committed, but the kill cut off the answer)")
        else:
            lines.append("  orphan events                    not checked (the database was not reachable after the run)")
        lines.append(f"  reopen failures                  {len(reopen)}")
        if times:
            lines.append(f"  kill to healthy again            min {times[0]:.1f} s, median {statistics.median(times):.1f} s,"
                         f" max {times[-1]:.1f} s")
        if rounds:
            lines.append(f"  acknowledged per round           median {statistics.median(r['acked'] for r in rounds):.0f}"
                         f" (min {min(r['acked'] for r in rounds)}, max {max(r['acked'] for r in rounds)})")
        lines.append("  answers before the kills         " + ", ".join(f"{k}: {v}" for k, v in sorted(answers.items())))
        for x in list(lost.values())[:10]:
            lines.append(f"    LOST {x['id']} {x['name']} ({x['status']})")
        for x in list(reused.values())[:10]:
            lines.append(f"    REUSED {x['id']} was {x['name']}, now {x['now']}")
        for x in list(first_without.values())[:10]:
            lines.append(f"    WITHOUT EVENT lead {x['id']} {x['name']} ({'acknowledged' if x['acknowledged'] else 'never acknowledged'}),"
                         f" first seen after kill {x['round']}")
        for r in reopen:
            lines.append(f"    REOPEN FAILED after kill {r['round']}; log tail:")
            lines.extend("      " + line for line in r["reopenFailed"].splitlines())
        for r in short:
            lines.append(f"    round {r['round']}: fewer than {MIN_ACKED} writes acknowledged in {ROUND_TIMEOUT_S} s")
        if os.path.exists(os.path.join(state, "seconds")):
            with open(os.path.join(state, "seconds")) as f:
                seconds = int(f.read())
            lines.append(f"  duration                         {seconds // 60} min {seconds % 60} s")
        lines.append(f"  {'FAIL' if bad else 'PASS'}")
        lines.append("")
    total = round(time.time() - float(os.environ.get("BENCH_STARTED", time.time())))
    lines.append(f"total: {total // 60} min {total % 60} s")
    lines.append("RESULT: " + ("FAIL" if failed else "PASS")
                 + " (required: 0 acknowledged writes lost, no id reused, no orphan event, the database always reopens)")
    text = "\n".join(lines) + "\n"
    sys.stdout.write(text)
    with open(out, "a", encoding="utf-8") as f:
        f.write(text)
    sys.exit(1 if failed else 0)


def load(state, rnd):
    with open(os.path.join(state, f"round-{rnd}.json"), encoding="utf-8") as f:
        return json.load(f)


def save(state, rnd, record):
    path = os.path.join(state, f"round-{rnd}.json")
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        json.dump(record, f, ensure_ascii=False)
    os.replace(path + ".tmp", path)


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "write":
        write(int(args[0]), args[1], int(args[2]), args[3], int(args[4]))
    elif command == "verify":
        verify(int(args[0]), args[1], args[2], int(args[3]), float(args[4]))
    elif command == "reopen-failed":
        reopen_failed(args[0], int(args[1]), args[2])
    elif command == "report":
        report(args[0], args[1:])
    else:
        sys.exit(__doc__)
