"""The live meeting: applies the chair's commands, enforces the rules of DESIGN §3, and records each as an event.

The rules live in one mixin each: turn_rules, break_rules, item_rules, forecast_rules, minutes_entries,
pulse_rules and undo_rules."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from meetingkit.clock import Clock
from meetingkit.models.break_rules import BreakSummary
from meetingkit.models.forecast_rules import ForecastRules
from meetingkit.models.item_rules import ItemRules, ItemTiming, Timing
from meetingkit.models.live_state import Event
from meetingkit.models.meeting import Action, Approval, DomainError, Meeting, PreviousMinutes
from meetingkit.models.minutes_entries import MinutesEntries
from meetingkit.models.minutes_life import MinutesLife
from meetingkit.models.pulse_rules import PulseRules
from meetingkit.models.timers import TimerView, format_clock, from_epoch, iso_ms, to_epoch
from meetingkit.models.turn_rules import INTERJECTION_LIMIT_S
from meetingkit.models.undo_rules import UndoRules

# The names other modules have always imported from here.
__all__ = [
    "COMMANDS",
    "INTERJECTION_LIMIT_S",
    "BreakSummary",
    "Event",
    "ItemTiming",
    "LiveMeeting",
    "TimerView",
    "Timing",
    "format_clock",
    "from_epoch",
    "iso_ms",
    "to_epoch",
]

START_WINDOW_S = 12 * 3600  # start_meeting further than this from the plan is refused (another day)

COMMANDS = (
    "start_meeting",
    "start_item",
    "next_item",
    "speak",
    "interject",
    "stop_speaking",
    "queue",
    "unqueue",
    "extend",
    "pause",
    "resume",
    "start_break",
    "postpone_break",
    "skip_break",
    "end_break",
    "arrive",
    "leave",
    "note",
    "decision",
    "action",
    "action_update",
    "feedback",
    "declaration",
    "rebalance",
    "undo",
    "end_meeting",
    "correct",
    "minutes_approved",
    "pulse",
)


class LiveMeeting(MinutesLife, MinutesEntries, PulseRules, ForecastRules, ItemRules, UndoRules):
    """One meeting as it runs. Every accepted command becomes one `Event`; a refused one changes nothing."""

    def apply(self, type_: str, payload: dict[str, Any] | None = None, at: datetime | None = None) -> Event:
        """Apply one command; returns its event (with the payload as normalised) or raises DomainError."""
        if type_ not in COMMANDS:
            raise DomainError(f"Unknown command '{type_}'")
        if payload is not None and not isinstance(payload, dict):
            raise DomainError("A command's details must be a set of named fields")
        body = dict(payload or {})
        t = self._t(at)
        handler: Callable[[dict[str, Any], float], dict[str, Any]] = getattr(self, f"_do_{type_}")
        normalised = handler(body, t)
        self._last_t = t
        event = Event(len(self.events) + 1, from_epoch(t), type_, normalised)
        self.events.append(event)
        self.changes.add(("state", None))
        return event

    def take_changes(self) -> set[tuple[str, Any]]:
        """What changed since the last call: ('speech', idx), ('action', key), ... for the store's projections."""
        out, self.changes = self.changes, set()
        return out

    @classmethod
    def rebuild(
        cls,
        meeting: Meeting,
        events: Iterable[Event],
        clock: Clock,
        prior_actions: Iterable[Action] = (),
        key_prefix: str | None = None,
        *,
        approval: Approval | None = None,
        previous_minutes: PreviousMinutes | None = None,
        taken_keys: Iterable[str] = (),
    ) -> LiveMeeting:
        """A fresh engine with the stored events replayed, exactly as they were applied live.

        `approval` (given at a later meeting) is set once the log is replayed: the corrections in it were
        made while the minutes were still draft."""
        live = cls(
            meeting,
            clock,
            prior_actions,
            key_prefix,
            previous_minutes=previous_minutes,
            taken_keys=taken_keys,
        )
        # Stored events were accepted once: a meeting recorded before a rule was added (a start on another
        # day, an end with the break still to come) still opens. New commands meet every rule.
        live.replaying_history = True
        try:
            for ev in events:
                live.apply(ev.type, ev.payload, at=ev.at)
        finally:
            live.replaying_history = False
        if approval is not None and live.approval is None:
            live.approval = approval
        live.take_changes()
        if live.events:  # this run goes on from the record, even if the computer's clock is behind it
            live.anchor(live._last_t)
        return live

    # ---- the meeting as a whole -----------------------------------------------------------------------------

    def _do_start_meeting(self, body: dict[str, Any], t: float) -> dict[str, Any]:
        if self.status != "ready":
            raise DomainError(
                "The meeting has already started" if self.status == "running" else "The meeting has ended"
            )
        self._check_start_day(t)
        self.status = "running"
        self.started_at = t
        self.meeting_clock.start(t)
        self._open_item(self._next_key(), t)
        return {}

    def replan_start(self, when: datetime) -> None:
        """Move the planned start (a change to the plan, not an event): only before the meeting starts."""
        if self.status != "ready":
            raise DomainError("The meeting has started: its planned start is part of its record")
        if when.tzinfo is None:
            raise DomainError("A planned start needs a time zone")
        self.meeting.scheduled_start = when

    def _check_start_day(self, t: float) -> None:
        if self.replaying_history or abs(t - self.scheduled_start) <= START_WINDOW_S:
            return
        planned = self.meeting.scheduled_start.strftime("%A %-d %B %Y at %H:%M")
        raise DomainError(f"This meeting is planned for {planned}: move it to today before starting it", "at")

    def _do_pause(self, body: dict[str, Any], t: float) -> dict[str, Any]:
        self._running()
        if self.paused:
            raise DomainError("The meeting is already paused")
        self.paused = True
        self.meeting_clock.stop(t)
        if self.current:
            self.items[self.current].clock.stop(t)
        if self.brk.status == "running":
            self.brk.clock.stop(t)
        if self.turn:
            self._pause_turn(self.turn, t)
        return {}

    def _do_resume(self, body: dict[str, Any], t: float) -> dict[str, Any]:
        self._running()
        if not self.paused:
            raise DomainError("The meeting is not paused")
        self.paused = False
        self.meeting_clock.start(t)
        if self.brk.status == "running":
            self.brk.clock.start(t)
        elif self.current:
            self.items[self.current].clock.start(t)
        if self.turn:
            self.turn.clock.start(t)
        return {}

    def _do_end_meeting(self, body: dict[str, Any], t: float) -> dict[str, Any]:
        self._running()
        if self.break_to_come and not self.replaying_history:
            raise DomainError(
                "The feedback break has not been held: start it (B), or skip it with a reason for the "
                "minutes, before ending the meeting"
            )
        self._end_turns(t)
        if self.brk.status == "running":
            self._finish_break(t)
        self._close_item(t)
        self.meeting_clock.stop(t)
        self.paused = False
        self.status = "ended"
        self.ended_at = t
        self.queue.clear()
        return {}

    def elapsed(self, now: float | None = None) -> float:
        """Meeting time so far, pauses left out."""
        return self.meeting_clock.elapsed(self.now() if now is None else now)
