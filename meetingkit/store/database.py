"""Opening the one SQLite file safely: checks before any write, pragmas, the migration ladder, backups."""

from __future__ import annotations

import os
import sqlite3
import stat
import sys
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from meetingkit.store import early_check
from meetingkit.store.backups import (  # noqa: F401  (re-exported: the store's parts import them from here)
    BACKUPS_KEPT,
    BackupFailed,
    backup,
    backup_stamp,
    backups_folder,
    private_folder,
    request_backup_purge,
)
from meetingkit.store.event_chain import add_chain
from meetingkit.store.meeting_zones import add_time_zones
from meetingkit.store.open_refusals import why_not_opened
from meetingkit.store.writer_locks import add_locks

APPLICATION_ID = 0x4D4B4954  # "MKIT": marks a file as MeetingKit's
SCHEMA_VERSION = 4
SQLITE_MAGIC = b"SQLite format 3\x00"


class StoreError(Exception):
    """A database problem, with a message for the person at the keyboard (always one line)."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(str(message).split()))


def default_db_path() -> Path:
    """The platform's user data folder (resolved when asked, never at import time)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "MeetingKit" / "meetingkit.db"


def _private_files(path: Path) -> None:
    """The database MeetingKit has just created and SQLite's side files of it are owner-only."""
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if p.exists() and p.stat().st_uid == os.geteuid():
            os.chmod(p, 0o600)


def check_db_path(path: str | Path, folder_must_exist: bool = False) -> Path:
    """The database path, if it can be one: a regular file, or a new one (in an existing folder, when asked).

    Checked before the file is opened at all: opening a FIFO would wait for ever, and a device or folder is
    nothing MeetingKit may write its database to.
    """
    if not str(path).strip():
        raise StoreError("No database file named (--db was given an empty path)")
    path = Path(path).expanduser()
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.lexists(path):
            raise StoreError(
                f"{path} is a link to a file that does not exist; name the file itself"
            ) from None
        if folder_must_exist and not path.parent.is_dir():
            raise StoreError(
                f"Cannot make a database at {path}: the folder {path.parent} does not exist"
            ) from None
        return path
    except OSError as exc:
        raise StoreError(f"Cannot use {path}: {exc.strerror or exc}") from None
    if stat.S_ISDIR(st.st_mode):
        raise StoreError(
            f"{path} is a folder, not a MeetingKit database; name a file (e.g. {path}/meetingkit.db)"
        )
    if not stat.S_ISREG(st.st_mode):
        raise StoreError(
            f"{path} is not a regular file (a device, pipe or socket): MeetingKit keeps its database in a"
            " file; it was left untouched"
        )
    return path


def _check_header(path: Path) -> None:
    if not path.exists():
        return
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a MeetingKit database")
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise StoreError(f"Cannot read {path}: {exc.strerror}") from None
    if head and head != SQLITE_MAGIC:
        raise StoreError(f"{path} is not a MeetingKit database (not an SQLite file); it was left untouched")


def open_database(path: str | Path) -> Database:
    """Open (or create) the database at `path`, refusing damaged, foreign or newer files without writing."""
    path = check_db_path(path)
    _check_header(path)
    if path.exists() and not os.access(path, os.W_OK):
        raise StoreError(
            f"{path} is read-only: MeetingKit needs to write to its database. Change the file's permissions or"
            " copy it to a folder you can write to; the file was left untouched"
        )
    created = False
    if not os.path.lexists(path):
        private_folder(path.parent)
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0), 0o600)
        except FileExistsError:
            pass  # another process made it meanwhile: opened as it is, its mode left alone
        else:
            os.close(fd)
            created = True
    try:
        conn = sqlite3.connect(str(path), timeout=5.0)
    except sqlite3.Error as exc:
        raise StoreError(f"Cannot open {path}: {exc}") from None
    db = Database(conn, execute_plugins=False)
    # A damaged file can return any bytes as text (even quick_check's own report): read leniently until it passes.
    conn.text_factory = early_check.lenient
    try:
        _check_contents(db, path)
        conn.text_factory = str
        _set_pragmas(db)
        _migrate(db, path)
        _add_indexes(db)
    except StoreError:
        db.close()
        raise
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        db.close()
        if why := why_not_opened(path, exc):
            raise StoreError(why) from None
        raise StoreError(
            f"{path} is damaged or not a MeetingKit database ({exc}); it was left untouched"
        ) from None
    if created:
        _private_files(path)
    return db


def _check_contents(db: Database, path: Path) -> None:
    try:
        result = early_check.result(path) or db.execute("PRAGMA quick_check").fetchall()
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        if why := why_not_opened(path, exc):
            raise StoreError(why) from None
        raise StoreError(f"{path} is damaged or not a database ({exc}); it was left untouched") from None
    if [r[0] for r in result] != ["ok"]:
        problems = [
            line for r in result for line in str(r[0]).splitlines() if line.strip() and "***" not in line
        ]
        more = f" and {len(problems) - 1} more problem(s)" if len(problems) > 1 else ""
        first = problems[0] if problems else "damaged"
        raise StoreError(f"{path} failed its integrity check ({first}{more}); it was left untouched")
    app_id = db.execute("PRAGMA application_id").fetchone()[0]
    version = db.execute("PRAGMA user_version").fetchone()[0]
    tables = db.table_names()
    if app_id != APPLICATION_ID and (tables or version):
        raise StoreError(
            f"{path} belongs to another program (not a MeetingKit database); it was left untouched"
        )
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} was written by a newer MeetingKit (schema {version}, this one reads up to "
            f"{SCHEMA_VERSION}); update MeetingKit to open it. The file was left untouched"
        )


def _set_pragmas(db: Database) -> None:
    # Outside any transaction, on every connection (DESIGN §4).
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("PRAGMA busy_timeout=5000")
    # Deleted rows are overwritten, not left in free pages: an erased name must not survive in the file.
    db.execute("PRAGMA secure_delete=ON")


SCHEMA_V1 = """
CREATE TABLE series (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    expected_sectors TEXT,
    patient_voice_target REAL
);
CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    sector TEXT NOT NULL DEFAULT '',
    patient_rep INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    series_id INTEGER REFERENCES series(id),
    title TEXT NOT NULL,
    scheduled_start TEXT NOT NULL,
    venue TEXT NOT NULL DEFAULT '',
    speaker_limit_s INTEGER NOT NULL,
    warn_s INTEGER NOT NULL,
    break_enabled INTEGER NOT NULL,
    break_fraction REAL NOT NULL,
    break_minutes REAL NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft',
    started_at REAL,
    ended_at REAL,
    summary TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX meetings_series ON meetings(series_id, scheduled_start);
CREATE TABLE attendees (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    sector TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL,
    patient_rep INTEGER NOT NULL DEFAULT 0,
    attendance TEXT NOT NULL,
    PRIMARY KEY (meeting_id, key)
);
CREATE TABLE agenda_items (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    minutes REAL NOT NULL,
    presenter TEXT,
    kind TEXT NOT NULL,
    speaker_limit_s INTEGER,
    protected INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (meeting_id, key)
);
CREATE TABLE events (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    at TEXT NOT NULL,
    type TEXT NOT NULL,
    payload TEXT NOT NULL,
    PRIMARY KEY (meeting_id, seq)
);
CREATE TABLE speeches (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    person_key TEXT NOT NULL,
    item_key TEXT,
    role TEXT NOT NULL,
    sector TEXT NOT NULL,
    patient_rep INTEGER NOT NULL,
    start_at REAL NOT NULL,
    end_at REAL,
    seconds REAL NOT NULL,
    interjection INTEGER NOT NULL,
    interrupts TEXT,
    segments TEXT NOT NULL,
    PRIMARY KEY (meeting_id, idx)
);
CREATE TABLE decisions (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    item_key TEXT,
    text TEXT NOT NULL,
    at REAL NOT NULL,
    PRIMARY KEY (meeting_id, idx)
);
CREATE TABLE notes (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    item_key TEXT,
    text TEXT NOT NULL,
    at REAL NOT NULL,
    PRIMARY KEY (meeting_id, idx)
);
CREATE TABLE feedback (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    person_key TEXT NOT NULL,
    text TEXT NOT NULL,
    at REAL NOT NULL,
    in_break INTEGER NOT NULL,
    action_key TEXT,
    PRIMARY KEY (meeting_id, idx)
);
CREATE TABLE actions (
    id INTEGER PRIMARY KEY,
    series_id INTEGER REFERENCES series(id),
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    text TEXT NOT NULL,
    owner TEXT NOT NULL DEFAULT '',
    due TEXT,
    status TEXT NOT NULL,
    source TEXT NOT NULL,
    item_key TEXT,
    feedback_idx INTEGER,
    at REAL NOT NULL,
    UNIQUE (meeting_id, key)
);
CREATE INDEX actions_series ON actions(series_id, key);
CREATE TABLE action_updates (
    id INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
    seq INTEGER,
    status TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    at REAL NOT NULL
);
CREATE INDEX action_updates_action ON action_updates(action_id, at);
"""


def _create_v1(db: Database) -> None:
    for statement in SCHEMA_V1.split(";"):
        if statement.strip():
            db.execute(statement)


def _add_meta_v2(db: Database) -> None:
    # Settings of the file itself, e.g. that backups made before a deletion must go at the next rotation.
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


def _add_unheard_first_v3(db: Database) -> None:
    # DESIGN §3, Queue: on by default, so meetings planned before the setting existed get it too.
    db.execute("ALTER TABLE meetings ADD COLUMN unheard_first INTEGER NOT NULL DEFAULT 1")


def _chain_locks_zone_v4(db: Database) -> None:
    # Tamper evidence and one writer per meeting (DESIGN §4), and each meeting's own IANA time zone (§3).
    add_chain(db)
    add_locks(db)
    add_time_zones(db)


def _add_indexes(db: Database) -> None:
    """Indexes that change no table and so no schema version: a file keeps opening in a MeetingKit from before
    them (a shared folder where one colleague updates first), which maintains them on every write unknowingly.

    The meeting list reads every approval of minutes at each start and refresh (draft or approved): from an
    index of those few events, not a scan of the whole log (3-5 ms for 200 meetings, growing with the years)."""
    db.execute(
        "CREATE INDEX IF NOT EXISTS events_approvals ON events(meeting_id) WHERE type = 'minutes_approved'"
    )


# The ladder: step N takes a database at version N-1 to version N, in one transaction.
MIGRATIONS: dict[int, Callable[[Database], None]] = {
    1: _create_v1,
    2: _add_meta_v2,
    3: _add_unheard_first_v3,
    4: _chain_locks_zone_v4,
}


def _migrate(db: Database, path: Path) -> None:
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version < SCHEMA_VERSION and version > 0:
        try:
            backup(db, path, reason=f"before-migration-{version}")
        except BackupFailed as exc:
            raise StoreError(f"{exc}; the database was not upgraded and was left untouched") from None
    while version < SCHEMA_VERSION:
        step = version + 1
        # The write lock first, then the version again: a second MeetingKit upgrading the same file at the same
        # moment (two windows opened at once after an update) is waited for, and its steps are not run twice.
        db.execute("BEGIN IMMEDIATE")
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version < step:
                MIGRATIONS[step](db)
                db.execute(f"PRAGMA user_version={step}")
                if step == 1:
                    db.execute(f"PRAGMA application_id={APPLICATION_ID}")
                version = step
            db.execute("COMMIT")
        except BaseException:
            if db.conn.in_transaction:
                db.execute("ROLLBACK")
            raise
