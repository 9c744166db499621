"""The open database file that every part of the store (people, meetings, actions, events) reads and writes."""

from __future__ import annotations

from pathlib import Path
from typing import Self

from sqlite_utils import Database

from meetingkit.store.database import backup, open_database
from meetingkit.store.event_chain import Alteration, find_alteration


class StoreFile:
    """One MeetingKit database, opened once; the parts of `Store` build on it."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path).expanduser()
        self.db: Database = open_database(self.path)

    def close(self) -> None:
        self.db.close()

    def wait_when_busy(self, ms: int) -> None:
        """How long a write waits for another program's write to finish before it is refused as busy."""
        self.db.execute(f"PRAGMA busy_timeout={int(ms)}")

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _checkpoint(self) -> None:
        """Fold the WAL into the file and empty it, so old copies of erased rows are gone from disk too."""
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def alteration(self, mid: int) -> Alteration | None:
        """The first event added, removed or changed outside MeetingKit, or None when the chain is intact."""
        return find_alteration(self.db, mid)

    def altered(self, mid: int) -> str | None:
        """The words saying meeting `mid` was changed outside MeetingKit, or None."""
        found = self.alteration(mid)
        return found.message if found else None

    def backup(self, reason: str = "meeting-ended") -> Path:
        return backup(self.db, self.path, reason)
