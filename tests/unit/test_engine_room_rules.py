"""Issue 12's engine findings (DESIGN §2 start and end, §3 timers and break): the break that cannot be lost,
turns without a limit in the break, the item warning, a start on another day, and when a new plan is offered."""

from __future__ import annotations

from datetime import timedelta

import pytest

from meetingkit.clock import FakeClock
from meetingkit.models.meeting import BREAK, AgendaItem
from meetingkit.models.session import LiveMeeting


def test_2_an_early_start_and_an_early_end_of_the_break_are_questions_for_the_chair(
    started: LiveMeeting, clock: FakeClock
) -> None:
    # Planned after 'Discharge results', 40 min in. B in minute 1 is half an hour early.
    clock.advance(60)
    question = started.start_break_question()
    assert question is not None and "planned in about 39 min" in question and "Discharge results" in question
    started.apply("start_break")
    assert started.start_break_question() is None  # under way: nothing more to ask about starting
    clock.advance(10)
    question = started.end_break_question()
    assert question is not None and "0:10 of its 10 min" in question
    clock.advance(290)  # half of ten minutes: no question any more
    assert started.end_break_question() is None


def test_2_no_question_within_ten_minutes_of_the_plan(started: LiveMeeting, clock: FakeClock) -> None:
    clock.advance(30 * 60 - 1)  # just over ten minutes before its planned 40
    assert started.start_break_question() is not None
    clock.advance(1)
    assert started.start_break_question() is None


def test_4_the_prompt_the_forecast_and_next_item_agree_when_the_fraction_makes_the_break_due(
    started: LiveMeeting, clock: FakeClock
) -> None:
    # 'Welcome' (10 min planned) runs to 60:00: with 60 min still planned after it, E >= 0.5 (E + R).
    clock.advance(59 * 60)
    assert started.break_outlook() != "Feedback break after this item"
    assert [s.key for s in started.forecast().slots][:2] == ["i1", "i2"]
    clock.advance(60)
    assert started.break_outlook() == "Feedback break after this item"
    assert [s.key for s in started.forecast().slots][:2] == ["i1", BREAK]
    started.apply("next_item")
    assert started.brk.status == "running"


def test_4_the_forecast_projects_the_fraction_rule_to_later_boundaries(
    make_meeting, clock: FakeClock
) -> None:
    agenda = [AgendaItem(k, k.upper(), m) for k, m in (("a", 10), ("b", 10), ("c", 10), ("d", 30), ("e", 10))]
    live = LiveMeeting(make_meeting(agenda=agenda), clock)
    assert live.slot_key == "c"  # ends 10, 20, 30, 60, 70: 30 is nearest 35
    live.apply("start_meeting")
    clock.advance(25 * 60)  # 'a' overruns by 15 min: after 'b' (projected 35 min) E = 35 >= 0.5 (35 + 50)?
    keys = [s.key for s in live.forecast().slots]
    assert keys.index(BREAK) == keys.index("c") + 1  # 35 < 42.5: not by then; after 'c' (its slot)
    clock.advance(15 * 60)  # now after 'b' E = 50 >= 0.5 (50 + 50): the break comes after 'b'
    keys = [s.key for s in live.forecast().slots]
    assert keys.index(BREAK) == keys.index("b") + 1


def test_6_turns_in_the_break_have_no_limit_and_the_break_its_own_over_state(
    started: LiveMeeting, clock: FakeClock
) -> None:
    started.apply("start_break")
    started.apply("speak", {"who": "pr"})
    clock.advance(8 * 60)
    started.apply("interject", {"who": "cr"})
    clock.advance(5 * 60)
    for timer in (started.speaker_timer(), started.held_timer()):
        assert timer is not None and timer.limit_s == 0 and timer.state == "speaking"
    brk = started.break_timer()
    assert brk is not None and (brk.state, brk.text) == ("over", "+3:00 over")
    with pytest.raises(Exception, match="no time limit"):
        started.apply("extend", {"seconds": 60})


def test_6_the_break_warns_like_an_item_two_minutes_before_its_end(
    started: LiveMeeting, clock: FakeClock
) -> None:
    started.apply("start_break")
    clock.advance(8 * 60 - 1)
    assert started.break_timer().state == "speaking"
    clock.advance(1)
    assert started.break_timer().state == "wrap_up"


@pytest.mark.parametrize(("minutes", "warn_s"), [(20, 120), (10, 120), (5, 60), (1, 30), (60, 120)])
def test_7_the_item_warning_is_min_120_max_w_a_fifth_of_the_plan(
    make_meeting, clock: FakeClock, minutes: int, warn_s: int
) -> None:
    live = LiveMeeting(make_meeting(agenda=[AgendaItem("a", "A", minutes), AgendaItem("b", "B", 5)]), clock)
    live.apply("start_meeting")
    clock.advance(minutes * 60 - warn_s - 1)
    assert live.item_timer().state == "speaking"
    clock.advance(1)
    assert live.item_timer().state == "wrap_up"


def test_7_a_twenty_minute_item_is_ending_soon_at_18_minutes(started: LiveMeeting, clock: FakeClock) -> None:
    started.apply("start_item", {"item": "i3"})  # 'Discharge results', 20 min
    clock.advance(19 * 60)
    assert started.item_timer().state == "wrap_up"


@pytest.mark.parametrize("hours", [12.01, -12.01, 24 * 10])
def test_8_a_start_more_than_12_hours_from_the_plan_is_refused_with_its_date(
    make_meeting, clock: FakeClock, refused, hours: float
) -> None:
    planned = clock.now_utc() - timedelta(hours=hours)
    live = LiveMeeting(make_meeting(scheduled_start=planned), clock)
    error = refused(live, "start_meeting", match="This meeting is planned for")
    assert planned.strftime("%-d %B %Y") in str(error)
    assert live.status == "ready"


@pytest.mark.parametrize("hours", [11.99, -11.99, 0])
def test_8_a_start_within_12_hours_of_the_plan_is_accepted(
    make_meeting, clock: FakeClock, hours: float
) -> None:
    live = LiveMeeting(make_meeting(scheduled_start=clock.now_utc() - timedelta(hours=hours)), clock)
    live.apply("start_meeting")
    assert live.status == "running"


def test_8_a_meeting_stored_when_started_on_another_day_still_opens(make_meeting, clock: FakeClock) -> None:
    meeting = make_meeting(scheduled_start=clock.now_utc() - timedelta(days=26))
    history = LiveMeeting(make_meeting(), clock)
    history.apply("start_meeting")
    rebuilt = LiveMeeting.rebuild(meeting, history.events, clock)
    assert rebuilt.status == "running"
    with pytest.raises(Exception, match="already started"):
        rebuilt.apply("start_meeting")


def test_11_a_new_plan_is_offered_only_once_more_than_three_minutes_over(
    started: LiveMeeting, clock: FakeClock
) -> None:
    # Scheduled end 80 min (70 planned + 10 break). 'Welcome' overrunning by s seconds runs the meeting over by s.
    clock.advance(10 * 60 + 60)
    assert started.forecast().is_over  # one minute over: the forecast says so ...
    assert started.rebalance_proposal() is None  # ... but no new plan yet
    clock.advance(120)
    assert started.rebalance_proposal() is None  # exactly three minutes: still none
    clock.advance(1)
    assert started.rebalance_proposal() is not None
