"""How fast the room view follows the chair: from a command in the console to every connected page having it.

The server runs here, as in the app (the console's process, a LiveBridge, the store writing each event);
the pages are WebSocket clients in another process (plain asyncio, the stdlib only), each timing the moment
it has parsed the `state` message of each event. Both sides read CLOCK_MONOTONIC, which is one clock for the
whole machine, so the difference is the real delay (30 pages, 200 events). Each figure is judged against a
floor measured in the same run by the same pages: on the same timer, a bare sqlite3 commit (the event made
durable, DESIGN §2) then a bare QWebSocketServer in this process sending text of the same length to as many
pages, with no engine, store or room code (target: at most 3 times that); the median must also be within a
second (DESIGN §9).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/room.py [--events 200] [--clients 30]
Prints a table; not part of the test run.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _table import print_table  # noqa: E402  (also puts the checkout on sys.path)
from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer  # noqa: E402
from PySide6.QtNetwork import QHostAddress  # noqa: E402
from PySide6.QtWebSockets import QWebSocket, QWebSocketServer  # noqa: E402

from meetingkit.clock import SystemClock  # noqa: E402
from meetingkit.models.meeting import AgendaItem, Attendee, BreakSettings, Meeting  # noqa: E402
from meetingkit.room.server import RoomServer  # noqa: E402
from meetingkit.store.repository import Store  # noqa: E402
from meetingkit.ui.common.live_bridge import LiveBridge  # noqa: E402

MOST = 3.0  # a figure may be at most 3x its floor
TARGET_MEDIAN_MS = 1000.0  # DESIGN §9: the pages follow "within a second"
PEOPLE = 12


# ---- the pages (run in a separate process) --------------------------------------------------------------


async def _page(host: str, port: int, target: str, seen: dict[int, float], ready: asyncio.Event) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    key = base64.b64encode(os.urandom(16)).decode()
    writer.write(
        f"GET {target} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n".encode()
    )
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    if b" 101 " not in head.split(b"\r\n", 1)[0]:
        raise RuntimeError(f"no WebSocket: {head[:80]!r}")
    message = b""
    while True:
        try:
            b0, b1 = await reader.readexactly(2)
        except asyncio.IncompleteReadError:
            break
        size = b1 & 0x7F
        if size == 126:
            size = int.from_bytes(await reader.readexactly(2), "big")
        elif size == 127:
            size = int.from_bytes(await reader.readexactly(8), "big")
        payload = await reader.readexactly(size)
        opcode = b0 & 0x0F
        if opcode == 8:  # close
            break
        if opcode not in (0, 1):
            continue
        message += payload
        if not b0 & 0x80:  # more frames of this message to come
            continue
        data = json.loads(message)
        message = b""
        if data.get("type") == "state":
            seen.setdefault(data["seq"], time.monotonic())
            ready.set()
    writer.close()


async def _pages(url: str, clients: int) -> list[dict[int, float]]:
    rest = url.split("://", 1)[1]
    hostport, _, query = rest.partition("/")
    host, _, port = hostport.rpartition(":")
    target = "/ws" + query[query.index("?") :]
    seen: list[dict[int, float]] = [{} for _ in range(clients)]
    ready = [asyncio.Event() for _ in range(clients)]
    tasks = [asyncio.create_task(_page(host, int(port), target, seen[i], ready[i])) for i in range(clients)]
    await asyncio.gather(*(r.wait() for r in ready))
    print("ready", flush=True)
    await asyncio.gather(*tasks)
    return seen


def pages_main(url: str, clients: int) -> None:
    seen = asyncio.run(_pages(url, clients))
    print(json.dumps([{str(k): v for k, v in s.items()} for s in seen]), flush=True)


# ---- the console's side ---------------------------------------------------------------------------------


def board(clock: SystemClock) -> Meeting:
    people = [Attendee(f"p{i}", f"Person {i}", role="member") for i in range(PEOPLE)]
    agenda = [AgendaItem(f"i{i}", f"Item {i}", 20) for i in range(4)]
    return Meeting(
        title="Room benchmark",
        series="Bench",
        scheduled_start=clock.now_utc(),
        venue="Here",
        speaker_limit_s=180,
        warn_s=30,
        brk=BreakSettings(True, 0.5, 10),
        people=people,
        agenda=agenda,
    )


def commands(n: int) -> list[tuple[str, dict[str, Any]]]:
    """n commands a chair might give, each one event: the floor, the queue, more time."""
    out: list[tuple[str, dict[str, Any]]] = []
    i = 0
    while len(out) < n:
        speaker, waiting = f"p{i % PEOPLE}", f"p{(i + 1) % PEOPLE}"
        out += [
            ("speak", {"who": speaker}),
            ("queue", {"who": waiting}),
            ("extend", {"seconds": 60}),
            ("unqueue", {"who": waiting}),
        ]
        i += 1
    return out[:n]


def spin(until: Any, timeout_s: float) -> None:
    loop = QEventLoop()
    deadline = time.monotonic() + timeout_s
    while not until() and time.monotonic() < deadline:
        loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


class Pages:
    """The pages' process, connected to `url`; `result()` gives, per page, when each event's state arrived."""

    def __init__(self, url: str, clients: int) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, __file__, "--pages", url, "--clients", str(clients)],
            stdout=subprocess.PIPE,
            text=True,
        )
        self.lines: list[str] = []
        self.reader = threading.Thread(target=lambda: self.lines.extend(self.proc.stdout or []), daemon=True)
        self.reader.start()
        spin(lambda: bool(self.lines) or self.proc.poll() is not None, 60)
        if not self.lines or self.lines[0].strip() != "ready":
            raise RuntimeError("the pages did not connect")

    def result(self) -> list[dict[int, float]]:
        """After the sender has closed every connection."""
        spin(lambda: self.proc.poll() is not None and len(self.lines) > 1, 60)
        self.reader.join(timeout=10)
        return [{int(k): v for k, v in page.items()} for page in json.loads(self.lines[1])]


def every_command(events: int, interval_ms: int, send: Any) -> None:
    """Call send() every interval_ms until it has been called `events` times."""
    left = [events]

    def tick() -> None:
        if left[0] <= 0:
            timer.stop()
            return
        left[0] -= 1
        send()

    timer = QTimer()
    timer.setInterval(interval_ms)
    timer.timeout.connect(tick)
    timer.start()
    spin(lambda: left[0] <= 0, events * interval_ms / 1000 + 60)
    spin(lambda: False, 0.5)  # the last messages on their way


def delays_of(sent: dict[int, float], seen: list[dict[int, float]]) -> list[float]:
    missing = sum(1 for seq in sent for page in seen if seq not in page)
    if missing:
        raise RuntimeError(f"{missing} event(s) never reached a page (last seq {max(sent)})")
    return [(page[seq] - t0) * 1000.0 for seq, t0 in sent.items() for page in seen]


def measure(events: int, clients: int, interval_ms: int) -> tuple[list[float], list[float], int]:
    """(delays command -> page in ms, one per page per event; time of the command alone in ms; the length of
    the state text the pages were sent)."""
    clock = SystemClock()
    folder = Path(tempfile.mkdtemp(prefix="mk-room-bench-"))
    store = Store(folder / "bench.db")
    session = store.open_live(store.create_meeting(board(clock)), clock)
    bridge = LiveBridge(session)
    room = RoomServer(session)
    bridge.changed.connect(room.publish)
    url = room.start("127.0.0.1", 0)
    bridge.command("start_meeting")
    pages = Pages(url, clients)
    sent: dict[int, float] = {}
    alone: list[float] = []
    todo = commands(events)

    def next_command() -> None:
        kind, payload = todo.pop(0)
        t0 = time.monotonic()
        event = bridge.command(kind, **payload)
        if event is None:
            raise RuntimeError(f"the engine refused {kind} {payload}")
        alone.append((time.monotonic() - t0) * 1000.0)
        sent[event.seq] = t0

    every_command(events, interval_ms, next_command)
    size = len(room._state_text().encode())
    room.stop()
    delays = delays_of(sent, pages.result())
    bridge.stop()
    store.close()
    return delays, alone, size


def floor(events: int, clients: int, interval_ms: int, size: int) -> list[float]:
    """The same pages, timer and text length from a bare QWebSocketServer after a bare sqlite3 commit: what
    making an event durable and delivering it cost here, with no engine, store or room code."""
    server = QWebSocketServer("floor", QWebSocketServer.SslMode.NonSecureMode)
    if not server.listen(QHostAddress(QHostAddress.SpecialAddress.LocalHost), 0):
        raise RuntimeError(f"the floor's server cannot listen: {server.errorString()}")
    sockets: list[QWebSocket] = []

    def text(seq: int) -> str:
        head = f'{{"type": "state", "seq": {seq}, "pad": "'
        return head + "x" * max(0, size - len(head) - 2) + '"}'

    def connected() -> None:
        while server.hasPendingConnections():
            socket = server.nextPendingConnection()
            sockets.append(socket)
            socket.sendTextMessage(text(0))  # as the room does: the state at once

    server.newConnection.connect(connected)
    pages = Pages(f"http://127.0.0.1:{server.serverPort()}/?floor", clients)
    # An event is shown only once it is durable (DESIGN §2): the floor commits a row first, as bare sqlite3 does.
    db = sqlite3.connect(Path(tempfile.mkdtemp(prefix="mk-room-floor-")) / "floor.db", isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("CREATE TABLE events (seq INTEGER, payload TEXT)")
    sent: dict[int, float] = {}

    def send() -> None:
        seq = len(sent) + 1
        message = text(seq)
        sent[seq] = time.monotonic()
        db.execute("BEGIN")
        db.execute("INSERT INTO events VALUES (?, ?)", [seq, message])
        db.execute("COMMIT")
        for socket in sockets:
            socket.sendTextMessage(message)

    every_command(events, interval_ms, send)
    for socket in sockets:
        socket.close()
    server.close()
    db.close()
    return delays_of(sent, pages.result())


def p99(values: list[float]) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[98]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--events", type=int, default=200)
    ap.add_argument("--clients", type=int, default=30)
    ap.add_argument("--interval-ms", type=int, default=25, help="between commands (a busy chair: 1 a second)")
    ap.add_argument("--pages", help=argparse.SUPPRESS)  # run as the pages' process, for this URL
    args = ap.parse_args(argv)
    if args.pages:
        pages_main(args.pages, args.clients)
        return 0
    QCoreApplication.instance() or QCoreApplication([])
    delays, alone, size = measure(args.events, args.clients, args.interval_ms)
    bare = floor(args.events, args.clients, args.interval_ms, size)
    median, high = statistics.median(delays), p99(delays)
    median_floor, high_floor = statistics.median(bare), p99(bare)
    floor_words = f"sqlite3 commit + bare QWebSocketServer, same pages, {size:,}-byte text,"
    title = f"Room view: command to page ({args.clients} pages, {args.events} events, one every {args.interval_ms} ms)"
    passed = print_table(
        title,
        [
            (
                "command to every page, median",
                f"{median:.1f} ms",
                f"<= {MOST:g}x floor, < {TARGET_MEDIAN_MS / 1000:g} s",
                f"floor: {floor_words} median {median_floor:.1f} ms (x{median / median_floor:.2f});"
                f" command alone (engine + durable write) {statistics.median(alone):.1f} ms",
                median <= MOST * median_floor and median < TARGET_MEDIAN_MS,
            ),
            (
                "command to every page, p99",
                f"{high:.1f} ms",
                f"<= {MOST:g}x floor",
                f"floor: {floor_words} p99 {high_floor:.1f} ms (x{high / high_floor:.2f});"
                f" {len(delays):,} deliveries; command alone p99 {p99(alone):.1f} ms",
                high <= MOST * high_floor,
            ),
        ],
    )
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
