"""Where the kernel's time went during one flood of bench/bulkhead.sh, from a JFR recording (JDK 17's `jfr` has no
`jfr view`, so this reads `jfr print --json`). Only events inside the flood's window count.

    python3 jfr_summary.py RECORDING.jfr FLOOD.json

Prints: CPU (the JVM's share of the machine against the whole machine's), execution samples by component and the
hottest methods, what the request threads of each route were doing, the waits the recording caught (parks and
monitor entries of 20 ms or more with settings=profile: request slots, connection shares, the pool, locks), socket
writes blocked on slow readers, and garbage collection.
"""
import collections
import datetime
import json
import os
import subprocess
import sys

EVENTS = "jdk.ExecutionSample,jdk.CPULoad,jdk.ThreadPark,jdk.JavaMonitorEnter,jdk.SocketWrite,jdk.GarbageCollection,jdk.ThreadCPULoad"
COMPONENTS = [  # first matching frame from the top that is not the JDK's
    ("org/h2/", "H2 engine (in the JVM)"),
    ("org/postgresql/", "PostgreSQL driver"),
    ("dev/pacesetter/leads/", "leads module (CSV export)"),
    ("dev/pacesetter/pipeline/", "pipeline module"),
    ("com/zaxxer/hikari/", "HikariCP"),
    ("dev/pacesetter/kernel/", "kernel"),
    ("dev/pacesetter/", "platform API"),
    ("com/fasterxml/", "Jackson"),
    ("io/javalin/", "Javalin"),
    ("org/eclipse/jetty/", "Jetty"),
    ("ch/qos/logback/", "Logback"),
    ("org/slf4j/", "Logback"),
    ("org/apache/felix/", "Felix"),
]
ROUTES = [("leads/internal/http/ExportRoutes", "GET /leads/export"), ("pipeline/internal/http/AccountRoutes", "GET /accounts"),
          ("PlatformRoutes.health", "GET /health")]
IDLE = ("idleJobPoll", "ReservedThread", "ScheduledThreadPoolExecutor$DelayedWorkQueue.take", "RequestLog.writeLoop",
        "LinkedBlockingQueue.poll", "LinkedBlockingQueue.take", "SynchronousQueue", "ForkJoinPool.awaitWork", "Scheduler",
        "ManagedSelector", "FileInstall", "Watcher", "DeadlineRunner", "Outbox", "poll")
WAITS = [("bulkhead/RequestBulkhead", "a request slot of the module (RequestBulkhead)"),
         ("bulkhead/ConnectionShare", "the module's connection share (ConnectionShare)"),
         ("com/zaxxer/hikari", "a pooled connection (HikariCP)"),
         ("PlatformRoutes.databaseReachable", "health's database check (another thread)"),
         ("org/h2/", "an H2 lock"),
         ("HttpOutput", "Jetty writing the response (the client reads slower)")]


def when(text):
    """Epoch seconds of a JFR JSON time, e.g. 2026-11-29T23:00:18.061637697Z (UTC)."""
    text = text.rstrip("Z")
    whole, _, fraction = text.partition(".")
    seconds = datetime.datetime.strptime(whole, "%Y-%m-%dT%H:%M:%S").replace(tzinfo=datetime.timezone.utc).timestamp()
    return seconds + (float("0." + fraction) if fraction else 0.0)


def frames(event):
    trace = event["values"].get("stackTrace") or {}
    return [f["method"]["type"]["name"] + "." + f["method"]["name"] for f in trace.get("frames", [])]


def thread_name(event):
    thread = event["values"].get("eventThread") or {}
    return (thread.get("javaName") or "?").rstrip("0123456789-# ")


def component(stack):
    for frame in stack:
        for prefix, name in COMPONENTS:
            if frame.startswith(prefix):
                return name
    return "JDK / other" if stack else "no stack"


def route(stack):
    for needle, name in ROUTES:
        if any(needle in f for f in stack):
            return name
    return None


def duration_ms(text):
    # JSON durations are ISO-8601, e.g. "PT0.05012S"
    if isinstance(text, (int, float)):
        return text / 1e6
    value = text[2:]
    total = 0.0
    for unit, scale in (("H", 3600e3), ("M", 60e3), ("S", 1e3)):
        if unit in value:
            head, value = value.split(unit, 1)
            total += float(head) * scale
    return total


def main():
    recording, flood = sys.argv[1], json.load(open(sys.argv[2]))
    start, end = flood["window"]["startEpoch"], flood["window"]["endEpoch"]
    raw = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", EVENTS, recording],
                         capture_output=True, text=True, check=True).stdout
    events = [e for e in json.loads(raw)["recording"]["events"] if start <= when(e["values"]["startTime"]) <= end]
    by_type = collections.defaultdict(list)
    for e in events:
        by_type[e["type"]].append(e)
    seconds = end - start

    loads = by_type["jdk.CPULoad"]
    if loads:
        jvm = sum(e["values"]["jvmUser"] + e["values"]["jvmSystem"] for e in loads) / len(loads)
        machine = sum(e["values"]["machineTotal"] for e in loads) / len(loads)
        cores = os.cpu_count()
        print(f"  CPU during the flood ({len(loads)} samples): the kernel's JVM {jvm * cores:.2f} of {cores} cores,"
              f" the whole machine {machine * cores:.2f} of {cores} (the rest: flood clients, prober, other work on the machine)")
    per_thread = collections.defaultdict(list)
    for e in by_type["jdk.ThreadCPULoad"]:
        thread = e["values"]["eventThread"]
        per_thread[(thread["javaName"] or "?", thread["javaThreadId"])].append(e["values"]["user"] + e["values"]["system"])
    groups = collections.defaultdict(float)
    for (name, _), loads_of_thread in per_thread.items():
        group = "request threads (Jetty)" if name.startswith("JettyServerThreadPool") else name.rstrip("0123456789-# ")
        groups[group] += sum(loads_of_thread) / len(loads_of_thread)
    if groups:
        top = sorted(groups.items(), key=lambda kv: -kv[1])[:5]
        print("  busiest JVM threads (cores, average of jdk.ThreadCPULoad): " + ", ".join(f"{n} {v * os.cpu_count():.2f}" for n, v in top))

    samples = by_type["jdk.ExecutionSample"]
    print(f"  execution samples: {len(samples)}")
    if samples:
        stacks = [frames(e) for e in samples]
        comp = collections.Counter(component(s) for s in stacks)
        print("    by component: " + ", ".join(f"{n} {100 * c / len(samples):.0f} %" for n, c in comp.most_common(8)))
        routes = collections.Counter(route(s) or "other threads" for s in stacks)
        print("    by route: " + ", ".join(f"{n} {100 * c / len(samples):.0f} %" for n, c in routes.most_common()))
        hot = collections.Counter(s[0] for s in stacks if s)
        print("    hottest methods (self): " + "; ".join(f"{m.replace('/', '.')} {100 * c / len(samples):.1f} %" for m, c in hot.most_common(8)))

    waits = collections.defaultdict(lambda: [0, 0.0])
    for kind in ("jdk.ThreadPark", "jdk.JavaMonitorEnter"):
        for e in by_type[kind]:
            stack = frames(e)
            joined = " ".join(stack)
            request = "ApiDispatcher" in joined
            if not request and any(i in joined for i in IDLE):
                continue  # idle pool threads and background loops waiting for work
            what = next((name for needle, name in WAITS if needle in joined), None)
            if what is None:
                what = ("a lock in " if kind == "jdk.JavaMonitorEnter" else "a park in ") + component(stack)
            where = route(stack) or ("a request before its handler" if request else "thread " + thread_name(e))
            waits[f"{what}, in {where}"][0] += 1
            waits[f"{what}, in {where}"][1] += duration_ms(e["values"]["duration"])
    print("  waits of 20 ms or more (count, total s; threads overlap, so totals exceed the window):")
    for k, (n, ms) in sorted(waits.items(), key=lambda kv: -kv[1][1])[:8]:
        print(f"    {k}: {n}, {ms / 1000:.1f} s")
    writes = by_type["jdk.SocketWrite"]
    if writes:
        print(f"  socket writes blocked 20 ms or more: {len(writes)}, {sum(duration_ms(e['values']['duration']) for e in writes) / 1000:.1f} s"
              f" in all (exports waiting for the client to read)")
    gcs = by_type["jdk.GarbageCollection"]
    print(f"  garbage collections: {len(gcs)}, {sum(duration_ms(e['values']['duration']) for e in gcs):.0f} ms in all,"
          f" longest pause {max((duration_ms(e['values'].get('longestPause', 0)) for e in gcs), default=0):.0f} ms")


if __name__ == "__main__":
    main()
