"""A minimal client of a running Pacesetter for the benchmark drivers: JSON calls, and signing in as the
first administrator once the module under test serves."""
import json
import time
import urllib.error
import urllib.request


class Client:
    def __init__(self, port):
        self.base = f"http://127.0.0.1:{port}/api/v1"
        self.token = None

    def call(self, method, path, body=None, timeout=600):
        headers = {"Content-Type": "application/json"}
        if self.token:
            headers["Authorization"] = "Bearer " + self.token
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, method=method, data=data, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=timeout) as response:
                text = response.read()
                return json.loads(text) if text else None
        except urllib.error.HTTPError as e:
            e.msg = f"{method} {path}: {e.code} {e.read().decode(errors='replace')[:300]}"
            raise

    def sign_in(self, password, ready_path):
        """Signs in as admin (waiting out the 503 while the first administrator is created), then waits
        until ready_path answers, i.e. the module's bundle is active."""
        for _ in range(300):
            try:
                self.token = self.call("POST", "/auth/login", {"username": "admin", "password": password})["token"]
                break
            except urllib.error.HTTPError as e:
                if e.code != 503:
                    raise
                time.sleep(0.1)
        for _ in range(300):
            try:
                self.call("GET", ready_path)
                return self
            except urllib.error.HTTPError:
                time.sleep(0.1)
        return self
