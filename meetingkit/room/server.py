"""The room server: the page and its WebSocket on one port, started and stopped by the chair's console.

Nothing listens until `start()`; `stop()` closes the port and every connection. The server reads the live
meeting and never changes it: a request to speak waits here until the chair accepts it, and only then does
the console's own `queue` command put the person in the queue.
"""

from __future__ import annotations

import hmac
import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QAbstractSocket, QHostAddress, QTcpSocket
from PySide6.QtWebSockets import QWebSocket, QWebSocketProtocol, QWebSocketServer

from meetingkit.clock import Clock
from meetingkit.models.pulse import PulseCount
from meetingkit.room.listener import Reply, RequestHead, RoomListener
from meetingkit.room.page import NO_ACCESS, NOT_FOUND, PageSource, security_headers
from meetingkit.room.pulse_box import COUNTED, PulseBox, PulseRefused, pulse_limits, pulse_message
from meetingkit.room.requests import DEVICE_ID, RequestBook, RequestRefused, SpeakRequest
from meetingkit.room.snapshot import room_state
from meetingkit.store.live_session import LiveSession

DEFAULT_PORT = 8765
TOKEN_BYTES = 24  # 192 bits
RESYNC_MS = 10_000  # a state message at least this often, so a page's countdown never drifts for long
MAX_MESSAGE = 1024  # bytes; the page's own messages are a few dozen
HTTP_PER_SECOND = 20  # page loads per second from one address: a reload is one, a guessing script many
MAX_STRIKES = 5  # malformed messages before a connection is closed


class RoomError(Exception):
    """Sharing could not start, in words for the chair."""


@dataclass
class _Client:
    socket: QWebSocket
    address: str
    device: str | None = None
    strikes: int = 0
    # The one ballot this connection answers under in the open pulse (pulse id, ballot id): in memory only and
    # forgotten with the connection, so that one page cannot answer for a whole group under made-up ballots.
    ballot: tuple[str, str] | None = None


def _query(query: str) -> dict[str, str]:
    return {name: values[0] for name, values in parse_qs(query).items()}


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def url_host(address: str) -> str:
    return f"[{address}]" if ":" in address else address


class RoomServer(QObject):
    """Serves the room page while sharing is on; holds the requests to speak for the chair."""

    sharing_changed = Signal(bool)
    requests_changed = Signal()
    clients_changed = Signal(int)
    pulse_changed = Signal(int)  # the pulse opened, closed, or one more answered: how many have answered

    def __init__(
        self, session: LiveSession, clock: Clock | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.requests = RequestBook(clock or session.live.clock)
        self.pulse = PulseBox()  # open while the chair takes the pulse; kept while sharing stops and starts
        self.token = ""
        self.address = ""
        self.port = 0
        self._page = PageSource()
        # Made once and kept for the server's life, listening only between start() and stop(): objects made
        # from Python and deleted by deleteLater while Python still knew them crashed the process (PySide6).
        self._listener = RoomListener(self._upgrade, self._respond, HTTP_PER_SECOND, self)
        self._ws = QWebSocketServer("MeetingKit", QWebSocketServer.SslMode.NonSecureMode, self)
        self._ws.setMaxPendingConnections(64)
        self._ws.newConnection.connect(self._new_client)
        self._sharing = False
        self._clients: dict[QWebSocket, _Client] = {}
        self._resync = QTimer(self)
        self._resync.setInterval(RESYNC_MS)
        self._resync.timeout.connect(self.publish)

    # ---- on and off -------------------------------------------------------------------------------------

    @property
    def is_sharing(self) -> bool:
        return self._sharing

    @property
    def url(self) -> str:
        if not self.is_sharing:
            return ""
        return f"http://{url_host(self.address)}:{self.port}/?k={self.token}"

    @property
    def client_count(self) -> int:
        return len(self._clients)

    def start(self, address: str, port: int = DEFAULT_PORT) -> str:
        """Listen on `address`:`port` (0: any free port) with a new key; returns the room's URL."""
        if self.is_sharing:
            self.stop()
        host = QHostAddress(address)
        if host.isNull():
            raise RoomError(f"'{address}' is not a network address of this computer")
        if not self._listener.listen(host, port):
            raise RoomError(f"Could not share on {address} port {port}: {self._listener.errorString()}")
        self._sharing = True
        self.token = new_token()
        self.address = host.toString()
        self.port = self._listener.serverPort()
        self._resync.start()
        self.sharing_changed.emit(True)
        return self.url

    def stop(self) -> None:
        """Stop listening and close every connection; the key stops working (a new one comes next time)."""
        if not self.is_sharing:
            return
        self._resync.stop()
        closed = self.requests.close_all("The chair stopped sharing the meeting")
        for request in closed:
            self._tell(request.device, request.message())
        goodbye = json.dumps({"type": "closing", "text": "The chair stopped sharing the meeting"})
        for socket in list(self._clients):
            socket.sendTextMessage(goodbye)
            socket.close(QWebSocketProtocol.CloseCode.CloseCodeGoingAway, "Sharing stopped")
            socket.flush()
            socket.abort()
            socket.deleteLater()
        self._clients.clear()
        self._listener.shut()
        self._sharing = False
        self.token = ""
        self.sharing_changed.emit(False)
        self.clients_changed.emit(0)
        if closed:
            self.requests_changed.emit()

    # ---- the page ---------------------------------------------------------------------------------------

    def key_ok(self, key: str) -> bool:
        return bool(self.token) and hmac.compare_digest(key.encode(), self.token.encode())

    def _respond(self, head: RequestHead | None) -> Reply:
        """The reply to any request but the WebSocket's: the page, with the key; else a page saying no."""
        if head is None:
            return self._reply(NO_ACCESS, 400)
        path, _, query = head.target.partition("?")
        if path != "/":
            return self._reply(NOT_FOUND, 404)
        if head.method not in ("GET", "HEAD"):
            return self._reply(NO_ACCESS, 405)
        if not self.key_ok(_query(query).get("k", "")):
            return self._reply(NO_ACCESS, 403)
        reply = self._reply(self._page.html(), 200, self._page.csp())
        return reply if head.method == "GET" else Reply(reply.status, b"", reply.headers)

    @staticmethod
    def _reply(body: str, status: int, csp: str | None = None) -> Reply:
        headers = [("Content-Type", "text/html; charset=utf-8"), *security_headers(csp)]
        return Reply(status, body.encode("utf-8"), headers)

    # ---- the WebSocket ----------------------------------------------------------------------------------

    def _upgrade(self, socket: QTcpSocket, head: RequestHead) -> bool:
        path, _, query = head.target.partition("?")
        params = _query(query)
        origin = head.headers.get("origin")
        same_origin = origin is None or origin == f"http://{head.headers.get('host', '')}"
        if head.method != "GET" or path != "/ws" or not same_origin or not self.key_ok(params.get("k", "")):
            return False
        self._ws.handleConnection(socket)
        return True

    def _new_client(self) -> None:
        while self._ws.hasPendingConnections():
            socket = self._ws.nextPendingConnection()
            # Owned by Qt from here (as a child), deleted only by deleteLater: a Python-owned socket would be
            # deleted again when the last Python reference to it goes, while Qt deletes it.
            socket.setParent(self)
            if not self._sharing:  # its handshake finished after sharing stopped
                socket.abort()
                socket.deleteLater()
                continue
            socket.setMaxAllowedIncomingMessageSize(MAX_MESSAGE)
            socket.setMaxAllowedIncomingFrameSize(MAX_MESSAGE)
            client = _Client(socket, socket.peerAddress().toString())
            self._clients[socket] = client
            socket.textMessageReceived.connect(lambda text, c=client: self._on_message(c, text))
            socket.binaryMessageReceived.connect(
                lambda _data, c=client: self._strike(c, "Text messages only")
            )
            socket.disconnected.connect(lambda c=client: self._drop(c))
            self._send(client, self._state_text())
        self.clients_changed.emit(len(self._clients))

    def _drop(self, client: _Client) -> None:
        if self._clients.pop(client.socket, None) is not None:
            client.socket.deleteLater()
            self.clients_changed.emit(len(self._clients))

    @staticmethod
    def _send(client: _Client, text: str) -> None:
        if client.socket.state() == QAbstractSocket.SocketState.ConnectedState:
            client.socket.sendTextMessage(text)

    def _tell(self, device: str, message: dict[str, Any]) -> None:
        text = json.dumps(message)
        for client in list(self._clients.values()):
            if client.device == device:
                self._send(client, text)

    def _strike(self, client: _Client, text: str) -> None:
        client.strikes += 1
        self._send(client, json.dumps({"type": "error", "text": text}))
        if client.strikes >= MAX_STRIKES:
            client.socket.close(QWebSocketProtocol.CloseCode.CloseCodePolicyViolated, "Too many bad messages")

    def _on_message(self, client: _Client, text: str) -> None:
        try:
            message = json.loads(text) if len(text) <= MAX_MESSAGE else None
        except ValueError:
            message = None
        if not isinstance(message, dict):
            self._strike(client, "Not a message this page sends")
            return
        kind = message.get("type")
        if kind == "hello":
            self._hello(client, message.get("device"))
        elif client.device is None:
            self._strike(client, "Say hello first")
        elif kind == "ask":
            self._ask(client, message.get("who"))
        elif kind == "pulse":
            self._pulse_answer(client, message)
        elif kind == "withdraw":
            request = self.requests.withdraw(client.device)
            if request is not None:
                self._tell(client.device, request.message())
                self.requests_changed.emit()
        else:
            self._strike(client, "Not a message this page sends")

    def _hello(self, client: _Client, device: Any) -> None:
        if not isinstance(device, str) or not DEVICE_ID.match(device):
            self._strike(client, "This device's id is not valid")
            return
        client.device = device
        mine = self.requests.latest(device)
        if mine is not None:
            self._send(client, json.dumps(mine.message()))
        self._send(client, self._pulse_text())

    def _ask(self, client: _Client, who: Any) -> None:
        assert client.device is not None
        live = self.session.live
        try:
            if live.status != "running":
                raise RequestRefused(
                    "The meeting has not started yet" if live.status == "ready" else "The meeting has ended"
                )
            if not isinstance(who, str) or not live.present.get(who):
                raise RequestRefused("Choose your name from the list of people here")
            name = live.meeting.person(who).name
            if who == live.speaker:
                raise RequestRefused("You have the floor now")
            if who in live.queue:
                raise RequestRefused(f"You are already in the queue (number {live.queue.index(who) + 1})")
            request = self.requests.ask(client.device, client.address, who, name)
        except RequestRefused as exc:
            self._send(client, json.dumps({"type": "error", "text": str(exc)}))
            return
        self._tell(client.device, request.message())
        self.requests_changed.emit()

    # ---- the chair's side -------------------------------------------------------------------------------

    def open_requests(self) -> list[SpeakRequest]:
        return self.requests.open()

    def accept(self, request_id: str, queue: Callable[[str], bool]) -> bool:
        """The chair accepts: `queue(who)` gives the `queue` command and says whether the engine took it.

        If it did not (the person left, say), the request stays open and the console shows why.
        """
        request = self.requests.get(request_id)
        if request is None or request.status != "pending":
            return False
        if not queue(request.who):
            return False
        self._settle(request_id, "accepted")
        return True

    def decline(self, request_id: str) -> bool:
        return self._settle(request_id, "declined")

    def _settle(self, request_id: str, status: str, reason: str = "") -> bool:
        request = self.requests.settle(request_id, status, reason)
        if request is None:
            return False
        self._tell(request.device, request.message())
        self.requests_changed.emit()
        return True

    # ---- the pulse: were you heard? ---------------------------------------------------------------------

    def open_pulse(self) -> bool:
        """Open the pulse on every page; False (answers kept, nothing sent) if it is open already."""
        if not self.pulse.open():
            return False
        self._pulse_to_all()
        self.pulse_changed.emit(0)
        return True

    def close_pulse(self) -> list[PulseCount]:
        """Close the pulse: its counts per question and group ([] if nobody answered); every answer forgotten."""
        if not self.pulse.is_open:
            return []
        counts = self.pulse.close()
        self._pulse_to_all()
        self.pulse_changed.emit(0)
        return counts

    def _pulse_text(self, **extra: Any) -> str:
        return json.dumps(pulse_message(self.pulse, **extra))

    def _pulse_to_all(self) -> None:
        text = self._pulse_text()
        for client in list(self._clients.values()):
            if client.device is not None:
                self._send(client, text)

    def _pulse_answer(self, client: _Client, message: dict[str, Any]) -> None:
        # The ballot is the page's own id for this pulse. The connection remembers it (in memory, never stored)
        # so that it answers under one ballot only; the device id and any name are never linked to it.
        ballot = (str(message.get("id")), str(message.get("ballot")))
        if client.ballot is not None and client.ballot[0] == ballot[0] and client.ballot != ballot:
            self._send(
                client,
                self._pulse_text(
                    counted=False, text="This page has answered already: change its answers instead"
                ),
            )
            return
        try:
            words = self.pulse.answer(message, pulse_limits(self.session.live))
        except PulseRefused as exc:
            if exc.malformed:
                self._strike(client, str(exc))
            else:
                self._send(client, self._pulse_text(counted=False, text=str(exc)))
            return
        client.ballot = ballot
        self._send(client, self._pulse_text(counted=words == COUNTED, text=words))
        self.pulse_changed.emit(self.pulse.answered)

    # ---- pushing the state ------------------------------------------------------------------------------

    def _state_text(self) -> str:
        live = self.session.live
        return json.dumps(room_state(live, live.now()), ensure_ascii=False)

    def publish(self, *_: object) -> None:
        """Send the meeting's state to every page (after each event, and every few seconds)."""
        if not self.is_sharing:
            return
        self._close_overtaken()
        text = self._state_text()
        for client in list(self._clients.values()):
            self._send(client, text)

    def _close_overtaken(self) -> None:
        """Requests the meeting has moved past: the person is queued or speaking already, left, or it ended."""
        live = self.session.live
        for request in self.requests.open():
            if request.who in live.queue:
                self._settle(request.id, "accepted")
            elif live.status != "running":
                self._settle(request.id, "closed", "The meeting has ended")
            elif request.who == live.speaker:
                self._settle(request.id, "closed", "The chair gave you the floor")
            elif not live.present.get(request.who):
                self._settle(request.id, "closed", "You are no longer marked as here")
