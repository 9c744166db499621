"""The item rules of DESIGN §3: moving through the agenda (where a due break comes first), the item timer, and
each item's planned and actual time, as a mixin of `LiveMeeting`."""

from __future__ import annotations

from typing import Any

from meetingkit.models.break_rules import BreakRules
from meetingkit.models.meeting import DomainError
from meetingkit.models.outcome import ItemTiming, Timing
from meetingkit.models.timers import TimerView, item_warning_s


class ItemRules(BreakRules):
    """`next_item` and `start_item`, and the item timer."""

    def _close_item(self, t: float) -> str | None:
        key = self.current
        if key is None:
            return None
        run = self.items[key]
        run.clock.stop(t)
        run.status = "done"
        run.ended_at = t
        self.current = None
        return key

    def _do_next_item(self, body: dict[str, Any], t: float) -> dict[str, Any]:
        self._moving()
        if self.brk.status == "running":
            self._end_turns(t)
            self._finish_break(t)
            self._close_item(t)  # the item the break interrupted, if any, ends with it
            self._open_item(self._next_key(), t)
            return {}
        if self.current is None and self._next_key() is None:
            raise DomainError("There are no more agenda items: end the meeting when you are ready")
        self._end_turns(t)
        ended = self._close_item(t)
        if self.break_due_after(ended, t):
            self._begin_break(t, None)
        else:
            self._open_item(self._next_key(), t)
        return {}

    def _do_start_item(self, body: dict[str, Any], t: float) -> dict[str, Any]:
        self._moving()
        key = body.get("item")
        if not isinstance(key, str) or key not in self.items:
            raise DomainError(f"There is no agenda item '{key}'")
        run = self.items[key]
        title = self.meeting.item(key).title
        if run.status == "current":
            raise DomainError(f"'{title}' is already under way")
        if run.status == "done":
            raise DomainError(f"'{title}' has already been taken")
        self._end_turns(t)
        if self.brk.status == "running":
            self._finish_break(t)
        self._close_item(t)
        self._open_item(key, t)
        return {"item": key}

    # ---- what the chair sees --------------------------------------------------------------------------------

    def item_timer(self, now: float | None = None) -> TimerView:
        now = self.now() if now is None else now
        if self.current is None:
            return TimerView("", 0.0, 0.0, self.meeting.warn_s, self.paused)
        title = self.meeting.item(self.current).title
        planned = self.planned[self.current]
        return TimerView(
            title,
            self.items[self.current].clock.elapsed(now),
            planned,
            item_warning_s(planned, self.meeting.warn_s),
            self.paused,
        )

    def timing(self, now: float | None = None) -> Timing:
        now = self.now() if now is None else now
        items = []
        for it in self.meeting.agenda:
            run = self.items[it.key]
            status = {"current": "in_progress", "done": "done"}.get(run.status, "not_reached")
            items.append(ItemTiming(it.key, it.title, it.planned_s, round(run.clock.elapsed(now), 3), status))
        sched = self.scheduled_end - self.scheduled_start
        end = self.ended_at - self.scheduled_start if self.ended_at is not None else None
        return Timing(sched, end, None if end is None else end - sched, items)
