"""Sleep against wall-clock steps, and each run anchored at max(wall clock, last event) (DESIGN §3 "Display
clock"; issue 10 findings 4 and 5). FakeClock's boot clock stands in for Linux's CLOCK_BOOTTIME."""

from __future__ import annotations

import pytest

from meetingkit.clock import FakeClock, SystemClock
from meetingkit.models.meeting import Meeting
from meetingkit.models.session import LiveMeeting
from meetingkit.models.summary import MeetingSummary


def seconds_of(live: LiveMeeting, who: str) -> float:
    people = MeetingSummary.of(live).participation.people
    return next(p.seconds for p in people if p.key == who)


def test_a_wall_clock_step_forward_without_sleep_changes_no_duration(
    started: LiveMeeting, clock: FakeClock
) -> None:
    started.apply("speak", {"who": "ch"})
    clock.advance(60)
    clock.step_wall(3600)  # NTP or a hand set the clock an hour on; no time passed
    assert started.check_clock() == 0.0, "a step is not a sleep: the chair is not told 'the computer slept'"
    clock.advance(60)
    started.apply("stop_speaking")
    assert seconds_of(started, "ch") == pytest.approx(120)
    assert started.clock_gap_s == 0.0
    assert started.elapsed() == pytest.approx(120)


def test_a_wall_clock_step_back_changes_no_duration(started: LiveMeeting, clock: FakeClock) -> None:
    started.apply("speak", {"who": "ch"})
    clock.advance(30)
    clock.step_wall(-3600)
    clock.advance(30)
    started.apply("speak", {"who": "pr"})
    clock.advance(45)
    started.apply("stop_speaking")
    assert seconds_of(started, "ch") == pytest.approx(60)
    assert seconds_of(started, "pr") == pytest.approx(45)


def test_a_sleep_counts_and_is_told_a_step_of_the_same_size_is_not(
    started: LiveMeeting, clock: FakeClock
) -> None:
    started.apply("speak", {"who": "ch"})
    clock.advance(60)
    clock.sleep(600)
    assert started.check_clock() == pytest.approx(600)
    clock.step_wall(600)
    assert started.check_clock() == 0.0
    started.apply("stop_speaking")
    assert seconds_of(started, "ch") == pytest.approx(660)


def test_without_a_boot_clock_a_wall_jump_is_still_taken_as_sleep(meeting: Meeting) -> None:
    clock = FakeClock(meeting.scheduled_start, boot_clock=False)
    live = LiveMeeting(meeting, clock)
    live.apply("start_meeting")
    clock.advance(10)
    clock.sleep(300)
    assert live.check_clock() == pytest.approx(300)


def test_a_restart_with_the_clock_set_back_goes_on_from_the_record_and_tells_the_chair(
    meeting: Meeting, clock: FakeClock
) -> None:
    live = LiveMeeting(meeting, clock)
    live.apply("start_meeting")
    live.apply("speak", {"who": "ch"})
    clock.advance(120)
    live.apply("speak", {"who": "pr"})
    clock.advance(60)
    events = list(live.events)
    # The program stops; the computer's clock is set back an hour; the meeting is resumed.
    clock.step_wall(-3600)
    again = LiveMeeting.rebuild(meeting, events, clock)
    assert again.clock_behind_s == pytest.approx(3600 - 60)
    clock.advance(90)
    again.apply("speak", {"who": "m1"})
    clock.advance(30)
    again.apply("stop_speaking")
    assert seconds_of(again, "pr") == pytest.approx(90), "the turn grows from the last event, not 0 s"
    assert seconds_of(again, "m1") == pytest.approx(30)
    ats = [e.at for e in again.events]
    assert ats == sorted(ats) and len(set(ats[-3:])) == 3, "later events are not all stamped at one time"
    assert again.elapsed() == pytest.approx(120 + 90 + 30)


def test_a_restart_with_a_right_clock_is_not_told_anything(meeting: Meeting, clock: FakeClock) -> None:
    live = LiveMeeting(meeting, clock)
    live.apply("start_meeting")
    clock.advance(300)  # the program was down five minutes: that counts as meeting time
    again = LiveMeeting.rebuild(meeting, list(live.events), clock)
    assert again.clock_behind_s == 0.0
    assert again.elapsed() == pytest.approx(300)


def test_the_system_clock_has_a_boot_clock_on_linux() -> None:
    import sys

    clock = SystemClock()
    if sys.platform.startswith("linux"):
        boot, mono = clock.boot(), clock.monotonic()
        assert boot is not None and boot >= mono - 1e-3
