"""The meeting editor: a dialog with the Details, People and Agenda tabs of one meeting, saving it to the store,
and importing an agenda from a CSV file.

Only a draft can change; a meeting that has started opens read-only, with the reason shown at the top.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from meetingkit.models.meeting import AgendaItem, DomainError, Meeting
from meetingkit.store.database import StoreError
from meetingkit.store.repository import Store
from meetingkit.ui.common.screen_fit import fit_to_screen
from meetingkit.ui.prep.agenda_csv import MAX_BYTES as MAX_CSV_BYTES
from meetingkit.ui.prep.agenda_csv import AgendaCsvError, read_agenda_csv
from meetingkit.ui.prep.agenda_model import AgendaModel
from meetingkit.ui.prep.attendees_model import AttendeesModel
from meetingkit.ui.prep.meeting_editor.agenda_tab import AgendaPage
from meetingkit.ui.prep.meeting_editor.details_tab import DetailsPage
from meetingkit.ui.prep.meeting_editor.named_widgets import named_button, plain_label
from meetingkit.ui.prep.meeting_editor.people_tab import PeoplePage


class MeetingEditor(QDialog):
    """Details, people and agenda of one meeting. Saving writes it to the store (a new meeting if
    `meeting_id` is None); `read_only_reason` opens it for reading only, saying why."""

    saved = Signal(int)

    def __init__(
        self,
        store: Store,
        meeting: Meeting,
        meeting_id: int | None = None,
        read_only_reason: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.meeting_id = meeting_id
        self.read_only = read_only_reason is not None
        self._meeting = copy.deepcopy(meeting)
        self._dirty = False
        self._first_focus_given = False
        self.setWindowTitle(self._window_title(meeting.title))
        self.setAccessibleName("Meeting preparation")
        fit_to_screen(self, 1280, 760)

        self.undo_stack = QUndoStack(self)
        self.people_model = AttendeesModel(meeting.people, self)
        self.details = DetailsPage(meeting, store.series_names())
        self.agenda_model = AgendaModel(
            meeting.agenda,
            self.details.scheduled_start(),  # planned times on the meeting's own clock
            meeting.brk,
            self.undo_stack,
            meeting.people,
            meeting.speaker_limit_s,
            self,
        )
        self.people_page = PeoplePage(self.people_model, store.people(), self._presenter_keys)
        self.agenda_page = AgendaPage(self.agenda_model, self.people_model)
        self.agenda_page.import_button.clicked.connect(self.import_csv)

        layout = QVBoxLayout(self)
        self.banner = plain_label("Why this meeting cannot be edited")
        self.banner.setStyleSheet(
            "QLabel { background: #fff4ce; color: #3b2f00; border: 1px solid #c9a400; padding: 8px; }"
        )
        if read_only_reason:
            self.banner.setText(f"Read only. {read_only_reason}")
        self.banner.setVisible(self.read_only)
        layout.addWidget(self.banner)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Meeting preparation sections")
        self.tabs.tabBar().setAccessibleName("Meeting preparation sections")
        self.tabs.addTab(self.details, "&Details")
        self.tabs.addTab(self.people_page, "&People")
        self.tabs.addTab(self.agenda_page, "&Agenda")
        layout.addWidget(self.tabs, 1)

        buttons = QHBoxLayout()
        self.error = plain_label("Problem saving")
        buttons.addWidget(self.error, 1)
        self.save_button = named_button("Save", "Save meeting", "Save the meeting and close (Ctrl+S)")
        # No default button: Enter in a field must not save and close the dialog (it made unwanted drafts).
        # Saving is the Save button or Ctrl+S; Enter on a focused button presses that button.
        self.cancel_button = named_button("Close" if self.read_only else "Cancel", "Close without saving")
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
        save_keys = QShortcut(QKeySequence.StandardKey.Save, self)
        save_keys.activated.connect(self.save)

        self.details.changed.connect(self._details_changed)
        self.people_model.people_changed.connect(self._people_changed)
        self.undo_stack.indexChanged.connect(self._mark_dirty)
        if self.read_only:
            self.details.set_read_only()
            self.people_page.set_read_only()
            self.agenda_page.set_read_only()
            self.save_button.hide()
        self._dirty = False

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if not self._first_focus_given:
            self._first_focus_given = True
            # Where a chair starts: the title of a meeting being prepared; the tabs of one only to be read.
            first = self.tabs.tabBar() if self.read_only else self.details.title
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focus = QApplication.focusWidget()
            if isinstance(focus, QAbstractButton) and self.isAncestorOf(focus):
                focus.click()  # Enter on a focused button presses it
            event.accept()  # and in a field it neither saves nor closes the dialog
            return
        super().keyPressEvent(event)

    @staticmethod
    def _window_title(title: str) -> str:
        return f"{title.strip() or 'New meeting'} — preparation"

    def _mark_dirty(self, *_: object) -> None:
        self._dirty = True

    def _details_changed(self) -> None:
        self._dirty = True
        self.setWindowTitle(self._window_title(self.details.title.text()))
        self.agenda_model.set_schedule(
            self.details.scheduled_start(),  # planned times on the meeting's own clock
            self.details.break_settings(),
            self.details.speaker_limit.value(),
        )

    def _people_changed(self) -> None:
        self._dirty = True
        self.agenda_model.set_people(self.people_model.people)

    def _presenter_keys(self) -> set[str]:
        return {it.presenter for it in self.agenda_model.items if it.presenter}

    @property
    def is_dirty(self) -> bool:
        return self._dirty

    def meeting(self) -> Meeting:
        """The meeting as the form now says, checked (DomainError says what does not fit)."""
        d = self.details
        meeting = replace(
            self._meeting,
            title=d.title.text().strip(),
            series=d.series.currentText().strip(),
            scheduled_start=d.scheduled_start(),
            venue=d.venue.text().strip(),
            speaker_limit_s=d.speaker_limit.value(),
            warn_s=d.warn.value(),
            brk=d.break_settings(),
            unheard_first=d.unheard_first.isChecked(),
            people=self.people_model.people,
            agenda=self.agenda_model.items,
        )
        meeting.validate()
        return meeting

    def save(self) -> bool:
        if self.read_only:
            return False
        try:
            meeting = self.meeting()
            if self.meeting_id is None:
                self.meeting_id = self.store.create_meeting(meeting)
            else:
                self.store.update_meeting(self.meeting_id, meeting)
        except (DomainError, StoreError) as exc:
            self.error.setText(f"⚠ Not saved: {exc}")
            QMessageBox.warning(self, "Meeting not saved", str(exc))
            return False
        self._dirty = False
        self.saved.emit(self.meeting_id)
        self.accept()
        return True

    def reject(self) -> None:
        if self._dirty and not self.read_only:
            answer = QMessageBox.question(
                self,
                "Discard changes?",
                "You have changed this meeting. Close without saving, and lose the changes?",
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    # ---- CSV import -------------------------------------------------------------------------------------

    def import_csv(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Import agenda", "", "CSV files (*.csv *.txt);;All files (*)"
        )
        if path:
            self.import_csv_file(Path(path))

    def import_csv_file(self, path: Path) -> bool:
        try:
            with path.open("rb") as f:  # a wrong, huge file is not read whole: past the limit it is refused
                raw = f.read(MAX_CSV_BYTES + 1)
        except OSError as exc:
            QMessageBox.warning(self, "Agenda not imported", f"{path.name}: {exc.strerror}")
            return False
        try:
            rows = read_agenda_csv(raw, self.people_model.people)
        except AgendaCsvError as exc:
            self.agenda_page.message.setText(f"⚠ Not imported: {exc}")
            QMessageBox.warning(self, "Agenda not imported", f"{path.name}: {exc}")
            return False
        replace_all = False
        if self.agenda_model.rowCount():
            mode = self.ask_import_mode(self.agenda_model.rowCount(), len(rows))
            if mode is None:
                return False
            replace_all = mode == "replace"
        items = [
            AgendaItem("", r.title, r.minutes, r.presenter, r.kind, r.speaker_limit_s, r.protected)
            for r in rows
        ]
        self.agenda_model.import_items(items, replace_all)
        self.agenda_page.message.setText(
            f"Imported {len(items)} item{'s' if len(items) != 1 else ''} from {path.name} "
            "(Ctrl+Z undoes the import)."
        )
        return True

    def ask_import_mode(self, existing: int, incoming: int) -> str | None:
        """'replace', 'append', or None to cancel."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Import agenda")
        box.setText(
            f"The agenda already has {existing} item(s). What should the {incoming} imported item(s) do?"
        )
        replace_button = box.addButton("Replace the agenda", QMessageBox.ButtonRole.AcceptRole)
        append_button = box.addButton("Add after the current items", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is replace_button:
            return "replace"
        if clicked is append_button:
            return "append"
        return None
