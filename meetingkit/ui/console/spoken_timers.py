"""The chair's timers in spoken words (no Qt): what T says on demand ("Eileen Foster, 2 minutes 12 left,
speaking"), and the changes worth saying as they happen — wrap-up, over time, the break due, the break's own
time running out — each once, never every second."""

from __future__ import annotations

import math
from dataclasses import dataclass

from meetingkit.models.session import LiveMeeting
from meetingkit.models.timers import TimerView


def spoken_duration(seconds: float) -> str:
    """'2 minutes 12', '45 seconds', '1 minute', '1 hour 5 minutes': a time as a voice says it."""
    s = max(0, int(seconds))
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)

    def unit(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    if h:
        return unit(h, "hour") + (f" {unit(m, 'minute')}" if m else "")
    if m:
        return unit(m, "minute") + (f" {sec}" if sec else "")
    return unit(sec, "second")


def _shown_seconds(timer: TimerView) -> tuple[float, str]:
    """The seconds the display shows and what they are: 'left', 'over' or 'so far' (no limit)."""
    rem = timer.remaining_s
    if rem is None:
        return timer.elapsed_s, "so far"
    if rem <= 0:
        return math.floor(-rem + 1e-6), "over"
    return math.ceil(rem - 1e-6), "left"


def timer_words(timer: TimerView) -> str:
    """'2 minutes 12 left' / '1 minute 5 over' / '3 minutes so far' as the display shows the time."""
    seconds, which = _shown_seconds(timer)
    return f"{spoken_duration(seconds)} {which}"


def speaker_words(live: LiveMeeting, now: float) -> str:
    """What T says about the floor: who speaks, their time and its state, or who has it in the break."""
    if live.status == "ready":
        return "The meeting has not started."
    if live.status == "ended":
        return "The meeting has ended."
    paused = "Meeting paused. " if live.paused else ""
    timer = live.speaker_timer(now)
    if not timer.name:
        floor = "Nobody has the floor."
    else:
        state = {"speaking": "speaking", "wrap_up": "please wrap up", "over": "over time"}[timer.state]
        floor = f"{timer.name}, {timer_words(timer)}, {state}."
        if timer.interjection:
            held = live.held_timer(now)
            floor = f"{timer.name} interjecting, {timer_words(timer)}." + (
                f" {held.name} waits." if held else ""
            )
    brk = live.break_timer(now)
    if brk is not None:
        return f"{paused}Feedback break, {timer_words(brk)}. {floor}"
    item = live.item_timer(now)
    if item.name:
        return f"{paused}{floor} Item: {item.name}, {timer_words(item)}."
    return f"{paused}{floor}"


@dataclass(frozen=True)
class _Seen:
    speaker: str | None
    speaker_state: str
    item: str | None
    item_state: str
    break_state: str  # the break timer's state while it runs, else ""
    break_due: bool


class StateChanges:
    """Remembers the timers' states between repaints and says only what changed into wrap-up or over, the
    break becoming due, and the break's time running out (the first repaint says nothing)."""

    def __init__(self) -> None:
        self._seen: _Seen | None = None

    def words(self, live: LiveMeeting, now: float, break_due: bool) -> list[str]:
        speaker = live.speaker_timer(now)
        item = live.item_timer(now)
        brk = live.break_timer(now)
        seen = _Seen(
            live.speaker,
            speaker.state,
            live.current if brk is None else None,
            item.state if brk is None else "idle",
            brk.state if brk is not None else "",
            break_due,
        )
        before, self._seen = self._seen, seen
        if before is None or live.status != "running":
            return []
        said: list[str] = []
        if seen.speaker is not None and seen.speaker == before.speaker:
            if seen.speaker_state != before.speaker_state and seen.speaker_state == "wrap_up":
                said.append(f"{speaker.name}: {timer_words(speaker)}, please wrap up.")
            elif seen.speaker_state != before.speaker_state and seen.speaker_state == "over":
                said.append(f"{speaker.name} is over time.")
        if seen.item is not None and seen.item == before.item and seen.item_state != before.item_state:
            if seen.item_state == "wrap_up":
                said.append(f"Item {item.name}: {timer_words(item)}.")
            elif seen.item_state == "over":
                said.append(f"Item {item.name} is over its planned time.")
        if seen.break_state != before.break_state and before.break_state:
            if seen.break_state == "wrap_up" and brk is not None:
                said.append(f"Feedback break: {timer_words(brk)}.")
            elif seen.break_state == "over":
                said.append("The feedback break's time is up.")
        if seen.break_due and not before.break_due:
            said.append("Feedback break due after this item: B starts it now.")
        return said
