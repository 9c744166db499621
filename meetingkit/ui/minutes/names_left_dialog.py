"""Before a redacted file is written (DESIGN §5): the words that still look like names, for the secretary to mark
to be replaced with initials too, or to confirm as they are."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)


class NamesLeftDialog(QDialog):
    """One line a word, ticked to be replaced; OK saves with the ticked words replaced and the others kept."""

    def __init__(self, words: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Check the redacted edition")
        layout = QVBoxLayout(self)
        intro = QLabel(
            "MeetingKit replaced the names it knows: this meeting's people, those of the series' other meetings, "
            "and any name after a title such as Dr. It cannot know every name. These words still look like "
            "names. Ticked words will be replaced with initials too; untick a word that is not a name."
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.words = QListWidget()
        self.words.setAccessibleName("Words that may be names")
        for word in words:
            item = QListWidgetItem(word)  # list items are plain text
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setToolTip(f"Replace “{word}” with initials")
            self.words.addItem(item)
        layout.addWidget(self.words, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.addButton(
            "Replace ticked words and save", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setAccessibleName("Replace ticked words and save")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 420)

    def ticked(self) -> list[str]:
        """The words marked to be replaced."""
        items = [self.words.item(i) for i in range(self.words.count())]
        return [it.text() for it in items if it.checkState() == Qt.CheckState.Checked]

    def set_ticked(self, words: set[str]) -> None:
        for i in range(self.words.count()):
            item = self.words.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.text() in words else Qt.CheckState.Unchecked)
