"""What the chair's buttons and keys do: each is one command to the engine through the bridge, or a move of
the keyboard focus. A mixin of the console window, which provides the widgets named below."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QSplitter, QWidget

from meetingkit.models.meeting import DomainError
from meetingkit.models.queue_order import next_in_queue
from meetingkit.store.database import StoreError
from meetingkit.store.repository import Store
from meetingkit.ui.common.announce import announce
from meetingkit.ui.common.live_bridge import LiveBridge
from meetingkit.ui.console.attendee_buttons import AttendeeBoard
from meetingkit.ui.console.break_question import BreakQuestion
from meetingkit.ui.console.display_tools import DisplayTools
from meetingkit.ui.console.end_question import EndQuestion
from meetingkit.ui.console.queue_panel import QueuePanel
from meetingkit.ui.console.rebalance_offer import RebalancePanel
from meetingkit.ui.console.side_panels import SidePanels
from meetingkit.ui.console.spoken_timers import speaker_words
from meetingkit.ui.console.start_day import MoveToTodayBar
from meetingkit.ui.console.status_line import StatusLine

EXTEND_S = 60
RUNNING_ORDER_LEAST_PX = 360


class ChairCommands:
    """The console's commands, kept apart from how the console is built and repainted."""

    bridge: LiveBridge
    attendees: AttendeeBoard
    queue_panel: QueuePanel
    rebalance_panel: RebalancePanel
    end_bar: EndQuestion
    move_bar: MoveToTodayBar
    store: Store
    status: StatusLine
    start_meeting_button: QPushButton
    break_question: BreakQuestion
    confirm_end_button: QPushButton
    display_tools: DisplayTools
    side_tabs: SidePanels
    split: QSplitter
    speaker_button: QPushButton

    def side_width(self, total: int) -> int: ...

    # ---- choosing people -------------------------------------------------------------------------------

    def chosen_person(self) -> tuple[str, str] | None:
        """Who Space and I act on: the person whose button has the focus, else the first in the queue."""
        key = self.attendees.focused_key()
        if key:
            return key, "focused"
        live = self.bridge.live
        key = next_in_queue(live)
        if key is None:
            return None
        return key, "first in the queue" if key == live.queue[0] else "next: not yet heard on this item"

    # ---- commands ---------------------------------------------------------------------------------------

    def start_meeting(self) -> None:
        if self.bridge.command("start_meeting") is not None:
            self.focus_home()
        elif self.move_bar.isVisible():
            self.move_bar.move_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def move_to_today(self) -> None:
        """Move a meeting planned for another day to today (a change to its plan, saved before the start)."""
        live = self.bridge.live
        when = self.move_bar.proposed
        if when is None or live.status != "ready":
            return
        mid = self.bridge.session.meeting_id
        try:
            meeting = self.store.load_meeting(mid)
            meeting.scheduled_start = when
            self.store.update_meeting(mid, meeting, self.bridge.session.lock_token)  # its own lock
            live.replan_start(when)
        except (DomainError, StoreError) as exc:
            self.bridge.refused.emit(f"The meeting could not be moved to today: {exc}")
            return
        self.status.done(
            f"meeting moved to today, {when.strftime('%H:%M')}: Start meeting (Enter) when ready"
        )
        self.refresh()
        self.start_meeting_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def give_floor(self, key: str) -> None:
        # The engine takes a speaker out of the queue as their turn starts.
        self.bridge.command("speak", who=key)

    def toggle_speaker(self) -> None:
        live = self.bridge.live
        focused = self.attendees.focused_key()
        if focused is not None and focused != live.speaker:
            # On a person's button Space gives that person the floor (F1 says so), whoever is speaking.
            self.give_floor(focused)
            return
        if live.turn is not None:
            self.bridge.command("stop_speaking")
            return
        chosen = self.chosen_person()
        if chosen is None:
            self.bridge.refused.emit("Nobody is chosen: add someone to the queue (Q) or Tab to their button")
            return
        self.give_floor(chosen[0])

    def next_speaker(self) -> None:
        key = next_in_queue(self.bridge.live)  # unheard first, when the meeting says so (DESIGN §3)
        if key is None:
            self.bridge.refused.emit(
                "The queue is empty: add someone (Q) or give the floor from their button"
            )
            return
        self.give_floor(key)

    def interject(self) -> None:
        chosen = self.chosen_person()
        if chosen is None:
            self.bridge.refused.emit(
                "Choose who interjects: Tab to their button, or queue them (Q), then press I"
            )
            return
        self.interject_by(chosen[0])

    def interject_by(self, key: str) -> None:
        self.bridge.command("interject", who=key)

    def extend(self) -> None:
        self.bridge.command("extend", seconds=EXTEND_S)

    def toggle_pause(self) -> None:
        self.bridge.command("resume" if self.bridge.live.paused else "pause")

    def next_item(self) -> None:
        self.bridge.command("next_item")

    # ---- the feedback break: B starts it, Shift+B ends it; never one key for both -------------------------

    def start_break(self) -> None:
        live = self.bridge.live
        if live.brk.status == "running":
            self.bridge.refused.emit("The feedback break is under way: Shift+B ends it")
            return
        question = live.start_break_question()
        if question is None:
            self.bridge.command("start_break")
            return
        self.break_question.ask(question, "Start the break now", lambda: self.bridge.command("start_break"))

    def end_break(self) -> None:
        question = self.bridge.live.end_break_question()
        if question is None:
            self.bridge.command("end_break")  # refused, with the engine's words, if no break is under way
            return
        self.break_question.ask(question, "End the break now", lambda: self.bridge.command("end_break"))

    def undo(self) -> None:
        """Cancel the latest live command not yet cancelled; the status line says what was undone."""
        words = self.bridge.live.undo_words() if self.bridge.live.status == "running" else None
        if words is None:
            self.bridge.refused.emit("There is nothing to undo")
            return
        if self.bridge.command("undo") is not None:
            self.status.show_text(f"Undone: {words}", "ok")

    def open_message(self) -> None:
        self.display_tools.open_bar()

    def toggle_blackout(self) -> None:
        self.display_tools.toggle_blackout()

    def show_running_order(self) -> None:
        """The running order's tab beside the timers; opened out again if the chair had folded it away."""
        tabs = self.side_tabs
        tabs.setCurrentWidget(tabs.panels["Running order"])
        sizes = self.split.sizes()
        if sizes[1] == 0:
            total = sum(sizes)
            # On a window sized to a small screen the side panels' share can be nothing; asked for, the
            # running order still gets room (the chair's column scrolls rather than hiding it).
            side = max(self.side_width(total), min(total // 2, RUNNING_ORDER_LEAST_PX))
            self.split.setSizes([total - side, side])

    def focus_queue(self) -> None:
        self.remember_focus()
        self.queue_panel.focus_search()

    def focus_rebalance(self) -> None:
        if self.rebalance_panel.isVisible():
            self.remember_focus()
            self.rebalance_panel.accept_button.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self.bridge.refused.emit("No new timings are proposed: the meeting is not running over")

    def ask_end(self) -> None:
        if not self.end_bar.isVisible():
            self.remember_focus()
        self.end_bar.ask(break_to_come=self.bridge.live.break_to_come)
        announce(self.end_bar, self.end_bar.question())

    def cancel_end(self) -> None:
        self.return_focus()  # first: hiding the bar with the focus in it would move it on to the queue
        self.end_bar.hide()

    def end_meeting(self) -> None:
        """End the meeting; with the break still to come, skip it first with the reason the chair gave in
        the same question (the engine refuses an end that would drop the break without one)."""
        if self.bridge.live.break_to_come:
            if not self.end_bar.isVisible() or not self.end_bar.break_to_come:
                self.ask_end()
                return
            if self.bridge.command("skip_break", reason=self.end_bar.reason.text()) is None:
                self.end_bar.reason.setFocus(Qt.FocusReason.OtherFocusReason)
                return
            self.end_bar.reason.clear()
        self.bridge.command("end_meeting")

    def hold_break_instead(self) -> None:
        self.end_bar.hide()
        self.focus_home()
        self.start_break()

    def focus_home(self) -> None:
        """Where the keyboard rests while the meeting runs: the speaker button ("Start speaker" / "Stop
        speaker"), which says what Space does there and takes no letter, so every one-key shortcut works."""
        self.speaker_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- where the keyboard goes back to -----------------------------------------------------------------

    _return_to: QWidget | None = None

    def remember_focus(self) -> None:
        """Before a key moves the focus away (Q, R, the end question): where Escape brings it back."""
        focus = QApplication.focusWidget()
        self._return_to = focus if focus is not None and focus.window() is self else None

    def return_focus(self) -> None:
        """Escape: back to where the keyboard was before the jump, if it can still take it; else home."""
        back, self._return_to = self._return_to, None
        usable = back is not None and shiboken6.isValid(back) and back.isVisible() and back.isEnabled()
        if usable and back is not None and back.focusPolicy() & Qt.FocusPolicy.TabFocus:
            back.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.focus_home()

    # ---- on demand, for a screen reader ------------------------------------------------------------------

    def say_time(self) -> None:
        """T: who has the floor, their time and state, and the item's time, said once (never every second)."""
        live = self.bridge.live
        announce(self, speaker_words(live, live.now()))
