"""The name a save dialog gave, with the ending the file needs.

The dialog asks before replacing the file as it was typed ("minutes"); the ending added afterwards names another
file ("minutes.pdf"), which nobody was asked about: asked here before it is replaced."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget


def may_replace(parent: QWidget, path: Path | str, typed: str) -> bool:
    """True to write `path`: it is the name as typed (the dialog asked already), is new, or the person agrees to
    replace it."""
    path = Path(path)
    if str(path) == typed or not path.exists():
        return True
    answer = QMessageBox.question(
        parent,
        "Replace the file?",
        f"{path.name} already exists in {path.parent}. Replace it?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
