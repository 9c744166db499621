"""How long MeetingKit takes from process start to its main window on screen (a database of 200 meetings),
judged against a reference measured in the same run: a bare PySide6 window that first imports the libraries
MeetingKit must import to list meetings (sqlite-utils, which DESIGN §4 names for the store, and what it brings:
sqlite3, json, dateutil, click). Target: at most 1.5 times as long. The bare window alone is shown too.

MeetingKit is started as `meetingkit --db PATH` starts it: the command line's module, its parser, path check and
what it does before Qt loads (the check for Qt's system libraries; the database's integrity check and fontconfig's
set-up begun on threads of their own), then the app (which opens the store once that check has answered, adds
nothing on a database that has meetings, and builds the main window with the newest meeting's details). All three are started as fresh
processes, with the same interpreter, offscreen, byte-compiled, several times each (alternating, after one
warm-up each); the medians are compared. The clock runs from just before the process is started until it
reports, from its event loop's first turn, that the window has been shown (in all three, before its first paint).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/startup.py [--meetings 200] [--runs 7]
Prints a table; not part of the test run.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from _table import ROOT, print_table  # also puts the checkout on sys.path

from meetingkit.models import record
from meetingkit.resources import demo_record_path
from meetingkit.store.repository import Store

TARGET_RATIO = 1.5
SERIES = (
    "Stroke HIT",
    "Partnership board",
    "Patient participation group",
    "Diabetes network",
    "Steering group",
)

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1180, 720)
window.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""

# The reference: the same bare window, after importing the libraries that listing meetings needs.
BARE_WITH_SQLITE_UTILS = "import sqlite_utils\n" + BARE

# MeetingKit as `meetingkit --db PATH` starts it (cli.main up to the event loop): the command line's module
# first (it opens the store, so sqlite-utils loads before Qt, as in the reference), its arguments, what it does
# before Qt loads (the check for Qt's system libraries, the database's integrity check begun on a thread), then
# the app; the event loop is left to report the window shown.
APP = """
import sys
from meetingkit import cli
args = cli.parse_args(["--db", sys.argv[1]])
db_path = cli.check_db_path(args.db, True)
if cli.before_qt(db_path):
    sys.exit(3)
from PySide6.QtCore import QTimer
from meetingkit import app as meetingkit_app
window = meetingkit_app.start(db_path)
if window is None:
    sys.exit(2)
qt = meetingkit_app.application()
QTimer.singleShot(0, lambda: (print("shown", flush=True), qt.quit()))
qt.exec()
window.store.close()
"""


def build_database(path: Path, meetings: int) -> float:
    """`meetings` meetings replayed from the demo record (varied titles, dates and series); seconds taken."""
    data = json.loads(demo_record_path().read_text(encoding="utf-8"))
    # Action keys are unique within a series: the copies leave them out and let the engine number them.
    for ev in data["events"]:
        ev.pop("key", None)
    data["events"] = [ev for ev in data["events"] if ev["do"] != "action_update"]
    first = datetime.fromisoformat(data["meeting"]["scheduled_start"])
    t0 = time.perf_counter()
    with Store(path) as store:
        for n in range(meetings):
            copy_ = copy.deepcopy(data)
            series = SERIES[n % len(SERIES)]
            start = first - timedelta(weeks=4 * (n // len(SERIES)), days=n % len(SERIES))
            copy_["meeting"]["title"] = f"{series} meeting {n + 1}"
            copy_["meeting"]["series"] = series
            copy_["meeting"]["scheduled_start"] = start.isoformat()
            store.import_record(record.parse(copy_))
    return time.perf_counter() - t0


class NotShown(Exception):
    """A start that never reported its window shown: the reason, for the table."""


def time_to_window(script: str, args: list[str], env: dict[str, str]) -> float:
    """Seconds from starting the process to its 'shown' line."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - t0
    _, errors = proc.communicate(timeout=60)
    if line.strip() != "shown":
        last = [x.strip() for x in errors.splitlines() if x.strip()]
        raise NotShown(
            f"no window (exit code {proc.returncode}): {last[-1][:160] if last else 'no error printed'}"
        )
    return elapsed


def meetings_in(db: Path) -> int:
    with Store(db) as store:
        return len(store.list_meetings())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--meetings", type=int, default=200)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="meetingkit-startup-") as tmp:
        folder = Path(tmp)
        db = folder / "data" / "meetingkit.db"
        build_s = build_database(db, args.meetings)
        env = dict(os.environ)
        # Private settings and data folders: the benchmark must not touch the user's own.
        env.update(
            QT_QPA_PLATFORM="offscreen",
            XDG_CONFIG_HOME=str(folder / "config"),
            XDG_DATA_HOME=str(folder / "share"),
            PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")])),
            # Byte-compiled modules, as an installed app has them (kept in the temporary folder).
            PYTHONPYCACHEPREFIX=str(folder / "pycache"),
        )
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        stored = meetings_in(db)
        title = f"Start-up to the main window: {args.meetings} meetings, median of {args.runs} runs each (offscreen)"
        workload = ("meetings in the database", str(stored), str(args.meetings), f"built in {build_s:.1f} s")
        try:
            time_to_window(BARE, [], env)  # warm-ups: the first start of each pays for a cold file cache
            time_to_window(BARE_WITH_SQLITE_UTILS, [], env)
            time_to_window(APP, [str(db)], env)
            bare, library, app = [], [], []
            for _ in range(args.runs):
                bare.append(time_to_window(BARE, [], env))
                library.append(time_to_window(BARE_WITH_SQLITE_UTILS, [], env))
                app.append(time_to_window(APP, [str(db)], env))
        except NotShown as exc:  # a start that cannot be measured is a FAIL with its reason, never a crash
            rows = [
                (*workload, stored == args.meetings),
                ("every start shows its window", "no", "yes", str(exc), False),
            ]
            return 0 if print_table(title, rows) else 1
    bare_ms, app_ms = statistics.median(bare) * 1000, statistics.median(app) * 1000
    library_ms = statistics.median(library) * 1000
    ratio = app_ms / library_ms
    passed = print_table(
        title,
        [
            (*workload, stored == args.meetings),
            (
                "start-up to the main window",
                f"{app_ms:.0f} ms",
                f"<= {TARGET_RATIO}x reference",
                f"reference: bare window + `import sqlite_utils` {library_ms:.0f} ms (x{ratio:.2f});"
                f" bare window alone {bare_ms:.0f} ms (x{app_ms / bare_ms:.2f}); fastest starts"
                f" {min(app) * 1000:.0f} / {min(library) * 1000:.0f} / {min(bare) * 1000:.0f} ms",
                ratio <= TARGET_RATIO,
            ),
        ],
    )
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
