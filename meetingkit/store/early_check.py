"""The integrity check of an existing database (`PRAGMA quick_check`, DESIGN §4), begun on a thread of its own
while the app loads Qt, and taken by `open_database` instead of checking the file again.

On a large file the check is the longest single read of the start (about 10 ms for 200 meetings). SQLite lets go
of Python's lock while it reads, so on a machine with two cores it costs the start nothing. The thread opens the
file read-only and writes nothing; its result is used only for the same file, unchanged since (device, inode,
size, modification and change times), and a check that could not run is simply run again when the file is opened.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path
from typing import Any

Identity = tuple[int, int, int, int, int]
# How long the check waits for a file another program holds locked. A file busy for longer is checked again by
# the connection that opens it, which waits its own busy timeout (5 s): waiting as long here too doubled the time a
# locked file kept MeetingKit from starting (10 s before the message instead of 5).
BUSY_WAIT_S = 0.2


def identity(path: Path) -> Identity | None:
    """What says the file is still the one checked: device, inode, size, modification and change times.

    The modification time alone can be put back (`touch -r`, `cp -p`, `rsync -t`, an unzip), and a file deleted and
    copied back gets the freed inode number again on ext4: its change time (st_ctime) is set by the system alone: it
    moves with any write, rename or `utime` and cannot be put back."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def lenient(raw: bytes) -> str:
    """A damaged file can return any bytes as text, even in quick_check's own report."""
    return raw.decode("utf-8", errors="replace")


class EarlyCheck(threading.Thread):
    def __init__(self, path: Path) -> None:
        super().__init__(name="meetingkit-quick-check", daemon=True)
        self.path = path
        self.before = identity(path)
        self.rows: list[Any] | None = None  # quick_check's rows; None if it could not run here

    def run(self) -> None:
        try:
            conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_WAIT_S)
        except (sqlite3.Error, OSError, ValueError):
            return
        try:
            conn.text_factory = lenient
            opened = conn.execute("PRAGMA database_list").fetchone()[2]
            if os.path.realpath(opened) == os.path.realpath(self.path):  # the URI named this very file
                self.rows = conn.execute("PRAGMA quick_check").fetchall()
        except (sqlite3.Error, UnicodeDecodeError, OSError):
            self.rows = None  # checked again (and reported) on the connection that opens it
        finally:
            conn.close()


_pending: dict[Path, EarlyCheck] = {}


def begin(path: Path) -> None:
    """Starts checking `path` if it is an existing, non-empty file this process may write (a new database has
    nothing to check; a read-only one is refused unread by `open_database`)."""
    found = identity(path)
    if found is None or found[2] == 0 or path in _pending:
        return
    if not os.access(path, os.W_OK):
        # SQLite's read-only connection would make the -shm and -wal of a WAL database beside it, read-only like
        # the file, and nothing would remove them: once the file is made writable (as the refusal says), MeetingKit
        # could read it but every write failed ("attempt to write a readonly database").
        return
    check = EarlyCheck(path)
    _pending[path] = check
    check.start()


def result(path: Path) -> list[Any] | None:
    """quick_check's rows from a check begun for `path` (waited for), if the file is still the one it read."""
    check = _pending.pop(path, None)
    if check is None:
        return None
    check.join()
    if check.rows is None or check.before is None or identity(path) != check.before:
        return None
    return check.rows
