"""The secretary's Minutes window for a meeting that has ended (DESIGN §5): while the minutes are draft, each
note, decision, action, declaration and piece of feedback can be corrected or withdrawn (one `correct` event
each), a declaration the record missed added, and the next meeting arranged; once approved it says where and is
read-only. It holds the meeting's writer lock while open (DESIGN §4), as the console does: a second window or
program opens it read-only, saying who has it."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCloseEvent, QFont
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from meetingkit.models.meeting import Approval
from meetingkit.reports.report_text import long_date
from meetingkit.store.database import StoreError
from meetingkit.store.repository import Store
from meetingkit.ui.common.accessibility import ValueLabel
from meetingkit.ui.common.live_bridge import LiveBridge
from meetingkit.ui.common.meeting_zone import epoch_in_meeting_zone, in_meeting_zone
from meetingkit.ui.common.screen_fit import fit_to_screen
from meetingkit.ui.minutes.correction_dialog import CorrectionDialog
from meetingkit.ui.minutes.declaration_box import DeclarationBox
from meetingkit.ui.minutes.form_layout import right_aligned, wheel_scrolls_the_panel
from meetingkit.ui.minutes.recorded_entries import KIND_WORDS, SECTIONS, Entry, EntryRow, recorded_entries
from meetingkit.ui.minutes.recorder import Recorder
from meetingkit.ui.minutes.show_of_hands import ShowOfHandsDialog


def approval_words(approval: Approval, day: Callable[[float], str]) -> str:
    """'Approved at the meeting of Monday 6 July 2026, with these amendments: …' (plain text)."""
    if approval.meeting_start:
        text = f"Approved at the meeting of {long_date(datetime.fromisoformat(approval.meeting_start))}"
    else:
        text = f"Approved on {day(approval.at)} (outside a meeting)"
    return f"{text}, with these amendments: {approval.amendments}" if approval.amendments else f"{text}."


def _first_up(words: str) -> str:
    return words[:1].upper() + words[1:]  # "action SH-1" -> "Action SH-1" (str.capitalize lowers the rest)


def confirm_withdraw(parent: QWidget, entry: Entry) -> bool:
    """Withdrawing cannot be undone (the entry leaves the minutes; the log keeps it): asked first."""
    answer = QMessageBox.question(
        parent,
        f"Withdraw {entry.label}?",
        f"Withdraw {entry.label} from the minutes? It stays in the meeting's log and in this window, struck "
        "through, and cannot be corrected afterwards.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class MinutesWindow(QWidget):
    """`plan_next(meeting_id)`: the main window's way to arrange (or re-date) the next meeting of the series."""

    def __init__(
        self,
        bridge: LiveBridge,
        store: Store,
        parent: QWidget | None = None,
        *,
        plan_next: Callable[[int], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.store = store
        self.plan_next = plan_next
        self.message = ValueLabel()
        self.recorder = Recorder(bridge, self.message)
        self.correction: CorrectionDialog | None = None
        self.rows: dict[str, EntryRow] = {}  # by target ("note:0")
        meeting = bridge.live.meeting
        self.setWindowTitle(f"Minutes: {meeting.title}")
        self.setAccessibleName("Minutes")
        fit_to_screen(self, 1280, 800)
        self._build()
        bridge.changed.connect(lambda *_: self.refresh())
        bridge.refused.connect(self.recorder.remember_refusal)
        bridge.read_only.connect(lambda *_: self.refresh())
        self.refresh()

    @property
    def meeting_id(self) -> int:
        return int(self.bridge.session.meeting_id)

    # ---- layout ---------------------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        meeting = self.bridge.live.meeting
        heading = ValueLabel(f"{meeting.title} · {long_date(meeting.scheduled_start)}")
        heading.setAccessibleName("Meeting")
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        self.status = self._line("Minutes status")
        self.read_only_line = self._line("Read-only reason")
        outer.addWidget(heading)
        outer.addWidget(self.status)
        outer.addWidget(self.read_only_line)
        columns = QHBoxLayout()
        outer.addLayout(columns, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setAccessibleName("What was recorded")
        body = QWidget()
        scroll.setWidget(body)
        self.sections = QVBoxLayout(body)
        wheel_scrolls_the_panel(body)
        self.section_boxes: dict[str, tuple[QGroupBox, QVBoxLayout]] = {}
        for kind, title in SECTIONS:
            box = QGroupBox(title)
            box.setAccessibleName(title)
            inner = QVBoxLayout(box)
            self.section_boxes[kind] = (box, inner)
            self.sections.addWidget(box)
        self.sections.addStretch(1)
        columns.addWidget(scroll, 3)
        columns.addLayout(self._side(), 2)
        outer.addWidget(self.message)

    def _line(self, name: str) -> ValueLabel:
        label = ValueLabel()
        label.setAccessibleName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        return label

    def _side(self) -> QVBoxLayout:
        side = QVBoxLayout()
        self.declaration_box = DeclarationBox(self.recorder)
        self.declaration_box.setTitle("Add a declaration of interest the record missed")
        side.addWidget(self.declaration_box)
        nxt = QGroupBox("Date of the next meeting")
        column = QVBoxLayout(nxt)
        self.next_line = self._line("Date of the next meeting")
        self.next_button = QPushButton("Arrange the next meeting…")
        self.next_button.clicked.connect(self._plan_next)
        self.next_button.setVisible(self.plan_next is not None)
        column.addWidget(self.next_line)
        column.addLayout(right_aligned(self.next_button))
        side.addWidget(nxt)
        # Were you heard? (DESIGN §11): a show of hands taken at the end, recorded after the console closed.
        self.hands: ShowOfHandsDialog | None = None
        self.hands_button = QPushButton("Record a show of hands…")
        self.hands_button.setAccessibleName("Record a show of hands")
        self.hands_button.clicked.connect(lambda _=False: self.show_hands())
        side.addLayout(right_aligned(self.hands_button))
        side.addStretch(1)
        self.preview_button = QPushButton("Preview minutes…")
        self.preview_button.setAccessibleName("Preview minutes")
        self.preview_button.clicked.connect(self.preview)
        self.close_button = QPushButton("Close")
        self.close_button.setAccessibleName("Close minutes")
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.close_button)
        side.addLayout(buttons)
        self.message.setAccessibleName("Minutes message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        return side

    def show_hands(self) -> ShowOfHandsDialog:
        if self.hands is None:
            self.hands = ShowOfHandsDialog(self.bridge, self)
        self.hands.show()
        self.hands.raise_()
        return self.hands

    # ---- what it shows --------------------------------------------------------------------------------------

    @property
    def editable(self) -> bool:
        """Draft, ended, and this window the meeting's one writer."""
        live = self.bridge.live
        session = self.bridge.session
        return live.status == "ended" and live.approval is None and not session.read_only

    def refresh(self) -> None:
        live = self.bridge.live
        if live.approval is not None:
            words = approval_words(live.approval, self._day)
            end = "" if words.endswith((".", "!", "?")) else "."  # amendments end as the secretary typed them
            self.status.setText(f"{words}{end} Approved minutes are no longer corrected.")
        elif live.status != "ended":
            self.status.setText("This meeting has not ended: its notes are taken in the chair's console.")
        else:
            self.status.setText(
                "Draft — not yet approved. Corrections are recorded as changes; the meeting's log keeps what "
                "was recorded in the room. Times and who spoke are not edited."
            )
        reason = self.bridge.session.read_only
        self.read_only_line.setText(reason or "")
        self.read_only_line.setVisible(bool(reason))
        self._show_entries()
        for w in self.declaration_box.inputs():
            w.setEnabled(self.editable)
        self.hands_button.setEnabled(self.editable)
        if self.hands is not None:
            self.hands.box.show_result()
            for w in self.hands.box.inputs():
                w.setEnabled(self.editable)
        self.declaration_box.fill()
        self._show_next()

    def _day(self, at: float) -> str:
        return long_date(epoch_in_meeting_zone(at, self.bridge.live.meeting.scheduled_start))

    def _show_entries(self) -> None:
        for row in self.rows.values():
            row.setParent(None)
            row.deleteLater()
        self.rows.clear()
        entries = recorded_entries(self.bridge.live, self.recorder.name)
        editable = self.editable
        for kind, _title in SECTIONS:
            box, inner = self.section_boxes[kind]
            while inner.count():  # the "nothing recorded" line of the last refresh
                item = inner.takeAt(0)
                if item.widget() is not None:
                    item.widget().deleteLater()
            mine = [e for e in entries if e.kind == kind]
            for entry in mine:
                row = EntryRow(entry, editable)
                row.correct.connect(self.correct)
                row.withdraw.connect(self.withdraw)
                inner.addWidget(row)
                self.rows[entry.target] = row
            if not mine:
                none = self._line(f"No {KIND_WORDS[kind].lower()}")
                none.setText("None recorded.")
                inner.addWidget(none)

    def _show_next(self) -> None:
        found = self.store.next_meeting(self.meeting_id)
        if found is None:
            self.next_line.setText("Not yet arranged.")
            self.next_button.setText("Arrange the next meeting…")
        else:
            local = in_meeting_zone(found[1], self.bridge.live.meeting.scheduled_start)
            self.next_line.setText(f"{long_date(local)} at {local:%H:%M}")
            self.next_button.setText("Change the next meeting…")
        self.next_button.setAccessibleName(self.next_button.text().rstrip("…"))

    # ---- what the secretary does ----------------------------------------------------------------------------

    def _still_draft(self) -> bool:
        """Approved since this window opened (at the next meeting, by a record replayed)? Asked of the file now."""
        live = self.bridge.live
        if live.approval is None:
            with contextlib.suppress(StoreError):  # unreadable now: the engine's own answer stands
                live.approval = self.store.approval_of(self.meeting_id, own=False)
        if live.approval is not None:
            self.refresh()
            self.recorder.say("These minutes have been approved and can no longer be corrected.")
            return False
        return True

    def correct(self, entry: Entry) -> CorrectionDialog | None:
        if not self._still_draft():
            return None
        if self.correction is not None:  # a second click brings the open one forward, never a second dialog
            self.correction.raise_()
            return self.correction
        dialog = CorrectionDialog(self.recorder, entry, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.recorder.say(f"{_first_up(entry.label)} corrected."))
        dialog.finished.connect(lambda *_: setattr(self, "correction", None))
        self.correction = dialog
        dialog.open()
        return dialog

    def withdraw(self, entry: Entry) -> None:
        if not self._still_draft() or not confirm_withdraw(self, entry):
            return
        if self.recorder.command("correct", target=entry.target, withdrawn=True) is not None:
            self.recorder.say(
                f"{_first_up(entry.label)} withdrawn: struck through here, left out of the minutes."
            )

    def _plan_next(self) -> None:
        if self.plan_next is not None:
            self.plan_next(self.meeting_id)
            self._show_next()

    def preview(self) -> QWidget:
        from meetingkit.ui.minutes.minutes_preview import MinutesPreviewDialog

        dialog = MinutesPreviewDialog(self.store, self.meeting_id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowActivate:
            self._show_next()  # the next meeting may have been arranged or moved in the main window meanwhile
        return super().event(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.bridge.save_again() and not self.close_unsaved():
            event.ignore()  # a correction the disk refused is kept, and the window stays open with it
            return
        self.bridge.stop()  # the writer lock is given back
        super().closeEvent(event)

    def close_unsaved(self) -> bool:
        answer = QMessageBox.warning(
            self,
            "Corrections not saved",
            f"{self.bridge.session.write_error or 'A correction is not saved yet.'}\n\nClose anyway and lose it?",
            QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Close
