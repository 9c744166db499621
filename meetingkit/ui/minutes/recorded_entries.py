"""What the meeting recorded, entry by entry, for the Minutes window: each note, decision, action, declaration
and piece of feedback with what the minutes say of it (item, who, when), and the row that offers to correct or
withdraw it. Times and who spoke are shown, never offered for editing (DESIGN §5)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from meetingkit.models.meeting import BREAK
from meetingkit.models.session import LiveMeeting
from meetingkit.ui.common.accessibility import ValueLabel
from meetingkit.ui.common.actions_model import day_text
from meetingkit.ui.common.meeting_zone import epoch_in_meeting_zone

KIND_WORDS = {
    "declaration": "Declaration of interest",
    "note": "Note",
    "decision": "Decision",
    "action": "Action",
    "feedback": "Feedback",
}
SECTIONS = (
    ("declaration", "Declarations of interest"),
    ("note", "Notes"),
    ("decision", "Decisions"),
    ("action", "Actions agreed"),
    ("feedback", "Feedback from representatives"),
)


@dataclass(frozen=True)
class Entry:
    kind: str  # note | decision | action | declaration | feedback
    ref: str  # what `correct {target}` names after the colon: an index, or the action's key
    label: str  # "note 2", "action SH-3": how the buttons name it
    text: str
    meta: str  # item, who and when, as the minutes give them
    withdrawn: bool

    @property
    def target(self) -> str:
        return f"{self.kind}:{self.ref}"


def recorded_entries(live: LiveMeeting, name: Callable[[str], str]) -> list[Entry]:
    """Every entry the minutes are made of, in the order of SECTIONS (a note cleared in the room is none)."""

    def where(item: str | None) -> str:
        if item == BREAK:
            return "Feedback break"
        if item is None:
            return "The meeting as a whole"
        return f"{live.meeting.item_index(item) + 1}. {live.meeting.item(item).title}"

    def when(at: float) -> str:
        return f"{epoch_in_meeting_zone(at, live.meeting.scheduled_start):%H:%M}"

    out: list[Entry] = []
    for d in live.declarations:
        item = where(d.item) if d.item else "All items"
        out.append(
            Entry(
                "declaration",
                str(d.idx),
                f"declaration {d.idx + 1}",
                d.text,
                f"{name(d.who)} · {item}",
                d.withdrawn,
            )
        )
    for n in live.notes:
        if n.text.strip() or n.withdrawn:
            out.append(
                Entry(
                    "note",
                    str(n.idx),
                    f"note {n.idx + 1}",
                    n.text,
                    f"{where(n.item)} · {when(n.at)}",
                    n.withdrawn,
                )
            )
    for c in live.decisions:
        out.append(
            Entry(
                "decision",
                str(c.idx),
                f"decision {c.idx + 1}",
                c.text,
                f"{where(c.item)} · {when(c.at)}",
                c.withdrawn,
            )
        )
    for a in live.actions.values():
        owner = name(a.owner) if a.owner else "no owner"
        due = f"due {day_text(a.due)}" if a.due else "no due date"
        source = " · from patient feedback" if a.source == "patient_feedback" else ""
        meta = f"{a.key} · {owner} · {due} · {where(a.item)}{source}"
        out.append(Entry("action", a.key, f"action {a.key}", a.text, meta, a.withdrawn))
    for f in live.feedback:
        became = f" · became action {f.action}" if f.action else ""
        place = "in the break" if f.in_break else "during the meeting"
        meta = f"{name(f.who)} · {place} · {when(f.at)}{became}"
        out.append(Entry("feedback", str(f.idx), f"feedback {f.idx + 1}", f.text, meta, f.withdrawn))
    return out


class EntryRow(QFrame):
    """One entry: its words (struck through, and said to be withdrawn, once withdrawn), what the minutes say of
    it, and its Correct and Withdraw buttons ("Correct note 2", "Withdraw action SH-3")."""

    correct = Signal(object)  # the Entry
    withdraw = Signal(object)

    def __init__(self, entry: Entry, editable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(f"{KIND_WORDS[entry.kind]} {entry.label.split(' ', 1)[1]}")
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 4, 8, 4)
        self.words = ValueLabel(entry.text)
        self.words.setAccessibleName(f"Words of {entry.label}")
        self.words.setTextFormat(Qt.TextFormat.PlainText)
        self.words.setWordWrap(True)
        self.words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = ValueLabel(f"Withdrawn · {entry.meta}" if entry.withdrawn else entry.meta)
        self.meta.setAccessibleName(f"About {entry.label}")
        self.meta.setTextFormat(Qt.TextFormat.PlainText)
        self.meta.setWordWrap(True)
        small = QFont(self.meta.font())
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.meta.setFont(small)
        if entry.withdrawn:  # still shown, so the secretary sees what was withdrawn; never by strike alone
            struck = QFont(self.words.font())
            struck.setStrikeOut(True)
            self.words.setFont(struck)
            self.words.setAccessibleDescription("withdrawn")
        row = QHBoxLayout()
        row.addWidget(self.meta, 1)
        self.correct_button = QPushButton("Correct…")
        self.correct_button.setAccessibleName(f"Correct {entry.label}")
        self.withdraw_button = QPushButton("Withdraw")
        self.withdraw_button.setAccessibleName(f"Withdraw {entry.label}")
        self.correct_button.clicked.connect(lambda: self.correct.emit(self.entry))
        self.withdraw_button.clicked.connect(lambda: self.withdraw.emit(self.entry))
        for button in (self.correct_button, self.withdraw_button):
            button.setVisible(not entry.withdrawn)
            button.setEnabled(editable)
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        column.addWidget(self.words)
        column.addLayout(row)
