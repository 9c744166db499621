"""`make bench`: run every benchmark, then print one table of all their figures with PASS/FAIL.

Each benchmark runs in a process of its own, so one that raises, exits (SystemExit) or crashes outright (a
segfault, an abort in Qt) shows as a FAIL row with the reason, and the others' figures are still printed.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import _table
import machine

BENCHMARKS = ["engine", "crash", "minutes", "timeline", "series_stats", "startup", "room"]
HERE = Path(__file__).resolve().parent


def exit_reason(code: int, stderr: str) -> str:
    """Why a benchmark process ended as it did, in one line: its last words on stderr, or the signal."""
    if code < 0:
        try:
            return f"crashed ({signal.Signals(-code).name})"
        except ValueError:
            return f"crashed (signal {-code})"
    last = [line.strip() for line in stderr.splitlines() if line.strip()]
    return f"exit code {code}" + (f": {last[-1][:160]}" if last else "")


def run(name: str, tables: Path) -> list[tuple[str, ...]]:
    """Run benchmarks/NAME.py; the summary rows of its tables, and a FAIL row if it did not finish cleanly."""
    tables.write_text("")
    env = {**os.environ, _table.TABLES_FILE: str(tables)}
    proc = subprocess.run(
        [sys.executable, str(HERE / f"{name}.py")], cwd=HERE, env=env, stderr=subprocess.PIPE, text=True
    )
    sys.stderr.write(proc.stderr)
    rows: list[tuple[str, ...]] = []
    for line in tables.read_text(encoding="utf-8").splitlines():
        table = json.loads(line)
        short = table["title"].split(":")[0].split("(")[0].strip()
        rows += [(f"{short}: {fig}", *rest) for fig, *rest in table["rows"]]
    if proc.returncode != 0 and (not rows or all(r[-1] for r in rows)):
        rows.append(
            (f"{name}.py", "did not finish", "exit code 0", exit_reason(proc.returncode, proc.stderr), False)
        )
    elif not rows:
        rows.append((f"{name}.py", "no figures", "a table", "it printed no table", False))
    return rows


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Figures are judged by their ratio to a floor measured in the same run, so they hold on any machine; which
    # machine it was, and how busy, still says how far the absolute figures carry.
    ran_on = f"Machine: {machine.describe()}"
    print(ran_on, f"\nAt the start: {machine.load()}", flush=True)
    started = time.perf_counter()
    rows: list[tuple[str, ...]] = []
    with tempfile.TemporaryDirectory(prefix="meetingkit-bench-") as tmp:
        for name in BENCHMARKS:
            print(f"\n=== benchmarks/{name}.py", flush=True)
            rows += run(name, Path(tmp) / f"{name}.jsonl")
    ok = _table.print_table(f"All benchmarks ({time.perf_counter() - started:.0f} s)", rows)  # type: ignore[arg-type]
    print(f"\n{ran_on}\nAt the end: {machine.load()}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
