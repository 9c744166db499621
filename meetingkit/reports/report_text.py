"""How reports write things down: user text made safe for Paragraph markup, clock times, durations, shares."""

from __future__ import annotations

import re
from datetime import date, datetime, tzinfo
from xml.sax.saxutils import escape

from meetingkit.models.review_text import minutes_text, percent
from meetingkit.models.session import from_epoch
from meetingkit.reports.fonts import FALLBACK, KOREAN, fallback_runs, missing_from_main

# Control characters other than newline and tab have no glyph; they would print as boxes.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidi embeddings, overrides (closed by U+202C) and isolates (closed by U+2069).
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_BIDI_CLOSER = {
    **dict.fromkeys("\u202a\u202b\u202d\u202e", "\u202c"),
    **dict.fromkeys("\u2066\u2067\u2068", "\u2069"),
}


def paired_bidi(text: str) -> str:
    """`text` without the bidi controls that are not closed on their own line (nor closers without an opening):
    a lone right-to-left override (U+202E) in a name would otherwise reverse the rest of the minutes' line
    after it. Paired controls, as right-to-left text may use them, stay."""
    if not _BIDI.search(text):
        return text
    out: list[str] = []
    for line in text.split("\n"):
        chars = list(line)
        open_at: list[int] = []  # where the controls still open on this line stand
        for i, ch in enumerate(chars):
            if ch in _BIDI_CLOSER:
                open_at.append(i)
            elif ch in ("\u202c", "\u2069"):
                if open_at and _BIDI_CLOSER[chars[open_at[-1]]] == ch:
                    open_at.pop()
                else:
                    chars[i] = ""  # closes nothing
        for i in open_at:
            chars[i] = ""  # never closed
        out.append("".join(chars))
    return "\n".join(out)


def markup(text: str) -> str:
    """User text as Paragraph markup that prints exactly as typed: `<`, `&` and tags are escaped, lines kept,
    and runs of characters DejaVu Sans lacks set in a fallback font that has them (Chinese and Japanese in
    Droid Sans Fallback, Korean in Nanum Gothic); plain ASCII text is returned after one check.

    Every user string reaches reportlab through here. The editions for Word and HTML, which leave fonts to the
    reader, drop the fallback's spans (`without_font_runs`)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = paired_bidi(_CONTROL.sub(" ", text))
    text = escape(text).replace("\n", "<br/>")
    if text.isascii():
        return text  # DejaVu Sans has every printable ASCII character
    runs = missing_from_main()
    return runs.sub(_fallback_run, text) if runs.search(text) else text


def _fallback_run(m: re.Match[str]) -> str:
    """A run of characters DejaVu Sans lacks, in spans of the fallback fonts that have them."""
    return "".join(f'<span face="{font}">{piece}</span>' for font, piece in fallback_runs(m[0]))


_FALLBACK_TAGS = re.compile(f'<span face="(?:{FALLBACK}|{KOREAN})">|</span>')


def without_font_runs(markup_text: str) -> str:
    """Block markup without the fallback fonts' spans (only `markup` makes spans)."""
    return _FALLBACK_TAGS.sub("", markup_text) if "<span" in markup_text else markup_text


def one_line(text: str, limit: int | None = None) -> str:
    """Plain text for a page header or a chart label: one line, shortened with an ellipsis past `limit`."""
    flat = " ".join(_CONTROL.sub(" ", text).split())
    if limit is not None and len(flat) > limit:
        return flat[: max(1, limit - 1)].rstrip() + "…"
    return flat


def clock_time(epoch: float, tz: tzinfo | None) -> str:
    """HH:MM in the meeting's own time zone (that of its scheduled start), to the nearest minute — rounded as
    durations are (models.review_text.round_minutes), so '10:53–11:01, 8 min' agree for a 7:36 break."""
    return f"{from_epoch(epoch + 30.0).astimezone(tz):%H:%M}"


def long_date(when: datetime | date) -> str:
    """'Tuesday 6 October 2026'."""
    return f"{when:%A} {when.day} {when:%B %Y}"


def short_date(when: datetime | date) -> str:
    """'6 Oct 2026'."""
    return f"{when.day} {when:%b %Y}"


def duration(seconds: float) -> str:
    """A stretch of meeting time to the minute (models.review_text.minutes_text, as the app says it)."""
    return minutes_text(seconds)


def share(fraction: float) -> str:
    """A share of 0..1 as a percentage (models.review_text.percent, as the app says it): '18.4%', '2.1%'."""
    return percent(fraction)


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"
