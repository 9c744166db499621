"""Reading an agenda from a CSV file (a spreadsheet export); plain Python, no Qt.

A bad row is refused whole, with one message that names the row as the spreadsheet numbers it.
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from meetingkit.models import bounds
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
DELIMITERS = (",", ";", "\t")
MAX_BYTES = 1_000_000  # an agenda is a page or two; anything far bigger is the wrong file
MAX_HEADER = 4096
MAX_ITEMS = 500
MAX_LIMIT_S = 3600  # as in the agenda editor


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


def read_agenda_csv(raw: bytes, people: Sequence[Attendee] = ()) -> list[CsvItem]:
    """Agenda rows from a file's bytes, whatever spreadsheet saved them (see `decode_agenda_csv`)."""
    return parse_agenda_csv(decode_agenda_csv(raw), people)


def decode_agenda_csv(raw: bytes) -> str:
    """The file's text: UTF-16 if it starts with its BOM (Excel's "Unicode text"), UTF-8 (with or without a
    BOM), else Windows-1252, what older spreadsheets save."""
    if len(raw) > MAX_BYTES:
        raise AgendaCsvError(
            f"The file is too large for an agenda (over {MAX_BYTES // 10**6} MB): is it the right file?"
        )
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16", errors="replace")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def parse_agenda_csv(text: str, people: Sequence[Attendee] = ()) -> list[CsvItem]:
    """Agenda rows from CSV text with a header row; title and minutes are required columns.

    Presenters are matched to `people` by key or by name (case ignored); kinds by key or label.
    """
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise AgendaCsvError(
            "The file is empty: it needs a header row (title, minutes, ...) and one row per item"
        )
    # newline="" lets the csv module see every line ending (\r\n, \n, a lone \r) and newlines in quotes.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), quotechar='"')
    rows = _records(reader)
    header = [_fold(h) for h in rows[0]] if rows else []
    fields: dict[str, int] = {}
    for col, name in enumerate(header):
        field = HEADERS.get(name)
        if field is None:
            if name:
                raise AgendaCsvError(
                    f"Row 1: column '{_shown(rows[0][col])}' is not known "
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
        if len(items) > MAX_ITEMS:
            raise AgendaCsvError(f"Row {number}: an agenda holds at most {MAX_ITEMS} items")
    if not items:
        raise AgendaCsvError("The file has a header but no agenda items")
    return items


def _records(reader: Iterator[list[str]]) -> list[list[str]]:
    """Every record; one the csv module cannot read (a cell beyond its size limit) is named by its row."""
    rows: list[list[str]] = []
    try:
        for row in reader:
            rows.append(row)
    except csv.Error as exc:
        raise AgendaCsvError(f"Row {len(rows) + 1}: cannot be read as CSV ({_shown(str(exc), 80)})") from None
    return rows


def _delimiter(text: str) -> str:
    """The header row's separator: whichever of comma, semicolon and tab it has most of (comma on a tie).

    Counted rather than sniffed: csv.Sniffer takes apostrophes in the header ("Lead's minutes") for the quote
    character, and would then misread every title with one ("Carers' network"). Quotes are always '"'.
    """
    first = text[: text.find("\n")] if "\n" in text[:MAX_HEADER] else text[:MAX_HEADER]
    counts = {d: first.count(d) for d in DELIMITERS}
    return max(DELIMITERS, key=lambda d: counts[d])


def _shown(text: str, limit: int = 40) -> str:
    """A cell as quoted in a message: on one line, without control characters, and not too long."""
    one_line = " ".join("".join(c if c.isprintable() or c.isspace() else " " for c in text).split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1] + "…"


def _fold(text: str) -> str:
    return " ".join(text.strip().lower().replace("_", " ").split()).replace(
        "speaker limit s", "speaker_limit_s"
    )


def _clean(text: str) -> str:
    """A cell's words: whitespace (newlines in a quoted cell too) run together, control characters dropped."""
    return " ".join("".join(c for c in text if c.isprintable() or c.isspace()).split())


def _item(number: int, row: list[str], fields: dict[str, int], people: Sequence[Attendee]) -> CsvItem:
    def cell(field: str) -> str:
        col = fields.get(field)
        return _clean(row[col]) if col is not None and col < len(row) else ""

    title = cell("title")
    where = f"Row {number}" + (f" ('{_shown(title)}')" if title else "")
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
        raise AgendaCsvError(f"{where}: minutes '{_shown(text)}' is not a number") from None
    lo, hi = bounds.ITEM_MINUTES
    if not math.isfinite(value) or not lo <= value <= hi:
        above = "above 0: " if math.isfinite(value) and value <= 0 else ""
        raise AgendaCsvError(f"{where}: minutes must be {above}from {lo} to {hi} (not '{_shown(text)}')")
    return int(value) if value == int(value) else value


def _presenter(where: str, text: str, people: Sequence[Attendee]) -> str | None:
    if not text:
        return None
    wanted = text.casefold()
    for p in people:
        if p.key.casefold() == wanted or p.name.strip().casefold() == wanted:
            return p.key
    raise AgendaCsvError(
        f"{where}: presenter '{_shown(text)}' is not on this meeting's list of people (add them first, or leave it empty)"
    )


def _kind(where: str, text: str) -> str:
    if not text:
        return "item"
    wanted = text.casefold().replace(" ", "_")
    for kind in KINDS:
        if wanted in (kind, KIND_LABELS[kind].casefold().replace(" ", "_")):
            return kind
    labels = ", ".join(KIND_LABELS[k].lower() for k in KINDS)
    raise AgendaCsvError(f"{where}: kind '{_shown(text)}' is not one of {labels}")


def _limit(where: str, text: str) -> int | None:
    if not text:
        return None
    # ASCII digits only: int() would also take "1_000", "+5" and other scripts' digits.
    m = re.fullmatch(r"([0-9]{1,5})(?::([0-5][0-9]))?", text)
    if m is None:
        raise AgendaCsvError(
            f"{where}: speaker limit '{_shown(text)}' is not whole seconds (like 120) or minutes:seconds "
            "(like 2:00)"
        )
    value = int(m.group(1)) * 60 + int(m.group(2)) if m.group(2) else int(m.group(1))
    if value > MAX_LIMIT_S:
        raise AgendaCsvError(f"{where}: speaker limit must be at most 60:00 (not '{_shown(text)}')")
    return value


def _flag(where: str, text: str) -> bool:
    folded = text.casefold()
    if folded in YES:
        return True
    if folded in NO:
        return False
    raise AgendaCsvError(f"{where}: protected '{_shown(text)}' should be yes or no")
