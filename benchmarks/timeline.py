"""How fast the review's timeline draws a long meeting (target: a 2,000-turn meeting in under 100 ms).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/timeline.py [--turns 2000]
Prints a table; not part of the test run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _table import print_table  # noqa: E402  (also puts the checkout on sys.path)
from PySide6.QtCore import QPointF  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from synthetic_meeting import record as synthetic_record  # noqa: E402

from meetingkit.models import record  # noqa: E402
from meetingkit.ui.review.timeline_data import timeline_from_live  # noqa: E402
from meetingkit.ui.review.timeline_view import TimelineView  # noqa: E402

BUDGET_MS = 100.0
HOVER_BUDGET_MS = 1.0  # one mouse move's look-up: many fit in a frame


def draw(view: TimelineView) -> float:
    """Paint the whole view into an image; milliseconds."""
    image = QImage(view.size(), QImage.Format.Format_ARGB32_Premultiplied)
    t0 = time.perf_counter()
    view.render(image)
    return (time.perf_counter() - t0) * 1000.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--turns", type=int, default=2000)
    ap.add_argument("--people", type=int, default=24)
    ap.add_argument("--repeat", type=int, default=10)
    args = ap.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    live = record.replay(record.parse(synthetic_record(turns=args.turns, people=args.people)))
    t0 = time.perf_counter()
    data = timeline_from_live(live)
    build_ms = (time.perf_counter() - t0) * 1000.0
    view = TimelineView()
    view.set_data(data)
    view.resize(1400, view.sizeHint().height())
    first = draw(view)  # includes laying out every bar in pixels
    again = [draw(view) for _ in range(args.repeat)]
    view.set_zoom(8.0)
    view.resize(view.minimumWidth(), view.height())
    zoomed = draw(view)
    t0 = time.perf_counter()
    for x in range(300, 1400, 7):
        view.turn_at(QPointF(x * 8.0, view._plot().top() + 5))
    hit_ms = (time.perf_counter() - t0) * 1000.0 / len(range(300, 1400, 7))
    passed = print_table(
        f"Timeline: {len(data.turns):,} turns, {len(data.lanes)} people, {len(data.items)} item spans",
        [
            # The workload the figures claim: every turn and every speaker drawn.
            (
                "turns on the timeline",
                f"{len(data.turns):,}",
                f"{args.turns:,}",
                "",
                len(data.turns) == args.turns,
            ),
            ("people's lanes", str(len(data.lanes)), str(args.people), "", len(data.lanes) == args.people),
            (
                "timeline data from the engine",
                f"{build_ms:.1f} ms",
                f"< {BUDGET_MS:.0f} ms",
                "",
                build_ms < BUDGET_MS,
            ),
            (
                "first draw, 1400 px wide (lays out every bar)",
                f"{first:.1f} ms",
                f"< {BUDGET_MS:.0f} ms",
                "",
                first < BUDGET_MS,
            ),
            (
                f"median of {args.repeat} redraws",
                f"{statistics.median(again):.1f} ms",
                f"< {BUDGET_MS:.0f} ms",
                "",
                statistics.median(again) < BUDGET_MS,
            ),
            ("first draw zoomed x8", f"{zoomed:.1f} ms", f"< {BUDGET_MS:.0f} ms", "", zoomed < BUDGET_MS),
            (
                "hover hit-test, each",
                f"{hit_ms * 1000:.0f} us",
                f"< {HOVER_BUDGET_MS * 1000:.0f} us",
                "",
                hit_ms < HOVER_BUDGET_MS,
            ),
        ],
    )
    del app
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
