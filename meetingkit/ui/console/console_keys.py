"""The chair's keyboard on the console: the one-key shortcuts, which act only where the focused control has
no use for the key (a focused button keeps Space and Enter), Escape out of a text field or back to where
the keyboard was, and Enter on any focused button. A mixin of the console window."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QApplication, QPushButton, QWidget

from meetingkit.ui.common.live_bridge import LiveBridge
from meetingkit.ui.console.shortcuts import SHORTCUTS, Shortcut, focus_takes_key, typing_in_text_field


class ConsoleKeys:
    """The console's key handling, kept apart from how it is built; the window (with ChairCommands) provides
    the widgets and commands named here."""

    bridge: LiveBridge
    shortcuts: list[QShortcut]
    start_meeting_button: QPushButton
    _return_to: QWidget | None

    def _bind_shortcuts(self) -> None:
        for s in SHORTCUTS:
            sc = QShortcut(QKeySequence(s.keys), self)
            sc.setContext(Qt.ShortcutContext.WindowShortcut)
            sc.activated.connect(lambda s=s: self._shortcut(s))
            self.shortcuts.append(sc)

    def _shortcut(self, s: Shortcut) -> None:
        # Text fields take their own keys first; this check also covers fields that do not (spin boxes).
        if not s.always and typing_in_text_field():
            return
        if s.always or s.any_status:
            getattr(self, s.method)()
            return
        if self.bridge.live.status == "ended":
            return
        if self.bridge.live.status == "ready":
            self.bridge.refused.emit("The meeting has not started yet: Start meeting (Enter) first")
            return
        getattr(self, s.method)()

    def event(self, event: QEvent) -> bool:
        # Before a shortcut fires, Qt asks the focused widget (and its parents, up to here) whether it wants
        # the key itself: a focused button keeps Space and Enter, so Space presses "Record decision" rather
        # than stopping the speaker. The one-key shortcuts act everywhere else.
        override = event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
        if override and focus_takes_key(event):  # type: ignore[arg-type]
            event.accept()
            return True
        return super().event(event)

    def leave_text_field(self) -> None:
        """Escape in a text field (notes, decision, action, feedback, a skip reason): back to the console's
        controls, so the single-key shortcuts work again. What was typed stays (notes save on leaving)."""
        status = self.bridge.live.status
        if status == "running":
            self.return_focus()
        elif status == "ready":
            self.start_meeting_button.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        # Text fields pass Escape on (they have no use for it), so it arrives here from any of them.
        if event.key() == Qt.Key.Key_Escape and typing_in_text_field():
            self.leave_text_field()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape and self._return_to is not None:
            self.return_focus()  # after R (the new timings): back to where the keyboard was
            event.accept()
            return
        # Enter on a focused button that does not press itself on Enter (outside a dialog only "auto
        # default" buttons do; +Q is a tool button) arrives here: press it, as Space would.
        focus = QApplication.focusWidget()
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and isinstance(focus, QAbstractButton) and focus.isEnabled() and focus.window() is self:
            focus.animateClick()
            event.accept()
            return
        super().keyPressEvent(event)
