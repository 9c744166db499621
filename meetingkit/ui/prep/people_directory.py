"""The people directory: everyone known from the meetings prepared here, and deleting a person on request.

Deleting goes through `Store.delete_person`; this window lists, explains what deleting does, and asks first.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from meetingkit.store.database import StoreError
from meetingkit.store.repository import Store
from meetingkit.ui.common import accessibility  # noqa: F401  (its factory: this window reads as a window)
from meetingkit.ui.common.announce import tell
from meetingkit.ui.common.row_table_model import RowTableModel
from meetingkit.ui.common.screen_fit import fit_to_screen

AnyIndex = QModelIndex | QPersistentModelIndex
COLUMNS = (
    ("name", "Name"),
    ("organisation", "Organisation"),
    ("sector", "Sector"),
    ("patient_rep", "Public voice"),
)
PERSON_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's dict, read through the sorting proxy

# What deleting a person does, in the order a person asking to be forgotten would want to know it.
DELETE_CONSEQUENCES = (
    "They are removed from the people directory.",
    "In past meetings (and meetings being prepared) they appear as “former attendee”.",
    "Their name is removed from notes, decisions, actions and feedback.",
    "Speaking figures stay, so the participation figures of past meetings do not change.",
    "Backup copies that still hold their name are removed at the next backup rotation "
    "(when a meeting next ends).",
)


def delete_question(person: dict[str, Any]) -> str:
    """The confirmation, as rich text (the name and organisation escaped)."""
    who = html.escape(str(person.get("name") or ""))
    org = str(person.get("organisation") or "")
    if org:
        who += f" ({html.escape(org)})"
    points = "".join(f"<li>{html.escape(p)}</li>" for p in DELETE_CONSEQUENCES)
    return f"<p>Delete <b>{who}</b>?</p><ul>{points}</ul><p>This cannot be undone.</p>"


class DirectoryModel(RowTableModel[dict[str, Any]]):
    """The store's people: name, organisation, sector, and whether they are a patient or public voice."""

    COLUMNS = COLUMNS  # (field, header text) pairs

    def person(self, row: int) -> dict[str, Any]:
        return self._rows[row]

    def header(self, section: int) -> str:
        return self.COLUMNS[section][1]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == PERSON_ROLE:
            return row
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        field = COLUMNS[index.column()][0]
        if field == "patient_rep":
            return "Yes" if row.get("patient_rep") else "No"
        return str(row.get(field) or "")


class PeopleDirectoryWindow(QWidget):
    """Everyone in the directory, with a filter and "Delete person…".

    `blocked` answers why deleting cannot happen now (e.g. a meeting's console is open and holds names in
    memory), or None when it can.
    """

    person_deleted = Signal(int)  # the person's id, once the store has erased them

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        blocked: Callable[[], str | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._blocked = blocked or (lambda: None)
        self.setWindowTitle("People directory")
        self.setAccessibleName("People directory")
        fit_to_screen(self, 860, 560)
        self.model = DirectoryModel(parent=self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self._build()
        self.refresh()

    def _build(self) -> None:
        intro = QLabel(
            "Everyone added to a meeting prepared here. Deleting a person removes their name from every "
            "meeting; it is how MeetingKit answers a request to be forgotten."
        )
        intro.setWordWrap(True)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Find a person by name, organisation or sector")
        self.filter.setAccessibleName("Find a person")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QTableView()
        self.view.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move within it
        self.view.setAccessibleName("People")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.delete_button = QPushButton("Delete person…")
        self.delete_button.setAccessibleName("Delete person")
        self.delete_button.clicked.connect(lambda _=False: self.delete_selected())
        close = QPushButton("Close")
        close.setAccessibleName("Close people directory")
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.filter)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        self.model.set_rows(self.store.people())
        n = self.model.rowCount()
        self.view.setAccessibleDescription(f"{n} {'person' if n == 1 else 'people'}")
        if self.proxy.rowCount():
            self.view.setCurrentIndex(self.proxy.index(0, 0))
        self._selection_changed()

    def selected_person(self) -> dict[str, Any] | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isRowSelected(index.row(), QModelIndex()):
            return None
        person = index.data(PERSON_ROLE)
        return person if isinstance(person, dict) else None

    def select_person(self, person_id: int) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(PERSON_ROLE)["id"] == person_id:
                self.view.setCurrentIndex(index)
                return

    def _selection_changed(self) -> None:
        self.delete_button.setEnabled(self.selected_person() is not None)

    def delete_selected(self) -> bool:
        """Ask, then erase the selected person everywhere; True if they were deleted."""
        person = self.selected_person()
        if person is None:
            return False
        reason = self._blocked()
        if reason:
            QMessageBox.warning(self, "Person not deleted", reason)
            return False
        answer = QMessageBox.question(
            self,
            "Delete person?",
            delete_question(person),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            meetings = self.store.delete_person(int(person["id"]))
        except StoreError as exc:
            QMessageBox.warning(self, "Person not deleted", str(exc))
            return False
        self.refresh()
        # The name is not repeated: after an erasure request it should not linger on screen either.
        where = f"in {meetings} meeting{'s' if meetings != 1 else ''}" if meetings else "in no meeting"
        tell(self.message, f"Deleted from the directory; they now appear as “former attendee” {where}.")
        self.person_deleted.emit(int(person["id"]))
        return True
