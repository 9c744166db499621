"""Crash recovery (DESIGN §2): a running meeting rebuilt from its events in a fresh engine, on a clock whose
monotonic origin is new; the time the program was down counts as meeting time."""

from __future__ import annotations

from datetime import timedelta

import pytest

from meetingkit.clock import FakeClock
from meetingkit.models.meeting import Meeting
from meetingkit.models.session import LiveMeeting
from meetingkit.models.summary import MeetingSummary


def restarted(clock: FakeClock, down_s: float) -> FakeClock:
    """The clock of a new run, `down_s` later: same wall clock, a monotonic clock with another origin."""
    return FakeClock(clock.now_utc() + timedelta(seconds=down_s), monotonic=7.5)


@pytest.fixture
def crashed(started: LiveMeeting, clock: FakeClock) -> LiveMeeting:
    clock.advance(120)
    started.apply("speak", {"who": "m1"})
    clock.advance(40)
    started.apply("note", {"text": "Last thing saved"})
    clock.advance(20)  # then the program died: 20 s after the last event
    return started


def test_the_rebuilt_meeting_counts_the_time_it_was_down(
    crashed: LiveMeeting, clock: FakeClock, meeting: Meeting
) -> None:
    later = restarted(clock, 300)
    again = LiveMeeting.rebuild(meeting, crashed.events, later)
    assert (again.status, again.current, again.speaker) == ("running", "i1", "m1")
    assert again.elapsed() == pytest.approx(120 + 40 + 20 + 300)
    assert again.item_timer().elapsed_s == pytest.approx(480)
    assert again.speaker_timer().elapsed_s == pytest.approx(360)  # the open turn stays open
    later.advance(10)
    assert again.speaker_timer().elapsed_s == pytest.approx(370)


def test_the_chair_may_close_the_open_turn_at_the_last_event(
    crashed: LiveMeeting, clock: FakeClock, meeting: Meeting
) -> None:
    again = LiveMeeting.rebuild(meeting, crashed.events, restarted(clock, 300))
    again.apply("stop_speaking", at=again.events[-1].at)
    assert again.speeches[0].seconds == 40.0
    assert again.speeches[0].end == again.speeches[0].start + 40


def test_rebuilding_replays_rather_than_records(
    crashed: LiveMeeting, clock: FakeClock, meeting: Meeting
) -> None:
    again = LiveMeeting.rebuild(meeting, crashed.events, restarted(clock, 0))
    assert [(e.seq, e.at, e.type, e.payload) for e in again.events] == [
        (e.seq, e.at, e.type, e.payload) for e in crashed.events
    ]
    assert again.take_changes() == set()  # nothing new for the store to write
    assert again.apply("stop_speaking").seq == len(crashed.events) + 1


def test_rebuilt_at_the_same_moment_the_figures_are_the_same(
    crashed: LiveMeeting, clock: FakeClock, meeting: Meeting
) -> None:
    again = LiveMeeting.rebuild(meeting, crashed.events, restarted(clock, 0))
    now = crashed.now()
    assert MeetingSummary.of(again, now=now).to_json() == MeetingSummary.of(crashed, now=now).to_json()
    assert again.speaker_timer(now) == crashed.speaker_timer(now)
    assert again.item_timer(now) == crashed.item_timer(now)


def test_a_meeting_paused_when_it_crashed_stays_paused(
    started: LiveMeeting, clock: FakeClock, meeting: Meeting
) -> None:
    started.apply("speak", {"who": "ch"})
    clock.advance(30)
    started.apply("pause")
    again = LiveMeeting.rebuild(meeting, started.events, restarted(clock, 900))
    assert again.paused
    assert again.elapsed() == pytest.approx(30)  # the pause went on while it was down
    again.apply("resume")
    assert again.speaker_timer().elapsed_s == pytest.approx(30)


def test_a_break_under_way_resumes_its_countdown(
    started: LiveMeeting, clock: FakeClock, meeting: Meeting
) -> None:
    started.apply("start_break")
    clock.advance(60)
    again = LiveMeeting.rebuild(meeting, started.events, restarted(clock, 120))
    assert again.break_timer().text == "7:00"
    assert again.break_outlook() == "Feedback break: 7:00 left"
