"""The forecast and rebalancing of DESIGN §3 (will the meeting end on time, and a new plan if not), and the
chair's line about when the break comes, which reads the forecast; a mixin of `LiveMeeting`."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

from meetingkit.models import schedule
from meetingkit.models.break_rules import BreakRules
from meetingkit.models.meeting import BREAK, AgendaItem, DomainError

REBALANCE_AFTER_S = 180  # a new plan is offered only once the meeting is more than 3 minutes over


class ForecastRules(BreakRules):
    """The projected end, `rebalance`, and the engine's offer of a new plan."""

    def forecast(self, now: float | None = None) -> schedule.Forecast:
        now = self.now() if now is None else now
        if self.status == "ended":
            end = self.ended_at or now
            return schedule.Forecast(now=now, projected_end=end, scheduled_end=self.scheduled_end)
        if self.status == "ready":
            now = max(now, self.scheduled_start)
        current = None
        left = 0.0
        if self.current is not None:
            left = self._current_left(now)
            current = (self.current, left)
        brk_left: float | None = None
        if self.brk.status == "running":
            brk_left = max(0.0, self.meeting.brk.minutes * 60 - self.brk.clock.elapsed(now))
        elif self.brk.status == "pending":
            brk_left = self.meeting.brk.minutes * 60
        not_started = [self._planned_item(k) for k in self._not_started_keys()]
        return schedule.project(
            now,
            self.scheduled_end,
            current,
            not_started,
            brk_left,
            self._break_before(now, left) if self.brk.status == "pending" else None,
            break_running=self.brk.status == "running",
        )

    def _planned_item(self, key: str) -> AgendaItem:
        """The item as now planned (a rebalance may have changed its minutes)."""
        it = self.meeting.item(key)
        return it if self.planned[key] == it.planned_s else replace(it, minutes=self.planned[key] / 60.0)

    def rebalance_proposal(self, now: float | None = None) -> schedule.Proposal | None:
        """The engine's offer to bring the meeting back on time, or None if it is on time already."""
        if self.status != "running":
            return None
        fc = self.forecast(now)
        if fc.delta_s <= REBALANCE_AFTER_S:
            return None
        not_started = [self._planned_item(k) for k in self._not_started_keys()]
        fixed = sum(s.end - s.start for s in fc.slots if s.key not in {it.key for it in not_started})
        protected = sum(it.planned_s for it in not_started if it.is_protected)
        available = self.scheduled_end - fc.now - fixed - protected
        return schedule.rebalance(not_started, available)

    def _do_rebalance(self, body: dict[str, Any], t: float) -> dict[str, Any]:
        self._running()
        minutes = body.get("minutes") or {}
        deferred = body.get("deferred") or []
        for field_name, value, kind in (("minutes", minutes, dict), ("deferred", deferred, list)):
            if not isinstance(value, kind):
                raise DomainError(
                    "A new plan gives minutes per item and a list of items to defer", field_name
                )
            for key in value:
                # str first: a key that is itself a list (from a record) cannot be looked up
                if (
                    not isinstance(key, str)
                    or key not in self.items
                    or self.items[key].status != "not_started"
                ):
                    raise DomainError(
                        f"Only items not yet started can be replanned ('{key}' cannot)", field_name
                    )
        for key, m in minutes.items():
            if isinstance(m, bool) or not isinstance(m, int | float) or not math.isfinite(m) or m <= 0:
                raise DomainError(f"New planned minutes for '{key}' must be above 0", "minutes")
        for key, m in minutes.items():
            self.planned[key] = float(m) * 60.0
        for key in deferred:
            self.items[key].status = "deferred"
        return {"minutes": {k: float(v) for k, v in minutes.items()}, "deferred": list(deferred)}

    def break_outlook(self, now: float | None = None) -> str:
        """A line for the chair: when the feedback break comes, or what became of it."""
        now = self.now() if now is None else now
        st = self.brk.status
        if st == "disabled":
            return "No feedback break in this meeting"
        if st == "taken":
            return "Feedback break held"
        if st == "skipped":
            return f"Feedback break skipped: {self.brk.skip_reason}"
        if st == "running":
            timer = self.break_timer(now)
            return f"Feedback break: {timer.text if timer else ''} left"
        if self.status == "ready":
            slot = self.slot_key
            return f"Feedback break after '{self.meeting.item(slot).title}'" if slot else "Feedback break"
        if self.break_after_current(now):
            return "Feedback break after this item"
        for s in self.forecast(now).slots:
            if s.key == BREAK:
                minutes = max(1, round((s.start - now) / 60))
                return f"Feedback break in about {minutes} min"
        return "Feedback break still to come"

    def _current_left(self, now: float) -> float:
        if self.current is None:
            return 0.0
        return max(0.0, self.planned[self.current] - self.items[self.current].clock.elapsed(now))
