"""Sharing with the room from the chair's console: off until asked, a request from a phone shown under the queue
and accepted with a click, and every connection closed when the console closes."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from meetingkit.clock import FakeClock
from meetingkit.store.repository import Store
from meetingkit.ui.console.console_window import ConsoleWindow
from tests.no_network_probe import inet_sockets
from tests.room_clients import RoomClient
from tests.ui.console_meeting import open_board

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "room"


@pytest.fixture
def console(qtbot: Any, store: Store, clock: FakeClock) -> Iterator[ConsoleWindow]:
    _, bridge = open_board(store, clock)
    window = ConsoleWindow(bridge, store)
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.room.stop()
    bridge.stop()
    window.deleteLater()


def button(console: ConsoleWindow, name: str) -> QPushButton:
    found = [b for b in console.findChildren(QPushButton) if b.accessibleName() == name and b.isVisible()]
    assert len(found) == 1, name
    return found[0]


def share(qtbot: Any, console: ConsoleWindow) -> Any:
    qtbot.mouseClick(button(console, "Share with the room"), Qt.MouseButton.LeftButton)
    window = console.room.window
    assert window is not None and window.isVisible()
    window.address.setCurrentIndex(window.address.findData("127.0.0.1"))
    window.port.setValue(_free_port())
    qtbot.mouseClick(window.toggle, Qt.MouseButton.LeftButton)
    assert console.room.server.is_sharing
    return window


def _free_port() -> int:
    from PySide6.QtNetwork import QHostAddress, QTcpServer

    probe = QTcpServer()
    probe.listen(QHostAddress("127.0.0.1"), 0)
    port = probe.serverPort()
    probe.close()
    return port


def test_the_console_shares_only_when_asked(qtbot: Any, console: ConsoleWindow) -> None:
    assert not console.room.server.is_sharing and inet_sockets() == []
    assert button(console, "Share with the room").text() == "Share with the room…"
    share(qtbot, console)
    assert button(console, "Sharing with the room (0 devices)").isEnabled()
    RoomClient(
        qtbot, console.room.server.url.replace("http://", "ws://").replace("/?k=", "/ws?k=")
    ).connected()
    qtbot.waitUntil(lambda: console.share_button.accessibleName() == "Sharing with the room (1 device)")


def test_a_request_from_a_phone_is_accepted_from_the_queue(qtbot: Any, console: ConsoleWindow) -> None:
    qtbot.mouseClick(button(console, "Start meeting"), Qt.MouseButton.LeftButton)
    window = share(qtbot, console)
    window.hide()
    server = console.room.server
    phone = RoomClient(qtbot, f"ws://127.0.0.1:{server.port}/ws?k={server.token}").connected()
    phone.send({"type": "hello", "device": "phone-of-graham-lee"})
    phone.send({"type": "ask", "who": "p2"})
    phone.wait_for("request", status="pending")
    qtbot.waitUntil(lambda: console.room.requests.isVisible())
    assert console.queue_panel.model.rowCount() == 0  # asked, not queued
    if os.environ.get("MEETINGKIT_ARTIFACTS"):
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        console.grab().save(str(ARTIFACTS / "console-request.png"))
    qtbot.mouseClick(button(console, "Accept request from Graham Lee"), Qt.MouseButton.LeftButton)
    phone.wait_for("request", status="accepted")
    console.refresh()
    assert console.queue_panel.model.index(0, 1).data() == "Graham Lee (public voice)"
    assert console.bridge.live.events[-1].type == "queue"
    assert not console.room.requests.isVisible()


def test_closing_the_console_closes_every_connection(qtbot: Any, console: ConsoleWindow) -> None:
    share(qtbot, console)
    server = console.room.server
    port = server.port
    phones = [RoomClient(qtbot, f"ws://127.0.0.1:{port}/ws?k={server.token}").connected() for _ in range(2)]
    assert any(f":{port:04X}" in s for s in inet_sockets())
    assert console.close()
    qtbot.waitUntil(lambda: all(p.closed for p in phones), timeout=5000)
    assert not server.is_sharing
    for phone in phones:
        phone.close()
    qtbot.waitUntil(lambda: inet_sockets() == [], timeout=5000)
