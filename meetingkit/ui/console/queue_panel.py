"""The speaker queue on the chair's console: find a person by name, add, remove and reorder."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from meetingkit.models.session import LiveMeeting
from meetingkit.ui.common.live_bridge import LiveBridge
from meetingkit.ui.common.palette import pixel_font
from meetingkit.ui.console.fit_labels import FitLabel
from meetingkit.ui.console.queue_model import (
    KEY_ROLE,
    QueueModel,
    match_people,
    moved,
    queue_rows,
    reorder_commands,
)


class QueuePanel(QWidget):
    """The queue table with its search field; every change is a `queue`/`unqueue` command to the engine."""

    leave_field = Signal()  # Escape in the search field: hand the keyboard back to the console

    def __init__(self, bridge: LiveBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.model = QueueModel(self)
        title = QLabel("Speaker queue")
        title.setFont(pixel_font(20, bold=True))
        self.view = QTableView()
        self.view.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move within it
        self.view.setModel(self.model)
        self.view.setAccessibleName("Speaker queue")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setFont(pixel_font(20))
        self.view.verticalHeader().setDefaultSectionSize(32)
        header = self.view.horizontalHeader()
        header.setAccessibleName("Queue columns")
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.view.installEventFilter(self)
        self.search = QLineEdit()
        self.search.setFont(pixel_font(20))
        self.search.setPlaceholderText("Type a name, Enter adds to the queue")
        self.search.setAccessibleName("Find a person to queue")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._show_match)
        self.search.returnPressed.connect(self.add_typed)
        self.search.installEventFilter(self)
        self.hint = FitLabel(18, bold=False, min_px=14)
        self.hint.setAccessibleName("Queue search result")
        self.add_button = self._button("Add to queue", self.add_typed)
        self.up_button = self._button("Move up in queue", lambda: self.move_selected(-1), "Up")
        self.down_button = self._button("Move down in queue", lambda: self.move_selected(1), "Down")
        self.remove_button = self._button("Remove from queue", self.remove_selected, "Remove")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        # Up, Down and Remove beside the title, and the search result only while there is one: on a
        # 1366×768 laptop every line here is a line the attendee buttons or a prompt would lose.
        heading = QHBoxLayout()
        heading.addWidget(title, 1)
        for b in (self.up_button, self.down_button, self.remove_button):
            b.setFont(pixel_font(16))  # small beside the title: the speaker's timer keeps its width
            heading.addWidget(b)
        lay.addLayout(heading)
        lay.addWidget(self.view, 1)
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(self.add_button)
        lay.addLayout(row)
        lay.addWidget(self.hint)
        self.hint.hide()
        self.shares_line_with: QWidget | None = None
        self._live: LiveMeeting = bridge.live

    def _button(self, name: str, slot: object, text: str | None = None) -> QPushButton:
        b = QPushButton(text or name)
        b.setAccessibleName(name)
        b.setFont(pixel_font(18))
        b.setAutoDefault(True)  # Enter presses the focused button, as Space does not here (it times speakers)
        b.clicked.connect(slot)
        return b

    def refresh(self, live: LiveMeeting, now: float) -> None:
        self._live = live
        self.model.set_rows(queue_rows(live, now))

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def selected_key(self) -> str | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(KEY_ROLE) if rows else None

    def _show_match(self, text: str) -> None:
        hits = match_people(self._live, text)
        self.hint.setVisible(bool(text.strip()))
        if self.shares_line_with is not None:  # the search result takes that line while there is one
            self.shares_line_with.setVisible(not text.strip())
        if not text.strip():
            self.hint.setText("")
        elif not hits:
            self.hint.setText(f"Nobody here is called '{text.strip()}'")
        else:
            more = f" (and {len(hits) - 1} more: type more of the name)" if len(hits) > 1 else ""
            self.hint.setText(f"Enter adds: {hits[0].name}{more}")

    def add_typed(self) -> None:
        hits = match_people(self._live, self.search.text())
        if not hits:
            self.bridge.refused.emit(
                f"Nobody here is called '{self.search.text().strip()}'"
                if self.search.text().strip()
                else "Type a name to add to the queue"
            )
            return
        if self.bridge.command("queue", who=hits[0].key) is not None:
            self.search.clear()

    def remove_selected(self) -> None:
        key = self.selected_key()
        if key is None:
            self.bridge.refused.emit("Choose a person in the queue first")
            return
        self.bridge.command("unqueue", who=key)

    def move_selected(self, step: int) -> None:
        key = self.selected_key()
        if key is None:
            self.bridge.refused.emit("Choose a person in the queue first")
            return
        target = moved(self._live.queue, key, step)
        for type_, who in reorder_commands(list(self._live.queue), target):
            if self.bridge.command(type_, who=who) is None:
                break
        self.select(key)

    def select(self, key: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.index(row, 0).data(KEY_ROLE) == key:
                self.view.selectRow(row)
                return

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key, mods = event.key(), event.modifiers()
        if obj is self.search and key == Qt.Key.Key_Escape:
            self.search.clear()
            self.leave_field.emit()
            return True
        if obj is self.view:
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.remove_selected()
                return True
            if mods & Qt.KeyboardModifier.ControlModifier and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move_selected(-1 if key == Qt.Key.Key_Up else 1)
                return True
        return False
