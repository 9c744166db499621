"""One button per attendee: 'Give the floor to NAME', with their speaking time and whether they are a public voice."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from meetingkit.models.meeting import Attendee
from meetingkit.models.session import LiveMeeting, format_clock
from meetingkit.ui.common.accessibility import ValueLabel
from meetingkit.ui.common.palette import BANNERS, FOCUS_RING, PERSON_AWAY, PERSON_HERE, STATES, pixel_font
from meetingkit.ui.common.plain_text import plain_tip
from meetingkit.ui.console.fit_labels import FitLabel

COLUMNS = 3


@dataclass(frozen=True)
class AttendeeFace:
    """One attendee's button as it should look now."""

    key: str
    name: str
    info: str
    spoken: str  # m:ss spoken so far in this meeting
    public_voice: bool
    speaking: bool
    here: bool


def attendee_faces(live: LiveMeeting, now: float) -> list[AttendeeFace]:
    seconds = live.person_seconds(now)
    speaking = {t.speech.who for t in (live.turn,) if t is not None}
    waiting = {t.speech.who for t in (live.held,) if t is not None}
    faces = []
    for p in live.meeting.people:
        here = bool(live.present.get(p.key))
        parts = []
        if p.is_public_voice:
            parts.append("Public voice")
        if p.key in speaking:
            parts.append("▶ Has the floor")
        elif p.key in waiting:
            parts.append("Waits (interjection)")
        if p.key in live.queue:
            parts.append(f"Queue #{live.queue.index(p.key) + 1}")
        if not here:
            gone = (
                "Left"
                if p.key in live.ever_present
                else "Apologies"
                if p.attendance == "apologies"
                else "Not here"
            )
            parts.append(gone)
        spoken = format_clock(seconds.get(p.key, 0.0))
        info = " · ".join(parts)
        faces.append(AttendeeFace(p.key, p.name, info, spoken, p.is_public_voice, p.key in speaking, here))
    return faces


def _button_sheet(face: AttendeeFace) -> str:
    if face.speaking:
        bg, fg = STATES["speaking"].background, STATES["speaking"].foreground
    else:
        bg, fg = PERSON_HERE if face.here else PERSON_AWAY
    left = f"8px solid {BANNERS['public_voice'][1]}" if face.public_voice else "2px solid #5F6B73"
    return (
        f"QPushButton {{ background: {bg}; border: 2px solid #5F6B73; border-left: {left};"
        " border-radius: 8px; padding: 4px; }"
        f"QPushButton:focus {{ border: 4px solid {FOCUS_RING}; }}"
        f"QLabel {{ color: {fg}; background: transparent; }}"
    )


class AttendeeButton(QPushButton):
    """A big button whose two lines (name; role, queue place and time spoken) are labels inside it."""

    def __init__(self, person: Attendee, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = person.key
        self.setAccessibleName(f"Give the floor to {person.name}")
        self.setAutoDefault(True)  # Enter gives the floor to the focused person
        self.setMinimumHeight(58)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.name = FitLabel(20, bold=True, min_px=15)
        self.name.setText(person.name)
        # A fixed name: its time, read when asked (its value), sends no name change to a screen reader each second.
        self.spoken = ValueLabel()
        self.spoken.setAccessibleName(f"Time {person.name} has spoken")
        self.spoken.setFont(pixel_font(20, bold=True))
        self.info = FitLabel(16, bold=False, min_px=13)  # "Public voice · ▶ Has the floor" shrinks, not cut
        for label in (self.name, self.spoken, self.info):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 4, 10, 4)
        lay.setSpacing(0)
        top = QHBoxLayout()
        top.addWidget(self.name, 1)
        top.addWidget(self.spoken)
        lay.addLayout(top)
        lay.addWidget(self.info)
        self._face: AttendeeFace | None = None

    def show_face(self, face: AttendeeFace) -> None:
        if face == self._face:
            return
        old = self._face
        self._face = face
        self.info.setText(face.info)
        self.spoken.setText(face.spoken)
        words = f"{face.info + ' · ' if face.info else ''}spoke {face.spoken}"
        # The one who has the floor: no running seconds in the description, which a screen reader would
        # repeat each second while this button has the focus (T says the time on demand).
        self.setAccessibleDescription(face.info if face.speaking else words)
        self.setToolTip(plain_tip(f"Give the floor to {face.name} ({words})"))
        if old is None or (old.speaking, old.here, old.public_voice) != (
            face.speaking,
            face.here,
            face.public_voice,
        ):
            self.setStyleSheet(_button_sheet(face))


class AttendeeBoard(QWidget):
    """The grid of attendee buttons; what a click asks for goes out as signals for the console to command."""

    give_floor = Signal(str)
    add_to_queue = Signal(str)
    interject = Signal(str)
    attendance = Signal(str, str)  # ("arrive" | "leave", key)

    def __init__(self, people: list[Attendee], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: dict[str, AttendeeButton] = {}
        self.queue_buttons: dict[str, QToolButton] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(8)
        for i, person in enumerate(people):
            grid.addWidget(self._cell(person), i // COLUMNS, i % COLUMNS)
        for c in range(COLUMNS):
            grid.setColumnStretch(c, 1)
        grid.setRowStretch(-(-len(people) // COLUMNS), 1)  # spare height below the buttons, not between them

    def _cell(self, person: Attendee) -> QWidget:
        cell = QWidget()
        row = QHBoxLayout(cell)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        button = AttendeeButton(person)
        button.clicked.connect(lambda _=False, k=person.key: self.give_floor.emit(k))
        button.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for text, slot in (
            ("Add to the queue", lambda _=False, k=person.key: self.add_to_queue.emit(k)),
            ("Interject now", lambda _=False, k=person.key: self.interject.emit(k)),
            ("Has arrived", lambda _=False, k=person.key: self.attendance.emit("arrive", k)),
            ("Has left", lambda _=False, k=person.key: self.attendance.emit("leave", k)),
        ):
            action = QAction(text, button)
            action.triggered.connect(slot)
            button.addAction(action)
        queue = QToolButton()
        queue.setText("+Q")
        queue.setFont(pixel_font(16, bold=True))
        queue.setAccessibleName(f"Add {person.name} to the queue")
        queue.setToolTip(plain_tip(f"Add {person.name} to the speaker queue"))
        queue.setMinimumSize(44, 58)
        # In the Tab order, right after the person's own button: a keyboard user queues a person as a mouse
        # user does (Q, find by name, is the quicker way in a large meeting).
        queue.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        queue.clicked.connect(lambda _=False, k=person.key: self.add_to_queue.emit(k))
        row.addWidget(button, 1)
        row.addWidget(queue)
        self.buttons[person.key] = button
        self.queue_buttons[person.key] = queue
        return cell

    def refresh(self, live: LiveMeeting, now: float) -> None:
        for face in attendee_faces(live, now):
            self.buttons[face.key].show_face(face)

    def focused_key(self) -> str | None:
        """The person whose button has the keyboard focus, if any."""
        focus = QApplication.focusWidget()
        return focus.key if isinstance(focus, AttendeeButton) and focus in self.buttons.values() else None

    def first_button(self) -> AttendeeButton | None:
        return next(iter(self.buttons.values()), None)
