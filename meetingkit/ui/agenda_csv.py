"""Reading an agenda from a CSV file (a spreadsheet export); plain Python, no Qt.

A bad row is refused whole, with one message that names the row as the spreadsheet numbers it.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Sequence
from dataclasses import dataclass

from meetingkit.models.meeting import KIND_LABELS, KINDS, Attendee

# Header spellings people use, folded to one field name each.
HEADERS = {
    "title": "title",
    "item": "title",
    "agenda item": "title",
    "minutes": "minutes",
    "planned minutes": "minutes",
    "duration": "minutes",
    "time": "minutes",
    "presenter": "presenter",
    "lead": "presenter",
    "kind": "kind",
    "type": "kind",
    "speaker limit": "speaker_limit_s",
    "speaker limit (s)": "speaker_limit_s",
    "speaker limit (seconds)": "speaker_limit_s",
    "speaker_limit_s": "speaker_limit_s",
    "protected": "protected",
}
YES = {"yes", "y", "true", "1", "x", "protected"}
NO = {"no", "n", "false", "0", ""}


class AgendaCsvError(ValueError):
    """A CSV agenda that cannot be used; the message names the row (and the column) at fault."""


@dataclass
class CsvItem:
    """One agenda row as read; `presenter` is an attendee key (or None)."""

    title: str
    minutes: float
    presenter: str | None = None
    kind: str = "item"
    speaker_limit_s: int | None = None
    protected: bool = False


def parse_agenda_csv(text: str, people: Sequence[Attendee] = ()) -> list[CsvItem]:
    """Agenda rows from CSV text with a header row; title and minutes are required columns.

    Presenters are matched to `people` by key or by name (case ignored); kinds by key or label.
    """
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise AgendaCsvError(
            "The file is empty: it needs a header row (title, minutes, ...) and one row per item"
        )
    rows = list(csv.reader(io.StringIO(text), _dialect(text)))
    header = [_fold(h) for h in rows[0]]
    fields: dict[str, int] = {}
    for col, name in enumerate(header):
        field = HEADERS.get(name)
        if field is None:
            if name:
                raise AgendaCsvError(
                    f"Row 1: column '{rows[0][col].strip()}' is not known "
                    "(use title, minutes, presenter, kind, speaker limit, protected)"
                )
            continue
        if field in fields:
            raise AgendaCsvError(f"Row 1: there are two '{field}' columns")
        fields[field] = col
    for needed in ("title", "minutes"):
        if needed not in fields:
            raise AgendaCsvError(f"Row 1: the header needs a '{needed}' column (title, minutes, ...)")
    items = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        items.append(_item(number, row, fields, people))
    if not items:
        raise AgendaCsvError("The file has a header but no agenda items")
    return items


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        return csv.Sniffer().sniff(text.splitlines()[0], delimiters=",;\t")
    except csv.Error:
        return csv.excel


def _fold(text: str) -> str:
    return " ".join(text.strip().lower().replace("_", " ").split()).replace(
        "speaker limit s", "speaker_limit_s"
    )


def _item(number: int, row: list[str], fields: dict[str, int], people: Sequence[Attendee]) -> CsvItem:
    def cell(field: str) -> str:
        col = fields.get(field)
        return row[col].strip() if col is not None and col < len(row) else ""

    title = cell("title")
    where = f"Row {number}" + (f" ('{title}')" if title else "")
    if not title:
        raise AgendaCsvError(f"{where}: the title is empty")
    return CsvItem(
        title=title,
        minutes=_minutes(where, cell("minutes")),
        presenter=_presenter(where, cell("presenter"), people),
        kind=_kind(where, cell("kind")),
        speaker_limit_s=_limit(where, cell("speaker_limit_s")),
        protected=_flag(where, cell("protected")),
    )


def _minutes(where: str, text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise AgendaCsvError(f"{where}: minutes '{text}' is not a number") from None
    if not math.isfinite(value) or value <= 0 or value > 24 * 60:
        raise AgendaCsvError(f"{where}: minutes must be above 0 and at most a day (not '{text}')")
    return int(value) if value == int(value) else value


def _presenter(where: str, text: str, people: Sequence[Attendee]) -> str | None:
    if not text:
        return None
    wanted = text.casefold()
    for p in people:
        if p.key.casefold() == wanted or p.name.strip().casefold() == wanted:
            return p.key
    raise AgendaCsvError(
        f"{where}: presenter '{text}' is not on this meeting's list of people (add them first, or leave it empty)"
    )


def _kind(where: str, text: str) -> str:
    if not text:
        return "item"
    wanted = text.casefold().replace(" ", "_")
    for kind in KINDS:
        if wanted in (kind, KIND_LABELS[kind].casefold().replace(" ", "_")):
            return kind
    labels = ", ".join(KIND_LABELS[k].lower() for k in KINDS)
    raise AgendaCsvError(f"{where}: kind '{text}' is not one of {labels}")


def _limit(where: str, text: str) -> int | None:
    if not text:
        return None
    try:
        if ":" in text:
            minutes, seconds = text.split(":", 1)
            value = int(minutes) * 60 + int(seconds)
        else:
            value = int(text)
    except ValueError:
        raise AgendaCsvError(
            f"{where}: speaker limit '{text}' is not whole seconds (like 120) or minutes:seconds (like 2:00)"
        ) from None
    if value < 0:
        raise AgendaCsvError(f"{where}: speaker limit must be 0 or more (not '{text}')")
    return value


def _flag(where: str, text: str) -> bool:
    folded = text.casefold()
    if folded in YES:
        return True
    if folded in NO:
        return False
    raise AgendaCsvError(f"{where}: protected '{text}' should be yes or no")
