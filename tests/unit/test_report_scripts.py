"""Names and notes in any script: the PDFs set what DejaVu Sans lacks in an embedded fallback font (DESIGN §5:
"fonts embedded from resources so that any name or note renders"); Word and HTML keep the text as typed."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import pypdf
from PIL import Image

from meetingkit.models import record
from meetingkit.models.representatives_summary import representatives_summary
from meetingkit.models.session import LiveMeeting
from meetingkit.reports.fonts import FALLBACK, KOREAN
from meetingkit.reports.minutes_document import build_minutes
from meetingkit.reports.minutes_docx import render_docx
from meetingkit.reports.minutes_html import render_html
from meetingkit.reports.minutes_pdf import write_minutes
from meetingkit.reports.report_text import markup
from meetingkit.reports.summary_pdf import render_summary_pdf

NAMES = ["王秀英", "佐藤 花子", "김민준", "<b>Ann</b> & Co"]
NOTE = "王秀英 thanked 김민준 and 佐藤 花子 😀 for the survey"


def meeting(names: list[str] = NAMES, note: str = NOTE, title: str = "Board 委員会") -> LiveMeeting:
    data: dict[str, Any] = {
        "meetingkit_record": 1,
        "meeting": {"title": title, "scheduled_start": "2026-03-02T09:30:00+00:00", "venue": "Room 1"},
        "people": [
            {"key": "wx", "name": names[0], "role": "chair", "attendance": "present"},
            {"key": "sh", "name": names[1], "role": "member", "attendance": "present"},
            {
                "key": "km",
                "name": names[2],
                "role": "patient_rep",
                "patient_rep": True,
                "attendance": "present",
            },
            {"key": "an", "name": names[3], "role": "member", "attendance": "present"},
        ],
        "agenda": [{"key": "i1", "title": "Survey", "minutes": 20}],
        "events": [
            {"t": 0, "do": "start_meeting"},
            {"t": 1, "do": "speak", "who": "wx"},
            {"t": 60, "do": "speak", "who": "km"},
            {"t": 120, "do": "note", "text": note},
            {"t": 130, "do": "action", "text": f"Reply to {names[2]}", "owner": "sh"},
            {"t": 200, "do": "skip_break", "reason": "Short meeting"},
            {"t": 1200, "do": "end_meeting"},
        ],
    }
    return record.replay(record.parse(json.dumps(data)))


def fonts_of(pdf: bytes) -> set[str]:
    names: set[str] = set()
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            for f in [font, *[d.get_object() for d in font.get("/DescendantFonts", [])]]:
                descriptor = f.get("/FontDescriptor")
                embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
                names.add(f"{f['/BaseFont']}{' embedded' if embedded else ''}")
    return names


def text_of(pdf: bytes) -> str:
    return " ".join(page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_the_minutes_pdf_embeds_the_fallbacks_and_reads_back_every_name() -> None:
    buf = io.BytesIO()
    write_minutes(buf, meeting(), meeting_id=1)
    pdf = buf.getvalue()
    text = " ".join(text_of(pdf).split())
    for name in NAMES:
        assert name in text
    assert text.count("Board 委員会") >= 4  # the title, and the running header of every page
    fonts = fonts_of(pdf)
    # subsets (a six-letter tag before the name), embedded
    assert any(f.endswith(f"+{FALLBACK} embedded") for f in fonts), fonts
    assert any(f.endswith(f"+{KOREAN} embedded") for f in fonts), fonts
    assert all(f.endswith("embedded") for f in fonts), fonts


def test_the_summary_for_representatives_reads_back_every_name() -> None:
    summary = representatives_summary(meeting())
    pdf = render_summary_pdf(summary)
    text = " ".join(text_of(pdf).split())
    assert "Board 委員会" in text
    said = " ".join(" ".join([*s.lines, *s.points]) for s in summary.sections)
    shown = [name for name in NAMES if name in said]
    assert "김민준" in shown  # the representative, by name
    for name in shown:
        assert name in text
    fonts = fonts_of(pdf)
    assert any(f.endswith(f"+{FALLBACK} embedded") for f in fonts), fonts
    assert any(f.endswith(f"+{KOREAN} embedded") for f in fonts), fonts


def test_a_latin_only_pdf_does_not_carry_the_fallbacks() -> None:
    live = meeting(["Ann Smith", "Zoë Łukasz", "Bob Jones", "<b>Ann</b> & Co"], "Thanks 😀 all", "Board")
    buf = io.BytesIO()
    write_minutes(buf, live, meeting_id=1)
    assert not any(FALLBACK in f or KOREAN in f for f in fonts_of(buf.getvalue()))


def test_the_glyphs_are_drawn_not_boxes() -> None:
    """A line of Han set in the fallback inks far more of its box than the empty boxes DejaVu would draw."""
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Paragraph

    from meetingkit.reports.styles import minutes_styles

    def ink(text: str) -> int:
        buf = io.BytesIO()
        canvas = Canvas(buf, pagesize=(200, 40))
        p = Paragraph(text, minutes_styles().title)
        p.wrapOn(canvas, 190, 40)
        p.drawOn(canvas, 5, 5)
        canvas.save()
        image = _raster(buf.getvalue())
        return sum(1 for v in image.get_flattened_data() if v < 128)

    boxes = ink("王秀英김민준")  # DejaVu Sans alone: the missing glyph, a hollow box
    glyphs = ink(markup("王秀英김민준"))
    assert glyphs > 1.5 * boxes


def _raster(pdf: bytes) -> Image.Image:
    import shutil
    import subprocess
    import tempfile

    assert shutil.which("pdftoppm"), "pdftoppm (poppler-utils) renders the page"
    with tempfile.TemporaryDirectory() as folder:
        src = f"{folder}/p.pdf"
        with open(src, "wb") as f:
            f.write(pdf)
        subprocess.run(["pdftoppm", "-png", "-r", "150", "-singlefile", src, f"{folder}/p"], check=True)
        return Image.open(f"{folder}/p.png").convert("L").copy()


def test_word_and_html_keep_the_text_and_leave_fonts_to_the_reader() -> None:
    doc = build_minutes(meeting(), meeting_id=1)
    page = render_html(doc).decode("utf-8")
    assert '<meta charset="utf-8">' in page.lower()
    for name in ("王秀英", "佐藤 花子", "김민준", "&lt;b&gt;Ann&lt;/b&gt; &amp; Co"):
        assert name in page
    assert FALLBACK not in page and KOREAN not in page and "<span face" not in page
    with zipfile.ZipFile(io.BytesIO(render_docx(doc))) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    for name in ("王秀英", "佐藤 花子", "김민준", "&lt;b&gt;Ann&lt;/b&gt; &amp; Co", "😀"):
        assert name in xml
    assert FALLBACK not in xml and "span" not in xml


def test_markup_leaves_latin_text_alone_and_escapes_tags() -> None:
    assert markup("Zoë Łukasz & <b>Co</b>") == "Zoë Łukasz &amp; &lt;b&gt;Co&lt;/b&gt;"
    assert markup("佐藤 花子") == f'<span face="{FALLBACK}">佐藤</span> <span face="{FALLBACK}">花子</span>'
    assert markup("김민준") == f'<span face="{KOREAN}">김민준</span>'
