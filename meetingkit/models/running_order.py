"""The running order during the meeting (issue 13): every agenda item and the feedback break, with planned and
projected start, planned and actual length, and where each stands — done, now, next, later, deferred."""

from __future__ import annotations

from dataclasses import dataclass

from meetingkit.models.meeting import BREAK
from meetingkit.models.session import LiveMeeting

BREAK_TITLE = "Patient and public feedback break"


@dataclass(frozen=True)
class OrderRow:
    key: str  # an agenda key, or BREAK
    title: str
    planned_start: float  # epoch seconds, as first planned
    start: float | None  # the actual start (done, now), else the projected one; None: deferred or skipped
    planned_s: float  # as now planned (a rebalance may have changed it)
    actual_s: float  # meeting time spent on it so far
    status: str  # done | now | next | later | deferred | skipped
    protected: bool
    started: bool  # `start` is when it began (not a projection)


def planned_starts(live: LiveMeeting) -> dict[str, float]:
    """Each item's start, and the break's, in the plan as made (before the meeting)."""
    m = live.meeting
    t = live.scheduled_start
    out: dict[str, float] = {}
    for i, it in enumerate(m.agenda):
        out[it.key] = t
        t += it.planned_s
        if m.brk.enabled and live.slot_index == i:
            out[BREAK] = t
            t += m.brk.minutes * 60
    return out


def running_order(live: LiveMeeting, now: float | None = None) -> list[OrderRow]:
    """The rows in the order the meeting runs: what was done (by when it began), what is under way, then what
    is still to come as projected (the break where it will fall), and at the end what was deferred."""
    now = live.now() if now is None else now
    plan = planned_starts(live)
    fc = live.forecast(now)
    projected = {s.key: s.start for s in fc.slots}
    here = BREAK if live.brk.status == "running" else live.current
    future = [s.key for s in fc.slots if s.key != here]
    next_key = future[0] if live.status == "running" and future else None
    rows: list[OrderRow] = []
    for it in live.meeting.agenda:
        run = live.items[it.key]
        status = {"done": "done", "current": "now", "deferred": "deferred"}.get(run.status, "later")
        if it.key == next_key:
            status = "next"
        if it.key == live.current and here == BREAK:
            status = "now"  # the break runs within it; it goes on after the break
        started = run.started_at is not None
        rows.append(
            OrderRow(
                it.key,
                it.title,
                plan.get(it.key, live.scheduled_start),
                run.started_at if started else projected.get(it.key),
                live.planned[it.key],
                round(run.clock.elapsed(now), 3),
                status,
                it.is_protected,
                started,
            )
        )
    brk = _break_row(live, plan, projected, next_key, now)
    if brk is not None:
        rows.append(brk)
    return sorted(
        rows, key=lambda r: (r.status == "deferred", r.start if r.start is not None else float("inf"))
    )


def _break_row(
    live: LiveMeeting, plan: dict[str, float], projected: dict[str, float], next_key: str | None, now: float
) -> OrderRow | None:
    b = live.brk
    if b.status == "disabled":
        return None
    status = {"running": "now", "taken": "done", "skipped": "skipped"}.get(b.status, "later")
    if next_key == BREAK:
        status = "next"
    start = b.started_at if b.started_at is not None else projected.get(BREAK)
    if b.status == "skipped":
        start = b.ended_at  # shown where it was skipped
    if b.status == "pending" and live.status == "ended":
        status = "skipped"
    return OrderRow(
        BREAK,
        BREAK_TITLE,
        plan.get(BREAK, live.scheduled_end),
        start,
        live.meeting.brk.minutes * 60,
        round(b.clock.elapsed(now), 3),
        status,
        True,
        b.started_at is not None,
    )
