"""The patient and public feedback break of DESIGN §3: when it is due; starting, holding back, skipping and
ending it; its countdown and its summary. A mixin of `LiveMeeting`."""

from __future__ import annotations

from typing import Any

from meetingkit.models import schedule
from meetingkit.models.meeting import DomainError
from meetingkit.models.outcome import BreakSummary
from meetingkit.models.timers import TimerView, format_clock, item_warning_s
from meetingkit.models.turn_rules import TurnRules

EARLY_START_S = 600  # a break started more than this before its planned time asks the chair to confirm
EARLY_END_SHARE = 0.5  # a break ended before this share of its minutes asks the chair to confirm


class BreakRules(TurnRules):
    """`start_break`, `postpone_break`, `skip_break`, `end_break`, and the rule that makes the break due."""

    @property
    def slot_key(self) -> str | None:
        return self.meeting.agenda[self.slot_index].key if self.slot_index is not None else None

    @property
    def break_to_come(self) -> bool:
        """Enabled, not taken, not under way and not skipped: `end_meeting` is refused while this holds."""
        return self.brk.status == "pending"

    def break_due_after(self, ended: str | None, t: float) -> bool:
        """Whether the break starts at this boundary, after item `ended` (DESIGN §3)."""
        if self.brk.status != "pending" or ended is None:
            return False
        if self.brk.postponed_in == ended:
            return False
        if ended == self.slot_key:
            return True
        elapsed = self.meeting_clock.elapsed(t)
        return schedule.break_due_by_fraction(elapsed, self._remaining_planned_s(), self.meeting.brk.fraction)

    def break_after_current(self, now: float | None = None) -> bool:
        """Whether Next item, given now, starts the break: what the console's prompt and the forecast say."""
        now = self.now() if now is None else now
        return self.status == "running" and self.break_due_after(self.current, now)

    def break_planned_offset_s(self) -> float | None:
        """Meeting time at which the break is planned: the planned end of its slot item (as now planned)."""
        if self.slot_index is None:
            return None
        return sum(self.planned[it.key] for it in self.meeting.agenda[: self.slot_index + 1])

    def start_break_question(self, now: float | None = None) -> str | None:
        """The question to put to the chair before starting the break this early (None: no need to ask)."""
        planned = self.break_planned_offset_s()
        if self.status != "running" or self.brk.status != "pending" or planned is None:
            return None
        now = self.now() if now is None else now
        early = planned - self.meeting_clock.elapsed(now)
        if early <= EARLY_START_S:
            return None
        slot = self.meeting.item(self.slot_key).title if self.slot_key else ""
        return (
            f"The feedback break is planned in about {round(early / 60)} min (after '{slot}'). "
            "Start it now? It is held once only."
        )

    def end_break_question(self, now: float | None = None) -> str | None:
        """The question to put to the chair before ending the break before half its minutes have run."""
        if self.brk.status != "running":
            return None
        now = self.now() if now is None else now
        length = self.meeting.brk.minutes * 60
        ran = self.brk.clock.elapsed(now)
        if ran >= length * EARLY_END_SHARE:
            return None
        return (
            f"The feedback break has run {format_clock(ran)} of its {self.meeting.brk.minutes:g} min. "
            "End it now? It is held once only."
        )

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
            item_warning_s(self.meeting.brk.minutes * 60, self.meeting.warn_s),
            self.paused,
        )

    def _break_before(self, now: float, current_left: float) -> str | None:
        """Which not-started item the break is now expected to come before (None: at the end).

        The boundary after the current item is judged now, exactly as Next item would judge it if pressed
        now (so the prompt, the forecast and the key agree); later boundaries as the plan projects them.
        """
        waiting = self._not_started_keys()
        if self.current is not None and self.break_due_after(self.current, now):
            return waiting[0] if waiting else None
        elapsed = self.meeting_clock.elapsed(now) + current_left
        remaining = self._remaining_planned_s()
        for i, key in enumerate(waiting[:-1]):
            elapsed += self.planned[key]
            remaining -= self.planned[key]
            due = key == self.slot_key or schedule.break_due_by_fraction(
                elapsed, remaining, self.meeting.brk.fraction
            )
            if due:
                return waiting[i + 1]
        return None

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
