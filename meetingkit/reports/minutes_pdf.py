"""The PDF edition of the minutes (DESIGN §5): the blocks laid out with reportlab platypus, fonts embedded,
page numbers, a bookmark per section and item, and keep-together rules a reader would expect."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    LongTable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
)

from meetingkit.models.session import LiveMeeting
from meetingkit.reports.file_writer import write_file
from meetingkit.reports.fonts import BOLD, REGULAR, font_runs, text_width
from meetingkit.reports.minutes_blocks import (
    Block,
    Chart,
    Facts,
    Heading,
    Keep,
    MinutesDoc,
    Para,
    TableBlock,
)
from meetingkit.reports.minutes_document import build_minutes
from meetingkit.reports.page_count import page_count_canvas
from meetingkit.reports.participation_chart import airtime_drawing
from meetingkit.reports.pdf_cells import CachedParagraph, as_paragraph, text_cell
from meetingkit.reports.styles import (
    ACCENT,
    CELL_PADDING_X,
    MUTED,
    RULE,
    facts_style,
    grid_style,
    minutes_styles,
)

PAGE = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 20 * mm
CONTENT_WIDTH = PAGE[0] - 2 * MARGIN_X
BODY_HEIGHT = PAGE[1] - MARGIN_TOP - MARGIN_BOTTOM
FOOTER_Y = 11 * mm
FOOTER_SIZE = 7.5
MIN_ROWS = 3  # a table never leaves fewer rows than this alone at the foot or the top of a page


def write_minutes(out: str | Path | BinaryIO, live: LiveMeeting, **options: Any) -> None:
    """Write the minutes of `live` as a PDF to a path (through the one writer of files for people,
    reports.file_writer) or a binary stream; `options` are those of `minutes_document.build_minutes`."""
    doc = build_minutes(live, **options)
    data = render_pdf(doc)
    if isinstance(out, str | Path):
        write_file(out, data)
    else:
        out.write(data)


# ---- blocks to flowables ----------------------------------------------------------------------------------


class MinutesTable(LongTable):
    """A table that never strands a few rows: at least MIN_ROWS stay together at a page's foot and top.

    Its cells are plain strings, already broken into the lines a Paragraph would give, wherever the text needs
    no markup (most cells: a name, a date, a figure, an action's words): reportlab measures and draws those for
    a fraction of a Paragraph's cost, at the same places (a string's first baseline, like a Paragraph's, a font
    size under the cell's top). The rest are CachedParagraphs.
    """

    def _splitRows(self, availHeight: float, doInRowSplit: int = 0) -> Any:
        if doInRowSplit:
            # reportlab splits a string cell by lines of 1.2 × the font size, not by the cell's leading, and
            # starts its second part a line low: the row it cuts across pages gets its Paragraphs back first,
            # and splits as it always did
            n = self._getFirstPossibleSplitRowPosition(availHeight, ignoreSpans=True)
            if n < len(self._cellvalues):
                self._cellvalues[n] = [as_paragraph(v) for v in self._cellvalues[n]]
        return super()._splitRows(availHeight, doInRowSplit)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = super().split(availWidth, availHeight)
        if len(parts) != 2:
            return parts
        first = len(parts[0]._cellvalues) - self.repeatRows
        second = len(parts[1]._cellvalues) - self.repeatRows
        body = len(self._cellvalues) - self.repeatRows
        roomy = availHeight >= BODY_HEIGHT / 2  # on an emptier page a table splits wherever it must
        if body < 2 * MIN_ROWS or first < MIN_ROWS:
            return parts if roomy else []  # a short table, or its first rows, start on the next page
        if second < MIN_ROWS:
            parts[0].wrap(availWidth, availHeight)
            cut = sum(parts[0]._rowHeights[-(MIN_ROWS - second) :])
            again = super().split(availWidth, availHeight - cut - 0.5)
            if len(again) == 2:
                return again
        return parts


class KeepWithNext(KeepTogether):
    """Keeps a heading with the start of what follows it, as a word processor does.

    ReportLab's own grouping moves the heading and the whole of the next block to a new page whenever the
    block does not fit, leaving most of a page blank before a long note or table. Here the block starts under
    its heading when its own first part fits there (a table's first rows, a paragraph's first lines);
    otherwise the group goes to the next page.
    """

    def split(self, aW: float, aH: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        lead, last = self._content[:-1], self._content[-1]
        lead_h = sum(f.wrap(aW, aH)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in lead)
        room = aH - lead_h - last.getSpaceBefore()
        if room > 0 and (last.wrap(aW, room)[1] <= room or last.split(aW, room)):
            return list(self._content)
        return super().split(aW, aH)


def flowables(blocks: Sequence[Block]) -> list[Flowable]:
    st = minutes_styles()
    out: list[Flowable] = []
    for b in blocks:
        if isinstance(b, Heading):
            style = {0: st.title, 1: st.section, 2: st.item}.get(b.level, st.subsection)
            out.append(CachedParagraph(b.text, style))
            if b.level == 0:
                continue
        elif isinstance(b, Para):
            out.append(CachedParagraph(b.text, getattr(st, b.style)))
        elif isinstance(b, TableBlock):
            out.append(_table(b))
        elif isinstance(b, Facts):
            out.append(_facts(b))
        elif isinstance(b, Chart):
            out += [airtime_drawing(b.bars, CONTENT_WIDTH), CachedParagraph(b.caption, st.caption)]
        elif isinstance(b, Keep):
            out.append(KeepTogether(flowables(b.blocks)))
    return out


def _table(b: TableBlock) -> Table:
    st = minutes_styles()
    total = sum(b.widths)
    widths = [CONTENT_WIDTH * w / total for w in b.widths]
    room = [w - 2 * CELL_PADDING_X for w in widths]
    data: list[list[str | Paragraph]] = [
        [
            text_cell(h, st.cell_head_right if i in b.right else st.cell_head, room[i])
            for i, h in enumerate(b.head)
        ]
    ]
    for row in b.rows:
        data.append(
            [text_cell(c, st.cell_right if i in b.right else st.cell, room[i]) for i, c in enumerate(row)]
        )
    # LongTable stops measuring rows once a page is full, so a table of hundreds of rows stays linear.
    table = MinutesTable(
        data,
        colWidths=widths,
        repeatRows=1,
        splitInRow=1,
        hAlign="LEFT",
    )
    table.setStyle(grid_style(len(data), right=b.right))
    return table


def _facts(b: Facts) -> Table:
    st = minutes_styles()
    label_width = b.label_width_mm * mm
    data = [
        [CachedParagraph(f"<b>{label}</b>", st.body), CachedParagraph(value, st.body)]
        for label, value in b.rows
    ]
    table = Table(data, colWidths=[label_width, CONTENT_WIDTH - label_width], hAlign="LEFT", splitInRow=1)
    table.setStyle(facts_style())
    return table


# ---- the document -----------------------------------------------------------------------------------------


class _MinutesDocument(SimpleDocTemplate):
    """Adds each section (level 0) and agenda item (level 1) to the PDF's outline, on the page it is drawn."""

    def afterFlowable(self, flowable: Flowable) -> None:
        if not isinstance(flowable, Paragraph):
            return
        level = {"section": 0, "item": 1}.get(flowable.style.name)
        if level is None:
            return
        n = self.seq.nextf("outline")
        key = f"mk{n}"
        self.canv.bookmarkPage(key)
        if level == 1 and not getattr(self, "_in_section", False):
            level = 0
        self._in_section = self._in_section if level == 1 else True
        self.canv.addOutlineEntry(flowable.getPlainText(), key, level=level)


def render_pdf(doc: MinutesDoc) -> bytes:
    buf = io.BytesIO()
    template = _MinutesDocument(
        buf,
        pagesize=PAGE,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=doc.title,
        author="MeetingKit",
        subject=doc.subject,
        creator="MeetingKit",
        lang="en-GB",
        displayDocTitle=1,
        keepTogetherClass=KeepWithNext,
        # Every page starts in the embedded font: reportlab's default (Helvetica) would be left unembedded.
        initialFontName=REGULAR,
    )
    title = doc.title.removeprefix("Minutes: ")
    story = flowables(doc.blocks)
    story.insert(len(story) and _after_heading(story), Spacer(1, 6))
    story.insert(
        _after_heading(story) + 1,
        HRFlowable(width="100%", thickness=0.8, color=ACCENT, spaceBefore=2, spaceAfter=2),
    )

    def decorate(canvas: Any, _doc: Any) -> None:
        _decorate_page(canvas, title, doc.header, doc.status_mark)

    template.build(
        story,
        onFirstPage=decorate,
        onLaterPages=decorate,
        canvasmaker=page_count_canvas(MARGIN_X, FOOTER_Y, FOOTER_SIZE),
    )
    return buf.getvalue()


def _after_heading(story: list[Flowable]) -> int:
    """Where the title block ends: after the facts table that follows the title and subtitle."""
    for i, f in enumerate(story):
        if isinstance(f, Table):
            return i + 1
    return 0


def _decorate_page(canvas: Any, title: str, header_right: str, mark: str) -> None:
    """The meeting title at the top of every page, rules, the DRAFT mark while draft, and the foot."""
    width, height = PAGE
    left, right = MARGIN_X, width - MARGIN_X
    top = height - 13 * mm
    canvas.saveState()
    canvas.setFont(REGULAR, FOOTER_SIZE)
    canvas.setFillColor(MUTED)
    canvas.drawRightString(right, top, header_right)
    room = right - left - stringWidth(header_right, REGULAR, FOOTER_SIZE) - 12
    canvas.setFillColor(ACCENT)
    x = left
    for font, piece in font_runs(_fit(title, BOLD, FOOTER_SIZE + 0.5, room), BOLD):
        canvas.setFont(font, FOOTER_SIZE + 0.5)
        canvas.drawString(x, top, piece)
        x += stringWidth(piece, font, FOOTER_SIZE + 0.5)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(left, top - 5, right, top - 5)
    if mark:
        canvas.setFont(BOLD, 9)
        canvas.setFillColor(ACCENT)
        canvas.drawCentredString(width / 2, top - 15, mark)
    foot = FOOTER_Y
    canvas.line(left, foot + 9, right, foot + 9)
    canvas.setFont(REGULAR, FOOTER_SIZE)
    canvas.setFillColor(MUTED)
    canvas.drawRightString(right, foot, "Produced with MeetingKit")
    canvas.restoreState()


def _fit(text: str, font: str, size: float, room: float) -> str:
    """Shorten `text` with an ellipsis until it fits `room` points."""
    if text_width(text, font, size) <= room:
        return text
    lo, hi = 0, len(text)
    while lo < hi:  # the longest prefix that fits with the ellipsis
        mid = (lo + hi + 1) // 2
        if text_width(text[:mid].rstrip() + "…", font, size) <= room:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…"
