"""The patient and public feedback break of DESIGN §3: when it is due; starting, holding back, skipping and
ending it; its countdown and its summary. A mixin of `LiveMeeting`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from meetingkit.models import schedule
from meetingkit.models.meeting import DomainError
from meetingkit.models.timers import TimerView
from meetingkit.models.turn_rules import TurnRules


@dataclass
class BreakSummary:
    status: str  # taken | skipped | not_held | pending | disabled | running
    after_item: str | None
    start_offset_s: float | None
    duration_s: float
    skip_reason: str | None
    during: bool = False  # started mid-item: `after_item` names the item it interrupted, which then went on


class BreakRules(TurnRules):
    """`start_break`, `postpone_break`, `skip_break`, `end_break`, and the rule that makes the break due."""

    @property
    def slot_key(self) -> str | None:
        return self.meeting.agenda[self.slot_index].key if self.slot_index is not None else None

    def break_due_after(self, ended: str | None, t: float) -> bool:
        """Whether the break starts at this boundary, after item `ended` (DESIGN §3)."""
        if self.brk.status != "pending" or ended is None:
            return False
        if self.brk.postponed_in == ended:
            return False
        slot = self.meeting.agenda[self.slot_index].key if self.slot_index is not None else None
        if ended == slot:
            return True
        elapsed = self.meeting_clock.elapsed(t)
        return schedule.break_due_by_fraction(elapsed, self._remaining_planned_s(), self.meeting.brk.fraction)

    def _begin_break(self, t: float, mid_item: str | None) -> None:
        self.brk.status = "running"
        self.brk.started_at = t
        self.brk.mid_item = mid_item
        self.brk.after_item = mid_item or self._last_done()
        self.brk.clock.start(t)

    def _finish_break(self, t: float) -> None:
        self.brk.clock.stop(t)
        self.brk.status = "taken"
        self.brk.ended_at = t

    def _last_done(self) -> str | None:
        done = [r for r in self.items.values() if r.ended_at is not None]
        return max(done, key=lambda r: r.ended_at or 0).key if done else None

    def _break_open(self) -> None:
        if self.brk.status == "disabled":
            raise DomainError("The feedback break is turned off for this meeting")
        if self.brk.status == "running":
            raise DomainError("The feedback break is already under way")
        if self.brk.status == "taken":
            raise DomainError("The feedback break has already been held")
        if self.brk.status == "skipped":
            raise DomainError("The feedback break was skipped")

    # ---- commands -------------------------------------------------------------------------------------------

    def _do_start_break(self, body: dict[str, Any], t: float) -> dict[str, Any]:
        self._moving()
        self._break_open()
        self._end_turns(t)
        mid = self.current
        if mid:
            self.items[mid].clock.stop(t)
        self._begin_break(t, mid)
        return {}

    def _do_postpone_break(self, body: dict[str, Any], t: float) -> dict[str, Any]:
        self._running()
        self._break_open()
        if self.current is None:
            raise DomainError("No item is under way: start the break or skip it (with a reason)")
        if self.brk.postponed_in == self.current:
            raise DomainError("The break is already held back past this item")
        self.brk.postponed_in = self.current
        return {}

    def _do_skip_break(self, body: dict[str, Any], t: float) -> dict[str, Any]:
        self._running()
        self._break_open()
        reason = body.get("reason")
        if not isinstance(reason, str) or not reason.strip():
            raise DomainError("Give a reason for skipping the feedback break: the minutes will show it")
        reason = self._text(body, "reason")
        self.brk.status = "skipped"
        self.brk.skip_reason = reason
        self.brk.ended_at = t
        return {"reason": reason}

    def _do_end_break(self, body: dict[str, Any], t: float) -> dict[str, Any]:
        self._moving()
        if self.brk.status != "running":
            raise DomainError("The feedback break is not under way")
        self._end_turns(t)
        self._finish_break(t)
        if self.brk.mid_item:
            self.items[self.brk.mid_item].clock.start(t)
        else:
            self._open_item(self._next_key(), t)
        return {}

    # ---- what the chair sees --------------------------------------------------------------------------------

    def break_timer(self, now: float | None = None) -> TimerView | None:
        if self.brk.status != "running":
            return None
        now = self.now() if now is None else now
        return TimerView(
            "Feedback break",
            self.brk.clock.elapsed(now),
            self.meeting.brk.minutes * 60,
            self.meeting.warn_s,
            self.paused,
        )

    def _break_before(self) -> str | None:
        """Which not-started item the break is now expected to come before (None: at the end)."""
        waiting = self._not_started_keys()
        slot = self.slot_key
        if slot is not None and self.items[slot].status == "not_started":
            after = self.meeting.item_index(slot)
            later = [k for k in waiting if self.meeting.item_index(k) > after]
            return later[0] if later else None
        if self.current is not None and self.brk.postponed_in == self.current:
            return waiting[1] if len(waiting) > 1 else None
        return waiting[0] if waiting else None

    def break_summary(self, now: float | None = None) -> BreakSummary:
        now = self.now() if now is None else now
        b = self.brk
        status = b.status
        if status == "pending" and self.status == "ended":
            status = "not_held"
        start = b.started_at - self.scheduled_start if b.started_at is not None else None
        after = self.meeting.item(b.after_item).title if b.after_item else None
        return BreakSummary(
            status, after, start, round(b.clock.elapsed(now), 3), b.skip_reason, during=b.mid_item is not None
        )
