"""The fonts every report embeds: DejaVu Sans from meetingkit/resources/fonts, so that any name or note renders."""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from meetingkit.resources import fonts_dir

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
FAMILY = "DejaVuSans"

_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}


def register_fonts() -> None:
    """Register DejaVu Sans regular and bold with ReportLab (once per process); they are embedded as subsets."""
    registered = pdfmetrics.getRegisteredFontNames()
    if REGULAR in registered and BOLD in registered:
        return
    folder = fonts_dir()
    for name, filename in _FILES.items():
        path = folder / filename
        if not path.is_file():
            raise FileNotFoundError(f"The report font {filename} is missing from {folder}")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    # There is no italic file: <i> falls back to the upright face rather than failing.
    pdfmetrics.registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
    # Charts start drawing in reportlab's default font (Helvetica), which would be referenced but not embedded.
    from reportlab.graphics import shapes

    shapes.STATE_DEFAULTS["fontName"] = REGULAR
