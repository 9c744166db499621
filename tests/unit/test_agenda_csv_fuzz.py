"""Agenda CSV files of any shape: arbitrary bytes, text, and CSV-ish rows (random columns, quotes, delimiters,
BOMs, huge numbers, NaN, empty rows, other encodings) give either a clean list of agenda items or one clear
line that names the row at fault. Never another exception, never a hang."""

from __future__ import annotations

import codecs
import re
import time

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from meetingkit.models.meeting import KINDS, AgendaItem, Attendee
from meetingkit.ui.prep.agenda_csv import MAX_BYTES, AgendaCsvError, CsvItem, read_agenda_csv

FUZZ = settings(max_examples=1000, deadline=None)
PEOPLE = [
    Attendee("ch", "Ann Chair", "Trust", "acute care", "chair"),
    Attendee("pr", "Pat Rep", "Survivors", "patients and public", "patient_rep", True),
]
KEYS = {p.key for p in PEOPLE}
# A message that is about a row names it; the others are about the file as a whole.
MESSAGE = re.compile(r"(Row \d+( \('[^\n]*'\))?: |The file )\S")
SLOW_S = 10.0  # one big odd agenda file is read in milliseconds; quadratic work on it takes minutes
TITLE_CHARS = st.characters(whitelist_categories=("L", "N", "P", "S", "Zs"), blacklist_characters='"')

HEADER_WORDS = [
    "title", "Title", " TITLE ", "item", "Agenda item", "minutes", "Minutes", "duration", "time",
    "presenter", "lead", "kind", "type", "speaker limit", "Speaker limit (s)", "speaker_limit_s",
    "protected", "", "notes", "length", "title", "minutes",
]  # fmt: skip
CELLS = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "5",
            "10",
            "12.5",
            "12,5",
            "0",
            "-3",
            "1440",
            "1441",
            "nan",
            "NaN",
            "inf",
            "-inf",
            "1e400",
            "1e-400",
            "1_000",
            "0x10",
            "9" * 5000,
            "2:00",
            "1:99",
            ":",
            "2:-5",
            "yes",
            "no",
            "maybe",
            "x",
            "Ann Chair",
            "pat rep",
            "pr",
            "Zed",
            "Actions review",
            "next_steps",
            "aob",
            "party",
            "Welcome",
            '"',
            '""',
            "'",
            "\\",
            "\x00",
            "\ufeff",
            "\u2028",
            "\r",
            "\n",
            "\t",
            ";",
            ",",
            "|",
            "é",
            "€",
            "<b>bold</b>",
            "=SUM(A1:A2)",
        ]
    ),  # fmt: skip
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.text(max_size=12),
)


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    """CSV-ish files: a header of known and unknown words, rows of odd cells, any quoting and line ends."""
    delimiter = draw(st.sampled_from([",", ";", "\t", "|", " "]))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r", "\n\n"]))
    quote = draw(st.sampled_from(['"', "'", ""]))
    width = draw(st.integers(0, 7))
    header = draw(st.lists(st.sampled_from(HEADER_WORDS), min_size=width, max_size=width))
    rows = draw(st.lists(st.lists(CELLS, min_size=0, max_size=width + 2), max_size=8))

    def line(cells: list[str]) -> str:
        if quote and draw(st.booleans()):
            cells = [quote + c.replace(quote, quote * 2) + quote for c in cells]
        return delimiter.join(cells)

    text = newline.join(line(r) for r in [header, *rows])
    if draw(st.booleans()):
        text += newline
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "latin-1"]))
    raw = text.encode(encoding, errors="replace")
    if draw(st.integers(0, 9)) == 0:  # a few damaged bytes, as from a bad copy
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.binary(min_size=1, max_size=4)) + raw[at:]
    return raw


def check(raw: bytes) -> list[CsvItem] | str:
    """Read the file; assert the outcome is clean items or one clear line. (No clock here: the fuzz loops run
    thousands of these, and a loaded machine is not a bug. pytest-timeout stops a real hang.)"""
    try:
        items = read_agenda_csv(raw, PEOPLE)
    except AgendaCsvError as exc:
        message = str(exc)
        assert MESSAGE.match(message), message
        assert "\n" not in message and "\r" not in message and "\x00" not in message, repr(message)
        assert len(message) <= 400, message
        return message
    assert items
    for n, it in enumerate(items):
        AgendaItem(
            f"i{n}", it.title, it.minutes, it.presenter, it.kind, it.speaker_limit_s, it.protected
        ).validate()
        assert it.title == it.title.strip() and it.title
        assert it.presenter is None or it.presenter in KEYS
        assert it.kind in KINDS
        assert isinstance(it.protected, bool)
        assert it.speaker_limit_s is None or 0 <= it.speaker_limit_s <= 24 * 3600
    return items


@FUZZ
@given(st.binary(max_size=3000))
@example(b"title,minutes\r\nWelcome\r5\n")  # a lone carriage return inside the data
@example(b'title,minutes\n"Welcome\n\n,5\n')  # a quote never closed
@example(codecs.BOM_UTF16_LE + "title\tminutes\r\nWelcome\t5\r\n".encode("utf-16-le"))  # Excel "Unicode text"
@example(b"title,minutes\nWelcome," + b"9" * 200_000 + b"\n")  # a field beyond the csv module's limit
def test_any_bytes(raw: bytes) -> None:
    check(raw)


@FUZZ
@given(st.text(max_size=2000), st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
def test_any_text(text: str, encoding: str) -> None:
    check(text.encode(encoding, errors="replace"))


@FUZZ
@given(csv_files())
def test_csv_like_files(raw: bytes) -> None:
    check(raw)


@FUZZ
@given(
    st.lists(
        st.tuples(
            st.text(TITLE_CHARS, min_size=1, max_size=40).filter(str.strip),
            st.integers(1, 600),  # DESIGN §6: an item's minutes are 1-600
            st.sampled_from(["", "ch", "Pat Rep"]),
            st.sampled_from(["", "item", "Actions review", "next_steps", "AOB"]),
            st.sampled_from(["", "0", "90", "2:00"]),
            st.sampled_from(["", "yes", "no"]),
        ),
        min_size=1,
        max_size=10,
    ),
    st.sampled_from([",", ";", "\t"]),
)
def test_well_formed_files_are_read_exactly(rows: list[tuple[str, ...]], delimiter: str) -> None:
    header = delimiter.join(["title", "minutes", "presenter", "kind", "speaker limit", "protected"])
    body = "\n".join(delimiter.join(f'"{c}"' if i == 0 else str(c) for i, c in enumerate(r)) for r in rows)
    items = check(f"{header}\n{body}\n".encode())
    assert isinstance(items, list)
    assert [(it.title, it.minutes) for it in items] == [(" ".join(r[0].split()), r[1]) for r in rows]
    assert [it.presenter for it in items] == [{"": None, "ch": "ch", "Pat Rep": "pr"}[r[2]] for r in rows]


@pytest.mark.parametrize(
    "raw",
    [
        b"title," + b'"' * 300_000 + b"\n",
        b"title;minutes\n" + b"a;" * 200_000 + b"\n",
        b"'" + b"x'," * 100_000,
        b"title,minutes\n" + b"Welcome,5\n" * 50_000,
        b"\n" * 500_000,
    ],
    ids=["quotes", "wide row", "quoted header", "many rows", "blank lines"],
)
def test_big_odd_files_are_answered_quickly(raw: bytes) -> None:
    """Each shape once, with a bound far above a normal read (milliseconds): it catches work that grows with
    the square of the file, not a busy machine."""
    started = time.monotonic()
    check(raw)
    assert time.monotonic() - started < SLOW_S


def test_errors_stay_on_one_line_and_name_the_row() -> None:
    message = check(b'title,minutes\n"Line one\nline two",abc\n')
    assert message == "Row 2 ('Line one line two'): minutes 'abc' is not a number"
    message = check(b"title,minutes\nWelcome,5\n" + b"Long," + b"1" * 5000 + b"\n")
    assert isinstance(message, str) and message.startswith("Row 3 ('Long'): minutes")


def test_excel_unicode_text_and_old_encodings_are_read() -> None:
    utf16 = codecs.BOM_UTF16_LE + "title\tminutes\r\nCarers' network\t5\r\n".encode("utf-16-le")
    cp1252 = "title;minutes\nCafé discussion;10\n".encode("cp1252")
    assert [(i.title, i.minutes) for i in check(utf16)] == [("Carers' network", 5)]  # type: ignore[union-attr]
    assert [(i.title, i.minutes) for i in check(cp1252)] == [("Café discussion", 10)]  # type: ignore[union-attr]


def test_a_file_far_too_big_for_an_agenda_is_refused_whole() -> None:
    assert check(b"title,minutes\n" + b"x" * MAX_BYTES) == (
        "The file is too large for an agenda (over 1 MB): is it the right file?"
    )


@pytest.mark.parametrize(
    ("limit", "outcome"),
    [
        ("90", 90),
        ("2:00", 120),
        ("60:00", 3600),
        ("0", 0),
        ("61:00", "speaker limit must be at most 60:00 (not '61:00')"),
        ("1:99", "speaker limit '1:99' is not whole seconds"),
        ("+5", "speaker limit '+5' is not whole seconds"),
        ("-5", "speaker limit '-5' is not whole seconds"),
        ("١٢", "speaker limit '١٢' is not whole seconds"),
    ],
)
def test_speaker_limits_as_the_editor_takes_them(limit: str, outcome: int | str) -> None:
    result = check(f"title,minutes,speaker limit\nWelcome,5,{limit}\n".encode())
    if isinstance(outcome, int):
        assert isinstance(result, list) and result[0].speaker_limit_s == outcome
    else:
        assert result == f"Row 2 ('Welcome'): {outcome}" or str(result).startswith(
            f"Row 2 ('Welcome'): {outcome}"
        )


def test_apostrophes_in_the_header_are_not_taken_for_quotes() -> None:
    items = check(b"Agenda item,Minutes,Lead's notes\nCarers' network,10,\n")
    assert isinstance(items, str) and "column 'Lead's notes' is not known" in items
    assert [i.title for i in check(b"title,minutes\n'Carers' network',10\n")] == ["'Carers' network'"]  # type: ignore[union-attr]
