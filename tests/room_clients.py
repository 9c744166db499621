"""Real clients for the room server in tests: HTTP through urllib (in a thread, while Qt's loop runs) and a
WebSocket through QWebSocket in the same process, each message kept as parsed JSON."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtNetwork import QNetworkRequest
from PySide6.QtWebSockets import QWebSocket

WAIT_MS = 5000


@dataclass
class HttpReply:
    status: int
    headers: dict[str, str]  # names in lower case
    body: str


def _lower(headers: Any) -> dict[str, str]:
    return {k.lower(): v for k, v in headers.items()}


def http_get(qtbot: Any, url: str) -> HttpReply:
    """GET `url` from another thread while this one keeps Qt's event loop turning."""
    out: list[HttpReply | BaseException] = []

    def fetch() -> None:
        try:
            with urllib.request.urlopen(url, timeout=5) as reply:
                out.append(HttpReply(reply.status, _lower(reply.headers), reply.read().decode("utf-8")))
        except urllib.error.HTTPError as exc:
            out.append(HttpReply(exc.code, _lower(exc.headers), exc.read().decode("utf-8")))
        except OSError as exc:
            out.append(exc)

    thread = threading.Thread(target=fetch, daemon=True)
    thread.start()
    qtbot.waitUntil(lambda: bool(out), timeout=WAIT_MS)
    thread.join()
    result = out[0]
    if isinstance(result, BaseException):
        raise result
    return result


@dataclass
class RoomClient:
    """One device's page, reduced to its WebSocket: what it was sent, and the messages it sends."""

    qtbot: Any
    url: str
    origin: str | None = None
    socket: QWebSocket = field(default_factory=QWebSocket)
    received: list[dict[str, Any]] = field(default_factory=list)
    closed: bool = False
    _cursor: int = 0

    def __post_init__(self) -> None:
        self.socket.textMessageReceived.connect(lambda text: self.received.append(json.loads(text)))
        self.socket.disconnected.connect(self._on_closed)

    def _on_closed(self) -> None:
        self.closed = True

    def open(self) -> RoomClient:
        request = QNetworkRequest(QUrl(self.url))
        if self.origin:
            request.setRawHeader(b"Origin", self.origin.encode())
        self.socket.open(request)
        return self

    def connected(self) -> RoomClient:
        self.open()
        self.qtbot.waitUntil(lambda: bool(self.of("state")), timeout=WAIT_MS)
        return self

    def send(self, message: dict[str, Any]) -> None:
        self.socket.sendTextMessage(json.dumps(message))

    def of(self, kind: str) -> list[dict[str, Any]]:
        return [m for m in self.received if m.get("type") == kind]

    def last(self, kind: str) -> dict[str, Any]:
        return self.of(kind)[-1]

    def wait_for(self, kind: str, **fields: Any) -> dict[str, Any]:
        """The next message of `kind` whose fields match, after the one the last wait found."""

        def found() -> int | None:
            for i in range(self._cursor, len(self.received)):
                m = self.received[i]
                if m.get("type") == kind and all(m.get(k) == v for k, v in fields.items()):
                    return i
            return None

        self.qtbot.waitUntil(lambda: found() is not None, timeout=WAIT_MS)
        index = found()
        assert index is not None
        self._cursor = index + 1
        return self.received[index]

    def close(self) -> None:
        self.socket.abort()
