"""One listening port for both the page and its WebSocket.

Each new connection's request head is read first: an upgrade to a WebSocket, with the room's key, goes to a
QWebSocketServer (`handleConnection`); any other request is answered here, once, and the connection closed.
The chair has one address and one port to give.

Why not QHttpServer: PySide6 6.11 binds neither its WebSocket upgrade (`addWebSocketUpgradeVerifier`,
`nextPendingWebSocketConnection`) nor a route's status and headers, and handing it connections whose head had
been read here crashed the process now and then (a segfault in the test suite, in Qt's code). The page is
one GET: a few lines here are easier to trust than that.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtNetwork import QHostAddress, QTcpServer, QTcpSocket

HEAD_LIMIT = 8192  # a request head longer than this is not from the page
HEAD_TIMEOUT_S = 10.0  # a connection that has not sent its request head by then is closed
MAX_CONNECTIONS = 200  # sockets still being read; a room has far fewer devices than this
REASONS = {
    200: "OK",
    400: "Bad Request",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    429: "Too Many Requests",
}


@dataclass(frozen=True)
class Reply:
    status: int
    body: bytes = b""
    headers: list[tuple[str, str]] = field(default_factory=list)

    def encode(self) -> bytes:
        lines = [
            f"HTTP/1.1 {self.status} {REASONS[self.status]}",
            f"Content-Length: {len(self.body)}",
            "Connection: close",
            *(f"{name}: {value}" for name, value in self.headers),
        ]
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + self.body


REFUSED = Reply(403).encode()


@dataclass(frozen=True)
class RequestHead:
    method: str
    target: str
    headers: dict[str, str]

    @property
    def is_websocket(self) -> bool:
        return self.headers.get("upgrade", "").strip().lower() == "websocket"


def parse_head(raw: bytes) -> RequestHead | None:
    """The request line and headers of an HTTP request head (None if it is not one)."""
    try:
        text = raw.split(b"\r\n\r\n", 1)[0].decode("latin-1")
    except UnicodeDecodeError:  # pragma: no cover - latin-1 decodes every byte
        return None
    lines = text.split("\r\n")
    parts = lines[0].split(" ")
    if len(parts) != 3 or not parts[2].startswith("HTTP/"):
        return None
    headers = {}
    for line in lines[1:]:
        name, sep, value = line.partition(":")
        if sep:
            headers[name.strip().lower()] = value.strip()
    return RequestHead(parts[0], parts[1], headers)


class RoomListener(QObject):
    """Reads each connection's request head, then hands it to the WebSocket server or answers it.

    `websocket(socket, head)` is called for an upgrade request; it returns False to refuse it (403, closed).
    `page(head)` makes the reply to any other request (None: not a request this server understands).
    At most `per_second` requests a second from one address are answered; more get 429.
    """

    def __init__(
        self,
        websocket: Callable[[QTcpSocket, RequestHead], bool],
        page: Callable[[RequestHead | None], Reply],
        per_second: int,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        # A plain QTcpServer, not a Python subclass: its sockets are made and owned by Qt, which keeps
        # their lifetime in one place (a Python-made socket deleted from both sides crashed the process).
        self.server = QTcpServer(self)
        self.server.setMaxPendingConnections(MAX_CONNECTIONS)
        self.server.newConnection.connect(self._accept)
        self._websocket = websocket
        self._page = page
        self._per_second = per_second
        self._answered: dict[str, deque[float]] = {}
        self._reading: dict[QTcpSocket, float] = {}
        self._handed: dict[int, QTcpSocket] = {}  # answered, or handed to the WebSocket server: not yet gone
        self._ready: list[tuple[QTcpSocket, RequestHead | None]] = []
        self._hand_over_soon = QTimer(self)
        self._hand_over_soon.setSingleShot(True)
        self._hand_over_soon.setInterval(0)
        self._hand_over_soon.timeout.connect(self._hand_over_ready)
        self._sweep = QTimer(self)
        self._sweep.setInterval(1000)
        self._sweep.timeout.connect(self._drop_slow)

    def listen(self, address: QHostAddress, port: int) -> bool:
        return self.server.listen(address, port)

    def serverPort(self) -> int:  # noqa: N802 (as QTcpServer)
        return self.server.serverPort()

    def errorString(self) -> str:  # noqa: N802
        return self.server.errorString()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            if len(self._reading) >= MAX_CONNECTIONS:
                socket.abort()
                socket.deleteLater()
                continue
            self._reading[socket] = time.monotonic()
            socket.readyRead.connect(self._read_head)
            socket.disconnected.connect(self._forget)
            if socket.bytesAvailable():
                self._read_head(socket)
        if self._reading and not self._sweep.isActive():
            self._sweep.start()

    def _read_head(self, socket: QTcpSocket | None = None) -> None:
        socket = socket or self.sender()
        if not isinstance(socket, QTcpSocket) or socket not in self._reading:
            return
        raw = bytes(socket.peek(HEAD_LIMIT))
        if b"\r\n\r\n" not in raw:
            if len(raw) >= HEAD_LIMIT:
                self._drop(socket)
            return
        self._stop_reading(socket)
        head = parse_head(raw)
        # Handed on from the event loop, not from inside this readyRead: the receivers read the socket
        # themselves (and emit readyRead again), which must not happen inside its own emission.
        self._ready.append((socket, head))
        self._hand_over_soon.start()

    def _hand_over_ready(self) -> None:
        ready, self._ready = self._ready, []
        for socket, head in ready:
            self._hand_over(socket, head)

    def _hand_over(self, socket: QTcpSocket, head: RequestHead | None) -> None:
        if socket.state() != QTcpSocket.SocketState.ConnectedState:
            socket.deleteLater()
            return
        self._keep(socket)  # until it is gone, so that shut() can still close it
        if head is not None and head.is_websocket and self._websocket(socket, head):
            return  # the WebSocket server has it now, head and all
        socket.readAll()  # read, so that closing sends the reply and a FIN, not a reset
        if head is not None and head.is_websocket:
            reply = REFUSED
        elif not self._allowed(socket.peerAddress().toString()):
            reply = Reply(429).encode()
        else:
            reply = self._page(head).encode()
        socket.disconnected.connect(socket.deleteLater)
        socket.write(reply)
        socket.disconnectFromHost()

    def _keep(self, socket: QTcpSocket) -> None:
        key = id(socket)
        self._handed[key] = socket
        socket.destroyed.connect(lambda *_: self._handed.pop(key, None))

    def _allowed(self, address: str) -> bool:
        now = time.monotonic()
        times = self._answered.setdefault(address, deque())
        while times and now - times[0] >= 1.0:
            times.popleft()
        if len(times) >= self._per_second:
            return False
        times.append(now)
        return True

    def _stop_reading(self, socket: QTcpSocket) -> None:
        self._reading.pop(socket, None)
        socket.readyRead.disconnect(self._read_head)
        socket.disconnected.disconnect(self._forget)

    def _forget(self) -> None:
        socket = self.sender()
        if isinstance(socket, QTcpSocket) and socket in self._reading:
            self._reading.pop(socket, None)
            socket.deleteLater()

    def _drop(self, socket: QTcpSocket) -> None:
        self._reading.pop(socket, None)
        if shiboken6.isValid(socket):
            socket.abort()
            socket.deleteLater()

    def _drop_slow(self) -> None:
        now = time.monotonic()
        for socket, since in list(self._reading.items()):
            if now - since > HEAD_TIMEOUT_S:
                self._drop(socket)
        if not self._reading:
            self._sweep.stop()

    def shut(self) -> None:
        """Stop listening and drop every connection not yet handed on."""
        self.server.close()
        self._sweep.stop()
        self._hand_over_soon.stop()
        for socket, _head in self._ready:
            socket.abort()
        self._ready.clear()
        for socket in list(self._reading):
            self._drop(socket)
        for socket in list(self._handed.values()):
            if shiboken6.isValid(socket):  # Qt may have deleted it before telling us
                socket.abort()  # a reply still being written, or a WebSocket handshake under way
        self._handed.clear()
