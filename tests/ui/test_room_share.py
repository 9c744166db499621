"""The chair's side of the room view: the sharing window (link as text and as a QR code that encodes it) and
the requests to speak under the queue, accepted or declined with one click."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import segno
from PySide6.QtCore import Qt
from PySide6.QtNetwork import QHostAddress, QTcpServer
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from meetingkit.clock import FakeClock
from meetingkit.room.server import RoomServer
from meetingkit.store.repository import Store
from meetingkit.ui.common.live_bridge import LiveBridge
from meetingkit.ui.console.room_requests import RoomRequests
from meetingkit.ui.console.room_share import QR_SCALE, RoomShareDialog
from tests.room_clients import RoomClient
from tests.ui.console_meeting import open_board


@pytest.fixture
def bridge(store: Store, clock: FakeClock) -> Iterator[LiveBridge]:
    _, bridge = open_board(store, clock)
    yield bridge
    bridge.stop()


@pytest.fixture
def server(bridge: LiveBridge) -> Iterator[RoomServer]:
    room = RoomServer(bridge.session)
    bridge.changed.connect(room.publish)
    yield room
    room.stop()


def free_port() -> int:
    probe = QTcpServer()
    probe.listen(QHostAddress("127.0.0.1"), 0)
    port = probe.serverPort()
    probe.close()
    return port


def qr_modules(dialog: RoomShareDialog) -> list[list[bool]]:
    """The QR code as shown, read back module by module (dark = True), quiet zone left out."""
    image = dialog.qr.pixmap().toImage()
    size = image.width() // QR_SCALE
    return [
        [
            image.pixelColor(x * QR_SCALE + QR_SCALE // 2, y * QR_SCALE + QR_SCALE // 2).lightness() < 128
            for x in range(4, size - 4)
        ]
        for y in range(4, size - 4)
    ]


def test_sharing_shows_the_link_and_a_qr_code_of_it(qtbot: Any, server: RoomServer) -> None:
    dialog = RoomShareDialog(server)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not server.is_sharing and dialog.toggle.accessibleName() == "Start sharing with the room"
    assert not dialog.link.isVisible() and not dialog.qr.isVisible()
    dialog.address.setCurrentIndex(dialog.address.findData("127.0.0.1"))
    dialog.port.setValue(free_port())
    qtbot.mouseClick(dialog.toggle, Qt.MouseButton.LeftButton)
    assert server.is_sharing and server.port == dialog.port.value()
    assert dialog.link.text() == server.url == f"http://127.0.0.1:{server.port}/?k={server.token}"
    assert dialog.toggle.accessibleName() == "Stop sharing with the room"
    assert not dialog.port.isEnabled() and not dialog.address.isEnabled()
    assert dialog.address.currentData() == "127.0.0.1"
    wanted = [[bool(m) for m in row] for row in segno.make(server.url, error="m", micro=False).matrix]
    assert qr_modules(dialog) == wanted  # the code a phone scans is exactly the link
    assert dialog.devices.text() == "0 devices connected"
    page = RoomClient(qtbot, f"ws://127.0.0.1:{server.port}/ws?k={server.token}").connected()
    qtbot.waitUntil(lambda: dialog.devices.text() == "1 device connected", timeout=5000)
    qtbot.mouseClick(dialog.toggle, Qt.MouseButton.LeftButton)
    assert not server.is_sharing and dialog.link.text() == ""
    qtbot.waitUntil(lambda: page.closed, timeout=5000)


def test_the_window_shows_what_is_shared_whoever_started_it(qtbot: Any, server: RoomServer) -> None:
    server.start("127.0.0.1", 0)
    dialog = RoomShareDialog(server)
    qtbot.addWidget(dialog)
    assert dialog.address.currentData() == "127.0.0.1" and dialog.port.value() == server.port
    assert dialog.link.text() == server.url


def test_a_port_in_use_is_said_in_words(qtbot: Any, server: RoomServer) -> None:
    taken = QTcpServer()
    assert taken.listen(QHostAddress("127.0.0.1"), 0)
    dialog = RoomShareDialog(server)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.address.setCurrentIndex(dialog.address.findData("127.0.0.1"))
    dialog.port.setValue(taken.serverPort())
    qtbot.mouseClick(dialog.toggle, Qt.MouseButton.LeftButton)
    assert not server.is_sharing
    assert dialog.problem.isVisible()
    assert dialog.problem.text().startswith(f"Could not share on 127.0.0.1 port {taken.serverPort()}")
    taken.close()


def test_requests_wait_under_the_queue_until_the_chair_answers(
    qtbot: Any, bridge: LiveBridge, server: RoomServer
) -> None:
    bridge.command("start_meeting")
    server.start("127.0.0.1", 0)
    queue_side = QWidget()  # as under the console's queue: a child, shown only while someone asks
    qtbot.addWidget(queue_side)
    panel = RoomRequests(bridge, server)
    QVBoxLayout(queue_side).addWidget(panel)
    queue_side.show()
    assert not panel.isVisible()
    phones = []
    for device, who in (("a" * 20, "p1"), ("b" * 20, "m3")):
        phone = RoomClient(qtbot, f"ws://127.0.0.1:{server.port}/ws?k={server.token}").connected()
        phone.send({"type": "hello", "device": device})
        phone.send({"type": "ask", "who": who})
        phone.wait_for("request", status="pending")
        phones.append(phone)
    qtbot.waitUntil(
        lambda: panel.isVisible() and panel.title.text().startswith("Asking to speak from the room (2)")
    )
    names = [w.accessibleName() for w in panel.findChildren(QLabel) if w.accessibleName()]
    assert names == [
        "Request to speak from Eileen Foster (public voice)",
        "Request to speak from Steve Marsh",
    ]
    events = len(bridge.live.events)
    buttons = {b.accessibleName(): b for b in panel.findChildren(QPushButton)}
    qtbot.mouseClick(buttons["Decline request from Steve Marsh"], Qt.MouseButton.LeftButton)
    phones[1].wait_for("request", status="declined")
    assert len(bridge.live.events) == events and bridge.live.queue == []
    qtbot.waitUntil(lambda: len(panel.findChildren(QPushButton)) == 2)  # Steve's row is gone, Eileen's stays
    assert buttons["Accept request from Eileen Foster"] in panel.findChildren(QPushButton)
    qtbot.mouseClick(buttons["Accept request from Eileen Foster"], Qt.MouseButton.LeftButton)
    phones[0].wait_for("request", status="accepted")
    assert bridge.live.queue == ["p1"] and bridge.live.events[-1].type == "queue"
    qtbot.waitUntil(lambda: not panel.isVisible())
