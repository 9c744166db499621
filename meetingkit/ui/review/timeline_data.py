"""What the review's timeline draws, in epoch seconds: one lane per person, each turn with its running spans,
the agenda items and the feedback break, taken from the engine (a running meeting or one rebuilt from its
events)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import tzinfo

from meetingkit.models.meeting import BREAK
from meetingkit.models.session import LiveMeeting


@dataclass
class Lane:
    key: str
    name: str
    role: str
    patient_rep: bool


@dataclass
class TurnBar:
    idx: int
    lane: int
    who: str
    role: str
    item: str | None
    start: float
    end: float
    seconds: float
    segments: list[tuple[float, float]]
    interjection: bool = False
    interrupts: str | None = None


@dataclass
class Span:
    key: str
    title: str
    start: float
    end: float


@dataclass
class TimelineData:
    """Everything the timeline draws, in epoch seconds."""

    start: float
    end: float
    tz: tzinfo | None
    lanes: list[Lane] = field(default_factory=list)
    turns: list[TurnBar] = field(default_factory=list)
    items: list[Span] = field(default_factory=list)
    breaks: list[Span] = field(default_factory=list)

    @property
    def duration(self) -> float:
        return max(1.0, self.end - self.start)


def _segments(
    sw_segments: list[list[float]], running_since: float | None, now: float
) -> list[tuple[float, float]]:
    out = [(float(a), float(b)) for a, b in sw_segments]
    if running_since is not None:
        out.append((running_since, max(running_since, now)))
    return out


def timeline_from_live(live: LiveMeeting, now: float | None = None) -> TimelineData:
    """The timeline of a meeting as the engine holds it (running or ended), measured up to `now`."""
    now = live.now() if now is None else now
    meeting = live.meeting
    start = live.started_at if live.started_at is not None else live.scheduled_start
    end = live.ended_at if live.ended_at is not None else max(now, start)
    part = live.participation(now)  # lanes in the order the figures list people
    lanes = [Lane(f.key, f.name, f.role, f.patient_rep) for f in part.people]
    lane_of = {ln.key: i for i, ln in enumerate(lanes)}
    running = {t.speech.idx: t.clock.since for t in (live.turn, live.held) if t is not None}
    turns = []
    for s in live.open_speeches(now):
        if s.who not in lane_of:  # cannot happen: participation lists every speaker; kept safe
            lane_of[s.who] = len(lanes)
            lanes.append(Lane(s.who, s.who, s.role, s.patient_rep))
        segs = _segments(s.segments, running.get(s.idx), now) or [(s.start, s.end or s.start)]
        turns.append(
            TurnBar(
                s.idx,
                lane_of[s.who],
                s.who,
                s.role,
                s.item,
                segs[0][0],
                segs[-1][1],
                s.seconds,
                segs,
                s.interjection,
                s.interrupts,
            )
        )
    items = []
    for it in meeting.agenda:
        run = live.items[it.key]
        for a, b in _segments(run.clock.segments, run.clock.since, now):
            items.append(Span(it.key, it.title, a, b))
    breaks = [
        Span(BREAK, "Feedback break", a, b)
        for a, b in _segments(live.brk.clock.segments, live.brk.clock.since, now)
    ]
    return TimelineData(start, end, meeting.zone, lanes, turns, items, breaks)
