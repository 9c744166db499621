"""A running meeting bound to the store: each accepted command is committed, with its rows, before it returns."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any, Protocol

from sqlite_utils import Database

from meetingkit.models.session import Event, LiveMeeting
from meetingkit.store.backups import BackupFailed
from meetingkit.store.projections import write_changes, write_event


class SessionStore(Protocol):
    """What a live session needs of the store (the `Store` that opens it), named here so that this file
    does not import the store that imports it."""

    db: Database

    def backup(self, reason: str = ...) -> Path: ...


class LiveSession:
    """Applies commands to the engine and makes each durable in one transaction.

    If the disk refuses a write (full, read-only), the meeting goes on in memory: the events wait in `pending`,
    `write_error` says why, and each later command (or `flush()`) tries again. Nothing is dropped silently.
    """

    def __init__(self, store: SessionStore, meeting_id: int, live: LiveMeeting) -> None:
        self.store = store
        self.meeting_id = meeting_id
        self.live = live
        self.pending: list[tuple[Event, set[tuple[str, Any]]]] = []
        self.write_error: str | None = None

    def apply(self, type_: str, payload: dict[str, Any] | None = None) -> Event:
        event = self.live.apply(type_, payload)
        self.pending.append((event, self.live.take_changes()))
        self.flush()
        if event.type == "end_meeting" and not self.pending:
            try:
                self.store.backup()
            except BackupFailed as exc:  # a backup that fails must not stop the meeting from ending
                self.write_error = f"The meeting is saved, but {str(exc)[0].lower()}{str(exc)[1:]}"
        return event

    def close_open_turns_at_last_event(self) -> list[Event]:
        """After a crash: end any open turn (and one an interjection paused) at the last recorded event.

        The chair chooses this when the time since the crash should not count as that speaker's.
        """
        if not self.live.events or self.live.status != "running":
            return []
        at = self.live.events[-1].at
        closed = []
        while self.live.turn is not None:
            event = self.live.apply("stop_speaking", None, at=at)
            self.pending.append((event, self.live.take_changes()))
            closed.append(event)
        self.flush()
        return closed

    def flush(self) -> bool:
        """Write every waiting event; True when nothing is left waiting."""
        if not self.pending:
            return True
        db = self.store.db
        try:
            with db.atomic():
                merged: set[tuple[str, Any]] = set()
                for event, changes in self.pending:
                    write_event(db, self.meeting_id, event)
                    merged |= changes
                write_changes(db, self.meeting_id, self.live, merged)
        except (sqlite3.OperationalError, sqlite3.DatabaseError, OSError) as exc:
            self.write_error = f"Not saved yet ({len(self.pending)} change(s) waiting): {exc}"
            return False
        self.pending.clear()
        self.write_error = None
        return True

    @property
    def is_saved(self) -> bool:
        return not self.pending
