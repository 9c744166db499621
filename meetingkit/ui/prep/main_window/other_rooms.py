"""Opening the other rooms from the main window: the chair's console (to run a meeting, or resume one after a
crash), the participation review, the minutes, the series overview, the action register, the people directory.

Their windows are imported only when asked for, so the main window works on its own even when one of them is
missing; each is kept alive while it is shown.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtWidgets import QTreeView, QWidget

from meetingkit.clock import Clock
from meetingkit.models.meeting import DomainError
from meetingkit.store.database import StoreError
from meetingkit.store.repository import Store
from meetingkit.store.writer_locks import LockHolder, LockRefused
from meetingkit.ui.prep.main_window.questions import ask_resume, ask_take_over, keep_turn_question, warn
from meetingkit.ui.prep.meeting_list_model import MeetingListModel

if TYPE_CHECKING:
    from meetingkit.store.live_session import LiveSession


class OtherRooms:
    """Mixed into MainWindow (a QMainWindow): uses its store, clock and list (`selected_row`, `refresh`,
    `select_meeting`), and keeps the consoles and windows it opened."""

    store: Store
    clock: Clock
    model: MeetingListModel
    tree: QTreeView
    consoles: dict[int, QWidget]  # by meeting id
    minutes_windows: dict[int, QWidget]  # the secretary's Minutes windows, by meeting id
    windows: list[QWidget]  # open child windows, kept alive while shown

    # ---- running ----------------------------------------------------------------------------------------

    def run_selected(self) -> QWidget | None:
        row = self.selected_row()
        if row is None:
            return None
        return self.run_meeting(row.id)

    def run_meeting(self, meeting_id: int) -> QWidget | None:
        """Open the chair's console on a draft (to start it) or a running meeting (to carry on)."""
        if meeting_id in self.consoles:
            console = self.consoles[meeting_id]
            console.show()
            console.raise_()
            console.activateWindow()
            return console
        try:
            status = self.store.meeting_status(meeting_id)
        except StoreError as exc:
            warn(self, "Meeting", str(exc))
            return None
        if status == "ended":
            warn(
                self,
                "Meeting has ended",
                "This meeting has ended; its record can be reviewed, not run again.",
            )
            return None
        opened = self._open_live(meeting_id, "Meeting cannot be opened")
        return self._show_console(*opened) if opened else None

    def _open_live(self, meeting_id: int, failure_title: str) -> tuple[type, LiveSession] | None:
        """The console class and the meeting's live session, or None once the chair has been told why not."""
        console_class = self._window_class(
            "meetingkit.ui.console.console_window", "ConsoleWindow", "The chair's console"
        )
        if console_class is None:
            return None
        try:
            session = self.store.open_live(meeting_id, self.clock)
            self._become_writer(session)
        except (StoreError, DomainError) as exc:
            warn(self, failure_title, str(exc))
            return None
        return console_class, session

    def _become_writer(
        self,
        session: LiveSession,
        close_words: str = "Close that console to run it here.",
        verb: str = "running",
    ) -> None:
        """Take the meeting's writer lock; if another window or program holds it, open read-only and say who.
        A holder that stopped answering is replaced only once the chair agrees (DESIGN §4)."""
        mid = session.meeting_id
        altered = self.store.altered(mid)
        if altered:
            session.open_read_only(
                f"Read-only: {altered}. Its record is kept as it is; nothing more is added."
            )
            return
        try:
            session.take_lock()
            return
        except LockRefused as exc:
            holder = exc.holder
        # A process gone on this computer crashed: running or resuming the meeting (the chair's own choice) takes
        # it over. One that only went quiet (another computer, or hung) is taken over once the chair agrees.
        if holder.is_dead and (holder.process_gone or self.ask_take_over(session.live.meeting.title, holder)):
            try:
                session.take_lock(take_over=holder)
                return
            except LockRefused as again:
                holder = again.holder
        session.open_read_only(f"Read-only: this meeting is {holder.words(verb=verb)}. {close_words}")

    def ask_take_over(self, title: str, holder: LockHolder) -> bool:
        return ask_take_over(self, title, holder)

    def _show_console(self, console_class: type, session: LiveSession) -> QWidget:
        from meetingkit.ui.common.live_bridge import LiveBridge

        bridge = LiveBridge(session)
        console = console_class(bridge, self.store, parent=self)
        bridge.setParent(console)  # the bridge (and its repaint timer) lives exactly as long as the console
        bridge.changed.connect(self._live_changed)
        mid = session.meeting_id
        self.consoles[mid] = console
        console.destroyed.connect(lambda *_: self._console_closed(mid))
        self._show(console)
        return console

    def _console_closed(self, meeting_id: int) -> None:
        self.consoles.pop(meeting_id, None)
        # Consoles are children of this window: when it is itself being torn down, there is no list to refresh.
        if shiboken6.isValid(self.tree) and shiboken6.isValid(self.model):
            self.refresh()

    def _live_changed(self, event: Any) -> None:
        if getattr(event, "type", None) in ("start_meeting", "end_meeting"):
            self.refresh()

    def offer_resume(self) -> None:
        """On start: a meeting still running (the app was closed or killed) is offered for resuming."""
        for meeting_id in self.store.running_meetings():
            if meeting_id in self.consoles or self.store.live_writer(meeting_id) is not None:
                continue  # its console is open, here or in another program: it did not stop when we closed
            try:
                title = self.store.load_meeting(meeting_id).title
            except StoreError:
                continue
            if ask_resume(self, title):
                self.resume_meeting(meeting_id)

    def resume_meeting(self, meeting_id: int) -> QWidget | None:
        opened = self._open_live(meeting_id, "Meeting cannot be resumed")
        if opened is None:
            return None
        console_class, session = opened
        if session.live.turn is not None and not session.read_only and not self.ask_keep_turn(session):
            session.close_open_turns_at_last_event()
        self.select_meeting(meeting_id)
        return self._show_console(console_class, session)

    def ask_keep_turn(self, session: LiveSession) -> bool:
        """An open turn after a crash: True to keep timing it, False to close it at the last event."""
        return keep_turn_question(self, session)

    # ---- the other windows ------------------------------------------------------------------------------

    def review_selected(self) -> QWidget | None:
        row = self.selected_row()
        cls = self._window_class(
            "meetingkit.ui.review.review_window", "ReviewWindow", "The participation review"
        )
        if row is None or cls is None:
            return None
        return self._show(cls(self.store, row.id, parent=self))

    def minutes_selected(self) -> QWidget | None:
        row = self.selected_row()
        cls = self._window_class(
            "meetingkit.ui.minutes.minutes_preview", "MinutesPreviewDialog", "The minutes preview"
        )
        if row is None or cls is None:
            return None
        return self._show(cls(self.store, row.id, parent=self))

    def minutes_record_selected(self) -> QWidget | None:
        row = self.selected_row()
        return self.open_minutes_window(row.id) if row is not None else None

    def open_minutes_window(self, meeting_id: int) -> QWidget | None:
        """The secretary's Minutes window for an ended meeting: one per meeting in this program (asked again, the
        open one comes forward), holding the meeting's writer lock while open."""
        window = self.minutes_windows.get(meeting_id)
        if window is not None and window.isVisible():  # (one just closed waits to be deleted: a new one)
            window.show()
            window.raise_()
            window.activateWindow()
            return window
        cls = self._window_class(
            "meetingkit.ui.minutes.minutes_window", "MinutesWindow", "The Minutes window"
        )
        if cls is None:
            return None
        try:
            if self.store.meeting_status(meeting_id) != "ended":
                warn(
                    self,
                    "Meeting has not ended",
                    "The minutes are corrected here once the meeting has ended; until then the secretary "
                    "takes notes in the chair's console.",
                )
                return None
            session = self.store.open_live(meeting_id, self.clock)
            self._become_writer(session, "Close the minutes there to correct them here.", "open")
        except (StoreError, DomainError) as exc:
            warn(self, "Minutes cannot be opened", str(exc))
            return None
        from meetingkit.ui.common.live_bridge import LiveBridge

        bridge = LiveBridge(session)
        window = cls(bridge, self.store, parent=self, plan_next=self.plan_next_after)
        bridge.setParent(
            window
        )  # the bridge (its heartbeat and the lock) lives exactly as long as the window
        self.minutes_windows[meeting_id] = window
        window.destroyed.connect(lambda *_: self._minutes_closed(meeting_id, window))
        return self._show(window)

    def _minutes_closed(self, meeting_id: int, window: QWidget) -> None:
        if self.minutes_windows.get(meeting_id) is window:  # not the one opened since, for the same meeting
            del self.minutes_windows[meeting_id]

    def plan_next_after(self, meeting_id: int) -> None:
        """From the Minutes window: arrange the next meeting of the series (Duplicate as next), or, when one is
        planned already and has not started, open it to change its date."""
        found = self.store.next_meeting(meeting_id)
        self.select_meeting(found[0] if found else meeting_id)
        if found is None:
            self.duplicate_selected()
        elif self.store.meeting_status(found[0]) == "draft":
            self.edit_selected()
        else:
            warn(
                self,
                "Next meeting",
                "The next meeting of this series has started: its date is part of its record.",
            )

    def series_selected(self) -> QWidget | None:
        series = self.model.series_at(self.tree.currentIndex())
        cls = self._window_class("meetingkit.ui.review.series_view", "SeriesWindow", "The series overview")
        if not series or cls is None:
            return None
        return self._show(cls(self.store, series, parent=self))

    def open_action_register(self) -> QWidget | None:
        cls = self._window_class(
            "meetingkit.ui.minutes.action_register", "ActionRegisterWindow", "The action register"
        )
        if cls is None:
            return None
        return self._show(cls(self.store, self.clock, parent=self))

    def open_people_directory(self) -> QWidget | None:
        cls = self._window_class(
            "meetingkit.ui.prep.people_directory", "PeopleDirectoryWindow", "The people directory"
        )
        if cls is None:
            return None
        window = cls(self.store, parent=self, blocked=self._consoles_open_reason)
        window.person_deleted.connect(lambda *_: self.refresh())
        return self._show(window)

    def _consoles_open_reason(self) -> str | None:
        """A console holds its meeting's names in memory and would write them back: deleting waits for it."""
        if not self.consoles:
            return None
        return (
            "A meeting's console is open: close it before deleting a person, so that no name is written back."
        )

    def _window_class(self, module: str, name: str, what: str) -> type | None:
        """Import a window only when it is wanted; if it cannot be loaded, say so and carry on."""
        try:
            return getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError) as exc:
            warn(self, "Not available", f"{what} could not be opened: {exc}")
            return None

    def _show(self, window: QWidget) -> QWidget:
        from PySide6.QtCore import Qt  # not needed to open the app (see ui/common/qt_properties)

        if not window.isWindow():
            window.setWindowFlag(Qt.WindowType.Window, True)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.windows.append(window)
        window.destroyed.connect(lambda *_: self._forget(window))
        window.show()
        window.raise_()
        return window

    def _forget(self, window: QWidget) -> None:
        self.windows = [w for w in self.windows if w is not window]
