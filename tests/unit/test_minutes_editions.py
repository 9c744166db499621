"""The Word and HTML editions carry the same sections and texts as the PDF (DESIGN §5), and the HTML page is
self-contained and accessible in its structure."""

from __future__ import annotations

import html
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import docx
import pypdf
import pytest

from meetingkit.cli import main
from meetingkit.models import record
from meetingkit.models.session import LiveMeeting
from meetingkit.reports.minutes_blocks import Heading, MinutesDoc, TableBlock, walk
from meetingkit.reports.minutes_document import build_minutes
from meetingkit.reports.minutes_docx import render_docx
from meetingkit.reports.minutes_html import render_html
from meetingkit.reports.minutes_pdf import render_pdf
from tests.pulse_records import REPS_TOO_FEW, with_pulse


@pytest.fixture
def doc(example_record_path: Path) -> MinutesDoc:
    # with a pulse (DESIGN §11): one group shown, one too few to show, so the editions carry both
    data = with_pulse(json.loads(example_record_path.read_text()), REPS_TOO_FEW, t="1:30:00")
    live: LiveMeeting = record.replay(record.parse(data))
    live.meeting.people[0].name = "Dr Rachel <b>Hughes</b> & Co"  # markup in a name prints as typed
    return build_minutes(live, meeting_id=1)


def plain(markup: str) -> str:
    return " ".join(html.unescape(re.sub(r"<br/>", " ", re.sub(r"<(?!br/)[^>]+>", "", markup))).split())


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[tuple[int, str]] = []
        self._in: int | None = None
        self._text: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in ("b", "strong", "span"):  # a new cell, line or paragraph reads as a space
            self.text.append(" ")
        if re.fullmatch(r"h[1-6]", tag):
            self._in, self._text = int(tag[1]), []

    def handle_endtag(self, tag: str) -> None:
        if tag not in ("b", "strong", "span"):
            self.text.append(" ")
        if self._in is not None and tag == f"h{self._in}":
            self.headings.append((self._in, " ".join("".join(self._text).split())))
            self._in = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in is not None:
            self._text.append(data)


def page_of(doc: MinutesDoc) -> Page:
    page = Page()
    page.feed(render_html(doc).decode("utf-8"))
    return page


def test_the_three_editions_have_the_same_sections_in_the_same_order(doc: MinutesDoc) -> None:
    sections = [plain(h) for h in doc.headings(1)]
    assert sections[0] == "1. Attendance" and sections[-1].endswith("Date of the next meeting")
    pdf = pypdf.PdfReader(io.BytesIO(render_pdf(doc)))
    assert [e.title for e in pdf.outline if not isinstance(e, list)] == sections
    word = docx.Document(io.BytesIO(render_docx(doc)))
    assert [p.text for p in word.paragraphs if p.style.name == "Heading 1"] == sections
    assert [t for level, t in page_of(doc).headings if level == 2] == sections


def test_word_and_html_carry_every_text_of_the_pdf(doc: MinutesDoc) -> None:
    word = docx.Document(io.BytesIO(render_docx(doc)))
    word_text = " ".join(
        [p.text for p in word.paragraphs] + [c.text for t in word.tables for row in t.rows for c in row.cells]
    )
    word_flat = " ".join(word_text.split())
    html_flat = " ".join("".join(page_of(doc).text).split())
    pdf_flat = " ".join(
        " ".join((p.extract_text() or "") for p in pypdf.PdfReader(io.BytesIO(render_pdf(doc))).pages).split()
    )
    cells = [c for b in walk(doc.blocks) if isinstance(b, TableBlock) for row in b.rows for c in row]
    assert "too few answers to show" in cells and "1 of 3 felt listened to, 1 partly and 1 not" in cells
    for block in walk(doc.blocks):
        texts = [block.text] if isinstance(block, Heading) else []
        if isinstance(block, TableBlock):
            texts = [c for row in block.rows for c in row]
        for t in texts:
            said = plain(t)
            assert said in word_flat, said
            assert said in html_flat, said
    assert "Dr Rachel <b>Hughes</b> & Co" in pdf_flat and "Dr Rachel <b>Hughes</b> & Co" in word_flat
    assert "Dr Rachel <b>Hughes</b> & Co" in html_flat


def test_the_html_page_is_self_contained_and_structured_for_screen_readers(doc: MinutesDoc) -> None:
    raw = render_html(doc).decode("utf-8")
    page = page_of(doc)
    assert raw.startswith("<!DOCTYPE html>") and '<html lang="en-GB">' in raw
    levels = [level for level, _ in page.headings]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))  # never skips a level
    ths = [a for tag, a in page.tags if tag == "th"]
    assert ths and all(a.get("scope") in ("col", "row") for a in ths)
    svg = next(a for tag, a in page.tags if tag == "svg")
    assert svg["role"] == "img" and svg["aria-labelledby"]
    assert "<desc" in raw and "Graham Lee (rep)" in raw
    assert not re.search(r"(src|href)=\"(https?:)?//", raw)  # nothing loaded from elsewhere
    assert "<b>Hughes</b>" not in raw  # the name's markup is text, not markup


def test_draft_marks_in_word_and_html(doc: MinutesDoc) -> None:
    word = docx.Document(io.BytesIO(render_docx(doc)))
    assert "DRAFT — not yet approved" in " ".join(p.text for p in word.sections[0].header.paragraphs)
    assert 'class="draft">DRAFT — not yet approved' in render_html(doc).decode("utf-8")
    header_rows = [t.rows[0]._tr.xml for t in word.tables]
    assert header_rows and all("w:tblHeader" in x for x in header_rows)


def test_the_command_line_writes_the_edition_the_ending_names(
    tmp_path: Path, db_path: Path, example_record_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["replay", str(example_record_path), "--db", str(db_path)]) == 0
    for ending in ("pdf", "docx", "html"):
        out = tmp_path / f"m.{ending}"
        assert main(["minutes", "1", "-o", str(out), "--db", str(db_path)]) == 0
        assert out.stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "m.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "m.docx").read_bytes().startswith(b"PK")
    assert b"<!DOCTYPE html>" in (tmp_path / "m.html").read_bytes()
    capsys.readouterr()
    assert main(["minutes", "1", "-o", str(tmp_path / "m.txt"), "--db", str(db_path)]) == 2
    assert ".pdf, .docx or .html" in capsys.readouterr().err
    assert not (tmp_path / "m.txt").exists()


def test_word_tables_give_every_heading_word_room_at_the_cells_size(doc: MinutesDoc) -> None:
    """A Word column narrower than a heading's word breaks it inside the word ("Shar e", "Turn s" in "By
    person"): every column is at least as wide as the longest word of its heading, bold at the cells' size."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from meetingkit.reports.fonts import BOLD, register_fonts
    from meetingkit.reports.styles import CELL_SIZE

    register_fonts()
    word = docx.Document(io.BytesIO(render_docx(doc)))
    checked = 0
    for table in word.tables:
        head = table.rows[0].cells
        for column, cell in zip(table.columns, head, strict=True):
            words = cell.text.split()
            if not words or column.width is None:
                continue
            need_pt = max(stringWidth(w, BOLD, CELL_SIZE) for w in words) + 2 * 5.4  # Word's own cell margins
            assert column.width.pt >= need_pt, (cell.text, column.width.pt, need_pt)
            sizes = {
                r.font.size.pt if r.font.size else None for r in cell.paragraphs[0].runs if r.text.strip()
            }
            assert sizes == {CELL_SIZE}, (cell.text, sizes)
            checked += 1
    assert checked > 20
    total_in = max(sum(c.width.inches for c in t.columns if c.width is not None) for t in word.tables)
    assert total_in <= 170 / 25.4 + 0.01  # still within the page's margins


def test_a_lone_right_to_left_override_reverses_nothing_after_it(example_record_path: Path) -> None:
    """U+202E typed into a name (or pasted with it) would turn the rest of its line around; paired controls, as
    right-to-left text may use them, are kept."""
    data = json.loads(example_record_path.read_text())
    live: LiveMeeting = record.replay(record.parse(data))
    live.meeting.people[0].name = "Rachel \u202eHughes"
    live.meeting.people[1].name = "Ali \u202bعلي\u202c Khan"
    live.meeting.title = "Board \u2067meeting"
    page = render_html(build_minutes(live, meeting_id=1)).decode("utf-8")
    assert "Rachel Hughes" in page and "\u202e" not in page
    assert "Ali \u202bعلي\u202c Khan" in page  # a pair stays
    assert "<title>Minutes: Board meeting</title>" in page and "<h1>Board meeting</h1>" in page
    assert "\u2067" not in page
