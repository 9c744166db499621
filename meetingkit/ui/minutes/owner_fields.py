"""An action's owner and due date as the secretary fills them in: the same fields when the action is agreed
(the action form) and when it is corrected after the meeting (the correction dialog)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLineEdit

from meetingkit.models import bounds
from meetingkit.models.meeting import Attendee
from meetingkit.ui.minutes.form_layout import narrow_combo


def owner_combo(name: str) -> QComboBox:
    """A person from the list, or a name or team typed in (at most a name's length, DESIGN §6)."""
    owner = QComboBox()
    owner.setEditable(True)
    owner.setAccessibleName(name)
    narrow_combo(owner)
    owner.lineEdit().setAccessibleName(name)  # what a screen reader lands on
    owner.lineEdit().setMaxLength(bounds.NAME_CHARS)
    owner.lineEdit().setPlaceholderText("Choose someone, or type a name or team")
    return owner


def owner_value(owner: QComboBox, people: list[Attendee]) -> str:
    """A person's key when the text is one of the attendees' names, else the free text as typed."""
    text = owner.currentText().strip()
    for p in people:
        if p.name.casefold() == text.casefold():
            return p.key
    return text


def due_fields(check_name: str, date_name: str) -> tuple[QCheckBox, QDateEdit, QHBoxLayout]:
    """'Due by' and its date, which is only editable while ticked."""
    has_due = QCheckBox("Due by")
    has_due.setAccessibleName(check_name)
    due = QDateEdit()
    due.setAccessibleName(date_name)
    for field in due.findChildren(QLineEdit):
        field.setAccessibleName(date_name)
    due.setCalendarPopup(True)
    due.setDisplayFormat("d MMM yyyy")
    due.setEnabled(False)
    has_due.toggled.connect(due.setEnabled)
    row = QHBoxLayout()
    row.addWidget(has_due)
    row.addWidget(due, 1)
    return has_due, due, row
