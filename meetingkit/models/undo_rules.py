"""Undo (DESIGN §2): `undo` cancels the most recent live-control command not already cancelled, and the state
becomes exactly what replaying every other event gives. A mixin of `LiveMeeting`, with the words the console
shows for what an undo would cancel."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import Any

from meetingkit.clock import Clock
from meetingkit.models.live_state import Event, LiveState
from meetingkit.models.meeting import Action, DomainError, Meeting

# The live-control commands an undo may cancel. start_meeting and end_meeting never are; notes, decisions,
# actions, feedback and declarations are corrected, not undone.
UNDOABLE = frozenset(
    {
        "speak",
        "interject",
        "stop_speaking",
        "queue",
        "unqueue",
        "extend",
        "pause",
        "resume",
        "next_item",
        "start_item",
        "start_break",
        "end_break",
        "postpone_break",
        "skip_break",
        "arrive",
        "leave",
    }
)

# What the engine owns apart from its live state: the log, the clock and its anchors stay as they are.
_KEPT = frozenset(
    {
        "events",
        "clock",
        "changes",
        "clock_gap_s",
        "clock_behind_s",
        "_anchor_wall",
        "_anchor_mono",
        "_anchor_boot",
        "_slept_seen",
        "_last_t",
        "_prior_origin",
    }
)


def cancelled_seqs(events: Iterable[Event]) -> set[int]:
    """The seqs of the events cancelled by the `undo`s among `events` (each undo names the one it cancels)."""
    out: set[int] = set()
    for ev in events:
        if ev.type == "undo":
            out.add(int(ev.payload["cancels"]))
    return out


def undo_target(events: list[Event]) -> Event | None:
    """The event the next `undo` would cancel: the latest undoable one not already cancelled."""
    cancelled = cancelled_seqs(events)
    for ev in reversed(events):
        if ev.type == "end_meeting":
            return None
        if ev.type in UNDOABLE and ev.seq not in cancelled:
            return ev
    return None


def _amount(seconds: Any) -> str:
    if isinstance(seconds, int | float) and seconds > 0 and seconds % 60 == 0:
        return f"{int(seconds) // 60} min"
    return f"{seconds} s"


class UndoRules(LiveState):
    """`undo`, and what it would cancel in words."""

    def __init__(
        self,
        meeting: Meeting,
        clock: Clock,
        prior_actions: Iterable[Action] = (),
        key_prefix: str | None = None,
        **minutes: Any,
    ) -> None:
        prior = list(prior_actions)
        # Updates change the earlier actions in place: a replay after an undo starts from them as they came.
        self._prior_origin = copy.deepcopy(prior)
        # and so may an approval change the previous minutes (approval, previous_minutes: see LiveState)
        self._minutes_origin = copy.deepcopy(minutes)
        super().__init__(meeting, clock, prior, key_prefix, **minutes)

    def undo_target(self) -> Event | None:
        if self.status == "ended":
            return None
        return undo_target(self.events)

    def undo_words(self) -> str | None:
        """What an undo would cancel, as the chair would say it ("give the floor to Dr Ola Ade"), or None."""
        ev = self.undo_target()
        return None if ev is None else self.event_words(ev)

    def event_words(self, ev: Event) -> str:
        p = ev.payload

        def name(field: str = "who") -> str:
            try:
                return self.meeting.person(str(p.get(field))).name
            except DomainError:
                return str(p.get(field))

        def title(key: Any) -> str:
            try:
                return f"'{self.meeting.item(str(key)).title}'"
            except DomainError:
                return "the item"

        words = {
            "speak": lambda: f"give the floor to {name()}",
            "interject": lambda: f"{name()}'s interjection",
            "stop_speaking": lambda: f"stop {self._stopped_name(ev)} speaking",
            "queue": lambda: f"add {name()} to the queue",
            "unqueue": lambda: f"take {name()} out of the queue",
            "extend": lambda: f"extend the speaker's time by {_amount(p.get('seconds'))}",
            "pause": lambda: "pause the meeting",
            "resume": lambda: "resume the meeting",
            "next_item": lambda: "next item",
            "start_item": lambda: f"start {title(p.get('item'))}",
            "start_break": lambda: "start the feedback break",
            "end_break": lambda: "end the feedback break",
            "postpone_break": lambda: "hold back the feedback break",
            "skip_break": lambda: "skip the feedback break",
            "arrive": lambda: f"{name()}'s arrival",
            "leave": lambda: f"{name()} leaving",
        }
        return words[ev.type]() if ev.type in words else ev.type.replace("_", " ")

    def _stopped_name(self, ev: Event) -> str:
        """Whose turn a stop_speaking ended: the turn that closed at that moment."""
        t = ev.at.timestamp()
        for s in reversed(self.speeches):
            if s.end is not None and abs(s.end - t) < 0.0005:
                return self.meeting.person(s.who).name
        return "the speaker"

    def _do_undo(self, body: dict[str, Any], t: float) -> dict[str, Any]:
        self._not_ended()
        target = undo_target(self.events)
        if target is None:
            raise DomainError("There is nothing to undo")
        asked = body.get("cancels")
        if asked is not None and (isinstance(asked, bool) or asked != target.seq):
            raise DomainError(
                f"Undo cancels the latest command not yet undone (event {target.seq}), not event {asked}",
                "cancels",
            )
        self._replay_without(self.events, cancelled_seqs(self.events) | {target.seq})
        self.changes.add(("rebuild", None))
        return {"cancels": target.seq}

    def _replay_without(self, events: list[Event], cancelled: set[int]) -> None:
        """Become what replaying every event but the cancelled ones (and the undos) gives."""
        fresh = type(self)(
            self.meeting,
            self.clock,
            copy.deepcopy(self._prior_origin),
            self.key_prefix,
            **copy.deepcopy(self._minutes_origin),
        )
        for ev in events:
            if ev.type == "undo" or ev.seq in cancelled:
                continue
            try:
                fresh.apply(ev.type, ev.payload, at=ev.at)
            except DomainError as exc:
                raise DomainError(
                    f"Cannot undo that: '{self.event_words(ev)}' (event {ev.seq}) depends on it ({exc})"
                ) from None
        for name, value in vars(fresh).items():
            if name not in _KEPT:
                setattr(self, name, value)
