"""Backups of the database file (DESIGN §4): written under a temporary name, fsynced, then renamed, so that a
kill or a full disk never leaves a piece of a file under a backup's name; the last few whole copies are kept."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

BACKUPS_KEPT = 10
PURGE_KEY = "purge_backups_before"
PARTIAL_PREFIX = ".partial-"  # never matches a backup's name (`STEM-*.db`)
STRAY_AFTER_S = 600.0  # a temporary this old belongs to no backup still being written
SQLITE_MAGIC = b"SQLite format 3\x00"


class BackupFailed(Exception):
    """A backup could not be written (disk full, folder gone); one line for the person at the keyboard."""


def private_folder(folder: Path) -> None:
    """Create the missing folders on the way to `folder`, each 0700; a folder that exists keeps its mode and
    owner (a shared team folder, /tmp or /dev is not MeetingKit's to change)."""
    missing: list[Path] = []
    p = Path(folder)
    while not os.path.lexists(p):
        missing.append(p)
        if p.parent == p:
            break
        p = p.parent
    for p in reversed(missing):
        try:
            p.mkdir(mode=0o700)
        except FileExistsError:
            continue  # made by someone else meanwhile: theirs, left as it is
        os.chmod(p, 0o700)  # ours: the umask may have taken bits the mode asked for


def _check_private(folder: Path) -> None:
    """A backups folder beside a database in a shared folder (e.g. /tmp/backups) that someone else made, or
    opened up, would show them every copy: no backup goes there, and its mode is not ours to change."""
    st = os.stat(folder)
    if st.st_uid != os.geteuid() or stat.S_IMODE(st.st_mode) & 0o077:
        raise PermissionError(
            f"the folder {folder} is not private to you (mode or owner); no backup was made"
        )


def backup_stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def backups_folder(path: Path) -> Path:
    return path.parent / "backups"


def request_backup_purge(db: Database) -> None:
    """After a deletion: the next backup removes every older copy, which still holds what was deleted."""
    db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [PURGE_KEY, backup_stamp()])


def is_whole_backup(path: Path) -> bool:
    """An SQLite file whose size is the page count its header states: not cut short by a kill."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(100)
        size = path.stat().st_size
    except OSError:
        return False
    if len(head) < 100 or head[:16] != SQLITE_MAGIC:
        return False
    page = int.from_bytes(head[16:18], "big")
    page = 65536 if page == 1 else page
    pages = int.from_bytes(head[28:32], "big")
    return page > 0 and size >= page and size % page == 0 and (pages == 0 or pages * page == size)


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_copy(db: Database, partial: Path) -> None:
    fd = os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0), 0o600)
    os.close(fd)
    dest = sqlite3.connect(str(partial))
    try:
        db.conn.backup(dest)
        dest.execute("PRAGMA journal_mode=DELETE")  # the copy is one file, nothing beside it
    finally:
        dest.close()
    fd = os.open(partial, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def backup(db: Database, path: str | Path, reason: str = "meeting-ended", keep: int = BACKUPS_KEPT) -> Path:
    """Copy the live database with SQLite's backup API into the private backups folder; keep the last `keep`.

    Raises BackupFailed (never an OSError or sqlite3 error) and then leaves no partial file behind."""
    path = Path(path)
    folder = backups_folder(path)
    target = folder / f"{path.stem}-{backup_stamp()}-{reason}.db"
    partial = folder / f"{PARTIAL_PREFIX}{target.name}"
    try:
        private_folder(folder)
        _check_private(folder)
        _write_copy(db, partial)
        os.replace(partial, target)
        _fsync_folder(folder)
    except (OSError, sqlite3.Error) as exc:
        for leftover in (partial, Path(f"{partial}-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise BackupFailed(f"The backup could not be written to {folder}: {detail}") from None
    _rotate(db, path, target, keep)
    return target


def _rotate(db: Database, path: Path, target: Path, keep: int) -> None:
    folder = target.parent
    now = time.time()
    for stray in folder.glob(f"{PARTIAL_PREFIX}{path.stem}-*"):
        with contextlib.suppress(OSError):
            if now - stray.stat().st_mtime > STRAY_AFTER_S:
                stray.unlink()
    purge = _purge_marker(db)
    if purge:
        for old in folder.glob(f"{path.stem}-*.db"):
            if old != target and old.name[len(path.stem) + 1 :] < purge:
                old.unlink(missing_ok=True)
        db.execute("DELETE FROM meta WHERE key = ?", [PURGE_KEY])
    # Only whole copies count towards those kept: a cut-short file from an older version is no backup.
    whole = sorted(p for p in folder.glob(f"{path.stem}-*.db") if is_whole_backup(p))
    for old in whole[:-keep] if keep > 0 else whole:
        old.unlink(missing_ok=True)


def _purge_marker(db: Database) -> str | None:
    if "meta" not in db.table_names():
        return None
    row = db.execute("SELECT value FROM meta WHERE key = ?", [PURGE_KEY]).fetchone()
    return str(row[0]) if row else None
