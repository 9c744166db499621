"""The patient and public feedback break (DESIGN §3): where it is planned, when it falls due, postponing,
skipping, taking it mid-item, and that it happens at most once."""

from __future__ import annotations

import pytest

from meetingkit.clock import FakeClock
from meetingkit.models.meeting import BREAK, AgendaItem, BreakSettings, DomainError
from meetingkit.models.session import Event, LiveMeeting
from meetingkit.models.summary import MeetingSummary


def finish_items(live: LiveMeeting, clock: FakeClock, *seconds: float) -> None:
    """Let each current item run for the given time, then move on with next_item."""
    for s in seconds:
        clock.advance(s)
        live.apply("next_item")


def test_the_break_is_planned_after_the_item_nearest_the_fraction(live: LiveMeeting) -> None:
    assert live.slot_key == "i3"  # ends at 40 of 70 min, nearest to 35
    assert live.break_outlook() == "Feedback break after 'Discharge results'"


def test_on_a_one_item_agenda_the_break_follows_that_item(make_meeting, clock: FakeClock) -> None:
    live = LiveMeeting(make_meeting(agenda=[AgendaItem("only", "Only item", 30)]), clock)
    assert live.slot_key == "only"
    live.apply("start_meeting")
    clock.advance(60)  # far from half-way: the slot still says so
    live.apply("next_item")
    assert (live.brk.status, live.current, live.brk.after_item) == ("running", None, "only")


def test_ties_go_to_the_earlier_item(make_meeting, clock: FakeClock) -> None:
    agenda = [AgendaItem("a", "A", 10), AgendaItem("b", "B", 20), AgendaItem("c", "C", 10)]
    live = LiveMeeting(make_meeting(agenda=agenda), clock)
    assert live.slot_key == "a"  # ends 10 and 30 are both 10 from 20


def test_the_break_starts_instead_of_the_next_item_after_the_slot(
    started: LiveMeeting, clock: FakeClock
) -> None:
    finish_items(started, clock, 600, 600)
    assert (started.current, started.brk.status) == ("i3", "pending")
    assert started.break_outlook() == "Feedback break after this item"
    started.apply("speak", {"who": "m1"})
    finish_items(started, clock, 1200)
    assert (started.current, started.brk.status, started.turn) == (None, "running", None)
    assert started.brk.after_item == "i3"

    clock.advance(90)
    assert started.break_timer().text == "8:30"
    started.apply("speak", {"who": "pr"})
    clock.advance(200)
    started.apply("end_break")  # ends the turn and starts the next agenda item
    assert (started.current, started.brk.status) == ("i4", "taken")
    assert started.speeches[-1].item == BREAK and started.speeches[-1].seconds == 200.0

    summary = started.break_summary()
    assert (summary.status, summary.after_item, summary.start_offset_s, summary.duration_s) == (
        "taken",
        "Discharge results",
        2400.0,
        290.0,
    )
    assert started.break_outlook() == "Feedback break held"


@pytest.mark.parametrize(("first_item_s", "due"), [(3599, False), (3600, True)])
def test_the_break_falls_due_by_the_fraction_before_its_slot(
    started: LiveMeeting, clock: FakeClock, first_item_s: float, due: bool
) -> None:
    # After 'Welcome', R = 60 min still planned: due once E >= 0.5 * (E + R), that is E >= 60 min.
    finish_items(started, clock, first_item_s)
    assert started.brk.status == ("running" if due else "pending")
    assert started.current == (None if due else "i2")


def test_the_fraction_is_the_meetings_setting(make_meeting, clock: FakeClock) -> None:
    live = LiveMeeting(make_meeting(brk=BreakSettings(fraction=0.25)), clock)
    assert live.slot_key == "i2"  # ends 10, 20, 40...: a quarter of 70 is 17.5, nearest 20
    live.apply("start_meeting")
    finish_items(live, clock, 1200)  # E = 20 min, R = 60 min: 20 >= 0.25 * 80
    assert live.brk.status == "running" and live.brk.after_item == "i1"


def test_paused_time_does_not_count_towards_the_fraction(started: LiveMeeting, clock: FakeClock) -> None:
    clock.advance(1800)
    started.apply("pause")
    clock.advance(3600)  # a long pause: were it counted, the break would be due after 'Welcome'
    started.apply("resume")
    finish_items(started, clock, 0)
    assert (started.current, started.brk.status) == ("i2", "pending")


def test_postpone_holds_the_break_back_at_one_boundary_only(started: LiveMeeting, clock: FakeClock) -> None:
    finish_items(started, clock, 600, 600)
    assert started.apply("postpone_break").payload == {}
    assert started.break_outlook() != "Feedback break after this item"
    finish_items(started, clock, 1200)
    assert (started.current, started.brk.status) == ("i4", "pending")
    finish_items(started, clock, 1200)  # E = 60, R = 10: due by the fraction at the next boundary
    assert (started.current, started.brk.status, started.brk.after_item) == (None, "running", "i4")


def test_postpone_given_during_an_earlier_item_does_not_hold_back_the_slot(
    started: LiveMeeting, clock: FakeClock
) -> None:
    finish_items(started, clock, 600)
    started.apply("postpone_break")  # during 'Review of actions'
    finish_items(started, clock, 600, 1200)
    assert started.brk.status == "running" and started.brk.after_item == "i3"


def test_postponed_twice_the_break_comes_after_the_last_item(started: LiveMeeting, clock: FakeClock) -> None:
    finish_items(started, clock, 600, 600)
    started.apply("postpone_break")
    finish_items(started, clock, 1200)
    started.apply("postpone_break")
    finish_items(started, clock, 1200)
    assert (started.current, started.brk.status) == ("i5", "pending")
    finish_items(started, clock, 600)  # after the last item a due break starts first
    assert (started.current, started.brk.status, started.brk.after_item) == (None, "running", "i5")
    clock.advance(300)
    started.apply("end_break")
    assert (started.current, started.brk.status) == (None, "taken")
    with pytest.raises(Exception, match="no more agenda items"):
        started.apply("next_item")
    started.apply("end_meeting")
    assert started.break_summary().status == "taken"


def test_postponing_at_every_item_never_lets_the_meeting_end_without_the_break(
    make_meeting, clock: FakeClock, refused
) -> None:
    # Issue 12, finding 3: postpone, next, postpone, next, End meeting — the break had vanished unasked.
    agenda = [AgendaItem("a", "A", 10), AgendaItem("b", "B", 10)]
    live = LiveMeeting(make_meeting(agenda=agenda), clock)
    live.apply("start_meeting")
    live.apply("postpone_break")
    finish_items(live, clock, 600)
    live.apply("postpone_break")
    finish_items(live, clock, 600)
    assert (live.current, live.brk.status) == (None, "pending")
    refused(live, "end_meeting", match="feedback break has not been held")
    assert live.status == "running"
    refused(live, "skip_break", {"reason": "  "}, match="Give a reason")
    live.apply("skip_break", {"reason": "Representatives left early"})
    live.apply("end_meeting")
    summary = live.break_summary()
    assert (summary.status, summary.skip_reason) == ("skipped", "Representatives left early")


def test_a_meeting_stored_before_the_rule_still_opens_with_its_break_not_held(
    make_meeting, clock: FakeClock
) -> None:
    agenda = [AgendaItem("a", "A", 10), AgendaItem("b", "B", 10)]
    meeting = make_meeting(agenda=agenda)
    old = LiveMeeting(meeting, clock)
    old.apply("start_meeting")
    old.apply("postpone_break")
    finish_items(old, clock, 600)
    old.apply("postpone_break")
    finish_items(old, clock, 600)
    # What an older version accepted and stored: the end with the break still to come.
    old.events.append(Event(len(old.events) + 1, old.events[-1].at, "end_meeting", {}))
    rebuilt = LiveMeeting.rebuild(meeting, old.events, clock)
    assert (rebuilt.status, rebuilt.break_summary().status) == ("ended", "not_held")


def test_postpone_is_refused_twice_in_one_item_and_outside_an_item(
    started: LiveMeeting, clock: FakeClock, refused
) -> None:
    started.apply("postpone_break")
    refused(started, "postpone_break", match="already held back")
    started.apply("start_break")
    refused(started, "postpone_break", match="already under way")


def test_postpone_after_the_last_item_is_refused(make_meeting, clock: FakeClock, refused) -> None:
    live = LiveMeeting(make_meeting(agenda=[AgendaItem("a", "A", 10)]), clock)
    live.apply("start_meeting")
    live.apply("postpone_break")
    finish_items(live, clock, 600)
    refused(live, "postpone_break", match="No item is under way")


@pytest.mark.parametrize("payload", [None, {}, {"reason": ""}, {"reason": "   "}, {"reason": 3}])
def test_skipping_the_break_needs_a_reason(started: LiveMeeting, refused, payload: dict | None) -> None:
    refused(started, "skip_break", payload, match="Give a reason")


def test_a_skipped_break_does_not_come_and_the_reason_is_kept(
    started: LiveMeeting, clock: FakeClock, refused
) -> None:
    event = started.apply("skip_break", {"reason": "  Representatives sent written comments  "})
    assert event.payload == {"reason": "Representatives sent written comments"}
    finish_items(started, clock, 600, 600, 1200)
    assert (started.current, started.brk.status) == ("i4", "skipped")
    refused(started, "start_break", match="was skipped")
    refused(started, "skip_break", {"reason": "again"}, match="was skipped")
    summary = started.break_summary()
    assert (summary.status, summary.skip_reason, summary.duration_s) == (
        "skipped",
        "Representatives sent written comments",
        0.0,
    )
    assert started.break_outlook() == "Feedback break skipped: Representatives sent written comments"


def test_a_break_mid_item_pauses_the_item_and_end_break_resumes_it(
    started: LiveMeeting, clock: FakeClock
) -> None:
    finish_items(started, clock, 600)
    started.apply("speak", {"who": "se"})
    clock.advance(120)
    started.apply("start_break")
    assert (started.turn, started.current, started.brk.mid_item) == (None, "i2", "i2")
    assert started.speeches[0].seconds == 120.0
    started.apply("speak", {"who": "pr"})
    started.apply("note", {"text": "Asked about transport"})
    clock.advance(300)
    assert started.item_timer().elapsed_s == pytest.approx(120)
    started.apply("end_break")
    assert (started.current, started.brk.status) == ("i2", "taken")
    clock.advance(60)
    assert started.item_timer().elapsed_s == pytest.approx(180)
    assert [(s.who, s.item) for s in started.speeches] == [("se", "i2"), ("pr", BREAK)]
    assert started.notes[0].item == BREAK
    assert started.break_summary().after_item == "Review of actions"

    finish_items(started, clock, 0, 1200)  # the slot passes: the break has been held, at most once
    assert (started.current, started.brk.status) == ("i4", "taken")


def test_next_item_during_a_mid_item_break_ends_both_and_opens_the_next(
    started: LiveMeeting, clock: FakeClock
) -> None:
    finish_items(started, clock, 600)
    clock.advance(120)
    started.apply("start_break")
    clock.advance(300)
    started.apply("next_item")
    assert (started.current, started.brk.status) == ("i3", "taken")
    i2 = started.timing().items[1]
    assert (i2.status, i2.actual_s) == ("done", 120.0)
    assert started.break_summary().duration_s == 300.0


def test_start_item_during_the_break_ends_it(started: LiveMeeting, clock: FakeClock) -> None:
    started.apply("start_break")
    clock.advance(60)
    started.apply("start_item", {"item": "i4"})
    assert (started.current, started.brk.status) == ("i4", "taken")
    assert started.timing().items[0].status == "done"  # the item the break interrupted ends with it


def test_the_break_happens_at_most_once(started: LiveMeeting, refused) -> None:
    started.apply("start_break")
    refused(started, "start_break", match="already under way")
    refused(started, "skip_break", {"reason": "x"}, match="already under way")
    started.apply("end_break")
    refused(started, "start_break", match="already been held")
    refused(started, "end_break", match="not under way")


def test_end_break_when_no_break_is_on_is_refused(started: LiveMeeting, refused) -> None:
    refused(started, "end_break", match="not under way")


def test_a_disabled_break_never_comes(make_meeting, clock: FakeClock, refused) -> None:
    live = LiveMeeting(make_meeting(brk=BreakSettings(enabled=False)), clock)
    live.apply("start_meeting")
    finish_items(live, clock, 600, 600, 1200)
    assert (live.current, live.brk.status) == ("i4", "disabled")
    refused(live, "start_break", match="turned off")
    refused(live, "skip_break", {"reason": "x"}, match="turned off")
    assert live.break_outlook() == "No feedback break in this meeting"
    assert live.scheduled_end - live.scheduled_start == 4200.0  # no break minutes in the plan
    live.apply("end_meeting")
    assert live.break_summary().status == "disabled"


def test_break_status_while_running_and_after_an_end_without_it(
    started: LiveMeeting, clock: FakeClock
) -> None:
    assert started.break_summary().status == "pending"
    with pytest.raises(DomainError, match="feedback break has not been held"):
        started.apply("end_meeting")
    # Only a meeting stored before the rule ends with its break not held.
    started.events.append(Event(len(started.events) + 1, started.events[-1].at, "end_meeting", {}))
    old = LiveMeeting.rebuild(started.meeting, started.events, clock)
    summary = old.break_summary()
    assert (summary.status, summary.after_item, summary.start_offset_s) == ("not_held", None, None)


def test_ending_the_meeting_during_the_break_closes_it(started: LiveMeeting, clock: FakeClock) -> None:
    clock.advance(100)
    started.apply("start_break")
    clock.advance(250)
    started.apply("end_meeting")
    summary = started.break_summary()
    assert (summary.status, summary.start_offset_s, summary.duration_s) == ("taken", 100.0, 250.0)
    assert started.timing().items[0].actual_s == 100.0


def test_the_break_countdown_is_the_break_minutes(make_meeting, clock: FakeClock) -> None:
    live = LiveMeeting(make_meeting(brk=BreakSettings(minutes=15)), clock)
    live.apply("start_meeting")
    live.apply("start_break")
    assert live.break_timer().text == "15:00"


def test_the_outlook_says_when_the_break_comes(started: LiveMeeting, clock: FakeClock) -> None:
    # Welcome 10 + Review 10 + Discharge 20 still to run: the break is 40 minutes away.
    assert started.break_outlook() == "Feedback break in about 40 min"
    finish_items(started, clock, 300)
    assert started.break_outlook() == "Feedback break in about 30 min"


@pytest.mark.parametrize("settings", [{"fraction": 0}, {"fraction": 1}, {"fraction": 1.5}, {"minutes": 0.5}])
def test_break_settings_are_checked(make_meeting, clock: FakeClock, settings: dict) -> None:
    with pytest.raises(Exception, match="feedback break"):
        LiveMeeting(make_meeting(brk=BreakSettings(**settings)), clock)


def test_the_summary_measures_a_running_break_at_the_moment_asked(
    started: LiveMeeting, clock: FakeClock
) -> None:
    started.apply("start_break")
    clock.advance(100)
    at = started.now() - 40
    doc = MeetingSummary.of(started, now=at).to_json()
    assert doc["break"]["duration_s"] == 60.0  # the same moment as every other figure, not the clock's now
    assert doc["timing"]["items"][0]["actual_s"] == 0.0
