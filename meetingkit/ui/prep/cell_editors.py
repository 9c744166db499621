"""Cell editors for the preparation tables: a choice from a list (role, kind, presenter) and a number with
limits; each editor carries an accessible name taken from its column header."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

AnyIndex = QModelIndex | QPersistentModelIndex
Choices = Sequence[tuple[Any, str]]  # (value stored in the model, label shown)


def _header(index: AnyIndex) -> str:
    return str(index.model().headerData(index.column(), Qt.Orientation.Horizontal) or "Value")


class NamedDelegate(QStyledItemDelegate):
    """Qt's own editor for a cell (text, number), named after its column."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        editor = super().createEditor(parent, option, index)
        editor.setAccessibleName(_header(index))
        return editor


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box of fixed (or, for presenters, current) choices; `editable` also allows free text."""

    def __init__(
        self, choices: Choices | Callable[[], Choices], editable: bool = False, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._choices = choices
        self._editable = editable

    def choices(self) -> Choices:
        return self._choices() if callable(self._choices) else self._choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        box = QComboBox(parent)
        box.setEditable(self._editable)
        box.setAccessibleName(_header(index))
        for value, label in self.choices():
            box.addItem(label, value)
        return box

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        value = index.data(Qt.ItemDataRole.EditRole)
        found = editor.findData(value)
        if found >= 0:
            editor.setCurrentIndex(found)
        elif self._editable:
            editor.setEditText(str(value or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        if self._editable and editor.currentText() != editor.itemText(editor.currentIndex()):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
            return
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class NumberDelegate(QStyledItemDelegate):
    """A spin box within limits; `special` is the text shown at the minimum (e.g. 'Meeting default')."""

    def __init__(
        self,
        minimum: float,
        maximum: float,
        decimals: int = 0,
        suffix: str = "",
        special: str = "",
        step: float = 1,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._limits = (minimum, maximum, decimals, suffix, special, step)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        minimum, maximum, decimals, suffix, special, step = self._limits
        box = QDoubleSpinBox(parent)
        box.setRange(minimum, maximum)
        box.setDecimals(decimals)
        box.setSingleStep(step)
        box.setSuffix(suffix)
        box.setSpecialValueText(special)
        box.setAccessibleName(_header(index))
        return box

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QDoubleSpinBox)
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setValue(float(value) if value is not None else editor.minimum())

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        assert isinstance(editor, QDoubleSpinBox)
        editor.interpretText()
        value = editor.value()
        model.setData(index, int(value) if editor.decimals() == 0 else value, Qt.ItemDataRole.EditRole)
