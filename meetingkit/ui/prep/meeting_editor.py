"""Preparing a meeting: its details and settings, who is coming, and the agenda with its planned timeline.

Only a draft can change; a meeting that has started opens read-only, with the reason shown at the top.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QDate, QDateTime, QModelIndex, QSortFilterProxyModel, Qt, QTime, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from meetingkit.models.meeting import (
    ATTENDANCE,
    DEFAULT_SECTORS,
    KIND_LABELS,
    KINDS,
    ROLE_LABELS,
    ROLES,
    AgendaItem,
    BreakSettings,
    DomainError,
    Meeting,
)
from meetingkit.store.database import StoreError
from meetingkit.store.repository import Store
from meetingkit.ui.common.meeting_zone import in_meeting_zone, wall_time_in_meeting_zone
from meetingkit.ui.common.text_scale import font_scaled
from meetingkit.ui.prep import agenda_model, attendees_model
from meetingkit.ui.prep.agenda_csv import MAX_BYTES as MAX_CSV_BYTES
from meetingkit.ui.prep.agenda_csv import AgendaCsvError, read_agenda_csv
from meetingkit.ui.prep.agenda_model import AgendaModel
from meetingkit.ui.prep.attendees_model import (
    ATTENDANCE_LABELS,
    KNOWN_COLUMNS,
    AttendeesModel,
    KnownPeopleModel,
)
from meetingkit.ui.prep.cell_editors import ChoiceDelegate, NamedDelegate, NumberDelegate

DATE_FORMAT = "ddd d MMM yyyy, HH:mm"


def to_local_naive(when: datetime) -> datetime:
    """The wall-clock time in the meeting's own zone (the one it was planned in), without a zone, for the
    date editor: a meeting planned for 14:00 +01:00 reads 14:00 on any computer, as in the minutes."""
    return in_meeting_zone(when, when).replace(tzinfo=None)


def step_words(verb: str, step: str) -> str:
    """'Undo: change presenter' for an undo step named 'Change presenter'; the bare verb with no step."""
    return f"{verb}: {step[:1].lower()}{step[1:]}" if step else verb


def qdatetime(when: datetime) -> QDateTime:
    return QDateTime(QDate(when.year, when.month, when.day), QTime(when.hour, when.minute))


def from_qdatetime(value: QDateTime) -> datetime:
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


def _plain_label(name: str) -> QLabel:
    """A label for text that may hold user input: shown as typed, never as markup."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setAccessibleName(name)
    return label


def _button(text: str, name: str, tip: str = "") -> QPushButton:
    b = QPushButton(text)
    b.setAccessibleName(name)
    if tip:
        b.setToolTip(tip)
    return b


def _table(name: str) -> QTableView:
    view = QTableView()
    view.setAccessibleName(name)
    view.setItemDelegate(NamedDelegate(view))
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 14)
    view.setCornerButtonEnabled(False)  # one row at a time: "select all" has no use here
    corner = view.findChild(QAbstractButton, "qt_tableview_cornerbutton")
    if corner is not None:
        corner.setAccessibleName(f"{name}: row numbers")
    return view


class DetailsPage(QWidget):
    """Title, series, date and time, venue, speaker timing and the feedback break."""

    changed = Signal()

    def __init__(self, meeting: Meeting, series_names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._original_start = meeting.scheduled_start
        self._original_fraction = meeting.brk.fraction
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

        self.title = QLineEdit(meeting.title)
        self.title.setAccessibleName("Meeting title")
        self.series = QComboBox()
        self.series.setEditable(True)
        self.series.addItems(series_names)
        self.series.setCurrentText(meeting.series)
        self.series.setAccessibleName("Series")
        self.series.setMinimumContentsLength(24)
        self.series.setToolTip("Meetings of a series share their actions: each reviews the open ones.")
        self.start = QDateTimeEdit(qdatetime(to_local_naive(meeting.scheduled_start)))
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat(DATE_FORMAT)
        self.start.setAccessibleName("Date and start time")
        self.venue = QLineEdit(meeting.venue)
        self.venue.setAccessibleName("Venue")

        self.speaker_limit = QSpinBox()
        self.speaker_limit.setRange(0, 3600)
        self.speaker_limit.setSingleStep(15)
        self.speaker_limit.setSuffix(" s")
        self.speaker_limit.setSpecialValueText("No limit")
        self.speaker_limit.setValue(meeting.speaker_limit_s)
        self.speaker_limit.setAccessibleName("Speaker limit")
        self.speaker_limit.setToolTip(
            "How long each turn may last, in seconds (180 s = 3 minutes); 0 = no limit."
        )
        self.warn = QSpinBox()
        self.warn.setRange(0, 600)
        self.warn.setSingleStep(5)
        self.warn.setSuffix(" s")
        self.warn.setValue(meeting.warn_s)
        self.warn.setAccessibleName("Warning time")
        self.warn.setToolTip("The speaker is asked to wrap up when this much of their time is left.")

        self.break_enabled = QCheckBox("Hold a feedback break for patient and public representatives")
        self.break_enabled.setChecked(meeting.brk.enabled)
        self.break_enabled.setAccessibleName("Feedback break")
        self.break_fraction = QSpinBox()
        self.break_fraction.setRange(5, 95)
        self.break_fraction.setSingleStep(5)
        self.break_fraction.setPrefix("after about ")
        self.break_fraction.setSuffix(" % of the agenda")
        self.break_fraction.setValue(round(meeting.brk.fraction * 100))
        self.break_fraction.setAccessibleName("Feedback break position")
        self.break_minutes = QSpinBox()
        self.break_minutes.setRange(1, 120)
        self.break_minutes.setSuffix(" min")
        self.break_minutes.setValue(max(1, round(meeting.brk.minutes)))
        self.break_minutes.setAccessibleName("Feedback break length")

        form.addRow("&Title", self.title)
        form.addRow("&Series", self.series)
        form.addRow("&Date and start time", self.start)
        form.addRow("&Venue", self.venue)
        form.addRow("Speaker &limit", self.speaker_limit)
        form.addRow("&Warning time", self.warn)
        form.addRow("", self.break_enabled)
        form.addRow("Break &position", self.break_fraction)
        form.addRow("Break l&ength", self.break_minutes)
        hint = QLabel(
            "The break is planned after the agenda item that ends nearest this share of the planned time; "
            "the Agenda tab shows where it falls."
        )
        hint.setWordWrap(True)  # unwrapped, it made the dialog wider than the screen at large text sizes
        form.addRow("", hint)

        for signal in (self.title.textEdited, self.series.currentTextChanged, self.venue.textEdited):
            signal.connect(self.changed)
        for spin in (self.speaker_limit, self.warn, self.break_fraction, self.break_minutes):
            spin.valueChanged.connect(self.changed)
        self.start.dateTimeChanged.connect(self.changed)
        self.break_enabled.toggled.connect(self._break_toggled)
        self._break_toggled(meeting.brk.enabled)

    def _break_toggled(self, on: bool) -> None:
        self.break_fraction.setEnabled(on and not self.title.isReadOnly())
        self.break_minutes.setEnabled(on and not self.title.isReadOnly())
        self.changed.emit()

    def scheduled_start(self) -> datetime:
        naive = from_qdatetime(self.start.dateTime())
        if naive == to_local_naive(self._original_start):
            return self._original_start  # untouched: keep the zone it was planned in
        return wall_time_in_meeting_zone(naive, self._original_start)

    def break_settings(self) -> BreakSettings:
        fraction = self.break_fraction.value() / 100
        if self.break_fraction.value() == round(self._original_fraction * 100):
            fraction = self._original_fraction  # untouched: keep e.g. 1/3 exactly
        return BreakSettings(self.break_enabled.isChecked(), fraction, float(self.break_minutes.value()))

    def set_read_only(self) -> None:
        for w in (self.title, self.venue):
            w.setReadOnly(True)
        for s in (self.speaker_limit, self.warn, self.break_fraction, self.break_minutes, self.start):
            s.setReadOnly(True)
        self.series.setEnabled(False)
        self.break_enabled.setEnabled(False)


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
        self.known_view = _table("Known people")
        self.known_view.setModel(self.known_proxy)
        known_header = self.known_view.horizontalHeader()
        # Names and sectors in full ("Claire Dun…" is no help when choosing); the organisation takes the rest
        # and elides (its tooltip has it whole).
        known_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        known_header.setSectionResizeMode(KNOWN_COLUMNS.index("organisation"), QHeaderView.ResizeMode.Stretch)
        self.known_view.verticalHeader().hide()
        self.known_view.doubleClicked.connect(self.add_known)
        self.add_known_button = _button("Add to meeting", "Add known person to meeting")
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
        self.new_role = QComboBox()
        for role in ROLES:
            self.new_role.addItem(ROLE_LABELS[role], role)
        self.new_role.setCurrentIndex(ROLES.index("member"))
        self.new_role.setAccessibleName("New person's role")
        self.add_new_button = _button("Add new person", "Add new person to meeting")
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
        self.view = _table("Meeting attendees")
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
        self.remove_button = _button("Remove from meeting", "Remove person from meeting")
        self.remove_button.clicked.connect(self.remove_selected)
        right.addWidget(self.view)
        self.hint = QLabel("Double-click a cell to change a role or attendance (present, apologies, absent).")
        self.hint.setWordWrap(True)
        right.addWidget(self.hint)
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


class AgendaPage(QWidget):
    """The agenda table with its tools, and a line that says where the break falls and when it ends."""

    def __init__(self, model: AgendaModel, people: AttendeesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.people = people
        stack = model.undo_stack
        layout = QVBoxLayout(self)

        tools = QHBoxLayout()
        self.add_button = _button("Add item", "Add agenda item", "Add an item after the selected one (Ins)")
        self.remove_button = _button("Remove item", "Remove agenda item", "Remove the selected item (Del)")
        self.up_button = _button("Move up", "Move agenda item up", "Move the selected item up (Alt+Up)")
        self.down_button = _button(
            "Move down", "Move agenda item down", "Move the selected item down (Alt+Down)"
        )
        self.import_button = _button("Import CSV…", "Import agenda from CSV", "Columns: title, minutes, …")
        self.undo_action = stack.createUndoAction(self, "Undo")
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.redo_action = stack.createRedoAction(self, "Redo")
        self.redo_action.setShortcuts(
            [QKeySequence("Ctrl+Shift+Z"), QKeySequence(QKeySequence.StandardKey.Redo)]
        )
        # "Undo: change presenter", not Qt's "Undo Change presenter". Bound methods of this page: the
        # connections end with it (the stack, the editor's, can outlive it while the dialog closes).
        stack.undoTextChanged.connect(self._undo_words)
        stack.redoTextChanged.connect(self._redo_words)
        self._undo_words(stack.undoText())
        self._redo_words(stack.redoText())
        self.undo_button = self._tool(self.undo_action, "Undo agenda change")
        self.redo_button = self._tool(self.redo_action, "Redo agenda change")
        for w in (self.add_button, self.remove_button, self.up_button, self.down_button):
            tools.addWidget(w)
        tools.addSpacing(12)
        tools.addWidget(self.undo_button)
        tools.addWidget(self.redo_button)
        tools.addStretch(1)
        tools.addWidget(self.import_button)
        layout.addLayout(tools)

        self.view = _table("Agenda items")
        self.view.setModel(model)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        # DragDrop rather than InternalMove: the model accepts only its own row format and moves the row
        # itself (one undo step), and unlike InternalMove a test can drive a drop through the view.
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDragDropOverwriteMode(False)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        cols = agenda_model.COLUMNS
        self.view.setItemDelegateForColumn(
            cols.index("presenter"), ChoiceDelegate(self._presenters, parent=self)
        )
        self.view.setItemDelegateForColumn(
            cols.index("kind"), ChoiceDelegate([(k, KIND_LABELS[k]) for k in KINDS], parent=self)
        )
        self.view.setItemDelegateForColumn(
            cols.index("minutes"), NumberDelegate(1, 24 * 60, decimals=1, suffix=" min", parent=self)
        )
        self.view.setItemDelegateForColumn(
            cols.index("speaker_limit_s"),
            NumberDelegate(-1, 3600, suffix=" s", special="Meeting default", step=15, parent=self),
        )
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((64, 320, 160, 130, 76, 124, 110)):
            self.view.setColumnWidth(col, font_scaled(self.view, width))
        layout.addWidget(self.view, 1)

        self.timeline = _plain_label("Agenda timeline")
        self.timeline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.timeline)
        self.message = _plain_label("Agenda message")
        layout.addWidget(self.message)

        self._shortcut("Insert", self.add_item)
        self._shortcut("Delete", self.remove_item)
        self._shortcut("Alt+Up", lambda: self.move(-1))
        self._shortcut("Alt+Down", lambda: self.move(+1))
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.add_button.clicked.connect(self.add_item)
        self.remove_button.clicked.connect(self.remove_item)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(+1))
        model.timeline_changed.connect(self._show_timeline)
        self._show_timeline()

    def _undo_words(self, step: str) -> None:
        if shiboken6.isValid(self.undo_action):
            self.undo_action.setText(step_words("Undo", step))

    def _redo_words(self, step: str) -> None:
        if shiboken6.isValid(self.redo_action):
            self.redo_action.setText(step_words("Redo", step))

    def _tool(self, action: QAction, name: str) -> QToolButton:
        b = QToolButton()
        b.setDefaultAction(action)
        b.setAccessibleName(name)
        b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return b

    def _shortcut(self, keys: str, slot: object) -> None:
        action = QAction(self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.view.addAction(action)

    def _presenters(self) -> list[tuple[str, str]]:
        return [("", "No presenter"), *[(p.key, p.name) for p in self.people.people]]

    def _show_timeline(self) -> None:
        self.timeline.setText(self.model.timeline_text())

    def selected_row(self) -> int:
        return self.view.currentIndex().row()

    def select(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(row, agenda_model.COLUMNS.index("title")))

    def add_item(self) -> None:
        if self.model.read_only:
            return
        row = self.selected_row()
        new = self.model.add_item(row + 1 if row >= 0 else None)
        self.select(new)
        self.view.edit(self.view.currentIndex())

    def remove_item(self) -> None:
        row = self.selected_row()
        if row < 0 or self.model.read_only:
            return
        self.model.remove_rows([row])
        self.select(min(row, self.model.rowCount() - 1))

    def move(self, step: int) -> None:
        row = self.selected_row()
        if row >= 0 and self.model.move_row(row, row + step):
            self.select(row + step)

    def set_read_only(self) -> None:
        self.model.read_only = True
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
        for w in (self.add_button, self.remove_button, self.up_button, self.down_button, self.import_button):
            w.hide()
        self.undo_button.hide()
        self.redo_button.hide()
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)


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
        self.setWindowTitle(self._window_title(meeting.title))
        self.setAccessibleName("Meeting preparation")
        self.resize(1280, 760)

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
        self.banner = _plain_label("Why this meeting cannot be edited")
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
        self.error = _plain_label("Problem saving")
        buttons.addWidget(self.error, 1)
        self.save_button = _button("Save", "Save meeting")
        self.save_button.setDefault(not self.read_only)
        self.cancel_button = _button("Close" if self.read_only else "Cancel", "Close without saving")
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)

        self.details.changed.connect(self._details_changed)
        self.people_model.people_changed.connect(self._people_changed)
        self.undo_stack.indexChanged.connect(self._mark_dirty)
        if self.read_only:
            self.details.set_read_only()
            self.people_page.set_read_only()
            self.agenda_page.set_read_only()
            self.save_button.hide()
        self._dirty = False

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
