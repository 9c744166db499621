"""Series overview over 100 meetings / 200,000 turns, judged against a floor measured in the same run: the same
speaking-time totals from one SQL GROUP BY over the stored turns (target: at most 3 times that). Prints a table.

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
from meetingkit.models.meeting import BREAK
from meetingkit.store.repository import Store
from meetingkit.store.series_queries import series_overview

MOST = 3.0  # the overview may take at most 3x the floor
SERIES = "Benchmark series"
# The floor: each meeting's speaking time, main discussion and break, representatives and others, in one
# GROUP BY over the stored turns -- every total the overview's figures are made of, and nothing else.
FLOOR_SQL = (
    "SELECT sp.meeting_id, COALESCE(sp.item_key, '') = ?, sp.patient_rep, SUM(MAX(sp.seconds, 0))"
    " FROM speeches sp JOIN meetings m ON m.id = sp.meeting_id JOIN series s ON s.id = m.series_id"
    " WHERE s.name = ? GROUP BY 1, 2, 3"
)


def floor(store: Store) -> dict[int, float]:
    """Main-discussion seconds per meeting, from the floor's totals."""
    main: dict[int, float] = {}
    for mid, in_break, _rep, seconds in store.db.execute(FLOOR_SQL, [BREAK, SERIES]):
        main[mid] = main.get(mid, 0.0) + (0.0 if in_break else float(seconds or 0.0))
    return main


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


def judged(figure: str, ms: float, floor_ms: float, what: str) -> tuple[str, str, str, str, bool]:
    return (
        figure,
        f"{ms:.1f} ms",
        f"<= {MOST:g}x floor",
        f"floor: {what} {floor_ms:.1f} ms (x{ms / floor_ms:.2f})",
        ms <= MOST * floor_ms,
    )


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
        # A fresh connection for each first call: nothing of the file is in SQLite's page cache yet.
        with Store(path) as fresh:
            first_floor = timed(lambda: floor(fresh), 1)[0]  # noqa: B023
        store = Store(path)
        first = timed(lambda: series_overview(store, SERIES), 1)[0]
        rows = series_overview(store, SERIES)
        floor_main = floor(store)
        warm, warm_floor = [], []
        for _ in range(args.repeat):  # in turn, so that both see the same machine
            warm += timed(lambda: series_overview(store, SERIES), 1)
            warm_floor += timed(lambda: floor(store), 1)
        store.close()
    median, median_floor = statistics.median(warm), statistics.median(warm_floor)
    spoken = sum(1 for r in rows if r.main_s > 0)
    # The floor must carry the same totals as the overview, meeting by meeting.
    same = all(abs(r.main_s - floor_main.get(r.meeting_id, 0.0)) < 1e-6 for r in rows)
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
                "main-discussion time, overview vs floor",
                f"{sum(r.main_s for r in rows):,.0f} s",
                "same, each meeting",
                f"floor {sum(floor_main.values()):,.0f} s",
                same and len(floor_main) == len(rows),
            ),
            judged("first call, fresh connection", first, first_floor, "one GROUP BY, fresh connection,"),
            judged(f"median of {args.repeat} calls", median, median_floor, "one GROUP BY, median"),
            judged(f"slowest of {args.repeat} calls", max(warm), max(warm_floor), "one GROUP BY, slowest"),
        ],
    )
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
