"""The agenda being prepared, as a Qt table: every edit is an undoable command, and the planned timeline
(each item's start, the feedback break's slot, the scheduled end) follows every change."""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QUndoStack

from meetingkit.models.meeting import KIND_LABELS, PROTECTED_KINDS, AgendaItem, Attendee, BreakSettings
from meetingkit.ui.common.row_table_model import RowTableModel
from meetingkit.ui.prep.agenda_cells import cell_tip, checked_value, format_limit, is_checked, number_text
from meetingkit.ui.prep.agenda_commands import (
    InsertCommand,
    MoveCommand,
    RemoveCommand,
    ReplaceCommand,
    SetValueCommand,
)
from meetingkit.ui.prep.agenda_timeline import PlannedTimeline, hhmm, minutes_text, plan_timeline

COLUMNS = ("start", "title", "presenter", "kind", "minutes", "speaker_limit_s", "protected", "break")
HEADERS = {
    "start": "Starts",
    "title": "Title",
    "presenter": "Presenter",
    "kind": "Kind",
    "minutes": "Minutes",
    "speaker_limit_s": "Speaker limit",
    "protected": "Protected",
    "break": "Feedback break",
}
EDITABLE = {"title", "presenter", "kind", "minutes", "speaker_limit_s"}
ROW_MIME = "application/x-meetingkit-agenda-row"
AnyIndex = QModelIndex | QPersistentModelIndex


class AgendaModel(RowTableModel[AgendaItem]):
    """Rows are `AgendaItem`s (copies: the meeting changes only when the editor saves).

    Public edits (`set_value`, `add_item`, `remove_rows`, `move_row`, `import_items`, and `setData` from
    the view) go through `undo_stack`; the commands call the `_raw_*` methods, which alone touch the list.
    """

    COLUMNS = COLUMNS
    KEEPS_COPIES = True
    timeline_changed = Signal()
    refused = Signal(str)  # why an edit was refused, naming the field (DESIGN §6 bounds)

    def __init__(
        self,
        items: Sequence[AgendaItem],
        start: datetime,
        brk: BreakSettings,
        undo_stack: QUndoStack,
        people: Sequence[Attendee] = (),
        default_limit_s: int = 180,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(items, parent)
        self.undo_stack = undo_stack
        self.read_only = False
        self._people = list(people)
        self._start = start
        self._brk = copy.copy(brk)
        self._default_limit_s = default_limit_s
        self._timeline = plan_timeline(self._rows, start, brk)

    # ---- the rows and their timeline ----------------------------------------------------------------------

    @property
    def items(self) -> list[AgendaItem]:
        return self.rows()

    def item(self, row: int) -> AgendaItem:
        return self._rows[row]

    def set_rows(self, items: Iterable[AgendaItem]) -> None:
        super().set_rows(items)
        self.timeline_changed.emit()

    def _rows_replaced(self) -> None:
        self._timeline = plan_timeline(self._rows, self._start, self._brk)

    def set_people(self, people: Sequence[Attendee]) -> None:
        self._people = list(people)
        self._refresh_column("presenter")

    def set_schedule(self, start: datetime, brk: BreakSettings, default_limit_s: int) -> None:
        self._start, self._brk, self._default_limit_s = start, copy.copy(brk), default_limit_s
        self._refresh_column("speaker_limit_s")
        self._timeline_moved()

    @property
    def timeline(self) -> PlannedTimeline:
        return self._timeline

    def break_after(self) -> int | None:
        """Index of the item the feedback break is planned to follow (DESIGN §3), None if there is none."""
        return self._timeline.break_after

    def planned_starts(self) -> list[datetime]:
        return list(self._timeline.starts)

    def break_window(self) -> tuple[datetime, datetime] | None:
        return self._timeline.break_window

    def scheduled_end(self) -> datetime:
        return self._timeline.end

    def timeline_text(self) -> str:
        """One line for the editor: where the break falls and when the meeting should end."""
        if not self._rows:
            return "No agenda items yet: add some, or import a CSV file."
        planned = sum(it.minutes for it in self._rows)
        window = self.break_window()
        slot = self.break_after()
        if window is None or slot is None:
            brk = "No feedback break (it is switched off in Details)."
        else:
            brk = (
                f"Feedback break after item {slot + 1} ('{self._rows[slot].title}'), "
                f"{hhmm(window[0])}–{hhmm(window[1])}."
            )
        return (
            f"Starts {hhmm(self._start)}, {minutes_text(planned)} of items. {brk} "
            f"Scheduled end {hhmm(self.scheduled_end())}."
        )

    # ---- Qt model ---------------------------------------------------------------------------------------

    def header(self, section: int) -> str:
        return HEADERS[self.COLUMNS[section]]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return str(section + 1)  # the item's number
        return super().headerData(section, orientation, role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            # Drops land between rows, never on one (an item is not a folder).
            return Qt.ItemFlag.ItemIsDropEnabled if not self.read_only else Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.read_only:
            return flags
        flags |= Qt.ItemFlag.ItemIsDragEnabled
        field = COLUMNS[index.column()]
        if field in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        if field == "protected" and self._rows[index.row()].kind not in PROTECTED_KINDS:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        it = self._rows[index.row()]
        field = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(index.row(), it, field)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(it, field)
        if role == Qt.ItemDataRole.CheckStateRole and field == "protected":
            return Qt.CheckState.Checked if it.is_protected else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell_tip(it, field)
        if role == Qt.ItemDataRole.TextAlignmentRole and field in ("start", "minutes", "speaker_limit_s"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: int, it: AgendaItem, field: str) -> str:
        if field == "start":
            return hhmm(self._timeline.starts[row])
        if field == "title":
            return it.title
        if field == "presenter":
            return self._person_name(it.presenter)
        if field == "kind":
            return KIND_LABELS.get(it.kind, it.kind)
        if field == "minutes":
            return number_text(it.minutes)
        if field == "speaker_limit_s":
            if it.speaker_limit_s is None:
                return f"Default ({format_limit(self._default_limit_s)})"
            return format_limit(it.speaker_limit_s)
        if field == "protected":
            return "Protected" if it.is_protected else "Flexible"
        if field == "break" and row == self.break_after():
            window = self.break_window()
            assert window is not None
            return f"▶ Break {hhmm(window[0])}–{hhmm(window[1])}"
        return ""

    def _edit_value(self, it: AgendaItem, field: str) -> Any:
        if field == "presenter":
            return it.presenter or ""
        if field == "speaker_limit_s":
            return -1 if it.speaker_limit_s is None else it.speaker_limit_s
        if field in ("start", "break"):
            return None
        return getattr(it, field)

    def _person_name(self, key: str | None) -> str:
        if not key:
            return ""
        for p in self._people:
            if p.key == key:
                return p.name
        return f"{key} (not on the list)"

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self.read_only:
            return False
        field = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and field == "protected":
            return self.set_value(index.row(), "protected", is_checked(value))
        if role != Qt.ItemDataRole.EditRole or field not in EDITABLE:
            return False
        return self.set_value(index.row(), field, value)

    # ---- drag to reorder --------------------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ROW_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data.setData(ROW_MIME, QByteArray(str(rows[0] if rows else -1).encode()))
        return data

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        """Move the dragged row to the drop point, as one undoable step.

        Returns False on purpose: the move is already done, and a True here would make the view
        delete the "source" rows, which by then hold other items.
        """
        if self.read_only or not data.hasFormat(ROW_MIME):
            return False
        source = int(bytes(data.data(ROW_MIME).data()).decode() or -1)
        if not 0 <= source < len(self._rows):
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._rows)
        target = row - 1 if row > source else row
        self.move_row(source, target)
        return False

    # ---- undoable edits ---------------------------------------------------------------------------------

    def set_value(self, row: int, field: str, value: Any) -> bool:
        """Change one field of one item; refused (False) if the value does not fit."""
        if self.read_only or not 0 <= row < len(self._rows):
            return False
        try:
            new = checked_value(field, value, self._people)
        except ValueError as exc:
            self.refused.emit(str(exc))
            return False
        it = self._rows[row]
        if getattr(it, field) == new:
            return True
        text = f"Change {HEADERS[field].lower()}"
        self.undo_stack.push(SetValueCommand(self, it.key, field, getattr(it, field), new, text))
        return True

    def new_key(self) -> str:
        used = {it.key for it in self._rows}
        n = len(self._rows) + 1
        while f"i{n}" in used:
            n += 1
        return f"i{n}"

    def add_item(self, row: int | None = None, title: str = "New item", minutes: float = 10) -> int:
        """Insert a new item (at the end by default); returns its row."""
        row = len(self._rows) if row is None else max(0, min(row, len(self._rows)))
        self.undo_stack.push(
            InsertCommand(self, row, [AgendaItem(self.new_key(), title, minutes)], "Add item")
        )
        return row

    def remove_rows(self, rows: Sequence[int]) -> None:
        rows = sorted({r for r in rows if 0 <= r < len(self._rows)})
        if rows and not self.read_only:
            self.undo_stack.push(RemoveCommand(self, rows))

    def move_row(self, source: int, target: int) -> bool:
        """Move the item at `source` so that it ends up at index `target`."""
        n = len(self._rows)
        if self.read_only or not (0 <= source < n and 0 <= target < n) or source == target:
            return False
        self.undo_stack.push(MoveCommand(self, source, target))
        return True

    def import_items(self, items: Sequence[AgendaItem], replace_all: bool) -> None:
        """Add imported items after the agenda, or replace it; one undo step either way."""
        fresh: list[AgendaItem] = []
        used = set() if replace_all else {it.key for it in self._rows}
        n = 1
        for it in items:
            while f"i{n}" in used:
                n += 1
            used.add(f"i{n}")
            fresh.append(replace(it, key=f"i{n}"))
        if replace_all:
            self.undo_stack.push(ReplaceCommand(self, self.items, fresh))
        else:
            self.undo_stack.push(InsertCommand(self, len(self._rows), fresh, "Import agenda"))

    # ---- the raw changes the commands make --------------------------------------------------------------

    def row_of(self, key: str) -> int:
        for i, it in enumerate(self._rows):
            if it.key == key:
                return i
        raise KeyError(key)

    def _raw_set(self, key: str, field: str, value: Any) -> None:
        row = self.row_of(key)
        setattr(self._rows[row], field, value)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        self._timeline_moved()

    def _raw_insert(self, row: int, items: Sequence[AgendaItem]) -> None:
        self.beginInsertRows(QModelIndex(), row, row + len(items) - 1)
        self._rows[row:row] = [copy.copy(it) for it in items]
        self.endInsertRows()
        self._timeline_moved()

    def _raw_remove(self, row: int) -> AgendaItem:
        self.beginRemoveRows(QModelIndex(), row, row)
        it = self._rows.pop(row)
        self.endRemoveRows()
        self._timeline_moved()
        return it

    def _raw_move(self, source: int, target: int) -> None:
        # Qt counts the destination before the move: moving down means "insert before target + 1".
        dest = target + 1 if target > source else target
        self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), dest)
        self._rows.insert(target, self._rows.pop(source))
        self.endMoveRows()
        self._timeline_moved()

    def _timeline_moved(self) -> None:
        self._timeline = plan_timeline(self._rows, self._start, self._brk)
        self._refresh_column("start")
        self._refresh_column("break")
        self.timeline_changed.emit()

    def _refresh_column(self, field: str) -> None:
        if self._rows:
            col = COLUMNS.index(field)
            self.dataChanged.emit(self.index(0, col), self.index(len(self._rows) - 1, col))
