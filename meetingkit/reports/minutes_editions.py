"""The three editions of the minutes (DESIGN §5), chosen by the file's ending: PDF, Word and HTML, each laid out
from the same blocks (minutes_document.build_minutes), so they say the same sections in the same order."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from meetingkit.reports.minutes_blocks import MinutesDoc

ENDINGS = (".pdf", ".docx", ".html")


def renderer(path: str | Path) -> Callable[[MinutesDoc], bytes]:
    """The edition a file name asks for; a ValueError naming the endings for any other."""
    ending = Path(path).suffix.lower()
    if ending in (".pdf", ""):  # no ending: the PDF, as before there were three editions
        from meetingkit.reports.minutes_pdf import render_pdf

        return render_pdf
    if ending == ".docx":
        from meetingkit.reports.minutes_docx import render_docx

        return render_docx
    if ending in (".html", ".htm"):
        from meetingkit.reports.minutes_html import render_html

        return render_html
    raise ValueError(
        f"{path}: the minutes are written as .pdf, .docx or .html (the edition follows the ending)"
    )


def render_edition(path: str | Path, doc: MinutesDoc) -> bytes:
    return renderer(path)(doc)
