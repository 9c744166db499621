"""The speaker queue as a table model, and how a new order or a typed name becomes engine commands."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPixmap

from meetingkit.models.meeting import Attendee
from meetingkit.models.queue_order import next_in_queue, spoken_here
from meetingkit.models.session import LiveMeeting, format_clock
from meetingkit.ui.common.plain_text import plain_tip
from meetingkit.ui.common.row_table_model import RowTableModel

KEY_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class QueueRow:
    key: str
    name: str
    public_voice: bool
    spoken_s: float
    first_time: bool = False  # has not yet spoken in the current item (or the break)
    next_up: bool = False  # Next speaker gives the floor to this person


def queue_rows(live: LiveMeeting, now: float) -> list[QueueRow]:
    seconds = live.person_seconds(now)
    spoken = spoken_here(live)
    up = next_in_queue(live)
    rows = []
    for key in live.queue:
        person = live.meeting.person(key)
        rows.append(
            QueueRow(
                key, person.name, person.is_public_voice, seconds.get(key, 0.0), key not in spoken, key == up
            )
        )
    return rows


def row_marks(row: QueueRow) -> list[str]:
    """What marks a row beyond the name: a first time on this item, who Next speaker calls."""
    return [
        m for m, on in (("first time on this item", row.first_time), ("next to speak", row.next_up)) if on
    ]


@lru_cache(maxsize=4)
def first_time_icon(px: int = 20) -> QPixmap:
    """A small '1st' badge: a mark in words, not a colour alone. A pixmap, so the view shows it at its own
    size (an icon would be squeezed into the view's 16 px square)."""
    pix = QPixmap(px * 2, px)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QPen(QColor("#1d4e89"), 2))
    p.setBrush(QColor("#e8f0fb"))
    p.drawRoundedRect(1, 1, px * 2 - 2, px - 2, 5, 5)
    font = QFont()
    font.setPixelSize(int(px * 0.6))
    font.setBold(True)
    p.setFont(font)
    p.setPen(QColor("#1d4e89"))
    p.drawText(pix.rect(), Qt.AlignmentFlag.AlignCenter, "1st")
    p.end()
    return pix


def reorder_commands(current: list[str], target: list[str]) -> list[tuple[str, str]]:
    """Commands that turn queue `current` into `target` (same people, new order).

    The engine only appends and removes, so everyone from the first changed place on is taken out and put
    back in the new order; the people ahead of that place keep their turn untouched.
    """
    if sorted(current) != sorted(target):
        raise ValueError("A new queue order must hold the same people")
    first = next((i for i, (a, b) in enumerate(zip(current, target, strict=True)) if a != b), len(current))
    tail_out = [("unqueue", k) for k in current[first:]]
    tail_in = [("queue", k) for k in target[first:]]
    return tail_out + tail_in


def moved(queue: list[str], key: str, step: int) -> list[str]:
    """The queue with `key` moved `step` places (negative: towards the front), clamped at the ends."""
    order = list(queue)
    i = order.index(key)
    j = max(0, min(len(order) - 1, i + step))
    order.insert(j, order.pop(i))
    return order


def match_people(live: LiveMeeting, text: str) -> list[Attendee]:
    """People here whose name holds `text` (any case); names starting with it come first."""
    needle = text.strip().casefold()
    if not needle:
        return []
    here = [p for p in live.meeting.people if live.present.get(p.key)]
    hits = [p for p in here if needle in p.name.casefold() or needle == p.key.casefold()]
    return sorted(hits, key=lambda p: (not p.name.casefold().startswith(needle), here.index(p)))


class QueueModel(RowTableModel[QueueRow]):
    """Who waits for the floor, in order, with how long each has spoken so far."""

    HEADERS = ("#", "Name", "Spoken")
    COLUMNS = HEADERS

    def __init__(self, parent: Any = None) -> None:
        super().__init__((), parent)

    def set_rows(self, rows: list[QueueRow]) -> None:
        if rows == self._rows:
            return
        if [r.key for r in rows] == [r.key for r in self._rows]:
            # Same people, new times: repaints come ten times a second and must keep the chair's selection.
            changed = [i for i, (a, b) in enumerate(zip(rows, self._rows, strict=True)) if a != b]
            self._rows = list(rows)
            for i in changed:
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.HEADERS) - 1))
            return
        super().set_rows(rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == KEY_ROLE:
            return row.key
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if col == 0:
                return str(index.row() + 1)
            if col == 1:
                name = f"{row.name} (public voice)" if row.public_voice else row.name
                if role == Qt.ItemDataRole.AccessibleTextRole and row_marks(row):
                    return f"{name}, {', '.join(row_marks(row))}"
                return name
            return format_clock(row.spoken_s)
        if role == Qt.ItemDataRole.DecorationRole and col == 1 and row.first_time:
            return first_time_icon()
        if role == Qt.ItemDataRole.FontRole and row.next_up:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = [f"{row.name} is a patient or public representative"] if row.public_voice else []
            tips += [f"{row.name}: {mark}" for mark in row_marks(row)]
            return plain_tip("\n".join(tips))
        return None
