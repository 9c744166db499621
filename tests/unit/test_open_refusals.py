"""A fine database that SQLite cannot open for a reason outside the file (a folder MeetingKit may not write in) is
refused in words that say so, never as a damaged file, and left as it was."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from meetingkit.models import record
from meetingkit.store import early_check
from meetingkit.store.database import StoreError
from meetingkit.store.repository import Store
from tests.conftest import EXAMPLE_RECORD


@contextmanager
def read_only_folder(folder: Path) -> Iterator[None]:
    """A folder this process may not write in: its mode for a user; for root, who writes anywhere, its immutable
    flag."""
    if os.geteuid() != 0:
        os.chmod(folder, 0o555)
        try:
            yield
        finally:
            os.chmod(folder, 0o755)
        return
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(folder)]).returncode != 0:
        pytest.skip("root may write in any folder here, and cannot mark one immutable")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_a_database_in_a_folder_it_may_not_write_in_is_not_called_damaged(tmp_path: Path) -> None:
    # SQLite keeps the -wal and -shm files beside a WAL database; in a folder it may not write in, opening the file
    # fails with "unable to open database file" or "attempt to write a readonly database", which was reported as
    # "<file> is damaged or not a database": the file is fine.
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "meetingkit.db"
    with Store(path) as store:
        store.import_record(record.parse(EXAMPLE_RECORD.read_text()))
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    with read_only_folder(folder):
        early_check.begin(path)  # as `meetingkit --db PATH` opens the app
        with pytest.raises(StoreError) as refused:
            Store(path)
        words = str(refused.value)
        assert "damaged" not in words
        assert f"may not write in the folder {folder}" in words and "left untouched" in words
        assert sorted(p.name for p in folder.iterdir()) == ["meetingkit.db"]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    with Store(path) as store:  # the folder made writable again, the file opens as it was
        assert len(store.list_meetings()) == 1
