"""Issue 12 at the console, finding by finding: the display that never takes the keys, what the room reads in
the break, the break's prompt and the forecast agreeing, keys on a person's button, a meeting planned for
another day, the rebalance offer, and everything the chair needs on a 1366×768 laptop."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget

from meetingkit.clock import FakeClock
from meetingkit.store.database import StoreError
from meetingkit.store.repository import Store
from meetingkit.ui.common.live_bridge import LiveBridge
from meetingkit.ui.common.screen_fit import fit_to_screen
from meetingkit.ui.console.console_window import ConsoleWindow
from meetingkit.ui.console.shortcuts import EXTRA_KEYS, SHORTCUTS
from tests.ui.console_meeting import board, open_board

CTRL = Qt.KeyboardModifier.ControlModifier
CHAIR_HINTS = ("Enter", "P resumes", "summary is above", "(Q)", "Space")


def make_console(qtbot, bridge: LiveBridge, store: Store) -> ConsoleWindow:  # noqa: ANN001
    window = ConsoleWindow(bridge, store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


@pytest.fixture
def console(qtbot, store: Store, clock: FakeClock) -> Iterator[ConsoleWindow]:  # noqa: ANN001
    _, bridge = open_board(store, clock)
    window = make_console(qtbot, bridge, store)
    yield window
    window.display.hide()
    bridge.stop()


def press(qtbot, window: ConsoleWindow, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # noqa: ANN001
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifier)


def repaint(window: ConsoleWindow) -> None:
    window.bridge.tick.emit()
    window.display.refresh()


def room_words(window: ConsoleWindow) -> list[str]:
    d = window.display
    return [d.item.text(), d.badge.words.text(), d.name.text(), d.time.text(), d.detail.text(), d.next.text()]


# ---- 1. the speaker display ------------------------------------------------------------------------------


def test_1_the_display_never_takes_the_keyboard_and_no_key_on_it_hides_it(
    qtbot,
    console: ConsoleWindow,
    clock: FakeClock,  # noqa: ANN001
) -> None:
    display = console.display
    assert display.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus
    assert display.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert display.focusPolicy() == Qt.FocusPolicy.NoFocus
    console.start_meeting()
    press(qtbot, console, Qt.Key.Key_D)
    assert display.isVisible()
    assert console.isActiveWindow() and console.isAncestorOf(QApplication.focusWidget())
    console.bridge.command("speak", who="p1")
    clock.advance(30)
    press(qtbot, console, Qt.Key.Key_E)  # E and Space still reach the console
    assert console.bridge.live.speaker_timer().limit_s == 240
    for key in (Qt.Key.Key_Escape, Qt.Key.Key_Q, Qt.Key.Key_Space):
        qtbot.keyClick(display, key)  # a key that reaches the display anyway (a click on it, say)
        assert display.isVisible()
    qtbot.waitUntil(console.isActiveWindow)  # ... hands the keyboard straight back to the console
    console.focus_home()
    press(qtbot, console, Qt.Key.Key_Space)
    assert console.bridge.live.turn is None
    press(qtbot, console, Qt.Key.Key_D)  # the console's own key hides it
    assert not display.isVisible()


def test_1_f1_documents_the_display_key_and_the_break_keys() -> None:
    keys = {s.keys: s.what for s in SHORTCUTS} | dict(EXTRA_KEYS)
    assert "speaker display" in keys["D"]
    assert keys["B"].startswith("Start the feedback break") and "end" not in keys["B"].lower()
    assert keys["Shift+B"].startswith("End the feedback break")
    assert "close" not in keys["Escape"] and "display" not in keys["Escape"]
    assert "give that person the floor" in keys["Space / Enter"]


# ---- 10. the room sees only words meant for the room ----------------------------------------------------


def test_10_the_room_never_reads_the_chairs_instructions(
    qtbot,
    console: ConsoleWindow,
    clock: FakeClock,  # noqa: ANN001
) -> None:
    console.toggle_display()
    seen = []
    repaint(console)
    seen.append(room_words(console))
    assert "Start meeting (Enter)" in console.speaker_panel.detail.text()  # the chair still has the hint
    console.start_meeting()
    console.bridge.command("speak", who="m1")
    console.bridge.command("pause")
    repaint(console)
    assert "P resumes" in console.speaker_panel.detail.text()
    seen.append(room_words(console))
    console.bridge.command("resume")
    console.bridge.command("stop_speaking")
    repaint(console)
    seen.append(room_words(console))
    console.bridge.command("skip_break", reason="Short meeting")
    console.bridge.command("end_meeting")
    repaint(console)
    seen.append(room_words(console))
    assert seen[-1][1] == "Meeting ended" and seen[1][1] == "Meeting paused"
    for words in seen:
        for hint in CHAIR_HINTS:
            assert not any(hint in w for w in words), (hint, words)


# ---- 6. the break: its countdown first, no speaker limit, its own over state -------------------------------


def test_6_a_representative_in_her_own_break_is_never_over_time_and_the_break_is(
    qtbot,
    console: ConsoleWindow,
    clock: FakeClock,  # noqa: ANN001
) -> None:
    console.toggle_display()
    c = console.bridge.command
    console.start_meeting()
    c("start_break")  # the chair's own command: no question from the engine's bridge
    c("speak", who="p1")  # Eileen, a patient representative
    shown = []
    for step in (60, 150, 200, 120):  # to 8 min 50 s: far past the meeting's 3-minute speaker limit
        clock.advance(step)
        repaint(console)
        shown.append((console.display.badge.words.text(), console.display.time.text()))
        assert console.display.name.text() == "Eileen Foster"
    words = [w for w, _ in shown]
    assert "Over time" not in words and "Please wrap up" not in words
    assert shown[0] == ("Feedback break", "9:00")  # the break's countdown is the main figure
    assert console.display.detail.text() == "Speaking for 8:50"
    assert shown[2][0] == "Feedback break" and shown[3][0] == "Break ending soon"  # two minutes' notice
    # Graham interjects: no 60-second interjection limit in the break either (50 s in, he was "wrap up").
    c("interject", who="p2")
    clock.advance(50)
    repaint(console)
    assert console.display.badge.words.text() == "Break ending soon"
    assert console.display.name.text() == "Graham Lee"
    clock.advance(60)  # the break itself is now 40 s over: its own state, in words, icon and colour
    repaint(console)
    assert console.display.badge.words.text() == "Break over time"
    assert console.display.time.text() == "+0:40 over"
    assert console.display.panel.state == "over"
    assert console.item_panel.badge.words.text() == "Break over time"
    assert "Interjection — Eileen Foster waits" in console.display.detail.text()


# ---- 4. the break due: the prompt, the forecast and Ctrl+→ agree ------------------------------------------


def test_4_when_the_prompt_says_the_break_is_due_the_forecast_says_it_comes_next(
    qtbot,
    console: ConsoleWindow,
    clock: FakeClock,  # noqa: ANN001
) -> None:
    console.start_meeting()
    # 'Welcome' (5 min) runs long: with 70 min still planned after it, the break is due once E >= 70 min.
    clock.advance(69 * 60)
    repaint(console)
    assert console.break_panel.mode == "quiet"
    assert console.forecast_panel.next_up.text().startswith("Next: Review of actions")
    clock.advance(60)
    repaint(console)
    assert console.break_panel.mode == "due"
    assert console.forecast_panel.next_up.text() == "Next: feedback break (10:00)"
    press(qtbot, console, Qt.Key.Key_Right, CTRL)
    assert console.bridge.live.brk.status == "running"


# ---- 5. keys on a person's button ----------------------------------------------------------------------


def test_5_space_enter_and_i_on_a_persons_button_do_what_f1_says(
    qtbot,
    console: ConsoleWindow,  # noqa: ANN001
) -> None:
    live = console.bridge.live
    console.start_meeting()
    console.bridge.command("speak", who="m1")  # Dr Anil Kapoor has the floor
    console.attendees.buttons["m2"].setFocus()
    press(qtbot, console, Qt.Key.Key_Space)
    assert live.speaker == "m2"  # Claire, whose button has the focus, not "stop the speaker"
    console.attendees.buttons["p2"].setFocus()
    press(qtbot, console, Qt.Key.Key_I)
    assert (live.speaker, live.held.speech.who if live.held else None) == ("p2", "m2")
    console.attendees.buttons["m3"].setFocus()
    press(qtbot, console, Qt.Key.Key_Return)
    assert live.speaker == "m3"


# ---- 2. B twice; the end of the break ------------------------------------------------------------------


def test_2_b_twice_in_minute_one_never_holds_the_break(
    qtbot, console: ConsoleWindow, clock: FakeClock
) -> None:  # noqa: ANN001
    live = console.bridge.live
    console.start_meeting()
    clock.advance(60)
    press(qtbot, console, Qt.Key.Key_B)
    press(qtbot, console, Qt.Key.Key_B)
    assert live.brk.status == "pending"
    assert console.break_question.isVisible()
    press(qtbot, console, Qt.Key.Key_Escape)  # not now
    assert not console.break_question.isVisible() and live.brk.status == "pending"
    press(qtbot, console, Qt.Key.Key_B)
    press(qtbot, console, Qt.Key.Key_Return)  # confirmed: held, once
    assert live.brk.status == "running"
    press(qtbot, console, Qt.Key.Key_B)
    assert live.brk.status == "running"  # B never ends it
    press(qtbot, console, Qt.Key.Key_B, Qt.KeyboardModifier.ShiftModifier)
    press(
        qtbot, console, Qt.Key.Key_B, Qt.KeyboardModifier.ShiftModifier
    )  # pressed twice: still one question
    assert live.brk.status == "running" and console.break_question.isVisible()
    console.break_question.cancel()
    clock.advance(5 * 60)  # half its minutes: ends without a question
    press(qtbot, console, Qt.Key.Key_B, Qt.KeyboardModifier.ShiftModifier)
    assert live.brk.status == "taken" and not console.break_question.isVisible()


# ---- 8. a meeting planned for another day ----------------------------------------------------------------


def test_8_a_meeting_planned_for_another_day_is_moved_to_today_before_it_starts(
    qtbot,
    store: Store,
    clock: FakeClock,  # noqa: ANN001
) -> None:
    meeting = board(clock)
    meeting.scheduled_start = meeting.scheduled_start - timedelta(days=26)  # Duplicate as next, long ago
    mid = store.create_meeting(meeting)
    bridge = LiveBridge(store.open_live(mid, clock))
    console = make_console(qtbot, bridge, store)
    assert console.move_bar.isVisible()
    assert "planned for Sunday 17 May 2026 at 10:00" in console.move_bar.text.text()
    # No forecast against a day long past (it put every item "at risk"): the plan's day, plainly.
    assert console.forecast_panel.forecast.text() == "Planned for Sun 17 May 2026"
    assert console.forecast_panel.at_risk.isHidden()
    press(qtbot, console, Qt.Key.Key_Return)  # Start meeting: refused, the move is offered
    assert bridge.live.status == "ready"
    assert "This meeting is planned for" in console.status.text.text()
    assert QApplication.focusWidget() is console.move_bar.move_button
    press(qtbot, console, Qt.Key.Key_Return)  # move it to today
    assert store.load_meeting(mid).scheduled_start.date() == clock.now_utc().date()
    assert not console.move_bar.isVisible()
    press(qtbot, console, Qt.Key.Key_Return)  # and start
    assert bridge.live.status == "running"
    clock.advance(120)
    repaint(console)
    assert console.forecast_panel.forecast.text() == "✓ on time — finish 11:25"  # not "over by 38024 min"
    assert console.rebalance_panel.isHidden()
    bridge.command("skip_break", reason="Short meeting")
    bridge.command("end_meeting")
    timing = store.summary(mid).to_json()["timing"]
    assert abs(timing["over_s"]) < 3 * 3600  # sane: not "over by 632 h"
    console.display.hide()
    bridge.stop()


def test_8b_the_console_holding_the_meetings_writer_lock_moves_it_to_today(
    qtbot,
    store: Store,
    clock: FakeClock,  # noqa: ANN001
) -> None:
    # As the app opens it: the console's session holds the meeting's writer lock, which refuses every other
    # writer. Its own Move to today was refused by it ("running in another window of this program"), so a
    # meeting made by Duplicate as next for another day could not be started at all.
    meeting = board(clock)
    meeting.scheduled_start = meeting.scheduled_start + timedelta(days=28)
    mid = store.create_meeting(meeting)
    session = store.open_live(mid, clock)
    session.take_lock()
    bridge = LiveBridge(session)
    console = make_console(qtbot, bridge, store)
    console.move_to_today()
    assert "could not be moved" not in console.status.text.text()
    assert store.load_meeting(mid).scheduled_start.date() == clock.now_utc().date()
    # Any other writer (the meeting editor, another program) still may not change it while the console is open.
    with pytest.raises(StoreError, match="cannot be changed while its console is open"):
        store.update_meeting(mid, store.load_meeting(mid))
    press(qtbot, console, Qt.Key.Key_Return)  # and start
    assert bridge.live.status == "running"
    console.display.hide()
    bridge.stop()


# ---- 11. the rebalance offer -----------------------------------------------------------------------------


def test_11_the_rebalance_offer_waits_until_three_minutes_over_and_is_read_whole(
    qtbot,
    console: ConsoleWindow,
    clock: FakeClock,  # noqa: ANN001
) -> None:
    console.start_meeting()
    clock.advance(6 * 60)  # 'Welcome' (5 min) a minute over: the forecast says so, no offer yet
    repaint(console)
    assert "over by 1 min" in console.forecast_panel.forecast.text()
    assert console.rebalance_panel.isHidden()
    clock.advance(3 * 60)
    repaint(console)
    QApplication.processEvents()
    panel = console.rebalance_panel
    assert panel.isVisible()
    for label in (panel.title, panel.text):
        assert label.text() and label.height() >= label.needed_height(), label.text()


# ---- 9. a 1366×768 laptop with a window manager's frame --------------------------------------------------

LAPTOP = QRect(0, 0, 1366, 768)


def visible_in_column(console: ConsoleWindow, widget: QWidget) -> bool:
    """Whether `widget` is wholly inside the part of the chair's column on screen (no scrolling needed)."""
    if widget.isHidden():
        return False
    view = console.column_scroll.viewport()
    top_left = widget.mapTo(view, widget.rect().topLeft())
    return view.rect().contains(QRect(top_left, widget.size()))


def test_9_at_1366x768_the_due_break_the_offer_a_refusal_and_every_person_show_at_once(
    qtbot,
    store: Store,
    clock: FakeClock,  # noqa: ANN001
) -> None:
    _, bridge = open_board(store, clock)
    console = ConsoleWindow(bridge, store)
    qtbot.addWidget(console)
    size = fit_to_screen(console, 1440, 900, available=LAPTOP)
    assert size.width() <= 1366 - 16 and size.height() <= 768 - 40  # room left for the frame
    console.show()
    qtbot.waitExposed(console)
    c = bridge.command
    c("start_meeting")
    c("start_item", item="i3")  # the break is due after this item
    c("queue", who="p2")
    c("speak", who="m2")
    clock.advance(55 * 60)  # far over: new timings are offered too
    console.next_speaker()
    console.bridge.refused.emit("The queue is empty: add someone (Q) or give the floor from their button")
    for _ in range(3):
        repaint(console)
        QApplication.processEvents()
    console.grab().save(str(artifact("console_1366x768_due_offer_refusal.png")))
    assert console.break_panel.mode == "due" and console.rebalance_panel.isVisible()
    assert console.status.text.text().startswith("Not done: The queue is empty")
    assert not console.column_scroll.verticalScrollBar().isVisible()  # nothing below the fold
    for widget in (console.break_panel, console.speaker_panel, console.item_panel, *console.controls[:-1]):
        assert visible_in_column(console, widget), widget.accessibleName() or type(widget).__name__
    # The column never scrolls; the attendee board keeps the rows with a representative in view and
    # scrolls the rest within itself (a patient representative's button had scrolled out of view).
    for key in ("p1", "p2"):
        assert visible_in_column(console, console.attendees.buttons[key]), key
    board_area = console.attendees.parentWidget().parentWidget()
    hidden_rows = board_area.viewport().height() < console.attendees.sizeHint().height()
    assert board_area.verticalScrollBar().isVisible() == hidden_rows
    status = console.status
    assert status.mapTo(console, status.rect().bottomLeft()).y() <= console.height()
    assert status.text.height() >= status.text.needed_height()
    offer = console.rebalance_panel
    assert offer.mapTo(console, offer.rect().bottomLeft()).y() <= console.height()
    assert offer.accept_button.isVisible()
    console.display.hide()
    bridge.stop()


def artifact(name: str):  # noqa: ANN201
    from pathlib import Path

    folder = Path(__file__).resolve().parents[2] / "artifacts" / "laptop"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


# ---- 3. the end: never "on time" over items not reached ---------------------------------------------------


def test_3_the_summary_names_what_was_never_reached_and_is_not_green(
    qtbot,
    console: ConsoleWindow,
    store: Store,
    clock: FakeClock,  # noqa: ANN001
) -> None:
    console.start_meeting()
    console.bridge.command("start_item", item="i3")
    clock.advance(85 * 60)  # ends at the scheduled end (75 min + the break's 10): "on time" ...
    console.ask_end()
    qtbot.keyClicks(console.end_bar.reason, "Ran out of time")
    press(qtbot, console, Qt.Key.Key_Return)
    line = console.summary_bar.text.text()
    assert (
        ", on time. Not reached: Review of actions, Thrombectomy access, Life after stroke research bid, "
        "Next steps." in line
    )  # ... but never hiding what was left out
    assert "#DCEBFA" in console.summary_bar.styleSheet()  # the notice colours, not the green of "all well"
    assert console.break_panel.outlook.text() == "Feedback break skipped: Ran out of time"


def test_markup_in_a_name_or_a_title_is_shown_as_typed_in_every_bar_and_question(
    qtbot,
    store: Store,
    clock: FakeClock,  # noqa: ANN001
) -> None:
    from meetingkit.ui.console.fit_labels import WrapLabel

    meeting = board(clock)
    meeting.people[4].name = "Dr <b>Anil</b> Kapoor"
    meeting.agenda[2].title = "Discharge <i>results</i> <img src='/etc/passwd'>"
    mid = store.create_meeting(meeting)
    bridge = LiveBridge(store.open_live(mid, clock))
    console = make_console(qtbot, bridge, store)
    console.start_meeting()
    bridge.command("speak", who="m1")
    clock.advance(60)
    console.start_break()  # asks: the break is planned after the item with markup in its title
    assert "<img src='/etc/passwd'>" in console.break_question.text.text()
    assert console.status.text.text() == "Done: Dr <b>Anil</b> Kapoor has the floor"
    labels = console.findChildren(WrapLabel)
    assert labels and all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    console.display.hide()
    bridge.stop()
