"""Meeting records with a "Were you heard?" pulse (DESIGN §11), for the tests of the displays that show it."""

from __future__ import annotations

import copy
from typing import Any

from tests.review_records import with_interjections

Count = tuple[str, str, int, int, int]  # question, group, yes, partly, no

# Representatives: 4 answered both questions (shown); everyone else: 2 answered (too few to show).
SHOWN_AND_TOO_FEW: list[Count] = [
    ("chance", "patient_public", 3, 1, 0),
    ("chance", "others", 1, 1, 0),
    ("listened", "patient_public", 3, 0, 1),
    ("listened", "others", 2, 0, 0),
]
# Representatives: 2 answered (too few, everywhere); everyone else: exactly 3 (shown).
REPS_TOO_FEW: list[Count] = [
    ("chance", "patient_public", 1, 1, 0),
    ("chance", "others", 2, 1, 0),
    ("listened", "patient_public", 1, 0, 1),
    ("listened", "others", 1, 1, 1),
]


def with_pulse(data: dict[str, Any], *pulses: list[Count], t: str = "1:10:00") -> dict[str, Any]:
    """`data` with each pulse's counts appended as `pulse` events (a later pulse one minute after the one before,
    so that it replaces it), after the meeting's end as the chair closes it."""
    out = copy.deepcopy(data)
    h, m, s = (int(x) for x in t.split(":"))
    at = h * 3600 + m * 60 + s
    for n, pulse in enumerate(pulses):
        when = at + 60 * n
        for q, g, yes, partly, no in pulse:
            out["events"].append(
                {
                    "t": f"{when // 3600}:{when % 3600 // 60:02d}:{when % 60:02d}",
                    "do": "pulse",
                    "question": q,
                    "group": g,
                    "yes": yes,
                    "partly": partly,
                    "no": no,
                }
            )
    return out


def board_with_pulse(*pulses: list[Count], **kw: Any) -> dict[str, Any]:
    """The review tests' board with interjections (representatives spoke for 9.2% of the main discussion)."""
    return with_pulse(with_interjections(**kw), *pulses)
