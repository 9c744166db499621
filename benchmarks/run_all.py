"""`make bench`: run every benchmark, then print one table of all their figures with PASS/FAIL."""

from __future__ import annotations

import importlib
import os
import sys
import time
import traceback

import _table

BENCHMARKS = ["engine", "crash", "minutes", "timeline", "series_stats", "startup"]


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    failed_to_run = []
    started = time.perf_counter()
    for name in BENCHMARKS:
        print(f"\n=== benchmarks/{name}.py", flush=True)
        sys.argv = [f"{name}.py"]
        try:
            importlib.import_module(name).main()
        except Exception:  # one broken benchmark must not hide the others' figures
            traceback.print_exc()
            failed_to_run.append(name)
    rows = [
        (f"{title.split(':')[0].split('(')[0].strip()}: {fig}", *rest)
        for title, table in _table.COLLECTED
        for fig, *rest in table
    ]
    rows += [(f"{name}.py", "did not run", "runs", "-", False) for name in failed_to_run]
    ok = _table.print_table(f"All benchmarks ({time.perf_counter() - started:.0f} s)", rows)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
