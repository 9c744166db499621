"""The editor's Agenda tab: the agenda table with its tools (add, remove, move, undo, import), and a line that
says where the feedback break falls and when the meeting should end."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QToolButton, QVBoxLayout, QWidget

from meetingkit.models import bounds
from meetingkit.models.meeting import KIND_LABELS, KINDS
from meetingkit.ui.common.text_scale import font_scaled
from meetingkit.ui.prep import agenda_model
from meetingkit.ui.prep.agenda_model import AgendaModel
from meetingkit.ui.prep.attendees_model import AttendeesModel
from meetingkit.ui.prep.cell_editors import ChoiceDelegate, NumberDelegate
from meetingkit.ui.prep.meeting_editor.named_widgets import named_button, named_table, plain_label


def step_words(verb: str, step: str) -> str:
    """'Undo: change presenter' for an undo step named 'Change presenter'; the bare verb with no step."""
    return f"{verb}: {step[:1].lower()}{step[1:]}" if step else verb


class AgendaPage(QWidget):
    """The agenda table with its tools, and a line that says where the break falls and when it ends."""

    def __init__(self, model: AgendaModel, people: AttendeesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.people = people
        stack = model.undo_stack
        layout = QVBoxLayout(self)

        tools = QHBoxLayout()
        self.add_button = named_button(
            "Add item", "Add agenda item", "Add an item after the selected one (Ins)"
        )
        self.remove_button = named_button(
            "Remove item", "Remove agenda item", "Remove the selected item (Del)"
        )
        self.up_button = named_button("Move up", "Move agenda item up", "Move the selected item up (Alt+Up)")
        self.down_button = named_button(
            "Move down", "Move agenda item down", "Move the selected item down (Alt+Down)"
        )
        self.import_button = named_button(
            "Import CSV…", "Import agenda from CSV", "Columns: title, minutes, …"
        )
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

        self.view = named_table("Agenda items")
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
            cols.index("minutes"),
            NumberDelegate(*bounds.ITEM_MINUTES, decimals=1, suffix=" min", parent=self),
        )
        self.view.setItemDelegateForColumn(
            cols.index("speaker_limit_s"),
            NumberDelegate(
                -1, bounds.SPEAKER_LIMIT_S[1], suffix=" s", special="Meeting default", step=15, parent=self
            ),
        )
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((64, 320, 160, 130, 76, 124, 110)):
            self.view.setColumnWidth(col, font_scaled(self.view, width))
        layout.addWidget(self.view, 1)

        self.timeline = plain_label("Agenda timeline")
        self.timeline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.timeline)
        self.message = plain_label("Agenda message")
        layout.addWidget(self.message)
        self.model.refused.connect(self.message.setText)

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
