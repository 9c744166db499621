"""The chair runs a whole meeting from the keyboard alone; what the room sees and what is stored are checked."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from meetingkit.clock import FakeClock
from meetingkit.store.repository import Store
from meetingkit.ui.console.console_window import ConsoleWindow
from meetingkit.ui.console.shortcuts import typing_in_text_field
from tests.ui.console_meeting import open_board

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def console(qtbot, store: Store, clock: FakeClock) -> Iterator[ConsoleWindow]:
    mid, bridge = open_board(store, clock)
    window = ConsoleWindow(bridge, store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.meeting_id = mid
    yield window
    bridge.stop()


def press(qtbot, window: ConsoleWindow, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key as the chair presses it: to whatever has the keyboard focus (shortcuts resolve from there)."""
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifier)


def queue_by_name(qtbot, window: ConsoleWindow, *names: str) -> None:
    press(qtbot, window, Qt.Key.Key_Q)
    for name in names:
        qtbot.keyClicks(QApplication.focusWidget(), name)
        press(qtbot, window, Qt.Key.Key_Return)
    press(qtbot, window, Qt.Key.Key_Escape)


def shown(window: ConsoleWindow) -> tuple[str, str, str]:
    """What the room reads off the big timer: the time, the state in words, the name."""
    window.bridge.tick.emit()  # one repaint, as the bridge's timer asks for ten times a second
    panel = window.speaker_panel
    return panel.time.text(), panel.badge.words.text(), panel.name.text()


def forecast(window: ConsoleWindow) -> str:
    return window.forecast_panel.forecast.text()


def test_a_whole_meeting_from_the_keyboard(
    qtbot, console: ConsoleWindow, store: Store, clock: FakeClock
) -> None:
    live = console.bridge.live
    assert shown(console)[1] == "Meeting not started"
    # D shows the speaker display; it never takes the keyboard (issue 12, finding 1), so Enter still starts.
    press(qtbot, console, Qt.Key.Key_D)
    display = console.display
    assert display.isVisible() and console.display_button.accessibleName() == "Hide speaker display"
    assert console.isActiveWindow() and console.isAncestorOf(QApplication.focusWidget())
    assert display.detail.text() == ""  # never the chair's "Start meeting (Enter) starts the clock"
    press(qtbot, console, Qt.Key.Key_Return)  # the focus starts on "Start meeting"
    assert live.status == "running"
    assert console.item_panel.title.text() == "Welcome and apologies"
    assert forecast(console) == "✓ on time — finish 11:25"  # 10:00 + 75 min of items + the 10 min break
    qtbot.keyClick(display, Qt.Key.Key_Escape)  # a stray Escape on the display never hides it from the room
    assert display.isVisible()

    # Speakers: two people queued by name; N gives the floor to the first.
    queue_by_name(qtbot, console, "eil", "claire")
    assert live.queue == ["p1", "m2"]
    assert not typing_in_text_field()  # Escape handed the keyboard back
    press(qtbot, console, Qt.Key.Key_N)
    assert shown(console) == ("3:00", "Speaking", "Eileen Foster")
    assert (display.time.text(), display.name.text()) == ("3:00", "Eileen Foster")  # the room sees it too
    assert live.queue == ["m2"]
    clock.advance(60)
    assert shown(console) == ("2:00", "Speaking", "Eileen Foster")

    # An interjection by the first in the queue; Space ends it and Eileen's own time resumes.
    press(qtbot, console, Qt.Key.Key_I)
    assert shown(console) == ("1:00", "Speaking", "Claire Dunne")
    assert "Eileen Foster waits (2:00)" in console.speaker_panel.detail.text()
    clock.advance(20)
    press(qtbot, console, Qt.Key.Key_Space)
    assert shown(console) == ("2:00", "Speaking", "Eileen Foster")

    # Extend, then wrap-up and over time, in colour, words and icon.
    press(qtbot, console, Qt.Key.Key_E)
    assert shown(console)[0] == "3:00"
    clock.advance(160)
    assert shown(console) == ("0:20", "Please wrap up", "Eileen Foster")
    assert console.speaker_panel.state == "wrap_up"
    clock.advance(30)
    assert shown(console) == ("+0:10 over", "Over time", "Eileen Foster")
    assert console.speaker_panel.state == "over"

    # Pause stops every clock; the paused state is shown plainly.
    press(qtbot, console, Qt.Key.Key_P)
    clock.advance(60)
    assert shown(console) == ("+0:10 over", "Meeting paused", "Eileen Foster")
    assert console.speaker_panel.detail.text() == "Every clock is stopped — P resumes"  # the chair's hint
    assert display.detail.text() == ""  # ... which the room never sees
    assert console.pause_button.accessibleName() == "Resume meeting"
    press(qtbot, console, Qt.Key.Key_P)
    assert console.pause_button.accessibleName() == "Pause meeting"

    # Next item twice: to the item after which the break is planned; the console prompts for it.
    press(qtbot, console, Qt.Key.Key_Right, CTRL)
    assert shown(console) == ("—", "Nobody speaking", "")  # never a "0:00" to misread
    press(qtbot, console, Qt.Key.Key_Right, CTRL)
    assert console.item_panel.title.text() == "Early supported discharge: six-month results"
    assert console.break_panel.mode == "due"
    assert console.break_panel.start_button.isVisible()
    assert "due after this item" in console.break_panel.outlook.text()

    # B, half an hour before the break's planned time: the console asks first, and B again changes nothing
    # (B then B once used the break up, issue 12 finding 2). Enter confirms.
    press(qtbot, console, Qt.Key.Key_B)
    assert console.break_question.isVisible() and "planned in about" in console.break_question.text.text()
    press(qtbot, console, Qt.Key.Key_B)
    assert live.brk.status == "pending" and console.break_question.isVisible()
    press(qtbot, console, Qt.Key.Key_Return)
    assert live.brk.status == "running" and not console.break_question.isVisible()
    assert shown(console) == ("10:00", "Feedback break", "Patient and public voices")
    assert console.break_panel.countdown.text() == "10:00 left"
    # A representative speaks in the break: no speaker limit; the break's countdown is the main figure.
    queue_by_name(qtbot, console, "graham")
    press(qtbot, console, Qt.Key.Key_N)
    clock.advance(120)
    assert shown(console) == ("8:00", "Feedback break", "Graham Lee")
    assert console.speaker_panel.detail.text() == "Speaking for 2:00"
    assert (display.time.text(), display.badge.words.text()) == ("8:00", "Feedback break")
    assert console.break_panel.countdown.text() == "8:00 left"
    press(qtbot, console, Qt.Key.Key_B)  # B never ends the break
    assert live.brk.status == "running" and "Shift+B ends it" in console.status.text.text()
    press(qtbot, console, Qt.Key.Key_B, Qt.KeyboardModifier.ShiftModifier)  # before half its time: asks
    assert console.break_question.isVisible() and "2:00 of its 10 min" in console.break_question.text.text()
    press(qtbot, console, Qt.Key.Key_Return)
    assert live.brk.status == "taken"
    assert console.item_panel.title.text() == "Early supported discharge: six-month results"

    # The item overruns by 35 min: the forecast says so and the engine's new plan is offered.
    clock.advance(55 * 60)
    console.bridge.tick.emit()
    assert forecast(console) == "⚠ over by 18 min — finish 11:42"
    assert console.forecast_panel.at_risk.text() == "At risk: Life after stroke research bid, Next steps"
    assert console.rebalance_panel.isVisible()
    assert "Thrombectomy access: 15 min → 12 min" in console.rebalance_panel.text.text()
    assert "Life after stroke research bid: defer" in console.rebalance_panel.text.text()
    press(qtbot, console, Qt.Key.Key_R)  # to the offer; Enter accepts it
    press(qtbot, console, Qt.Key.Key_Return)
    assert forecast(console) == "✓ on time — finish 11:24"
    assert not console.rebalance_panel.isVisible()

    # The rest: Thrombectomy access, then Next steps (the research bid was deferred), then end.
    press(qtbot, console, Qt.Key.Key_Right, CTRL)
    assert console.item_panel.title.text() == "Thrombectomy access"
    press(qtbot, console, Qt.Key.Key_Right, CTRL)
    assert console.item_panel.title.text() == "Next steps"
    press(qtbot, console, Qt.Key.Key_E, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert console.end_bar.isVisible()
    press(qtbot, console, Qt.Key.Key_Return)  # the focus is on "Yes, end the meeting"
    assert live.status == "ended"
    summary_line = console.summary_bar.text.text()
    # The length as the minutes give it (start to end), and the meeting clock with the minute of pause left out.
    assert summary_line.startswith(
        "Meeting ended at 11:02: 1 h 03 min from start to end (1:01:30 on the meeting clock, pauses left out)"
    )
    assert "Patient and public voice:" in summary_line and "of the main discussion (outside" in summary_line

    # Ended: readable, and no key gives a further command.
    events_at_end = len(store.events(console.meeting_id))
    for key in (Qt.Key.Key_N, Qt.Key.Key_Space, Qt.Key.Key_P, Qt.Key.Key_B):
        press(qtbot, console, key)
    assert len(store.events(console.meeting_id)) == events_at_end
    assert not console.speaker_button.isEnabled()

    # What was stored: the commands as given, and the figures the minutes will show.
    types = [e.type for e in store.events(console.meeting_id)]
    assert types == [
        "start_meeting",
        "queue",
        "queue",
        "speak",
        "interject",
        "stop_speaking",
        "extend",
        "pause",
        "resume",
        "next_item",
        "next_item",
        "start_break",
        "queue",
        "speak",
        "end_break",
        "rebalance",
        "next_item",
        "next_item",
        "end_meeting",
    ]
    rebalance = next(e for e in store.events(console.meeting_id) if e.type == "rebalance")
    assert rebalance.payload == {"minutes": {"i4": 12.0}, "deferred": ["i5"]}
    stats = store.summary(console.meeting_id).to_json()
    people = {p["name"]: p for p in stats["people"]}
    assert people["Eileen Foster"]["seconds"] == 250.0  # 60 + 190, the interjection and the pause left out
    assert people["Claire Dunne"]["seconds"] == 20.0
    assert people["Claire Dunne"]["interjections_made"] == 1
    assert people["Graham Lee"]["seconds"] == 120.0
    assert stats["break"]["status"] == "taken"
    assert [i["status"] for i in stats["timing"]["items"]] == [
        "done",
        "done",
        "done",
        "done",
        "not_reached",
        "done",
    ]


def test_the_end_is_refused_while_the_break_is_to_come_and_asks_why_in_the_same_step(
    qtbot, console: ConsoleWindow, store: Store, clock: FakeClock
) -> None:
    """Issue 12, finding 3: postpone, next item, postpone, next item, Ctrl+Shift+E, Enter lost the break."""
    live = console.bridge.live
    press(qtbot, console, Qt.Key.Key_D)  # the room's display is up throughout
    press(qtbot, console, Qt.Key.Key_Return)
    for _ in range(2):
        press(qtbot, console, Qt.Key.Key_Right, CTRL)
    assert console.break_panel.mode == "due"
    for _ in range(3):  # postponed at every boundary, to the last item
        console.break_panel.postpone_button.click()
        press(qtbot, console, Qt.Key.Key_Right, CTRL)
    assert console.item_panel.title.text() == "Next steps" and live.brk.status == "pending"
    press(qtbot, console, Qt.Key.Key_E, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert console.end_bar.isVisible() and "has not been held" in console.end_bar.text.text()
    assert QApplication.focusWidget() is console.end_bar.reason  # the reason is asked in the same step
    press(qtbot, console, Qt.Key.Key_Return)  # no reason: refused, nothing lost
    assert live.status == "running" and live.brk.status == "pending"
    assert "Give a reason" in console.status.text.text()
    assert QApplication.focusWidget() is console.end_bar.reason
    qtbot.keyClicks(console.end_bar.reason, "Both representatives had to leave at 11:00")
    press(qtbot, console, Qt.Key.Key_Return)
    assert live.status == "ended"
    types = [e.type for e in store.events(console.meeting_id)]
    assert types[-2:] == ["skip_break", "end_meeting"]
    stats = store.summary(console.meeting_id).to_json()
    assert stats["break"]["status"] == "skipped"
    assert stats["break"]["skip_reason"] == "Both representatives had to leave at 11:00"
    assert "not_reached" not in [i["status"] for i in stats["timing"]["items"]]
    assert console.display.isVisible() and console.display.badge.words.text() == "Meeting ended"
