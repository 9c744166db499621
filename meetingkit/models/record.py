"""The meeting record (DESIGN §6): the portable JSON form of one meeting — parse, validate, replay, write."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from meetingkit.clock import Clock, FakeClock
from meetingkit.models import bounds
from meetingkit.models.meeting import (
    ATTENDANCE,
    BREAK,
    KINDS,
    ROLES,
    Action,
    AgendaItem,
    Attendee,
    BreakSettings,
    DomainError,
    Meeting,
    PreviousMinutes,
)
from meetingkit.models.record_checks import (
    RecordError,
    check_shape,
    count_entries,
    load_json,
    need,
    number_field,
    payload_bounds,
    text_field,
)
from meetingkit.models.session import COMMANDS, LiveMeeting

FORMAT_VERSION = 1

# The fields each command takes, required ones first; anything else in an event is refused as a likely typo.
FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "start_meeting": ((), ()),
    "start_item": (("item",), ()),
    "next_item": ((), ()),
    "speak": (("who",), ()),
    "interject": (("who",), ()),
    "stop_speaking": ((), ()),
    "queue": (("who",), ()),
    "unqueue": (("who",), ()),
    "extend": (("seconds",), ()),
    "pause": ((), ()),
    "resume": ((), ()),
    "start_break": ((), ()),
    "postpone_break": ((), ()),
    "skip_break": (("reason",), ()),
    "end_break": ((), ()),
    "arrive": (("who",), ()),
    "leave": (("who",), ()),
    "note": (("text",), ("item", "replaces")),
    "decision": (("text",), ("item",)),
    "action": (("text",), ("owner", "due", "source", "key", "item", "feedback")),
    "action_update": (("action", "status"), ("note",)),
    "feedback": (("who", "text"), ()),
    "declaration": (("who", "text"), ("item",)),
    "rebalance": ((), ("minutes", "deferred")),
    "undo": ((), ("cancels",)),
    "end_meeting": ((), ()),
    "correct": (("target",), ("text", "withdrawn", "owner", "due")),
    "minutes_approved": ((), ("amendments", "approves", "title", "own")),
    "pulse": (("question", "group", "yes", "partly", "no"), ()),
}
assert set(FIELDS) == set(COMMANDS)

_HMS = re.compile(r"^(-)?(?:(\d{1,4}):)?(\d{1,2}):(\d{1,2}(?:\.\d{1,9})?)$")


@dataclass
class RecordEvent:
    t: float  # seconds from the scheduled start
    type: str
    payload: dict[str, Any]


@dataclass
class Record:
    meeting: Meeting
    events: list[RecordEvent]


def parse_offset(value: Any) -> float:
    """`t`: seconds (a number) or "[H:]MM:SS"; below zero (or "-[H:]MM:SS") for a meeting started early."""
    if isinstance(value, bool):
        raise ValueError("not a time")
    if isinstance(value, int | float):
        if not math.isfinite(value):
            raise ValueError("must be a number of seconds")
        return _within_a_week(float(value))
    if isinstance(value, str):
        m = _HMS.match(value.strip())
        if m:
            h, mi, s = int(m.group(2) or 0), int(m.group(3)), float(m.group(4))
            if mi < 60 and s < 60:
                total = h * 3600 + mi * 60 + s
                return _within_a_week(-total if m.group(1) else total)
    raise ValueError("must be seconds or [H:]MM:SS")


def _within_a_week(seconds: float) -> float:
    if abs(seconds) > bounds.MAX_OFFSET_S:
        raise ValueError(f"must be at most {bounds.MAX_OFFSET_S // 86400} days from the scheduled start")
    return seconds


def format_offset(seconds: float) -> str | float:
    if abs(seconds - round(seconds)) < 1e-6:
        s = int(round(seconds))
        sign, s = ("-" if s < 0 else ""), abs(s)
        return f"{sign}{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"
    return round(seconds, 3)


def _meeting(data: dict[str, Any]) -> Meeting:
    m = need(data, "meeting", dict, "record")
    where = "meeting"
    title = text_field(m, "title", where)
    start_text = text_field(m, "scheduled_start", where)
    try:
        start = datetime.fromisoformat(start_text)
    except ValueError:
        raise RecordError(
            f"{where}: field 'scheduled_start' is not a date and time like 2026-06-12T10:00:00+01:00"
        ) from None
    if start.tzinfo is None:
        raise RecordError(f"{where}: field 'scheduled_start' needs a time zone, like +01:00")
    fault = bounds.start_fault(start)
    if fault:
        raise RecordError(f"{where}: field 'scheduled_start' {fault}")
    brk = need(m, "break", dict, where, {})
    target = number_field(m, "patient_voice_target", where, (0, 1), None)
    sectors = need(m, "expected_sectors", list, where, None)
    if sectors is not None and not all(isinstance(s, str) and s.strip() for s in sectors):
        raise RecordError(f"{where}: field 'expected_sectors' must be a list of sector names")
    for sector in sectors or ():
        fault = bounds.text_fault(sector)
        if fault:
            raise RecordError(f"{where}: field 'expected_sectors': a sector {fault}")
    zone = need(m, "time_zone", str, where, None)
    if zone is not None:
        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            raise RecordError(f"{where}: field 'time_zone' is not a time zone like Europe/London") from None
    meeting = Meeting(
        title=title,
        scheduled_start=start,
        series=text_field(m, "series", where, ""),
        venue=text_field(m, "venue", where, ""),
        speaker_limit_s=number_field(m, "speaker_limit_s", where, bounds.SPEAKER_LIMIT_S, 180, whole=True),
        warn_s=number_field(m, "warn_s", where, bounds.WARN_S, 30, whole=True),
        brk=BreakSettings(
            enabled=need(brk, "enabled", bool, "meeting.break", True),
            fraction=need(brk, "fraction", (int, float), "meeting.break", 0.5),
            minutes=number_field(brk, "minutes", "meeting.break", bounds.BREAK_MINUTES, 10),
        ),
        expected_sectors=[s.strip() for s in sectors] if sectors else None,
        patient_voice_target=float(target) if target is not None else None,
        unheard_first=need(m, "unheard_first", bool, where, True),
        time_zone=zone,
    )
    for i, p in enumerate(
        count_entries(need(data, "people", list, "record", []), "people", bounds.MAX_PEOPLE)
    ):
        w = f"people[{i}]"
        if not isinstance(p, dict):
            raise RecordError(f"{w}: must be an object")
        role = need(p, "role", str, w, "member")
        attendance = need(p, "attendance", str, w, "present")
        if role not in ROLES:
            raise RecordError(f"{w}: field 'role' must be one of {', '.join(ROLES)}")
        if attendance not in ATTENDANCE:
            raise RecordError(f"{w}: field 'attendance' must be one of {', '.join(ATTENDANCE)}")
        meeting.people.append(
            Attendee(
                key=text_field(p, "key", w),
                name=text_field(p, "name", w),
                organisation=text_field(p, "organisation", w, ""),
                sector=text_field(p, "sector", w, "").strip(),
                role=role,
                patient_rep=need(p, "patient_rep", bool, w, False),
                attendance=attendance,
            )
        )
    for i, a in enumerate(
        count_entries(need(data, "agenda", list, "record", []), "agenda", bounds.MAX_ITEMS)
    ):
        w = f"agenda[{i}]"
        if not isinstance(a, dict):
            raise RecordError(f"{w}: must be an object")
        kind = need(a, "kind", str, w, "item")
        if kind not in KINDS:
            raise RecordError(f"{w}: field 'kind' must be one of {', '.join(KINDS)}")
        meeting.agenda.append(
            AgendaItem(
                key=text_field(a, "key", w),
                title=text_field(a, "title", w),
                minutes=number_field(a, "minutes", w, bounds.ITEM_MINUTES, ...),
                presenter=text_field(a, "presenter", w, None),
                kind=kind,
                speaker_limit_s=number_field(
                    a, "speaker_limit_s", w, bounds.SPEAKER_LIMIT_S, None, whole=True
                ),
                protected=need(a, "protected", bool, w, False),
            )
        )
    try:
        meeting.validate()
    except DomainError as exc:
        raise RecordError(f"meeting: {exc}") from None
    return meeting


def _events(data: dict[str, Any], meeting: Meeting) -> list[RecordEvent]:
    raw = count_entries(need(data, "events", list, "record", []), "events", bounds.MAX_EVENTS)
    people = {p.key for p in meeting.people}
    items = {it.key for it in meeting.agenda} | {BREAK}
    out: list[RecordEvent] = []
    last: float | None = None
    total = 0
    for i, ev in enumerate(raw):
        w = f"event {i}"
        if not isinstance(ev, dict):
            raise RecordError(f"{w}: must be an object")
        do = need(ev, "do", str, w)
        if do not in FIELDS:
            raise RecordError(f"{w}: field 'do': unknown command '{do}'")
        w = f"event {i} ({do})"
        if "t" not in ev:
            raise RecordError(f"{w}: field 't' is missing")
        try:
            t = parse_offset(ev["t"])
        except ValueError as exc:
            raise RecordError(f"{w}: field 't' {exc}") from None
        if last is not None and t < last:
            raise RecordError(f"{w}: field 't' goes back in time ({ev['t']} after {format_offset(last)})")
        last = t
        required, optional = FIELDS[do]
        payload = {k: v for k, v in ev.items() if k not in ("t", "do")}
        for k in payload:
            if k not in required and k not in optional:
                raise RecordError(f"{w}: field '{k}' is not one that '{do}' takes")
        for k in required:
            if payload.get(k) is None:
                raise RecordError(f"{w}: field '{k}' is missing")
        total += payload_bounds(payload, w)
        if total > bounds.TOTAL_TEXT_CHARS:  # each within its bounds, but all of them together too much
            raise RecordError(
                f"{w}: the notes, decisions, actions, feedback and reasons come to more than "
                f"{bounds.TOTAL_TEXT_CHARS:,} characters in all; a meeting record holds at most that"
            )
        for name, known, what in (("who", people, "no person"), ("item", items, "no agenda item")):
            value = payload.get(name)
            if value is None:
                continue
            if not isinstance(value, str):
                raise RecordError(f"{w}: field '{name}' has the wrong type")
            if value not in known:
                raise RecordError(f"{w}: field '{name}': {what} has the key '{value}'")
        out.append(RecordEvent(t, do, payload))
    return out


def parse(data: str | bytes | dict[str, Any]) -> Record:
    """A record from JSON text or an already-loaded object; raises RecordError naming the fault."""
    if isinstance(data, str | bytes):
        data = load_json(data)
    check_shape(data)
    if not isinstance(data, dict):
        raise RecordError("record: must be a JSON object")
    version = data.get("meetingkit_record")
    if version != FORMAT_VERSION:
        raise RecordError(
            f"record: field 'meetingkit_record' must be {FORMAT_VERSION} (this is not a MeetingKit record, or a newer one)"
        )
    meeting = _meeting(data)
    return Record(meeting, _events(data, meeting))


def replay(
    record: Record,
    prior_actions: list[Action] | None = None,
    clock: Clock | None = None,
    key_prefix: str | None = None,
    previous_minutes: PreviousMinutes | None = None,
    taken_keys: Iterable[str] = (),
) -> LiveMeeting:
    """Feed the record's events through a fresh engine, as live use would; a refused event names itself.

    taken_keys: action keys the series' other meetings hold beyond `prior_actions` (see LiveState)."""
    start = record.meeting.scheduled_start
    if clock is None:
        # The replayed meeting stands at its last event, as the live one did when that event was applied;
        # a clock left at the scheduled start would read every clock still running as stopped there.
        last = record.events[-1].t if record.events else 0.0
        clock = FakeClock(start + timedelta(seconds=last))
    live = LiveMeeting(
        record.meeting,
        clock,
        prior_actions or [],
        key_prefix,
        previous_minutes=previous_minutes,
        taken_keys=taken_keys,
    )
    # A record is history: a meeting exported before a chair's rule was added (a start on another day, an
    # end with the break still to come) replays as it was held. Every other rule applies as in live use.
    live.replaying_history = True
    try:
        for i, ev in enumerate(record.events):
            try:
                live.apply(ev.type, ev.payload, at=start + timedelta(seconds=ev.t))
            except DomainError as exc:
                field = exc.field or _guess_field(ev)
                raise RecordError(f"event {i} ({ev.type}): field '{field}': {exc}") from None
    finally:
        live.replaying_history = False
    return live


def _guess_field(ev: RecordEvent) -> str:
    for k in FIELDS[ev.type][0]:
        return k
    return "do"


def write(live: LiveMeeting) -> dict[str, Any]:
    """The record of a meeting as it stands (its events so far)."""
    m = live.meeting
    meeting: dict[str, Any] = {
        "title": m.title,
        "series": m.series,
        "scheduled_start": m.scheduled_start.isoformat(),
        "venue": m.venue,
        "speaker_limit_s": m.speaker_limit_s,
        "warn_s": m.warn_s,
        "break": {"enabled": m.brk.enabled, "fraction": m.brk.fraction, "minutes": m.brk.minutes},
        "unheard_first": m.unheard_first,
    }
    if m.time_zone:
        meeting["time_zone"] = m.time_zone
    if m.expected_sectors:
        meeting["expected_sectors"] = list(m.expected_sectors)
    if m.patient_voice_target is not None:
        meeting["patient_voice_target"] = m.patient_voice_target
    people = [
        {
            "key": p.key,
            "name": p.name,
            "organisation": p.organisation,
            "sector": p.sector,
            "role": p.role,
            "patient_rep": p.patient_rep,
            "attendance": p.attendance,
        }
        for p in m.people
    ]
    agenda = []
    for it in m.agenda:
        entry: dict[str, Any] = {"key": it.key, "title": it.title, "minutes": it.minutes, "kind": it.kind}
        if it.presenter:
            entry["presenter"] = it.presenter
        if it.speaker_limit_s is not None:
            entry["speaker_limit_s"] = it.speaker_limit_s
        entry["protected"] = it.protected
        agenda.append(entry)
    start = m.scheduled_start.timestamp()
    events = []
    for ev in live.events:
        # An offset below zero is kept: a meeting started early keeps its first minutes.
        entry = {"t": format_offset(round(ev.at.timestamp() - start, 3)), "do": ev.type}
        entry.update({k: v for k, v in ev.payload.items() if v is not None})
        events.append(entry)
    return {
        "meetingkit_record": FORMAT_VERSION,
        "meeting": meeting,
        "people": people,
        "agenda": agenda,
        "events": events,
    }
