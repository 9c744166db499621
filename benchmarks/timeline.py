"""How fast the review's timeline draws a long meeting (2,000 turns), each figure judged against a floor measured
in the same run: a draw against a bare QPainter loop filling the same bars, the data against one pass over the
engine's turns, a hover look-up against one bisect.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/timeline.py [--turns 2000]
Prints a table; not part of the test run.
"""

from __future__ import annotations

import argparse
import bisect
import os
import statistics
import sys
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _table import print_table  # noqa: E402  (also puts the checkout on sys.path)
from PySide6.QtCore import QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from synthetic_meeting import record as synthetic_record  # noqa: E402

from meetingkit.models import record  # noqa: E402
from meetingkit.models.session import LiveMeeting  # noqa: E402
from meetingkit.ui.review.timeline_data import TimelineData, TurnBar, timeline_from_live  # noqa: E402
from meetingkit.ui.review.timeline_view import TimelineView  # noqa: E402

DRAW_MOST = 3.0  # a draw may take at most 3x the bare paint loop of the same bars
DATA_MOST = 5.0  # building the timeline's data: at most 5x one bare pass building the same bars
HOVER_MOST = 20.0  # a hover look-up: at most 20x a bare bisect over the same bars' start positions
Row = tuple[str, str, str, str, bool]


def draw(view: QWidget) -> float:
    """Paint the whole view into an image; milliseconds."""
    image = QImage(view.size(), QImage.Format.Format_ARGB32_Premultiplied)
    t0 = time.perf_counter()
    view.render(image)
    return (time.perf_counter() - t0) * 1000.0


class BarePaint(QWidget):
    """The floor of a draw: a plain widget that places the same turns' segments as rectangles in their lanes,
    fills them in one call, writes one name per lane, and nothing else; rendered the same way as the timeline."""

    def __init__(self, data: TimelineData) -> None:
        super().__init__()
        self.data = data

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        data = self.data
        left = 320.0
        scale = max(40.0, self.width() - left) / data.duration
        rects = [
            QRectF(
                left + (a - data.start) * scale, 60.0 + t.lane * 24.0 + 4.0, max(1.5, (b - a) * scale), 16.0
            )
            for t in data.turns
            for a, b in t.segments
        ]
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("white"))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#3465A4"))
        p.drawRects(rects)  # one call for all bars: the least a painter can be asked to do
        for i, lane in enumerate(data.lanes):
            p.drawText(QPointF(8.0, 76.0 + i * 24.0), lane.name)
        p.end()


def opened(data: TimelineData, zoom: float) -> TimelineView:
    """A new timeline view of `data`, sized as the review window sizes it."""
    view = TimelineView()
    view.set_data(data)
    view.resize(1400, view.sizeHint().height())
    if zoom != 1.0:
        view.set_zoom(zoom)
        view.resize(view.minimumWidth(), view.height())
    return view


def bare_pass(live: LiveMeeting) -> list[TurnBar]:
    """The floor of the timeline's data: one pass over the engine's turns building the same bars (segments
    copied), lanes ordered by each person's summed time; none of the figures or checks around it."""
    totals: dict[str, float] = {}
    bars = []
    for s in live.speeches:
        totals[s.who] = totals.get(s.who, 0.0) + s.seconds
        segments = [(float(a), float(b)) for a, b in s.segments] or [(s.start, s.end or s.start)]
        bars.append(
            TurnBar(s.idx, 0, s.who, s.role, s.item, segments[0][0], segments[-1][1], s.seconds, segments)
        )
    lane = {who: i for i, who in enumerate(sorted(totals, key=lambda w: -totals[w]))}
    for bar in bars:
        bar.lane = lane[bar.who]
    return bars


def ms(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000.0


def judged(figure: str, value: float, floor: float, most: float, what: str, unit: str = "ms") -> Row:
    shown = (lambda v: f"{v * 1000:.1f} us") if unit == "us" else (lambda v: f"{v:.1f} ms")
    return (
        figure,
        shown(value),
        f"<= {most:g}x floor",
        f"floor: {what} {shown(floor)} (x{value / floor:.2f})",
        value <= most * floor,
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--turns", type=int, default=2000)
    ap.add_argument("--people", type=int, default=24)
    ap.add_argument("--repeat", type=int, default=10)
    args = ap.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    live = record.replay(record.parse(synthetic_record(turns=args.turns, people=args.people)))
    data, builds, data_floors = timeline_from_live(live), [], []
    for _ in range(15):  # in turn, so that both see the same machine
        builds.append(ms(lambda: timeline_from_live(live)))
        data_floors.append(ms(lambda: bare_pass(live)))
    build_ms, data_floor = statistics.median(builds), statistics.median(data_floors)
    draw(BarePaint(data))  # the process's first paint pays for fonts and caches once, before any figure
    first, first_floor, zoomed, zoomed_floor = [], [], [], []
    for _ in range(7):  # in turn: a new view each time, as each opening of the review makes one
        for zoom, out, floor_out in ((1.0, first, first_floor), (8.0, zoomed, zoomed_floor)):
            view, bare = opened(data, zoom), BarePaint(data)
            bare.resize(view.size())
            floor_out.append(draw(bare))
            out.append(draw(view))  # includes laying out every bar in pixels
    view = opened(data, 1.0)
    bare = BarePaint(data)
    bare.resize(view.size())
    draw(view)
    again, again_floor = [], []
    for _ in range(args.repeat):  # in turn
        again.append(draw(view))
        again_floor.append(draw(bare))
    view.set_zoom(8.0)
    view.resize(view.minimumWidth(), view.height())
    points = [QPointF(x * 8.0, view._plot().top() + 5) for x in range(300, 1400, 7)]
    starts = sorted(view.x_of(t.start) for t in data.turns if t.lane == 0)
    hits, bisects = [], []
    for _ in range(15):  # in turn, each a sweep of the mouse across the timeline
        hits.append(ms(lambda: [view.turn_at(point) for point in points]) / len(points))
        bisects.append(ms(lambda: [bisect.bisect_right(starts, pt.x() + 3.0) for pt in points]) / len(points))
    hit_ms, bisect_ms = statistics.median(hits), statistics.median(bisects)
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
            judged(
                "timeline data from the engine", build_ms, data_floor, DATA_MOST, "one pass building the bars"
            ),
            judged(
                "first draw of a new view, 1400 px wide (lays out every bar), median of 7",
                statistics.median(first),
                statistics.median(first_floor),
                DRAW_MOST,
                "bare paint of the same bars",
            ),
            judged(
                f"median of {args.repeat} redraws",
                statistics.median(again),
                statistics.median(again_floor),
                DRAW_MOST,
                "bare paint, median",
            ),
            judged(
                "first draw zoomed x8, median of 7",
                statistics.median(zoomed),
                statistics.median(zoomed_floor),
                DRAW_MOST,
                "bare paint, as wide",
            ),
            judged("hover hit-test, each", hit_ms, bisect_ms, HOVER_MOST, "one bisect", unit="us"),
        ],
    )
    del app
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
