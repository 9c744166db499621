"""'Share with the room…': the chair turns the room view on and off, and gives the room its link and QR code."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from meetingkit.room.addresses import share_addresses
from meetingkit.room.qr import qr_png
from meetingkit.room.server import DEFAULT_PORT, RoomError, RoomServer
from meetingkit.ui.common.accessibility import ValueLabel
from meetingkit.ui.common.live_bridge import LiveBridge
from meetingkit.ui.common.palette import banner_sheet, pixel_font
from meetingkit.ui.console.room_requests import RoomRequests

QR_SCALE = 6  # pixels per module: a 300 px code a phone reads from across a table


class RoomShareDialog(QDialog):
    """Not modal: the chair keeps running the meeting while the room scans the code."""

    def __init__(self, server: RoomServer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.server = server
        self.setWindowTitle("Share with the room")
        self.setModal(False)
        about = QLabel(
            "Phones, tablets and laptops on this network can follow the meeting in a browser — item, speaker, "
            "timer and queue — and people present can ask to speak. Only the link or QR code below opens it; "
            "it stops working when you stop sharing or close the console. Notes and actions are never shared."
        )
        about.setWordWrap(True)
        about.setFont(pixel_font(16))
        self.address = QComboBox()
        self.address.setAccessibleName("Room address")
        self.address.setFont(pixel_font(16))
        for ip, what in share_addresses():
            self.address.addItem(f"{ip} ({what})", ip)
        self.port = QSpinBox()
        self.port.setAccessibleName("Room port")
        self.port.setRange(1024, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.port.setFont(pixel_font(16))
        form = QFormLayout()
        form.addRow("Share on", self.address)
        form.addRow("Port", self.port)
        self.toggle = QPushButton()
        self.toggle.setFont(pixel_font(18, bold=True))
        self.toggle.setMinimumHeight(44)
        self.toggle.setAutoDefault(True)
        self.toggle.clicked.connect(lambda _=False: self.toggle_sharing())
        self.problem = ValueLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName("Sharing problem")
        self.problem.setStyleSheet(banner_sheet("refused") + " padding: 6px;")
        self.problem.setFont(pixel_font(16))
        self.problem.hide()
        self.link = ValueLabel()
        self.link.setAccessibleName("Room link")
        self.link.setFont(pixel_font(18, bold=True))
        self.link.setWordWrap(True)
        self.link.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy = QPushButton("Copy link")
        self.copy.setAccessibleName("Copy room link")
        self.copy.setFont(pixel_font(16))
        self.copy.clicked.connect(lambda _=False: self.copy_link())
        self.qr = QLabel()  # a picture: Qt reads it as a graphic with its description
        self.qr.setAccessibleName("Room link QR code")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.devices = ValueLabel()
        self.devices.setAccessibleName("Devices connected")
        self.devices.setFont(pixel_font(16))
        close = QPushButton("Close")
        close.setAccessibleName("Close room sharing window")
        close.setFont(pixel_font(16))
        close.clicked.connect(lambda _=False: self.hide())
        lay = QVBoxLayout(self)
        lay.addWidget(about)
        lay.addLayout(form)
        lay.addWidget(self.toggle)
        lay.addWidget(self.problem)
        lay.addWidget(self.link)
        row = QHBoxLayout()
        row.addWidget(self.devices, 1)
        row.addWidget(self.copy)
        lay.addLayout(row)
        lay.addWidget(self.qr, 1)
        lay.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self._shown_url = ""
        server.sharing_changed.connect(lambda _on: self.refresh())
        server.clients_changed.connect(lambda _n: self.refresh())
        self.refresh()

    def toggle_sharing(self) -> None:
        if self.server.is_sharing:
            self.server.stop()
            return
        try:
            self.server.start(str(self.address.currentData()), self.port.value())
        except RoomError as exc:
            self.problem.setText(f"{exc}. Choose another port, or another address.")
            self.problem.show()
            return
        self.problem.hide()

    def copy_link(self) -> None:
        QGuiApplication.clipboard().setText(self.server.url)

    def refresh(self) -> None:
        on = self.server.is_sharing
        name = "Stop sharing with the room" if on else "Start sharing with the room"
        self.toggle.setText(name)
        self.toggle.setAccessibleName(name)
        self.address.setEnabled(not on)
        self.port.setEnabled(not on)
        for widget in (self.link, self.copy, self.qr, self.devices):
            widget.setVisible(on)
        if not on:
            self.link.clear()
            self.qr.clear()
            self._shown_url = ""
            return
        url = self.server.url
        if self._shown_url != url:
            # What is shared, whoever started it: the fields say the address and port in the link.
            if self.address.findData(self.server.address) < 0:
                self.address.addItem(self.server.address, self.server.address)
            self.address.setCurrentIndex(self.address.findData(self.server.address))
            self.port.setValue(self.server.port)
            self._shown_url = url
            self.link.setText(url)
            pixmap = QPixmap()
            pixmap.loadFromData(qr_png(url, QR_SCALE), "PNG")
            self.qr.setPixmap(pixmap)
            self.qr.setMinimumSize(pixmap.size())  # never cropped: a code cut short does not scan
            self.layout().activate()
            self.resize(self.size().expandedTo(self.sizeHint()))
            self.qr.setAccessibleDescription(f"QR code of {url}")
        n = self.server.client_count
        self.devices.setText(f"{n} device{'s' if n != 1 else ''} connected")


class RoomSharing(QObject):
    """The console's room view: the server (off until the chair starts it), its window, and the requests.

    It lives as long as the console; `stop()` when the console closes ends the sharing with it.
    """

    changed = Signal()  # sharing turned on or off, or a device came or went

    def __init__(self, bridge: LiveBridge, console: QWidget) -> None:
        super().__init__(console)
        self.console = console
        self.server = RoomServer(bridge.session, parent=self)
        bridge.changed.connect(self.server.publish)
        self.requests = RoomRequests(bridge, self.server)
        self.window: RoomShareDialog | None = None
        self.server.sharing_changed.connect(lambda _on: self.changed.emit())
        self.server.clients_changed.connect(lambda _n: self.changed.emit())

    def show_window(self) -> RoomShareDialog:
        if self.window is None:
            self.window = RoomShareDialog(self.server, self.console)
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()
        return self.window

    def button_name(self) -> str:
        if not self.server.is_sharing:
            return "Share with the room"
        n = self.server.client_count
        return f"Sharing with the room ({n} device{'s' if n != 1 else ''})"

    def stop(self) -> None:
        self.server.stop()
