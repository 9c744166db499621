"""Issue 12, findings 8 and 11, before the meeting: the next date is never in the past, a new meeting joins a
series only when the chair says so, F1 in the main window, and the editor's Enter, first focus and Alt keys."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from meetingkit.clock import FakeClock
from meetingkit.models.meeting import AgendaItem, Attendee, Meeting
from meetingkit.store.repository import Store
from meetingkit.ui.prep.main_window import MainWindow
from meetingkit.ui.prep.main_window.meeting_plans import next_free_date
from meetingkit.ui.prep.main_window.next_meeting_dialog import NextMeetingDialog
from meetingkit.ui.prep.meeting_datetime import from_qdatetime
from meetingkit.ui.prep.meeting_editor import MeetingEditor

ALT = Qt.KeyboardModifier.AltModifier


def board(when: datetime, title: str = "Board", series: str = "Board") -> Meeting:
    return Meeting(
        title=title,
        series=series,
        scheduled_start=when,
        people=[Attendee("ch", "Ann Chair", role="chair")],
        agenda=[AgendaItem("i1", "Welcome", 10), AgendaItem("i2", "Next steps", 10, kind="next_steps")],
    )


@pytest.fixture
def window(qtbot: Any, store: Store, clock: FakeClock) -> MainWindow:
    w = MainWindow(store, clock)
    qtbot.addWidget(w)
    return w


def test_8_the_next_date_is_stepped_on_from_a_plan_long_past_to_today_or_later(clock: FakeClock) -> None:
    now = clock.now_utc()  # 12 June 2026, 09:00
    planned = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)
    nxt = next_free_date(planned, now)
    assert nxt >= now and (nxt - planned) % timedelta(weeks=4) == timedelta(0)
    assert nxt - timedelta(weeks=4) < now  # the first step not in the past, not one further
    # A day the series already meets is passed over.
    again = next_free_date(planned, now, taken={nxt.date()})
    assert again == nxt + timedelta(weeks=4)


def test_8_duplicate_as_next_proposes_a_date_from_today_and_refuses_one_before(
    qtbot: Any, store: Store, clock: FakeClock
) -> None:
    old = board(datetime(2026, 1, 5, 10, 0, tzinfo=UTC))
    dialog = NextMeetingDialog(old, now=clock.now_utc())
    qtbot.addWidget(dialog)
    proposed = from_qdatetime(dialog.start.dateTime())
    assert proposed.date() >= clock.now_utc().date()
    dialog.start.setDateTime(dialog.start.dateTime().addDays(-60))  # typed into the past: held at today
    assert from_qdatetime(dialog.start.dateTime()) >= clock.now_utc().replace(tzinfo=None) - timedelta(
        hours=1
    )


def test_8_the_main_window_asks_with_today_and_the_series_days(
    window: MainWindow, store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = store.create_meeting(board(datetime(2026, 1, 5, 10, 0, tzinfo=UTC)))
    window.refresh(select=first)
    seen: list[NextMeetingDialog] = []
    monkeypatch.setattr(NextMeetingDialog, "exec", lambda self: seen.append(self) or 1)
    new_id = window.duplicate_selected()
    assert new_id is not None
    start = store.load_meeting(new_id).scheduled_start
    assert start >= clock.now_utc()
    assert start.date() != datetime(2026, 1, 5).date()


def test_11_a_new_meeting_joins_no_series_until_the_chair_picks_one(window: MainWindow, store: Store) -> None:
    store.create_meeting(board(datetime(2026, 6, 1, 10, 0, tzinfo=UTC)))
    window.refresh()
    assert window.model.series_at(window.tree.currentIndex()) == "Board"  # a Board meeting is selected
    window.new_action.trigger()
    editor = window.editor
    assert isinstance(editor, MeetingEditor)
    assert editor.details.series.currentText() == ""
    assert editor.details.series.findText("Board") >= 0  # offered, not chosen
    editor.done(0)


def test_11_f1_in_the_main_window_lists_its_keys(qtbot: Any, window: MainWindow) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.tree, Qt.Key.Key_F1)
    shown = window.shortcut_list
    assert shown is not None and shown.isVisible()
    rows = {
        shown.table.item(r, 1).text(): shown.table.item(r, 0).text() for r in range(shown.table.rowCount())
    }
    assert rows["New meeting"] == "Ctrl+N" and rows["Run meeting"] == "Ctrl+R"
    assert rows["Keyboard shortcuts"] == "F1"


@pytest.fixture
def editor(qtbot: Any, store: Store, clock: FakeClock) -> MeetingEditor:
    e = MeetingEditor(store, board(clock.now_utc() + timedelta(days=1), title="New meeting", series=""))
    qtbot.addWidget(e)
    e.show()
    qtbot.waitExposed(e)
    return e


def test_11_the_editor_opens_with_the_title_focused(qtbot: Any, editor: MeetingEditor) -> None:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.details.title)


def test_11_enter_in_a_field_neither_saves_nor_closes(
    qtbot: Any, editor: MeetingEditor, store: Store
) -> None:
    editor.details.title.setFocus()
    qtbot.keyClicks(editor.details.title, "Board June")
    qtbot.keyClick(editor.details.title, Qt.Key.Key_Return)
    editor.details.venue.setFocus()
    qtbot.keyClick(editor.details.venue, Qt.Key.Key_Enter)
    assert editor.isVisible() and editor.meeting_id is None
    assert store.list_meetings() == []
    qtbot.keyClick(editor.details.venue, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S saves
    assert [m.title for m in store.list_meetings()] == ["Board June"]


def test_11_alt_p_goes_to_the_people_tab_and_no_mnemonic_is_used_twice(
    qtbot: Any, editor: MeetingEditor
) -> None:
    editor.details.title.setFocus()
    qtbot.keyClick(editor.details.title, Qt.Key.Key_P, ALT)
    assert editor.tabs.currentWidget() is editor.people_page
    qtbot.keyClick(QApplication.focusWidget() or editor, Qt.Key.Key_D, ALT)
    assert editor.tabs.currentWidget() is editor.details
    from PySide6.QtWidgets import QFormLayout, QLabel

    letters = [editor.tabs.tabText(i) for i in range(editor.tabs.count())]
    form = editor.details.layout()
    assert isinstance(form, QFormLayout)
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        if item is not None and isinstance(item.widget(), QLabel):
            letters.append(item.widget().text())
    keys = [t[t.index("&") + 1].lower() for t in letters if "&" in t]
    assert len(keys) == len(set(keys)), keys


def test_alt_m_opens_the_meeting_menu_and_no_letter_of_the_main_window_is_used_twice(
    qtbot: Any, window: MainWindow, store: Store, clock: FakeClock
) -> None:
    # Keyboard only: Alt+M moved the focus to the Minutes button (&Minutes…) instead of opening the Meeting
    # menu, and Alt+V to the View meeting button instead of the View menu: a letter two widgets share only
    # moves the focus between them, though F1 says Alt and the underlined letter opens the menu.
    from PySide6.QtWidgets import QAbstractButton

    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for status in ("draft", "ended"):
        mid = store.create_meeting(board(clock.now_utc() + timedelta(days=len(status))))
        if status == "ended":
            store.db.execute("UPDATE meetings SET status = 'ended' WHERE id = ?", [mid])
        window.refresh(select=mid)
        texts = [a.text() for a in window.menuBar().actions()]
        texts += [
            b.text()
            for b in window.findChildren(QAbstractButton)
            if b.isVisible() and b.isEnabled() and b.text()
        ]
        keys = [t[t.index("&") + 1].lower() for t in texts if "&" in t]
        assert len(keys) == len(set(keys)), (status, texts)
    meeting_menu = window.menuBar().actions()[0].menu()
    qtbot.keyClick(window.tree, Qt.Key.Key_M, ALT)
    qtbot.waitUntil(meeting_menu.isVisible)
    meeting_menu.close()
