"""The Word edition of the minutes (DESIGN §5): the same blocks as real headings, paragraphs and tables with a
header row that repeats on each page, so a secretary can edit the draft; DRAFT in every page's header until
the minutes are approved, and page numbers in the footer."""

from __future__ import annotations

import html
import io
import re

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Mm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph
from reportlab.pdfbase.pdfmetrics import stringWidth

from meetingkit.models.review_text import airtime
from meetingkit.reports.fonts import BOLD, register_fonts
from meetingkit.reports.minutes_blocks import Block, Chart, Facts, Heading, Keep, MinutesDoc, Para, TableBlock
from meetingkit.reports.participation_chart import bar_label
from meetingkit.reports.report_text import without_font_runs
from meetingkit.reports.styles import CELL_SIZE

_TOKENS = re.compile(r"(<br/>|<font[^>]*>|</font>|<b>|</b>)")
MUTED = RGBColor(0x4D, 0x56, 0x63)
ACCENT = RGBColor(0x1F, 0x3A, 0x5F)
TEXT_WIDTH_IN = 170 / 25.4  # A4 with 20 mm margins, as the PDF
CELL_PADDING_PT = 2 * 5.4  # Word's default left and right cell margins (0.075 in each)
_HEADING_LEVEL = {0: 0, 1: 1, 2: 2, 3: 2}  # parts of a section sit beside its items, one level down


def render_docx(doc: MinutesDoc) -> bytes:
    """The minutes as a .docx file's bytes."""
    word = Document()
    _page_furniture(word, doc)
    props = word.core_properties
    props.title = doc.title
    props.subject = doc.subject
    props.author = "MeetingKit"
    props.language = "en-GB"
    normal = word.styles["Normal"]
    normal.font.name = "DejaVu Sans"
    normal.font.size = Pt(10)
    _blocks(word, doc.blocks)
    buf = io.BytesIO()
    word.save(buf)
    return buf.getvalue()


def runs(paragraph: Paragraph, markup: str, bold: bool = False, size: float | None = None) -> None:
    """Block markup as runs: bold, line breaks and quieter asides; the escaped text unescaped once. `size` sets
    the points of every run (a table's cells are set smaller than the body, as in the PDF)."""
    small = False
    for token in _TOKENS.split(without_font_runs(markup)):
        if not token:
            continue
        if token == "<br/>":
            paragraph.add_run().add_break()
        elif token == "<b>":
            bold = True
        elif token == "</b>":
            bold = False
        elif token.startswith("<font"):
            small = True
        elif token == "</font>":
            small = False
        else:
            run = paragraph.add_run(html.unescape(token))
            run.bold = bold or None
            if size is not None:
                run.font.size = Pt(size)
            if small:
                run.font.color.rgb = MUTED
                run.font.size = Pt(8.5)


def _blocks(word: DocxDocument, blocks: list[Block]) -> None:
    for b in blocks:
        if isinstance(b, Heading):
            p = word.add_heading(level=_HEADING_LEVEL.get(b.level, 3))
            runs(p, b.text)
        elif isinstance(b, Para):
            p = word.add_paragraph()
            runs(p, b.text)
            if b.style == "entry":
                p.paragraph_format.left_indent = Pt(12)
            elif b.style in ("meta", "empty", "caption", "subtitle"):
                for r in p.runs:
                    r.font.color.rgb = MUTED
        elif isinstance(b, Facts):
            for label, value in b.rows:
                p = word.add_paragraph()
                runs(p, f"<b>{label}:</b> ")
                runs(p, value)
                p.paragraph_format.space_after = Pt(2)
        elif isinstance(b, TableBlock):
            _table(word, b.head, b.rows, b.right, b.widths)
        elif isinstance(b, Chart):
            _chart(word, b)
        elif isinstance(b, Keep):
            _blocks(word, b.blocks)


def _table(
    word: DocxDocument,
    head: list[str],
    rows: list[list[str]],
    right: set[int],
    widths: list[float] | None = None,
) -> Table:
    table = word.add_table(rows=1, cols=len(head))
    table.style = "Table Grid"
    table.autofit = False
    if widths:  # the PDF's proportions, over the page's width between the margins
        for i, (column, inches) in enumerate(zip(table.columns, column_inches(head, widths), strict=True)):
            # The table's grid (LibreOffice reads this); each row added below copies it into its cells (Word
            # reads those), so no column's cells are walked afterwards (that walk was most of the Word edition).
            column.width = Inches(inches)
            table.rows[0].cells[i].width = column.width
    for i, text in enumerate(head):
        cell = table.rows[0].cells[i]
        runs(cell.paragraphs[0], text, bold=True, size=CELL_SIZE)
    _repeat_header(table)
    for row in rows:
        cells = table.add_row().cells
        for i, text in enumerate(row):
            runs(cells[i].paragraphs[0], text, size=CELL_SIZE)
            if i in right:
                cells[i].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return table


def column_inches(head: list[str], widths: list[float]) -> list[float]:
    """Each column's width in inches: the PDF's proportions of the text width, except that no column is narrower
    than the longest word of its heading in bold at the cells' size (Word would break "Share" into "Shar e");
    the room that takes is given up by the columns that have more than they need, in proportion."""
    total = sum(widths)
    want = [TEXT_WIDTH_IN * w / total for w in widths]
    need = [_widest_word_in(text) for text in head]
    short = sum(max(0.0, n - w) for n, w in zip(need, want, strict=True))
    spare = sum(max(0.0, w - n) for n, w in zip(need, want, strict=True))
    if short <= 0 or spare <= 0:
        return want
    give = min(1.0, short / spare)
    return [n if w < n else w - (w - n) * give for n, w in zip(need, want, strict=True)]


def _widest_word_in(markup: str) -> float:
    register_fonts()
    words = html.unescape(_TOKENS.sub(" ", markup)).split()
    widest = max((stringWidth(w, BOLD, CELL_SIZE) for w in words), default=0.0)
    return (widest + CELL_PADDING_PT + 1) / 72


def _repeat_header(table: Table) -> None:
    """Mark the first row as the table's header: Word repeats it on each page and reads it as headers."""
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _chart(word: DocxDocument, c: Chart) -> None:
    """Word gets the chart's figures as a table (editable, read aloud as a table) and its description."""
    p = word.add_paragraph()
    p.add_run(
        "Speaking time, most in the main discussion first (the PDF and web editions draw it as a chart); "
        "patient and public representatives are marked “(rep)”."
    ).font.color.rgb = MUTED
    rows = [[html.escape(bar_label(b)), airtime(b.main_s), airtime(b.break_s)] for b in c.bars]
    _table(word, ["Who", "Main discussion", "Feedback break"], rows, {1, 2}, [50, 25, 25])


def _page_furniture(word: DocxDocument, doc: MinutesDoc) -> None:
    section = word.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    head = section.header.paragraphs[0]
    head.text = doc.title.removeprefix("Minutes: ") + " · " + doc.header
    if doc.status_mark:
        mark = section.header.add_paragraph()
        run = mark.add_run(doc.status_mark)
        run.bold = True
        run.font.color.rgb = ACCENT
        mark.alignment = WD_ALIGN_PARAGRAPH.CENTER
    foot = section.footer.paragraphs[0]
    foot.add_run("Page ")
    _field(foot, "PAGE")
    foot.add_run(" of ")
    _field(foot, "NUMPAGES")


def _field(paragraph: Paragraph, code: str) -> None:
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, code), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text == code:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {code} "
        else:
            el = OxmlElement("w:t")
            el.text = text
        run._r.append(el)
