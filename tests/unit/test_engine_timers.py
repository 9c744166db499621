"""The speaker, item and break timers (DESIGN §3 'Speaker timer', 'Display clock'), pause and resume."""

from __future__ import annotations

import pytest

from meetingkit.clock import FakeClock
from meetingkit.models.meeting import AgendaItem
from meetingkit.models.session import LiveMeeting
from meetingkit.models.timers import TimerView, format_clock
from meetingkit.models.turn_rules import INTERJECTION_LIMIT_S


def test_nobody_speaking_is_idle(started: LiveMeeting) -> None:
    timer = started.speaker_timer()
    assert (timer.state, timer.text, timer.state_label) == ("idle", "0:00", "Nobody speaking")


def test_speaker_timer_counts_down_through_speaking_wrap_up_and_over(
    started: LiveMeeting, clock: FakeClock
) -> None:
    started.apply("speak", {"who": "ch"})
    assert started.speaker_timer().text == "3:00"  # the meeting's limit, 180 s

    clock.advance(149)
    timer = started.speaker_timer()
    assert (timer.name, timer.state, timer.text, timer.state_label) == (
        "Ann Chair",
        "speaking",
        "0:31",
        "Speaking",
    )

    clock.advance(1)  # 30 s left = the warning: wrap up
    timer = started.speaker_timer()
    assert (timer.state, timer.text, timer.state_label) == ("wrap_up", "0:30", "Please wrap up")

    clock.advance(29.5)  # half a second left still shows a second to go, never 0:00
    assert (started.speaker_timer().state, started.speaker_timer().text) == ("wrap_up", "0:01")

    clock.advance(0.5)
    timer = started.speaker_timer()
    assert (timer.state, timer.text, timer.state_label) == ("over", "+0:00 over", "Over time")

    clock.advance(75)
    assert started.speaker_timer().text == "+1:15 over"


def test_the_items_speaker_limit_wins_over_the_meetings(started: LiveMeeting, clock: FakeClock) -> None:
    started.apply("start_item", {"item": "i4"})  # 'Research bid': 120 s a speaker
    started.apply("speak", {"who": "m2"})
    clock.advance(95)
    timer = started.speaker_timer()
    assert (timer.limit_s, timer.state, timer.text) == (120, "wrap_up", "0:25")


def test_a_limit_of_zero_means_no_limit_and_the_timer_counts_up(make_meeting, clock: FakeClock) -> None:
    live = LiveMeeting(make_meeting(speaker_limit_s=0), clock)
    live.apply("start_meeting")
    live.apply("speak", {"who": "ch"})
    clock.advance(3725)
    timer = live.speaker_timer()
    assert (timer.remaining_s, timer.state, timer.text) == (None, "speaking", "1:02:05")


def test_extend_adds_to_the_current_turns_limit(started: LiveMeeting, clock: FakeClock) -> None:
    started.apply("speak", {"who": "ch"})
    clock.advance(170)
    assert started.speaker_timer().state == "wrap_up"

    event = started.apply("extend", {"seconds": 60})
    assert event.payload == {"seconds": 60}
    timer = started.speaker_timer()
    assert (timer.limit_s, timer.state, timer.text) == (240, "speaking", "1:10")

    started.apply("extend", {"seconds": 30})
    assert started.speaker_timer().limit_s == 270
    assert started.speeches[0].extended_s == 90


def test_extend_without_seconds_gives_a_minute(started: LiveMeeting) -> None:
    started.apply("speak", {"who": "ch"})
    assert started.apply("extend").payload == {"seconds": 60}
    assert started.speaker_timer().limit_s == 240


def test_extend_belongs_to_the_turn_and_the_next_turn_starts_afresh(started: LiveMeeting) -> None:
    started.apply("speak", {"who": "ch"})
    started.apply("extend", {"seconds": 120})
    started.apply("speak", {"who": "se"})
    assert started.speaker_timer().limit_s == 180


@pytest.mark.parametrize("seconds", [0, -30, 3601, "60", True, float("nan"), None])
def test_extend_by_a_bad_amount_is_refused(started: LiveMeeting, refused, seconds) -> None:
    started.apply("speak", {"who": "ch"})
    refused(started, "extend", {"seconds": seconds}, match="Extend by")


def test_extend_a_turn_without_limit_is_refused(make_meeting, clock: FakeClock, refused) -> None:
    live = LiveMeeting(make_meeting(speaker_limit_s=0), clock)
    live.apply("start_meeting")
    live.apply("speak", {"who": "ch"})
    refused(live, "extend", {"seconds": 60}, match="no time limit")


def test_item_timer_follows_the_same_states_against_the_plan(started: LiveMeeting, clock: FakeClock) -> None:
    timer = started.item_timer()
    assert (timer.name, timer.limit_s, timer.text) == ("Welcome", 600.0, "10:00")
    clock.advance(575)
    assert (started.item_timer().state, started.item_timer().text) == ("wrap_up", "0:25")
    clock.advance(30)
    assert (started.item_timer().state, started.item_timer().text) == ("over", "+0:05 over")


def test_item_timer_is_idle_before_the_meeting(live: LiveMeeting) -> None:
    assert live.item_timer().state == "idle"


def test_interjection_has_a_short_limit_and_the_speaker_waits(started: LiveMeeting, clock: FakeClock) -> None:
    started.apply("speak", {"who": "m1"})
    clock.advance(40)
    started.apply("interject", {"who": "pr"})
    clock.advance(20)
    timer = started.speaker_timer()
    assert (timer.name, timer.interjection, timer.limit_s, timer.text) == ("Pat Rep", True, 60, "0:40")
    held = started.held_timer()
    assert held is not None
    assert (held.name, held.paused, held.elapsed_s, held.text) == ("Mo Member", True, 40.0, "2:20")
    assert held.state_label == "Speaking (paused)"


def test_interjection_limit_is_the_speaker_limit_when_that_is_shorter(make_meeting, clock: FakeClock) -> None:
    live = LiveMeeting(make_meeting(speaker_limit_s=45), clock)
    live.apply("start_meeting")
    live.apply("speak", {"who": "m1"})
    live.apply("interject", {"who": "pr"})
    assert live.speaker_timer().limit_s == 45


def test_interjection_is_short_even_where_turns_have_no_limit(make_meeting, clock: FakeClock) -> None:
    # A judgment call the engine makes: an interjection is a short turn even when speakers are not timed.
    live = LiveMeeting(make_meeting(speaker_limit_s=0), clock)
    live.apply("start_meeting")
    live.apply("speak", {"who": "m1"})
    live.apply("interject", {"who": "pr"})
    assert live.speaker_timer().limit_s == INTERJECTION_LIMIT_S == 60


def test_held_timer_is_none_without_an_interjection(started: LiveMeeting) -> None:
    started.apply("speak", {"who": "m1"})
    assert started.held_timer() is None


def test_break_timer_counts_down_the_break(started: LiveMeeting, clock: FakeClock) -> None:
    assert started.break_timer() is None
    started.apply("start_break")
    assert started.break_timer().text == "10:00"
    clock.advance(90)
    assert started.break_timer().text == "8:30"
    clock.advance(600)
    timer = started.break_timer()
    assert (timer.name, timer.state, timer.text) == ("Feedback break", "over", "+1:30 over")
    assert started.break_outlook() == "Feedback break: +1:30 over left"


# ---- display clock ------------------------------------------------------------------------------------


def test_timers_read_the_clock_and_do_not_count_ticks(started: LiveMeeting, clock: FakeClock) -> None:
    started.apply("speak", {"who": "ch"})
    clock.advance(12.4)
    first = started.speaker_timer().elapsed_s
    second = started.speaker_timer().elapsed_s  # asking again without time passing changes nothing
    assert first == second == pytest.approx(12.4)
    at = started.now() + 5
    assert started.speaker_timer(at).elapsed_s == pytest.approx(17.4)


def test_a_sleep_of_the_laptop_is_detected_and_counts_as_meeting_time(
    started: LiveMeeting, clock: FakeClock
) -> None:
    started.apply("speak", {"who": "ch"})
    clock.advance(60)
    clock.sleep(600)  # suspended for ten minutes: the monotonic clock stood still
    assert started.check_clock() == pytest.approx(600)
    assert started.clock_gap_s == pytest.approx(600)
    assert started.speaker_timer().elapsed_s == pytest.approx(660)
    assert started.elapsed() == pytest.approx(660)
    assert started.check_clock() == 0.0  # found once


def test_a_small_drift_is_not_a_sleep(started: LiveMeeting, clock: FakeClock) -> None:
    clock.advance(60)
    clock.step_wall(3)  # drift, not a sleep
    assert started.check_clock() == 0.0
    assert started.elapsed() == pytest.approx(60)


def test_a_command_after_a_sleep_notices_it(started: LiveMeeting, clock: FakeClock) -> None:
    clock.advance(100)
    clock.sleep(300)
    event = started.apply("next_item")
    assert (event.at - started.events[0].at).total_seconds() == pytest.approx(400)
    assert started.timing().items[0].actual_s == pytest.approx(400)


@pytest.mark.parametrize(
    ("seconds", "text"), [(0, "0:00"), (59.999, "0:59"), (61, "1:01"), (3600, "1:00:00"), (-5, "0:00")]
)
def test_format_clock(seconds: float, text: str) -> None:
    assert format_clock(seconds) == text


def test_timer_view_states_at_their_edges() -> None:
    assert TimerView("A", 149, 180, 30).state == "speaking"
    assert TimerView("A", 150, 180, 30).state == "wrap_up"
    assert TimerView("A", 179.9, 180, 30).state == "wrap_up"
    assert TimerView("A", 180, 180, 30).state == "over"
    assert TimerView("A", 10, 20, 30).state == "wrap_up"  # a limit shorter than the warning warns at once


# ---- pause and resume ---------------------------------------------------------------------------------


def test_pause_stops_every_clock_and_resume_restarts_them(started: LiveMeeting, clock: FakeClock) -> None:
    started.apply("speak", {"who": "ch"})
    clock.advance(60)
    started.apply("pause")
    assert started.speaker_timer().state_label == "Speaking (paused)"
    clock.advance(300)
    assert started.elapsed() == pytest.approx(60)
    assert started.item_timer().elapsed_s == pytest.approx(60)
    assert started.speaker_timer().elapsed_s == pytest.approx(60)
    assert started.speaker_timer().text == "2:00"

    started.apply("resume")
    clock.advance(30)
    assert started.elapsed() == pytest.approx(90)
    assert started.item_timer().elapsed_s == pytest.approx(90)
    started.apply("stop_speaking")
    speech = started.speeches[0]
    assert speech.seconds == pytest.approx(90)
    assert speech.end - speech.start == pytest.approx(390)  # the turn spans the pause, its seconds do not


def test_pause_stops_the_break_and_the_item_it_interrupted(started: LiveMeeting, clock: FakeClock) -> None:
    clock.advance(100)
    started.apply("start_break")
    clock.advance(60)
    started.apply("pause")
    clock.advance(500)
    assert started.break_timer().elapsed_s == pytest.approx(60)
    assert started.item_timer().elapsed_s == pytest.approx(100)
    started.apply("resume")
    clock.advance(40)
    assert started.break_timer().elapsed_s == pytest.approx(100)
    assert started.item_timer().elapsed_s == pytest.approx(100)  # still waiting for the break to end
    started.apply("end_break")
    clock.advance(20)
    assert started.item_timer().elapsed_s == pytest.approx(120)
    assert started.break_summary().duration_s == pytest.approx(100)


def test_pause_keeps_an_interrupted_speaker_waiting(started: LiveMeeting, clock: FakeClock) -> None:
    started.apply("speak", {"who": "m1"})
    clock.advance(30)
    started.apply("interject", {"who": "pr"})
    clock.advance(10)
    started.apply("pause")
    clock.advance(100)
    started.apply("stop_speaking")  # the interjection ends while paused: the speaker's clock waits for resume
    clock.advance(100)
    assert started.speaker_timer().name == "Mo Member"
    assert started.speaker_timer().elapsed_s == pytest.approx(30)
    started.apply("resume")
    clock.advance(5)
    assert started.speaker_timer().elapsed_s == pytest.approx(35)
    assert started.speeches[1].seconds == pytest.approx(10)


def test_ending_a_paused_meeting_leaves_the_pause_out(started: LiveMeeting, clock: FakeClock) -> None:
    started.apply("speak", {"who": "ch"})
    clock.advance(50)
    started.apply("pause")
    clock.advance(1000)
    started.apply("skip_break", {"reason": "Ended early"})
    started.apply("end_meeting")
    assert started.speeches[0].seconds == pytest.approx(50)
    assert started.timing().items[0].actual_s == pytest.approx(50)
    assert started.timing().end_offset_s == pytest.approx(1050)
    assert started.paused is False


@pytest.mark.parametrize(
    ("command", "payload"),
    [
        ("speak", {"who": "se"}),
        ("interject", {"who": "pr"}),
        ("next_item", None),
        ("start_item", {"item": "i3"}),
        ("start_break", None),
        ("pause", None),
    ],
)
def test_while_paused_the_floor_and_the_agenda_wait(
    started: LiveMeeting, refused, command: str, payload: dict | None
) -> None:
    started.apply("speak", {"who": "ch"})
    started.apply("pause")
    refused(started, command, payload, match="paused")


@pytest.mark.parametrize(
    ("command", "payload"),
    [
        ("stop_speaking", None),
        ("note", {"text": "Noted while paused"}),
        ("extend", {"seconds": 30}),
        ("postpone_break", None),
        ("queue", {"who": "m2"}),
        ("feedback", {"who": "pr", "text": "Please slow down"}),
    ],
)
def test_while_paused_the_secretary_and_the_chair_can_still_record(
    started: LiveMeeting, command: str, payload: dict | None
) -> None:
    started.apply("speak", {"who": "ch"})
    started.apply("pause")
    started.apply(command, payload)
    assert started.paused


def test_resume_when_not_paused_is_refused(started: LiveMeeting, refused) -> None:
    refused(started, "resume", match="not paused")


def test_item_with_its_own_limit_keeps_it_after_a_break(make_meeting, clock: FakeClock) -> None:
    agenda = [AgendaItem("a", "Alpha", 10, speaker_limit_s=90), AgendaItem("b", "Beta", 10)]
    live = LiveMeeting(make_meeting(agenda=agenda), clock)
    live.apply("start_meeting")
    live.apply("start_break")
    live.apply("speak", {"who": "pr"})
    assert live.speaker_timer().limit_s == 0  # no speaker limit in the break (DESIGN §3)
    live.apply("end_break")
    live.apply("speak", {"who": "ch"})
    assert live.speaker_timer().limit_s == 90
