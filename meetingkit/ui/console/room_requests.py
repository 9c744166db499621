"""Requests to speak from the room, under the chair's queue: each with Accept (into the queue) and Decline."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from meetingkit.room.server import RoomServer
from meetingkit.ui.common.accessibility import ValueLabel
from meetingkit.ui.common.live_bridge import LiveBridge
from meetingkit.ui.common.palette import banner_sheet, pixel_font


class RoomRequests(QFrame):
    """Hidden while nobody asks. A request is not in the queue, nor in the meeting record, until accepted."""

    def __init__(self, bridge: LiveBridge, server: RoomServer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.server = server
        self.setAccessibleName("Requests to speak from the room")
        self.title = QLabel()
        self.title.setFont(pixel_font(18, bold=True))
        self.title.setWordWrap(True)  # the queue's column is narrow on a laptop: wrap rather than widen it
        self.rows = QVBoxLayout()
        self.rows.setSpacing(4)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 8)
        lay.addWidget(self.title)
        lay.addLayout(self.rows)
        self.setObjectName("roomRequests")
        # The frame only: the buttons keep their own look (a style sheet on the whole widget would flatten them).
        self.setStyleSheet(
            f"#roomRequests {{ {banner_sheet('prompt')} }} #roomRequests QLabel {{ background: transparent; }}"
        )
        self._rows: dict[str, QWidget] = {}
        server.requests_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Rows come and go one by one, so the Accept or Decline the chair has tabbed to keeps its focus."""
        requests = self.server.open_requests()
        wanted = {r.id for r in requests}
        for request_id in [i for i in self._rows if i not in wanted]:
            self._rows.pop(request_id).deleteLater()
        for request in requests:
            if request.id not in self._rows:
                self._rows[request.id] = self._row(request.id, request.who, request.name)
                self.rows.addWidget(self._rows[request.id])
        self.setVisible(bool(requests))
        self.title.setText(f"Asking to speak from the room ({len(requests)}), not yet queued")

    def _row(self, request_id: str, who: str, name: str) -> QWidget:
        row = QWidget()
        lay = QHBoxLayout(row)
        lay.setContentsMargins(0, 0, 0, 0)
        voice = self.bridge.live.meeting.person(who).is_public_voice
        shown = f"{name} (public voice)" if voice else name
        label = ValueLabel(f"Request: {shown}")
        label.setFont(pixel_font(17))
        label.setWordWrap(True)
        label.setAccessibleName(f"Request to speak from {shown}")
        lay.addWidget(label, 1)
        for text, name_of, slot in (
            ("Accept", f"Accept request from {name}", lambda: self.accept(request_id)),
            ("Decline", f"Decline request from {name}", lambda: self.server.decline(request_id)),
        ):
            button = QPushButton(text)
            button.setAccessibleName(name_of)
            button.setFont(pixel_font(16, bold=True))
            button.setAutoDefault(True)
            button.clicked.connect(lambda _=False, slot=slot: slot())
            lay.addWidget(button)
        return row

    def accept(self, request_id: str) -> bool:
        """Into the queue by the console's own `queue` command; if the engine refuses, the chair is told why."""
        return self.server.accept(request_id, lambda who: self.bridge.command("queue", who=who) is not None)
