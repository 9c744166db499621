"""Start-up loads only what the main window needs: neither the `meetingkit` command's module nor the app, up to
its window on screen, pulls in the live engine, the report code (reportlab, python-docx), the room view
(QtHttpServer, QtWebSockets) or another room's windows: they load when a meeting is run, reviewed or written up.
The start-up benchmark is judged against a bare window with sqlite-utils; an import at the top of a store module
once brought the whole engine back, and the command line's own imports brought it to every start of the app."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from meetingkit.models import record
from meetingkit.resources import demo_record_path
from meetingkit.store.repository import Store

NOT_AT_START = (
    "meetingkit.models.session",
    "meetingkit.models.record",
    "meetingkit.reports.minutes_document",
    "meetingkit.reports.minutes_pdf",
    "meetingkit.room",
    "meetingkit.ui.console",
    "meetingkit.ui.review",
    "meetingkit.ui.minutes",
    "reportlab",
    "docx",
    "PySide6.QtWebSockets",
    "PySide6.QtHttpServer",
    "PySide6.QtSvg",
)


def loaded_by(probe: str, *args: str, env: dict[str, str] | None = None) -> list[str]:
    """The modules a fresh interpreter has loaded after `probe` (which prints them last, as JSON)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    done = subprocess.run(
        [sys.executable, "-c", probe, *args], capture_output=True, text=True, timeout=120, env=env
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def demo_database(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A database holding the (ended) demo meeting, and settings folders of the test's own, not the user's."""
    db = tmp_path / "meetingkit.db"
    with Store(db) as store:
        store.import_record(record.parse(demo_record_path().read_bytes()))
    return db, {"XDG_CONFIG_HOME": str(tmp_path / "config"), "HOME": str(tmp_path)}


def heavy(modules: list[str]) -> list[str]:
    return [m for m in modules if any(m == name or m.startswith(f"{name}.") for name in NOT_AT_START)]


def test_importing_the_app_loads_neither_the_engine_nor_the_reports() -> None:
    probe = "import json, sys; import meetingkit.app; print(json.dumps(sorted(sys.modules)))"
    assert heavy(loaded_by(probe)) == []


def test_the_command_line_loads_no_engine_before_it_opens_the_app() -> None:
    # What `meetingkit` (the installed script, main.py, python -m meetingkit) imports before it parses a word.
    probe = "import json, sys; import meetingkit.cli; print(json.dumps(sorted(sys.modules)))"
    assert heavy(loaded_by(probe)) == []


def test_the_window_on_screen_with_an_ended_meeting_selected_has_loaded_no_engine(tmp_path: Path) -> None:
    # The demo meeting has ended: its details show its figures (patient and public voice, timing), read from
    # the stored summary without replaying it.
    db, private = demo_database(tmp_path)
    probe = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from meetingkit import cli, app\n"
        "window = app.start(Path(sys.argv[1]))\n"
        "assert 'Patient and public voice' in window.details.text(), window.details.text()\n"
        "window.store.close()\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    assert heavy(loaded_by(probe, str(db), env=private)) == []


def test_the_first_frame_builds_no_qt_namespace_style_or_message_box(tmp_path: Path) -> None:
    # PySide builds a class's Python enums the first time a module names it: the `Qt` namespace is 93 of them
    # (about 1,500 members, some 20 ms), QStyle another 11, QAccessible 8 (190 members). The window opens and
    # paints its first frame without them; a dialog, a screen reader's first question or another room loads
    # them when it is needed.
    db, private = demo_database(tmp_path)
    probe = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "import PySide6.QtCore as core, PySide6.QtGui as gui, PySide6.QtWidgets as widgets\n"
        "from meetingkit import cli, app\n"
        "window = app.start(Path(sys.argv[1]))\n"
        "window.grab()\n"
        "built = lambda module, names: [n for n in names if n in vars(module)]\n"
        "found = built(core, ['Qt']) + built(gui, ['QIcon', 'QAccessible', 'QKeySequence'])\n"
        "found += built(widgets, ['QStyle', 'QMessageBox'])\n"
        "lazy = not built(core, ['QCryptographicHash']) and not built(widgets, ['QCalendarWidget'])\n"
        "window.store.close()\n"
        "print(json.dumps([found, lazy]))\n"
    )
    found, lazy = loaded_by(probe, str(db), env=private)
    if not lazy:
        pytest.skip("this PySide builds every class when its module loads: nothing to measure")
    assert found == []


ROOMS_WITH_THE_FACTORY = (
    "meetingkit.ui.console.console_window",
    "meetingkit.ui.console.speaker_display",
    "meetingkit.ui.review.review_window",
    "meetingkit.ui.review.series_view",
    "meetingkit.ui.minutes.minutes_window",
    "meetingkit.ui.minutes.action_register",
    "meetingkit.ui.prep.people_directory",
    "meetingkit.ui.prep.meeting_editor",
)


def test_every_room_that_needs_the_accessibility_factory_installs_it_and_the_main_window_does_not() -> None:
    # The factory makes a plain-QWidget window read as a window and a ValueLabel's words readable: each room
    # whose windows need it installs it when it loads; the main window (which needs none of it) opens without.
    probe = (
        "import json, sys, importlib\n"
        "importlib.import_module(sys.argv[1])\n"
        "accessibility = sys.modules.get('meetingkit.ui.common.accessibility')\n"
        "print(json.dumps(accessibility is not None and accessibility._installed))\n"
    )
    for module in ROOMS_WITH_THE_FACTORY:
        assert loaded_by(probe, module) is True, module
    assert loaded_by(probe, "meetingkit.app") is False
