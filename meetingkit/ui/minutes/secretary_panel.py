"""The secretary's side of the live meeting, assembled from its parts: the item being minuted, the feedback
break's form, the actions review, notes (saved as you type), a decision, an action, and what has been
recorded so far. Every record goes through the bridge (see recorder.py)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QFont, QHideEvent
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QVBoxLayout, QWidget

from meetingkit.models.meeting import KIND_LABELS
from meetingkit.models.session import Event, LiveMeeting
from meetingkit.store.repository import Store
from meetingkit.ui.common.accessibility import ValueLabel
from meetingkit.ui.common.actions_model import ActionLine
from meetingkit.ui.common.live_bridge import LiveBridge
from meetingkit.ui.minutes.action_form import ActionForm
from meetingkit.ui.minutes.actions_review import ActionsReviewBox
from meetingkit.ui.minutes.approval_box import ApprovalBox
from meetingkit.ui.minutes.decision_box import DecisionBox
from meetingkit.ui.minutes.declaration_box import DeclarationBox
from meetingkit.ui.minutes.feedback_box import FeedbackBox
from meetingkit.ui.minutes.form_layout import wheel_scrolls_the_panel
from meetingkit.ui.minutes.notes_box import NotesBox
from meetingkit.ui.minutes.recorded_so_far import RecordedSoFar
from meetingkit.ui.minutes.recorder import Recorder
from meetingkit.ui.minutes.show_of_hands import ShowOfHandsBox, show_of_hands_wanted


class SecretaryPanel(QWidget):
    """Follows the meeting through `bridge.changed`: the current item's notes, the break's feedback form, and
    the actions review list when the current item reviews actions. Every record goes through the bridge.

    The parts' fields are also reachable under their names on the panel (`notes_edit`, `action_text`, ...).
    """

    def __init__(self, bridge: LiveBridge, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.store = store
        self.message = ValueLabel()  # named "Secretary message"; its words are its value
        self.recorder = Recorder(bridge, self.message)
        self._build()
        bridge.changed.connect(self._on_changed)
        # Whatever the chair does next (end the meeting, next item), the note typed a moment ago is saved first.
        bridge.before_command.connect(self.notes.save_before_command)
        bridge.refused.connect(self.recorder.remember_refusal)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.save_note)
        self.notes.switch(self.recorder.place())
        self.action_form.reset_due()
        self._refresh()

    @property
    def live(self) -> LiveMeeting:
        return self.bridge.live

    # ---- layout -----------------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setAccessibleName("Notes and actions")
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop of its own: the fields inside are
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)  # a side panel: its width goes to the fields, not the frame
        wheel_scrolls_the_panel(
            body
        )  # scrolling the panel never changes an Owner or a due date under the mouse

        self.now_label = ValueLabel()
        self.now_label.setAccessibleName("Item being minuted")  # the console's "Current item" is the chair's
        self.now_label.setTextFormat(Qt.TextFormat.PlainText)
        self.now_label.setWordWrap(True)
        font = QFont(self.now_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.now_label.setFont(font)
        self.now_detail = ValueLabel()
        self.now_detail.setAccessibleName("Current item details")
        self.now_detail.setTextFormat(Qt.TextFormat.PlainText)
        self.now_detail.setWordWrap(True)
        layout.addWidget(self.now_label)
        layout.addWidget(self.now_detail)

        self.feedback_box = FeedbackBox(self.recorder)
        self.feedback_box.make_action.connect(self.make_action_from)
        self.review_box = ActionsReviewBox(self.recorder, self.store)
        self.approval_box = ApprovalBox(self.recorder, self.store)
        self.notes = NotesBox(self.recorder)
        self.notes.saved.connect(self._show_so_far)
        self.decision_box = DecisionBox(self.recorder)
        self.action_form = ActionForm(self.recorder)
        self.declaration_box = DeclarationBox(self.recorder, folded=True)
        # Unfolded at the foot of a scrolled column: brought into view, with the message line under it.
        self.declaration_box.open_button.toggled.connect(self._show_declaration)
        layout.addWidget(self.feedback_box)
        layout.addWidget(self.approval_box)
        layout.addWidget(self.review_box, 1)
        layout.addWidget(self.notes, 1)
        layout.addWidget(self.decision_box)
        layout.addWidget(self.action_form)
        layout.addWidget(self.declaration_box)
        self.hands = ShowOfHandsBox(self.recorder)  # were you heard? (DESIGN §11), when no devices answer
        layout.addWidget(self.hands)
        self._name_fields()

        self.so_far = RecordedSoFar(self.recorder.name)
        layout.addWidget(self.so_far)

        self.message.setAccessibleName("Secretary message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

    def _name_fields(self) -> None:
        """The parts' fields under the names the panel has always given them (tests and the console use them)."""
        notes, decision, action = self.notes, self.decision_box, self.action_form
        feedback, review = self.feedback_box, self.review_box
        self.notes_edit, self.note_status, self.note_timer = notes.edit, notes.status, notes.timer
        self.decision_edit, self.decision_button = decision.edit, decision.button
        self.action_text, self.action_owner, self.action_button = action.text, action.owner, action.button
        self.action_has_due, self.action_due, self.action_source = action.has_due, action.due, action.source
        self.linked_label, self.unlink_button, self.link_row = (
            action.linked_label,
            action.unlink_button,
            action.link_row,
        )
        self.feedback_who, self.feedback_text, self.feedback_button = (
            feedback.who,
            feedback.text,
            feedback.button,
        )
        self.review_model, self.review_table, self.review_detail = review.model, review.table, review.detail
        self.declaration_who, self.declaration_text = self.declaration_box.who, self.declaration_box.text
        self.review_status, self.review_note, self.review_button = review.status, review.note, review.button

    # ---- following the meeting --------------------------------------------------------------------------

    def _on_changed(self, event: Event | None = None) -> None:
        rec = self.recorder
        if rec.busy:
            return
        rec.busy = True
        try:
            place = rec.place()
            if place != self.notes.place:
                # The text typed so far belongs to the item just left: save it there before the editor moves on.
                self.notes.save()
                self.notes.switch(place)
                self.message.clear()  # "Action M2-2 added." was about the item just left
            self._refresh()
        finally:
            rec.busy = False

    def _refresh(self) -> None:
        live = self.live
        self._show_now()
        in_break = live.brk.status == "running"
        kind = self.live.meeting.item(live.current).kind if live.current and not in_break else None
        self.feedback_box.setVisible(in_break)
        self.review_box.setVisible(kind == "actions_review")
        # The previous minutes are approved under matters arising (the actions reviewed), as a rule first.
        self.approval_box.setVisible(kind == "actions_review")
        ended = live.status == "ended"
        self.notes.show_ended(ended)
        # Once the meeting has ended nothing more can be recorded, so no field should look as if it could
        # (a declaration missed in the room is added in the Minutes window, which corrects the record).
        parts = (
            self.decision_box,
            self.action_form,
            self.feedback_box,
            self.review_box,
            self.declaration_box,
        )
        for part in parts:
            for w in part.inputs():
                w.setEnabled(not ended)
        if ended:
            self.action_due.setEnabled(False)
            self.message.clear()
        self.hands.setVisible(
            show_of_hands_wanted(live)
        )  # open after the end too, while the minutes are draft
        self.hands.show_result()
        self.action_form.fill_people(live.meeting.people)
        self.feedback_box.fill_people()
        if in_break:
            self.feedback_box.show_feedback()
        if kind == "actions_review":
            self.review_box.show_review()
            self.approval_box.show_state()
        self.declaration_box.fill()
        self._show_so_far()
        self.notes.show_status()

    def _show_now(self) -> None:
        live = self.live
        agenda = live.meeting.agenda
        if live.status == "ended":
            self.now_label.setText("The meeting has ended")
            self.now_detail.setText(
                "Notes can no longer be added here. To correct the record, use Correct minutes… in the "
                "meeting list; issue the minutes from there too."
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

    def _show_declaration(self, shown: bool) -> None:
        if shown:  # once the unfolded form has its place in the column (the next turn of the event loop)
            QTimer.singleShot(0, self._scroll_to_declaration)

    def _scroll_to_declaration(self) -> None:
        self.scroll.ensureWidgetVisible(self.message)
        self.scroll.ensureWidgetVisible(self.declaration_box.who)

    def _show_so_far(self) -> None:
        self.so_far.show_for(self.live, self.notes.place)

    # ---- what the console, the window and the tests call --------------------------------------------------

    def set_note_delay(self, ms: int) -> None:
        """How long after the last keystroke a note is saved (tests set 0)."""
        self.notes.set_delay(ms)

    def note_is_saved(self) -> bool:
        return self.notes.is_saved()

    def save_note(self) -> None:
        self.notes.save()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        self.save_note()  # the window closing, or the secretary switching tab
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.save_note()
        super().closeEvent(event)

    def add_action(self) -> None:
        self.action_form.add()

    def make_action_from(self, feedback_idx: int) -> None:
        """Fill the action form from a piece of feedback; 'Add action' then records it, linked to the feedback."""
        self.action_form.fill_from_feedback(feedback_idx)

    def select_review(self, key: str) -> bool:
        return self.review_box.select(key)

    def _selected_review(self) -> ActionLine | None:
        return self.review_box.selected()

    def record_update(self) -> None:
        self.review_box.record()

    def _today(self) -> date:
        return self.recorder.today()
