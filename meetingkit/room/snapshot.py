"""What the room's devices are sent: the speaker display's facts as plain data, and nothing the room cannot see.

The page counts the timers down itself between messages, so a timer is sent as figures (seconds so far, the
limit, the warning, whether it runs) rather than as text; the words for each state are the page's own.
"""

from __future__ import annotations

from typing import Any

from meetingkit.models import queue_order
from meetingkit.models.meeting import BREAK
from meetingkit.models.session import LiveMeeting
from meetingkit.models.timers import TimerView

PROTOCOL_VERSION = 1


def _timer(view: TimerView, running: bool) -> dict[str, Any]:
    return {
        "elapsed_s": round(view.elapsed_s, 3),
        "limit_s": round(view.limit_s, 3),
        "warn_s": round(view.warn_s, 3),
        "running": running,
    }


def _where(live: LiveMeeting) -> str | None:
    return BREAK if live.brk.status == "running" else live.current


def _item(live: LiveMeeting) -> dict[str, Any] | None:
    if live.brk.status == "running":
        return {"title": "Patient and public feedback break", "position": ""}
    if live.current is None:
        return None
    agenda = live.meeting.agenda
    index = live.meeting.item_index(live.current) + 1
    return {"title": live.meeting.item(live.current).title, "position": f"Item {index} of {len(agenda)}"}


def _speaker(live: LiveMeeting, now: float) -> dict[str, Any] | None:
    if live.turn is None:
        return None
    view = live.speaker_timer(now)
    held = live.held_timer(now)
    out = _timer(view, running=live.turn.clock.running)
    out.update(
        key=live.turn.speech.who,
        name=view.name,
        interjection=view.interjection,
        waiting=held.name if held else None,
    )
    return out


def _break(live: LiveMeeting, now: float) -> dict[str, Any] | None:
    view = live.break_timer(now)
    return _timer(view, running=live.brk.clock.running) if view is not None else None


def spoken_here(live: LiveMeeting) -> set[str]:
    """Who has had a turn in the current item (or the break under way)."""
    return queue_order.spoken_here(live)


def queue_entries(live: LiveMeeting) -> list[dict[str, Any]]:
    """The queue as the room sees it: names in order, representatives and first-time speakers marked, and
    who Next speaker calls (with "unheard first" on, not always the first in the list)."""
    spoken = spoken_here(live)
    next_up = queue_order.next_in_queue(live)
    out = []
    for key in live.queue:
        person = live.meeting.person(key)
        out.append(
            {
                "key": key,
                "name": person.name,
                "public_voice": person.is_public_voice,
                "first_time": key not in spoken,
                "next": key == next_up,
            }
        )
    return out


def people_here(live: LiveMeeting) -> list[dict[str, str]]:
    """The people present, by name only: each device chooses its own person from this list to ask to speak."""
    return [{"key": p.key, "name": p.name} for p in live.meeting.people if live.present.get(p.key)]


def room_state(live: LiveMeeting, now: float) -> dict[str, Any]:
    """One `state` message (see the protocol in meetingkit.room)."""
    return {
        "type": "state",
        "v": PROTOCOL_VERSION,
        "now": round(now, 3),
        "seq": len(live.events),
        "title": live.meeting.title,
        "status": live.status,
        "paused": live.paused,
        "item": _item(live),
        "speaker": _speaker(live, now),
        "break": _break(live, now),
        "queue": queue_entries(live) if live.status == "running" else [],
        "people": people_here(live) if live.status == "running" else [],
    }
