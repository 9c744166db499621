"""Undo (DESIGN §2, issue 13): the most recent live-control command not already cancelled is cancelled, and the
meeting is what replaying every other event gives — in the engine, the record, the replay and the store."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meetingkit.clock import FakeClock
from meetingkit.models import record
from meetingkit.models.meeting import DomainError
from meetingkit.models.session import LiveMeeting
from meetingkit.models.undo_rules import UNDOABLE
from meetingkit.store.repository import Store
from tests.unit.conftest import engine_state
from tests.unit.test_store import small_meeting

START = datetime(2026, 6, 12, 9, 0, tzinfo=UTC)


def comparable(live: LiveMeeting) -> dict[str, Any]:
    """What the chair and the figures see: everything but the length of the log."""
    state = engine_state(live)
    state.pop("events")
    return state


def test_undoing_a_wrong_speaker_gives_the_seconds_back(started: LiveMeeting, clock: FakeClock) -> None:
    started.apply("speak", {"who": "pr"})
    clock.advance(40)
    started.apply("speak", {"who": "m1"})  # the wrong button
    clock.advance(5)
    assert started.undo_words() == "give the floor to Mo Member"
    event = started.apply("undo")
    assert event.payload == {"cancels": 3}
    assert started.speaker == "pr"
    assert started.speaker_timer().elapsed_s == pytest.approx(45)
    assert [s.who for s in started.speeches] == ["pr"]
    assert started.person_seconds() == {"pr": pytest.approx(45)}
    # Both the cancelled event and the undo stay in the log.
    assert [e.type for e in started.events] == ["start_meeting", "speak", "speak", "undo"]


def test_several_undos_cancel_successive_commands_but_never_the_start(
    started: LiveMeeting, clock: FakeClock
) -> None:
    started.apply("queue", {"who": "pr"})
    started.apply("note", {"text": "Kept: notes are corrected, not undone"})
    clock.advance(10)
    started.apply("next_item")
    clock.advance(10)
    assert started.undo_words() == "next item"
    started.apply("undo")
    assert started.current == "i1"
    assert started.item_timer().elapsed_s == pytest.approx(20)
    assert started.undo_words() == "add Pat Rep to the queue"
    started.apply("undo")
    assert started.queue == []
    assert [n.text for n in started.notes] == ["Kept: notes are corrected, not undone"]
    with pytest.raises(DomainError, match="nothing to undo"):
        started.apply("undo")
    assert started.status == "running"


def test_undo_is_refused_with_nothing_to_cancel_and_after_the_end(live: LiveMeeting) -> None:
    with pytest.raises(DomainError, match="nothing to undo"):
        live.apply("undo")
    live.meeting.brk.enabled = False
    live.brk.status = "disabled"
    live.apply("start_meeting")
    live.apply("speak", {"who": "pr"})
    live.apply("end_meeting")
    assert live.undo_words() is None
    with pytest.raises(DomainError, match="ended"):
        live.apply("undo")


def test_an_undo_that_would_strand_a_later_entry_is_refused(started: LiveMeeting) -> None:
    started.apply("arrive", {"who": "ap"})
    started.apply("feedback", {"who": "ap", "text": "Thank you"})
    before = comparable(started)
    with pytest.raises(DomainError, match="Cannot undo"):
        started.apply("undo")
    assert comparable(started) == before


def test_a_record_with_undos_replays_to_the_same_meeting(started: LiveMeeting, clock: FakeClock) -> None:
    started.apply("speak", {"who": "pr"})
    clock.advance(30)
    started.apply("start_break")  # the wrong key
    clock.advance(3)
    started.apply("feedback", {"who": "pr", "text": "More time for carers"})
    started.apply("undo")
    assert started.brk.status == "pending" and started.current == "i1"
    assert started.feedback[0].in_break is False
    clock.advance(60)
    data = json.loads(json.dumps(record.write(started)))
    assert data["events"][-1] == {"t": "0:00:33", "do": "undo", "cancels": 3}
    clock_now = started.now()
    replayed = record.replay(record.parse(data), clock=FakeClock(datetime.fromtimestamp(clock_now, UTC)))
    assert comparable(replayed) == comparable(started)
    # A record whose undo names another event than the one it would cancel is a bad record.
    data["events"][-1]["cancels"] = 2
    with pytest.raises(record.RecordError, match=r"event 4 \(undo\): field 'cancels'"):
        record.replay(record.parse(data))


def test_the_store_keeps_its_rows_right_after_an_undo(store: Store, db_path, clock: FakeClock) -> None:
    meeting = small_meeting()
    meeting.scheduled_start = clock.now_utc()
    mid = store.create_meeting(meeting)
    session = store.open_live(mid, clock)
    session.apply("start_meeting")
    session.apply("speak", {"who": "ch"})
    clock.advance(20)
    session.apply("speak", {"who": "pr"})
    clock.advance(5)
    session.apply("undo")
    other = sqlite3.connect(db_path)  # as another process sees the file
    rows = other.execute("SELECT person_key FROM speeches WHERE meeting_id = ?", [mid]).fetchall()
    kinds = [r[0] for r in other.execute("SELECT type FROM events WHERE meeting_id = ? ORDER BY seq", [mid])]
    other.close()
    assert rows == [("ch",)]
    assert kinds == ["start_meeting", "speak", "speak", "undo"]
    rebuilt = store.rebuild(mid, clock)
    assert comparable(rebuilt) == comparable(session.live)


# ---- every undoable command, undone, leaves the figures of a record that never had it ------------------------

WHO = st.sampled_from(["ch", "se", "pr", "cr", "m1", "m2", "ap"])
STEP = st.one_of(
    st.tuples(
        st.sampled_from(["speak", "interject", "queue", "unqueue", "arrive", "leave"]),
        WHO.map(lambda w: {"who": w}),
    ),
    st.tuples(
        st.sampled_from(
            ["stop_speaking", "pause", "resume", "next_item", "start_break", "end_break", "postpone_break"]
        ),
        st.just({}),
    ),
    st.tuples(st.just("extend"), st.just({"seconds": 60})),
    st.tuples(
        st.just("start_item"), st.sampled_from(["i1", "i2", "i3", "i4", "i5"]).map(lambda k: {"item": k})
    ),
    st.tuples(st.just("skip_break"), st.just({"reason": "Running late"})),
    st.tuples(st.just("note"), st.just({"text": "A point"})),
)
GAP = st.sampled_from([0, 1, 29, 31, 200])


def play(
    make_meeting, steps: list[tuple[float, tuple[str, dict[str, Any]]]], clock: FakeClock
) -> LiveMeeting:
    live = LiveMeeting(make_meeting(scheduled_start=START), clock)
    live.apply("start_meeting")
    for gap, (name, payload) in steps:
        clock.advance(gap)
        with contextlib.suppress(DomainError):
            live.apply(name, payload)
    return live


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    before=st.lists(st.tuples(GAP, STEP), max_size=25),
    wrong=STEP.filter(lambda s: s[0] in UNDOABLE),
    held=GAP,
    after=GAP,
)
def test_every_undoable_command_undone_leaves_the_figures_of_a_record_without_it(
    make_meeting, before, wrong, held, after
) -> None:
    with_it = play(make_meeting, before, FakeClock(START))
    without = play(make_meeting, before, FakeClock(START))
    try:
        with_it.apply(*wrong)
    except DomainError:
        return
    assert with_it.undo_words()
    for live in (with_it, without):
        live.clock.advance(held)
    with_it.apply("undo")
    for live in (with_it, without):
        live.clock.advance(after)
    assert comparable(with_it) == comparable(without), wrong
    # and so does every way of reading it back
    rebuilt = LiveMeeting.rebuild(make_meeting(scheduled_start=START), with_it.events, with_it.clock)
    assert comparable(rebuilt) == comparable(without)


def test_an_undo_keeps_the_run_s_clock_and_the_series_action_keys(
    started: LiveMeeting, clock: FakeClock
) -> None:
    prefix = started.key_prefix
    started.apply("speak", {"who": "pr"})
    clock.sleep(600)  # the laptop slept with Pat speaking: the room went on
    started.check_clock()
    started.apply("speak", {"who": "m1"})
    clock.advance(5)
    started.apply("undo")
    assert started.speaker_timer().elapsed_s == pytest.approx(605)
    assert started.key_prefix == prefix != "A"
    assert started.apply("action", {"text": "Write to the trust"}).payload["key"] == f"{prefix}1"
