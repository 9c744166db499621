"""The running order during the meeting (issue 13): planned and projected starts, lengths, statuses, the break
where it will fall, deferred and protected items."""

from __future__ import annotations

import pytest

from meetingkit.clock import FakeClock
from meetingkit.models.meeting import BREAK
from meetingkit.models.running_order import running_order
from meetingkit.models.session import LiveMeeting


def table(live: LiveMeeting) -> list[tuple[str, str, float | None]]:
    """(key, status, minutes from the scheduled start to its start) per row, in order."""
    s = live.scheduled_start
    return [
        (r.key, r.status, None if r.start is None else round((r.start - s) / 60, 2))
        for r in running_order(live)
    ]


def test_before_the_start_the_plan_with_the_break_after_its_slot(live: LiveMeeting) -> None:
    # 10, 10, 20 (break 10 after i3), 20, 10
    assert table(live) == [
        ("i1", "later", 0.0),
        ("i2", "later", 10.0),
        ("i3", "later", 20.0),
        (BREAK, "later", 40.0),
        ("i4", "later", 50.0),
        ("i5", "later", 70.0),
    ]
    rows = {r.key: r for r in running_order(live)}
    assert (
        rows["i2"].protected and rows["i5"].protected and rows[BREAK].protected and not rows["i3"].protected
    )


def test_a_late_item_moves_what_follows_and_a_deferred_one_goes_last(
    started: LiveMeeting, clock: FakeClock
) -> None:
    clock.advance(15 * 60)  # 'Welcome' runs 5 min over
    started.apply("next_item")
    clock.advance(60)
    assert table(started) == [
        ("i1", "done", 0.0),
        ("i2", "now", 15.0),
        ("i3", "next", 25.0),  # now is 16 min in, and i2 has 9 of its 10 min left
        (BREAK, "later", 45.0),
        ("i4", "later", 55.0),
        ("i5", "later", 75.0),
    ]
    rows = {r.key: r for r in running_order(started)}
    assert rows["i1"].actual_s == pytest.approx(900) and rows["i1"].planned_start == started.scheduled_start
    assert rows["i2"].planned_start == started.scheduled_start + 600 and rows["i2"].started
    started.apply("rebalance", {"deferred": ["i4"]})
    assert table(started)[-1] == ("i4", "deferred", None)
    assert [k for k, *_ in table(started)] == ["i1", "i2", "i3", BREAK, "i5", "i4"]


def test_the_break_taken_mid_item_and_skipped(started: LiveMeeting, clock: FakeClock) -> None:
    clock.advance(120)
    started.apply("start_break")
    rows = running_order(started)
    assert [(r.key, r.status) for r in rows][:2] == [("i1", "now"), (BREAK, "now")]
    clock.advance(600)
    started.apply("end_break")
    assert {r.key: r.status for r in running_order(started)}[BREAK] == "done"


def test_a_skipped_break_says_so(started: LiveMeeting) -> None:
    started.apply("skip_break", {"reason": "Running late"})
    assert {r.key: r.status for r in running_order(started)}[BREAK] == "skipped"
