"""Every window of the app, every tab and every state that shows other controls: no visible interactive widget
without an accessible name. One walk for all, so a window added later is one line here."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QScrollBar, QTabWidget, QWidget

from meetingkit.app import seed_demo
from meetingkit.clock import FakeClock
from meetingkit.models import record
from meetingkit.store.repository import Store
from meetingkit.ui.console.console_window import ConsoleWindow
from meetingkit.ui.prep.main_window import MainWindow
from meetingkit.ui.prep.meeting_editor import MeetingEditor
from meetingkit.ui.prep.people_directory import PeopleDirectoryWindow
from tests.review_records import silent_rep, with_interjections
from tests.ui.console_meeting import open_board
from tests.ui.test_accessible_names_main import COMPOUND, INTERACTIVE, unnamed


def takes_keyboard_focus(w: QWidget) -> bool:
    """A control a keyboard user can reach with Tab, whatever its class (custom views, charts, labels)."""
    return bool(w.focusPolicy() & Qt.FocusPolicy.TabFocus) and w.isEnabled()


def unnamed_anywhere(root: QWidget) -> list[str]:
    """`unnamed` (the main window's walk) plus anything else that takes Tab focus, e.g. a custom timeline."""
    missing = set(unnamed(root))
    for w in [root, *root.findChildren(QWidget)]:
        if isinstance(w, (*INTERACTIVE, QScrollBar)) or not w.isVisible() or not takes_keyboard_focus(w):
            continue
        if isinstance(w.parentWidget(), COMPOUND) or w.accessibleName().strip():
            continue
        if w.focusProxy() is not None:
            continue  # focus goes on to the proxy (a tab widget's tab bar), which is checked itself
        # A scroll area's viewport is announced as the scroll area, and only needs the area named.
        if isinstance(w.parentWidget(), QAbstractScrollArea) and w is w.parentWidget().viewport():
            continue
        missing.add(f"{type(w).__name__} {w.objectName()!r} (takes focus)")
    return sorted(missing)


def sweep(root: QWidget, where: str) -> list[str]:
    """Walk `root`, then every page of every tab widget in it (nested ones too), each page made current."""
    found = [f"{where}: {m}" for m in unnamed_anywhere(root)]
    for tabs in root.findChildren(QTabWidget):
        outer = tabs.parentWidget()
        while outer is not None and outer is not root and not isinstance(outer, QTabWidget):
            outer = outer.parentWidget()
        if outer is not root or not tabs.isVisible():
            continue  # nested tab widgets are swept from their own page
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            found += sweep(tabs.widget(i), f"{where} > {tabs.tabText(i).replace('&&', '&')}")
    return sorted(set(found))


def show(qtbot: Any, w: QWidget) -> QWidget:
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def demo(store: Store) -> int:
    mid = seed_demo(store)
    assert mid is not None
    return mid


@pytest.fixture
def main(qtbot: Any, store: Store, clock: FakeClock, demo: int) -> MainWindow:
    window = MainWindow(store, clock)
    show(qtbot, window)
    return window


def opened(main: MainWindow, action_name: str) -> QWidget:
    before = list(main.windows)
    getattr(main, action_name).trigger()
    new = [w for w in main.windows if w not in before]
    assert len(new) == 1, action_name
    new[0].resize(1280, 800)
    return new[0]


def test_main_window_and_the_windows_it_opens(qtbot: Any, main: MainWindow, store: Store, demo: int) -> None:
    # A series of two meetings, so that the series view draws its table and charts.
    series_meeting = store.import_record(record.parse(silent_rep()))
    store.import_record(record.parse(with_interjections()))
    main.refresh(select=demo)
    missing = sweep(main, "Main window")
    main.tree.setCurrentIndex(main.model.index(0, 0))  # a series row
    missing += sweep(main, "Main window (series row)")
    main.select_meeting(series_meeting)
    missing += sweep(opened(main, "series_action"), "Series view")
    main.select_meeting(demo)
    for action, name in (
        ("review_action", "Review window"),
        ("register_action", "Action register"),
        ("minutes_action", "Minutes preview"),
        ("correct_action", "Minutes window"),
        ("people_action", "People directory"),
    ):
        window = opened(main, action)
        qtbot.waitExposed(window)
        missing += sweep(window, name)
        if isinstance(window, PeopleDirectoryWindow):
            window.filter.setText("zzz")  # nothing matches: the delete button disables, still named
            missing += sweep(window, "People directory (no match)")
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize("started", [False, True], ids=["draft", "ended"])
def test_meeting_editor_every_tab(
    qtbot: Any, main: MainWindow, store: Store, demo: int, started: bool
) -> None:
    if not started:
        main.refresh(select=store.create_meeting(store.load_meeting(demo)))
    assert main.edit_action.text() == ("&View meeting…" if started else "&Edit meeting…")
    main.edit_action.trigger()
    editor = main.editor
    assert isinstance(editor, MeetingEditor)
    qtbot.waitExposed(editor)
    missing = sweep(editor, "Meeting editor")
    editor._dirty = False  # noqa: SLF001 (closing without the unsaved-changes question)
    editor.close()
    assert not missing, "\n".join(missing)


@pytest.fixture
def console(qtbot: Any, store: Store, clock: FakeClock) -> Iterator[ConsoleWindow]:
    store.set_series_settings("Stroke HIT", None, 0.3)  # a patient-voice target: the Voices prompt can show
    _mid, bridge = open_board(store, clock)
    bridge.stop()  # repaints come from the test, so each state is the one set up
    window = ConsoleWindow(bridge, store)
    window.resize(1440, 900)
    show(qtbot, window)
    yield window
    window.display.hide()


def test_console_running_with_every_bar_and_prompt(
    qtbot: Any, console: ConsoleWindow, store: Store, clock: FakeClock
) -> None:
    missing = sweep(console, "Console (ready)")
    c = console.bridge.command
    console.start_meeting()
    c("queue", who="m2")
    c("queue", who="p1")
    c("speak", who="m1")
    c("note", text="Discharge figures were shared.")
    c("action", text="Share the figures", owner="se")
    c("start_item", item="i3")  # the break is due at the next boundary: its prompt shows
    clock.advance(60 * 60)  # far over time: the rebalance offer shows
    clock.sleep(600)
    console.bridge.clock_gap.emit(600.0)
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count={pages}")
    # The save problem bar; 18,400 characters, within DESIGN §6's 20,000 for a note.
    c("note", text="A long note that no longer fits on the disk. " * 400)
    console.ask_end()
    console.refresh()
    assert console.save_bar.isVisible() and console.gap_bar.isVisible() and console.end_bar.isVisible()
    assert console.rebalance_panel.isVisible()
    assert console.side_panels["Voices"].prompt_visible()
    missing += sweep(console, "Console (running)")
    console.show_shortcuts()
    qtbot.waitExposed(console.help)
    missing += sweep(console.help, "Keyboard shortcuts")
    c("interject", who="p1")
    c("pause")
    console.refresh()
    missing += sweep(console, "Console (interjection, paused)")
    assert not missing, "\n".join(missing)


def test_console_in_the_break_and_the_speaker_display(
    qtbot: Any, console: ConsoleWindow, clock: FakeClock
) -> None:
    c = console.bridge.command
    console.start_meeting()
    c("next_item")
    c("next_item")
    c("next_item")  # the break, due after the third item, starts instead of the fourth
    assert console.bridge.live.brk.status == "running"
    c("speak", who="p2")
    c("feedback", who="p2", text="We heard a lot about process, less about patients.")
    clock.advance(120)
    console.refresh()
    missing = sweep(console, "Console (break)")
    console.toggle_display()
    qtbot.waitExposed(console.display)
    missing += sweep(console.display, "Speaker display")
    c("end_break")
    c("end_meeting")
    console.refresh()
    missing += sweep(console, "Console (ended)")
    assert not missing, "\n".join(missing)


def test_the_sweep_finds_a_nameless_control_on_a_hidden_tab_and_a_focusable_custom_widget(qtbot: Any) -> None:
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    root = QWidget()
    layout = QVBoxLayout(root)
    tabs = QTabWidget()
    tabs.tabBar().setAccessibleName("Tabs")
    tabs.addTab(QWidget(), "First")
    second = QWidget()
    QVBoxLayout(second).addWidget(QPushButton("Forgot"))
    tabs.addTab(second, "Second")
    custom = QWidget()
    custom.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    layout.addWidget(tabs)
    layout.addWidget(custom)
    show(qtbot, root)
    assert sweep(root, "Root") == ["Root > Second: QPushButton '' 'Forgot'", "Root: QWidget '' (takes focus)"]
