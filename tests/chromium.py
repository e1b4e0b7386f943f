"""A real headless Chromium for the HTML report tests: found, or installed from Debian's
``chromium`` package where the tests run as root on a machine without it (CI), and driven
with its own command-line switches and the DevTools protocol."""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import time
import urllib.request
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
# No network, no first-run work, no background services: the page is all it loads.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars"]
WINDOW = (1400, 1500)


def find_or_install() -> tuple[str | None, str]:
    """The chromium binary, installing Debian's package when it is missing and this is
    root on a Debian-like system; otherwise (None, the reason to skip)."""
    found = shutil.which("chromium") or (CHROMIUM if os.path.exists(CHROMIUM) else None)
    if found:
        return found, ""
    if not shutil.which("apt-get"):
        return None, "chromium is not installed and there is no apt-get to install it (apt-get install chromium)"
    if os.geteuid() != 0:
        return None, "chromium is not installed; as root the tests install it, else run: sudo apt-get install -y chromium"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update"], ["apt-get", "install", "-y", "chromium"]):
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=900, check=False)
        if done.returncode != 0:
            return None, f"{' '.join(command)} failed: {done.stderr.strip().splitlines()[-1:]}"
    return (CHROMIUM, "") if os.path.exists(CHROMIUM) else (None, "apt-get installed chromium but /usr/bin/chromium is missing")


def headless(binary: str, profile: Path, *args: str, timeout: int = 120) -> subprocess.CompletedProcess:
    """One headless run (``--dump-dom``, ``--screenshot``) with a fresh profile."""
    command = [binary, *FLAGS, f"--user-data-dir={profile}", f"--window-size={WINDOW[0]},{WINDOW[1]}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG file"
    return struct.unpack(">II", data[16:24])


class DevTools:
    """A page in a headless Chromium, spoken to over the DevTools protocol, that records
    every console error, uncaught exception and error log entry while a page loads."""

    def __init__(self, binary: str, profile: Path) -> None:
        import websocket  # websocket-client, a test dependency

        self.process = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        port = self._port()
        deadline = time.monotonic() + 30
        while True:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as response:
                pages = [t for t in json.load(response) if t["type"] == "page"]
            if pages or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        self.socket = websocket.create_connection(pages[0]["webSocketDebuggerUrl"], timeout=30, suppress_origin=True)
        self.next_id = 0
        self.errors: list[str] = []
        for method in ("Runtime.enable", "Log.enable", "Page.enable"):
            self.call(method)

    def _port(self) -> int:
        for line in self.process.stderr:
            match = re.search(r"DevTools listening on ws://[^:]+:(\d+)/", line)
            if match:
                return int(match.group(1))
        raise RuntimeError("chromium did not start its DevTools server")

    def _record(self, message: dict) -> None:
        method, params = message.get("method"), message.get("params", {})
        if method == "Runtime.exceptionThrown":
            details = params["exceptionDetails"]
            self.errors.append(details.get("exception", {}).get("description") or details.get("text", "exception"))
        elif method == "Runtime.consoleAPICalled" and params["type"] in ("error", "assert"):
            self.errors.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params["args"]))
        elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
            self.errors.append(f"{params['entry']['source']}: {params['entry']['text']}")

    def call(self, method: str, **params) -> dict:
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self._record(message)

    def load(self, url: str, settle: float = 0.5) -> None:
        """Open ``url``, wait for its load event, then a moment for late errors."""
        self.call("Page.navigate", url=url)
        while True:
            message = json.loads(self.socket.recv())
            self._record(message)
            if message.get("method") == "Page.loadEventFired":
                break
        import websocket

        self.socket.settimeout(settle)
        try:
            while True:
                self._record(json.loads(self.socket.recv()))
        except websocket.WebSocketTimeoutException:  # nothing more arrived
            pass
        self.socket.settimeout(30)

    def evaluate(self, expression: str):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"].get("text"))
        return result["result"].get("value")

    def close(self) -> None:
        self.socket.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
