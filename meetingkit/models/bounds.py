"""The bounds of DESIGN §6, in one place: the record reader, the meeting's own checks and the editor's fields
all take their limits from here, so a value one accepts the others accept too."""

from __future__ import annotations

import math
import re
from datetime import datetime

ITEM_MINUTES = (1, 600)
BREAK_MINUTES = (1, 120)
SPEAKER_LIMIT_S = (0, 3600)
WARN_S = (0, 600)
EXTEND_S = (1, 3600)
MAX_OFFSET_S = 7 * 24 * 3600  # an event's `t`, either side of the scheduled start
NAME_CHARS = 200  # a name, title, organisation, sector, venue, series or key
TEXT_CHARS = 20_000  # a note, decision, action, feedback, reason or update note
MAX_PEOPLE = 1000
MAX_ITEMS = 500
MAX_EVENTS = 200_000
MAX_DEPTH = 20  # JSON nesting
YEARS = (1970, 2999)  # of a scheduled start: far enough either way, and every date + 7 days still a date
# Not in §6 by number, but implied by "minutes of any meeting within the bounds finish": the free text of one
# record together (notes, decisions, actions, feedback, reasons), and the size of a record file (checked
# before it is read).
TOTAL_TEXT_CHARS = 2_000_000
MAX_RECORD_BYTES = 48 * 1024 * 1024

# Control characters (C0, DEL, C1) and lone surrogates; tab and line breaks are the only controls text may hold.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_CONTROL_BUT_BREAKS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def text_fault(value: str, limit: int = NAME_CHARS, one_line: bool = False) -> str | None:
    """What is wrong with a piece of text, in words (None: nothing). Text may hold tabs and line breaks
    (DESIGN §6) unless `one_line` (an editor's name or title field), and no other control character."""
    if len(value) > limit:
        return f"is {len(value):,} characters long; at most {limit:,}"
    bad = (_CONTROL if one_line else _CONTROL_BUT_BREAKS).search(value)
    if bad:
        ch = bad.group(0)
        if 0xD800 <= ord(ch) <= 0xDFFF:
            return "is not valid Unicode (it holds a lone surrogate)"
        return f"holds a control character (U+{ord(ch):04X})"
    return None


def number_fault(value: object, bounds: tuple[float, float], whole: bool = False) -> str | None:
    lo, hi = bounds
    unit = "a whole number" if whole else "a number"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"must be {unit} from {lo:g} to {hi:g}"
    if isinstance(value, float) and not math.isfinite(value):
        return f"must be {unit} from {lo:g} to {hi:g} (not {value})"
    if whole and not isinstance(value, int):
        return f"must be {unit} from {lo:g} to {hi:g}"
    if not lo <= value <= hi:
        shown = f"{value:g}" if abs(value) < 1e15 else "a number that large"
        return f"must be {unit} from {lo:g} to {hi:g} (not {shown})"
    return None


def start_fault(start: datetime) -> str | None:
    lo, hi = YEARS
    if not lo <= start.year <= hi:
        return f"must be in a year from {lo} to {hi} (not {start.year})"
    return None
