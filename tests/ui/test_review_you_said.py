"""The participation review as a representative reads it: 'You said, we did' (what became of their feedback,
across the series), a sort arrow that points the way the rows run, the people table whole at 1280x800, and
accented names not cut off."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionHeader, QTabBar

from meetingkit.app import MIN_POINT_SIZE
from meetingkit.clock import FakeClock
from meetingkit.models.meeting import AgendaItem, Attendee, Meeting
from meetingkit.store.repository import Store
from meetingkit.ui.common.live_bridge import LiveBridge
from meetingkit.ui.review.review_models import FeedbackOutcomesModel
from meetingkit.ui.review.review_window import ReviewWindow
from meetingkit.ui.review.review_window.sorted_table import SortArrowStyle
from meetingkit.ui.review.review_window.window import TABS

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
FIRST = datetime(2026, 6, 12, 9, 0, tzinfo=UTC)


@pytest.fixture
def app_font(qapp: QApplication) -> Iterator[None]:
    """The text size the app itself sets (app.py): widths are judged at what people see."""
    before = QFont(qapp.font())
    font = QFont(before)
    font.setPointSizeF(max(before.pointSizeF(), MIN_POINT_SIZE))
    qapp.setFont(font)
    yield
    qapp.setFont(before)


def board(title: str, start: datetime) -> Meeting:
    return Meeting(
        title=title,
        series="Carers board",
        scheduled_start=start,
        people=[
            Attendee("ch", "Ann Chair", "Council", "social care", "chair"),
            Attendee("dw", "Dewi Ŵilliams", "Carers' forum", "patients and public", "patient_rep", True),
            Attendee("jp", "Joan Pritchard", "Healthwatch", "patients and public", "patient_rep", True),
            Attendee("mo", "Mark Obi", "Mental Health Trust", "mental health", "member"),
        ],
        agenda=[AgendaItem("i1", "Discharge", 20, presenter="mo"), AgendaItem("i2", "Winter plan", 20)],
    )


def run(store: Store, clock: FakeClock, title: str, start: datetime, steps: Any) -> int:
    clock.set_utc(start)
    mid = store.create_meeting(board(title, start))
    bridge = LiveBridge(store.open_live(mid, clock))
    bridge.stop()
    c = bridge.command
    c("start_meeting")
    c("speak", who="mo")
    clock.advance(300)
    c("interject", who="dw")
    clock.advance(30)
    c("stop_speaking")
    clock.advance(60)
    steps(c, clock)
    c("end_meeting")
    return mid


def first_steps(c: Any, clock: FakeClock) -> None:
    c("start_break")
    c("feedback", who="dw", text="Carers were not asked about discharge <b>at all</b>.")
    c("action", text="Ask carers at every discharge", owner="mo", source="patient_feedback", feedback=0)
    c("action", text="Book the venue", owner="ch")  # agreed in the meeting: not 'you said'
    c("end_break")


def second_steps(c: Any, clock: FakeClock) -> None:
    c("action_update", action="CB-1", status="done", note="Discharge checklist now asks about carers")
    c("start_break")
    c("feedback", who="jp", text="Too much jargon in the winter plan")
    c("action", text="Plain-English winter plan", owner="Comms team", source="patient_feedback", feedback=0)
    c("end_break")


@pytest.fixture
def series(store: Store, clock: FakeClock) -> tuple[int, int]:
    first = run(store, clock, "Carers board (June)", FIRST, first_steps)
    second = run(store, clock, "Carers board (July)", FIRST + timedelta(weeks=4), second_steps)
    return first, second


def cells(model: FeedbackOutcomesModel) -> list[list[str]]:
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_you_said_we_did_lists_the_series_feedback_actions_and_what_became_of_them(
    qtbot: Any, app_font: None, store: Store, series: tuple[int, int]
) -> None:
    _first, second = series
    window = ReviewWindow(store, second)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentIndex(TABS.index("You said, we did"))
    assert window.tabs.tabText(window.tabs.currentIndex()) == "You said, we did"
    assert window.outcomes_table.accessibleName() == "You said, we did table"
    assert window.tabs.tabBar().accessibleName()
    assert cells(window.outcomes_model) == [
        [
            "Dewi Ŵilliams: Carers were not asked about discharge <b>at all</b>.",
            "CB-1: Ask carers at every discharge",
            "Mark Obi",
            "✓ Done",
            "Discharge checklist now asks about carers",
            "10 Jul 2026",
            "Carers board (June), 12 Jun 2026",
        ],
        [
            "Joan Pritchard: Too much jargon in the winter plan",
            "CB-3: Plain-English winter plan",
            "Comms team",
            "○ Open",
            "No update yet",
            "—",
            "Carers board (July), 10 Jul 2026",
        ],
    ]
    tip = window.outcomes_model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;at all&lt;/b&gt;" in tip and "<b>at all" not in tip  # user text escaped for rich text
    assert window.outcomes_empty.text() == "2 actions from patient and public feedback; 1 done."
    ARTIFACTS.mkdir(exist_ok=True)
    assert window.grab().save(str(ARTIFACTS / "review_you_said_we_did.png"))


def test_an_earlier_meeting_does_not_list_later_actions(
    qtbot: Any, store: Store, series: tuple[int, int]
) -> None:
    first, _second = series
    window = ReviewWindow(store, first)
    qtbot.addWidget(window)
    rows = window.outcomes_model.rows()
    assert [(r.key, r.status) for r in rows] == [("CB-1", "✓ Done")]  # what became of it, since


def test_without_feedback_actions_the_tab_says_so(qtbot: Any, store: Store, clock: FakeClock) -> None:
    mid = run(store, clock, "Quiet board", FIRST, lambda c, clock: None)
    window = ReviewWindow(store, mid)
    qtbot.addWidget(window)
    assert window.outcomes_model.rowCount() == 0
    assert window.outcomes_empty.text() == "No action has come from patient and public feedback yet."


def test_the_sort_arrow_points_down_over_rows_that_run_largest_first(
    qtbot: Any, store: Store, series: tuple[int, int]
) -> None:
    window = ReviewWindow(store, series[1])
    qtbot.addWidget(window)
    header = window.people_table.horizontalHeader()
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    style = header.style()
    assert isinstance(style, SortArrowStyle)

    def arrow(st: QStyle, indicator: QStyleOptionHeader.SortIndicator) -> bytes:
        option = QStyleOptionHeader()
        option.rect = QRect(0, 0, 16, 16)
        option.sortIndicator = indicator
        option.palette = header.palette()
        pixmap = QPixmap(16, 16)
        pixmap.fill(Qt.GlobalColor.white)
        painter = QPainter(pixmap)
        st.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorHeaderArrow, option, painter, header)
        painter.end()
        return bytes(pixmap.toImage().constBits())

    base = QApplication.style()
    # Qt passes a descending sort as "SortUp"; drawn through the header's style it looks like the base
    # style's down arrow, and the other way round.
    up, down = QStyleOptionHeader.SortIndicator.SortUp, QStyleOptionHeader.SortIndicator.SortDown
    assert arrow(style, up) == arrow(base, down) != arrow(base, up)


def test_the_people_table_fits_a_laptop_and_accents_are_not_cut(
    qtbot: Any, app_font: None, store: Store, series: tuple[int, int]
) -> None:
    window = ReviewWindow(store, series[1])
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    table = window.people_table
    header = table.horizontalHeader()
    assert header.length() <= table.viewport().width()  # "Interjections received" included
    rows = table.model().rowCount()
    assert table.rowViewportPosition(rows - 1) + table.rowHeight(rows - 1) <= table.viewport().height()
    window.tabs.setCurrentIndex(TABS.index("Balance"))
    QApplication.processEvents()
    label = window.interjections
    assert label.text() == "1 interjection in all, by Dewi Ŵilliams."
    metrics = label.fontMetrics()
    above_baseline = -metrics.tightBoundingRect("Ŵ").top()
    # The first line's baseline sits at the top margin plus the ascent; the circumflex must fit above it.
    assert above_baseline <= label.contentsRect().top() + metrics.ascent()
    assert all(bar.accessibleName() for bar in window.findChildren(QTabBar))
