"""Figures across the meetings of a series, read from the stored projections only (events are never replayed)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from meetingkit.models import participation
from meetingkit.models.meeting import BREAK
from meetingkit.models.pulse import PulseFigure, counts_from_payloads, pulse_figures
from meetingkit.store.damage import report_damage

if TYPE_CHECKING:
    from meetingkit.store.repository import Store


@dataclass
class SeriesMeeting:
    """One meeting of a series as the series view shows it."""

    meeting_id: int
    title: str
    scheduled_start: datetime
    status: str  # running | ended
    patient_voice_share: float
    patient_voice_share_with_break: float
    main_s: float
    over_s: float | None  # None while the meeting runs
    break_status: str  # as in `stats --json`: taken | skipped | not_held | pending | running | disabled
    break_skip_reason: str | None
    feedback_actions_raised: int  # actions from patient feedback agreed at this meeting
    feedback_actions_done: int  # ... of which done now
    pulse: list[PulseFigure] = field(default_factory=list)  # Were you heard? (DESIGN §11); [] when not taken


@dataclass
class _Airtime:
    """Speaking time summed by (main discussion or break, representative or not): a turn to `participation`.

    The shares are sums of seconds, so feeding these totals to `participation.compute` gives exactly the figure
    it gives from the single turns, without reading 200,000 rows into Python.
    """

    item: str | None
    patient_rep: bool
    seconds: float
    who: str = ""
    role: str = ""
    sector: str = ""
    interjection: bool = False
    interrupts: str | None = None


_MEETINGS = (
    "SELECT m.id, m.title, m.scheduled_start, m.status, m.summary, m.break_enabled FROM meetings m"
    " JOIN series s ON s.id = m.series_id WHERE s.name = ? AND m.status != 'draft'"
    " ORDER BY m.scheduled_start, m.id"
)
# Open turns are stored with their time at the last pause, as `Store.summary` reads them.
_AIRTIME = (
    "SELECT sp.meeting_id, COALESCE(sp.item_key, '') = ?, sp.patient_rep, SUM(MAX(sp.seconds, 0))"
    " FROM speeches sp JOIN meetings m ON m.id = sp.meeting_id JOIN series s ON s.id = m.series_id"
    " WHERE s.name = ? AND m.status != 'draft' GROUP BY 1, 2, 3"
)
_FEEDBACK_ACTIONS = (
    "SELECT a.meeting_id, COUNT(*), SUM(a.status = 'done') FROM actions a"
    " JOIN meetings m ON m.id = a.meeting_id JOIN series s ON s.id = m.series_id"
    " WHERE s.name = ? AND a.source = 'patient_feedback' GROUP BY a.meeting_id"
)

# A meeting stored before its summary kept the pulse: its few `pulse` events, read through the events' key.
_PULSE_EVENTS = "SELECT payload FROM events WHERE meeting_id = ? AND type = 'pulse' ORDER BY seq"


def _pulse(db: Database, mid: int, state: dict[str, Any]) -> list[PulseFigure]:
    """The meeting's pulse as `Store.pulse` gives it (the latest count of each question and group standing):
    from its stored summary, or, for a summary written before it kept the pulse, from the events."""
    if "pulse" in state:
        payloads = state["pulse"] if isinstance(state["pulse"], list) else []
    else:
        payloads = []
        for (text,) in db.execute(_PULSE_EVENTS, [mid]):
            try:
                payloads.append(json.loads(text))
            except (TypeError, ValueError):
                continue  # changed outside MeetingKit: `verify` and the outputs say so
    return pulse_figures(counts_from_payloads(payloads))


@report_damage
def series_overview(store: Store | Database, series_name: str) -> list[SeriesMeeting]:
    """Per meeting of the series (started ones, oldest first): voice share, timing, break, feedback actions and
    the pulse."""
    db: Database = store if isinstance(store, Database) else store.db
    airtime: dict[int, list[_Airtime]] = {}
    for mid, in_break, rep, seconds in db.execute(_AIRTIME, [BREAK, series_name]):
        airtime.setdefault(mid, []).append(
            _Airtime(BREAK if in_break else None, bool(rep), float(seconds or 0.0))
        )
    actions = {r[0]: (int(r[1]), int(r[2] or 0)) for r in db.execute(_FEEDBACK_ACTIONS, [series_name])}
    rows = []
    for mid, title, start, status, summary, break_enabled in db.execute(_MEETINGS, [series_name]):
        state = json.loads(summary) if summary else {}
        brk = state.get("break") or {"status": "pending" if break_enabled else "disabled"}
        timing = state.get("timing") or {}
        part = participation.compute(airtime.get(mid, []), [], [])
        raised, done = actions.get(mid, (0, 0))
        rows.append(
            SeriesMeeting(
                meeting_id=mid,
                title=title,
                scheduled_start=datetime.fromisoformat(start),
                status=status,
                patient_voice_share=part.patient_voice_share,
                patient_voice_share_with_break=part.patient_voice_share_with_break,
                main_s=part.main_s,
                over_s=timing.get("over_s"),
                break_status=brk.get("status", "pending"),
                break_skip_reason=brk.get("skip_reason"),
                feedback_actions_raised=raised,
                feedback_actions_done=done,
                pulse=_pulse(db, mid, state),
            )
        )
    return rows


def series_target(store: Store | Database, series_name: str) -> float | None:
    """The series' patient voice target share, if it has one."""
    db: Database = store if isinstance(store, Database) else store.db
    row = db.execute("SELECT patient_voice_target FROM series WHERE name = ?", [series_name]).fetchone()
    return float(row[0]) if row and row[0] is not None else None
