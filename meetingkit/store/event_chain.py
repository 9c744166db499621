"""Tamper evidence (DESIGN §4): each event row carries sha256(previous hash + canonical JSON of the event), and
the meeting's row the last seq and hash, so an event added, removed or changed outside MeetingKit is found."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlite_utils import Database


def event_hash(prev: str, seq: int, at: str, type_: str, payload: Any) -> str:
    body = json.dumps(
        {"seq": seq, "at": at, "type": type_, "payload": payload},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256((prev + body).encode("utf-8", "surrogatepass")).hexdigest()


def chain_head(db: Database, mid: int, seq: int) -> str:
    """The hash of event `seq` of meeting `mid` ("" before the first event)."""
    if seq < 1:
        return ""
    row = db.execute("SELECT hash FROM events WHERE meeting_id = ? AND seq = ?", [mid, seq]).fetchone()
    return str(row[0]) if row and row[0] else ""


def seal(db: Database, mid: int, seq: int, head: str) -> None:
    """Record the last event and its hash on the meeting's row (a removed last event is then found too)."""
    db.execute("UPDATE meetings SET chain_seq = ?, chain_head = ? WHERE id = ?", [seq, head, mid])


@dataclass(frozen=True)
class Alteration:
    """The first event found added, removed or changed outside MeetingKit."""

    seq: int
    what: str  # changed | removed | added | unreadable

    @property
    def message(self) -> str:
        where = f"after event {self.seq - 1}" if self.seq > 1 else "from its first event"
        detail = {
            "changed": f"event {self.seq} was changed",
            "removed": f"event {self.seq} was removed",
            "added": f"event {self.seq} was added",
            "unreadable": f"event {self.seq} cannot be read",
        }[self.what]
        return f"This record was changed outside MeetingKit {where} ({detail})"


def _row_problem(at: object, payload_text: object) -> tuple[str, Any] | None:
    """None and the payload if the row reads as an event; else why not."""
    try:
        if not isinstance(at, str) or datetime.fromisoformat(at).tzinfo is None:
            return None
        return ("ok", json.loads(payload_text) if isinstance(payload_text, str) else None)
    except ValueError:
        return None


def find_alteration(db: Database, mid: int) -> Alteration | None:
    """Walk meeting `mid`'s chain; the first event added, removed, changed or unreadable, or None if intact."""
    row = db.execute("SELECT chain_seq, chain_head FROM meetings WHERE id = ?", [mid]).fetchone()
    sealed_seq, sealed_head = (row[0] or 0, row[1] or "") if row else (0, "")
    prev = ""
    expected = 1
    for seq, at, type_, payload_text, stored in db.execute(
        "SELECT seq, at, type, payload, hash FROM events WHERE meeting_id = ? ORDER BY seq", [mid]
    ):
        if not isinstance(seq, int) or seq != expected:
            return Alteration(expected, "removed" if isinstance(seq, int) and seq > expected else "added")
        if seq > sealed_seq:
            return Alteration(seq, "added")
        parsed = _row_problem(at, payload_text)
        if parsed is None or not isinstance(type_, str):
            return Alteration(seq, "unreadable")
        if stored != event_hash(prev, seq, at, type_, parsed[1]):
            return Alteration(seq, "changed")
        prev = stored
        expected += 1
    last = expected - 1
    if sealed_seq > last:
        return Alteration(last + 1, "removed")
    if sealed_seq < last or sealed_head != prev:
        return Alteration(sealed_seq + 1, "added")
    return None


def add_chain(db: Database) -> None:
    """Schema step: the hash column, the seal on each meeting, and hashes for every event already stored (the
    record as it stands is taken as MeetingKit's own). A row that does not read keeps no hash: it shows as
    altered."""
    db.execute("ALTER TABLE events ADD COLUMN hash TEXT")
    db.execute("ALTER TABLE meetings ADD COLUMN chain_seq INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE meetings ADD COLUMN chain_head TEXT NOT NULL DEFAULT ''")
    mids = [r[0] for r in db.execute("SELECT DISTINCT meeting_id FROM events")]
    for mid in mids:
        prev, last = "", 0
        rows = db.execute(
            "SELECT seq, at, type, payload FROM events WHERE meeting_id = ? ORDER BY seq", [mid]
        ).fetchall()
        for seq, at, type_, payload_text in rows:
            parsed = _row_problem(at, payload_text)
            if parsed is None:
                break
            prev = event_hash(prev, seq, at, type_, parsed[1])
            last = seq
            db.execute("UPDATE events SET hash = ? WHERE meeting_id = ? AND seq = ?", [prev, mid, seq])
        seal(db, mid, rows[-1][0] if rows else last, prev if last == (rows[-1][0] if rows else 0) else "")
