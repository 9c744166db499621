"""Table models of the participation review: per person, per role, per sector (figures from `Participation`).

The display text is formatted here; the figure itself (seconds, share as 0..1, counts) is under `SORT_ROLE`,
so sorting and the tests see exactly what `meetingkit stats --json` prints.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from meetingkit.models.participation import Airtime, Participation, PersonFigures
from meetingkit.models.review_text import clock_text, percent
from meetingkit.ui.common.role_colours import role_label
from meetingkit.ui.common.row_table_model import RowTableModel


def rich_tip(text: str) -> str:
    """Plain text as a tooltip: Qt guesses whether a tooltip is rich text, so say so and escape the text."""
    return f"<p>{html.escape(text)}</p>"


SORT_ROLE = Qt.ItemDataRole.UserRole  # the raw figure, for sorting and for tests
JSON_KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # which `stats --json` field a column shows

Row = TypeVar("Row")
AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[Row]):
    header: str
    json_key: str  # the field of `stats --json` this column shows
    value: Callable[[Row], Any]
    text: Callable[[Any], str] = str
    numeric: bool = False
    tip: str = ""


def _share(v: float) -> str:
    return percent(v, 1)


def _yes_no(v: bool) -> str:
    return "Yes" if v else "No"


class FiguresTableModel(RowTableModel[Row]):
    """A read-only table over a list of figures; subclasses name the columns."""

    COLUMNS: Sequence[Column[Any]] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__((), parent)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        col = self.COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.header
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return col.header.replace("\n", " ")
        if role == Qt.ItemDataRole.ToolTipRole:
            return col.tip or col.header.replace("\n", " ")
        if role == JSON_KEY_ROLE:
            return col.json_key
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        col = self.COLUMNS[index.column()]
        value = col.value(self._rows[index.row()])
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return col.text(value)
        if role == SORT_ROLE:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if col.numeric else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self.tooltip(self._rows[index.row()])
            return rich_tip(tip) if tip else None
        return None

    def tooltip(self, row: Row) -> str | None:
        """Plain text (names included); escaped on the way out."""
        return None

    def column_of(self, json_key: str) -> int:
        for i, col in enumerate(self.COLUMNS):
            if col.json_key == json_key:
                return i
        raise KeyError(json_key)


def _person_role(f: PersonFigures) -> str:
    return f.role


def _role_text(role: str) -> str:
    return role_label(role, short=True)


class PeopleModel(FiguresTableModel[PersonFigures]):
    """Everyone present (and anyone who spoke though not listed), in list order; zeros for the silent.

    Long headers are on two lines, so that all ten columns fit a 1280 px window."""

    COLUMNS = (
        Column[PersonFigures]("Name", "name", lambda f: f.name),
        Column[PersonFigures]("Role", "role", _person_role, _role_text),
        Column[PersonFigures]("Sector", "sector", lambda f: f.sector, lambda s: s or "—"),
        Column[PersonFigures](
            "Public\nvoice",
            "patient_rep",
            lambda f: f.patient_rep,
            _yes_no,
            tip="Patient or public representative (by role or by the flag on their entry)",
        ),
        Column[PersonFigures](
            "Speaking\ntime",
            "seconds",
            lambda f: f.seconds,
            clock_text,
            True,
            "Minutes:seconds spoken in the whole meeting, the feedback break included",
        ),
        Column[PersonFigures](
            "Share",
            "share",
            lambda f: f.share,
            _share,
            True,
            "Share of all speaking time, the break included",
        ),
        Column[PersonFigures](
            "Turns", "turns", lambda f: f.turns, str, True, "Turns, interjections included"
        ),
        Column[PersonFigures]("Longest\nturn", "longest_s", lambda f: f.longest_s, clock_text, True),
        Column[PersonFigures](
            "Interjections\nmade", "interjections_made", lambda f: f.interjections_made, str, True
        ),
        Column[PersonFigures](
            "Interjections\nreceived",
            "interjections_received",
            lambda f: f.interjections_received,
            str,
            True,
            "How often someone interjected while this person had the floor",
        ),
    )

    def set_participation(self, part: Participation) -> None:
        self.set_rows(part.people)

    def tooltip(self, row: PersonFigures) -> str:
        voice = " — patient / public voice" if row.patient_rep else ""
        return (
            f"{row.name}, {role_label(row.role)}{voice}: {clock_text(row.seconds)} over {row.turns} turn(s)"
        )


@dataclass(frozen=True)
class GroupRow:
    """A role or a sector with its airtime."""

    key: str
    label: str
    figures: Airtime


class _GroupModel(FiguresTableModel[GroupRow]):
    def set_groups(self, groups: dict[str, Airtime]) -> None:
        self.set_rows([GroupRow(k, self.label_of(k), v) for k, v in groups.items()])

    def label_of(self, key: str) -> str:
        return key


class RolesModel(_GroupModel):
    COLUMNS = (
        Column[GroupRow]("Role", "role", lambda r: r.key, _role_text),
        Column[GroupRow]("Speaking time", "seconds", lambda r: r.figures.seconds, clock_text, True),
        Column[GroupRow]("Share", "share", lambda r: r.figures.share, _share, True),
        Column[GroupRow](
            "Interjections made", "interjections_made", lambda r: r.figures.interjections_made, str, True
        ),
        Column[GroupRow](
            "Interjections received",
            "interjections_received",
            lambda r: r.figures.interjections_received,
            str,
            True,
        ),
    )

    def label_of(self, key: str) -> str:
        return role_label(key, short=True)


class SectorsModel(_GroupModel):
    COLUMNS = (
        Column[GroupRow]("Sector", "sector", lambda r: r.key, lambda s: s or "No sector given"),
        Column[GroupRow]("Speaking time", "seconds", lambda r: r.figures.seconds, clock_text, True),
        Column[GroupRow]("Share", "share", lambda r: r.figures.share, _share, True),
    )

    def label_of(self, key: str) -> str:
        return key or "No sector given"


@dataclass(frozen=True)
class FeedbackOutcome:
    """'You said, we did': one action that came from patient and public feedback, and what became of it."""

    key: str
    said: str  # "Name: what they said", or "" when the words were not kept with the action
    action: str
    owner: str
    status: str  # the status in words, with its glyph
    latest: str  # the latest update's note ("" if none)
    when: str  # the latest update's date ("" if none)
    agreed: str  # the meeting that agreed the action


class FeedbackOutcomesModel(RowTableModel[FeedbackOutcome]):
    """Read-only table of `FeedbackOutcome`s, oldest first; every cell is plain text (tooltips escaped)."""

    COLUMNS = ("You said", "We agreed", "Owner", "Status", "What happened", "When", "Agreed at")

    def __init__(self, parent: Any = None) -> None:
        super().__init__((), parent)

    def cells(self, row: FeedbackOutcome) -> tuple[str, ...]:
        said = row.said or "(the words were not recorded with the action)"
        return (
            said,
            f"{row.key}: {row.action}",
            row.owner or "(no owner)",
            row.status,
            row.latest or "No update yet",
            row.when or "—",
            row.agreed,
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        text = self.cells(self._rows[index.row()])[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return rich_tip(text)
        return None
