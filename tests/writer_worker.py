"""A second MeetingKit in its own process, for the one-writer tests: it runs a meeting (holding its writer lock
and beating its heartbeat) or holds the file's write lock for a while, and says so on stdout."""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime

from meetingkit.clock import SystemClock
from meetingkit.store.repository import Store
from meetingkit.store.writer_locks import HEARTBEAT_S


def run_meeting(path: str, mid: int) -> None:
    """Open the meeting's console-side session as the app does, start it and keep it alive until killed."""
    store = Store(path)
    session = store.open_live(mid, SystemClock())
    session.take_lock()
    if session.live.status == "ready":
        # Planned on the tests' fake date: moved to now first, as the console's "Move to today" does (a start
        # more than 12 hours from the plan is refused).
        session.live.replan_start(datetime.now(UTC).replace(microsecond=0))
        session.apply("start_meeting")
    first = session.live.meeting.people[0].key
    session.apply("speak", {"who": first})
    print("running", len(session.live.events), flush=True)
    while True:  # until SIGKILL, or the parent closes our stdin
        time.sleep(HEARTBEAT_S / 3)
        session.heartbeat()
        if session.read_only:
            print("lost", session.read_only, flush=True)


def hold_meeting(path: str, mid: int) -> None:
    """A Minutes window in another process: the meeting's writer lock held (an ended meeting), beating."""
    store = Store(path)
    session = store.open_live(mid, SystemClock())
    session.take_lock()
    print("holding", len(session.live.events), flush=True)
    while True:
        time.sleep(HEARTBEAT_S / 3)
        session.heartbeat()


def hold_write_lock(path: str, seconds: float) -> None:
    """Another program writing a long transaction (a big replay): the file is busy for `seconds`."""
    store = Store(path)
    store.db.execute("BEGIN IMMEDIATE")
    store.db.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES ('busy', ?)", [datetime.now(UTC).isoformat()]
    )
    print("writing", flush=True)
    time.sleep(seconds)
    store.db.execute("COMMIT")
    print("done", flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "run":
        run_meeting(sys.argv[2], int(sys.argv[3]))
    elif sys.argv[1] == "hold":
        hold_meeting(sys.argv[2], int(sys.argv[3]))
    else:
        hold_write_lock(sys.argv[2], float(sys.argv[3]))
