"""The look of the reports: every ParagraphStyle, colour and table style lives here and nowhere else."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from meetingkit.reports.fonts import BOLD, REGULAR, register_fonts

INK = HexColor("#1d2733")
ACCENT = HexColor("#1f3a5f")
MUTED = HexColor("#5b6573")
RULE = HexColor("#cfd6df")
HEADER_FILL = HexColor("#e9eef4")
STRIPE = HexColor("#f6f8fa")
# The app's chart colours (ui/review/review_charts: Paul Tol's blue and purple, told apart under colour
# blindness), each over 4.5:1 on white; the chart marks representatives in words as well.
PUBLIC_VOICE = HexColor("#AA3377")  # chart bars of patient and public representatives
OTHER_VOICE = HexColor("#4477AA")

BODY_SIZE = 9.5
CELL_SIZE = 8.5
CELL_LEADING = 11
CELL_PADDING_X = 4


@dataclass(frozen=True)
class MinutesStyles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    section: ParagraphStyle
    item: ParagraphStyle
    subsection: ParagraphStyle
    body: ParagraphStyle
    entry: ParagraphStyle  # a note, decision or action under an item: indented, splits across pages
    meta: ParagraphStyle  # the grey line under an item heading
    empty: ParagraphStyle  # "None." and other lines that say a part is empty
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    cell_head: ParagraphStyle
    cell_head_right: ParagraphStyle
    cell_muted: ParagraphStyle
    caption: ParagraphStyle


@cache
def minutes_styles() -> MinutesStyles:
    """The styles of the PDF minutes (fonts registered first, since the styles name them)."""
    register_fonts()
    body = ParagraphStyle(
        "body",
        fontName=REGULAR,
        bulletFontName=REGULAR,  # the default bullet font (Helvetica) would be referenced, unembedded
        fontSize=BODY_SIZE,
        leading=13.5,
        textColor=INK,
        spaceAfter=4,
    )
    cell = ParagraphStyle("cell", parent=body, fontSize=CELL_SIZE, leading=CELL_LEADING, spaceAfter=0)
    cell_head = ParagraphStyle("cell_head", parent=cell, fontName=BOLD, textColor=ACCENT)
    return MinutesStyles(
        title=ParagraphStyle(
            "title", parent=body, fontName=BOLD, fontSize=19, leading=24, textColor=ACCENT, spaceAfter=2
        ),
        subtitle=ParagraphStyle(
            "subtitle", parent=body, fontSize=11.5, leading=15, textColor=MUTED, spaceAfter=10
        ),
        section=ParagraphStyle(
            "section",
            parent=body,
            fontName=BOLD,
            fontSize=13.5,
            leading=17,
            textColor=ACCENT,
            spaceBefore=16,
            spaceAfter=6,
            keepWithNext=1,
        ),
        item=ParagraphStyle(
            "item",
            parent=body,
            fontName=BOLD,
            fontSize=10.5,
            leading=14,
            spaceBefore=10,
            spaceAfter=1,
            keepWithNext=1,
        ),
        subsection=ParagraphStyle(
            "subsection",
            parent=body,
            fontName=BOLD,
            fontSize=9.5,
            leading=13,
            textColor=ACCENT,
            spaceBefore=8,
            spaceAfter=3,
            keepWithNext=1,
        ),
        body=body,
        entry=ParagraphStyle("entry", parent=body, leftIndent=12, spaceAfter=3),
        meta=ParagraphStyle(
            "meta", parent=body, fontSize=8.5, leading=11.5, textColor=MUTED, spaceAfter=4, keepWithNext=1
        ),
        empty=ParagraphStyle("empty", parent=body, textColor=MUTED),
        cell=cell,
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        cell_head=cell_head,
        cell_head_right=ParagraphStyle("cell_head_right", parent=cell_head, alignment=TA_RIGHT),
        cell_muted=ParagraphStyle("cell_muted", parent=cell, textColor=MUTED, fontSize=7.5, leading=10),
        caption=ParagraphStyle(
            "caption", parent=body, fontSize=8, leading=10.5, textColor=MUTED, spaceBefore=2, spaceAfter=8
        ),
    )


def grid_style(rows: int, header_fill: Color = HEADER_FILL, right: Iterable[int] = ()) -> TableStyle:
    """A muted table: a tinted header row, thin rules between rows, light stripes, no vertical lines.

    Cells given as plain strings take the look of the cell styles from it (`right`: columns set to the right).
    """
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # tables otherwise open Helvetica, which is not embedded
        ("FONTNAME", (0, 0), (-1, 0), BOLD),
        ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),
        ("LEADING", (0, 0), (-1, -1), CELL_LEADING),
        ("TEXTCOLOR", (0, 0), (-1, 0), ACCENT),
        ("TEXTCOLOR", (0, 1), (-1, -1), INK),
        *(("ALIGN", (c, 0), (c, -1), "RIGHT") for c in sorted(right)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING_X),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("BACKGROUND", (0, 0), (-1, 0), header_fill),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
    ]
    if rows > 2:
        commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [white, STRIPE]))
    return TableStyle(commands)


def facts_style() -> TableStyle:
    """The label/value block under the title: no rules, labels in the accent colour."""
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ]
    )


SUMMARY_BODY_SIZE = 14.0  # the representatives' summary: large type (DESIGN §5)


@dataclass(frozen=True)
class SummaryStyles:
    title: ParagraphStyle
    meeting: ParagraphStyle
    subtitle: ParagraphStyle
    notice: ParagraphStyle  # still running, or changed outside MeetingKit
    intro: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    point: ParagraphStyle
    more: ParagraphStyle


@cache
def summary_styles() -> SummaryStyles:
    """The styles of the summary for representatives: nothing under 14 pt but the page's header and foot."""
    register_fonts()
    body = ParagraphStyle(
        "summary_body",
        fontName=REGULAR,
        bulletFontName=REGULAR,
        bulletFontSize=SUMMARY_BODY_SIZE,
        fontSize=SUMMARY_BODY_SIZE,
        leading=19.5,
        textColor=INK,
        spaceAfter=6,
    )
    return SummaryStyles(
        title=ParagraphStyle(
            "summary_title",
            parent=body,
            fontName=BOLD,
            fontSize=22,
            leading=27,
            textColor=ACCENT,
            spaceAfter=4,
        ),
        meeting=ParagraphStyle(
            "summary_meeting", parent=body, fontName=BOLD, fontSize=16, leading=21, spaceAfter=2
        ),
        subtitle=ParagraphStyle("summary_subtitle", parent=body, textColor=MUTED, spaceAfter=1),
        notice=ParagraphStyle(
            "summary_notice", parent=body, fontName=BOLD, textColor=ACCENT, spaceBefore=6, spaceAfter=2
        ),
        intro=ParagraphStyle("summary_intro", parent=body, spaceAfter=4),
        heading=ParagraphStyle(
            "summary_heading",
            parent=body,
            fontName=BOLD,
            fontSize=17,
            leading=22,
            textColor=ACCENT,
            spaceBefore=12,
            spaceAfter=5,
            keepWithNext=1,
        ),
        body=body,
        point=ParagraphStyle("summary_point", parent=body, leftIndent=18, bulletIndent=4, spaceAfter=4),
        more=ParagraphStyle("summary_more", parent=body, textColor=MUTED, leftIndent=18),
    )
