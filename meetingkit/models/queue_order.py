"""The queue rule of DESIGN §3: with "unheard first" on, Next speaker gives the floor to the earliest-queued
person who has not yet spoken in the current item (or the break under way), else to the head of the queue."""

from __future__ import annotations

from meetingkit.models.live_state import LiveState
from meetingkit.models.meeting import BREAK


def where(live: LiveState) -> str | None:
    """The current item's key, or BREAK while the feedback break runs."""
    return BREAK if live.brk.status == "running" else live.current


def spoken_here(live: LiveState) -> set[str]:
    """Who has had a turn (an interjection too) in the current item, or in the break under way."""
    here = where(live)
    return {s.who for s in live.speeches if s.item == here}


def next_in_queue(live: LiveState) -> str | None:
    """Who Next speaker gives the floor to, or None with nobody queued."""
    if not live.queue:
        return None
    if live.meeting.unheard_first:
        spoken = spoken_here(live)
        for key in live.queue:
            if key not in spoken:
                return key
    return live.queue[0]
