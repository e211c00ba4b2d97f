"""Prints bench/bulkhead.sh's report from the JSON files bulkhead_driver.py wrote into the scratch folder.

    python3 bulkhead_report.py WORK "h2 postgres" "24 48" "$(head -1 /proc/stat)" "$(head -1 /proc/stat)"

Goal: during the flood, the other module's (GET /accounts) p95 stays within 2x its idle p95, and nothing answers 500.
Each flood's ratio is against the idle baseline measured in the same kernel process right before it.
"""
import json
import os
import sys

GOAL = 2.0
NAMES = {"h2": "H2 (embedded file)", "postgres": "PostgreSQL"}


def load(path):
    with open(path) as f:
        return json.load(f)


def configs(work, db):
    found = [name[len(db) + 1:-len(".label")] for name in os.listdir(work) if name.startswith(db + "-") and name.endswith(".label")]
    order = {"default": (0, 0), "off": (1, 0)}
    found = [c for c in found if c != "jfr"]
    return sorted(found, key=lambda c: order.get(c, (2, -int(c[1:]) if c[1:].isdigit() else 0)))


def failures(flood):
    """Answers that are neither 200 nor 503 module_busy, on the export or on a probe: each a failure."""
    bad = {k: v for k, v in flood["exports"]["outcomes"].items() if k not in ("200", "503 module_busy")}
    for name, probe in flood["probes"].items():
        for k, v in probe["outcomes"].items():
            if k != "200":
                bad[f"{name} {k}"] = bad.get(f"{name} {k}", 0) + v
    return bad


def ratio(flood, idle):
    return flood / idle if idle else float("inf")


def fmt(ms):
    return "-" if ms is None else (f"{ms:.1f}" if ms < 100 else f"{ms:.0f}")


def cpu(line0, line1):
    a, b = [list(map(int, line.split()[1:])) for line in (line0, line1)]
    d = [y - x for x, y in zip(a, b)]
    total = sum(d) or 1
    idle = d[3] + d[4]
    steal = d[7] if len(d) > 7 else 0
    return f"CPUs busy {100 * (total - idle) / total:.0f} % of the run (steal {100 * steal / total:.1f} %)"


def main():
    work, dbs, clients = sys.argv[1], sys.argv[2].split(), sys.argv[3].split()
    meets = {}
    for db in dbs:
        setup = load(os.path.join(work, f"{db}-setup.json"))
        names = configs(work, db)
        sizes = [load(os.path.join(work, f)).get("exports", {}).get("bytesMax") for f in sorted(os.listdir(work))
                 if f.startswith(db + "-") and f.endswith(".json") and "-c" in f and "-idle-" not in f and not f.startswith(db + "-jfr-")]
        size = max((s for s in sizes if s), default=0)
        print(f"{NAMES.get(db, db)}: {setup['counts']['created']} leads imported ({setup['import']}; the export of all is {size / 1e6:.1f} MB),"
              f" {setup['accounts']} accounts (a page of GET /accounts);"
              f" goal: GET /accounts p95 during the flood <= {GOAL:g}x its idle p95, and never a 500")
        for c in clients:
            print(f"  {c} clients looping GET /leads/export (ms; ratio = flood p95 / idle p95 measured just before, same kernel process):")
            print(f"    {'configuration':<42} {'GET /accounts p95':>24} {'GET /health p95':>24}   exports: 200 / busy / failed, 200s per s,"
                  f" export p50   goal")
            print(f"    {'':<42} {'idle':>7} {'flood':>7} {'ratio':>8} {'idle':>7} {'flood':>7} {'ratio':>8}")
            for name in names:
                label = open(os.path.join(work, f"{db}-{name}.label")).read().strip()
                path = os.path.join(work, f"{db}-{name}-c{c}.json")
                if not os.path.exists(path):
                    continue
                idle, flood = load(os.path.join(work, f"{db}-{name}-idle-c{c}.json"))["probes"], load(path)
                probes, exports = flood["probes"], flood["exports"]
                acc = ratio(probes["accounts"]["p95"], idle["accounts"]["p95"])
                hea = ratio(probes["health"]["p95"], idle["health"]["p95"])
                bad = failures(flood)
                ok = acc <= GOAL and not bad
                meets.setdefault((db, name), []).append(ok)
                outcomes = exports["outcomes"]
                print(f"    {label:<42} {fmt(idle['accounts']['p95']):>7} {fmt(probes['accounts']['p95']):>7} {acc:>7.1f}x"
                      f" {fmt(idle['health']['p95']):>7} {fmt(probes['health']['p95']):>7} {hea:>7.1f}x"
                      f"   {outcomes.get('200', 0):>4} / {outcomes.get('503 module_busy', 0):>4} / {sum(bad.values()):>3},"
                      f" {exports['completedPerSecond']:>5.2f}/s, {fmt(exports['exportMs']['p50']):>5}   {'PASS' if ok else 'MISSED'}")
            for name in names:
                path = os.path.join(work, f"{db}-{name}-c{c}.json")
                if not os.path.exists(path):
                    continue
                label = open(os.path.join(work, f"{db}-{name}.label")).read().strip()
                idle, flood = load(os.path.join(work, f"{db}-{name}-idle-c{c}.json"))["probes"], load(path)
                detail = "; ".join(f"{p} p50/p95/max idle {fmt(idle[p]['p50'])}/{fmt(idle[p]['p95'])}/{fmt(idle[p]['max'])}"
                                   f" flood {fmt(flood['probes'][p]['p50'])}/{fmt(flood['probes'][p]['p95'])}/{fmt(flood['probes'][p]['max'])}"
                                   f" (n {flood['probes'][p]['n']})" for p in ("accounts", "health"))
                bad = failures(flood)
                print(f"      {label.split(':')[0]}: {detail}; failures: {bad or 'none'}")
            default = os.path.join(work, f"{db}-default-c{c}.json")
            if os.path.exists(default):
                idle, flood = load(os.path.join(work, f"{db}-default-idle-c{c}.json"))["probes"], load(default)
                acc = ratio(flood["probes"]["accounts"]["p95"], idle["accounts"]["p95"])
                hea = ratio(flood["probes"]["health"]["p95"], idle["health"]["p95"])
                bad = failures(flood)
                print(f"    goal, bulkheads as shipped, {c} clients: GET /accounts p95 {acc:.1f}x idle (<= {GOAL:g}x):"
                      f" {'PASS' if acc <= GOAL else 'MISSED'}; GET /health p95 {hea:.1f}x idle: {'PASS' if hea <= GOAL else 'MISSED'};"
                      f" never a 500: {'PASS' if not any('500' in k.split() for k in bad) else 'MISSED'}"
                      f"{'' if not bad else ' (other failures: ' + json.dumps(bad) + ')'}")
        print()
    by_name = {}
    for (db, name), oks in meets.items():
        by_name.setdefault(name, []).extend(oks)
    met = [name for name, oks in by_name.items() if all(oks)]
    print("configurations meeting the goal at every flood size" + (" and database" if len(dbs) > 1 else "") + ": "
          + (", ".join(met) or "none"))
    print(cpu(sys.argv[4], sys.argv[5]) + "; the machine may be shared with other work, see the load average above")


if __name__ == "__main__":
    main()
