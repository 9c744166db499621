"""The chair's tools (issue 13) in the console: Ctrl+Z with the words of what it cancels."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from meetingkit.clock import FakeClock
from meetingkit.store.repository import Store
from meetingkit.ui.console.console_window import ConsoleWindow
from tests.ui.console_meeting import open_board
from tests.ui.test_console_keyboard import press, shown

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


def test_ctrl_z_names_and_cancels_the_wrong_speaker(
    qtbot, console: ConsoleWindow, clock: FakeClock, db_path: Path
) -> None:
    live = console.bridge.live
    assert not console.undo_button.isEnabled()
    press(qtbot, console, Qt.Key.Key_Return)  # Start meeting
    press(qtbot, console, Qt.Key.Key_Z, CTRL)
    assert console.status.text.text() == "Not done: There is nothing to undo"
    console.give_floor("p1")
    clock.advance(50)
    console.give_floor("m1")  # the wrong button
    clock.advance(10)
    console.refresh()
    assert console.undo_button.accessibleName() == "Undo: give the floor to Dr Anil Kapoor"
    press(qtbot, console, Qt.Key.Key_Z, CTRL)
    assert console.status.text.text() == "Undone: give the floor to Dr Anil Kapoor"
    assert shown(console) == ("2:00", "Speaking", "Eileen Foster")  # her 60 s, the wrong 10 s included
    assert console.undo_button.accessibleName() == "Undo: give the floor to Eileen Foster"
    other = sqlite3.connect(db_path)
    people = other.execute("SELECT person_key FROM speeches ORDER BY idx").fetchall()
    other.close()
    assert people == [("p1",)]
    # Pressed twice: the second cancels the command before, then there is nothing left.
    press(qtbot, console, Qt.Key.Key_Z, CTRL)
    assert live.turn is None and live.speeches == []
    press(qtbot, console, Qt.Key.Key_Z, CTRL)
    assert console.status.text.text() == "Not done: There is nothing to undo"
    assert live.status == "running"


def test_next_speaker_calls_the_unheard_first_and_marks_them(
    qtbot, console: ConsoleWindow, clock: FakeClock
) -> None:
    from meetingkit.ui.console.queue_model import KEY_ROLE

    live = console.bridge.live
    press(qtbot, console, Qt.Key.Key_Return)  # Start meeting
    console.give_floor("m1")
    clock.advance(90)
    for who in ("m1", "p2", "m3"):
        console.bridge.command("queue", who=who)
    console.refresh()
    model = console.queue_panel.model
    rows = {model.index(r, 0).data(KEY_ROLE): r for r in range(model.rowCount())}
    said = {k: model.index(r, 1).data(Qt.ItemDataRole.AccessibleTextRole) for k, r in rows.items()}
    assert said == {
        "m1": "Dr Anil Kapoor",
        "p2": "Graham Lee (public voice), first time on this item, next to speak",
        "m3": "Steve Marsh, first time on this item",
    }
    assert model.index(rows["p2"], 1).data(Qt.ItemDataRole.DecorationRole) is not None  # the '1st' badge
    assert model.index(rows["m1"], 1).data(Qt.ItemDataRole.DecorationRole) is None
    assert console.chosen.text() == "Space / I: Graham Lee (next: not yet heard on this item)"
    console.display.show()
    console.display.refresh()
    assert console.display.next.text() == "Next: Graham Lee"
    assert console.display.marks.text() == "First time on this item · patient and public representative"
    press(qtbot, console, Qt.Key.Key_N)
    assert live.speaker == "p2"
    press(qtbot, console, Qt.Key.Key_N)
    assert live.speaker == "m3"  # Anil, first in the queue, has been heard on this item
    press(qtbot, console, Qt.Key.Key_N)
    assert live.speaker == "m1"  # then the head
    console.display.hide()


def test_the_editor_keeps_the_unheard_first_setting(qtbot, store: Store) -> None:
    from meetingkit.ui.prep.meeting_editor import MeetingEditor
    from tests.ui.test_meeting_editor import board

    mid = store.create_meeting(board())
    editor = MeetingEditor(store, store.load_meeting(mid), mid, None)
    qtbot.addWidget(editor, before_close_func=lambda w: setattr(w, "_dirty", False))
    box = editor.details.unheard_first
    assert box.isChecked() and box.accessibleName() == "Unheard first"
    box.setChecked(False)
    assert editor.save()
    assert store.load_meeting(mid).unheard_first is False


# ---- the attention cue --------------------------------------------------------------------------------------


def repaints(console: ConsoleWindow, n: int = 10) -> None:
    for _ in range(n):
        console.bridge.tick.emit()  # the bridge asks for a repaint ten times a second


def test_the_cue_fires_once_per_change_for_the_speaker_and_the_item(
    qtbot, console: ConsoleWindow, clock: FakeClock
) -> None:
    cues = []
    console.cue.fired.connect(cues.append)
    press(qtbot, console, Qt.Key.Key_Return)  # Start meeting: 'Welcome and apologies', 5 min planned
    console.give_floor("m2")  # 3 min, wrap-up in the last 30 s
    clock.advance(149)
    repaints(console)
    assert cues == []
    clock.advance(2)
    repaints(console)
    clock.advance(1)
    repaints(console)
    assert [(c.kind, c.state, c.name) for c in cues] == [("speaker", "wrap_up", "Claire Dunne")]
    clock.advance(29)
    repaints(console, 30)
    assert [(c.kind, c.state) for c in cues][1:] == [("speaker", "over")]
    assert console.display.ring.pulses == 2
    # The item: into wrap-up at 4:30 and over at 5:00, once each, whoever speaks.
    console.bridge.command("stop_speaking")
    clock.advance(270 - 181 + 1)
    repaints(console)
    clock.advance(30)
    repaints(console)
    assert [(c.kind, c.state) for c in cues][2:] == [("item", "wrap_up"), ("item", "over")]
    # A new turn that starts without time left to warn about, a pause and a resume: no cue.
    console.bridge.command("pause")
    clock.advance(600)
    repaints(console)
    console.bridge.command("resume")
    repaints(console)
    assert len(cues) == 4
    assert console.cue.chime.played == 0  # no sound in tests unless asked


def test_the_chime_plays_when_asked_and_not_when_muted_and_the_mute_is_remembered(
    qtbot, store: Store, clock: FakeClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtMultimedia import QSoundEffect

    from meetingkit.resources import sound_path

    played: list[str] = []
    monkeypatch.delenv("MEETINGKIT_SILENT")
    monkeypatch.setattr(QSoundEffect, "play", lambda self: played.append(self.source().toLocalFile()))
    settings = QSettings(str(tmp_path / "meetingkit.ini"), QSettings.Format.IniFormat)
    _, bridge = open_board(store, clock)
    window = ConsoleWindow(bridge, store, settings=settings)
    qtbot.addWidget(window)
    assert window.display_tools.chime_button.text() == "Chime"
    bridge.command("start_meeting")
    bridge.command("speak", who="m2")
    clock.advance(151)
    repaints(window)
    assert played == [str(sound_path("chime.wav"))]
    window.display_tools.chime_button.click()  # mute
    assert window.display_tools.chime_button.accessibleName() == "Chime muted"
    clock.advance(30)
    repaints(window)
    assert len(played) == 1 and window.display.ring.pulses == 2  # muted: the pulse still, no sound
    bridge.stop()
    again = ConsoleWindow(open_board(store, clock)[1], store, settings=settings)
    qtbot.addWidget(again)
    assert again.cue.muted and again.display_tools.chime_button.text() == "Muted"
    again.bridge.stop()


def test_the_pulse_is_one_rise_and_fall_never_a_repeated_flash(qtbot, console: ConsoleWindow) -> None:
    from meetingkit.ui.console.display_covers import PULSE_MS

    console.display.show()
    console.display.pulse()
    assert console.display.ring.running
    qtbot.waitUntil(lambda: not console.display.ring.running, timeout=PULSE_MS * 3)
    assert not console.display.ring.isVisible() and console.display.ring.pulses == 1
    console.display.hide()


# ---- a word to the room ---------------------------------------------------------------------------------------


def test_messages_and_blackout_on_the_display_before_during_and_by_keyboard(
    qtbot, console: ConsoleWindow
) -> None:
    display, tools = console.display, console.display_tools
    assert console.bridge.live.status == "ready"  # usable before the start (a calm screen before it)
    press(qtbot, console, Qt.Key.Key_M)
    assert tools.bar.isVisible() and tools.field.hasFocus()
    qtbot.keyClicks(tools.field, "<b>Dr Ola Ade</b> to the front, please")
    press(qtbot, console, Qt.Key.Key_Return)
    assert display.pages.currentWidget() is display.message_cover
    assert display.message_cover.text.text() == "<b>Dr Ola Ade</b> to the front, please"
    assert display.message_cover.text.textFormat() == Qt.TextFormat.PlainText
    assert tools.shown.text() == "On the speaker display: <b>Dr Ola Ade</b> to the front, please"
    press(qtbot, console, Qt.Key.Key_Escape)  # back to the console's keys; the message stays up
    assert display.message == "<b>Dr Ola Ade</b> to the front, please"
    tools.preset_buttons[0].click()
    assert display.message_cover.text.text() == "One minute, please"
    press(qtbot, console, Qt.Key.Key_B, CTRL)
    assert display.pages.currentWidget() is display.blackout_cover
    assert display.blackout_cover.title.text() == "Stroke HIT steering group"
    assert tools.blackout_button.isChecked()
    display.pulse()
    assert display.ring.pulses == 0  # a blacked-out screen stays calm
    press(qtbot, console, Qt.Key.Key_B, CTRL)  # pressed twice: back to the message
    assert display.pages.currentWidget() is display.message_cover
    tools.clear_button.click()
    assert display.pages.currentWidget() is display.panel
    assert tools.shown.text() == "Nothing on the speaker display but the timers"
    tools.field.setText("   ")
    tools.show_typed()  # nothing typed: nothing shown, nothing lost
    assert display.pages.currentWidget() is display.panel


# ---- the running order ----------------------------------------------------------------------------------------


def test_the_running_order_beside_the_timers(qtbot, console: ConsoleWindow, clock: FakeClock) -> None:
    press(qtbot, console, Qt.Key.Key_Return)  # Start meeting
    clock.advance(7 * 60)  # 'Welcome and apologies' (5 min) runs 2 min over
    console.bridge.command("next_item")
    console.split.setSizes([console.split.width(), 0])  # the chair folded the side panels away
    press(qtbot, console, Qt.Key.Key_O)
    panel = console.side_tabs.panels["Running order"]
    assert console.side_tabs.currentWidget() is panel and console.split.sizes()[1] > 0
    m = panel.model
    cells = [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]
    assert cells[:4] == [
        ["Welcome and apologies", "10:00", "10:00", "5 min", "7 min", "✓ done"],
        ["Review of actions · protected", "10:05", "10:07", "10 min", "0:00", "▶ now"],
        ["Early supported discharge: six-month results", "10:15", "≈10:17", "20 min", "", "next"],
        ["Patient and public feedback break", "10:35", "≈10:37", "10 min", "", ""],
    ]
    assert cells[-1] == ["Next steps · protected", "11:15", "≈11:17", "10 min", "", ""]
    assert panel.outlook.text() == "Feedback break in about 30 min"


def test_without_qtmultimedia_the_cue_still_pulses(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from meetingkit.ui.console.attention_cue import Chime

    monkeypatch.delenv("MEETINGKIT_SILENT")
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)  # a Qt build without it: import fails
    chime = Chime()
    chime.play()
    chime.play()
    assert chime.played == 0 and chime.unavailable.startswith("No sound on this computer")
