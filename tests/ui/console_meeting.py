"""A small partnership board for the console tests: stored, opened live on a fake clock, bridged."""

from __future__ import annotations

from datetime import timedelta, timezone

from meetingkit.clock import FakeClock
from meetingkit.models.meeting import AgendaItem, Attendee, BreakSettings, Meeting
from meetingkit.store.repository import Store
from meetingkit.ui.common.live_bridge import LiveBridge

BST = timezone(timedelta(hours=1))

PEOPLE = [
    Attendee("ch", "Dr Rachel Hughes", "Stroke Health Integration Team", "acute care", "chair"),
    Attendee("se", "Ben Carter", "Health Partners office", "research", "secretary"),
    Attendee("p1", "Eileen Foster", "Stroke survivors' group", "patients and public", "patient_rep", True),
    Attendee("p2", "Graham Lee", "Carers' network", "patients and public", "patient_rep", True),
    Attendee("m1", "Dr Anil Kapoor", "Hospital Trust", "acute care", "member"),
    Attendee("m2", "Claire Dunne", "Community Rehab Service", "community care", "member"),
    Attendee("m3", "Steve Marsh", "City Council", "social care", "member"),
    Attendee("m4", "Dr Lucy Webb", "University", "research", "member"),
    Attendee("m5", "Tariq Aziz", "Integrated Care Board", "commissioning", "member", attendance="apologies"),
]

# Cumulative ends 5, 15, 35, 50, 65, 75 min: half of 75 is 37.5, so the break is planned after i3.
AGENDA = [
    AgendaItem("i1", "Welcome and apologies", 5, presenter="ch"),
    AgendaItem("i2", "Review of actions", 10, presenter="se", kind="actions_review"),
    AgendaItem("i3", "Early supported discharge: six-month results", 20, presenter="m2"),
    AgendaItem("i4", "Thrombectomy access", 15, presenter="m1", speaker_limit_s=120),
    AgendaItem("i5", "Life after stroke research bid", 15, presenter="m4"),
    AgendaItem("i6", "Next steps", 10, presenter="ch", kind="next_steps"),
]


def board(clock: FakeClock) -> Meeting:
    return Meeting(
        title="Stroke HIT steering group",
        series="Stroke HIT",
        scheduled_start=clock.now_utc().astimezone(BST),
        venue="Council House, Room 2",
        speaker_limit_s=180,
        warn_s=30,
        brk=BreakSettings(True, 0.5, 10),
        people=[Attendee(**vars(p)) for p in PEOPLE],
        agenda=[AgendaItem(**vars(a)) for a in AGENDA],
    )


def open_board(store: Store, clock: FakeClock) -> tuple[int, LiveBridge]:
    mid = store.create_meeting(board(clock))
    session = store.open_live(mid, clock)
    return mid, LiveBridge(session)


def drive_to(bridge: LiveBridge, clock: FakeClock, state: str) -> None:
    """Run the board from the start into one of the timer states the console and display show."""
    c = bridge.command
    c("start_meeting")
    for who, seconds in (("ch", 40), ("p1", 95), ("m1", 130)):
        c("speak", who=who)
        clock.advance(seconds)
    c("next_item")
    if state == "break":
        c("next_item")
        clock.advance(14 * 60)
        c("start_break")
        c("speak", who="p2")
        clock.advance(150)
        c("stop_speaking")
        clock.advance(20)
        return
    c("queue", who="p2")
    c("queue", who="m3")
    if state == "idle":
        c("stop_speaking")
        return
    c("speak", who="m2")
    clock.advance({"speaking": 64, "wrap_up": 158, "over": 207, "paused": 71}[state])
    if state == "paused":
        c("pause")
        clock.advance(30)


__all__ = ["board", "drive_to", "open_board"]
