"""Writing an event and the rows it changed (speeches, notes, actions, ...) from the engine's state."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from sqlite_utils import Database

from meetingkit.models.meeting import Action
from meetingkit.models.session import Event, LiveMeeting, iso_ms
from meetingkit.store.event_chain import chain_head, event_hash, seal


def _action_id(db: Database, mid: int, live: LiveMeeting, key: str) -> int | None:
    action = live.actions.get(key) or live.prior_actions.get(key)
    if action is None:
        return None
    owner_meeting = mid if key in live.actions else action.meeting_id
    row = db.execute(
        "SELECT id FROM actions WHERE meeting_id = ? AND key = ?", [owner_meeting, key]
    ).fetchone()
    return int(row[0]) if row else None


def write_event(db: Database, mid: int, event: Event, prev: str) -> str:
    """Append one event, chained to the hash `prev` of the one before; returns its own hash."""
    at = iso_ms(event.at)
    digest = event_hash(prev, event.seq, at, event.type, event.payload)
    db.execute(
        "INSERT INTO events (meeting_id, seq, at, type, payload, hash) VALUES (?, ?, ?, ?, ?, ?)",
        [mid, event.seq, at, event.type, json.dumps(event.payload, ensure_ascii=False), digest],
    )
    return digest


def write_events(db: Database, mid: int, events: Iterable[Event]) -> None:
    """Append events in order, chained to what is stored, and seal the meeting's row with the last."""
    events = list(events)
    if not events:
        return
    head = chain_head(db, mid, events[0].seq - 1)
    for event in events:
        head = write_event(db, mid, event, head)
    seal(db, mid, events[-1].seq, head)


def state_json(live: LiveMeeting) -> str:
    return json.dumps(
        {
            "present": sorted(live.ever_present),
            "break": asdict(live.break_summary()),
            "timing": asdict(live.timing()),
            # every pulse count, in order (the latest of each question and group stands): the series view reads
            # them here rather than from the events
            "pulse": [c.payload() for c in live.pulse_counts()],
        }
    )


def write_changes(db: Database, mid: int, live: LiveMeeting, changes: Iterable[tuple[str, Any]]) -> None:
    """Upsert each changed row; call inside the event's transaction."""
    series_id = db.execute("SELECT series_id FROM meetings WHERE id = ?", [mid]).fetchone()[0]
    changes = set(changes)
    if ("rebuild", None) in changes:
        # An undo replayed the meeting: turns and feedback may be gone or changed, so their rows are written
        # again from the engine (in this same transaction).
        changes.discard(("rebuild", None))
        for table in ("speeches", "feedback"):
            db.execute(f"DELETE FROM {table} WHERE meeting_id = ?", [mid])
        changes |= {("state", None)}
        changes |= {("speech", s.idx) for s in live.speeches}
        changes |= {("feedback", f.idx) for f in live.feedback}
        changes |= {("action", k) for k in live.prior_actions}
    # Actions before updates, so an update can find the action agreed in the same batch.
    for kind, ref in sorted(
        changes,
        key=lambda c: (
            "state",
            "minutes",
            "speech",
            "note",
            "decision",
            "feedback",
            "action",
            "update",
        ).index(c[0]),
    ):
        if kind == "state":
            status = {"ready": "draft"}.get(live.status, live.status)
            db.execute(
                "UPDATE meetings SET status = ?, started_at = ?, ended_at = ?, summary = ? WHERE id = ?",
                [status, live.started_at, live.ended_at, state_json(live), mid],
            )
        elif kind == "speech":
            s = live.speeches[ref]  # an open turn is stored with its time at the last pause; closed, in full
            db.execute(
                "INSERT OR REPLACE INTO speeches (meeting_id, idx, person_key, item_key, role, sector, patient_rep,"
                " start_at, end_at, seconds, interjection, interrupts, segments)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    mid,
                    s.idx,
                    s.who,
                    s.item,
                    s.role,
                    s.sector,
                    int(s.patient_rep),
                    s.start,
                    s.end,
                    s.seconds,
                    int(s.interjection),
                    s.interrupts,
                    json.dumps(s.segments),
                ],
            )
        elif kind == "minutes":
            continue  # an approval: read from the events (`MinutesStore.approval_of`), no table of its own
        elif kind in ("note", "decision", "feedback") and _withdrawn(live, kind, ref):
            # withdrawn after the meeting: gone from what is shown (its events keep what was said)
            table = {"note": "notes", "decision": "decisions", "feedback": "feedback"}[kind]
            db.execute(f"DELETE FROM {table} WHERE meeting_id = ? AND idx = ?", [mid, ref])
        elif kind in ("note", "decision"):
            obj = (live.notes if kind == "note" else live.decisions)[ref]
            db.execute(
                f"INSERT OR REPLACE INTO {kind}s (meeting_id, idx, item_key, text, at) VALUES (?, ?, ?, ?, ?)",
                [mid, obj.idx, obj.item, obj.text, obj.at],
            )
        elif kind == "feedback":
            f = live.feedback[ref]
            db.execute(
                "INSERT OR REPLACE INTO feedback (meeting_id, idx, person_key, text, at, in_break, action_key)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [mid, f.idx, f.who, f.text, f.at, int(f.in_break), f.action],
            )
        elif kind == "action":
            if ref in live.actions:
                a = live.actions[ref]
                db.execute(
                    "INSERT INTO actions (series_id, meeting_id, key, text, owner, due, status, source, item_key,"
                    " feedback_idx, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT (meeting_id, key) DO UPDATE SET status = excluded.status, text = excluded.text,"
                    " owner = excluded.owner, due = excluded.due",
                    [
                        series_id,
                        mid,
                        a.key,
                        a.text,
                        a.owner,
                        a.due.isoformat() if a.due else None,
                        "dropped" if a.withdrawn else a.status,  # withdrawn after the meeting
                        a.source,
                        a.item,
                        a.feedback,
                        a.at,
                    ],
                )
            aid = _action_id(db, mid, live, ref)
            if aid is not None:  # an update reported at a later meeting stands, whatever was written last
                action = live.actions.get(ref) or live.prior_actions[ref]
                db.execute(
                    "UPDATE actions SET status = ? WHERE id = ?", [_register_status(db, aid, action), aid]
                )
        elif kind == "update":
            u = live.updates[ref]
            aid = _action_id(db, mid, live, u.action)
            if aid is not None:
                db.execute(
                    "INSERT INTO action_updates (action_id, meeting_id, seq, status, note, at)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    [aid, mid, ref, u.status, u.note, u.at],
                )
                action = live.actions.get(u.action) or live.prior_actions[u.action]
                db.execute(
                    "UPDATE actions SET status = ? WHERE id = ?", [_register_status(db, aid, action), aid]
                )


def _register_status(db: Database, aid: int, action: Action) -> str:
    """An action's status in the register: its latest update's, by when it was reported, so a meeting imported
    after a later one of its series does not undo what that later meeting reported; as the engine has it when
    no update row is written yet; dropped once withdrawn from its meeting's minutes."""
    if action.withdrawn:
        return "dropped"
    row = db.execute(
        "SELECT status FROM action_updates WHERE action_id = ? ORDER BY at DESC, id DESC LIMIT 1", [aid]
    ).fetchone()
    return str(row[0]) if row else action.status


def _withdrawn(live: LiveMeeting, kind: str, idx: int) -> bool:
    entries = {"note": live.notes, "decision": live.decisions, "feedback": live.feedback}[kind]
    return bool(entries[idx].withdrawn)


def write_all(db: Database, mid: int, live: LiveMeeting) -> None:
    """Every event and row of a meeting built in memory (a replayed record); call inside a transaction."""
    write_events(db, mid, live.events)
    changes: set[tuple[str, Any]] = {("state", None)}
    changes |= {("speech", s.idx) for s in live.speeches}
    changes |= {("note", n.idx) for n in live.notes}
    changes |= {("decision", d.idx) for d in live.decisions}
    changes |= {("feedback", f.idx) for f in live.feedback}
    changes |= {("action", k) for k in [*live.actions, *live.prior_actions]}
    changes |= {("update", i) for i in range(len(live.updates))}
    write_changes(db, mid, live, changes)
    live.take_changes()
