"""A meeting driven by a seeded random chair, for the crash tests: `python -m tests.crash_worker DB SEED`.

Prints `committed SEQ` after each command the store has committed. The same seed always gives the same
commands at the same (fake) times, so the parent can rebuild what the child must have stored.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from datetime import UTC, datetime

from meetingkit.clock import FakeClock
from meetingkit.models.meeting import AgendaItem, Attendee, DomainError, Meeting
from meetingkit.models.session import Event, LiveMeeting

START = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
PEOPLE = [
    Attendee("ch", "Chair Person", role="chair", sector="commissioning"),
    Attendee("se", "Sec Retary", role="secretary", sector="research"),
    Attendee("p1", "Pat One", role="patient_rep", sector="patients and public"),
    Attendee("p2", "Pat Two", role="member", patient_rep=True, sector="patients and public"),
    Attendee("m1", "Mem One", sector="acute care"),
    Attendee("m2", "Mem Two", sector="social care", attendance="apologies"),
]
AGENDA = [
    AgendaItem("i1", "Welcome", 5),
    AgendaItem("i2", "Actions", 10, kind="actions_review"),
    AgendaItem("i3", "Plans", 20),
    AgendaItem("i4", "Budget", 15, speaker_limit_s=120),
    AgendaItem("i5", "Next steps", 10, kind="next_steps"),
]


def crash_meeting() -> Meeting:
    return Meeting("Crash test board", START, series="Crash", people=[*PEOPLE], agenda=[*AGENDA])


def commands(seed: int) -> Iterator[tuple[float, str, dict]]:
    """(seconds to advance, command, payload), forever; about half make sense at any moment."""
    rng = random.Random(seed)
    keys = [p.key for p in PEOPLE]
    yield 0.0, "start_meeting", {}
    while True:
        kind = rng.choices(
            [
                "speak",
                "interject",
                "stop_speaking",
                "next_item",
                "queue",
                "note",
                "pause",
                "resume",
                "action",
                "start_break",
                "end_break",
                "extend",
                "arrive",
                "leave",
                "feedback",
                "decision",
                "undo",
            ],
            weights=[30, 6, 10, 4, 4, 4, 2, 3, 2, 1, 2, 2, 1, 1, 2, 2, 2],
        )[0]
        payload: dict = {}
        if kind in ("speak", "interject", "queue", "arrive", "leave", "feedback"):
            payload["who"] = rng.choice(keys)
        if kind in ("note", "feedback", "decision", "action"):
            payload["text"] = f"{kind} {rng.randint(1, 10**6)}"
        if kind == "extend":
            payload["seconds"] = 60
        yield rng.uniform(0.5, 90.0), kind, payload


def drive(live: LiveMeeting, clock: FakeClock, seed: int, limit: int, apply=None) -> Iterator[Event]:  # noqa: ANN001
    """Apply the seed's commands; yields each accepted event. `apply` replaces live.apply (the store's)."""
    do = apply or (lambda c, p: live.apply(c, p))
    accepted = 0
    for step, (advance, cmd, payload) in enumerate(commands(seed)):
        if accepted >= limit or step > limit * 20:
            return
        clock.advance(advance)
        try:
            event = do(cmd, payload)
        except DomainError:
            continue
        accepted += 1
        yield event


def main(argv: list[str]) -> int:
    from meetingkit.store.repository import Store

    path, seed = argv[0], int(argv[1])
    limit = int(argv[2]) if len(argv) > 2 else 10_000
    store = Store(path)
    mid = store.create_meeting(crash_meeting())
    clock = FakeClock(START)
    session = store.open_live(mid, clock)
    print(f"meeting {mid}", flush=True)
    for event in drive(session.live, clock, seed, limit, apply=session.apply):
        print(f"committed {event.seq}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
