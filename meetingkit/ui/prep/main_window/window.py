"""The main window itself: the list of meetings beside the details pane, and what each command does."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QByteArray, QModelIndex, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QMainWindow,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from meetingkit.clock import Clock
from meetingkit.models.meeting import DomainError, Meeting
from meetingkit.store.database import StoreError
from meetingkit.store.repository import MeetingRow, Store
from meetingkit.ui.common.announce import follow_status_bar
from meetingkit.ui.common.meeting_zone import in_meeting_zone
from meetingkit.ui.common.screen_fit import fit_to_screen
from meetingkit.ui.prep.main_window.meeting_details import MeetingDetails, scrolling
from meetingkit.ui.prep.main_window.meeting_plans import new_meeting, next_meeting, with_minutes_item
from meetingkit.ui.prep.main_window.menus import action_button, add_menus, make_action, tool_bar
from meetingkit.ui.prep.main_window.other_rooms import OtherRooms
from meetingkit.ui.prep.main_window.questions import confirm_delete, meeting_words, warn
from meetingkit.ui.prep.meeting_list_model import RUNNING_SHOWN, MeetingListModel, when_text

if TYPE_CHECKING:  # the dialogs load when first asked for, not to show the list at start-up
    from PySide6.QtGui import QCloseEvent, QSessionManager

    from meetingkit.ui.prep.main_window.shortcut_list import ShortcutList

STARTED_REASON = {
    "running": "This meeting has started: its details, people and agenda are now part of its record and "
    "can no longer change. Changes during the meeting are made from the chair's console.",
    "ended": "This meeting has ended: its details, people and agenda are part of its record and can no "
    "longer change. To plan the next one, use Duplicate as next in series.",
}


class MainWindow(OtherRooms, QMainWindow):
    """The meetings by series, newest first, beside the selected meeting's details and what can be done with it."""

    def __init__(
        self, store: Store, clock: Clock, settings: QSettings | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock = clock
        self.settings = settings
        self.windows: list[QWidget] = []  # open child windows, kept alive while shown
        self.consoles: dict[int, QWidget] = {}
        self.minutes_windows: dict[int, QWidget] = {}
        self.editor: QDialog | None = None
        self.shortcut_list: ShortcutList | None = None
        self._details_shown = 0
        self.setWindowTitle("MeetingKit")
        self.setAccessibleName("MeetingKit")
        fit_to_screen(self, 1180, 720)

        self.model = MeetingListModel(parent=self)
        self._build_actions()
        self._build_menus_and_toolbar()
        self._build_central()
        self.statusBar().setAccessibleName("Status")
        follow_status_bar(self.statusBar())
        self._restore_settings()
        self.refresh()
        self.tree.setFocus()  # the first thing a keyboard reaches is the list of meetings

    # ---- building ---------------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        def a(text: str, slot: Callable[[], Any], shortcut: str, tip: str) -> QAction:
            return make_action(self, text, slot, shortcut, tip)

        self.new_action = a("&New meeting…", self.create_meeting, "Ctrl+N", "Prepare a new meeting")
        self.duplicate_action = a(
            "D&uplicate as next in series…",
            self.duplicate_selected,
            "Ctrl+D",
            "A copy of this meeting (people and agenda) for the next date of its series",
        )
        self.edit_action = a("&Edit meeting…", self.edit_selected, "Ctrl+E", "Details, people and agenda")
        self.delete_action = a("De&lete meeting…", self.delete_selected, "Del", "Delete this meeting")
        self.run_action = a("&Run meeting", self.run_selected, "Ctrl+R", "Open the chair's console")
        self.review_action = a(
            "Review &participation", self.review_selected, "Ctrl+P", "Who was heard, and for how long"
        )
        # Alt+M is the Meeting menu's and Alt+V the View meeting button's: a letter two widgets of the window
        # share only moves the focus between them (hence M&inutes and Vie&w).
        self.minutes_action = a("M&inutes…", self.minutes_selected, "Ctrl+M", "Preview and save the minutes")
        self.correct_action = a(
            "C&orrect minutes…",
            self.minutes_record_selected,
            "Ctrl+Shift+M",
            "After the meeting: correct or withdraw what was recorded, add a declaration, arrange the next meeting",
        )
        self.series_action = a(
            "&Series overview", self.series_selected, "Ctrl+Shift+S", "All meetings of a series"
        )
        self.register_action = a(
            "&Action register", self.open_action_register, "Ctrl+Shift+A", "Every action"
        )
        self.people_action = a(
            "&People directory…",
            self.open_people_directory,
            "Ctrl+Shift+D",
            "Everyone known from meetings; delete a person on request",
        )
        self.help_action = a("&Keyboard shortcuts", self.show_shortcuts, "F1", "Every key of this window")
        self.quit_action = a("&Quit", self.close, "Ctrl+Q", "Close MeetingKit")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

    def _build_menus_and_toolbar(self) -> None:
        meeting = (self.new_action, self.duplicate_action, self.edit_action, self.delete_action, None)
        running = (
            self.run_action,
            self.review_action,
            self.minutes_action,
            self.correct_action,
            None,
            self.quit_action,
        )
        view = (self.series_action, self.register_action, self.people_action)
        add_menus(self, [("&Meeting", (*meeting, *running)), ("Vie&w", view), ("&Help", (self.help_action,))])
        self.toolbar = tool_bar(
            "Meeting tools",
            "meeting-tools",
            (
                self.new_action,
                self.duplicate_action,
                self.delete_action,
                None,
                self.register_action,
                self.people_action,
            ),
        )
        self.addToolBar(self.toolbar)

    def _build_central(self) -> None:
        self.tree = QTreeView()
        self.tree.setAccessibleName("Meetings")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Widths from the font, not from the contents: measuring every row would slow start-up with the list.
        metrics = self.tree.fontMetrics()
        header.resizeSection(1, metrics.horizontalAdvance("Wed 30 Sep 2026, 14:00") + 24)
        header.resizeSection(2, metrics.horizontalAdvance(RUNNING_SHOWN) + 24)
        self.tree.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        self.tree.activated.connect(self._activated)

        self.details = MeetingDetails(self.store)

        self.edit_button = action_button(self.edit_action)
        self.run_button = action_button(self.run_action)
        self.review_button = action_button(self.review_action)
        self.minutes_button = action_button(self.minutes_action)
        self.correct_button = action_button(self.correct_action)
        self.series_button = action_button(self.series_action)
        side = QWidget()
        side.setMinimumWidth(320)
        col = QVBoxLayout(side)
        col.addWidget(scrolling(self.details), 1)
        grid = QHBoxLayout()
        grid.addWidget(self.edit_button)
        grid.addWidget(self.run_button)
        col.addLayout(grid)
        grid2 = QHBoxLayout()
        grid2.addWidget(self.review_button)
        grid2.addWidget(self.minutes_button)
        col.addLayout(grid2)
        grid3 = QHBoxLayout()
        grid3.addWidget(self.correct_button)
        grid3.addWidget(self.series_button)
        col.addLayout(grid3)

        self.splitter = QSplitter()
        self.splitter.setAccessibleName("Meetings and details")
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([680, 420])
        self.setCentralWidget(self.splitter)

    # ---- the list ---------------------------------------------------------------------------------------

    def refresh(self, select: int | None = None) -> None:
        """Reload the list from the store, keeping (or moving) the selection."""
        keep = select if select is not None else self.selected_id()
        self.model.set_rows(self._listed())
        # The status column as wide as its longest word in the list (at most a handful of distinct words).
        words = {t[2] for g in self.model.groups for t in g.texts} | {RUNNING_SHOWN}
        metrics = self.tree.fontMetrics()
        self.tree.header().resizeSection(2, max(metrics.horizontalAdvance(w) for w in words) + 24)
        self.tree.expandAll()
        index = self.model.index_of_meeting(keep) if keep is not None else QModelIndex()
        if not index.isValid() and self.model.rowCount():
            index = self.model.index(0, 0, self.model.index(0, 0))
        shown = self._details_shown
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
        if self._details_shown == shown:  # the selection did not move, so nothing showed the new rows yet
            self._selection_changed()

    def selected_row(self) -> MeetingRow | None:
        return self.model.meeting_at(self.tree.currentIndex())

    def selected_id(self) -> int | None:
        row = self.selected_row()
        return row.id if row else None

    def select_meeting(self, meeting_id: int) -> None:
        index = self.model.index_of_meeting(meeting_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)

    def _activated(self, index: QModelIndex) -> None:
        if self.model.meeting_at(index) is not None:
            self.edit_selected()

    def _selection_changed(self) -> None:
        self._details_shown += 1  # a meeting's details read its record: `refresh` does not read them twice
        row = self.selected_row()
        series = self.model.series_at(self.tree.currentIndex())
        status = row.status if row else None
        self.duplicate_action.setEnabled(row is not None)
        self.delete_action.setEnabled(row is not None)
        self.edit_action.setEnabled(row is not None)
        self.edit_action.setText("&Edit meeting…" if status in (None, "draft") else "&View meeting…")
        self.run_action.setEnabled(status in ("draft", "running"))
        self.run_action.setText("&Resume meeting" if status == "running" else "&Run meeting")
        self.review_action.setEnabled(status in ("running", "ended"))
        self.minutes_action.setEnabled(status in ("running", "ended"))
        self.correct_action.setEnabled(status == "ended")
        self.series_action.setEnabled(bool(series))
        self.details.show_meeting(row, any_meetings=bool(self.model.rowCount()))

    # ---- preparing ----------------------------------------------------------------------------------------

    def create_meeting(self) -> None:
        # In no series until the chair picks one in the editor (or duplicates a meeting of that series):
        # joining a series brings its open actions into the meeting, which nobody should get by accident.
        self._open_editor(new_meeting(self.clock), None, None)

    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        try:
            meeting = self.store.load_meeting(row.id)
            status = self.store.meeting_status(row.id)
        except StoreError as exc:
            warn(self, "Meeting", str(exc))
            return
        self._open_editor(meeting, row.id, STARTED_REASON.get(status))

    def _open_editor(self, meeting: Meeting, meeting_id: int | None, read_only_reason: str | None) -> QDialog:
        from PySide6.QtCore import Qt  # not needed to open the app (see ui/common/qt_properties)

        from meetingkit.ui.prep.meeting_editor import MeetingEditor

        editor = MeetingEditor(self.store, meeting, meeting_id, read_only_reason, self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.saved.connect(self._saved)
        self.editor = editor
        editor.destroyed.connect(lambda *_: setattr(self, "editor", None))
        editor.open()
        return editor

    def _listed(self) -> list[MeetingRow]:
        """The meetings, each ended one with its minutes' status (draft or approved), read in one go."""
        rows = self.store.list_meetings()
        approved = self.store.approved_meetings()
        for row in rows:
            if row.status == "ended":
                row.minutes = "approved" if row.id in approved else "draft"
        return rows

    def _saved(self, meeting_id: int) -> None:
        self.refresh(select=meeting_id)
        self.statusBar().showMessage("Meeting saved.", 5000)

    def ask_next_meeting(self, meeting: Meeting) -> tuple[str, datetime] | tuple[str, datetime, bool] | None:
        """The next meeting's title and start, and whether it begins with the standard first item."""
        taken = {
            in_meeting_zone(r.scheduled_start, r.scheduled_start).date()
            for r in self.store.list_meetings()
            if meeting.series and r.series == meeting.series
        }
        from meetingkit.ui.prep.main_window.next_meeting_dialog import NextMeetingDialog

        dialog = NextMeetingDialog(meeting, self, now=self.clock.now_utc(), taken=taken)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return (*dialog.choice(), dialog.wants_minutes_item())

    def duplicate_selected(self) -> int | None:
        row = self.selected_row()
        if row is None:
            return None
        try:
            meeting = self.store.load_meeting(row.id)
        except StoreError as exc:
            warn(self, "Meeting", str(exc))
            return None
        choice = self.ask_next_meeting(meeting)
        if choice is None:
            return None
        title, start, *first_item = choice
        planned = next_meeting(meeting, start, title or meeting.title)
        if first_item and first_item[0]:
            planned = with_minutes_item(planned)
        try:
            new_id = self.store.create_meeting(planned)
        except (DomainError, StoreError) as exc:
            warn(self, "Next meeting not created", str(exc))
            return None
        self.refresh(select=new_id)
        self.statusBar().showMessage(f"Next meeting created for {when_text(start)}.", 8000)
        return new_id

    def delete_selected(self) -> bool:
        row = self.selected_row()
        if row is None:
            return False
        if row.id in self.consoles:
            warn(
                self,
                "Meeting is open",
                "This meeting's console is open: close it before deleting the meeting.",
            )
            return False
        what = meeting_words(row)
        if not confirm_delete(self, row):
            return False
        try:
            self.store.delete_meeting(row.id)
        except StoreError as exc:
            warn(self, "Meeting not deleted", str(exc))
            return False
        self.refresh()
        self.statusBar().showMessage(f"Deleted {what}.", 8000)
        return True

    def commit_data(self, manager: QSessionManager) -> None:
        """The desktop session is ending (log out, shut down): save what waits, or ask the chair if allowed."""
        for console in list(self.consoles.values()):
            if console.bridge.session.flush() or not manager.allowsInteraction():  # type: ignore[attr-defined]
                continue
            keep = not console.nothing_lost_on_close()  # type: ignore[attr-defined]
            manager.release()
            if keep:
                manager.cancel()
                return

    def show_shortcuts(self) -> None:
        if self.shortcut_list is None:
            from meetingkit.ui.prep.main_window.shortcut_list import ShortcutList

            actions = [a for a in self.findChildren(QAction) if a.parent() is self]
            self.shortcut_list = ShortcutList(actions, self)
        self.shortcut_list.show()
        self.shortcut_list.raise_()

    # ---- settings ---------------------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        if self.settings is None:
            return
        geometry = self.settings.value("main_window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        split = self.settings.value("main_window/splitter")
        if isinstance(split, QByteArray):
            self.splitter.restoreState(split)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Each asks first if changes are waiting; each gives its meeting's writer lock back.
        for console in [*self.consoles.values(), *self.minutes_windows.values()]:
            if shiboken6.isValid(console) and not console.close():
                event.ignore()
                return
        if self.settings is not None:
            self.settings.setValue("main_window/geometry", self.saveGeometry())
            self.settings.setValue("main_window/splitter", self.splitter.saveState())
            self.settings.sync()
        super().closeEvent(event)
