"""A declaration of interest: who declared what, for the item under way or another (DESIGN §6 `declaration`).
The secretary's panel records one in the meeting; the Minutes window adds one the room heard but the record
missed, while the minutes are draft."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLineEdit, QPushButton, QVBoxLayout, QWidget

from meetingkit.models.meeting import Attendee
from meetingkit.ui.minutes.form_layout import narrow_combo, right_aligned
from meetingkit.ui.minutes.recorder import Recorder


class DeclarationBox(QGroupBox):
    """`folded`: in the console's narrow column the form opens from one button ("Declaration of interest…")
    and folds again once the declaration is recorded; the Minutes window shows it open."""

    def __init__(self, recorder: Recorder, parent: QWidget | None = None, *, folded: bool = False) -> None:
        super().__init__("Declaration of interest", parent)
        self.recorder = recorder
        self.folded = folded
        column = QVBoxLayout(self)
        self.open_button = QPushButton("Record a declaration…")
        self.open_button.setAccessibleName("Record a declaration of interest")
        self.open_button.setCheckable(True)
        self.open_button.toggled.connect(self._unfold)
        column.addLayout(right_aligned(self.open_button))
        self.open_button.setVisible(folded)
        self.form = QWidget()
        column.addWidget(self.form)
        self.form.setVisible(not folded)
        form = QFormLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        self.who = QComboBox()
        self.who.setAccessibleName("Declaration by")
        narrow_combo(self.who)
        self.item = QComboBox()
        self.item.setAccessibleName("Declaration for item")
        narrow_combo(self.item)
        self.text = QLineEdit()
        self.text.setAccessibleName("Interest declared")
        self.text.setPlaceholderText("The interest, e.g. a trustee of the carers' network")
        self.button = QPushButton("Record declaration")
        self.button.setAccessibleName("Record declaration")
        self.button.clicked.connect(self.record)
        self.text.returnPressed.connect(self.record)
        form.addRow("Who:", self.who)
        form.addRow("Item:", self.item)
        form.addRow("Interest:", self.text)
        form.addRow(right_aligned(self.button))

    def inputs(self) -> list[QWidget]:
        return [self.open_button, self.who, self.item, self.text, self.button]

    def _unfold(self, shown: bool) -> None:
        self.form.setVisible(shown)
        self.open_button.setText("Cancel" if shown else "Record a declaration…")
        self.open_button.setAccessibleName(
            "Cancel the declaration" if shown else "Record a declaration of interest"
        )
        if shown:
            self.who.setFocus()

    def fill(self) -> None:
        """Who may declare (those present) and the items it may be for; what was chosen stays chosen."""
        live = self.recorder.live
        here = [p for p in live.meeting.people if live.present.get(p.key)]
        _refill(self.who, [(self._person_label(p), p.key) for p in here])
        first = "All items" if live.status == "ended" else "The item under way"
        items = [(f"{n}. {it.title}", it.key) for n, it in enumerate(live.meeting.agenda, start=1)]
        _refill(self.item, [(first, ""), *items])

    @staticmethod
    def _person_label(p: Attendee) -> str:
        return f"{p.name}, {p.organisation}" if p.organisation else p.name

    def record(self) -> None:
        who = self.who.currentData()
        text = self.text.text().strip()
        if not who or not text:
            self.recorder.say("Choose who declared an interest and type the interest.")
            return
        payload: dict[str, Any] = {"who": who, "text": text}
        if self.item.currentData():
            payload["item"] = self.item.currentData()
        elif self.recorder.live.status != "ended":
            payload |= self.recorder.item_payload()
        if self.recorder.command("declaration", **payload):
            self.text.clear()
            if self.folded:
                self.open_button.setChecked(False)
            self.recorder.say(f"Declaration by {self.recorder.name(who)} recorded.")


def _refill(combo: QComboBox, entries: list[tuple[str, str]]) -> None:
    if [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())] == entries:
        return
    current = combo.currentData()
    combo.clear()
    for label, data in entries:
        combo.addItem(label, data)
    combo.setCurrentIndex(max(0, combo.findData(current)))
