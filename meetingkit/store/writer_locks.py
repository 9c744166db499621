"""One writer per meeting (DESIGN §4): a row naming the host, process and heartbeat of the window that runs a
meeting, taken in one transaction; others open the meeting read-only. A lock whose heartbeat stopped, or whose
process is gone on this host, may be taken over once the chair confirms."""

from __future__ import annotations

import contextlib
import os
import secrets
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlite_utils import Database

HEARTBEAT_S = 3.0  # how often the holder says it is alive
STALE_AFTER_S = 20.0  # no heartbeat for this long: the holder is taken for dead

LOCKS_TABLE = """
CREATE TABLE writer_locks (
    meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
    token TEXT NOT NULL,
    host TEXT NOT NULL,
    pid INTEGER NOT NULL,
    since REAL NOT NULL,
    heartbeat REAL NOT NULL
)
"""


def add_locks(db: Database) -> None:
    """Schema step: the table of writer locks."""
    db.execute(LOCKS_TABLE)


def this_host() -> str:
    import socket  # asked when a meeting is opened for writing, not to list meetings

    return socket.gethostname() or "this computer"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process: alive as far as we can tell
    return True


@dataclass(frozen=True)
class LockHolder:
    """Who holds a meeting's writer lock: the host, the process and since when."""

    meeting_id: int
    token: str
    host: str
    pid: int
    since: float  # epoch seconds
    heartbeat: float

    @property
    def process_gone(self) -> bool:
        """Its process has ended on this very computer: certainly dead (a crash or a kill)."""
        return self.host == this_host() and not _pid_alive(self.pid)

    @property
    def is_dead(self) -> bool:
        if time.time() - self.heartbeat > STALE_AFTER_S:
            return True
        return self.host == this_host() and not _pid_alive(self.pid)

    def words(self, tz: object = None, verb: str = "running") -> str:
        """'running on LAPTOP-12 since 10:04' (local time of this computer unless a zone is given); `verb`
        'open' for a meeting that has ended (its minutes open for correction)."""
        since = datetime.fromtimestamp(self.since, UTC).astimezone(tz)  # type: ignore[arg-type]
        where = "in another window of this program" if self.pid == os.getpid() else f"on {self.host}"
        if self.host == this_host() and self.pid != os.getpid():
            where = f"on {self.host} (process {self.pid})"
        return f"{verb} {where} since {since:%H:%M}"


class LockRefused(Exception):
    """The meeting is held by another writer; `holder` says who."""

    def __init__(self, holder: LockHolder) -> None:
        super().__init__(f"This meeting is {holder.words()}")
        self.holder = holder

    def busy_words(self, what: str) -> str:
        """One line for a short write refused: 'Meeting 2 is open on LAPTOP-12 since 10:04: close it …'."""
        return f"{what} is {self.holder.words(verb='open')}: close it there, then try again"


class WriterLocks:
    """The store's side of the lock; needs only `self.db`."""

    db: Database

    def writer_lock(self, mid: int) -> LockHolder | None:
        row = self.db.execute(
            "SELECT meeting_id, token, host, pid, since, heartbeat FROM writer_locks WHERE meeting_id = ?",
            [mid],
        ).fetchone()
        return LockHolder(*row) if row else None

    def live_writer(self, mid: int, token: str | None = None) -> LockHolder | None:
        """The holder of `mid`'s lock if it is alive and not `token`."""
        holder = self.writer_lock(mid)
        if holder is None or holder.token == token or holder.is_dead:
            return None
        return holder

    def take_writer_lock(self, mid: int, take_over: LockHolder | None = None) -> str:
        """Take the lock in one transaction and return its token; raises LockRefused naming the holder.

        `take_over` is the dead holder the chair agreed to replace: only that very holder is replaced (if it
        came back to life, or someone else took over first, this is refused)."""
        token = secrets.token_hex(16)
        now = time.time()
        values = [mid, token, this_host(), os.getpid(), now, now]
        try:
            with self.db.atomic():
                if take_over is not None:
                    current = self.writer_lock(mid)
                    if current is None or current.token != take_over.token or not current.is_dead:
                        raise LockRefused(current or take_over)
                    self.db.execute(
                        "DELETE FROM writer_locks WHERE meeting_id = ? AND token = ?", [mid, current.token]
                    )
                self.db.execute(
                    "INSERT INTO writer_locks (meeting_id, token, host, pid, since, heartbeat)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    values,
                )
        except sqlite3.IntegrityError:
            holder = self.writer_lock(mid)
            if holder is None:
                raise
            raise LockRefused(holder) from None
        return token

    def heartbeat(self, mid: int, token: str) -> bool:
        """Say the holder is alive; False when the lock is no longer ours (taken over, or the meeting gone)."""
        cur = self.db.execute(
            "UPDATE writer_locks SET heartbeat = ? WHERE meeting_id = ? AND token = ?",
            [time.time(), mid, token],
        )
        return cur.rowcount == 1

    def holds_lock(self, mid: int, token: str) -> bool:
        row = self.db.execute("SELECT token FROM writer_locks WHERE meeting_id = ?", [mid]).fetchone()
        return bool(row) and row[0] == token

    @contextlib.contextmanager
    def writer_lock_held(self, mid: int) -> Iterator[str]:
        """The lock for one short write made outside a window (`meetingkit approve`, the approval of a
        meeting's minutes from the next meeting), given back after it. A holder whose process is gone on this
        computer crashed and is replaced; any other holder refuses it (LockRefused), so that the write never
        interleaves with a console or Minutes window that has the meeting open."""
        try:
            token = self.take_writer_lock(mid)
        except LockRefused as exc:
            if not exc.holder.process_gone:
                raise
            token = self.take_writer_lock(mid, take_over=exc.holder)
        try:
            yield token
        finally:
            with contextlib.suppress(sqlite3.Error):  # else its heartbeat stops with us: seen as dead
                self.release_writer_lock(mid, token)

    def release_writer_lock(self, mid: int, token: str) -> None:
        self.db.execute("DELETE FROM writer_locks WHERE meeting_id = ? AND token = ?", [mid, token])
