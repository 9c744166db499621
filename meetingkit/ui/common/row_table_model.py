"""One Qt table model over a plain list of rows, so each table says only what its cells show."""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

T = TypeVar("T")
AnyIndex = QModelIndex | QPersistentModelIndex


class RowTableModel(QAbstractTableModel, Generic[T]):
    """A flat table, one row per item of a list; subclasses implement `data` (and `flags`, `setData`).

    `COLUMNS` holds one entry per column; by default the entry is the header text, and a subclass whose
    entries are field names or column objects says its header text in `header`.
    """

    COLUMNS: Sequence[Any] = ()
    # A model that edits its rows in place keeps copies, and hands out copies, so that the caller's
    # objects change only when the caller saves.
    KEEPS_COPIES = False

    def __init__(self, rows: Iterable[T] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = self._own(rows)

    def _own(self, rows: Iterable[T]) -> list[T]:
        return [copy.copy(r) for r in rows] if self.KEEPS_COPIES else list(rows)

    def set_rows(self, rows: Iterable[T]) -> None:
        self.beginResetModel()
        self._rows = self._own(rows)
        self._rows_replaced()
        self.endResetModel()

    def _rows_replaced(self) -> None:
        """Called inside the reset, before views ask again: for anything worked out from the rows."""

    def rows(self) -> list[T]:
        return self._own(self._rows)

    def row(self, i: int) -> T:
        return self._rows[i]

    def header(self, section: int) -> Any:
        return self.COLUMNS[section]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.header(section)
        return None
