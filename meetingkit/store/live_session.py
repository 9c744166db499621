"""A running meeting bound to the store: each accepted command is committed, with its rows, before it returns."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import Any, Protocol

from sqlite_utils import Database

from meetingkit.models.meeting import DomainError
from meetingkit.models.session import Event, LiveMeeting
from meetingkit.store.backups import BackupFailed
from meetingkit.store.event_chain import chain_head, seal
from meetingkit.store.projections import write_changes, write_event
from meetingkit.store.writer_locks import LockHolder, LockRefused


class SessionStore(Protocol):
    """What a live session needs of the store (the `Store` that opens it), named here so that this file
    does not import the store that imports it."""

    db: Database

    def backup(self, reason: str = ...) -> Path: ...

    def take_writer_lock(self, mid: int, take_over: LockHolder | None = None) -> str: ...

    def heartbeat(self, mid: int, token: str) -> bool: ...

    def holds_lock(self, mid: int, token: str) -> bool: ...

    def release_writer_lock(self, mid: int, token: str) -> None: ...

    def writer_lock_held(self, mid: int) -> contextlib.AbstractContextManager[str]: ...


TAKEN_OVER = "Another window or program took over this meeting: this console is read-only now"


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
        self.lock_token: str | None = None  # this session's writer lock (DESIGN §4, one writer per meeting)
        self.read_only: str | None = None  # why this session may not write (another holds the lock)

    # ---- the one-writer lock ----------------------------------------------------------------------------

    def take_lock(self, take_over: LockHolder | None = None) -> None:
        """Become the meeting's one writer; raises LockRefused (naming the holder) when another is."""
        self.lock_token = self.store.take_writer_lock(self.meeting_id, take_over)
        self.read_only = None

    def open_read_only(self, reason: str) -> None:
        self.read_only = reason

    def heartbeat(self) -> bool:
        """Tell other programs this writer is alive; False (and read-only from now) once the lock is lost."""
        if self.lock_token is None or self.read_only:
            return self.read_only is None
        try:
            if self.store.heartbeat(self.meeting_id, self.lock_token):
                return True
        except sqlite3.OperationalError:  # busy for a moment: the next beat tries again
            return True
        self.read_only = TAKEN_OVER
        return False

    def release(self) -> None:
        if self.lock_token is not None:
            # If this fails, the heartbeat stops with this process: the lock is then seen as dead.
            with contextlib.suppress(sqlite3.Error):
                self.store.release_writer_lock(self.meeting_id, self.lock_token)
            self.lock_token = None

    # ---- commands -----------------------------------------------------------------------------------------

    def apply(self, type_: str, payload: dict[str, Any] | None = None) -> Event:
        if self.read_only:
            raise DomainError(self.read_only)
        if self.lock_token is None and self.live.status == "ended":
            return self._apply_holding_lock(type_, payload)
        event = self.live.apply(type_, payload)
        self.pending.append((event, self.live.take_changes()))
        self.flush()
        if event.type == "end_meeting" and not self.pending:
            try:
                self.store.backup()
            except BackupFailed as exc:  # a backup that fails must not stop the meeting from ending
                self.write_error = f"The meeting is saved, but {str(exc)[0].lower()}{str(exc)[1:]}"
        return event

    def _apply_holding_lock(self, type_: str, payload: dict[str, Any] | None) -> Event:
        """A change after the end (a correction, an approval) by a session that holds no lock (a script, a
        command): the meeting's writer lock is taken for that one write, so it never interleaves with a Minutes
        window or console that has the meeting open (refused in words while one does)."""
        try:
            with self.store.writer_lock_held(self.meeting_id) as token:
                self.lock_token = token
                try:
                    return self.apply(type_, payload)
                finally:
                    self.lock_token = None
        except LockRefused as exc:
            raise DomainError(exc.busy_words("This meeting")) from None

    def close_open_turns_at_last_event(self) -> list[Event]:
        """After a crash: end any open turn (and one an interjection paused) at the last recorded event.

        The chair chooses this when the time since the crash should not count as that speaker's.
        """
        if not self.live.events or self.live.status != "running" or self.read_only:
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
                if self.lock_token is not None and not self.store.holds_lock(
                    self.meeting_id, self.lock_token
                ):
                    self.read_only = TAKEN_OVER
                    raise sqlite3.OperationalError(TAKEN_OVER)
                merged: set[tuple[str, Any]] = set()
                head = chain_head(db, self.meeting_id, self.pending[0][0].seq - 1)
                for event, changes in self.pending:
                    head = write_event(db, self.meeting_id, event, head)
                    merged |= changes
                seal(db, self.meeting_id, self.pending[-1][0].seq, head)
                write_changes(db, self.meeting_id, self.live, merged)
        except (sqlite3.OperationalError, sqlite3.DatabaseError, OSError) as exc:
            why = str(exc)
            if "locked" in why or "busy" in why:  # another program is writing the file: the next tick retries
                why = "waiting for another program to finish writing"
            self.write_error = f"Not saved yet ({len(self.pending)} change(s) waiting): {why}"
            return False
        self.pending.clear()
        self.write_error = None
        return True

    @property
    def is_saved(self) -> bool:
        return not self.pending
