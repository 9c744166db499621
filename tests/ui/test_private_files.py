"""Everything MeetingKit leaves on disk (database, -wal/-shm, backups, settings) is readable by its owner alone."""

from __future__ import annotations

import stat
from pathlib import Path

from PySide6.QtWidgets import QApplication

from meetingkit.app import start
from meetingkit.clock import FakeClock
from meetingkit.store.database import default_db_path


def test_a_real_start_leaves_only_private_files(tmp_path: Path, qapp: QApplication) -> None:
    window = start(default_db_path(), FakeClock())  # the user data folder (the fixture points XDG here)
    assert window is not None
    QApplication.processEvents()
    window.close()  # saves the window's settings
    QApplication.processEvents()
    window.store.backup()
    window.store.close()
    written = [p for p in tmp_path.rglob("*") if "xdg-" in str(p.relative_to(tmp_path))]
    files = [p for p in written if p.is_file()]
    assert any(p.suffix == ".ini" for p in files), "the settings were written"
    assert any(p.name == "meetingkit.db" for p in files)
    assert any("backups" in p.parts for p in files)
    for p in written:
        mode = stat.S_IMODE(p.stat().st_mode)
        if p.is_dir() and p.name in ("xdg-data", "xdg-config"):
            continue  # the test's own folders, standing in for the user's home
        expected = 0o700 if p.is_dir() else 0o600
        assert mode == expected, f"{p.relative_to(tmp_path)} is {oct(mode)}"


def test_settings_stay_private_after_they_are_rewritten(tmp_path: Path, qapp: QApplication) -> None:
    from meetingkit.app import open_settings

    settings = open_settings()
    for i in range(3):
        settings.setValue("main_window/geometry", f"x{i}")
        settings.sync()
    path = Path(settings.fileName())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
