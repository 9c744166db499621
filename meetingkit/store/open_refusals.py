"""Why SQLite could not open a database when the file itself is fine: words for those cases, so that a busy file or
a folder MeetingKit may not write in is never reported as a damaged file."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

BUSY_OPENING = (
    "{path} is in use: another program has been writing to it for several seconds, so MeetingKit could not open"
    " it. Try again when that program has finished; the file was left untouched"
)
FOLDER_NOT_WRITABLE = (
    "{path} cannot be opened: MeetingKit writes two working files (-wal and -shm) beside its database and may not"
    " write in the folder {folder}. Make the folder writable, or copy the file to a folder you can write to; the"
    " file was left untouched"
)


def why_not_opened(path: Path, exc: BaseException) -> str | None:
    """The words for an error that says nothing of the file's contents; None if it may be damaged."""
    if not isinstance(exc, sqlite3.OperationalError):
        return None
    why = str(exc).lower()
    if "locked" in why or "busy" in why:  # the busy timeout ran out: another program holds the file's lock
        return BUSY_OPENING.format(path=path)
    folder = path.absolute().parent
    if ("readonly" in why or "unable to open" in why) and not os.access(folder, os.W_OK):
        return FOLDER_NOT_WRITABLE.format(path=path, folder=folder)
    return None
