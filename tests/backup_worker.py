"""A child process for the backup and migration kill tests: fills a database, then backs it up (or migrates it)
over and over, saying when each starts, until it is killed."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from meetingkit.store import database
from meetingkit.store.repository import Store

FILLER_ROWS = 400


def fill(path: Path) -> None:
    """A database of a few MB, so that copying it takes long enough to be interrupted."""
    with Store(path) as store:
        store.db.execute("CREATE TABLE IF NOT EXISTS filler (x TEXT)")
        if not store.db.execute("SELECT COUNT(*) FROM filler").fetchone()[0]:
            with store.db.atomic():
                for i in range(FILLER_ROWS):
                    store.db.execute("INSERT INTO filler VALUES (?)", [f"{i:08d}" * 1250])


def backups(path: Path) -> None:
    with Store(path) as store:
        for i in range(10_000):
            print("backing-up", i, flush=True)
            store.backup(reason=f"trial-{i:05d}")


def make_old(path: Path) -> None:
    """A filled database one schema version older than this MeetingKit: every open of a copy migrates it."""
    real = database.SCHEMA_VERSION
    database.SCHEMA_VERSION = real - 1
    try:
        fill(path)
    finally:
        database.SCHEMA_VERSION = real


def migrations(path: Path) -> None:
    """Copy the older file into place (whole, by a rename) and open it, which backs it up and migrates it."""
    old = path.with_name("old.db")
    for i in range(10_000):
        shutil.copyfile(old, path.with_name("copying.db"))
        os.replace(path.with_name("copying.db"), path)
        for side in ("-wal", "-shm"):
            Path(f"{path}{side}").unlink(missing_ok=True)
        print("migrating", i, flush=True)
        Store(path).close()


if __name__ == "__main__":
    target = Path(sys.argv[2])
    if sys.argv[1] == "backups":
        fill(target)
    print("filled", flush=True)
    {"backups": backups, "migrations": migrations}[sys.argv[1]](target)
