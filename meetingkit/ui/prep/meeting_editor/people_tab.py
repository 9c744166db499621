"""The editor's People tab: who is coming (with role and attendance), picked from those already known or added
new."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from meetingkit.models import bounds
from meetingkit.models.meeting import ATTENDANCE, DEFAULT_SECTORS, ROLE_LABELS, ROLES, DomainError
from meetingkit.ui.common.text_scale import font_scaled
from meetingkit.ui.prep import attendees_model
from meetingkit.ui.prep.attendees_model import (
    ATTENDANCE_LABELS,
    KNOWN_COLUMNS,
    AttendeesModel,
    KnownPeopleModel,
)
from meetingkit.ui.prep.cell_editors import ChoiceDelegate
from meetingkit.ui.prep.meeting_editor.named_widgets import named_button, named_table, plain_label


class PeoplePage(QWidget):
    """The meeting's people (role and attendance each), picked from those known or added new."""

    def __init__(
        self,
        model: AttendeesModel,
        known: list[dict[str, Any]],
        presenters: Callable[[], set[str]] = set,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self._presenters = presenters
        self.known_model = KnownPeopleModel(known, self)
        self.known_proxy = QSortFilterProxyModel(self)
        self.known_proxy.setSourceModel(self.known_model)
        self.known_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.known_proxy.setFilterKeyColumn(-1)

        layout = QHBoxLayout(self)
        self.left_side = QWidget()
        # Room for names and sectors in full beside their organisation (the table of the people coming
        # takes what is left); capped, so that at large text sizes that table keeps its share.
        self.left_side.setMinimumWidth(min(font_scaled(self, 460), 560))
        self.left_side.setMaximumWidth(max(560, font_scaled(self, 350)))
        left = QVBoxLayout(self.left_side)
        left.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.left_side, 0)

        known_box = QGroupBox("People already known")
        kb = QVBoxLayout(known_box)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search by name, organisation or sector")
        self.search.setAccessibleName("Search known people")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.known_proxy.setFilterFixedString)
        self.known_view = named_table("Known people")
        self.known_view.setModel(self.known_proxy)
        known_header = self.known_view.horizontalHeader()
        # Names and sectors in full ("Claire Dun…" is no help when choosing); the organisation takes the rest
        # and elides (its tooltip has it whole).
        known_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        known_header.setSectionResizeMode(KNOWN_COLUMNS.index("organisation"), QHeaderView.ResizeMode.Stretch)
        self.known_view.verticalHeader().hide()
        self.known_view.doubleClicked.connect(self.add_known)
        self.add_known_button = named_button("Add to meeting", "Add known person to meeting")
        self.add_known_button.clicked.connect(self.add_known)
        kb.addWidget(self.search)
        kb.addWidget(self.known_view)
        kb.addWidget(self.add_known_button)
        left.addWidget(known_box, 3)

        new_box = QGroupBox("Someone new")
        nf = QFormLayout(new_box)
        self.new_name = QLineEdit()
        self.new_name.setAccessibleName("New person's name")
        self.new_org = QLineEdit()
        self.new_org.setAccessibleName("New person's organisation")
        self.new_sector = QComboBox()
        self.new_sector.setEditable(True)
        self.new_sector.addItems(["", *DEFAULT_SECTORS])
        self.new_sector.setAccessibleName("New person's sector")
        for field in (self.new_name, self.new_org, self.new_sector.lineEdit()):
            field.setMaxLength(bounds.NAME_CHARS)  # DESIGN §6: a name at most 200 characters
        self.new_role = QComboBox()
        for role in ROLES:
            self.new_role.addItem(ROLE_LABELS[role], role)
        self.new_role.setCurrentIndex(ROLES.index("member"))
        self.new_role.setAccessibleName("New person's role")
        self.add_new_button = named_button("Add new person", "Add new person to meeting")
        self.add_new_button.clicked.connect(self.add_new)
        self.new_name.returnPressed.connect(self.add_new)
        nf.addRow("&Name", self.new_name)
        nf.addRow("&Organisation", self.new_org)
        nf.addRow("Se&ctor", self.new_sector)
        nf.addRow("&Role", self.new_role)
        nf.addRow("", self.add_new_button)
        left.addWidget(new_box, 2)

        right_box = QGroupBox("Coming to this meeting")
        right = QVBoxLayout(right_box)
        self.view = named_table("Meeting attendees")
        self.view.setModel(model)
        self.view.verticalHeader().hide()
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        cols = attendees_model.COLUMNS
        self.view.setItemDelegateForColumn(
            cols.index("role"), ChoiceDelegate([(r, ROLE_LABELS[r]) for r in ROLES], parent=self)
        )
        self.view.setItemDelegateForColumn(
            cols.index("attendance"),
            ChoiceDelegate([(a, ATTENDANCE_LABELS[a]) for a in ATTENDANCE], parent=self),
        )
        self.view.setItemDelegateForColumn(
            cols.index("sector"),
            ChoiceDelegate([(s, s) for s in DEFAULT_SECTORS], editable=True, parent=self),
        )
        header = self.view.horizontalHeader()
        for col, field in enumerate(cols):
            mode = "Stretch" if field in ("name", "organisation") else "ResizeToContents"
            header.setSectionResizeMode(col, getattr(QHeaderView.ResizeMode, mode))
        # Stretched names must not shrink to nothing beside wide role labels (large text): scroll instead.
        header.setMinimumSectionSize(self.view.fontMetrics().averageCharWidth() * 14)
        self.remove_button = named_button("Remove from meeting", "Remove person from meeting")
        self.remove_button.clicked.connect(self.remove_selected)
        right.addWidget(self.view)
        self.hint = QLabel("Double-click a cell to change a role or attendance (present, apologies, absent).")
        self.hint.setWordWrap(True)
        right.addWidget(self.hint)
        self.message = plain_label("People message")
        self.model.refused.connect(self.message.setText)
        right.addWidget(self.message)
        right.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(right_box, 1)

    def add_known(self, index: QModelIndex | None = None) -> None:
        if not isinstance(index, QModelIndex) or not index.isValid():
            index = self.known_view.currentIndex()
        if not index.isValid():
            self._tell("Choose someone in the list of people already known first.")
            return
        p = self.known_model.person(self.known_proxy.mapToSource(index).row())
        role = "patient_rep" if p.get("patient_rep") else "member"
        self._add(
            str(p["name"]),
            str(p["organisation"]),
            str(p["sector"]),
            role,
            bool(p["patient_rep"]),
            int(p["id"]),
        )

    def add_new(self) -> None:
        role = self.new_role.currentData()
        if self._add(
            self.new_name.text(),
            self.new_org.text(),
            self.new_sector.currentText(),
            role,
            role == "patient_rep",
            None,
        ):
            self.new_name.clear()
            self.new_org.clear()
            self.new_sector.setCurrentIndex(0)
            self.new_name.setFocus()

    def _add(
        self, name: str, org: str, sector: str, role: str, patient_rep: bool, person_id: int | None
    ) -> bool:
        try:
            row = self.model.add_person(name, org, sector, role, patient_rep, person_id)
        except DomainError as exc:
            self._tell(str(exc))
            return False
        self.view.selectRow(row)
        return True

    def remove_selected(self) -> None:
        row = self.view.currentIndex().row()
        if row < 0:
            self._tell("Choose a person in the meeting's list first.")
            return
        person = self.model.person(row)
        if person.key in self._presenters():
            self._tell(f"{person.name} presents an agenda item: choose another presenter for it first.")
            return
        self.model.remove_row(row)

    def _tell(self, message: str) -> None:
        QMessageBox.information(self, "People", message)

    def set_read_only(self) -> None:
        self.model.read_only = True
        self.left_side.hide()  # nobody can be added, so the places to add from go
        self.remove_button.hide()
        self.hint.hide()
