"""The secretary's side of the live meeting: notes (saved as you type), decisions, actions, feedback, actions review."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, QEvent, QItemSelectionModel, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QFont, QHideEvent, QResizeEvent, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from meetingkit.models.meeting import (
    ACTION_STATUSES,
    BREAK,
    KIND_LABELS,
    ROLE_LABELS,
    Action,
    Attendee,
    Feedback,
)
from meetingkit.models.review_text import plural
from meetingkit.models.session import Event, LiveMeeting
from meetingkit.store.repository import Store
from meetingkit.ui.common.actions_model import (
    ROW_ROLE,
    STATUS_LABELS,
    ActionLine,
    ActionsModel,
    day_text,
    meeting_labels,
)
from meetingkit.ui.common.live_bridge import LiveBridge
from meetingkit.ui.common.meeting_zone import epoch_in_meeting_zone

NOTE_SAVE_MS = 700  # saved well within a second of the typing stopping, without a write per keystroke
DEFAULT_DUE_DAYS = 14
NOTES_PLACEHOLDER = "Type notes here (saved as you go)"
ACTION_TEXT_PX = 200  # the review table's action column: a readable line, not a column of syllables
COMBO_MIN_CHARS = 12  # combos elide long names rather than widening the panel past the window


def _narrow_combo(combo: QComboBox) -> None:
    """Let a combo be narrower than its longest entry (it elides), so the panel never scrolls sideways."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(COMBO_MIN_CHARS)


def _right_aligned(button: QPushButton) -> QHBoxLayout:
    """A button on its own row at the right: it never shares (and so never loses) the width of a field."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addStretch(1)
    row.addWidget(button)
    return row


class ReviewTable(QTableView):
    """The actions under review. When the panel is too narrow for the action's words to keep
    ACTION_TEXT_PX beside the owner, the owner column goes (the line under the table names the owner of
    the selected action), so the words never shrink to a column of syllables."""

    owner_px = 0  # the owner column's width when shown (a hidden section has no size to ask)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        header = self.horizontalHeader()
        others = header.sectionSize(ActionsModel.KEY) + header.sectionSize(ActionsModel.STATUS)
        narrow = self.viewport().width() - others - self.owner_px < ACTION_TEXT_PX
        if narrow != self.isColumnHidden(ActionsModel.OWNER):
            self.setColumnHidden(ActionsModel.OWNER, narrow)
            if not narrow:
                header.resizeSection(ActionsModel.OWNER, self.owner_px)


class SecretaryPanel(QWidget):
    """Follows the meeting through `bridge.changed`: the current item's notes, the break's feedback form, and
    the actions review list when the current item reviews actions. Every record goes through the bridge."""

    def __init__(self, bridge: LiveBridge, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.store = store
        self._note_place: str | None = None  # the item (or BREAK) the editor's text belongs to
        self._note_ids: dict[str | None, int] = {}  # place -> index of the note the editor keeps up to date
        self._saved_text = ""
        self._busy = False  # set while the panel itself reacts, so its own commands do not re-enter
        self._refusal = ""
        self._linked_feedback: int | None = None
        self._restoring = False
        self._prior_owner: dict[tuple[int | None, str], str] | None = None
        self._meeting_names: dict[int, str] | None = None

        self.note_timer = QTimer(self)
        self.note_timer.setSingleShot(True)
        self.note_timer.setInterval(NOTE_SAVE_MS)
        self.note_timer.timeout.connect(self.save_note)

        self._build()
        bridge.changed.connect(self._on_changed)
        # Whatever the chair does next (end the meeting, next item), the note typed a moment ago is saved first.
        bridge.before_command.connect(self._save_before_command)
        bridge.refused.connect(self._remember_refusal)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.save_note)
        self._switch_note(self._place())
        self._reset_due()
        self._refresh()

    @property
    def live(self) -> LiveMeeting:
        return self.bridge.live

    # ---- layout -----------------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setAccessibleName("Notes and actions")  # it takes Tab focus, so it is announced
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)  # a side panel: its width goes to the fields, not the frame

        self.now_label = QLabel()
        self.now_label.setAccessibleName("Item being minuted")  # the console's "Current item" is the chair's
        self.now_label.setTextFormat(Qt.TextFormat.PlainText)
        self.now_label.setWordWrap(True)
        font = QFont(self.now_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.now_label.setFont(font)
        self.now_detail = QLabel()
        self.now_detail.setAccessibleName("Current item details")
        self.now_detail.setTextFormat(Qt.TextFormat.PlainText)
        self.now_detail.setWordWrap(True)
        layout.addWidget(self.now_label)
        layout.addWidget(self.now_detail)

        self.feedback_box = self._feedback_group()
        self.review_box = self._review_group()
        layout.addWidget(self.feedback_box)
        layout.addWidget(self.review_box, 1)
        layout.addWidget(self._notes_group(), 1)
        layout.addWidget(self._decision_group())
        layout.addWidget(self._action_group())

        self.so_far = QLabel()
        self.so_far.setAccessibleName("Recorded for this item")
        self.so_far.setTextFormat(Qt.TextFormat.PlainText)
        self.so_far.setWordWrap(True)
        self.so_far.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.so_far)

        self.message = QLabel()
        self.message.setAccessibleName("Secretary message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

    def _notes_group(self) -> QGroupBox:
        box = QGroupBox("Notes")
        layout = QVBoxLayout(box)
        self.notes_edit = QTextEdit()
        self.notes_edit.setAccessibleName("Notes for this item")
        self.notes_edit.setAcceptRichText(False)
        self.notes_edit.setTabChangesFocus(True)  # Tab leaves the notes (no keyboard trap); Escape too
        self.notes_edit.setPlaceholderText(NOTES_PLACEHOLDER)
        self.notes_edit.setMinimumHeight(120)
        self.notes_edit.textChanged.connect(self._note_typed)
        self.notes_edit.installEventFilter(self)
        self.note_status = QLabel()
        self.note_status.setAccessibleName("Notes saved status")
        self.note_status.setTextFormat(Qt.TextFormat.PlainText)
        self.note_status.setWordWrap(True)
        layout.addWidget(self.notes_edit, 1)
        layout.addWidget(self.note_status)
        return box

    def _decision_group(self) -> QGroupBox:
        box = QGroupBox("Decision")
        column = QVBoxLayout(box)
        self.decision_edit = QLineEdit()
        self.decision_edit.setAccessibleName("Decision text")
        self.decision_edit.setPlaceholderText("What the meeting decided")
        self.decision_button = QPushButton("Record decision")
        self.decision_button.setAccessibleName("Record decision")
        self.decision_button.clicked.connect(self.record_decision)
        self.decision_edit.returnPressed.connect(self.record_decision)
        column.addWidget(self.decision_edit)
        column.addLayout(_right_aligned(self.decision_button))
        return box

    def _action_group(self) -> QGroupBox:
        box = QGroupBox("Action")
        form = QFormLayout(box)
        self.action_text = QLineEdit()
        self.action_text.setAccessibleName("Action text")
        self.action_text.setPlaceholderText("What is to be done")
        self.action_owner = QComboBox()
        self.action_owner.setEditable(True)
        self.action_owner.setAccessibleName("Action owner")
        _narrow_combo(self.action_owner)
        self.action_owner.lineEdit().setAccessibleName("Action owner")  # what a screen reader lands on
        self.action_owner.lineEdit().setPlaceholderText("Choose someone, or type a name or team")
        self.action_has_due = QCheckBox("Due by")
        self.action_has_due.setAccessibleName("Action has a due date")
        self.action_due = QDateEdit()
        self.action_due.setAccessibleName("Action due date")
        for field in self.action_due.findChildren(QLineEdit):
            field.setAccessibleName("Action due date")
        self.action_due.setCalendarPopup(True)
        self.action_due.setDisplayFormat("d MMM yyyy")
        self.action_due.setEnabled(False)
        self.action_has_due.toggled.connect(self.action_due.setEnabled)
        due_row = QHBoxLayout()
        due_row.addWidget(self.action_has_due)
        due_row.addWidget(self.action_due, 1)
        self.action_source = QComboBox()
        self.action_source.setAccessibleName("Action source")
        _narrow_combo(self.action_source)
        self.action_source.addItem("Agreed in the meeting", "meeting")
        self.action_source.addItem("From patient / public feedback", "patient_feedback")
        self.linked_label = QLabel()
        self.linked_label.setAccessibleName("Linked feedback")
        self.linked_label.setTextFormat(Qt.TextFormat.PlainText)
        self.linked_label.setWordWrap(True)
        self.unlink_button = QPushButton("Unlink")
        self.unlink_button.setAccessibleName("Unlink feedback from action")
        self.unlink_button.clicked.connect(lambda: self._link_feedback(None))
        link_row = QHBoxLayout()
        link_row.addWidget(self.linked_label, 1)
        link_row.addWidget(self.unlink_button)
        self.link_row = QWidget()
        self.link_row.setLayout(link_row)
        link_row.setContentsMargins(0, 0, 0, 0)
        self.action_button = QPushButton("Add action")
        self.action_button.setAccessibleName("Add action")
        self.action_button.clicked.connect(self.add_action)
        self.action_text.returnPressed.connect(self.add_action)
        form.addRow("What:", self.action_text)
        form.addRow("Owner:", self.action_owner)
        form.addRow("Due:", due_row)
        form.addRow("Source:", self.action_source)
        form.addRow(self.link_row)
        form.addRow(self.action_button)
        self.link_row.setVisible(False)
        return box

    def _feedback_group(self) -> QGroupBox:
        box = QGroupBox("Feedback from representatives")
        layout = QVBoxLayout(box)
        form = QFormLayout()
        self.feedback_who = QComboBox()
        self.feedback_who.setAccessibleName("Feedback from")
        _narrow_combo(self.feedback_who)
        self.feedback_text = QPlainTextEdit()
        self.feedback_text.setAccessibleName("Feedback text")
        self.feedback_text.setPlaceholderText("What they said about the meeting so far")
        self.feedback_text.setTabChangesFocus(True)
        self.feedback_text.setFixedHeight(70)
        self.feedback_button = QPushButton("Record feedback")
        self.feedback_button.setAccessibleName("Record feedback")
        self.feedback_button.clicked.connect(self.record_feedback)
        form.addRow("Who:", self.feedback_who)
        form.addRow("Said:", self.feedback_text)
        layout.addLayout(form)
        layout.addLayout(_right_aligned(self.feedback_button))
        self.feedback_list = QVBoxLayout()
        layout.addLayout(self.feedback_list)
        self._feedback_rows: list[QWidget] = []
        return box

    def _review_group(self) -> QGroupBox:
        box = QGroupBox("Actions review")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(6, 6, 6, 6)
        intro = QLabel("Every open action of the series, then those agreed today.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.review_model = ActionsModel(parent=self)
        self.review_table = ReviewTable()
        self.review_table.setAccessibleName("Actions to review")
        self.review_table.setModel(self.review_model)
        self.review_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.review_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.review_table.verticalHeader().setVisible(False)
        self.review_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.review_table.setMinimumHeight(220)  # three or four wrapped actions in view at once
        self.review_table.setWordWrap(True)
        self.review_table.setTextElideMode(Qt.TextElideMode.ElideRight)
        # A side panel has room for what, who and where it stands; the due date, the meeting that agreed it
        # and the latest update are under the table for the selected action.
        for col in (
            ActionsModel.DUE,
            ActionsModel.SERIES,
            ActionsModel.SOURCE,
            ActionsModel.AGREED,
            ActionsModel.LATEST,
        ):
            self.review_table.setColumnHidden(col, True)
        header = self.review_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ActionsModel.TEXT, QHeaderView.ResizeMode.Stretch)
        # Owner and status wrap onto a second line in columns of about twelve characters, so that the
        # action's own words keep most of the width.
        metrics = self.fontMetrics()
        for col, widest in ((ActionsModel.OWNER, "Claire Dunne"), (ActionsModel.STATUS, "◑ In progress")):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(col, metrics.horizontalAdvance(widest) + 8)
        self.review_table.owner_px = header.sectionSize(ActionsModel.OWNER)
        self.review_table.selectionModel().selectionChanged.connect(self._review_selected)
        layout.addWidget(self.review_table, 1)
        self.review_detail = QLabel("Choose an action in the list to record what became of it.")
        self.review_detail.setAccessibleName("Selected action")
        self.review_detail.setTextFormat(Qt.TextFormat.PlainText)
        self.review_detail.setWordWrap(True)
        layout.addWidget(self.review_detail)
        form = QFormLayout()
        self.review_status = QComboBox()
        self.review_status.setAccessibleName("Action status")
        _narrow_combo(self.review_status)
        for s in ACTION_STATUSES:
            self.review_status.addItem(STATUS_LABELS[s], s)
        self.review_note = QLineEdit()
        self.review_note.setAccessibleName("Action update note")
        self.review_note.setPlaceholderText("What was done, or why not")
        self.review_button = QPushButton("Record update")
        self.review_button.setAccessibleName("Record action update")
        self.review_button.clicked.connect(self.record_update)
        self.review_note.returnPressed.connect(self.record_update)
        form.addRow("Status:", self.review_status)
        form.addRow("Update:", self.review_note)
        layout.addLayout(form)
        layout.addLayout(_right_aligned(self.review_button))
        return box

    # ---- following the meeting --------------------------------------------------------------------------

    def _place(self) -> str | None:
        """Where notes go now: the break while it runs, else the current item (None: no item under way)."""
        return BREAK if self.live.brk.status == "running" else self.live.current

    def _on_changed(self, event: Event | None = None) -> None:
        if self._busy:
            return
        self._busy = True
        try:
            place = self._place()
            if place != self._note_place:
                # The text typed so far belongs to the item just left: save it there before the editor moves on.
                self.save_note()
                self._switch_note(place)
                self.message.clear()  # "Action M2-2 added." was about the item just left
            self._refresh()
        finally:
            self._busy = False

    def _remember_refusal(self, message: str) -> None:
        self._refusal = message

    def _command(self, type_: str, **payload: Any) -> Event | None:
        """Send a command; a refusal is shown in the panel (the chair's console shows its own)."""
        self._refusal = ""
        event = self.bridge.command(type_, **payload)
        if event is None:
            self.message.setText(f"Not recorded: {self._refusal}")
        return event

    def _refresh(self) -> None:
        live = self.live
        self._show_now()
        in_break = live.brk.status == "running"
        kind = self.live.meeting.item(live.current).kind if live.current and not in_break else None
        self.feedback_box.setVisible(in_break)
        self.review_box.setVisible(kind == "actions_review")
        ended = live.status == "ended"
        self.notes_edit.setReadOnly(ended)  # read-only, not disabled: the text can still be copied
        self.notes_edit.setPlaceholderText("No notes were typed here." if ended else NOTES_PLACEHOLDER)
        # Once the meeting has ended nothing more can be recorded, so no field should look as if it could.
        for w in self._record_inputs():
            w.setEnabled(not ended)
        if ended:
            self.action_due.setEnabled(False)
            self.message.clear()
        self._fill_people()
        if in_break:
            self._show_feedback()
        if kind == "actions_review":
            self._show_review()
        self._show_so_far()
        self._show_note_status()

    def _show_now(self) -> None:
        live = self.live
        agenda = live.meeting.agenda
        if live.status == "ended":
            self.now_label.setText("The meeting has ended")
            self.now_detail.setText(
                "Notes can no longer be added here. Issue the minutes from the meeting list."
            )
        elif live.brk.status == "running":
            self.now_label.setText("Now: Feedback break")
            self.now_detail.setText("Record what each patient and public representative says.")
        elif live.current is not None:
            item = live.meeting.item(live.current)
            pos = live.meeting.item_index(item.key) + 1
            self.now_label.setText(f"Now: {item.title}")
            kind = f" · {KIND_LABELS.get(item.kind, item.kind)}" if item.kind != "item" else ""
            self.now_detail.setText(f"Item {pos} of {len(agenda)}{kind}")
        elif live.status == "ready":
            self.now_label.setText("The meeting has not started")
            self.now_detail.setText("Notes typed now go with the first item.")
        else:
            self.now_label.setText("No item under way")
            self.now_detail.setText("Notes typed now are kept for the meeting as a whole.")

    def _place_title(self, place: str | None) -> str:
        if place == BREAK:
            return "the feedback break"
        if place is None:
            return "the meeting"
        return f"'{self.live.meeting.item(place).title}'"

    def _name(self, key: str) -> str:
        for p in self.live.meeting.people:
            if p.key == key:
                return p.name
        return key

    def _record_inputs(self) -> list[QWidget]:
        return [
            self.decision_edit,
            self.decision_button,
            self.action_text,
            self.action_owner,
            self.action_has_due,
            self.action_source,
            self.unlink_button,
            self.action_button,
            self.feedback_who,
            self.feedback_text,
            self.feedback_button,
            self.review_status,
            self.review_note,
            self.review_button,
        ]

    def _show_so_far(self) -> None:
        live = self.live
        if live.status == "ended":
            self.so_far.setText(self._meeting_record())
            return
        place = self._note_place
        lines = [f"• Decision: {d.text}" for d in live.decisions if d.item == place]
        for a in live.actions.values():
            if a.item == place:
                lines.append(f"• Action {a.key} ({self._action_meta(a)}): {a.text}")
        head = f"Recorded for {self._place_title(place)}:"
        self.so_far.setText("\n".join([head, *lines]) if lines else f"{head} no decisions or actions yet.")

    def _meeting_record(self) -> str:
        """After the meeting: every decision and action it recorded, each with the item it came under."""
        live = self.live
        lines = [f"• Decision ({self._where(d.item)}): {d.text}" for d in live.decisions]
        lines += [
            f"• Action {a.key} ({self._where(a.item)}; {self._action_meta(a)}): {a.text}"
            for a in live.actions.values()
        ]
        if not lines:
            return "Recorded in the meeting: no decisions or actions."
        counts = f"{plural(len(live.decisions), 'decision')}, {plural(len(live.actions), 'action')}"
        return "\n".join([f"Recorded in the meeting ({counts}):", *lines])

    def _where(self, place: str | None) -> str:
        if place == BREAK:
            return "feedback break"
        return self.live.meeting.item(place).title if place else "the meeting as a whole"

    def _action_meta(self, a: Action) -> str:
        owner = self._name(a.owner) if a.owner else "no owner"
        due = f", due {day_text(a.due)}" if a.due else ""
        source = ", from patient feedback" if a.source == "patient_feedback" else ""
        return f"{owner}{due}{source}"

    def _fill_people(self) -> None:
        people = self.live.meeting.people
        if self.action_owner.count() != len(people) + 1:
            typed = self.action_owner.currentText()
            self.action_owner.clear()
            self.action_owner.addItem("", "")
            for p in people:
                self.action_owner.addItem(p.name, p.key)
            self.action_owner.setEditText(typed)
        here = [p for p in people if self.live.present.get(p.key)]
        here.sort(key=lambda p: not p.is_public_voice)  # representatives first: the break is for them
        keys = [p.key for p in here]
        if [self.feedback_who.itemData(i) for i in range(self.feedback_who.count())] != keys:
            current = self.feedback_who.currentData()
            self.feedback_who.clear()
            for p in here:
                self.feedback_who.addItem(self._person_label(p), p.key)
            self.feedback_who.setCurrentIndex(max(0, self.feedback_who.findData(current)))

    @staticmethod
    def _person_label(p: Attendee) -> str:
        role = "patient / public representative" if p.is_public_voice else ROLE_LABELS.get(p.role, p.role)
        return f"{p.name} ({role})"

    # ---- notes ------------------------------------------------------------------------------------------

    def set_note_delay(self, ms: int) -> None:
        """How long after the last keystroke a note is saved (tests set 0)."""
        self.note_timer.setInterval(ms)

    def _note_typed(self) -> None:
        self.note_timer.start()  # restarts on every keystroke: one save once typing pauses
        self._show_note_status()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802  (Qt's name)
        if watched is self.notes_edit and event.type() == QEvent.Type.FocusOut:
            self.save_note()
        return super().eventFilter(watched, event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        self.save_note()  # the window closing, or the secretary switching tab
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.save_note()
        super().closeEvent(event)

    def _switch_note(self, place: str | None) -> None:
        """Show the note kept for `place`: the one this panel wrote, else the latest there (after a restart)."""
        self._note_place = place
        idx = self._note_ids.get(place)
        if idx is None:
            for note in reversed(self.live.notes):
                if note.item == place:
                    idx = self._note_ids[place] = note.idx
                    break
        text = self.live.notes[idx].text if idx is not None else ""
        self.notes_edit.blockSignals(True)
        self.notes_edit.setPlainText(text)
        self.notes_edit.moveCursor(QTextCursor.MoveOperation.End)  # carry on where the notes stop
        self.notes_edit.blockSignals(False)
        self._saved_text = text
        # The item's title is in the heading above; a placeholder as long as a title would be cut off.
        self.notes_edit.setPlaceholderText(NOTES_PLACEHOLDER)

    def note_is_saved(self) -> bool:
        return self.notes_edit.toPlainText().strip() == self._saved_text and not self.note_timer.isActive()

    def _save_before_command(self, type_: str) -> None:
        if self.note_timer.isActive():
            self.save_note()

    def save_note(self) -> None:
        """Store the editor's text: a new note the first time, then edits of that same note (`replaces`)."""
        self.note_timer.stop()
        text = self.notes_edit.toPlainText().strip()
        if text == self._saved_text:
            return
        place = self._note_place
        idx = self._note_ids.get(place)
        was_busy, self._busy = self._busy, True
        try:
            if idx is not None:
                event = self._command("note", text=text, replaces=idx)
            elif place is None:
                # The engine files an item-less note under the current item if there is one by now.
                event = self._command("note", text=text)
            else:
                event = self._command("note", text=text, item=place)
            if event is not None:
                if idx is None:
                    self._note_ids[place] = len(self.live.notes) - 1
                self._saved_text = text
        finally:
            self._busy = was_busy
        self._show_note_status()
        if not self._busy:
            self._show_so_far()

    def _show_note_status(self) -> None:
        session = self.bridge.session
        if self.live.status == "ended" and not self.note_is_saved():
            self.note_status.setText("⚠ Not saved: the meeting has ended. Copy the text into the minutes.")
        elif not self.note_is_saved():
            self.note_status.setText("✎ Typing: saved when you pause")
        elif session.write_error:
            self.note_status.setText(f"⚠ Kept in memory, not yet on disk: {session.write_error}")
        elif self._saved_text:
            self.note_status.setText("✓ Saved")
        else:
            self.note_status.setText("")

    # ---- decisions and actions --------------------------------------------------------------------------

    def _item_payload(self) -> dict[str, Any]:
        place = self._place()
        return {"item": place} if place is not None else {}

    def record_decision(self) -> None:
        text = self.decision_edit.text().strip()
        if not text:
            self.message.setText("Type the decision first.")
            return
        if self._command("decision", text=text, **self._item_payload()):
            self.decision_edit.clear()
            self.message.setText("Decision recorded.")

    def _owner_value(self) -> str:
        """A person's key when the text is one of the attendees' names, else the free text as typed."""
        text = self.action_owner.currentText().strip()
        for p in self.live.meeting.people:
            if p.name.casefold() == text.casefold():
                return p.key
        return text

    def add_action(self) -> None:
        text = self.action_text.text().strip()
        if not text:
            self.message.setText("Type what is to be done first.")
            return
        payload: dict[str, Any] = {"text": text, **self._item_payload()}
        owner = self._owner_value()
        if owner:
            payload["owner"] = owner
        if self.action_has_due.isChecked():
            payload["due"] = self.action_due.date().toPython().isoformat()
        if self._linked_feedback is not None:
            payload["feedback"] = self._linked_feedback
            payload["source"] = "patient_feedback"
        else:
            payload["source"] = self.action_source.currentData()
        event = self._command("action", **payload)
        if event is None:
            return
        self.message.setText(f"Action {event.payload['key']} added.")
        self.action_text.clear()
        self.action_owner.setEditText("")
        self.action_has_due.setChecked(False)
        self._reset_due()
        self._link_feedback(None)

    def _reset_due(self) -> None:
        self.action_due.setDate(QDate(self._today() + timedelta(days=DEFAULT_DUE_DAYS)))

    def _today(self) -> date:
        """The meeting's day (in its own time zone): what 'overdue' is measured against here."""
        return epoch_in_meeting_zone(self.live.now(), self.live.meeting.scheduled_start).date()

    # ---- the feedback break -----------------------------------------------------------------------------

    def record_feedback(self) -> None:
        who = self.feedback_who.currentData()
        text = self.feedback_text.toPlainText().strip()
        if not who or not text:
            self.message.setText("Choose who gave the feedback and type what they said.")
            return
        if self._command("feedback", who=who, text=text):
            self.feedback_text.clear()
            self.message.setText(f"Feedback from {self._name(who)} recorded.")

    def make_action_from(self, feedback_idx: int) -> None:
        """Fill the action form from a piece of feedback; 'Add action' then records it, linked to the feedback."""
        self._link_feedback(feedback_idx)
        fb = self.live.feedback[feedback_idx]
        self.action_text.setText(fb.text)
        self.action_text.setFocus()
        self.action_text.selectAll()
        self.message.setText("Edit the action, choose its owner and due date, then press Add action.")

    def _link_feedback(self, idx: int | None) -> None:
        self._linked_feedback = idx
        self.link_row.setVisible(idx is not None)
        self.action_source.setEnabled(idx is None)
        if idx is None:
            self.action_source.setCurrentIndex(0)
            return
        fb = self.live.feedback[idx]
        self.action_source.setCurrentIndex(self.action_source.findData("patient_feedback"))
        # The feedback's words are in the action text already; one line keeps the form from jumping.
        self.linked_label.setText(f"Linked to feedback {idx + 1}, from {self._name(fb.who)}")
        self.linked_label.setToolTip(fb.text)

    def _show_feedback(self) -> None:
        for w in self._feedback_rows:
            w.setParent(None)
            w.deleteLater()
        self._feedback_rows = [self._feedback_row(fb) for fb in self.live.feedback]
        for w in self._feedback_rows:
            self.feedback_list.addWidget(w)

    def _feedback_row(self, fb: Feedback) -> QWidget:
        row = QFrame()
        row.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(row)  # the words take the whole width; what became of them goes underneath
        said = QLabel(f"{self._name(fb.who)}: {fb.text}")
        said.setTextFormat(Qt.TextFormat.PlainText)
        said.setWordWrap(True)
        said.setAccessibleName(f"Feedback {fb.idx + 1}")
        layout.addWidget(said)
        if fb.action:
            done = QLabel(f"✓ Action {fb.action}")
            done.setTextFormat(Qt.TextFormat.PlainText)
            done.setAccessibleName(f"Feedback {fb.idx + 1} action")
            done.setAlignment(Qt.AlignmentFlag.AlignRight)
            layout.addWidget(done)
        else:
            button = QPushButton("Make this an action")
            button.setAccessibleName(f"Make feedback {fb.idx + 1} from {self._name(fb.who)} an action")
            button.clicked.connect(lambda _=False, i=fb.idx: self.make_action_from(i))
            button.setEnabled(self.live.status != "ended")
            layout.addLayout(_right_aligned(button))
        return row

    # ---- actions review ---------------------------------------------------------------------------------

    def _load_series_names(self) -> None:
        """Owner names and meeting titles of earlier meetings' actions, read once: they do not change now."""
        series = self.live.meeting.series
        rows = self.store.actions(series=series) if series else []
        self._prior_owner = {(r.meeting_id, r.key): r.owner for r in rows}
        self._meeting_names = meeting_labels(self.store.list_meetings(series)) if series else {}

    def review_lines(self) -> list[ActionLine]:
        """Every action open when the meeting began (or reviewed in it), then the ones agreed in it."""
        if self._prior_owner is None or self._meeting_names is None:
            self._load_series_names()
        assert self._prior_owner is not None and self._meeting_names is not None
        live = self.live
        today = self._today()
        touched = {u.action for u in live.updates}
        lines = []
        for a in live.prior_actions.values():
            if a.is_open or a.key in touched:
                owner = self._prior_owner.get((a.meeting_id, a.key), a.owner)
                agreed = self._meeting_names.get(a.meeting_id or -1, "An earlier meeting")
                lines.append(ActionLine.of_action(a, owner, agreed, today, self._meeting_names))
        for a in live.actions.values():
            owner = self._name(a.owner) if a.owner else ""
            lines.append(ActionLine.of_action(a, owner, "This meeting", today, self._meeting_names))
        return lines

    def _show_review(self) -> None:
        lines = self.review_lines()
        if lines == self.review_model.rows():
            return  # most events (a new speaker) change nothing here; leave the secretary's selection alone
        keep = self._selected_review()
        self._restoring = True  # the status the secretary picked but has not recorded yet must survive
        try:
            self.review_model.set_rows(lines)
            if keep is None or not self.select_review(keep.key):
                self._show_review_detail(None)
        finally:
            self._restoring = False

    def _selected_review(self) -> ActionLine | None:
        rows = self.review_table.selectionModel().selectedRows()
        return self.review_model.data(rows[0], ROW_ROLE) if rows else None

    def select_review(self, key: str) -> bool:
        row = self.review_model.row_of(key)
        if row is None:
            return False
        self.review_table.selectionModel().select(
            self.review_model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        return True

    def _review_selected(self) -> None:
        line = self._selected_review()
        self._show_review_detail(line)
        if line is not None and not self._restoring:
            self.review_status.setCurrentIndex(max(0, self.review_status.findData(line.status)))

    def _show_review_detail(self, line: ActionLine | None) -> None:
        """What the narrow table leaves out, for the selected action: due date, where agreed, latest update."""
        if line is None:
            self.review_detail.setText("Choose an action in the list to record what became of it.")
            return
        due = f"due {day_text(line.due)}{' (overdue)' if line.overdue else ''}" if line.due else "no due date"
        owner = line.owner or "no owner"
        latest = line.updates[-1].summary if line.updates else "no update yet"
        self.review_detail.setText(f"{line.key}: {owner}, {due}; agreed at {line.agreed}.\nLatest: {latest}.")

    def record_update(self) -> None:
        line = self._selected_review()
        if line is None:
            self.message.setText("Choose an action in the list first.")
            return
        status = self.review_status.currentData()
        payload: dict[str, Any] = {"action": line.key, "status": status}
        note = self.review_note.text().strip()
        if note:
            payload["note"] = note
        if self._command("action_update", **payload):
            self.review_note.clear()
            self.message.setText(f"{line.key} is now {STATUS_LABELS[status].lower()}.")
