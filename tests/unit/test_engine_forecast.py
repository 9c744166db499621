"""The forecast the chair sees and the rebalancing the engine proposes (DESIGN §3 'Forecast')."""

from __future__ import annotations

import pytest

from meetingkit.clock import FakeClock
from meetingkit.models.meeting import BREAK, AgendaItem, BreakSettings
from meetingkit.models.session import LiveMeeting

# The default board: 70 planned minutes of items and a 10-minute break, so 80 minutes in all.
SCHEDULED = 4800.0


def offsets(live: LiveMeeting) -> list[tuple[str, float, float]]:
    fc = live.forecast()
    return [(s.key, s.start - live.scheduled_start, s.end - live.scheduled_start) for s in fc.slots]


def test_before_the_start_the_plan_is_on_time(live: LiveMeeting) -> None:
    fc = live.forecast()
    assert fc.status == "on time"
    assert fc.projected_end == fc.scheduled_end == live.scheduled_start + SCHEDULED
    assert fc.at_risk == []
    assert offsets(live) == [
        ("i1", 0, 600),
        ("i2", 600, 1200),
        ("i3", 1200, 2400),
        (BREAK, 2400, 3000),
        ("i4", 3000, 4200),
        ("i5", 4200, 4800),
    ]


def test_starting_late_puts_the_last_item_at_risk(live: LiveMeeting, clock: FakeClock) -> None:
    clock.advance(300)
    live.apply("start_meeting")
    fc = live.forecast()
    assert fc.status == "over by 5 min" and fc.is_over
    assert fc.delta_s == pytest.approx(300)
    assert fc.at_risk == ["i5"]


def test_waiting_for_a_late_start_counts_against_the_plan(live: LiveMeeting, clock: FakeClock) -> None:
    clock.advance(600)
    assert live.forecast().status == "over by 10 min"


def test_an_item_running_over_pushes_the_end_out(started: LiveMeeting, clock: FakeClock) -> None:
    clock.advance(900)  # 'Welcome' planned for 10 min, still going at 15
    fc = started.forecast()
    assert fc.projected_end - started.scheduled_start == pytest.approx(900 + 3600 + 600)
    assert fc.status == "over by 5 min"
    assert fc.at_risk == ["i5"]


def test_finishing_early_puts_the_meeting_ahead(started: LiveMeeting, clock: FakeClock) -> None:
    clock.advance(300)
    started.apply("next_item")
    assert started.forecast().status == "ahead by 5 min"


def test_time_left_on_the_current_item_is_counted(started: LiveMeeting, clock: FakeClock) -> None:
    clock.advance(240)
    fc = started.forecast()
    assert fc.slots[0].key == "i1" and fc.slots[0].end - fc.slots[0].start == pytest.approx(360)
    assert fc.status == "on time"


def test_under_a_minute_either_way_is_on_time(live: LiveMeeting, clock: FakeClock) -> None:
    clock.advance(59)
    assert live.forecast().status == "on time"
    clock.advance(1)
    assert live.forecast().status == "over by 1 min"


def test_a_pause_moves_the_projected_end(started: LiveMeeting, clock: FakeClock) -> None:
    started.apply("pause")
    clock.advance(720)
    assert started.forecast().status == "over by 12 min"


def test_a_running_break_comes_first_in_the_forecast(started: LiveMeeting, clock: FakeClock) -> None:
    clock.advance(120)
    started.apply("start_break")
    clock.advance(60)
    fc = started.forecast()
    assert [s.key for s in fc.slots] == [BREAK, "i1", "i2", "i3", "i4", "i5"]
    assert fc.slots[0].end - fc.slots[0].start == pytest.approx(540)
    assert fc.slots[1].end - fc.slots[1].start == pytest.approx(480)  # what is left of 'Welcome'


def test_a_taken_or_skipped_break_is_not_forecast(started: LiveMeeting, clock: FakeClock) -> None:
    started.apply("skip_break", {"reason": "No representatives could stay"})
    fc = started.forecast()
    assert BREAK not in [s.key for s in fc.slots]
    assert fc.status == "ahead by 10 min"  # the scheduled end still holds the break's minutes


def test_a_postponed_break_is_forecast_one_item_later(started: LiveMeeting, clock: FakeClock) -> None:
    started.apply("next_item")
    started.apply("next_item")
    started.apply("postpone_break")
    assert [s.key for s in started.forecast().slots] == ["i3", "i4", BREAK, "i5"]


def test_after_the_end_the_forecast_is_the_actual_end(started: LiveMeeting, clock: FakeClock) -> None:
    clock.advance(4000)
    started.apply("skip_break", {"reason": "Ended early"})
    started.apply("end_meeting")
    clock.advance(1000)
    fc = started.forecast()
    assert fc.projected_end == started.ended_at
    assert fc.status == "ahead by 13 min"


# ---- rebalancing ------------------------------------------------------------------------------------------


def test_no_proposal_when_on_time_or_not_running(live: LiveMeeting, clock: FakeClock) -> None:
    clock.advance(900)
    assert live.rebalance_proposal() is None  # not started yet
    live.apply("start_meeting")
    assert live.forecast().is_over
    live.apply("skip_break", {"reason": "Ended early"})
    live.apply("end_meeting")
    assert live.rebalance_proposal() is None


def test_on_time_means_no_proposal(started: LiveMeeting) -> None:
    assert started.rebalance_proposal() is None


def test_flexible_items_are_shortened_and_protected_ones_keep_their_time(
    started: LiveMeeting, clock: FakeClock
) -> None:
    clock.advance(1200)  # 10 min over in 'Welcome'
    proposal = started.rebalance_proposal()
    # Left once the break (10), actions review (10) and next steps (10) are kept: 80 - 20 - 30 = 30 min
    # for 40 min of flexible items: each scaled by 3/4.
    assert proposal is not None
    assert (proposal.minutes, proposal.deferred) == ({"i3": 15.0, "i4": 15.0}, [])
    assert proposal.summary == "Shorten 2 items"


def test_an_item_marked_protected_keeps_its_time(make_meeting, clock: FakeClock) -> None:
    agenda = [AgendaItem(**{**vars(it), "protected": it.key == "i3"}) for it in make_meeting().agenda]
    live = LiveMeeting(make_meeting(agenda=agenda), clock)
    live.apply("start_meeting")
    clock.advance(1200)
    proposal = live.rebalance_proposal()
    assert proposal is not None
    assert (proposal.minutes, proposal.deferred) == ({"i4": 10.0}, [])


def test_below_half_the_last_flexible_items_are_deferred(started: LiveMeeting, clock: FakeClock) -> None:
    clock.advance(2400)  # 30 min over: 10 min left for 40 min of flexible items
    proposal = started.rebalance_proposal()
    assert proposal is not None
    assert (proposal.minutes, proposal.deferred) == ({"i3": 10.0}, ["i4"])
    assert proposal.summary == "Shorten 1 item and defer 1 item"


def test_with_no_time_left_every_flexible_item_is_deferred(started: LiveMeeting, clock: FakeClock) -> None:
    clock.advance(3000)
    proposal = started.rebalance_proposal()
    assert proposal is not None
    assert (proposal.minutes, proposal.deferred) == ({}, ["i3", "i4"])
    assert proposal.summary == "Defer 2 items"


def test_applying_the_proposal_brings_the_meeting_back_on_time(
    started: LiveMeeting, clock: FakeClock
) -> None:
    clock.advance(2400)
    proposal = started.rebalance_proposal()
    event = started.apply("rebalance", {"minutes": proposal.minutes, "deferred": proposal.deferred})
    assert event.payload == {"minutes": {"i3": 10.0}, "deferred": ["i4"]}
    assert started.forecast().status == "on time"
    assert started.rebalance_proposal() is None

    # 40 min gone, 30 min still planned: the break is due by the fraction after 'Welcome'.
    started.apply("next_item")
    assert started.brk.status == "running"
    started.apply("end_break")
    started.apply("next_item")
    assert started.current == "i3" and started.item_timer().limit_s == 600.0
    clock.advance(600)
    started.apply("next_item")  # the deferred item is passed over
    assert started.current == "i5"
    started.apply("end_meeting")
    assert [(i.key, i.planned_s, i.status) for i in started.timing().items][2:4] == [
        ("i3", 1200.0, "done"),  # timing keeps the original plan
        ("i4", 1200.0, "not_reached"),
    ]


@pytest.mark.parametrize(
    ("payload", "match"),
    [
        ({"minutes": {"i1": 5}}, "not yet started"),
        ({"deferred": ["i1"]}, "not yet started"),
        ({"minutes": {"i9": 5}}, "not yet started"),
        ({"minutes": {"i3": 0}}, "above 0"),
        ({"minutes": {"i3": "ten"}}, "above 0"),
        ({"minutes": [5]}, "minutes per item"),
        ({"deferred": "i3"}, "minutes per item"),
        ({"deferred": [["i3"]]}, "cannot"),
    ],
)
def test_a_bad_new_plan_is_refused(started: LiveMeeting, refused, payload: dict, match: str) -> None:
    refused(started, "rebalance", payload, match=match)


def test_the_scheduled_end_includes_the_break(make_meeting, clock: FakeClock) -> None:
    live = LiveMeeting(make_meeting(brk=BreakSettings(minutes=15)), clock)
    assert live.scheduled_end - live.scheduled_start == 70 * 60 + 15 * 60
