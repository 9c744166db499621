"""The console on a laptop (1440x900 and 1280x800, the app's 11 pt text): the secretary's side panel never
scrolls sideways and its buttons' words fit; the actions review shows an action's words at a readable width;
the attendee buttons stay reachable when the break prompt and the new timings both show; nobody speaking is
shown in words, not as a blank bar. Each state is saved to artifacts/laptop/ to look at."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QScrollArea, QStyle, QWidget

from meetingkit.app import MIN_POINT_SIZE
from meetingkit.clock import FakeClock
from meetingkit.store.repository import Store
from meetingkit.ui.common.actions_model import ActionsModel
from meetingkit.ui.common.live_bridge import LiveBridge
from meetingkit.ui.console.console_window import ConsoleWindow
from meetingkit.ui.console.timer_faces import IDLE_TIME
from meetingkit.ui.minutes.secretary_panel import SecretaryPanel
from tests.ui.console_meeting import board

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "laptop"
SIZES = [(1440, 900), (1280, 800)]
LONG_ACTION = (
    "Circulate the winter plan summary to every member and the survivors' group before the next board"
)


@pytest.fixture
def app_font(qapp: QApplication) -> Iterator[None]:
    """The text size the app itself sets (app.py): the layouts are judged at what people see."""
    before = QFont(qapp.font())
    font = QFont(before)
    font.setPointSizeF(max(before.pointSizeF(), MIN_POINT_SIZE))
    qapp.setFont(font)
    yield
    qapp.setFont(before)


def second_meeting(store: Store, clock: FakeClock) -> LiveBridge:
    """A board whose series has three open actions from its last meeting, one with long words."""
    first = LiveBridge(store.open_live(store.create_meeting(board(clock)), clock))
    first.command("start_meeting")
    first.command("action", text=LONG_ACTION, owner="se", due=date(2026, 3, 24).isoformat())
    first.command("action", text="Ask the acute trust for discharge delays by ward", owner="Hospital team")
    first.command("action", text="Book the community venue", owner="m2")
    first.command("skip_break", reason="Ended early")
    first.command("end_meeting")
    first.stop()
    clock.advance(28 * 86400)
    bridge = LiveBridge(store.open_live(store.create_meeting(board(clock)), clock))
    bridge.stop()  # repaints come from the test
    return bridge


def open_console(qtbot: Any, store: Store, clock: FakeClock, size: tuple[int, int]) -> ConsoleWindow:
    console = ConsoleWindow(second_meeting(store, clock), store)
    qtbot.addWidget(console)
    console.resize(*size)
    console.show()
    qtbot.waitExposed(console)
    settle()
    return console


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def panel_of(console: ConsoleWindow) -> SecretaryPanel:
    panel = console.side_panels["Notes && actions"]
    assert isinstance(panel, SecretaryPanel)
    return panel


def words_cut_off(root: QWidget) -> list[str]:
    """Visible buttons whose words (each line) do not fit inside them."""
    cut = []
    for b in root.findChildren(QAbstractButton):
        if not b.isVisible() or not b.text():
            continue
        margin = b.style().pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, b)
        room = b.contentsRect().width() - margin
        for line in b.text().replace("&&", "&").split("\n"):
            if b.fontMetrics().horizontalAdvance(line) > room:
                cut.append(
                    f"{b.accessibleName()!r}: {line!r} needs {b.fontMetrics().horizontalAdvance(line)}"
                )
    return cut


def assert_no_sideways_scrolling(console: ConsoleWindow, where: str) -> None:
    panel = panel_of(console)
    area = panel.findChild(QScrollArea)
    assert area is not None
    assert not area.horizontalScrollBar().isVisible(), where
    body = area.widget()
    assert body.width() <= area.viewport().width(), where  # nothing wider than what is on screen
    for w in body.findChildren(QWidget):  # no control runs off the right edge of the panel
        if w.isVisible() and w.isWindow() is False and w.width() > 0:
            right = w.mapTo(body, w.rect().topRight()).x()
            assert right <= area.viewport().width(), f"{where}: {w.accessibleName() or type(w).__name__}"
    assert not words_cut_off(panel), (where, words_cut_off(panel))
    assert not words_cut_off(console.main_column), (where, words_cut_off(console.main_column))


def save(console: ConsoleWindow, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert console.grab().save(str(ARTIFACTS / f"{name}.png"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_actions_review_fits_the_side_panel(
    qtbot: Any, app_font: None, store: Store, clock: FakeClock, size: tuple[int, int]
) -> None:
    console = open_console(qtbot, store, clock, size)
    console.start_meeting()
    console.bridge.command("next_item")  # the actions review
    panel = panel_of(console)
    assert panel.select_review(panel.review_model.rows()[0].key)
    console.refresh()
    settle()
    save(console, f"review_{size[0]}")
    assert not panel.review_box.isHidden()
    assert_no_sideways_scrolling(console, f"review at {size}")
    table = panel.review_table
    header = table.horizontalHeader()
    shown = [c for c in range(len(ActionsModel.COLUMNS)) if not table.isColumnHidden(c)]
    assert ActionsModel.TEXT in shown and ActionsModel.STATUS in shown
    # Every shown column is inside the table's view (no column off to the right).
    assert sum(header.sectionSize(c) for c in shown) <= table.viewport().width()
    if size == (1440, 900):
        assert ActionsModel.OWNER in shown
        assert header.sectionSize(ActionsModel.TEXT) >= 200
    else:
        # Narrower: the owner moves to the line under the table rather than squeezing the words.
        assert header.sectionSize(ActionsModel.TEXT) >= 180
    assert "Ben Carter, due 24 Mar 2026" in panel.review_detail.text()
    assert table.rowViewportPosition(2) + table.rowHeight(2) <= table.viewport().height()  # all three rows
    for button in (panel.review_button, panel.decision_button, panel.action_button):
        assert button.isVisible() and button.width() >= button.sizeHint().width()
    console.display.hide()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_feedback_break_fits_the_side_panel(
    qtbot: Any, app_font: None, store: Store, clock: FakeClock, size: tuple[int, int]
) -> None:
    console = open_console(qtbot, store, clock, size)
    c = console.bridge.command
    console.start_meeting()
    c("start_break")
    c("speak", who="p1")
    c("feedback", who="p1", text="Too much jargon in the winter plan; please explain 'UEC' and 'SDEC'.")
    c("feedback", who="p2", text="Carers were not asked about discharge <b>at all</b>.")
    panel = panel_of(console)
    panel.make_action_from(0)
    panel.add_action()
    console.refresh()
    settle()
    save(console, f"break_{size[0]}")
    assert_no_sideways_scrolling(console, f"break at {size}")
    names = {b.accessibleName() for b in panel.findChildren(QAbstractButton) if b.isVisible()}
    assert {"Record feedback", "Make feedback 2 from Graham Lee an action", "Add action"} <= names
    who = panel.feedback_who
    assert who.mapTo(panel, who.rect().topRight()).x() <= panel.width()
    # The chair's column, narrower beside the wider panel, still shows each attendee's line in full.
    info = console.attendees.buttons["p1"].info
    assert info.text() == "Public voice · ▶ Has the floor"
    assert info.fontMetrics().horizontalAdvance(info.text()) <= info.contentsRect().width()
    console.display.hide()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_attendee_buttons_stay_reachable_under_both_prompts(
    qtbot: Any, app_font: None, store: Store, clock: FakeClock, size: tuple[int, int]
) -> None:
    console = open_console(qtbot, store, clock, size)
    c = console.bridge.command
    console.start_meeting()
    c("start_item", item="i3")  # the break is due after this item
    c("speak", who="m3")
    clock.advance(40 * 60)  # far over: new timings are offered too
    console.refresh()
    settle()
    save(console, f"both_prompts_{size[0]}")
    assert console.break_panel.isVisible() and console.rebalance_panel.isVisible()
    attendees = console.attendees
    area = attendees.parentWidget().parentWidget()
    assert isinstance(area, QScrollArea)
    # The board itself shows all its rows (three here), never shrunk to one behind a tiny scroll bar...
    assert area.viewport().height() >= attendees.sizeHint().height()
    # ...and when the column is too short for everything, the column scrolls, with its scroll bar shown.
    column = console.main_column.parentWidget().parentWidget()
    assert isinstance(column, QScrollArea)
    needs_scrolling = console.main_column.minimumSizeHint().height() > column.viewport().height()
    assert column.verticalScrollBar().isVisible() == needs_scrolling
    console.display.hide()


def test_nobody_speaking_is_said_in_words(qtbot: Any, app_font: None, store: Store, clock: FakeClock) -> None:
    console = open_console(qtbot, store, clock, (1440, 900))
    console.start_meeting()
    console.refresh()
    settle()
    panel = console.speaker_panel
    assert panel.time.text() == IDLE_TIME
    assert panel.detail.text() == "Nobody has the floor"
    assert panel.badge.words.text() == "Nobody speaking"
    # A dash of a modest size, not a slab as wide as a running time.
    dash = panel.time.fontMetrics().horizontalAdvance(IDLE_TIME)
    assert dash < panel.width() / 8
    console.toggle_display()  # the room's display says it the same way
    display = console.display
    qtbot.waitExposed(display)
    display.refresh()
    assert (display.time.text(), display.detail.text()) == (IDLE_TIME, "Nobody has the floor")
    assert display.time.font().pixelSize() <= display.height() * 0.15
    console.bridge.command("speak", who="p1")
    console.refresh()
    assert panel.time.text() == "3:00" and panel.time.font().pixelSize() > 2 * panel.detail.font().pixelSize()
    assert display.time.font().pixelSize() > display.height() * 0.2  # a running time is big again
    console.display.hide()


def test_end_question_and_notes_hint_are_not_cut_off(
    qtbot: Any, app_font: None, store: Store, clock: FakeClock
) -> None:
    console = open_console(qtbot, store, clock, (1440, 900))
    console.start_meeting()
    console.ask_end()
    settle()
    save(console, "end_question_1440")
    text = console.end_bar.text
    # The bar's label reserves a fixed number of lines; the question, wrapped at its width, must fit them.
    wrapped = QLabel(text.text())
    wrapped.setFont(text.font())
    wrapped.setWordWrap(True)
    assert wrapped.heightForWidth(text.contentsRect().width()) <= text.contentsRect().height()
    notes = panel_of(console).notes_edit
    hint = notes.fontMetrics().horizontalAdvance(notes.placeholderText())
    assert hint <= notes.viewport().width() - 8
    console.display.hide()
