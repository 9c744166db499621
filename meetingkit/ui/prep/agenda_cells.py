"""The agenda table's cells: the words they show for a limit or a number, what an edit may store, and their tips."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt

from meetingkit.models import bounds
from meetingkit.models.meeting import KINDS, PROTECTED_KINDS, AgendaItem, Attendee


def format_limit(seconds: int) -> str:
    return "no limit" if seconds == 0 else f"{seconds // 60}:{seconds % 60:02d}"


def checked_value(field: str, value: Any, people: Sequence[Attendee]) -> Any:
    """The value an edit of `field` stores; ValueError when it does not fit."""
    if field == "title":
        text = str(value).strip()
        if not text:
            raise ValueError("An agenda item's title cannot be empty")
        fault = bounds.text_fault(text, one_line=True)
        if fault:
            raise ValueError(f"The title {fault}")
        return text
    if field == "minutes":
        try:
            minutes = float(value)
        except (TypeError, ValueError):
            raise ValueError(f"Planned minutes must be a number (not '{value}')") from None
        fault = bounds.number_fault(minutes, bounds.ITEM_MINUTES)
        if fault:
            raise ValueError(f"Planned minutes {fault}")
        return int(minutes) if minutes == int(minutes) else minutes
    if field == "presenter":
        key = str(value or "").strip() or None
        if key is not None and key not in {p.key for p in people}:
            raise ValueError("unknown presenter")
        return key
    if field == "kind":
        if value not in KINDS:
            raise ValueError("unknown kind")
        return value
    if field == "speaker_limit_s":
        if value is None or value == "" or int(value) < 0:
            return None
        fault = bounds.number_fault(int(value), bounds.SPEAKER_LIMIT_S, whole=True)
        if fault:
            raise ValueError(f"The speaker limit in seconds {fault}")
        return int(value)
    if field == "protected":
        return bool(value)
    raise ValueError(f"'{field}' cannot be edited")


def cell_tip(it: AgendaItem, field: str) -> str | None:
    if field == "protected":
        always = " Actions review and next steps are always protected." if it.kind in PROTECTED_KINDS else ""
        return f"Protected items keep their time when the chair rebalances a late meeting.{always}"
    if field == "speaker_limit_s":
        return "Seconds each speaker may talk on this item; empty uses the meeting's default, 0 is no limit."
    if field == "break":
        return "Where the patient and public feedback break is planned (from the break fraction in Details)."
    return None


def number_text(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def is_checked(value: Any) -> bool:
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    return value in (2, True) or value == Qt.CheckState.Checked.value
