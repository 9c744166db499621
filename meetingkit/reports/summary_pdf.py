"""The summary for representatives as a PDF (DESIGN §5 "For representatives"): large type, plain words, one or
two pages, fonts embedded so that any name renders, every word from the data escaped before it meets markup."""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, Paragraph, SimpleDocTemplate

from meetingkit.models.representatives_summary import TITLE, RepresentativesSummary
from meetingkit.reports.fonts import BOLD, REGULAR
from meetingkit.reports.page_count import page_count_canvas
from meetingkit.reports.report_text import markup
from meetingkit.reports.styles import ACCENT, MUTED, RULE, summary_styles

PAGE = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 20 * mm
FOOT_SIZE = 10.0
MOST_PAGES = 2
INTRO = (
    "How much patient and public representatives were heard at this meeting, and what became of their "
    "feedback, in plain words. The minutes of the meeting give every figure."
)


def render_summary_pdf(summary: RepresentativesSummary) -> bytes:
    """The summary as PDF bytes: every point when they fit on two pages, else each list cut short (saying so)."""
    return fit_to_pages(summary)[0]


def fit_to_pages(summary: RepresentativesSummary) -> tuple[bytes, RepresentativesSummary]:
    """The PDF and the summary as it prints: whole if it fits on two pages; else the longest list is cut by a
    third, again and again, until it fits (or every list is down to one point)."""
    most: dict[str, int] = {}
    printed = summary
    while True:
        data, pages = _render(printed)
        shown = {s.key: len(s.points) for s in printed.sections}
        longest = max(shown, key=lambda k: shown[k], default=None)
        if pages <= MOST_PAGES or longest is None or shown[longest] <= 1:
            return data, printed
        most[longest] = max(1, shown[longest] * 2 // 3)
        printed = summary.shortened(most)


def story(summary: RepresentativesSummary) -> list[Flowable]:
    st = summary_styles()
    out: list[Flowable] = [
        Paragraph(TITLE, st.title),
        Paragraph(markup(summary.meeting_title), st.meeting),
        Paragraph(markup(summary.when), st.subtitle),
    ]
    if summary.venue.strip():
        out.append(Paragraph(markup(summary.venue), st.subtitle))
    for note in (summary.draft, summary.altered):
        if note:
            out.append(Paragraph(markup(note), st.notice))
    out += [
        HRFlowable(width="100%", thickness=1, color=ACCENT, spaceBefore=4, spaceAfter=6),
        Paragraph(INTRO, st.intro),
    ]
    for section in summary.sections:
        head: list[Flowable] = [Paragraph(markup(section.heading), st.heading)]
        body = [Paragraph(markup(line), st.body) for line in section.lines]
        body += [Paragraph(markup(point), st.point, bulletText="•") for point in section.points]
        if section.more:
            body.append(Paragraph(markup(section.more), st.more))
        # A heading never ends a page alone: it goes with the first thing it introduces.
        out.append(KeepTogether(head + body[:1]))
        out += body[1:]
    return out


def _render(summary: RepresentativesSummary) -> tuple[bytes, int]:
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=PAGE,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=f"{TITLE}: {' '.join(summary.meeting_title.split())}",
        author="MeetingKit",
        subject=f"{TITLE}, {summary.when}",
        creator="MeetingKit",
        lang="en-GB",
        displayDocTitle=1,
        initialFontName=REGULAR,  # reportlab's default (Helvetica) would be left unembedded
    )
    mark = "DRAFT — the meeting is still running: figures so far" if summary.draft else ""

    def decorate(canvas: Any, _doc: Any) -> None:
        _decorate(canvas, summary.when, mark)

    pages = story(summary)
    doc.build(
        pages,
        onFirstPage=decorate,
        onLaterPages=decorate,
        canvasmaker=page_count_canvas(MARGIN_X, 11 * mm, FOOT_SIZE),
    )
    return buf.getvalue(), doc.page


def _decorate(canvas: Any, when: str, mark: str) -> None:
    width, height = PAGE
    left, right = MARGIN_X, width - MARGIN_X
    top = height - 13 * mm
    canvas.saveState()
    canvas.setFont(BOLD, FOOT_SIZE)
    canvas.setFillColor(ACCENT)
    canvas.drawString(left, top, "Summary for representatives")
    canvas.setFont(REGULAR, FOOT_SIZE)
    canvas.setFillColor(MUTED)
    canvas.drawRightString(right, top, when)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(left, top - 5, right, top - 5)
    if mark:
        canvas.setFont(BOLD, 11)
        canvas.setFillColor(ACCENT)
        canvas.drawCentredString(width / 2, top - 18, mark)
    canvas.line(left, 11 * mm + 12, right, 11 * mm + 12)
    canvas.setFont(REGULAR, FOOT_SIZE)
    canvas.drawRightString(right, 11 * mm, "Produced with MeetingKit")
    canvas.restoreState()
