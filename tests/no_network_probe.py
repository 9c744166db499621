"""Run MeetingKit's main paths with sockets forbidden, then report any network socket the process holds.

`python -m tests.no_network_probe DB OUT.pdf` prints `OK` or the offending socket use, for test_no_network.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

BLOCKED: list[str] = []


def _hook(event: str, args: tuple) -> None:
    if event in ("socket.__new__", "socket.connect", "socket.bind", "socket.getaddrinfo", "socket.sendto"):
        family = args[1] if event == "socket.__new__" and len(args) > 1 else None
        if family == 1:  # AF_UNIX: local only, not the network
            return
        BLOCKED.append(f"{event} {args!r}"[:200])
        raise OSError("network use is not allowed")


def inet_sockets() -> list[str]:
    """INET/INET6 sockets this process holds (seen from /proc, so C++ code is caught too)."""
    inodes = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    found = []
    for table in ("tcp", "tcp6", "udp", "udp6"):
        try:
            lines = Path(f"/proc/self/net/{table}").read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            cols = line.split()
            if len(cols) > 9 and cols[9] in inodes:
                found.append(f"{table} {cols[1]} -> {cols[2]}")
    return found


def room_sharing_problems(store: object) -> list[str]:
    """The room view listens only while the chair shares: nothing with the console open, a port while
    sharing, nothing once the console has closed."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from meetingkit.clock import FakeClock
    from meetingkit.ui.common.live_bridge import LiveBridge
    from meetingkit.ui.console.console_window import ConsoleWindow

    bridge = LiveBridge(store.open_live(1, FakeClock()))  # type: ignore[attr-defined]
    console = ConsoleWindow(bridge, store)  # type: ignore[arg-type]
    console.show()
    QCoreApplication.processEvents()
    problems = [f"listening with the console open, sharing off: {s}" for s in inet_sockets()]
    console.room.server.start("127.0.0.1", 0)
    if not any(s.endswith("-> 00000000:0000") for s in inet_sockets()):
        problems.append("sharing on, yet no listening socket seen: this probe cannot see Qt's sockets")
    console.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    problems += [f"still open after the console closed: {s}" for s in inet_sockets()]
    bridge.stop()
    return problems


def main(db: str, out: str) -> int:
    sys.addaudithook(_hook)
    from meetingkit.cli import main as cli_main

    for argv in (["demo", "--out", out], ["stats", "1", "--json"], ["export", "1"], ["list"], ["actions"]):
        code = cli_main([*argv, "--db", db])
        if code != 0:
            print(f"FAILED {argv}: exit {code}")
            return 1
    # The app itself, up to the event loop: main window on screen, demo seeded on a fresh database.
    from PySide6.QtWidgets import QApplication

    from meetingkit.app import start
    from meetingkit.clock import FakeClock

    window = start(Path(db).with_name("gui.db"), FakeClock())
    if window is None:
        print("FAILED: the app did not start")
        return 1
    QApplication.processEvents()
    problems = BLOCKED + inet_sockets() + room_sharing_problems(window.store)
    window.close()
    window.store.close()
    problems += BLOCKED + inet_sockets()
    print("OK" if not problems else "\n".join(problems))
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
