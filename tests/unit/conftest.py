"""Fixtures for the domain engine tests: a small partnership board, a live meeting on a fake clock, and
a way to check that a refused command changes nothing."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from meetingkit.clock import FakeClock
from meetingkit.models.meeting import AgendaItem, Attendee, BreakSettings, DomainError, Meeting
from meetingkit.models.session import LiveMeeting
from meetingkit.models.summary import MeetingSummary

# The shared examples sit beside the checkout; CI has the copy in tests/data.
_SHARED = Path(__file__).resolve().parents[3] / "shared" / "examples"
EXAMPLES = _SHARED if _SHARED.is_dir() else Path(__file__).resolve().parents[1] / "data"

PEOPLE = [
    Attendee("ch", "Ann Chair", "Hospital Trust", "acute care", "chair"),
    Attendee("se", "Sam Secretary", "Partners office", "research", "secretary"),
    Attendee("pr", "Pat Rep", "Survivors' group", "patients and public", "patient_rep", patient_rep=True),
    # a public voice by the flag, not the role
    Attendee("cr", "Cam Carer", "Carers' network", "voluntary sector", "member", patient_rep=True),
    Attendee("m1", "Mo Member", "Practice", "primary care", "member"),
    Attendee("m2", "Meg Member", "Council", "social care", "member"),
    Attendee("ap", "Al Away", "Care Board", "commissioning", "member", attendance="apologies"),
]

# Cumulative ends 10, 20, 40, 60, 70 min: half of 70 is 35, nearest 40, so the break is planned after i3.
AGENDA = [
    AgendaItem("i1", "Welcome", 10, presenter="ch"),
    AgendaItem("i2", "Review of actions", 10, presenter="se", kind="actions_review"),
    AgendaItem("i3", "Discharge results", 20, presenter="m1"),
    AgendaItem("i4", "Research bid", 20, presenter="m2", speaker_limit_s=120),
    AgendaItem("i5", "Next steps", 10, presenter="ch", kind="next_steps"),
]

MakeMeeting = Callable[..., Meeting]


@pytest.fixture
def example_record_path() -> Path:
    return EXAMPLES / "board-meeting.json"


@pytest.fixture
def example_stats_path() -> Path:
    return EXAMPLES / "board-meeting.stats.json"


@pytest.fixture
def make_meeting(clock: FakeClock) -> MakeMeeting:
    """A fresh board (scheduled to start at the fake clock's now); any field can be overridden."""

    def make(
        agenda: list[AgendaItem] | None = None,
        people: list[Attendee] | None = None,
        brk: BreakSettings | None = None,
        **settings: Any,
    ) -> Meeting:
        settings.setdefault("scheduled_start", clock.now_utc())
        return Meeting(
            title="Stroke partnership board",
            series="Stroke board",
            people=copy.deepcopy(PEOPLE if people is None else people),
            agenda=copy.deepcopy(AGENDA if agenda is None else agenda),
            brk=brk or BreakSettings(),
            **settings,
        )

    return make


@pytest.fixture
def meeting(make_meeting: MakeMeeting) -> Meeting:
    return make_meeting()


@pytest.fixture
def live(meeting: Meeting, clock: FakeClock) -> LiveMeeting:
    """The default board, ready to start at its scheduled time."""
    return LiveMeeting(meeting, clock)


@pytest.fixture
def started(live: LiveMeeting) -> LiveMeeting:
    """The default board, started on time with 'Welcome' open."""
    live.apply("start_meeting")
    return live


def engine_state(live: LiveMeeting) -> dict[str, Any]:
    """Everything a command could change, as plain data (copied, so later changes do not leak in)."""
    now = live.now()

    def watch(sw: Any) -> Any:
        return (copy.deepcopy(sw.segments), sw.since)

    def turn(t: Any) -> Any:
        return None if t is None else (asdict(t.speech), watch(t.clock))

    brk = {k: v for k, v in vars(live.brk).items() if k != "clock"}
    return {
        "summary": json.dumps(MeetingSummary.of(live, now=now).to_json(), sort_keys=True),
        "events": len(live.events),
        "status": (live.status, live.started_at, live.ended_at, live.paused, live.current),
        "meeting_clock": watch(live.meeting_clock),
        "items": {k: (r.status, watch(r.clock), r.started_at, r.ended_at) for k, r in live.items.items()},
        "planned": dict(live.planned),
        "break": (brk, watch(live.brk.clock)),
        "turn": turn(live.turn),
        "held": turn(live.held),
        "queue": list(live.queue),
        "present": (dict(live.present), sorted(live.ever_present)),
        "speeches": [asdict(s) for s in live.speeches],
        "notes": [asdict(n) for n in live.notes],
        "decisions": [asdict(d) for d in live.decisions],
        "feedback": [asdict(f) for f in live.feedback],
        "actions": {k: asdict(a) for k, a in live.actions.items()},
        "prior": {k: asdict(a) for k, a in live.prior_actions.items()},
        "declarations": [asdict(d) for d in live.declarations],
        "minutes": (live.approval, copy.deepcopy(live.gave_approval), copy.deepcopy(live.previous_minutes)),
        "timers": (live.speaker_timer().text, live.item_timer().text, live.forecast().status),
    }


@pytest.fixture
def state_of() -> Callable[[LiveMeeting], dict[str, Any]]:
    return engine_state


@pytest.fixture
def refused() -> Callable[..., DomainError]:
    """Apply a command that must be refused: a DomainError whose message matches, and nothing changed."""

    def check(
        live: LiveMeeting, type_: str, payload: Any = None, match: str | None = None, **kw: Any
    ) -> DomainError:
        before = engine_state(live)
        with pytest.raises(DomainError, match=match) as info:
            live.apply(type_, payload, **kw)
        message = str(info.value)
        assert message.strip() and "\n" not in message
        assert engine_state(live) == before
        return info.value

    return check
