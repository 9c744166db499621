"""Small meeting records for the participation review tests: written here, imported with store.import_record."""

from __future__ import annotations

import copy
from typing import Any

SERIES = "Stroke board"

PEOPLE: list[dict[str, Any]] = [
    {
        "key": "ch",
        "name": "Ann Chair",
        "organisation": "Hospital Trust",
        "sector": "acute care",
        "role": "chair",
    },
    {
        "key": "se",
        "name": "Sam Secretary",
        "organisation": "Partners",
        "sector": "research",
        "role": "secretary",
    },
    {
        "key": "pr",
        "name": "Pat Rep",
        "organisation": "Survivors' group",
        "sector": "patients and public",
        "role": "patient_rep",
        "patient_rep": True,
    },
    {
        "key": "m1",
        "name": "Mo Member",
        "organisation": "Practice",
        "sector": "primary care",
        "role": "member",
    },
    {"key": "m2", "name": "Meg Member", "organisation": "Council", "sector": "social care", "role": "member"},
    {
        "key": "ap",
        "name": "Al Away",
        "organisation": "Care Board",
        "sector": "commissioning",
        "role": "member",
        "attendance": "apologies",
    },
]

# Cumulative ends 10, 30, 50, 60 min: half of 60 is 30, so the break is planned after "Budget".
AGENDA: list[dict[str, Any]] = [
    {"key": "i1", "title": "Welcome", "minutes": 10},
    {"key": "i2", "title": "Budget", "minutes": 20},
    {"key": "i3", "title": "Plans", "minutes": 20},
    {"key": "i4", "title": "Next steps", "minutes": 10, "kind": "next_steps"},
]


def record(
    events: list[dict[str, Any]],
    title: str = "Stroke partnership board",
    start: str = "2026-06-12T10:00:00+01:00",
    series: str = SERIES,
    **settings: Any,
) -> dict[str, Any]:
    return {
        "meetingkit_record": 1,
        "meeting": {"title": title, "series": series, "scheduled_start": start, **settings},
        "people": copy.deepcopy(PEOPLE),
        "agenda": copy.deepcopy(AGENDA),
        "events": events,
    }


def silent_rep(start: str = "2026-06-12T10:00:00+01:00") -> dict[str, Any]:
    """The representative is there all meeting and never speaks; the break is skipped; 8 min under."""
    return record(
        [
            {"t": "0:00", "do": "start_meeting"},
            {"t": "0:10", "do": "speak", "who": "ch"},
            {"t": "3:10", "do": "speak", "who": "m1"},
            {"t": "9:00", "do": "next_item"},
            {"t": "9:30", "do": "speak", "who": "m2"},
            {"t": "20:00", "do": "speak", "who": "ch"},
            {"t": "29:00", "do": "skip_break", "reason": "Room booked until 11"},
            {"t": "30:00", "do": "next_item"},
            {"t": "30:30", "do": "speak", "who": "m1"},
            {"t": "50:00", "do": "next_item"},
            {"t": "50:10", "do": "speak", "who": "se"},
            {"t": "1:02:00", "do": "end_meeting"},
        ],
        title="Board without the patient voice",
        start=start,
    )


def with_interjections(start: str = "2026-07-10T10:00:00+01:00") -> dict[str, Any]:
    """Interjections both ways, the feedback break held with the rep speaking, feedback made an action."""
    return record(
        [
            {"t": "0:00", "do": "start_meeting"},
            {"t": "0:05", "do": "speak", "who": "ch"},
            {"t": "2:00", "do": "interject", "who": "pr"},
            {"t": "2:40", "do": "stop_speaking"},
            {"t": "4:00", "do": "speak", "who": "m1"},
            {"t": "9:30", "do": "next_item"},
            {"t": "10:00", "do": "speak", "who": "pr"},
            {"t": "13:00", "do": "interject", "who": "m2"},
            {"t": "13:30", "do": "stop_speaking"},
            {"t": "15:00", "do": "speak", "who": "m1"},
            {"t": "19:00", "do": "interject", "who": "ch"},
            {"t": "19:20", "do": "stop_speaking"},
            {"t": "29:00", "do": "next_item"},
            {"t": "29:10", "do": "speak", "who": "pr"},
            {"t": "33:00", "do": "feedback", "who": "pr", "text": "Transport to clinics is the barrier"},
            {"t": "33:30", "do": "action", "text": "Review clinic transport", "owner": "m2", "feedback": 0},
            {"t": "34:00", "do": "speak", "who": "m2"},
            {"t": "38:00", "do": "end_break"},
            {"t": "38:10", "do": "speak", "who": "se"},
            {"t": "55:00", "do": "next_item"},
            {"t": "55:10", "do": "speak", "who": "ch"},
            {"t": "1:06:00", "do": "end_meeting"},
        ],
        title="Board with interjections",
        start=start,
        patient_voice_target=0.25,
        expected_sectors=[
            "acute care",
            "primary care",
            "social care",
            "patients and public",
            "mental health",
        ],
    )
