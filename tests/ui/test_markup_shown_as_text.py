"""Issue 11, item 3: names and titles are shown as typed, never as markup. Every window of the app, in the
states that show other labels, with `<img src=FILE><font size=7>Dr EVIL</font><a href=x>` in every name and
title: no label, tooltip, table cell or window title renders it, and the file is never read."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QLabel, QTabWidget, QWidget

from meetingkit.clock import FakeClock
from meetingkit.models import record
from meetingkit.models.meeting import Meeting
from meetingkit.store.repository import Store
from meetingkit.ui.common.live_bridge import LiveBridge
from meetingkit.ui.console.console_window import ConsoleWindow
from meetingkit.ui.prep.main_window import MainWindow
from tests.conftest import EXAMPLE_RECORD
from tests.ui.console_meeting import board

MARK = "EVIL"
_opened: list[str] = []
_watched: set[str] = set()


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if event == "open" and args and str(args[0]) in _watched:
        _opened.append(str(args[0]))


sys.addaudithook(_audit)  # once per process: a hook cannot be removed


@pytest.fixture
def planted(tmp_path: Path) -> Iterator[Path]:
    """A real picture, its access time set before its change time: any read (even by Qt's C++, which Python's
    audit hook cannot see) moves the access time on (relatime)."""
    from PySide6.QtGui import QImage

    path = tmp_path / "p.png"
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(0xFF0000)
    assert image.save(str(path))
    st = path.stat()
    os.utime(path, (st.st_mtime - 86400 * 3, st.st_mtime))
    _watched.add(str(path))
    _opened.clear()
    yield path
    _watched.discard(str(path))


def markup(planted: Path) -> str:
    return f"<img src={planted}><font size=7>Dr {MARK}</font><a href=x>"


def read_since_planted(path: Path) -> bool:
    st = path.stat()
    return bool(_opened) or st.st_atime > st.st_mtime


def marked_record(planted: Path) -> dict[str, Any]:
    import json

    data = json.loads(EXAMPLE_RECORD.read_text())
    m = markup(planted)
    data["meeting"]["title"] = f"{m} board"
    data["meeting"]["series"] = f"{m} series"
    data["meeting"]["venue"] = f"{m} venue"
    for p in data["people"]:
        p["name"] = f"{m} {p['name']}"
        p["organisation"] = f"{m} org"
    for it in data["agenda"]:
        it["title"] = f"{m} {it['title']}"
    for ev in data["events"]:
        for k in ("text", "note", "reason"):
            if isinstance(ev.get(k), str):
                ev[k] = f"{m} {ev[k]}"
    return data


def marked_board(clock: FakeClock, planted: Path) -> Meeting:
    meeting = board(clock)
    m = markup(planted)
    meeting.title, meeting.series, meeting.venue = f"{m} board", f"{m} series", f"{m} venue"
    for p in meeting.people:
        p.name = f"{m} {p.name}"
        p.organisation = f"{m} org"
    for it in meeting.agenda:
        it.title = f"{m} {it.title}"
    return meeting


# ---- what counts as rendering ----------------------------------------------------------------------------


def renders_markup(text: str, fmt: Qt.TextFormat) -> bool:
    """Whether Qt would draw `text` as rich text with the planted markup live in it."""
    if MARK not in text:
        return False
    rich = fmt == Qt.TextFormat.RichText or (
        fmt in (Qt.TextFormat.AutoText, Qt.TextFormat.MarkdownText) and QtGui.Qt.mightBeRichText(text)
    )
    if fmt == Qt.TextFormat.MarkdownText:
        return True  # markdown passes HTML through
    if not rich:
        return False
    doc = QTextDocument()
    doc.setHtml(text)
    # Escaped, the characters come back as typed; live, the tags are gone (an image, a size, a link instead).
    return "<img src=" not in doc.toPlainText()


def tooltip_renders(text: str) -> bool:
    return MARK in text and QtGui.Qt.mightBeRichText(text) and renders_markup(text, Qt.TextFormat.RichText)


def problems_in(root: QWidget, where: str) -> list[str]:
    root.grab()  # drawn as a person would see it: a live <img> is loaded now, if anywhere
    found: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        name = f"{where}: {type(w).__name__} {w.objectName() or w.accessibleName()!r}"
        if isinstance(w, QLabel) and renders_markup(w.text(), w.textFormat()):
            found.append(f"{name} shows rich text: {w.text()[:80]!r}")
        if tooltip_renders(w.toolTip()):
            found.append(f"{name} tooltip is rich text: {w.toolTip()[:80]!r}")
        if w.isWindow() and MARK in w.windowTitle() and "<img" not in w.windowTitle():
            found.append(f"{name} window title lost its text: {w.windowTitle()[:80]!r}")
        if isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView) and w.model() is not None:
            found += [f"{name} {p}" for p in _model_problems(w.model())]
    return found


def _model_problems(
    model: QAbstractItemModel, parent: QModelIndex | None = None, depth: int = 0
) -> list[str]:
    parent = parent or QModelIndex()
    found = []
    for r in range(min(model.rowCount(parent), 200)):
        for c in range(model.columnCount(parent)):
            index = model.index(r, c, parent)
            tip = index.data(Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str) and tooltip_renders(tip):
                found.append(f"cell ({r},{c}) tooltip is rich text: {tip[:80]!r}")
        if depth < 2:
            found += _model_problems(model, model.index(r, 0, parent), depth + 1)
    return found


def sweep(root: QWidget, where: str) -> list[str]:
    """`root`, and every page of every tab widget in it made current (a page draws its labels when shown)."""
    QApplication.processEvents()
    found = problems_in(root, where)
    for tabs in root.findChildren(QTabWidget):
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            QApplication.processEvents()
            found += problems_in(tabs.widget(i), f"{where} > {tabs.tabText(i)}")
    return found


def show(qtbot: Any, w: QWidget) -> QWidget:
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_the_checks_catch_live_markup(qtbot: Any, planted: Path) -> None:
    bad = QLabel(markup(planted))
    good = QLabel(markup(planted))
    good.setTextFormat(Qt.TextFormat.PlainText)
    escaped = QLabel(f"<b>Name:</b> {markup(planted).replace('<', '&lt;')}")
    for w in (bad, good, escaped):
        show(qtbot, w)
    assert problems_in(bad, "x") and not problems_in(good, "x") and not problems_in(escaped, "x")
    assert read_since_planted(planted), "the check itself sees a file Qt read"


# ---- every window ----------------------------------------------------------------------------------------


def test_main_window_and_every_window_it_opens(
    qtbot: Any, store: Store, clock: FakeClock, planted: Path
) -> None:
    mid = store.import_record(record.parse(marked_record(planted)))
    draft = store.create_meeting(store.load_meeting(mid))
    main = show(qtbot, MainWindow(store, clock))
    assert isinstance(main, MainWindow)
    main.refresh(select=mid)
    found = sweep(main, "Main window")
    main.tree.setCurrentIndex(main.model.index(0, 0))  # the series row
    found += sweep(main, "Main window (series row)")
    main.select_meeting(mid)
    for action in ("review_action", "register_action", "minutes_action", "people_action", "series_action"):
        before = list(main.windows)
        getattr(main, action).trigger()
        for window in [w for w in main.windows if w not in before]:
            show(qtbot, window)
            found += sweep(window, action)
    main.select_meeting(draft)
    main.edit_action.trigger()
    editor = main.editor
    assert editor is not None
    qtbot.waitExposed(editor)
    found += sweep(editor, "Meeting editor")
    editor._dirty = False  # noqa: SLF001 (closing without the unsaved-changes question)
    editor.close()
    assert not found, "\n".join(found)
    assert not read_since_planted(planted), "a window read the file named in a name"


@pytest.fixture
def console(qtbot: Any, store: Store, clock: FakeClock, planted: Path) -> Iterator[ConsoleWindow]:
    mid = store.create_meeting(marked_board(clock, planted))
    bridge = LiveBridge(store.open_live(mid, clock))
    bridge.stop()
    window = ConsoleWindow(bridge, store)
    window.meeting_id = mid
    show(qtbot, window)
    yield window
    window.display.hide()


def test_the_console_in_every_state_with_its_panels_and_display(
    qtbot: Any, console: ConsoleWindow, clock: FakeClock, planted: Path
) -> None:
    m = markup(planted)
    c = console.bridge.command
    found = sweep(console, "Console (ready)")
    console.start_meeting()
    c("queue", who="m2")
    c("queue", who="p1")
    c("speak", who="m1")
    c("note", text=f"{m} note")
    c("decision", text=f"{m} decision")
    c("action", text=f"{m} action", owner="se")
    clock.advance(60 * 60)  # far over time: the rebalance offer names the items
    console.refresh()
    assert console.rebalance_panel.isVisible()
    found += sweep(console, "Console (speaking, queue, rebalance offer)")
    console.toggle_display()
    qtbot.waitExposed(console.display)
    found += sweep(console.display, "Speaker display")
    c("interject", who="p1")
    c("pause")
    console.refresh()
    found += sweep(console, "Console (interjection, paused)")
    c("resume")
    c("next_item")
    c("next_item")
    c("next_item")
    c("speak", who="p2")
    c("feedback", who="p2", text=f"{m} feedback")
    console.refresh()
    found += sweep(console, "Console (break)")
    found += sweep(console.display, "Speaker display (break)")
    c("end_break")
    c("end_meeting")
    console.refresh()
    found += sweep(console, "Console (ended)")
    assert not found, "\n".join(found)
    assert not read_since_planted(planted), "the console read the file named in a name"
