"""The PDF minutes of a meeting (DESIGN §5): attendance, agenda, items, the feedback break, actions, figures."""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer

from meetingkit.models.meeting import Action, Feedback
from meetingkit.models.redaction import PeopleNames
from meetingkit.models.session import LiveMeeting
from meetingkit.models.summary import MeetingSummary
from meetingkit.reports.fonts import BOLD, REGULAR
from meetingkit.reports.minutes_actions import action_sections
from meetingkit.reports.minutes_figures import participation_section, timing_section
from meetingkit.reports.minutes_meeting import meeting_sections
from meetingkit.reports.minutes_story import MinutesContext
from meetingkit.reports.report_text import long_date, one_line
from meetingkit.reports.styles import ACCENT, MUTED, RULE, minutes_styles

PAGE = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 20 * mm
CONTENT_WIDTH = PAGE[0] - 2 * MARGIN_X
FOOTER_Y = 11 * mm
FOOTER_SIZE = 7.5
ROOM_FOR_A_START = 60.0  # points: about four lines of text, or a table header and its first row


def write_minutes(
    out: str | Path | BinaryIO,
    live: LiveMeeting,
    *,
    meeting_id: int | None = None,
    prior_actions: Sequence[Action] = (),
    since: float | None = None,
    redacted: bool = False,
    participation: bool = True,
    prior_feedback: Sequence[Feedback] = (),
) -> None:
    """Write the minutes of `live` as a PDF to a path (replaced only once complete) or a binary stream.

    prior_actions: the series' actions agreed at earlier meetings, each with all its updates.
    since: when the previous meeting of the series took place (epoch seconds); earlier updates are left out
    of the record of actions taken (None: all of them).
    prior_feedback: feedback given at earlier meetings of the series; an entry whose `action` is the key of
    one of `prior_actions` is quoted under "You said, we did".
    redacted: people as initials and role, and their names scrubbed from all text and the file's metadata.
    """
    summary = MeetingSummary.of(live, meeting_id)
    names = PeopleNames(live.meeting.people, redacted)
    ctx = MinutesContext(
        live=live,
        summary=summary,
        names=names,
        styles=minutes_styles(),
        width=CONTENT_WIDTH,
        prior_actions=list(prior_actions),
        prior_feedback=list(prior_feedback),
        since=since,
        meeting_id=meeting_id,
    )
    story: list[Flowable] = []
    story += _heading(ctx)
    story += meeting_sections(ctx)
    story += action_sections(ctx)
    if participation:
        story += participation_section(ctx)
    story += timing_section(ctx)
    data = _render(story, ctx)
    if isinstance(out, str | Path):
        _replace_file(Path(out), data)
    else:
        out.write(data)


# ---- the heading ------------------------------------------------------------------------------------------


def _heading(ctx: MinutesContext) -> list[Flowable]:
    st = ctx.styles
    m = ctx.live.meeting
    rows = []
    if m.series.strip():
        rows.append(("Series", ctx.say(m.series)))
    rows.append(("Date", long_date(m.scheduled_start)))
    rows.append(("Time", ctx.meeting_hours()))
    rows.append(("Venue", ctx.say(m.venue) if m.venue.strip() else "Not recorded"))
    if ctx.names.redacted:
        rows.append(("Edition", "Redacted: people are shown by their initials and role."))
    facts = ctx.facts(rows)
    return [
        Paragraph(ctx.say(m.title), st.title),
        Paragraph("Minutes of the meeting", st.subtitle),
        facts,
        Spacer(1, 6),
        HRFlowable(width="100%", thickness=0.8, color=ACCENT, spaceBefore=2, spaceAfter=2),
    ]


# ---- the document -----------------------------------------------------------------------------------------


class _KeepWithNext(KeepTogether):
    """Keeps a heading with the start of what follows it, as a word processor does.

    ReportLab's own grouping moves the heading and the whole of the next block to a new page whenever the block
    does not fit, which leaves most of a page blank before a long note or table. Here the block starts under
    its heading if a few lines of it fit; only otherwise does the group go to the next page.
    """

    def split(self, aW: float, aH: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        lead = self._content[:-1]
        lead_h = sum(f.wrap(aW, aH)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in lead)
        if aH >= lead_h + ROOM_FOR_A_START:
            return list(self._content)
        return super().split(aW, aH)


class _MinutesDocument(SimpleDocTemplate):
    """Adds each numbered section to the PDF's outline, so that a reader can jump to it."""

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Paragraph) and flowable.style.name == "section":
            key = f"section{self.seq.nextf('outline')}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.getPlainText(), key, level=0)


class _MinutesCanvas(Canvas):
    """Holds each finished page back until the end, when the page count is known for "Page N of M"."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.saveState()
            self.setFont(REGULAR, FOOTER_SIZE)
            self.setFillColor(MUTED)
            self.drawString(MARGIN_X, FOOTER_Y, f"Page {self._pageNumber} of {total}")
            self.restoreState()
            super().showPage()
        super().save()


def _render(story: list[Flowable], ctx: MinutesContext) -> bytes:
    m = ctx.live.meeting
    title = one_line(ctx.names.text(m.title))
    series = one_line(ctx.names.text(m.series))
    when = long_date(m.scheduled_start)
    buf = io.BytesIO()
    doc = _MinutesDocument(
        buf,
        pagesize=PAGE,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=f"Minutes: {title}",
        author="MeetingKit",
        subject=f"Minutes of {series or title}, {when}"
        + (" (redacted edition)" if ctx.names.redacted else ""),
        creator="MeetingKit",
        lang="en-GB",
        displayDocTitle=1,
        keepTogetherClass=_KeepWithNext,
        # Every page starts in the embedded font: reportlab's default (Helvetica) would be left unembedded.
        initialFontName=REGULAR,
    )
    edition = "Redacted edition" if ctx.names.redacted else "Minutes"
    header_right = f"{edition} · {when}"

    def decorate(canvas: Any, doc: Any) -> None:
        _decorate_page(canvas, title, header_right)

    doc.build(story, onFirstPage=decorate, onLaterPages=decorate, canvasmaker=_MinutesCanvas)
    return buf.getvalue()


def _decorate_page(canvas: Any, title: str, header_right: str) -> None:
    """The meeting title at the top of every page, rules, and the foot (the canvas adds 'Page N of M')."""
    width, height = PAGE
    left, right = MARGIN_X, width - MARGIN_X
    top = height - 13 * mm
    canvas.saveState()
    canvas.setFont(REGULAR, FOOTER_SIZE)
    canvas.setFillColor(MUTED)
    canvas.drawRightString(right, top, header_right)
    room = right - left - stringWidth(header_right, REGULAR, FOOTER_SIZE) - 12
    canvas.setFont(BOLD, FOOTER_SIZE + 0.5)
    canvas.setFillColor(ACCENT)
    canvas.drawString(left, top, _fit(title, BOLD, FOOTER_SIZE + 0.5, room))
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(left, top - 5, right, top - 5)
    foot = FOOTER_Y
    canvas.line(left, foot + 9, right, foot + 9)
    canvas.setFont(REGULAR, FOOTER_SIZE)
    canvas.setFillColor(MUTED)
    canvas.drawRightString(right, foot, "Produced with MeetingKit")
    canvas.restoreState()


def _fit(text: str, font: str, size: float, room: float) -> str:
    """Shorten `text` with an ellipsis until it fits `room` points."""
    if stringWidth(text, font, size) <= room:
        return text
    lo, hi = 0, len(text)
    while lo < hi:  # the longest prefix that fits with the ellipsis
        mid = (lo + hi + 1) // 2
        if stringWidth(text[:mid].rstrip() + "…", font, size) <= room:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…"


def _replace_file(path: Path, data: bytes) -> None:
    """Write next to the target and rename, so a failed run never leaves half a PDF behind."""
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
