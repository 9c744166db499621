"""Table cells for reportlab: plain strings, broken into the lines a Paragraph would give, wherever the text
needs no markup — a Table measures and draws a string for a fraction of a Paragraph's cost — and Paragraphs
that lay their lines out once."""

from __future__ import annotations

import re
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph


class CachedParagraph(Paragraph):
    """A Paragraph that lays its lines out once per width.

    A Table wraps every cell when it measures its rows and again when it draws them (and again after each
    split), and the keep-together rules wrap a heading and what follows it each time they try a page: breaking
    the same lines over and over was most of the time a long set of minutes took.
    """

    _wrapped_for: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._wrapped_for == availWidth and "blPara" in self.__dict__:
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped_for = availWidth
        return size


# Markup that is plain text: no tag but line breaks, no entity but the three that escaping makes.
_MARKUP = re.compile(r"<(?!br/>)|&(?!amp;|lt;|gt;)|\xad")
_ENTITIES = re.compile(r"&(amp|lt|gt);")
_UNESCAPED = {"amp": "&", "lt": "<", "gt": ">"}


class TextCell(str):
    """A table cell's lines as a plain string, with the markup and the style it was made from."""

    markup: str
    style: ParagraphStyle


def text_cell(text: str, style: ParagraphStyle, room: float) -> TextCell | Paragraph:
    """A table cell: plain text laid out in lines exactly as a Paragraph of `style` would break them in `room`
    points, drawn by the table itself; a CachedParagraph where the text has markup, or a word too long for a line
    (which a Paragraph splits), or spacing a Paragraph would change."""
    if not text or _MARKUP.search(text):
        return CachedParagraph(text, style)
    lines: list[str] = []
    for part in text.split("<br/>"):
        if "&" in part:
            part = _ENTITIES.sub(lambda m: _UNESCAPED[m[1]], part)
        broken = break_lines(part, style, room)
        if broken is None:
            return CachedParagraph(text, style)
        lines += broken
    cell = TextCell("\n".join(lines))
    cell.markup, cell.style = text, style
    return cell


def as_paragraph(value: Any) -> Any:
    """A string cell as the CachedParagraph it stands for, other cells as they are."""
    return (CachedParagraph(value.markup, value.style),) if isinstance(value, TextCell) else value


def break_lines(text: str, style: ParagraphStyle, room: float) -> list[str] | None:
    """Paragraph.breakLines for one run of plain text in one font (reportlab 4–5: greedy, a line may exceed the
    room by its spaces' shrinkage); None where it would do more (split a long word, collapse spacing)."""
    words = text.split(" ")
    if not text or " ".join(text.split()) != text:
        return None
    font, size = style.fontName, style.fontSize
    if stringWidth(text, font, size) <= room:
        return [text]  # most cells: one line, measured once
    space = stringWidth(" ", font, size)
    shrink = style.spaceShrinkage * space
    lines: list[str] = []
    line: list[str] = []
    width = -space
    for word in words:
        word_width = stringWidth(word, font, size)
        if word_width > room:
            return None
        wider = width + space + word_width
        if line and wider > room + shrink * len(line):
            lines.append(" ".join(line))
            line, width = [word], word_width
        else:
            line.append(word)
            width = wider
    if line:
        lines.append(" ".join(line))
    return lines
