"""How fast the room view follows the chair: from a command in the console to every connected page having it.

The server runs here, as in the app (the console's process, a LiveBridge, the store writing each event);
the pages are WebSocket clients in another process (plain asyncio, the stdlib only), each timing the moment
it has parsed the `state` message of each event. Both sides read CLOCK_MONOTONIC, which is one clock for the
whole machine, so the difference is the real delay. Target: p99 under 250 ms with 30 pages, 200 events.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/room.py [--events 200] [--clients 30]
Prints a table; not part of the test run.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
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

from meetingkit.clock import SystemClock  # noqa: E402
from meetingkit.models.meeting import AgendaItem, Attendee, BreakSettings, Meeting  # noqa: E402
from meetingkit.room.server import RoomServer  # noqa: E402
from meetingkit.store.repository import Store  # noqa: E402
from meetingkit.ui.common.live_bridge import LiveBridge  # noqa: E402

TARGET_P99_MS = 250.0
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


def measure(events: int, clients: int, interval_ms: int) -> tuple[list[float], list[float]]:
    """(delays command -> page in ms, one per page per event; time of the command alone in ms)."""
    clock = SystemClock()
    folder = Path(tempfile.mkdtemp(prefix="mk-room-bench-"))
    store = Store(folder / "bench.db")
    session = store.open_live(store.create_meeting(board(clock)), clock)
    bridge = LiveBridge(session)
    room = RoomServer(session)
    bridge.changed.connect(room.publish)
    url = room.start("127.0.0.1", 0)
    bridge.command("start_meeting")
    proc = subprocess.Popen(
        [sys.executable, __file__, "--pages", url, "--clients", str(clients)],
        stdout=subprocess.PIPE,
        text=True,
    )
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(proc.stdout or []), daemon=True)
    reader.start()
    spin(lambda: bool(lines) or proc.poll() is not None, 60)
    if not lines or lines[0].strip() != "ready":
        raise RuntimeError("the pages did not connect")
    sent: dict[int, float] = {}
    alone: list[float] = []
    todo = commands(events)

    def next_command() -> None:
        if not todo:
            timer.stop()
            return
        kind, payload = todo.pop(0)
        t0 = time.monotonic()
        event = bridge.command(kind, **payload)
        if event is None:
            raise RuntimeError(f"the engine refused {kind} {payload}")
        alone.append((time.monotonic() - t0) * 1000.0)
        sent[event.seq] = t0

    timer = QTimer()
    timer.setInterval(interval_ms)
    timer.timeout.connect(next_command)
    timer.start()
    spin(lambda: not todo, events * interval_ms / 1000 + 60)
    last = max(sent)
    spin(lambda: False, 0.5)  # the last messages on their way
    room.stop()
    spin(lambda: proc.poll() is not None and len(lines) > 1, 60)
    reader.join(timeout=10)
    seen = [{int(k): v for k, v in page.items()} for page in json.loads(lines[1])]
    delays = [(page[seq] - t0) * 1000.0 for seq, t0 in sent.items() for page in seen if seq in page]
    missing = sum(1 for seq in sent for page in seen if seq not in page)
    if missing:
        raise RuntimeError(f"{missing} event(s) never reached a page (last seq {last})")
    bridge.stop()
    store.close()
    return delays, alone


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
    delays, alone = measure(args.events, args.clients, args.interval_ms)
    median, high = statistics.median(delays), p99(delays)
    title = f"Room view: command to page ({args.clients} pages, {args.events} events, one every {args.interval_ms} ms)"
    passed = print_table(
        title,
        [
            (
                "command to every page, median",
                f"{median:.1f} ms",
                f"< {TARGET_MEDIAN_MS:.0f} ms",
                f"command alone (engine + durable write): median {statistics.median(alone):.1f} ms",
                median < TARGET_MEDIAN_MS,
            ),
            (
                "command to every page, p99",
                f"{high:.1f} ms",
                f"< {TARGET_P99_MS:.0f} ms",
                f"{len(delays):,} deliveries; command alone p99 {p99(alone):.1f} ms",
                high < TARGET_P99_MS,
            ),
        ],
    )
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
