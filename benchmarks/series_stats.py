"""Series overview over 100 meetings / 200,000 turns: must answer in under 300 ms. Prints a table.

Run: .venv/bin/python benchmarks/series_stats.py [--meetings 100] [--turns 2000]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _table import print_table  # also puts the checkout on sys.path
from synthetic_meeting import record as synthetic_record

from meetingkit.models import record
from meetingkit.store.repository import Store
from meetingkit.store.series_queries import series_overview

BUDGET_MS = 300.0
SERIES = "Benchmark series"


def build(store: Store, meetings: int, turns: int) -> int:
    """Import `meetings` records through the engine (the same path as `meetingkit replay`)."""
    total = 0
    for day in range(1, meetings + 1):
        rec = record.parse(synthetic_record(turns=turns, series=SERIES, day=day, seed=day))
        mid = store.import_record(rec)
        total += len(store.speeches(mid))
    return total


def timed(fn, repeat: int) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000.0)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--meetings", type=int, default=100)
    ap.add_argument("--turns", type=int, default=2000, help="turns per meeting")
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        store = Store(path)
        t0 = time.perf_counter()
        turns = build(store, args.meetings, args.turns)
        build_s = time.perf_counter() - t0
        store.close()
        # A fresh connection for the first call: nothing of the file is in SQLite's page cache yet.
        store = Store(path)
        first = timed(lambda: series_overview(store, SERIES), 1)[0]
        rows = series_overview(store, SERIES)
        warm = timed(lambda: series_overview(store, SERIES), args.repeat)
        store.close()
    median = statistics.median(warm)
    spoken = sum(1 for r in rows if r.main_s > 0)
    passed = print_table(
        f"Series overview: {len(rows)} meetings, {turns:,} turns (imported in {build_s:.1f} s)",
        [
            # The workload the figures claim: every meeting imported, every turn stored, each one in the overview.
            ("meetings in the overview", str(len(rows)), str(args.meetings), "", len(rows) == args.meetings),
            (
                "turns stored",
                f"{turns:,}",
                f"{args.meetings * args.turns:,}",
                "",
                turns == args.meetings * args.turns,
            ),
            ("meetings with speaking time", str(spoken), str(args.meetings), "", spoken == args.meetings),
            (
                "first call, fresh connection",
                f"{first:.1f} ms",
                f"< {BUDGET_MS:.0f} ms",
                "",
                first < BUDGET_MS,
            ),
            (
                f"median of {args.repeat} calls",
                f"{median:.1f} ms",
                f"< {BUDGET_MS:.0f} ms",
                "",
                median < BUDGET_MS,
            ),
            (
                f"slowest of {args.repeat} calls",
                f"{max(warm):.1f} ms",
                f"< {BUDGET_MS:.0f} ms",
                "",
                max(warm) < BUDGET_MS,
            ),
        ],
    )
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
