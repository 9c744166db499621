"""Shared fixtures: headless Qt, a fresh temporary database and a fake clock for every test."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from meetingkit import app  # noqa: E402
from meetingkit.clock import FakeClock  # noqa: E402
from meetingkit.store import database  # noqa: E402

# The app's own folder functions, as they are before `_private_home` replaces them in every test.
REAL_DEFAULT_DB_PATH = database.default_db_path
REAL_SETTINGS_PATH = app.settings_path

EXAMPLES = Path(__file__).resolve().parents[2] / "shared" / "examples"
if not EXAMPLES.exists():  # CI clones the repo with shared/ beside it; a copy ships in tests/data too
    EXAMPLES = Path(__file__).resolve().parent / "data"
EXAMPLE_RECORD = EXAMPLES / "board-meeting.json"
EXAMPLE_STATS = EXAMPLES / "board-meeting.stats.json"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 6, 12, 9, 0, tzinfo=UTC))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    # `--db` names a new file in an existing folder (DESIGN §4): the folder is there, private, as a user's is.
    (tmp_path / "data").mkdir(mode=0o700, exist_ok=True)
    return tmp_path / "data" / "meetingkit.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[object]:
    from meetingkit.store.repository import Store

    s = Store(db_path)
    yield s
    s.close()


def private_folders(root: Path) -> dict[str, str]:
    """A home and the platform folders of every OS (Linux XDG, macOS home, Windows profile), all under root."""
    home = root / "home"
    return {
        "HOME": str(home),  # Path.home() on Linux and macOS, and so ~/Library on macOS
        "USERPROFILE": str(home),  # Path.home() on Windows
        "APPDATA": str(root / "appdata"),
        "LOCALAPPDATA": str(root / "localappdata"),
        "XDG_DATA_HOME": str(root / "xdg-data"),
        "XDG_CONFIG_HOME": str(root / "xdg-config"),
        "XDG_CACHE_HOME": str(root / "xdg-cache"),
    }


@pytest.fixture(autouse=True)
def _private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the real user's home, data folder or settings, on any platform.

    The environment is only half of it: on macOS and Windows the folders come from the home directory and
    from Qt's standard paths, not from XDG variables. So the app's own folder functions (the database's
    `default_db_path`, the settings' `settings_path`) are replaced by ones that answer inside this test's folder
    (following the XDG variables, which a test such as the GUI crash trial may point at a sub-folder of its
    own), and QStandardPaths runs in its test mode. Child processes inherit the environment.
    """
    from PySide6.QtCore import QStandardPaths

    for name, value in private_folders(tmp_path).items():
        monkeypatch.setenv(name, value)
    Path(os.environ["HOME"]).mkdir(exist_ok=True)
    QStandardPaths.setTestModeEnabled(True)
    monkeypatch.setenv("MEETINGKIT_SILENT", "1")  # no chime from a console unless a test asks for one

    def data_file() -> Path:
        return Path(os.environ["XDG_DATA_HOME"]) / "MeetingKit" / "meetingkit.db"

    def settings_file() -> Path:
        return Path(os.environ["XDG_CONFIG_HOME"]) / app.APP_NAME / "meetingkit.ini"

    monkeypatch.setattr(database, "default_db_path", data_file)
    # A module (of the app or a test) that did `from ...database import default_db_path` holds its own name.
    for name, module in list(sys.modules.items()):
        if name.startswith(("meetingkit.", "tests.")) and callable(getattr(module, "default_db_path", None)):
            monkeypatch.setattr(module, "default_db_path", data_file)
    monkeypatch.setattr(app, "settings_path", settings_file)


@pytest.fixture(autouse=True)
def _close_anyway_at_teardown(monkeypatch: pytest.MonkeyPatch) -> None:
    """A console closed with changes waiting asks first (a modal box, which offscreen would wait for ever):
    when a test's widgets are torn down, the answer is "Close anyway". Tests of the question patch it."""
    from meetingkit.ui.console import safe_close

    monkeypatch.setattr(safe_close, "ask_unsaved", lambda *_: safe_close.CLOSE)
