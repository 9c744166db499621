"""The turn rules of DESIGN §3 (speaker timer, interjections, the queue, who is here to speak), as a mixin of
`LiveMeeting`, with the speaker's timers and the airtime figures they give."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

from meetingkit.models import participation
from meetingkit.models.live_state import LiveState, Turn
from meetingkit.models.meeting import BREAK, Attendee, DomainError, Speech
from meetingkit.models.timers import Stopwatch, TimerView

INTERJECTION_LIMIT_S = (
    60  # an interjection is a short turn: at most a minute unless the speaker limit is less
)
MAX_EXTEND_S = 3600


class TurnRules(LiveState):
    """Who has the floor: `speak`, `interject`, `stop_speaking`, `queue`, `unqueue`, `extend`, `arrive`,
    `leave`."""

    @property
    def active(self) -> Turn | None:
        """The turn whose clock runs: an interjection if there is one, else the speaker's."""
        return self.turn

    @property
    def speaker(self) -> str | None:
        return self.turn.speech.who if self.turn else None

    def _where(self) -> str | None:
        return BREAK if self.brk.status == "running" else self.current

    def _begin_turn(self, who: str, t: float, interjection: bool = False) -> Turn:
        person = self.meeting.person(who)
        item = self._where()
        if item == BREAK:
            limit = 0  # the representatives are not cut off in their own break, nor anyone who comes in
        else:
            limit = self.meeting.speaker_limit_for(item)
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
        turn = Turn(speech, Stopwatch(speech.segments))
        if not self.paused:
            turn.clock.start(t)
        self.speeches.append(speech)
        self.changes.add(("speech", speech.idx))
        if who in self.queue:
            self.queue.remove(who)
        return turn

    def _close(self, turn: Turn, t: float) -> None:
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

    def _pause_turn(self, turn: Turn, t: float) -> None:
        turn.clock.stop(t)
        turn.speech.seconds = round(turn.clock.elapsed(t), 3)
        self.changes.add(("speech", turn.speech.idx))

    # ---- commands -------------------------------------------------------------------------------------------

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

    # ---- what the chair sees --------------------------------------------------------------------------------

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
