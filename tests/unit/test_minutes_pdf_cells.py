"""Table cells of the PDF minutes set as plain strings (the cheap way) print exactly as Paragraph cells did."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pypdf
import pytest

from meetingkit.models import record
from meetingkit.models.session import LiveMeeting
from meetingkit.reports import minutes_pdf
from meetingkit.reports.minutes_pdf import write_minutes
from meetingkit.reports.pdf_cells import CachedParagraph, TextCell
from meetingkit.reports.styles import minutes_styles


def render(live: LiveMeeting) -> bytes:
    buf = io.BytesIO()
    write_minutes(buf, live, meeting_id=1)
    return buf.getvalue()


def placed_text(pdf: bytes) -> list[tuple[int, str, float, float, str]]:
    """Every piece of text with its page, where it starts on the page and its font and size."""
    out: list[tuple[int, str, float, float, str]] = []
    for n, page in enumerate(pypdf.PdfReader(io.BytesIO(pdf)).pages):

        def visit(text: str, cm: Any, tm: Any, font: Any, size: Any, n: int = n) -> None:
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                name = str(font.get("/BaseFont", "")) if font else ""
                scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
                out.append(
                    (n, text.strip(), round(x, 1), round(y, 1), f"{name.split('+')[-1]} {size * scale:g}")
                )

        page.extract_text(visitor_text=visit)
    return out


@pytest.fixture
def example(example_record_path: Path) -> LiveMeeting:
    return record.replay(record.parse(example_record_path.read_text()))


def test_string_cells_print_where_paragraph_cells_did(
    example: LiveMeeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[object] = []
    cell = minutes_pdf.text_cell

    def counting(text: str, style: Any, room: float) -> object:
        made.append(cell(text, style, room))
        return made[-1]

    monkeypatch.setattr(minutes_pdf, "text_cell", counting)
    fast = placed_text(render(example))
    strings = sum(isinstance(c, TextCell) for c in made)
    assert strings > len(made) / 2  # most cells of the example are plain text
    assert any("\n" in c for c in made if isinstance(c, TextCell))  # and some wrap over lines

    monkeypatch.setattr(minutes_pdf, "text_cell", lambda text, style, room: CachedParagraph(text, style))
    slow = placed_text(render(example))
    # the same words, at the same places, in the same fonts (a string draws a whole line where a Paragraph
    # draws it word by word, so the words are compared, not the pieces of text)
    assert _words(fast) == _words(slow)


def _words(placed: list[tuple[int, str, float, float, str]]) -> list[tuple[int, float, str, str]]:
    return sorted((page, y, font, word) for page, text, _x, y, font in placed for word in text.split())


@pytest.mark.parametrize(
    "text",
    [
        "Ann &amp; Co &lt;b&gt;not bold&lt;/b&gt; with a plain word or two that wrap over a few lines of a cell",
        "13:00–13:05<br/>5 min",
        "word " * 40,
        "a  double  space",
        "Averyveryveryveryveryveryveryveryveryveryveryverylongwordthatcannotfit in a narrow cell",
        "<b>In progress</b><br/>Some words",
    ],
)
def test_a_string_cell_has_the_lines_of_its_paragraph(text: str) -> None:
    style = minutes_styles().cell
    room = 120.0
    cell = minutes_pdf.text_cell(text, style, room)
    para = CachedParagraph(text, style)
    para.wrap(room, 1000)
    if not isinstance(cell, TextCell):
        assert isinstance(cell, CachedParagraph)
        return
    lines = para.blPara.lines
    if para.blPara.kind == 0:
        expected = [" ".join(words) for _, words in lines]
    else:
        expected = [" ".join("".join(w.text for w in line.words).split()) for line in lines]
    assert cell.split("\n") == expected


def test_a_cell_too_long_for_a_page_splits_with_its_header_as_it_was() -> None:
    long_text = " ".join(f"word{i}" for i in range(1500))
    data = {
        "meetingkit_record": 1,
        "meeting": {"title": "Board", "scheduled_start": "2026-03-02T09:30:00+00:00", "venue": "Room"},
        "people": [{"key": "ch", "name": "Ann Chair", "role": "chair", "attendance": "present"}],
        "agenda": [{"key": "i1", "title": "Item", "minutes": 20}],
        "events": [
            {"t": 0, "do": "start_meeting"},
            {"t": 6, "do": "action", "text": long_text, "owner": "ch"},
            {"t": 1200, "do": "end_meeting"},
        ],
    }
    pdf = render(record.replay(record.parse(json.dumps(data))))
    placed = placed_text(pdf)
    words = [w for _, text, _, _, _ in placed for w in text.split()]
    assert words.count("word1499") == 3  # under the item, in actions agreed and in the action log
    heads = [(page, font) for page, text, _, _, font in placed if text == "Ref"]
    assert len({page for page, _ in heads}) > 2  # the tables' header repeated on the pages they run over
    assert {font for _, font in heads} == {"DejaVuSans-Bold 8.5"}
