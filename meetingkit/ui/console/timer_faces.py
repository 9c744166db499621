"""What the chair's timers say, in words and states: the speaker timer, the item timer and the forecast.

Plain values computed from the engine at one instant; the widgets in timer_widgets.py and the speaker display
only paint them. Each repaint reads the time from the engine; nothing here counts ticks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo

from meetingkit.models.meeting import BREAK
from meetingkit.models.session import START_WINDOW_S, LiveMeeting, format_clock, from_epoch

IDLE_TIME = "—"  # not "0:00", which the room could read as someone's time run out
ITEM_WORDS = {
    "speaking": "On plan",
    "wrap_up": "Ending soon",
    "over": "Over plan",
    "idle": "No item under way",
}


BREAK_WORDS = {
    "speaking": "Feedback break",
    "wrap_up": "Break ending soon",
    "over": "Break over time",
}
BREAK_STATES = {"speaking": "break", "wrap_up": "wrap_up", "over": "over"}


@dataclass(frozen=True)
class SpeakerFace:
    """What the speaker timer shows, in words: the same for the console and the speaker display.

    `detail` is for the room; `hint` is the chair's own (a key to press) and never reaches the display.
    """

    state: str  # a palette state: speaking | wrap_up | over | idle | paused | break | ended
    words: str
    name: str
    time_text: str
    detail: str = ""
    hint: str = ""

    @property
    def chair_line(self) -> str:
        """The console's line under the time: the room's words, else the chair's hint."""
        return self.detail or self.hint


def speaker_face(live: LiveMeeting, now: float) -> SpeakerFace:
    if live.status == "ended":
        return SpeakerFace("ended", "Meeting ended", "", "", hint="No further commands: the summary is above")
    if live.status == "ready":
        return SpeakerFace(
            "idle", "Meeting not started", "", IDLE_TIME, hint="Start meeting (Enter) starts the clock"
        )
    if live.brk.status == "running":
        return _break_face(live, now)
    timer = live.speaker_timer(now)
    detail = _turn_detail(live, now, timer.interjection)
    if live.paused:
        still = "Every clock is stopped — P resumes"
        name_time = timer.text if timer.name else IDLE_TIME
        return SpeakerFace("paused", "Meeting paused", timer.name, name_time, detail, hint=still)
    if timer.state == "idle":
        return SpeakerFace("idle", timer.state_label, "", IDLE_TIME, detail or "Nobody has the floor")
    return SpeakerFace(timer.state, timer.state_label, timer.name, timer.text, detail)


def _break_face(live: LiveMeeting, now: float) -> SpeakerFace:
    """In the feedback break the break's countdown is the main figure, in the break's own state (nobody is
    timed against a speaker limit there); whoever speaks is named, with their time beside it."""
    brk = live.break_timer(now)
    time_text = brk.text if brk else ""
    timer = live.speaker_timer(now)
    if timer.name:
        name = timer.name
        detail = " · ".join(
            [f"Speaking for {format_clock(timer.elapsed_s)}"]
            + ([_turn_detail(live, now, True)] if timer.interjection else [])
        )
    else:
        name, detail = "Patient and public voices", ""
    if live.paused:
        return SpeakerFace(
            "paused", "Meeting paused", name, time_text, detail, hint="Every clock is stopped — P resumes"
        )
    state = brk.state if brk else "speaking"
    return SpeakerFace(BREAK_STATES[state], BREAK_WORDS[state], name, time_text, detail)


def _turn_detail(live: LiveMeeting, now: float, interjection: bool) -> str:
    if not interjection:
        return ""
    held = live.held_timer(now)
    if held is None:
        return "Interjection"
    waits = format_clock(held.elapsed_s) if live.brk.status == "running" else held.text
    return f"Interjection — {held.name} waits ({waits})"


@dataclass(frozen=True)
class ItemFace:
    state: str
    words: str
    title: str
    position: str
    time_text: str


def item_face(live: LiveMeeting, now: float) -> ItemFace:
    agenda = live.meeting.agenda
    if live.brk.status == "running":
        brk = live.break_timer(now)
        own = brk.state if brk else "speaking"
        state = "paused" if live.paused else BREAK_STATES[own]
        text = brk.text if brk else ""
        words = "Meeting paused" if live.paused else BREAK_WORDS[own]
        return ItemFace(
            state,
            words,
            "Feedback break",
            _break_position(live),
            f"{text} left" if "over" not in text else text,
        )
    if live.current is None:
        if live.status == "ready":
            first = agenda[0].title if agenda else "no items"
            return ItemFace("idle", "Not started", first, f"Item 1 of {len(agenda)}", "")
        if live.status == "ended":
            end = local_time(live, live.ended_at or now)
            return ItemFace("ended", "Meeting ended", live.meeting.title, f"Ended at {end}", "")
        return ItemFace("idle", "All items taken", "No item under way", "End the meeting when ready", "")
    timer = live.item_timer(now)
    index = live.meeting.item_index(live.current) + 1
    text = timer.text if "over" in timer.text else f"{timer.text} left"
    planned = f"{format_clock(live.planned[live.current])} planned"
    position = f"Item {index} of {len(agenda)} · {planned}"
    if live.paused:
        return ItemFace("paused", "Meeting paused", timer.name, position, text)
    return ItemFace(timer.state, ITEM_WORDS[timer.state], timer.name, position, text)


def _break_position(live: LiveMeeting) -> str:
    if live.brk.mid_item:
        return f"During '{live.meeting.item(live.brk.mid_item).title}'"
    return f"{format_clock(live.meeting.brk.minutes * 60)} planned"


def local_time(live: LiveMeeting, epoch: float) -> str:
    """HH:MM in the meeting's own time zone (the one its scheduled start was given in)."""
    tz: tzinfo | None = live.meeting.zone
    return from_epoch(epoch).astimezone(tz).strftime("%H:%M")


@dataclass(frozen=True)
class ForecastFace:
    clock: str
    forecast: str
    at_risk: str
    over: bool
    next_up: str


def forecast_face(live: LiveMeeting, now: float) -> ForecastFace:
    clock = f"Meeting time {format_clock(live.elapsed(now))} · now {local_time(live, now)}"
    if live.status == "ended":
        end = live.ended_at or now
        return ForecastFace(clock, f"Ended at {local_time(live, end)}", "", False, "")
    if live.status == "ready" and abs(now - live.scheduled_start) > START_WINDOW_S:
        # Planned for another day: a forecast from now against that day would put every item at risk.
        day = live.meeting.scheduled_start.strftime("%a %-d %b %Y")
        return ForecastFace(clock, f"Planned for {day}", "", False, "")
    fc = live.forecast(now)
    finish = local_time(live, fc.projected_end)
    text = f"{fc.status} — finish {finish}" if live.status == "running" else f"Planned finish {finish}"
    titles = [live.meeting.item(k).title for k in fc.at_risk]
    at_risk = f"At risk: {', '.join(titles)}" if titles else ""
    return ForecastFace(clock, text, at_risk, fc.is_over, _next_up(live, fc.slots))


def _next_up(live: LiveMeeting, slots: list) -> str:
    here = BREAK if live.brk.status == "running" else live.current
    for s in slots:
        if s.key == here:
            continue
        if s.key == BREAK:
            return f"Next: feedback break ({format_clock(s.end - s.start)})"
        return f"Next: {live.meeting.item(s.key).title} ({format_clock(s.end - s.start)})"
    return "Next: end of the meeting"
