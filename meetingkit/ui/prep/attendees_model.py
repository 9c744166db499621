"""Who is coming to a meeting (role and attendance per person), and the people already known from earlier
meetings to pick them from: two Qt tables over plain lists."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from meetingkit.models import bounds
from meetingkit.models.meeting import ATTENDANCE, ROLE_LABELS, ROLES, Attendee, DomainError
from meetingkit.ui.common.plain_text import plain_tip
from meetingkit.ui.common.row_table_model import RowTableModel

COLUMNS = ("name", "organisation", "sector", "role", "patient_rep", "attendance")
HEADERS = {
    "name": "Name",
    "organisation": "Organisation",
    "sector": "Sector",
    "role": "Role",
    "patient_rep": "Patient/public",
    "attendance": "Attendance",
}
ATTENDANCE_LABELS = {"present": "Present", "apologies": "Apologies", "absent": "Absent"}
AnyIndex = QModelIndex | QPersistentModelIndex


def person_key(name: str, used: set[str]) -> str:
    """A short key from the initials ('Eileen Foster' -> 'ef'), made unique with a number if needed."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = [
        w
        for w in re.split(r"[^A-Za-z0-9]+", plain)
        if w and w.lower() not in ("dr", "mr", "mrs", "ms", "prof")
    ]
    base = "".join(w[0] for w in words[:3]).lower() or "p"
    key, n = base, 2
    while key in used:
        key, n = f"{base}{n}", n + 1
    return key


class AttendeesModel(RowTableModel[Attendee]):
    """The meeting's people. Name, organisation and sector are as the person is known; role, the patient or
    public voice flag and attendance are for this meeting."""

    COLUMNS = COLUMNS
    KEEPS_COPIES = True  # the meeting changes only when the editor saves
    people_changed = Signal()
    refused = Signal(str)  # why an edit was refused, naming the field (DESIGN §6 bounds)

    def __init__(self, people: Sequence[Attendee] = (), parent: QObject | None = None) -> None:
        super().__init__(people, parent)
        self.read_only = False

    @property
    def people(self) -> list[Attendee]:
        return self.rows()

    def person(self, row: int) -> Attendee:
        return self._rows[row]

    def set_rows(self, people: Iterable[Attendee]) -> None:
        super().set_rows(people)
        self.people_changed.emit()

    def add_person(
        self,
        name: str,
        organisation: str = "",
        sector: str = "",
        role: str = "member",
        patient_rep: bool = False,
        person_id: int | None = None,
    ) -> int:
        """Add someone to the meeting; returns their row. The same person twice is refused in words."""
        name, organisation = name.strip(), organisation.strip()
        if not name:
            raise DomainError("Give the person's name")
        for p in self._rows:
            if (person_id is not None and p.person_id == person_id) or (
                p.name.casefold() == name.casefold() and p.organisation.casefold() == organisation.casefold()
            ):
                raise DomainError(f"{name} is already on this meeting's list")
        key = person_key(name, {p.key for p in self._rows})
        attendee = Attendee(key, name, organisation, sector.strip(), role, patient_rep, "present", person_id)
        attendee.validate()
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(attendee)
        self.endInsertRows()
        self.people_changed.emit()
        return row

    def remove_row(self, row: int) -> Attendee:
        self.beginRemoveRows(QModelIndex(), row, row)
        gone = self._rows.pop(row)
        self.endRemoveRows()
        self.people_changed.emit()
        return gone

    # ---- Qt model ---------------------------------------------------------------------------------------

    def header(self, section: int) -> str:
        return HEADERS[self.COLUMNS[section]]

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid() or self.read_only:
            return flags
        if COLUMNS[index.column()] == "patient_rep":
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemIsEditable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        p = self._rows[index.row()]
        field = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if field == "role":
                return ROLE_LABELS[p.role]
            if field == "attendance":
                return ATTENDANCE_LABELS[p.attendance]
            if field == "patient_rep":
                return "Yes (by role)" if p.role == "patient_rep" else ("Yes" if p.patient_rep else "No")
            return getattr(p, field)
        if role == Qt.ItemDataRole.EditRole and field != "patient_rep":
            return getattr(p, field)
        if role == Qt.ItemDataRole.CheckStateRole and field == "patient_rep":
            return Qt.CheckState.Checked if p.is_public_voice else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and field == "patient_rep":
            return "A patient or public representative: their airtime counts as the patient and public voice."
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self.read_only:
            return False
        p = self._rows[index.row()]
        field = COLUMNS[index.column()]
        if field == "patient_rep":
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            p.patient_rep = value in (2, True) or value == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        elif field in ("name", "organisation", "sector"):
            text = str(value).strip()
            if field == "name" and not text:
                return False
            fault = bounds.text_fault(text, one_line=True)
            if fault:
                self.refused.emit(f"The {HEADERS[field].lower()} {fault}")
                return False
            setattr(p, field, text)
        elif field == "role" and value in ROLES:
            p.role = value
        elif field == "attendance" and value in ATTENDANCE:
            p.attendance = value
        else:
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(COLUMNS) - 1))
        self.people_changed.emit()
        return True


KNOWN_COLUMNS = ("name", "organisation", "sector")


class KnownPeopleModel(RowTableModel[dict[str, Any]]):
    """People from earlier meetings (the store's directory) to pick from: name, organisation, sector."""

    COLUMNS = KNOWN_COLUMNS

    def person(self, row: int) -> dict[str, Any]:
        return self._rows[row]

    def header(self, section: int) -> str:
        return HEADERS[self.COLUMNS[section]]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._rows[index.row()]
        text = str(row.get(KNOWN_COLUMNS[index.column()]) or "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(
                f"{text}: a patient or public representative" if row.get("patient_rep") else text
            )
        return text
