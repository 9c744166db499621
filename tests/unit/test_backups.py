"""Backups (DESIGN §4, issue 10 finding 6): a kill never leaves a piece of a file under a backup's name, only whole
copies count towards the ten kept, stray temporaries are cleared, and a full disk is reported, never raised."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from meetingkit.clock import FakeClock
from meetingkit.store import backups as backups_module
from meetingkit.store.backups import PARTIAL_PREFIX, is_whole_backup
from meetingkit.store.repository import Store
from tests.backup_worker import make_old
from tests.crash_trials import kill_during, opens_whole
from tests.unit.test_store import small_meeting

ROOT = Path(__file__).resolve().parents[2]


def test_a_backup_killed_half_way_never_carries_a_backups_name(tmp_path: Path) -> None:
    db = tmp_path / "meetingkit.db"
    bad = kill_during("backups", db, trials=8, seed=10)
    assert bad == [], f"cut-short files under a backup's name: {bad}"
    assert list((db.parent / "backups").glob(f"{db.stem}-*.db")), "some backups were made"


def test_a_migration_killed_during_its_backup_leaves_no_cut_short_copy(tmp_path: Path) -> None:
    db = tmp_path / "meetingkit.db"
    make_old(tmp_path / "old.db")
    bad = kill_during("migrations", db, trials=12, seed=11)
    assert bad == [], f"cut-short before-migration copies: {bad}"
    with Store(db) as store:  # and the database itself opens and is whole
        assert store.db.execute("PRAGMA quick_check").fetchone()[0] == "ok"


def test_rotation_counts_only_whole_backups_and_clears_stray_temporaries(store: Store, db_path: Path) -> None:
    folder = db_path.parent / "backups"
    first = store.backup(reason="whole")
    cut = folder / f"{db_path.stem}-00000000T000000000000Z-cut.db"
    cut.write_bytes(first.read_bytes()[:1000])  # what an interrupted copy used to leave
    stray = folder / f"{PARTIAL_PREFIX}{db_path.stem}-00000000T000000000000Z-old.db"
    stray.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    old = time.time() - 3600
    os.utime(stray, (old, old))
    for i in range(11):
        store.backup(reason=f"more-{i:02d}")
    whole = [p for p in folder.glob(f"{db_path.stem}-*.db") if is_whole_backup(p)]
    assert len(whole) == 10, "ten whole copies kept, the cut-short one not counted among them"
    assert all(opens_whole(p) for p in whole)
    assert not is_whole_backup(cut)
    assert not stray.exists(), "a temporary left by a killed backup is cleared"


FULL_DISK_CHILD = """
import resource, signal, sys
from datetime import UTC, datetime
from meetingkit.clock import FakeClock
from meetingkit.store.repository import Store
from tests.backup_worker import fill
from tests.unit.test_store import small_meeting

path = sys.argv[1]
fill(__import__('pathlib').Path(path))
store = Store(path)
clock = FakeClock(datetime(2026, 6, 12, 9, 0, tzinfo=UTC))
mid = store.create_meeting(small_meeting())
session = store.open_live(mid, clock)
session.apply("start_meeting")
clock.advance(60)
session.apply("skip_break", {"reason": "A short meeting"})  # the end is refused while the break is to come
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
# Like a full disk: no file may grow past 256 KiB (the database's own pages are written in place, in its WAL).
resource.setrlimit(resource.RLIMIT_FSIZE, (256 * 1024, resource.RLIM_INFINITY))
try:
    session.apply("end_meeting")
except Exception as exc:
    print("RAISED", type(exc).__name__, exc)
    sys.exit(0)
print("STATUS", session.live.status)
print("SAVED", session.is_saved)
print("ERROR", session.write_error)
"""


def test_a_full_disk_at_the_end_backup_is_reported_and_the_meeting_still_ends(tmp_path: Path) -> None:
    db = tmp_path / "meetingkit.db"
    out = subprocess.run(
        [sys.executable, "-c", FULL_DISK_CHILD, str(db)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in out.stderr, out.stderr
    lines = dict(line.split(" ", 1) for line in out.stdout.splitlines())
    assert "RAISED" not in lines, f"end_meeting raised: {lines.get('RAISED')}"
    assert lines["STATUS"] == "ended" and lines["SAVED"] == "True"
    assert "backup could not be written" in lines["ERROR"]
    assert not list((db.parent / "backups").glob("*meeting-ended*")), "no empty or partial backup is left"
    assert not list((db.parent / "backups").glob(f"{PARTIAL_PREFIX}*"))
    with Store(db) as store:
        mid = store.list_meetings()[0].id
        assert store.meeting_status(mid) == "ended"


def test_a_failed_end_backup_shows_in_the_save_bar_words(
    store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    mid = store.create_meeting(small_meeting())
    session = store.open_live(mid, clock)
    session.apply("start_meeting")
    session.apply(
        "skip_break", {"reason": "A short meeting"}
    )  # the end is refused while the break is to come

    def full(db: object, partial: Path) -> None:
        partial.write_bytes(b"")
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backups_module, "_write_copy", full)
    session.apply("end_meeting")
    assert session.live.status == "ended"
    assert session.write_error and "database or disk is full" in session.write_error
