"""Break placement, the forecast and rebalancing as pure functions (meetingkit.models.schedule)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meetingkit.models.meeting import BREAK, AgendaItem
from meetingkit.models.schedule import (
    Forecast,
    Proposal,
    break_due_by_fraction,
    planned_break_after,
    project,
    rebalance,
)


@pytest.mark.parametrize(
    ("minutes", "fraction", "k"),
    [
        ([], 0.5, None),
        ([30], 0.5, 0),  # one item: the break follows it
        ([30], 0.1, 0),
        ([10, 10, 10, 10], 0.5, 1),
        ([10, 20, 10], 0.5, 0),  # ends 10 and 30 tie around 20: the smaller k
        ([5, 10, 20, 15, 15, 10], 0.5, 2),  # the shared example: 35 of 75
        ([10, 10, 20, 20, 10], 0.25, 1),
        ([10, 100], 0.9, 0),  # never after the last item while there are two or more
        ([0.1, 0.2, 0.1], 0.5, 0),  # a tie even in floating point
    ],
)
def test_planned_break_after(minutes: list[float], fraction: float, k: int | None) -> None:
    assert planned_break_after(minutes, fraction) == k


@settings(max_examples=200, deadline=None)
@given(
    minutes=st.lists(st.integers(min_value=1, max_value=120), min_size=2, max_size=12),
    fraction=st.floats(min_value=0.01, max_value=0.99),
)
def test_the_planned_slot_is_the_nearest_cumulative_end(minutes: list[int], fraction: float) -> None:
    k = planned_break_after(minutes, fraction)
    assert k is not None and 0 <= k <= len(minutes) - 2
    ends = [sum(minutes[: i + 1]) for i in range(len(minutes))]
    target = fraction * ends[-1]
    best = min(abs(ends[i] - target) for i in range(len(minutes) - 1))
    assert abs(ends[k] - target) == pytest.approx(best)
    assert all(abs(ends[i] - target) > best + 1e-6 for i in range(k))  # ties go to the smaller k


@pytest.mark.parametrize(
    ("elapsed", "remaining", "fraction", "due"),
    [
        (1800, 1800, 0.5, True),  # exactly f * (E + R)
        (1799, 1800, 0.5, False),
        (600, 1800, 0.25, True),
        (599, 1800, 0.25, False),
        (0, 0, 0.5, True),  # nothing left to plan: due
        (100, 0, 0.9, True),
    ],
)
def test_break_due_by_fraction(elapsed: float, remaining: float, fraction: float, due: bool) -> None:
    assert break_due_by_fraction(elapsed, remaining, fraction) is due


def items(*spec: tuple[str, float]) -> list[AgendaItem]:
    return [AgendaItem(key, key.upper(), minutes) for key, minutes in spec]


def test_project_lays_out_current_items_and_the_break() -> None:
    fc = project(1000.0, 5000.0, ("a", 120.0), items(("b", 10), ("c", 20)), 600.0, "c")
    assert [(s.key, s.start, s.end) for s in fc.slots] == [
        ("a", 1000, 1120),
        ("b", 1120, 1720),
        (BREAK, 1720, 2320),
        ("c", 2320, 3520),
    ]
    assert fc.projected_end == 3520 and fc.at_risk == []
    assert fc.status == "ahead by 25 min"


def test_project_with_the_break_before_the_current_item_or_at_the_end() -> None:
    before = project(0.0, 0.0, ("a", 60.0), [], 300.0, "a")
    assert [s.key for s in before.slots] == [BREAK, "a"]
    end = project(0.0, 0.0, None, items(("b", 1)), 300.0, None)
    assert [s.key for s in end.slots] == ["b", BREAK]


def test_a_running_break_comes_first() -> None:
    fc = project(0.0, 10_000.0, ("a", 60.0), items(("b", 1)), 200.0, "b", break_running=True)
    assert [s.key for s in fc.slots] == [BREAK, "a", "b"]
    assert fc.projected_end == 320.0


def test_items_ending_after_the_scheduled_end_are_at_risk() -> None:
    fc = project(0.0, 1200.0, None, items(("a", 10), ("b", 10), ("c", 10)), None, None)
    assert fc.at_risk == ["c"]  # b ends exactly at the scheduled end: it fits
    fc = project(0.0, 1200.0, None, items(("a", 10), ("b", 10)), 300.0, "b")
    assert fc.at_risk == ["b"]  # the break comes first and pushes b out


@pytest.mark.parametrize(
    ("delta", "status", "over"),
    [
        (0, "on time", False),
        (59.9, "on time", False),
        (-59.9, "on time", False),
        (60, "over by 1 min", True),
        (-60, "ahead by 1 min", False),
        (600, "over by 10 min", True),
        (-1800, "ahead by 30 min", False),
        (89, "over by 1 min", True),
        (91, "over by 2 min", True),
    ],
)
def test_forecast_status(delta: float, status: str, over: bool) -> None:
    fc = Forecast(now=0.0, projected_end=10_000.0 + delta, scheduled_end=10_000.0)
    assert (fc.status, fc.is_over) == (status, over)


def test_rebalance_nothing_to_do() -> None:
    assert rebalance(items(("a", 10), ("b", 10)), 1200.0) is None
    assert rebalance([AgendaItem("n", "Next steps", 10, kind="next_steps")], 0.0) is None  # nothing flexible
    assert rebalance([], 0.0) is None


def test_rebalance_scales_flexible_items_to_whole_minutes() -> None:
    proposal = rebalance(items(("a", 20), ("b", 10)), 1500.0)  # 25 min for 30: each by 5/6
    assert proposal == Proposal(
        minutes={"a": 16.0, "b": 8.0}, deferred=[], available_s=1500.0, needed_s=1800.0
    )
    assert sum(proposal.minutes.values()) * 60 <= 1500.0


def test_rebalance_leaves_protected_items_out() -> None:
    agenda = [
        AgendaItem("r", "Actions review", 10, kind="actions_review"),
        AgendaItem("a", "A", 20),
        AgendaItem("p", "Pinned", 15, protected=True),
        AgendaItem("n", "Next steps", 10, kind="next_steps"),
    ]
    proposal = rebalance(agenda, 600.0)
    assert proposal is not None
    assert (proposal.minutes, proposal.deferred) == ({"a": 10.0}, [])


def test_rebalance_defers_the_last_flexible_items_rather_than_halve_them() -> None:
    proposal = rebalance(items(("a", 20), ("b", 20), ("c", 20)), 1000.0)
    assert proposal is not None
    # All three at half would need 30 min; a and b at half need 20: 16 2/3 min left, so only a stays.
    assert (proposal.minutes, proposal.deferred) == ({"a": 16.0}, ["b", "c"])
    assert proposal.summary == "Shorten 1 item and defer 2 items"


def test_rebalance_with_no_time_defers_everything_flexible() -> None:
    proposal = rebalance(items(("a", 20), ("b", 20)), -300.0)
    assert proposal is not None
    assert (proposal.minutes, proposal.deferred) == ({}, ["a", "b"])
    assert proposal.summary == "Defer 2 items"


def test_rebalance_never_plans_below_one_minute() -> None:
    proposal = rebalance(items(("a", 1), ("b", 1)), 61.0)
    assert proposal is not None and all(m >= 1 for m in proposal.minutes.values())


@settings(max_examples=200, deadline=None)
@given(
    minutes=st.lists(st.integers(min_value=1, max_value=60), min_size=1, max_size=8),
    available=st.floats(min_value=-600, max_value=20_000, allow_nan=False),
)
def test_a_proposal_fits_keeps_order_and_keeps_half(minutes: list[int], available: float) -> None:
    agenda = items(*[(f"k{i}", m) for i, m in enumerate(minutes)])
    proposal = rebalance(agenda, available)
    if sum(minutes) * 60 <= available:
        assert proposal is None
        return
    assert proposal is not None
    keys = [it.key for it in agenda]
    kept = [k for k in keys if k not in proposal.deferred]
    assert proposal.deferred == keys[len(kept) :]  # the last items are deferred, in order
    plan = dict(zip(keys, minutes, strict=True))
    kept_s = sum(plan[k] for k in kept) * 60
    assert kept_s * 0.5 <= max(0.0, available) + 1e-6  # the rest fit at half or more
    assert set(proposal.minutes) <= set(kept)
    for k, m in proposal.minutes.items():
        assert 1 <= m <= plan[k]


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (150, "over by 3 min"),
        (210, "over by 4 min"),
        (-150, "ahead by 3 min"),
        (59, "on time"),
        (89, "over by 1 min"),
    ],
)
def test_forecast_minutes_round_halves_up(delta: float, text: str) -> None:
    from meetingkit.models.schedule import Forecast

    assert Forecast(now=0, projected_end=1000 + delta, scheduled_end=1000).status == text


def test_rounding_down_never_cuts_an_item_below_half_its_plan() -> None:
    from meetingkit.models.schedule import rebalance

    # 15 min scaled by 0.49 would floor to 7 min (< 7.5): defer instead of offering less than half.
    items = [AgendaItem("a", "Primary care access", 15), AgendaItem("b", "Budget", 15)]
    proposal = rebalance(items, available_s=0.49 * 30 * 60 + 60)
    assert proposal is not None
    for key, minutes in proposal.minutes.items():
        planned = next(it.minutes for it in items if it.key == key)
        assert minutes * 2 >= planned, (key, minutes)
    assert proposal.deferred


def test_items_at_risk_agree_with_on_time() -> None:
    from meetingkit.models.schedule import project

    fc = project(0.0, 3600.0, ("a", 1800.0), [AgendaItem("b", "Next steps", 30.5)], None, None)
    assert fc.status == "on time" and fc.at_risk == []  # 30 s over: on time, and nothing at risk
