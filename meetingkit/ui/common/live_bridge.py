"""The one Qt object between a live meeting and every view: commands go in, events and repaint ticks come out."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from meetingkit.models.meeting import DomainError
from meetingkit.models.session import Event, LiveMeeting
from meetingkit.store.live_session import LiveSession
from meetingkit.store.writer_locks import HEARTBEAT_S

REPAINT_MS = 100


class LiveBridge(QObject):
    """Re-emits the engine's events to all views.

    `tick` only asks for a repaint: views read the time from the engine (deadline minus the monotonic clock)
    each time, so a stalled GUI thread never leaves a timer behind.
    """

    before_command = Signal(str)  # a command is about to be applied: views save what they hold (a typed note)
    changed = Signal(object)  # the Event just committed
    refused = Signal(str)  # a command the engine turned down, in words for the chair
    tick = Signal()
    clock_gap = Signal(float)  # seconds the machine slept (wall clock ran ahead of monotonic time)
    save_problem = Signal(str)  # empty string: saving works again
    read_only = Signal(str)  # this console may not write: another window or program holds the meeting

    def __init__(self, session: LiveSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(REPAINT_MS)
        self._timer.timeout.connect(self._on_tick)
        self._timer.start()
        self._save_error: str | None = None
        self._depth = 0
        self._last_beat = session.live.clock.monotonic()

    @property
    def live(self) -> LiveMeeting:
        return self.session.live

    def command(self, type_: str, **payload: Any) -> Event | None:
        """Apply a command; returns its event once committed, or None if the engine refused it."""
        self._depth += 1
        try:
            if self._depth == 1:  # commands issued while saving (the note itself) do not ask again
                self.before_command.emit(type_)
            event = self.session.apply(type_, payload or None)
        except DomainError as exc:
            self.refused.emit(str(exc))
            return None
        finally:
            self._depth -= 1
        self._report_saving()
        self.changed.emit(event)
        return event

    def save_again(self) -> bool:
        """Try now to write what is waiting (the chair asked); True when everything is saved."""
        saved = self.session.flush()
        self._report_saving()
        return saved

    def _report_saving(self) -> None:
        error = self.session.write_error
        if error != self._save_error:
            self._save_error = error
            self.save_problem.emit(error or "")

    def _on_tick(self) -> None:
        now = self.live.clock.monotonic()
        if now - self._last_beat >= HEARTBEAT_S and self.session.lock_token:
            self._last_beat = now
            if not self.session.heartbeat():
                self.read_only.emit(self.session.read_only or "")
        gap = self.live.check_clock()
        if gap:
            self.clock_gap.emit(gap)
        if self.session.pending:
            self.session.flush()
            self._report_saving()
        self.tick.emit()

    def stop(self) -> None:
        """The console closes: no more repaints, and the meeting's writer lock is given back."""
        self._timer.stop()
        self.session.release()
