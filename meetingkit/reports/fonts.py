"""The fonts every report embeds, from meetingkit/resources/fonts: DejaVu Sans, and for the characters it lacks
Droid Sans Fallback (Chinese, Japanese) and Nanum Gothic (Korean), so that any name or note renders."""

from __future__ import annotations

import re
from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from meetingkit.resources import fonts_dir

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
FAMILY = "DejaVuSans"
FALLBACK = "DroidSansFallback"  # Chinese and Japanese; one weight: bold text in it stays regular
KOREAN = "NanumGothic"  # Hangul, which Droid Sans Fallback lacks

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    FALLBACK: "DroidSansFallbackFull.ttf",
    KOREAN: "NanumGothic.ttf",
}
# Hangul jamo, compatibility jamo, jamo extended A and B, syllables
HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7ff]+")


def register_fonts() -> None:
    """Register DejaVu Sans regular and bold with ReportLab (once per process); they are embedded as subsets."""
    registered = pdfmetrics.getRegisteredFontNames()
    if REGULAR in registered and BOLD in registered:
        return
    for name in (REGULAR, BOLD):
        pdfmetrics.registerFont(TTFont(name, _path(name)))
    # There is no italic file: <i> falls back to the upright face rather than failing.
    pdfmetrics.registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
    # Charts start drawing in reportlab's default font (Helvetica), which would be referenced but not embedded.
    from reportlab.graphics import shapes

    shapes.STATE_DEFAULTS["fontName"] = REGULAR


def register_fallback(name: str) -> None:
    """Register a fallback font (4 MB to read, so only once some text needs it); embedded only where used."""
    if name in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont(name, _path(name)))
    pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)


def _path(name: str) -> str:
    path = fonts_dir() / _FILES[name]
    if not path.is_file():
        raise FileNotFoundError(f"The report font {_FILES[name]} is missing from {fonts_dir()}")
    return str(path)


@cache
def missing_from_main() -> re.Pattern[str]:
    """Runs of characters that DejaVu Sans (regular or bold) has no glyph for: one character class built once
    from the fonts' character maps, so that finding none in a line of Latin text is a single scan."""
    register_fonts()
    covered = sorted(set(range(128)) | (set(_cmap(REGULAR)) & set(_cmap(BOLD))))
    ranges: list[str] = []
    start = prev = covered[0]
    for code in covered[1:]:
        if code != prev + 1:
            ranges.append(_range(start, prev))
            start = code
        prev = code
    ranges.append(_range(start, prev))
    return re.compile("[^" + "".join(ranges) + "]+")


def fallback_runs(text: str) -> list[tuple[str, str]]:
    """Characters DejaVu Sans lacks, cut into runs of the fallback that has them: Hangul in Nanum Gothic, the
    rest (Chinese, Japanese) in Droid Sans Fallback; each font registered when first needed."""
    out: list[tuple[str, str]] = []
    at = 0
    for k in HANGUL.finditer(text):
        out += [(FALLBACK, text[at : k.start()]), (KOREAN, k[0])]
        at = k.end()
    out.append((FALLBACK, text[at:]))
    out = [(font, piece) for font, piece in out if piece]
    for font in {font for font, _ in out}:
        register_fallback(font)
    return out


def font_runs(text: str, font: str) -> list[tuple[str, str]]:
    """Plain text (a page header, a chart label) cut into runs, each with a font that has its glyphs: `font`,
    a DejaVu face, or a fallback."""
    if text.isascii():
        return [(font, text)]
    out: list[tuple[str, str]] = []
    at = 0
    for m in missing_from_main().finditer(text):
        if m.start() > at:
            out.append((font, text[at : m.start()]))
        out += fallback_runs(m[0])
        at = m.end()
    if at < len(text):
        out.append((font, text[at:]))
    return out


def text_width(text: str, font: str, size: float) -> float:
    """How wide `text` is set in `font` with the fallbacks where it needs them."""
    return sum(pdfmetrics.stringWidth(piece, f, size) for f, piece in font_runs(text, font))


def _cmap(name: str) -> dict[int, int]:
    return pdfmetrics.getFont(name).face.charToGlyph  # type: ignore[attr-defined, no-any-return]


def _range(start: int, end: int) -> str:
    first = re.escape(chr(start))
    return first if end == start else f"{first}-{re.escape(chr(end))}"
