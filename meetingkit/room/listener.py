"""One listening port for both the page and its WebSocket.

PySide6 does not bind QHttpServer's own WebSocket upgrade (`addWebSocketUpgradeVerifier`,
`nextPendingWebSocketConnection`), so this server reads each new connection's request head first: an upgrade
to a WebSocket, with the room's key, goes to a QWebSocketServer (`handleConnection`); anything else goes on
to the QHttpServer bound to this listener, untouched. The chair then has one address and one port to give.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer
from PySide6.QtNetwork import QTcpServer, QTcpSocket

HEAD_LIMIT = 8192  # a request head longer than this is not from the page
HEAD_TIMEOUT_S = 10.0  # a connection that has not sent its request head by then is closed
MAX_CONNECTIONS = 200  # sockets still being read; a room has far fewer devices than this
REFUSED = b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"


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


class RoomListener(QTcpServer):
    """Reads each connection's request head, then hands it to the WebSocket server or to the HTTP server.

    `websocket(socket, head)` is called for an upgrade request; it returns False to refuse it (403, closed).
    """

    def __init__(
        self, websocket: Callable[[QTcpSocket, RequestHead], bool], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._websocket = websocket
        self._reading: dict[QTcpSocket, float] = {}
        self._sweep = QTimer(self)
        self._sweep.setInterval(1000)
        self._sweep.timeout.connect(self._drop_slow)

    def incomingConnection(self, handle: int) -> None:  # noqa: N802 (Qt's name)
        socket = QTcpSocket(self)
        if not socket.setSocketDescriptor(handle):
            socket.deleteLater()
            return
        if len(self._reading) >= MAX_CONNECTIONS:
            socket.abort()
            socket.deleteLater()
            return
        self._reading[socket] = time.monotonic()
        socket.readyRead.connect(self._read_head)
        socket.disconnected.connect(self._forget)
        if not self._sweep.isActive():
            self._sweep.start()

    def _read_head(self) -> None:
        socket = self.sender()
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
        QTimer.singleShot(0, self, lambda: self._hand_over(socket, head))

    def _hand_over(self, socket: QTcpSocket, head: RequestHead | None) -> None:
        if socket.state() != QTcpSocket.SocketState.ConnectedState:
            socket.deleteLater()
            return
        if head is not None and head.is_websocket:
            if not self._websocket(socket, head):
                socket.disconnected.connect(socket.deleteLater)
                socket.write(REFUSED)
                socket.disconnectFromHost()
            return
        self.addPendingConnection(socket)  # the bound QHttpServer takes it at once
        socket.readyRead.emit()  # and reads the request that is already waiting

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
        self.close()
        self._sweep.stop()
        for socket in list(self._reading):
            self._drop(socket)
