"""The live meeting: applies the chair's commands, enforces the rules of DESIGN §3, and records each as an event."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from meetingkit.clock import Clock
from meetingkit.models import participation, schedule
from meetingkit.models.meeting import (
    ACTION_SOURCES,
    ACTION_STATUSES,
    BREAK,
    Action,
    ActionUpdate,
    AgendaItem,
    Attendee,
    Decision,
    DomainError,
    Feedback,
    Meeting,
    Note,
    Speech,
    parse_due,
)

INTERJECTION_LIMIT_S = (
    60  # an interjection is a short turn: at most a minute unless the speaker limit is less
)
CLOCK_GAP_S = 5.0  # wall clock ahead of monotonic by more than this: the machine slept
MAX_TEXT = 100_000
MAX_EXTEND_S = 3600

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
    "rebalance",
    "end_meeting",
)

STATE_LABELS = {
    "idle": "Nobody speaking",
    "speaking": "Speaking",
    "wrap_up": "Please wrap up",
    "over": "Over time",
    "paused": "Paused",
}


@dataclass
class Event:
    seq: int
    at: datetime
    type: str
    payload: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {"seq": self.seq, "at": iso_ms(self.at), "type": self.type, "payload": self.payload}


def iso_ms(at: datetime) -> str:
    return at.astimezone(UTC).isoformat(timespec="milliseconds")


def to_epoch(at: datetime) -> float:
    return round(at.timestamp(), 3)


def from_epoch(t: float) -> datetime:
    return datetime.fromtimestamp(round(t, 3), UTC)


class Stopwatch:
    """Accumulates running time as [start, stop) segments."""

    def __init__(self, segments: list[list[float]] | None = None) -> None:
        self.segments: list[list[float]] = segments if segments is not None else []
        self.since: float | None = None

    @property
    def running(self) -> bool:
        return self.since is not None

    def start(self, t: float) -> None:
        if self.since is None:
            self.since = t

    def stop(self, t: float) -> None:
        if self.since is not None:
            self.segments.append([self.since, max(t, self.since)])
            self.since = None

    def elapsed(self, now: float) -> float:
        done = sum(b - a for a, b in self.segments)
        return done + (max(0.0, now - self.since) if self.since is not None else 0.0)


def timer_state(remaining: float | None, warn_s: float) -> str:
    if remaining is None:
        return "speaking"
    if remaining <= 0:
        return "over"
    if remaining <= warn_s:
        return "wrap_up"
    return "speaking"


def format_clock(seconds: float) -> str:
    """m:ss (or h:mm:ss) of a non-negative number of seconds, rounded down."""
    s = int(math.floor(max(0.0, seconds) + 1e-6))
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"


@dataclass
class TimerView:
    """What a countdown shows: against a limit (0 = none), with a state that has a colour, a word and an icon."""

    name: str
    elapsed_s: float
    limit_s: float
    warn_s: float
    paused: bool = False
    interjection: bool = False

    @property
    def remaining_s(self) -> float | None:
        return self.limit_s - self.elapsed_s if self.limit_s > 0 else None

    @property
    def state(self) -> str:
        if not self.name:
            return "idle"
        return timer_state(self.remaining_s, self.warn_s)

    @property
    def state_label(self) -> str:
        label = STATE_LABELS[self.state]
        return f"{label} (paused)" if self.paused and self.state != "idle" else label

    @property
    def text(self) -> str:
        rem = self.remaining_s
        if not self.name:
            return "0:00"
        if rem is None:
            return format_clock(self.elapsed_s)
        if rem <= 0:
            # +0:00 over the moment time runs out, so the room never sees a countdown that has stopped at zero
            return f"+{format_clock(-rem)} over"
        return format_clock(math.ceil(rem - 1e-6))


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
class _Turn:
    speech: Speech
    clock: Stopwatch


@dataclass
class ItemTiming:
    key: str
    title: str
    planned_s: float
    actual_s: float
    status: str  # done | in_progress | not_reached


@dataclass
class BreakSummary:
    status: str  # taken | skipped | not_held | pending | disabled | running
    after_item: str | None
    start_offset_s: float | None
    duration_s: float
    skip_reason: str | None
    during: bool = False  # started mid-item: `after_item` names the item it interrupted, which then went on


@dataclass
class Timing:
    scheduled_end_offset_s: float
    end_offset_s: float | None
    over_s: float | None
    items: list[ItemTiming]


class LiveMeeting:
    """One meeting as it runs. Every accepted command becomes one `Event`; a refused one changes nothing."""

    def __init__(
        self,
        meeting: Meeting,
        clock: Clock,
        prior_actions: Iterable[Action] = (),
        key_prefix: str = "A",
    ) -> None:
        meeting.validate()
        self.meeting = meeting
        self.clock = clock
        self.key_prefix = key_prefix
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
        self.turn: _Turn | None = None
        self.held: _Turn | None = None  # the turn an interjection paused
        self.queue: list[str] = []
        self.present: dict[str, bool] = {p.key: p.attendance == "present" for p in meeting.people}
        self.ever_present: set[str] = {k for k, v in self.present.items() if v}
        self.speeches: list[Speech] = []
        self.decisions: list[Decision] = []
        self.notes: list[Note] = []
        self.feedback: list[Feedback] = []
        self.actions: dict[str, Action] = {}
        self.prior_actions: dict[str, Action] = {a.key: a for a in prior_actions}
        self.updates: list[ActionUpdate] = []
        self.changes: set[tuple[str, Any]] = set()
        self.clock_gap_s = 0.0  # the last sleep detected, for the chair to be told
        self._anchor_wall = to_epoch(clock.now_utc())
        self._anchor_mono = clock.monotonic()
        self._last_t: float | None = None

    # ---- time -------------------------------------------------------------------------------------------

    def now(self) -> float:
        """The meeting's time (epoch seconds): wall clock at the anchor plus monotonic time since."""
        return self._anchor_wall + (self.clock.monotonic() - self._anchor_mono)

    def check_clock(self) -> float:
        """Detect a sleep (wall clock ran ahead of monotonic); re-anchor so the meeting time includes it.

        Returns the gap found now (0.0 if none). The room went on while the laptop slept, so does the meeting.
        """
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

    # ---- applying commands ------------------------------------------------------------------------------

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
        key_prefix: str = "A",
    ) -> LiveMeeting:
        """A fresh engine with the stored events replayed, exactly as they were applied live."""
        live = cls(meeting, clock, prior_actions, key_prefix)
        for ev in events:
            live.apply(ev.type, ev.payload, at=ev.at)
        live.take_changes()
        return live

    # ---- guards -----------------------------------------------------------------------------------------

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

    def _text(self, body: dict[str, Any], field_name: str = "text", required: bool = True) -> str:
        text = body.get(field_name, "")
        if text is None:
            text = ""
        if not isinstance(text, str):
            raise DomainError(f"'{field_name}' must be text", field_name)
        if "\x00" in text:
            raise DomainError(f"'{field_name}' contains a null character", field_name)
        text = text.strip()
        if required and not text:
            raise DomainError(f"The {field_name} is empty", field_name)
        if len(text) > MAX_TEXT:
            raise DomainError(
                f"The {field_name} is too long ({len(text)} characters; at most {MAX_TEXT})", field_name
            )
        return text

    def _item_ref(self, body: dict[str, Any]) -> str | None:
        item = body.get("item")
        if item is None:
            return BREAK if self.brk.status == "running" else self.current
        if item != BREAK and (not isinstance(item, str) or item not in self.items):
            raise DomainError(f"There is no agenda item '{item}'", "item")
        return str(item)

    # ---- turns ------------------------------------------------------------------------------------------

    @property
    def active(self) -> _Turn | None:
        """The turn whose clock runs: an interjection if there is one, else the speaker's."""
        return self.turn

    @property
    def speaker(self) -> str | None:
        return self.turn.speech.who if self.turn else None

    def _where(self) -> str | None:
        return BREAK if self.brk.status == "running" else self.current

    def _begin_turn(self, who: str, t: float, interjection: bool = False) -> _Turn:
        person = self.meeting.person(who)
        item = self._where()
        limit = self.meeting.speaker_limit_for(item if item != BREAK else None)
        if interjection:
            limit = min(limit, INTERJECTION_LIMIT_S) if limit else INTERJECTION_LIMIT_S
        speech = Speech(
            idx=len(self.speeches),
            who=who,
            item=item,
            role=person.role,
            sector=person.sector,
            patient_rep=person.is_public_voice,
            start=t,
            interjection=interjection,
            interrupts=self.held.speech.who if interjection and self.held else None,
            limit_s=limit,
        )
        turn = _Turn(speech, Stopwatch(speech.segments))
        if not self.paused:
            turn.clock.start(t)
        self.speeches.append(speech)
        self.changes.add(("speech", speech.idx))
        if who in self.queue:
            self.queue.remove(who)
        return turn

    def _close(self, turn: _Turn, t: float) -> None:
        turn.clock.stop(t)
        turn.speech.end = t
        turn.speech.seconds = round(turn.clock.elapsed(t), 3)
        self.changes.add(("speech", turn.speech.idx))

    def _end_turns(self, t: float) -> None:
        if self.turn:
            self._close(self.turn, t)
            self.turn = None
        if self.held:
            self._close(self.held, t)
            self.held = None

    def _pause_turn(self, turn: _Turn, t: float) -> None:
        turn.clock.stop(t)
        turn.speech.seconds = round(turn.clock.elapsed(t), 3)
        self.changes.add(("speech", turn.speech.idx))

    # ---- items and the break ----------------------------------------------------------------------------

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

    def _next_key(self) -> str | None:
        for it in self.meeting.agenda:
            if self.items[it.key].status == "not_started":
                return it.key
        return None

    def _remaining_planned_s(self) -> float:
        return sum(self.planned[k] for k, r in self.items.items() if r.status == "not_started")

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

    # ---- command handlers (each checks everything before it changes anything) ---------------------------

    def _do_start_meeting(self, body: dict[str, Any], t: float) -> dict[str, Any]:
        if self.status != "ready":
            raise DomainError(
                "The meeting has already started" if self.status == "running" else "The meeting has ended"
            )
        self.status = "running"
        self.started_at = t
        self.meeting_clock.start(t)
        self._open_item(self._next_key(), t)
        return {}

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

    def _do_speak(self, body: dict[str, Any], t: float) -> dict[str, Any]:
        self._moving()
        who = self._who(body)
        self._end_turns(t)
        self.turn = self._begin_turn(who, t)
        return {"who": who}

    def _do_interject(self, body: dict[str, Any], t: float) -> dict[str, Any]:
        self._moving()
        who = self._who(body)
        if self.turn is None:
            name = self.meeting.person(who).name
            raise DomainError(f"Nobody has the floor to interject on: give {name} the floor instead")
        # Both the interjector and the speaker they paused hold the floor: neither can interject on it again
        # (that would count one interjection twice).
        if who in (self.turn.speech.who, self.held.speech.who if self.held else None):
            raise DomainError(f"{self.meeting.person(who).name} already has the floor")
        if self.held is None:
            self._pause_turn(self.turn, t)
            self.held = self.turn
        else:  # an interjection on an interjection replaces it; the first speaker stays paused
            self._close(self.turn, t)
        self.turn = self._begin_turn(who, t, interjection=True)
        return {"who": who}

    def _do_stop_speaking(self, body: dict[str, Any], t: float) -> dict[str, Any]:
        self._running()
        if self.turn is None:
            raise DomainError("Nobody is speaking")
        self._close(self.turn, t)
        self.turn = self.held
        self.held = None
        if self.turn is not None and not self.paused:
            self.turn.clock.start(t)
        return {}

    def _do_queue(self, body: dict[str, Any], t: float) -> dict[str, Any]:
        self._running()
        who = self._who(body)
        if who in self.queue:
            raise DomainError(f"{self.meeting.person(who).name} is already in the queue")
        self.queue.append(who)
        return {"who": who}

    def _do_unqueue(self, body: dict[str, Any], t: float) -> dict[str, Any]:
        self._running()
        who = body.get("who")
        if not isinstance(who, str) or who not in self.queue:
            raise DomainError("That person is not in the queue")
        self.queue.remove(who)
        return {"who": who}

    def _do_extend(self, body: dict[str, Any], t: float) -> dict[str, Any]:
        self._running()
        seconds = body.get("seconds", 60)
        if isinstance(seconds, bool) or not isinstance(seconds, int | float) or not math.isfinite(seconds):
            raise DomainError("Extend by a number of seconds")
        seconds = int(seconds)
        if not 0 < seconds <= MAX_EXTEND_S:
            raise DomainError(f"Extend by between 1 and {MAX_EXTEND_S} seconds")
        if self.turn is None:
            raise DomainError("Nobody is speaking, so there is no turn to extend")
        if self.turn.speech.limit_s <= 0:
            raise DomainError("This turn has no time limit to extend")
        self.turn.speech.extended_s += seconds
        self.changes.add(("speech", self.turn.speech.idx))
        return {"seconds": seconds}

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

    def _break_open(self) -> None:
        if self.brk.status == "disabled":
            raise DomainError("The feedback break is turned off for this meeting")
        if self.brk.status == "running":
            raise DomainError("The feedback break is already under way")
        if self.brk.status == "taken":
            raise DomainError("The feedback break has already been held")
        if self.brk.status == "skipped":
            raise DomainError("The feedback break was skipped")

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

    def _do_arrive(self, body: dict[str, Any], t: float) -> dict[str, Any]:
        self._not_ended()
        who = body.get("who")
        if not isinstance(who, str):
            raise DomainError("Say who arrived ('who')")
        person = self.meeting.person(who)
        if self.present.get(who):
            raise DomainError(f"{person.name} is already here")
        self.present[who] = True
        self.ever_present.add(who)
        return {"who": who}

    def _do_leave(self, body: dict[str, Any], t: float) -> dict[str, Any]:
        self._not_ended()
        who = self._who(body)
        if self.held and self.held.speech.who == who:
            self._close(self.held, t)
            self.held = None
        if self.turn and self.turn.speech.who == who:
            self._do_stop_speaking({}, t)
        if who in self.queue:
            self.queue.remove(who)
        self.present[who] = False
        return {"who": who}

    def _do_note(self, body: dict[str, Any], t: float) -> dict[str, Any]:
        self._not_ended()
        replaces = body.get("replaces")
        if replaces is not None:  # the secretary edited a note: its latest text stands (empty clears it)
            if (
                isinstance(replaces, bool)
                or not isinstance(replaces, int)
                or not 0 <= replaces < len(self.notes)
            ):
                raise DomainError(f"There is no note number {replaces} to change", "replaces")
            text = self._text(body, required=False)
            note = self.notes[replaces]
            note.text = text
            self.changes.add(("note", replaces))
            return {"text": text, "item": note.item, "replaces": replaces}
        text = self._text(body)
        item = self._item_ref(body)
        self.notes.append(Note(len(self.notes), text, item, t))
        self.changes.add(("note", len(self.notes) - 1))
        return {"text": text, "item": item}

    def _do_decision(self, body: dict[str, Any], t: float) -> dict[str, Any]:
        self._not_ended()
        text = self._text(body)
        item = self._item_ref(body)
        self.decisions.append(Decision(len(self.decisions), text, item, t))
        self.changes.add(("decision", len(self.decisions) - 1))
        return {"text": text, "item": item}

    def _known_action(self, key: str) -> Action | None:
        return self.actions.get(key) or self.prior_actions.get(key)

    def _new_action_key(self) -> str:
        n = len(self.actions) + 1
        while self._known_action(f"{self.key_prefix}{n}"):
            n += 1
        return f"{self.key_prefix}{n}"

    def _do_action(self, body: dict[str, Any], t: float) -> dict[str, Any]:
        self._not_ended()
        text = self._text(body)
        owner = self._text(body, "owner", required=False)
        try:
            due = parse_due(body.get("due"))
        except DomainError as exc:
            raise DomainError(str(exc), "due") from None
        fb = body.get("feedback")
        if fb is not None:
            if isinstance(fb, bool) or not isinstance(fb, int) or not 0 <= fb < len(self.feedback):
                raise DomainError(f"There is no feedback number {fb} to make an action of", "feedback")
            if self.feedback[fb].action:
                raise DomainError("That feedback has already been made an action", "feedback")
        source = body.get("source") or ("patient_feedback" if fb is not None else "meeting")
        if source not in ACTION_SOURCES:
            raise DomainError(f"An action's source must be one of {', '.join(ACTION_SOURCES)}", "source")
        key = body.get("key")
        if key is not None and (not isinstance(key, str) or not key.strip()):
            raise DomainError("An action's key must be text", "key")
        if key and self._known_action(key):
            raise DomainError(f"There is already an action '{key}' in this series", "key")
        key = key or self._new_action_key()
        item = self._item_ref(body)
        action = Action(key, text, owner, due, "open", source, item, t, fb)
        self.actions[key] = action
        if fb is not None:
            self.feedback[fb].action = key
            self.changes.add(("feedback", fb))
        self.changes.add(("action", key))
        out: dict[str, Any] = {"text": text, "key": key, "source": source, "item": item}
        if owner:
            out["owner"] = owner
        if due:
            out["due"] = due.isoformat()
        if fb is not None:
            out["feedback"] = fb
        return out

    def _do_action_update(self, body: dict[str, Any], t: float) -> dict[str, Any]:
        self._not_ended()
        key = body.get("action")
        action = self._known_action(key) if isinstance(key, str) else None
        if action is None:
            raise DomainError(f"There is no action '{key}' in this series", "action")
        status = body.get("status")
        if status not in ACTION_STATUSES:
            raise DomainError(f"An action's status must be one of {', '.join(ACTION_STATUSES)}", "status")
        note = self._text(body, "note", required=False)
        update = ActionUpdate(action.key, status, note, t)
        action.status = status
        action.updates.append(update)
        self.updates.append(update)
        self.changes.add(("update", len(self.updates) - 1))
        self.changes.add(("action", action.key))
        out = {"action": action.key, "status": status}
        if note:
            out["note"] = note
        return out

    def _do_feedback(self, body: dict[str, Any], t: float) -> dict[str, Any]:
        self._running()
        who = self._who(body)
        text = self._text(body)
        self.feedback.append(Feedback(len(self.feedback), who, text, t, self.brk.status == "running"))
        self.changes.add(("feedback", len(self.feedback) - 1))
        return {"who": who, "text": text}

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

    def _do_end_meeting(self, body: dict[str, Any], t: float) -> dict[str, Any]:
        self._running()
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

    # ---- what the chair sees ----------------------------------------------------------------------------

    def elapsed(self, now: float | None = None) -> float:
        """Meeting time so far, pauses left out."""
        return self.meeting_clock.elapsed(self.now() if now is None else now)

    def speaker_timer(self, now: float | None = None) -> TimerView:
        now = self.now() if now is None else now
        if self.turn is None:
            return TimerView("", 0.0, 0.0, self.meeting.warn_s, self.paused)
        s = self.turn.speech
        name = self.meeting.person(s.who).name
        limit = s.limit_s + s.extended_s if s.limit_s > 0 else 0
        return TimerView(
            name, self.turn.clock.elapsed(now), limit, self.meeting.warn_s, self.paused, s.interjection
        )

    def held_timer(self, now: float | None = None) -> TimerView | None:
        """The speaker paused under an interjection, if any."""
        if self.held is None:
            return None
        now = self.now() if now is None else now
        s = self.held.speech
        limit = s.limit_s + s.extended_s if s.limit_s > 0 else 0
        name = self.meeting.person(s.who).name
        return TimerView(name, self.held.clock.elapsed(now), limit, self.meeting.warn_s, True)

    def item_timer(self, now: float | None = None) -> TimerView:
        now = self.now() if now is None else now
        if self.current is None:
            return TimerView("", 0.0, 0.0, self.meeting.warn_s, self.paused)
        title = self.meeting.item(self.current).title
        return TimerView(
            title,
            self.items[self.current].clock.elapsed(now),
            self.planned[self.current],
            self.meeting.warn_s,
            self.paused,
        )

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

    @property
    def slot_key(self) -> str | None:
        return self.meeting.agenda[self.slot_index].key if self.slot_index is not None else None

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

    def _not_started_keys(self) -> list[str]:
        return [it.key for it in self.meeting.agenda if self.items[it.key].status == "not_started"]

    @property
    def scheduled_start(self) -> float:
        return to_epoch(self.meeting.scheduled_start)

    @property
    def scheduled_end(self) -> float:
        brk = self.meeting.brk.minutes * 60 if self.meeting.brk.enabled else 0.0
        return self.scheduled_start + self.meeting.planned_items_s + brk

    def forecast(self, now: float | None = None) -> schedule.Forecast:
        now = self.now() if now is None else now
        if self.status == "ended":
            end = self.ended_at or now
            return schedule.Forecast(now=now, projected_end=end, scheduled_end=self.scheduled_end)
        if self.status == "ready":
            now = max(now, self.scheduled_start)
        current = None
        if self.current is not None:
            left = max(0.0, self.planned[self.current] - self.items[self.current].clock.elapsed(now))
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
            self._break_before() if self.brk.status == "pending" else None,
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
        if not fc.is_over:
            return None
        not_started = [self._planned_item(k) for k in self._not_started_keys()]
        fixed = sum(s.end - s.start for s in fc.slots if s.key not in {it.key for it in not_started})
        protected = sum(it.planned_s for it in not_started if it.is_protected)
        available = self.scheduled_end - fc.now - fixed - protected
        return schedule.rebalance(not_started, available)

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
        if (
            self.current is not None
            and self.brk.postponed_in != self.current
            and (
                self.current == self.slot_key
                or self.break_due_after(self.current, now + self._current_left(now))
            )
        ):
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

    def open_speeches(self, now: float | None = None) -> list[Speech]:
        """All turns, the open ones measured up to `now` (copies; the stored turns are not touched)."""
        now = self.now() if now is None else now
        out = list(self.speeches)
        for turn in (self.turn, self.held):
            if turn is not None and turn.speech.end is None:
                out[turn.speech.idx] = replace(turn.speech, seconds=round(turn.clock.elapsed(now), 3))
        return out

    def present_people(self) -> list[Attendee]:
        """Everyone who was here at some point (present, or arrived), in list order."""
        return [p for p in self.meeting.people if p.key in self.ever_present]

    def participation(self, now: float | None = None) -> participation.Participation:
        return participation.compute(
            self.open_speeches(now),
            self.present_people(),
            [it.key for it in self.meeting.agenda],
            self.meeting.expected_sectors,
        )

    def person_seconds(self, now: float | None = None) -> dict[str, float]:
        totals: dict[str, float] = {}
        for s in self.open_speeches(now):
            totals[s.who] = totals.get(s.who, 0.0) + s.seconds
        return totals

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
