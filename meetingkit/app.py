"""Starting the desktop app: the QApplication, settings, the one Store, the demo on first start, the main window."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from meetingkit import font_setup
from meetingkit.clock import Clock, SystemClock
from meetingkit.store.database import StoreError, private_folder
from meetingkit.store.repository import Store
from meetingkit.ui.prep.main_window import MainWindow

APP_NAME = "MeetingKit"
MIN_POINT_SIZE = 11.0  # read from across a meeting-room table, not only at arm's length


GUI_BUSY_TIMEOUT_MS = 150


def application() -> QApplication:
    """The process's QApplication (made once), named and with a readable default font."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        font_setup.wait()  # fontconfig set up by one thread at a time
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    font = app.font()
    if 0 < font.pointSizeF() < MIN_POINT_SIZE:
        font.setPointSizeF(MIN_POINT_SIZE)
        app.setFont(font)
    return app


def settings_path() -> Path:
    """Where the user's settings file lives: the platform's config folder, found when asked (never at import
    time), and the one place that decides it, so tests can point it at a folder of their own."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    return Path(base) / APP_NAME / "meetingkit.ini"


def open_settings() -> QSettings:
    """The user's settings file (at `settings_path()`), private to its owner."""
    path = settings_path()
    # Owner-only, like everything else MeetingKit writes; QSettings keeps an existing file's permissions.
    # Folders and files that were there before keep their modes: they are not MeetingKit's to change.
    private_folder(path.parent)
    if not os.path.lexists(path):
        with contextlib.suppress(FileExistsError):
            os.close(
                os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0), 0o600)
            )
    return QSettings(str(path), QSettings.Format.IniFormat)


def is_first_start(db_path: Path) -> bool:
    return not db_path.exists() or db_path.stat().st_size == 0


def open_store(db_path: Path) -> Store | None:
    """The one Store of this run; a file that cannot be used is reported and left as it was."""
    try:
        store = Store(db_path)
        # The window never waits on another program's write for more than a repaint or two: a write that
        # finds the file busy is kept and retried at the next tick ("waiting for another program ...").
        store.wait_when_busy(GUI_BUSY_TIMEOUT_MS)
        return store
    except (StoreError, OSError) as exc:
        # Loaded only when something is wrong, not for a normal start.
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(
            None,
            "MeetingKit cannot open its database",
            f"{exc}\n\nNothing was written to the file. To use another database, start MeetingKit with "
            "--db PATH.",
        )
        return None


def seed_demo(store: Store) -> int | None:
    """Replay the demo record through the engine, so a newcomer sees a real meeting at once."""
    from meetingkit.models import record
    from meetingkit.resources import demo_record_path

    try:
        return store.import_record(record.parse(demo_record_path().read_bytes()))
    except (OSError, record.RecordError, StoreError) as exc:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(None, "Demo meeting not added", f"The demo meeting could not be added: {exc}")
        return None


def start(db_path: Path, clock: Clock | None = None) -> MainWindow | None:
    """Everything `run_app` does before the event loop: the window is shown, nothing waits on the user
    (so tests and the start-up benchmark can build it). None if the database cannot be opened."""
    application()
    first = is_first_start(db_path)
    store = open_store(db_path)
    if store is None:
        return None
    if first:
        seed_demo(store)
    window = MainWindow(store, clock or SystemClock(), open_settings())
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):  # the desktop session ending: nothing waiting is dropped unasked
        app.commitDataRequest.connect(window.commit_data)
    window.show()
    return window


def run_app(db_path: Path, clock: Clock | None = None) -> int:
    """Open the app on `db_path` and run it until the last window closes; 2 if the database is unusable."""
    app = application()
    window = start(Path(db_path), clock)
    if window is None:
        return 2
    # Asked once the window is on screen, so the question has its context behind it.
    QTimer.singleShot(0, window.offer_resume)
    try:
        return app.exec()
    finally:
        window.store.close()
