"""Drives bench/leads-import.sh. `setup` prepares the organisation (a region, a team, three reps, the "high intent"
tag); `import` uploads the file as it streams from disk, polls the import until it is DONE, and prints one JSON line
with the timings and counts.

    python3 leads_import_driver.py PORT PASSWORD setup
    python3 leads_import_driver.py PORT PASSWORD import FILE
"""
import json
import os
import sys
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pacesetter_client import Client  # noqa: E402

REPS = ["bench-rep1", "bench-rep2", "bench-rep3"]


def setup(client):
    region = client.call("POST", "/regions", {"code": "bench", "name": "Bench"})["id"]
    team = client.call("POST", "/teams", {"regionId": region, "name": "Bench team"})["id"]
    for rep in REPS:
        client.call("POST", "/users", {"username": rep, "displayName": rep, "password": "bench-password-123", "roles": ["REP"],
                                       "teamId": team})
    client.call("POST", "/lead-tags", {"name": "High intent"})


def upload(client, path):
    size = os.path.getsize(path)
    with open(path, "rb") as body:
        req = urllib.request.Request(client.base + "/leads/imports?fileName=" + os.path.basename(path), method="POST", data=body,
                                     headers={"Content-Type": "text/csv", "Content-Length": str(size),
                                              "Authorization": "Bearer " + client.token})
        with urllib.request.urlopen(req, timeout=3600) as response:
            return json.loads(response.read()), size


def main():
    port, password, command = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    client = Client(port).sign_in(password, "/lead-tags")
    if command == "setup":
        setup(client)
        return
    path = sys.argv[4]
    start = time.monotonic()
    accepted, size = upload(client, path)
    uploaded = time.monotonic()
    location = "/leads/imports/" + str(accepted["id"])
    samples = []
    while True:
        state = client.call("GET", location)
        samples.append(state["counts"]["rowsRead"])
        if state["status"] in ("DONE", "FAILED"):
            break
        time.sleep(0.5)
    done = time.monotonic()
    counts = state["counts"]
    print(json.dumps({"status": state["status"], "failure": state.get("failure"), "bytes": size, "counts": counts,
                      "uploadSeconds": round(uploaded - start, 3), "importSeconds": round(done - uploaded, 3),
                      "totalSeconds": round(done - start, 3), "rowsPerSecond": round(counts["rowsRead"] / (done - start)),
                      "progressSamples": len(samples)}))


if __name__ == "__main__":
    main()
