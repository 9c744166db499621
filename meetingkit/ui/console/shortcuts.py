"""The chair's keyboard shortcuts: which key does what (the console binds them, F1 lists them)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)


@dataclass(frozen=True)
class Shortcut:
    keys: str
    what: str
    method: str
    always: bool = False  # also while typing in a text field, and after the meeting ended
    any_status: bool = False  # also before the start and after the end (the speaker display's tools)


SHORTCUTS = (
    Shortcut("Space", "Start the chosen speaker, or stop the one speaking", "toggle_speaker"),
    Shortcut(
        "N",
        "Next speaker: the first in the queue not yet heard on this item (else the first) gets the floor",
        "next_speaker",
    ),
    Shortcut("I", "Interject: the chosen person comes in now; the speaker waits", "interject"),
    Shortcut("E", "Extend the speaker's time by 1 min", "extend"),
    Shortcut("Ctrl+Right", "Next item (a due feedback break starts first)", "next_item"),
    Shortcut("B", "Start the feedback break (asks first if it is more than 10 min early)", "start_break"),
    Shortcut("Shift+B", "End the feedback break (asks first before half its time)", "end_break"),
    Shortcut("P", "Pause or resume the meeting (every clock stops)", "toggle_pause"),
    Shortcut("Q", "Find a person by name to add to the queue (Enter adds, Escape returns)", "focus_queue"),
    Shortcut("R", "Go to the proposed new timings (Enter accepts)", "focus_rebalance"),
    Shortcut("Ctrl+Z", "Undo the last command (the Undo button under the queue says which)", "undo"),
    Shortcut(
        "M",
        "Message to the room: a preset or typed words, large on the speaker display",
        "open_message",
        any_status=True,
    ),
    Shortcut(
        "Ctrl+B", "Blackout the speaker display, or end the blackout", "toggle_blackout", any_status=True
    ),
    Shortcut(
        "O",
        "Running order: every item's times and status, beside the timers",
        "show_running_order",
        any_status=True,
    ),
    Shortcut(
        "D",
        "Show or hide the speaker display (it never takes the keyboard)",
        "toggle_display",
        any_status=True,
    ),
    Shortcut("Ctrl+Shift+E", "End the meeting (asks to confirm, and why the break is skipped)", "ask_end"),
    Shortcut(
        "T",
        "Say the time: who has the floor, their time and the item's (for a screen reader)",
        "say_time",
        any_status=True,
    ),
    Shortcut("F1", "Show these shortcuts", "show_shortcuts", always=True),
)
# The "chosen" person: whoever's button has the keyboard focus, else the first in the queue.
EXTRA_KEYS = (
    ("Tab / Shift+Tab", "Move between controls; on a person's button, I chooses that person"),
    ("Space, Enter", "Press the focused button (Give the floor to …, +Q, Start meeting, Record decision …)"),
    ("Space / Enter", "On a person's button: give that person the floor"),
    ("Menu key", "On a person's button: queue, interject, arrived, left"),
    ("Delete, Ctrl+Up/Down", "In the queue: remove, move up or down"),
    ("Escape", "Leave a text field; on a question: keep things as they are"),
)

TEXT_FIELDS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)


def typing_in_text_field() -> bool:
    focus = QApplication.focusWidget()
    if isinstance(focus, TEXT_FIELDS):
        return True
    return isinstance(focus, QComboBox) and focus.isEditable()


PRESS_KEYS = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)


def focus_takes_key(event: QKeyEvent) -> bool:
    """True when the focused control has its own use for this key, so a one-key shortcut must not take it:
    text fields take what is typed; a button, check box or drop-down takes Space and Enter (it presses)."""
    if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
        return False  # Ctrl+Right, Ctrl+Shift+E: no control here uses these
    if typing_in_text_field():
        return bool(event.text().strip()) or event.key() == Qt.Key.Key_Space
    focus = QApplication.focusWidget()
    return isinstance(focus, (QAbstractButton, QComboBox)) and event.key() in PRESS_KEYS
