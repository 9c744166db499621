"""Tests keep out of the user's own folders on every platform: the app's folder functions, the home directory,
Qt's standard paths and the command line's default database all answer inside the test's own folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths

from meetingkit import app, cli
from meetingkit.store import database
from tests.conftest import REAL_DEFAULT_DB_PATH, REAL_SETTINGS_PATH


def test_the_data_and_settings_files_are_the_tests_own(tmp_path: Path) -> None:
    assert database.default_db_path().is_relative_to(tmp_path)
    assert app.settings_path().is_relative_to(tmp_path)
    assert Path.home().is_relative_to(tmp_path)
    assert QStandardPaths.isTestModeEnabled()


@pytest.mark.parametrize("platform", ["linux", "darwin", "win32"])
def test_the_real_data_folder_function_would_also_stay_inside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, platform: str
) -> None:
    """Should a path get past the replaced function, the environment still keeps it in, on each OS."""
    monkeypatch.setattr(sys, "platform", platform)
    assert REAL_DEFAULT_DB_PATH().is_relative_to(tmp_path)


@pytest.mark.skipif(sys.platform == "win32", reason="Qt reads Windows' known folders, not the environment")
def test_the_real_settings_function_would_also_stay_inside(tmp_path: Path) -> None:
    assert REAL_SETTINGS_PATH().is_relative_to(tmp_path)


def test_the_command_line_default_database_is_the_tests_own(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["list"]) == 0
    out = capsys.readouterr().out
    assert f"no database at {tmp_path}" in out, out
