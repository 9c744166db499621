"""The agenda editor's undo steps: each edit of the agenda is one command on the editor's undo stack, named as
its Undo button says it ("Undo: change presenter")."""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand

from meetingkit.models.meeting import AgendaItem


class EditableAgenda(Protocol):
    """What the commands change: the agenda model's raw edits, which alone touch its list."""

    def item(self, row: int) -> AgendaItem: ...
    def set_rows(self, items: Iterable[AgendaItem]) -> None: ...
    def _raw_set(self, key: str, field: str, value: Any) -> None: ...
    def _raw_insert(self, row: int, items: Sequence[AgendaItem]) -> None: ...
    def _raw_remove(self, row: int) -> AgendaItem: ...
    def _raw_move(self, source: int, target: int) -> None: ...


class SetValueCommand(QUndoCommand):
    def __init__(self, model: EditableAgenda, key: str, field: str, old: Any, new: Any, text: str) -> None:
        super().__init__(text)
        self.model, self.key, self.field, self.old, self.new = model, key, field, old, new

    def redo(self) -> None:
        self.model._raw_set(self.key, self.field, self.new)

    def undo(self) -> None:
        self.model._raw_set(self.key, self.field, self.old)


class InsertCommand(QUndoCommand):
    def __init__(self, model: EditableAgenda, row: int, items: Sequence[AgendaItem], text: str) -> None:
        super().__init__(text)
        self.model, self.row, self.items = model, row, [copy.copy(it) for it in items]

    def redo(self) -> None:
        self.model._raw_insert(self.row, self.items)

    def undo(self) -> None:
        for _ in self.items:
            self.model._raw_remove(self.row)


class RemoveCommand(QUndoCommand):
    def __init__(self, model: EditableAgenda, rows: Sequence[int]) -> None:
        super().__init__("Remove item" if len(rows) == 1 else "Remove items")
        self.model = model
        self.removed = [(r, copy.copy(model.item(r))) for r in sorted(rows)]

    def redo(self) -> None:
        for row, _ in reversed(self.removed):
            self.model._raw_remove(row)

    def undo(self) -> None:
        for row, it in self.removed:
            self.model._raw_insert(row, [it])


class MoveCommand(QUndoCommand):
    def __init__(self, model: EditableAgenda, source: int, target: int) -> None:
        super().__init__("Move item")
        self.model, self.source, self.target = model, source, target

    def redo(self) -> None:
        self.model._raw_move(self.source, self.target)

    def undo(self) -> None:
        self.model._raw_move(self.target, self.source)


class ReplaceCommand(QUndoCommand):
    def __init__(self, model: EditableAgenda, old: Sequence[AgendaItem], new: Sequence[AgendaItem]) -> None:
        super().__init__("Import agenda")
        self.model, self.old, self.new = model, list(old), list(new)

    def redo(self) -> None:
        self.model.set_rows(self.new)

    def undo(self) -> None:
        self.model.set_rows(self.old)
