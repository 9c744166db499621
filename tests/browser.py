"""A real headless Chromium for tests, driven through chromedriver's plain WebDriver HTTP interface.

No Selenium: a handful of WebDriver calls over urllib. Each call runs in a thread while the test's thread
keeps Qt's event loop turning, so a page can talk to a server that lives in the test's own process.
axe-core comes from npm into a cache folder (never committed): `.ci/run` installs it, and so does the first
browser test on a developer's machine that has npm.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
AXE_DIR = Path(os.environ.get("MEETINGKIT_AXE_DIR", ROOT / ".cache" / "axe"))
AXE_JS = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"
AXE_VERSION = "axe-core@^4.10"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",  # the suite runs as root on CI
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
CALL_TIMEOUT_MS = 60_000


def _missing(what: str) -> None:
    """On CI a missing browser is a failure (.ci/run installs it); on a developer's machine, a skip."""
    message = f"{what} (Debian: apt-get install chromium chromium-driver; npm for axe-core)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def axe_source() -> str:
    if not AXE_JS.exists() and shutil.which("npm"):
        subprocess.run(
            ["npm", "install", "--prefix", str(AXE_DIR), "--no-audit", "--no-fund", "--silent", AXE_VERSION],
            check=False,
            capture_output=True,
            timeout=300,
        )
    if not AXE_JS.exists():
        _missing(f"axe-core is not installed in {AXE_DIR}")
    return AXE_JS.read_text(encoding="utf-8")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Browser:
    """One headless Chromium session. `qtbot` keeps the Qt loop turning while each call is answered."""

    def __init__(self, qtbot: Any) -> None:
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        driver = shutil.which("chromedriver")
        if not chromium or not driver:
            _missing("Chromium and chromedriver are not installed")
        self.qtbot = qtbot
        self.profile = tempfile.mkdtemp(prefix="mk-chromium-")
        self.port = _free_port()
        self.driver = subprocess.Popen(
            [str(driver), f"--port={self.port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        self._wait_ready()
        options = {"binary": chromium, "args": [*CHROMIUM_FLAGS, f"--user-data-dir={self.profile}"]}
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": options}}}
        self.session = self._call("POST", "/session", caps)["sessionId"]

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/status", timeout=2) as reply:
                    if json.load(reply)["value"].get("ready"):
                        return
            except (OSError, ValueError):
                pass
            time.sleep(0.1)  # waiting for another process to start: nothing of the meeting's time
        raise RuntimeError("chromedriver did not start")

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        out: list[Any] = []

        def run() -> None:
            data = json.dumps(body).encode() if body is not None else None
            request = urllib.request.Request(
                f"http://127.0.0.1:{self.port}{path}",
                data=data,
                method=method,
                headers={"Content-Type": "application/json"},
            )
            try:
                with urllib.request.urlopen(request, timeout=CALL_TIMEOUT_MS / 1000) as reply:
                    out.append(json.load(reply)["value"])
            except urllib.error.HTTPError as exc:
                out.append(RuntimeError(f"WebDriver {method} {path}: {exc.read().decode()[:500]}"))
            except OSError as exc:
                out.append(exc)

        thread = threading.Thread(target=run, daemon=True)
        thread.start()
        self.qtbot.waitUntil(lambda: bool(out), timeout=CALL_TIMEOUT_MS)
        thread.join()
        if isinstance(out[0], BaseException):
            raise out[0]
        return out[0]

    def _s(self, path: str) -> str:
        return f"/session/{self.session}{path}"

    def viewport(self, width: int, height: int) -> None:
        """The page's viewport exactly, as on a phone held upright."""
        params = {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": True}
        self._call(
            "POST",
            self._s("/goog/cdp/execute"),
            {"cmd": "Emulation.setDeviceMetricsOverride", "params": params},
        )

    def open(self, url: str) -> None:
        self._call("POST", self._s("/url"), {"url": url})

    def run(self, script: str, *args: Any) -> Any:
        return self._call("POST", self._s("/execute/sync"), {"script": script, "args": list(args)})

    def run_async(self, script: str, *args: Any) -> Any:
        return self._call("POST", self._s("/execute/async"), {"script": script, "args": list(args)})

    def text(self, css: str) -> str:
        return str(
            self.run("var e = document.querySelector(arguments[0]); return e ? e.textContent : null;", css)
        )

    def click(self, css: str) -> None:
        found = self._call("POST", self._s("/element"), {"using": "css selector", "value": css})
        element = next(iter(found.values()))
        self._call("POST", self._s(f"/element/{element}/click"), {})

    def wait_text(self, css: str, wanted: str, timeout_s: float = 10.0) -> None:
        """Until the element's text is `wanted` (the page's own timers and messages take their time)."""
        deadline = time.monotonic() + timeout_s
        while (seen := self.text(css)) != wanted:
            if time.monotonic() > deadline:
                raise AssertionError(f"{css}: wanted {wanted!r}, the page shows {seen!r}")
            self.qtbot.wait(100)

    def axe(self) -> list[dict[str, Any]]:
        """axe-core's violations on the page as it is now (every rule axe runs by default)."""
        self.run(axe_source() + "\nreturn true;")
        result = self.run_async(
            "var done = arguments[arguments.length - 1];"
            "axe.run(document).then(function (r) { done(JSON.stringify(r.violations)); },"
            " function (e) { done(JSON.stringify([{id: 'axe-error', description: String(e)}])); });"
        )
        return list(json.loads(result))

    def screenshot(self, path: Path) -> Path:
        import base64

        path.write_bytes(base64.b64decode(self._call("GET", self._s("/screenshot"))))
        return path

    def quit(self) -> None:
        try:
            self._call("DELETE", self._s(""))
        finally:
            self.driver.terminate()
            self.driver.wait(timeout=30)
            shutil.rmtree(self.profile, ignore_errors=True)
