"""The state of a meeting as it runs (what is under way, whose turn, what was recorded), its time, and the
checks every command makes before it changes anything. The rules that change it are `LiveMeeting`'s mixins."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from meetingkit.clock import Clock
from meetingkit.models import bounds, schedule
from meetingkit.models.meeting import (
    BREAK,
    Action,
    ActionUpdate,
    Approval,
    Decision,
    Declaration,
    DomainError,
    Feedback,
    Meeting,
    Note,
    PreviousMinutes,
    Speech,
    series_initials,
)
from meetingkit.models.timers import Stopwatch, iso_ms, to_epoch

CLOCK_GAP_S = 5.0  # wall clock ahead of monotonic by more than this: the machine slept
MAX_TEXT = bounds.TEXT_CHARS  # a note, decision, action or feedback (DESIGN §6)


@dataclass
class Event:
    seq: int
    at: datetime
    type: str
    payload: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {"seq": self.seq, "at": iso_ms(self.at), "type": self.type, "payload": self.payload}


@dataclass
class ItemRun:
    key: str
    status: str = "not_started"  # not_started | current | done | deferred
    clock: Stopwatch = field(default_factory=Stopwatch)
    started_at: float | None = None
    ended_at: float | None = None


@dataclass
class BreakRun:
    status: str = "pending"  # pending | running | taken | skipped | disabled
    clock: Stopwatch = field(default_factory=Stopwatch)
    started_at: float | None = None
    ended_at: float | None = None
    after_item: str | None = None
    mid_item: str | None = None  # the item it interrupted, resumed by end_break
    skip_reason: str | None = None
    postponed_in: str | None = None  # the item during which postpone_break was given


@dataclass
class Turn:
    speech: Speech
    clock: Stopwatch


class LiveState:
    """One meeting's live state. `LiveMeeting` adds the commands; this holds what they read and change."""

    def __init__(
        self,
        meeting: Meeting,
        clock: Clock,
        prior_actions: Iterable[Action] = (),
        key_prefix: str | None = None,
        *,
        approval: Approval | None = None,
        previous_minutes: PreviousMinutes | None = None,
        taken_keys: Iterable[str] = (),
    ) -> None:
        meeting.validate()
        self.meeting = meeting
        self.clock = clock
        # New actions are named from the series ('EG-12'); a stored event keeps the key it was given.
        self.key_prefix = (
            key_prefix if key_prefix is not None else series_initials(meeting.series, meeting.title) + "-"
        )
        self.status = "ready"  # ready | running | ended
        self.events: list[Event] = []
        self.started_at: float | None = None
        self.ended_at: float | None = None
        self.paused = False
        self.meeting_clock = Stopwatch()
        self.items = {it.key: ItemRun(it.key) for it in meeting.agenda}
        self.planned = {it.key: it.planned_s for it in meeting.agenda}
        self.current: str | None = None
        self.brk = BreakRun(status="pending" if meeting.brk.enabled else "disabled")
        self.slot_index = schedule.planned_break_after(
            [it.minutes for it in meeting.agenda], meeting.brk.fraction
        )
        self.turn: Turn | None = None
        self.held: Turn | None = None  # the turn an interjection paused
        self.queue: list[str] = []
        self.present: dict[str, bool] = {p.key: p.attendance == "present" for p in meeting.people}
        self.ever_present: set[str] = {k for k, v in self.present.items() if v}
        self.speeches: list[Speech] = []
        self.decisions: list[Decision] = []
        self.notes: list[Note] = []
        self.feedback: list[Feedback] = []
        self.actions: dict[str, Action] = {}
        self.prior_actions: dict[str, Action] = {a.key: a for a in prior_actions}
        # Keys the series' other meetings hold that this one does not review (a later meeting imported or held
        # first): never given again, so a meeting imported out of date order cannot clash with them.
        self.taken_keys: frozenset[str] = frozenset(taken_keys)
        self.updates: list[ActionUpdate] = []
        self.declarations: list[Declaration] = []
        # the life of the minutes: the store says whether these minutes were approved at a later meeting, and
        # which earlier meeting's minutes this one may approve
        self.approval: Approval | None = approval
        self.previous_minutes: PreviousMinutes | None = previous_minutes
        self.gave_approval: dict[str, Any] | None = None
        self.changes: set[tuple[str, Any]] = set()
        self.clock_gap_s = 0.0  # the last sleep detected, for the chair to be told
        self.clock_behind_s = 0.0  # how far this computer's clock is behind the record (told at a resume)
        self._last_t: float | None = None
        self.replaying_history = False  # set while stored events or a record replay (history)
        self.anchor()

    # ---- time -----------------------------------------------------------------------------------------------

    def anchor(self, last_event: float | None = None) -> None:
        """Fix where this run's time starts: max(wall clock now, the last recorded event), then only the
        monotonic (or boot) clock moves it, so a wall-clock step never changes a duration."""
        wall = to_epoch(self.clock.now_utc())
        self._anchor_wall = wall if last_event is None else max(wall, last_event)
        behind = 0.0 if last_event is None else last_event - wall
        self.clock_behind_s = behind if behind > CLOCK_GAP_S else 0.0
        self._anchor_mono = self.clock.monotonic()
        self._anchor_boot = self.clock.boot()
        self._slept_seen = 0.0 if self._anchor_boot is None else self._anchor_boot - self._anchor_mono

    def _since_anchor(self) -> float:
        boot = self.clock.boot()
        if boot is not None and self._anchor_boot is not None:
            return boot - self._anchor_boot  # counts a sleep as it happens: the room went on
        return self.clock.monotonic() - self._anchor_mono

    def now(self) -> float:
        """The meeting's time (epoch seconds): the anchor plus time since on the monotonic or boot clock."""
        return self._anchor_wall + self._since_anchor()

    def check_clock(self) -> float:
        """Detect a sleep; the meeting time includes it. Returns the sleep found now (0.0 if none).

        With a boot clock a sleep is boot time that monotonic time did not see, and a wall-clock step is
        ignored. Without one (some platforms), the wall clock running ahead of monotonic time is the best sign
        there is, and the meeting re-anchors to it."""
        boot = self.clock.boot()
        if boot is not None and self._anchor_boot is not None:
            slept = (boot - self.clock.monotonic()) - self._slept_seen
            if slept > CLOCK_GAP_S:
                self._slept_seen += slept
                self.clock_gap_s = slept
                return slept
            return 0.0
        wall = to_epoch(self.clock.now_utc())
        gap = wall - self.now()
        if gap > CLOCK_GAP_S:
            self._anchor_wall = wall
            self._anchor_mono = self.clock.monotonic()
            self.clock_gap_s = gap
            return gap
        return 0.0

    def _t(self, at: datetime | None) -> float:
        if at is None:
            self.check_clock()
            t = round(self.now(), 3)
        else:
            if at.tzinfo is None:
                raise DomainError("An event time needs a time zone")
            t = to_epoch(at)
        if self._last_t is not None and t < self._last_t:
            if at is not None:
                raise DomainError("Events must not go back in time")
            t = self._last_t
        return t

    # ---- guards ---------------------------------------------------------------------------------------------

    def _running(self) -> None:
        if self.status == "ready":
            raise DomainError("The meeting has not started yet")
        if self.status == "ended":
            raise DomainError("The meeting has ended")

    def _moving(self) -> None:
        self._running()
        if self.paused:
            raise DomainError("The meeting is paused: resume it first")

    def _not_ended(self) -> None:
        if self.status == "ended":
            raise DomainError("The meeting has ended")

    def _who(self, body: dict[str, Any], field_name: str = "who") -> str:
        who = body.get(field_name)
        if not isinstance(who, str) or not who:
            raise DomainError(f"Say who ('{field_name}')", field_name)
        try:
            name = self.meeting.person(who).name
        except DomainError as exc:
            raise DomainError(str(exc), field_name) from None
        if not self.present.get(who):
            raise DomainError(
                f"{name} is not here (marked absent or left); record their arrival first", field_name
            )
        return who

    def _text(
        self,
        body: dict[str, Any],
        field_name: str = "text",
        required: bool = True,
        limit: int = MAX_TEXT,
        label: str = "",
    ) -> str:
        """The field's text, checked; `label` names it in a message when the field's name reads badly there
        ("The amendments text is ...", not "The amendments is ...")."""
        label = label or field_name
        text = body.get(field_name, "")
        if text is None:
            text = ""
        if not isinstance(text, str):
            raise DomainError(f"'{field_name}' must be text", field_name)
        if "\x00" in text:
            raise DomainError(f"'{field_name}' contains a null character", field_name)
        text = text.strip()
        if required and not text:
            raise DomainError(f"The {label} is empty", field_name)
        fault = bounds.text_fault(text, limit)
        if fault:
            raise DomainError(f"The {label} {fault}", field_name)
        return text

    def _item_ref(self, body: dict[str, Any]) -> str | None:
        item = body.get("item")
        if item is None:
            return BREAK if self.brk.status == "running" else self.current
        if item != BREAK and (not isinstance(item, str) or item not in self.items):
            raise DomainError(f"There is no agenda item '{item}'", "item")
        return str(item)

    # ---- the plan and the agenda's progress -----------------------------------------------------------------

    @property
    def scheduled_start(self) -> float:
        return to_epoch(self.meeting.scheduled_start)

    @property
    def scheduled_end(self) -> float:
        brk = self.meeting.brk.minutes * 60 if self.meeting.brk.enabled else 0.0
        return self.scheduled_start + self.meeting.planned_items_s + brk

    def _open_item(self, key: str | None, t: float) -> None:
        self.current = key
        if key is None:
            return
        run = self.items[key]
        run.status = "current"
        if run.started_at is None:
            run.started_at = t
        if not self.paused:
            run.clock.start(t)

    def _next_key(self) -> str | None:
        for it in self.meeting.agenda:
            if self.items[it.key].status == "not_started":
                return it.key
        return None

    def _not_started_keys(self) -> list[str]:
        return [it.key for it in self.meeting.agenda if self.items[it.key].status == "not_started"]

    def _remaining_planned_s(self) -> float:
        return sum(self.planned[k] for k, r in self.items.items() if r.status == "not_started")
