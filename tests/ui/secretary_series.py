"""Meetings of one series for the secretary's tests: people, an agenda with a break slot, and a review meeting."""

from __future__ import annotations

from datetime import UTC, datetime

from meetingkit.models.meeting import AgendaItem, Attendee, Meeting

SERIES = "Stroke HIT"
FIRST_START = datetime(2026, 6, 12, 9, 0, tzinfo=UTC)
SECOND_START = datetime(2026, 7, 10, 9, 0, tzinfo=UTC)


def people() -> list[Attendee]:
    return [
        Attendee("ch", "Dr Rachel Hughes", "Stroke HIT", "acute care", "chair"),
        Attendee("se", "Ben Carter", "Health Partners office", "research", "secretary"),
        Attendee(
            "p1", "Eileen Foster", "Stroke survivors' group", "patients and public", "patient_rep", True
        ),
        Attendee("m2", "Claire Dunne", "Community Rehab Service", "community care", "member"),
        Attendee(
            "m5", "Tariq Aziz", "Integrated Care Board", "commissioning", "member", attendance="apologies"
        ),
    ]


def first_meeting() -> Meeting:
    """Two items: the feedback break is planned after the first."""
    return Meeting(
        title="Stroke HIT steering group (June)",
        scheduled_start=FIRST_START,
        series=SERIES,
        venue="Council House",
        people=people(),
        agenda=[
            AgendaItem("i1", "Early supported discharge", 20, "m2"),
            AgendaItem("i2", "Thrombectomy access", 20, "ch"),
        ],
    )


def second_meeting() -> Meeting:
    """Opens with the review of the series' open actions."""
    return Meeting(
        title="Stroke HIT steering group (July)",
        scheduled_start=SECOND_START,
        series=SERIES,
        venue="Council House",
        people=people(),
        agenda=[
            AgendaItem("r1", "Review of actions", 10, "se", kind="actions_review"),
            AgendaItem("r2", "Any other business", 10, "ch", kind="aob"),
        ],
    )
