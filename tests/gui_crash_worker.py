"""The app driven through a meeting, for the GUI crash tests: `python -m tests.gui_crash_worker DB SEED [NOTE_MS]`.

The meeting is prepared in DB, the app is started on it (`app.start`), and the meeting is opened from the main
window's Run button. Then a seeded chair and secretary click the console's buttons, press its shortcuts and
type notes, a few ms apart, in the app's own event loop (so the note debounce really fires), until the parent
kills the process. The meeting's clock is a FakeClock that each step moves on by some seconds, so a few real
seconds cover an hour of meeting (breaks fall due, items run over). Prints, flushed line by line:

    meeting MID                    the meeting prepared in the database
    committed SEQ                  an event the store has committed
    state SEQ DIGEST               the engine's state just after event SEQ (`fingerprint`)
    note-saved IDX LEN TIME CRC    a note committed: its index, length, time.monotonic(), crc32 of its text

The same seed gives the same clicks and keys; only where a debounced note save lands among them depends on
real time.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import sys
import time
import zlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from meetingkit.clock import FakeClock
from meetingkit.models.session import Event, LiveMeeting, to_epoch
from meetingkit.models.summary import MeetingSummary
from meetingkit.store.repository import Store
from meetingkit.ui.console.console_window import ConsoleWindow
from meetingkit.ui.console.shortcuts import typing_in_text_field
from meetingkit.ui.prep.main_window import MainWindow
from tests.crash_worker import START, crash_meeting

NOTE_MS = 150  # the secretary panel's debounce here (the app's own is 700 ms): shorter trials
LIFETIME_S = 60.0  # a worker whose parent went away stops by itself

PHRASES = (
    "carers asked about discharge letters",
    "the trust will reply by Friday",
    "waiting times fell since April",
    "patients want one contact number",
    "the research bid needs two more partners",
    "budget agreed",
)
WORDS = " ".join(PHRASES).split()

# (what the chair or secretary does, weight)
MOVES = (
    ("floor", 18),  # click "Give the floor to NAME"
    ("queue_button", 7),  # click +Q beside a name
    ("queue_by_name", 3),  # Q, type part of a name, Enter, Escape
    ("space", 8),  # Space: start the chosen speaker or stop the one speaking
    ("next_speaker", 6),  # N or the button
    ("interject", 6),  # I, the button, or "Interject now" from a name's menu
    ("extend", 3),
    ("pause", 3),
    ("next_item", 4),
    ("break", 4),  # B, or the break panel's start / postpone / skip / end
    ("attendance", 2),  # "Has arrived" / "Has left" from a name's menu
    ("note", 10),  # start typing notes
    ("decision", 3),
    ("action", 2),
    ("feedback", 3),  # during the break: what a representative said
    ("undo", 2),  # Ctrl+Z or the Undo button: the last live command is cancelled
    ("idle", 3),
)


def report(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def fingerprint(live: LiveMeeting, meeting_id: int, now: float) -> str:
    """A digest of everything the engine holds that a view or the minutes read, evaluated at `now`."""
    state: dict[str, Any] = {
        "summary": MeetingSummary.of(live, meeting_id, now).to_json(),
        "status": live.status,
        "started_at": live.started_at,
        "ended_at": live.ended_at,
        "paused": live.paused,
        "current": live.current,
        "items": live.items,
        "planned": live.planned,
        "meeting_clock": live.meeting_clock,
        "break": live.brk,
        "turn": live.turn,
        "held": live.held,
        "queue": live.queue,
        "present": live.present,
        "speeches": live.speeches,
        "notes": live.notes,
        "decisions": live.decisions,
        "feedback": live.feedback,
        "actions": live.actions,
        "updates": live.updates,
        "person_seconds": live.person_seconds(now),
    }
    text = json.dumps(state, sort_keys=True, default=lambda o: vars(o) if hasattr(o, "__dict__") else str(o))
    return hashlib.sha1(text.encode()).hexdigest()[:16]


def note_index(live: LiveMeeting, event: Event) -> int:
    """The note an accepted `note` event wrote: the one it replaces, else the one it added."""
    if "replaces" in event.payload:
        return int(event.payload["replaces"])
    added = [e for e in live.events[: event.seq] if e.type == "note" and "replaces" not in e.payload]
    return len(added) - 1


def crc(text: str) -> int:
    return zlib.crc32(text.encode())


class Room:
    """The chair and the secretary at one laptop: every step is a click or keys on the app's own widgets."""

    def __init__(
        self, window: MainWindow, meeting_id: int, clock: FakeClock, seed: int, note_ms: int
    ) -> None:
        self.window = window
        self.mid = meeting_id
        self.clock = clock
        self.rng = random.Random(seed)
        self.note_ms = note_ms
        self.typing = False  # the secretary is in the middle of typing a note
        self.console: ConsoleWindow | None = None
        self.born = time.monotonic()

    # ---- opening the meeting, as a user does ---------------------------------------------------------------

    def open_console(self) -> None:
        w = self.window
        index = w.model.index_of_meeting(self.mid)
        w.tree.scrollTo(index)
        rect = w.tree.visualRect(index)
        QTest.mouseClick(
            w.tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
        )
        assert w.selected_id() == self.mid, "the meeting row was not selected"
        QTest.mouseClick(w.run_button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint())
        console = w.consoles.get(self.mid)
        assert isinstance(console, ConsoleWindow), "Run meeting opened no console"
        self.console = console
        console.bridge.changed.connect(self.committed)
        self.panel.set_note_delay(self.note_ms)
        console.activateWindow()
        QTest.mouseClick(console.start_meeting_button, Qt.MouseButton.LeftButton)
        self.next_step()

    @property
    def panel(self) -> Any:
        assert self.console is not None
        return self.console.side_panels["Notes && actions"]

    # ---- what the child reports --------------------------------------------------------------------------

    def committed(self, event: Event) -> None:
        assert self.console is not None
        bridge = self.console.bridge
        if bridge.session.pending:  # kept in memory only: not committed, so not promised
            return
        live = bridge.live
        report(f"committed {event.seq}")
        last = live.events[-1]
        report(f"state {last.seq} {fingerprint(live, self.mid, to_epoch(last.at))}")
        if event.type == "note":
            text = event.payload["text"]
            report(f"note-saved {note_index(live, event)} {len(text)} {time.monotonic():.6f} {crc(text)}")

    # ---- the steps -----------------------------------------------------------------------------------------

    def next_step(self, pause_ms: int | None = None) -> None:
        if time.monotonic() - self.born > LIFETIME_S:
            QApplication.quit()
            return
        QTimer.singleShot(pause_ms if pause_ms is not None else self.rng.randint(1, 8), self.step)

    def step(self) -> None:
        self.clock.advance(round(self.rng.uniform(1.0, 40.0), 3))
        pause = None
        if self.typing:
            roll = self.rng.random()
            if roll < 0.55:
                self.type_words()
            elif roll < 0.8:
                pause = self.rng.randint(40, 260)  # a pause in the typing: longer than the debounce or not
            else:
                self.typing = False
                self.move(self.pick())
        else:
            self.move(self.pick())
        self.next_step(pause)

    def pick(self) -> str:
        assert self.console is not None
        if self.console.bridge.live.paused and self.rng.random() < 0.3:
            return "pause"  # the chair soon sees every clock stopped and resumes
        names, weights = zip(*MOVES, strict=True)
        return self.rng.choices(names, weights=weights)[0]

    def move(self, name: str) -> None:
        getattr(self, f"do_{name}")()

    # ---- hands on the widgets ------------------------------------------------------------------------------

    def click(self, widget: QWidget) -> None:
        if widget.isVisible() and widget.isEnabled():
            QTest.mouseClick(widget, Qt.MouseButton.LeftButton)

    def key(self, key: Any, modifier: Any = None) -> None:
        """A shortcut key; out of a text field first (a click on the queue), as the chair would."""
        assert self.console is not None
        if typing_in_text_field():
            self.click(self.console.queue_panel.view.viewport())
        target = QApplication.focusWidget() or self.console
        QTest.keyClick(target, key, modifier or Qt.KeyboardModifier.NoModifier)

    def either(self, key: Any, button: QWidget, modifier: Any = None) -> None:
        if self.rng.random() < 0.5:
            self.key(key, modifier)
        else:
            self.click(button)

    def person(self) -> str:
        assert self.console is not None
        return self.rng.choice(list(self.console.attendees.buttons))

    def menu(self, key: str, text: str) -> None:
        assert self.console is not None
        button = self.console.attendees.buttons[key]
        for action in button.actions():
            if action.text() == text and button.isEnabled():
                action.trigger()

    def words(self, low: int, high: int) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(low, high)))

    def type_into(self, widget: QWidget, text: str, enter: bool = False) -> None:
        if not (widget.isVisible() and widget.isEnabled()):
            return
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
        QTest.keyClick(widget, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)  # carry on at the end
        QTest.keyClicks(widget, text)
        if enter:
            QTest.keyClick(widget, Qt.Key.Key_Return)

    def type_words(self) -> None:
        """More words at the end of the notes: the panel saves them once the typing pauses."""
        edit = self.panel.notes_edit
        if edit.isReadOnly():
            self.typing = False
            return
        if not edit.hasFocus():
            QTest.mouseClick(edit.viewport(), Qt.MouseButton.LeftButton)
            QTest.keyClick(edit, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        lead = " " if edit.toPlainText().strip() else ""
        QTest.keyClicks(edit, lead + self.words(1, 3))

    # ---- the moves -----------------------------------------------------------------------------------------

    def do_floor(self) -> None:
        assert self.console is not None
        self.click(self.console.attendees.buttons[self.person()])

    def do_queue_button(self) -> None:
        assert self.console is not None
        self.click(self.console.attendees.queue_buttons[self.person()])

    def do_queue_by_name(self) -> None:
        assert self.console is not None
        self.key(Qt.Key.Key_Q)
        field = QApplication.focusWidget()
        if field is self.console.queue_panel.search:
            name = self.console.bridge.live.meeting.person(self.person()).name
            QTest.keyClicks(field, name[: self.rng.randint(3, len(name))])
            QTest.keyClick(field, Qt.Key.Key_Return)
            QTest.keyClick(field, Qt.Key.Key_Escape)

    def do_space(self) -> None:
        assert self.console is not None
        self.either(Qt.Key.Key_Space, self.console.speaker_button)

    def do_next_speaker(self) -> None:
        assert self.console is not None
        self.either(Qt.Key.Key_N, self.console.next_speaker_button)

    def do_interject(self) -> None:
        assert self.console is not None
        roll = self.rng.random()
        if roll < 0.4:
            self.menu(self.person(), "Interject now")
        else:
            self.either(Qt.Key.Key_I, self.console.interject_button)

    def do_extend(self) -> None:
        assert self.console is not None
        self.either(Qt.Key.Key_E, self.console.extend_button)

    def do_pause(self) -> None:
        assert self.console is not None
        self.either(Qt.Key.Key_P, self.console.pause_button)

    def do_next_item(self) -> None:
        assert self.console is not None
        self.either(Qt.Key.Key_Right, self.console.next_item_button, Qt.KeyboardModifier.ControlModifier)

    def do_break(self) -> None:
        assert self.console is not None
        panel = self.console.break_panel
        shown = [
            b
            for b in (panel.start_button, panel.postpone_button, panel.skip_button, panel.end_button)
            if b.isVisible()
        ]
        if not shown or self.rng.random() < 0.3:
            self.key(Qt.Key.Key_B)
            return
        button = self.rng.choice(shown)
        if button is panel.skip_button:
            self.type_into(panel.reason, "running late")
        self.click(button)

    def do_undo(self) -> None:
        assert self.console is not None
        self.either(Qt.Key.Key_Z, self.console.undo_button, Qt.KeyboardModifier.ControlModifier)

    def do_attendance(self) -> None:
        self.menu(self.person(), self.rng.choice(["Has arrived", "Has left"]))

    def do_note(self) -> None:
        self.typing = True
        self.type_words()

    def do_decision(self) -> None:
        self.type_into(self.panel.decision_edit, "Agreed: " + self.words(2, 5), enter=True)

    def do_action(self) -> None:
        self.type_into(self.panel.action_text, "Write to " + self.words(2, 4), enter=True)

    def do_feedback(self) -> None:
        panel = self.panel
        if not panel.feedback_box.isVisible():
            self.do_decision()
            return
        self.type_into(panel.feedback_text, self.words(3, 6))
        self.click(panel.feedback_button)

    def do_idle(self) -> None:
        pass


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from meetingkit import app

    path, seed = Path(argv[0]), int(argv[1])
    note_ms = int(argv[2]) if len(argv) > 2 else NOTE_MS
    with Store(path) as store:  # prepared beforehand, as the meeting editor does
        mid = store.create_meeting(crash_meeting())
    report(f"meeting {mid}")
    clock = FakeClock(START)
    window = app.start(path, clock)
    if window is None:
        return 2
    room = Room(window, mid, clock, seed, note_ms)
    QTimer.singleShot(0, room.open_console)
    return app.application().exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
