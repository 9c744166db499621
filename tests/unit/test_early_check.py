"""The integrity check begun while Qt loads (store/early_check.py): its result stands for the file it read and
for nothing else; a damaged file is still refused, untouched; a check that could not run is run again."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from pathlib import Path
from typing import Any

import pytest

from meetingkit.models import record
from meetingkit.store import database, early_check
from meetingkit.store.database import StoreError
from meetingkit.store.repository import Store
from tests.conftest import EXAMPLE_RECORD


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    path = tmp_path / "meetingkit.db"
    with Store(path) as store:
        store.import_record(record.parse(EXAMPLE_RECORD.read_text()))
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def checks_on_open(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The quick_checks the opening connection runs itself (not those of the early thread)."""
    seen: list[str] = []
    original = database.Database.execute

    def execute(db: Any, sql: str, *args: Any) -> Any:
        if "quick_check" in sql:
            seen.append(sql)
        return original(db, sql, *args)

    monkeypatch.setattr(database.Database, "execute", execute)
    return seen


def test_a_check_begun_early_is_taken_by_the_open_and_not_run_twice(
    filled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = checks_on_open(monkeypatch)
    early_check.begin(filled)
    Store(filled).close()
    assert seen == []  # the early thread's result was used
    Store(filled).close()
    assert seen == ["PRAGMA quick_check"]  # a later open (nothing begun) checks for itself


def test_a_damaged_file_found_by_the_early_check_is_refused_untouched(filled: Path) -> None:
    damage_pages(filled)
    before = digest(filled)
    files = sorted(p.name for p in filled.parent.iterdir())
    early_check.begin(filled)
    with pytest.raises(StoreError, match="integrity check|damaged"):
        Store(filled)
    assert digest(filled) == before
    assert sorted(p.name for p in filled.parent.iterdir()) == files


def test_a_file_changed_after_its_early_check_is_checked_again(
    filled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    early_check.begin(filled)
    early_check._pending[filled].join()
    conn = sqlite3.connect(filled)  # another program writes meanwhile
    conn.execute("CREATE TABLE scribble (x)")
    conn.commit()
    conn.close()
    seen = checks_on_open(monkeypatch)
    Store(filled).close()
    assert seen == ["PRAGMA quick_check"]


def damage_pages(path: Path) -> None:
    """Bytes of the table pages changed in place (not the header): the size stays."""
    data = bytearray(path.read_bytes())
    for i in range(4096 * 2 + 100, min(len(data), 4096 * 6), 7):
        data[i] = (data[i] + 91) % 256
    with open(path, "r+b") as fh:
        fh.write(bytes(data))


def test_a_file_damaged_after_its_early_check_with_its_times_put_back_is_refused(filled: Path) -> None:
    # A backup tool, `rsync --inplace -t` or `touch -r` puts the modification time back; with the same size and
    # inode the file looked like the one checked, and the damaged file was opened as sound (the main window
    # then failed on its first read). Deleting the file and copying a damaged one back with `cp -p` does the same
    # whenever the copy gets the freed inode number, as it often does on ext4.
    early_check.begin(filled)
    early_check._pending[filled].join()
    st = os.stat(filled)
    damage_pages(filled)
    os.utime(filled, ns=(st.st_atime_ns, st.st_mtime_ns))
    before = digest(filled)
    with pytest.raises(StoreError, match="integrity check|damaged"):
        Store(filled)
    assert digest(filled) == before


def test_a_file_another_program_holds_locked_is_not_waited_for_twice(filled: Path) -> None:
    # The opening connection waits its busy timeout and then says the file is in use; the early check waited as
    # long again before it (10 s in all before the message, instead of 5). It gives up at once and leaves the
    # check to the opening connection.
    holder = sqlite3.connect(filled, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("CREATE TABLE held (x)")
    holder.execute("COMMIT")  # the lock stays with this connection
    try:
        early_check.begin(filled)
        check = early_check._pending[filled]
        check.join(timeout=2.0)
        assert not check.is_alive() and check.rows is None
    finally:
        holder.close()
    assert early_check.result(filled) is None  # checked again when opened


def test_a_check_that_cannot_run_early_is_run_on_open(filled: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(early_check.sqlite3, "connect", refuse)
    early_check.begin(filled)
    monkeypatch.undo()
    seen = checks_on_open(monkeypatch)
    Store(filled).close()
    assert seen == ["PRAGMA quick_check"]


def test_nothing_is_begun_for_a_new_or_empty_file_and_nothing_is_written(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    new = folder / "new.db"
    early_check.begin(new)
    empty = folder / "empty.db"
    empty.write_bytes(b"")
    early_check.begin(empty)
    assert new not in early_check._pending and empty not in early_check._pending
    assert sorted(p.name for p in folder.iterdir()) == ["empty.db"]


def test_opening_with_an_early_check_leaves_the_folder_as_it_was(filled: Path) -> None:
    # SQLite's read-only connection may make the -wal and -shm files a WAL database reads through; the store's
    # own connection, the last to close, removes them as it always did.
    before = sorted(p.name for p in filled.parent.iterdir())
    early_check.begin(filled)
    Store(filled).close()
    assert sorted(p.name for p in filled.parent.iterdir()) == before


def test_the_early_check_opens_the_file_read_only(filled: Path) -> None:
    os.chmod(filled, 0o400)  # a connection that meant to write could not; a read-only one can
    try:
        check = early_check.EarlyCheck(filled)
        check.run()
        assert check.rows == [("ok",)]
    finally:
        os.chmod(filled, 0o600)


def test_a_read_only_database_is_refused_and_its_folder_left_as_it_was(
    filled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    os.chmod(filled, 0o444)
    if os.geteuid() == 0:  # root may write any file: the test's own access says what a user's process would
        real_access = os.access

        def access(path: Any, mode: int, **kwargs: Any) -> bool:
            if mode & os.W_OK and not os.stat(path).st_mode & stat.S_IWUSR:
                return False
            return real_access(path, mode, **kwargs)

        monkeypatch.setattr(os, "access", access)
    before = sorted(p.name for p in filled.parent.iterdir())
    early_check.begin(filled)
    with pytest.raises(StoreError, match="read-only"):
        Store(filled)
    # Without read-only -shm and -wal left beside it, the file made writable (as the message says) is written to.
    assert sorted(p.name for p in filled.parent.iterdir()) == before
    monkeypatch.undo()
    os.chmod(filled, 0o600)
    with Store(filled) as store:
        store.db.execute("CREATE TABLE written (x)")


@pytest.mark.parametrize("name", ["a?mode=rw.db", "b#frag.db", "c%41.db", "d é ✓.db", "e&vfs=unix-none.db"])
def test_odd_file_names_are_checked_as_themselves(tmp_path: Path, name: str) -> None:
    # The read-only connection names the file by a URI: the characters URIs treat specially stay in the name.
    folder = tmp_path / "odd %41#? folder"
    folder.mkdir()
    path = folder / name
    Store(path).close()
    early_check.begin(path)
    assert early_check.result(path) == [("ok",)]
