"""Property tests: random sequences of commands (valid and not) with random time between them.

Whatever the chair presses, the engine only ever refuses with a DomainError, a refusal changes nothing,
the figures add up, and the meeting rebuilt from its events (or from its written record) is the same.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meetingkit.clock import FakeClock
from meetingkit.models import record
from meetingkit.models.meeting import Action, DomainError
from meetingkit.models.session import COMMANDS, LiveMeeting
from meetingkit.models.summary import MeetingSummary

START = datetime(2026, 6, 12, 9, 0, tzinfo=UTC)
EPS = 0.01  # event times are kept to the millisecond; a few such roundings may add up

MISSING = object()  # the field left out of the payload
VALID_PEOPLE = ["ch", "se", "pr", "cr", "m1", "m2"]
# Mostly people present, sometimes someone absent (ap), unknown (zz), or no key at all.
people = st.sampled_from(VALID_PEOPLE * 3 + ["ap", "zz", "", None, 5, MISSING])
agenda_keys = st.sampled_from(["i1", "i2", "i3", "i4", "i5", "break", "i9"])
texts = st.sampled_from(["Agreed", "  Noted  ", "Line one\nline two", "", "   ", None, 7, MISSING])
bare = st.sampled_from([None, {}])


def maybe(key: str, values: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    """{key: value}, or no key at all when the value drawn is MISSING."""
    return values.map(lambda v: {} if v is MISSING else {key: v})


def combine(*parts: st.SearchStrategy[dict[str, Any]]) -> st.SearchStrategy[dict[str, Any]]:
    return st.tuples(*parts).map(lambda ds: {k: v for d in ds for k, v in d.items()})


def sometimes(values: list[Any]) -> st.SearchStrategy[Any]:
    return st.sampled_from([MISSING, MISSING, *values])


PAYLOADS: dict[str, st.SearchStrategy[Any]] = {
    "start_meeting": bare,
    "next_item": bare,
    "stop_speaking": bare,
    "pause": bare,
    "resume": bare,
    "start_break": bare,
    "postpone_break": bare,
    "end_break": bare,
    "end_meeting": bare,
    "undo": bare,
    "start_item": maybe("item", st.one_of(agenda_keys, st.just(MISSING))),
    "speak": maybe("who", people),
    "interject": maybe("who", people),
    "queue": maybe("who", people),
    "unqueue": maybe("who", people),
    "arrive": maybe("who", people),
    "leave": maybe("who", people),
    "extend": maybe("seconds", st.sampled_from([30, 60, 0, -5, 4000, "60", True, 1.5, float("inf")])),
    "skip_break": maybe("reason", st.sampled_from(["Running late", "", "  ", None, 3])),
    "note": combine(
        maybe("text", texts),
        maybe("item", st.one_of(agenda_keys, st.just(MISSING))),
        maybe("replaces", sometimes([0, 1, -1, "0"])),
    ),
    "decision": combine(maybe("text", texts), maybe("item", st.one_of(agenda_keys, st.just(MISSING)))),
    "action": combine(
        maybe("text", texts),
        maybe("owner", sometimes(["se", "The council", 4])),
        maybe("due", sometimes(["2026-07-01", "soon", 20260701])),
        maybe("key", sometimes(["K1", "P1", "", 5])),
        maybe("feedback", sometimes([0, 1, -1, True])),
        maybe("source", sometimes(["meeting", "patient_feedback", "rumour"])),
        maybe("item", st.one_of(agenda_keys, st.just(MISSING))),
    ),
    "action_update": combine(
        maybe("action", st.sampled_from(["A1", "K1", "P1", "zz", 3])),
        maybe("status", st.sampled_from(["open", "in_progress", "done", "dropped", "finished"])),
        maybe("note", texts),
    ),
    "feedback": combine(maybe("who", people), maybe("text", texts)),
    "rebalance": combine(
        maybe(
            "minutes", st.dictionaries(agenda_keys, st.sampled_from([5, 12.5, 0, -1, "x", True]), max_size=3)
        ),
        maybe("deferred", st.lists(st.one_of(agenda_keys, st.just(["i3"])), max_size=3)),
    ),
    "declaration": combine(
        maybe("who", people), maybe("text", texts), maybe("item", st.one_of(agenda_keys, st.just(MISSING)))
    ),
    "correct": combine(
        maybe(
            "target",
            st.sampled_from(
                ["note:0", "decision:0", "action:K1", "declaration:0", "feedback:0", "note:9", "x", 3]
            ),
        ),
        maybe("text", texts),
        maybe("withdrawn", sometimes([True, False, "yes"])),
        maybe("owner", sometimes(["se", 4])),
        maybe("due", sometimes(["2026-07-01", "soon"])),
    ),
    "minutes_approved": combine(maybe("amendments", texts), maybe("own", sometimes([True, False]))),
    "pulse": combine(
        maybe("question", sometimes(["chance", "listened", "heard"])),
        maybe("group", sometimes(["patient_public", "others", "reps"])),
        maybe("yes", sometimes([0, 3, 1000, 1001, -1, 2.5, True])),
        maybe("partly", sometimes([0, 1])),
        maybe("no", sometimes([0, 2, "1"])),
    ),
    "shout": bare,  # not a command at all
}
assert set(COMMANDS) <= set(PAYLOADS)

# Common commands more often, so that sequences get somewhere (a meeting started, people speaking).
WEIGHTED = (
    ["speak"] * 6
    + ["interject", "stop_speaking", "next_item"] * 3
    + ["pause", "resume", "start_break", "end_break", "postpone_break", "undo", "undo"]
    + list(PAYLOADS)
)

commands = st.sampled_from(WEIGHTED).flatmap(lambda c: st.tuples(st.just(c), PAYLOADS[c]))
pauses = st.sampled_from([0, 0.001, 0.25, 1, 5, 29, 30, 31, 59, 61, 179, 181, 600, 1799])
do_step = st.tuples(st.just("do"), pauses, commands)
sleep_step = st.tuples(st.just("sleep"), st.sampled_from([3, 600]), st.none())  # the laptop slept
step = st.sampled_from(range(10)).flatmap(lambda n: sleep_step if n == 0 else do_step)
# Most sequences open with start_meeting, so that they reach the rules that apply while it runs.
steps = st.tuples(st.sampled_from([True, True, True, False]), st.lists(step, min_size=8, max_size=50)).map(
    lambda p: [("do", 0, ("start_meeting", None))] * p[0] + p[1]
)


def prior() -> list[Action]:
    """An action agreed at an earlier meeting of the series (fresh each time: updates change it)."""
    return [Action("P1", "Write to the patients' forum", owner="se")]


def run(make_meeting, state_of, seq: list[tuple[str, float, Any]]) -> tuple[LiveMeeting, FakeClock, int]:
    clock = FakeClock(START)
    live = LiveMeeting(make_meeting(scheduled_start=START), clock, prior())
    refusals = 0
    for kind, amount, command in seq:
        if kind == "sleep":
            clock.sleep(amount)
            live.check_clock()  # as the console's repaint does
            continue
        clock.advance(amount)
        name, payload = command
        before = state_of(live)
        try:
            live.apply(name, payload)
        except DomainError as exc:
            refusals += 1
            assert str(exc).strip()
            assert state_of(live) == before, f"refused {name} {payload!r} changed the meeting"
        else:
            check_clocks(live)
    return live, clock, refusals


def check_clocks(live: LiveMeeting) -> None:
    """Exactly the clocks that should run do: the meeting's, the speaker's (not one paused under an
    interjection), and the current item's or else the break's — and none while paused."""
    moving = live.status == "running" and not live.paused
    in_break = live.brk.status == "running"
    assert live.meeting_clock.running == moving
    assert (live.turn is not None and live.turn.clock.running) == (live.turn is not None and moving)
    assert live.held is None or (not live.held.clock.running and live.turn is not None)
    assert live.brk.clock.running == (in_break and moving)
    for key, run_ in live.items.items():
        assert run_.clock.running == (key == live.current and moving and not in_break), key


def check_figures(live: LiveMeeting, now: float) -> None:
    doc = MeetingSummary.of(live, now=now).to_json()
    people_s = [p["seconds"] for p in doc["people"]]
    total = sum(people_s)
    assert all(s >= 0 for s in people_s)
    assert sum(r["seconds"] for r in doc["roles"].values()) == pytest.approx(total, abs=EPS)
    assert sum(s["seconds"] for s in doc["sectors"].values()) == pytest.approx(total, abs=EPS)
    if total > 0:
        assert sum(p["share"] for p in doc["people"]) == pytest.approx(1.0)
        assert sum(r["share"] for r in doc["roles"].values()) == pytest.approx(1.0)
    else:
        assert all(p["share"] == 0 for p in doc["people"])
    for share in ("patient_voice_share", "patient_voice_share_with_break", "gini"):
        assert 0.0 <= doc[share] <= 1.0
    assert sum(live.person_seconds(now).values()) == pytest.approx(total, abs=EPS)

    # One clock runs at a time: turns never overlap, nor do the items and the break.
    elapsed = live.elapsed(now)
    assert elapsed >= 0
    assert total <= elapsed + EPS
    items = [i["actual_s"] for i in doc["timing"]["items"]]
    assert all(a >= 0 for a in items) and doc["break"]["duration_s"] >= 0
    assert sum(items) + doc["break"]["duration_s"] <= elapsed + EPS
    for s in live.open_speeches(now):
        assert s.seconds >= 0
        assert s.seconds <= (s.end if s.end is not None else now) - s.start + EPS


def views(live: LiveMeeting, now: float) -> tuple[Any, ...]:
    return (
        MeetingSummary.of(live, now=now).to_json(),
        live.speaker_timer(now),
        live.held_timer(now),
        live.item_timer(now),
        live.break_timer(now),
        live.forecast(now),
        (live.status, live.current, live.paused, live.brk.status, live.speaker, list(live.queue)),
    )


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture
    ],  # make_meeting and state_of are pure functions
)
@given(seq=steps)
def test_random_commands_keep_the_engine_sound(make_meeting, state_of, seq) -> None:
    live, clock, _ = run(make_meeting, state_of, seq)
    now = live.now()
    check_figures(live, now)

    again = LiveMeeting.rebuild(make_meeting(scheduled_start=START), live.events, clock, prior())
    assert views(again, now) == views(live, now)

    data = json.loads(json.dumps(record.write(live)))
    replayed = record.replay(record.parse(data), prior_actions=prior())
    assert views(replayed, now) == views(live, now)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seq=steps, later=st.sampled_from([0, 1, 45, 3600]))
def test_figures_hold_at_any_later_moment(make_meeting, state_of, seq, later: float) -> None:
    live, clock, _ = run(make_meeting, state_of, seq)
    clock.advance(later)
    check_figures(live, live.now())


def test_the_generator_reaches_the_interesting_states(make_meeting, state_of) -> None:
    """A guard on the strategy itself: typical sequences do start meetings, give turns and refuse things."""
    seen = {"running": 0, "turns": 0, "refused": 0}

    @settings(max_examples=60, deadline=None, database=None, derandomize=True)
    @given(seq=steps)
    def probe(seq) -> None:
        live, _, refusals = run(make_meeting, state_of, seq)
        seen["running"] += live.status != "ready"
        seen["turns"] += bool(live.speeches)
        seen["refused"] += bool(refusals)

    probe()
    assert min(seen.values()) >= 10, seen
