"""DESIGN §2: each event and the rows it changes are written in one transaction — all of it, or none of it."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from meetingkit.clock import FakeClock
from meetingkit.models.summary import MeetingSummary
from meetingkit.store import live_session
from meetingkit.store.repository import Store
from tests.unit.test_store import small_meeting


def snapshot(db_path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, as a second connection (another process) sees the file."""
    other = sqlite3.connect(db_path)
    try:
        tables = [r[0] for r in other.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: sorted(other.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    finally:
        other.close()


def failing_after_the_rows(real: Any, calls: list[str]) -> Any:
    """write_changes that writes every row it should, then fails: the event row is already in, too."""

    def write_changes(db: Any, mid: int, live: Any, changes: Any) -> None:
        events = db.execute("SELECT count(*) FROM events WHERE meeting_id = ?", [mid]).fetchone()[0]
        calls.append(f"{events} events written before the projections")
        real(db, mid, live, changes)
        raise sqlite3.OperationalError("disk I/O error (injected after the event and its rows)")

    return write_changes


@pytest.mark.parametrize(
    ("command", "payload", "table"),
    [
        ("speak", {"who": "pr"}, "speeches"),
        ("note", {"text": "The board thanked the patients' panel"}, "notes"),
        ("decision", {"text": "Approved"}, "decisions"),
        ("action", {"text": "Write to the trust", "owner": "ch"}, "actions"),
        ("end_meeting", {}, "meetings"),
    ],
)
def test_a_failed_projection_write_leaves_neither_the_event_nor_any_row(
    store: Store,
    db_path: Path,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    command: str,
    payload: dict[str, Any],
    table: str,
) -> None:
    mid = store.create_meeting(small_meeting())
    session = store.open_live(mid, clock)
    session.apply("start_meeting")
    clock.advance(20)
    session.apply("speak", {"who": "ch"})
    clock.advance(40)
    if command == "end_meeting":  # the end is refused while the feedback break is still to come
        session.apply("skip_break", {"reason": "A short meeting"})
    written = len(session.live.events)
    before = snapshot(db_path)
    real = live_session.write_changes
    calls: list[str] = []
    monkeypatch.setattr(live_session, "write_changes", failing_after_the_rows(real, calls))

    session.apply(command, payload)

    assert calls == [f"{written + 1} events written before the projections"], (
        "the failure came after the event row"
    )
    assert snapshot(db_path) == before, (
        f"the {command} event or a {table} row outlived the failed transaction"
    )
    assert not store.db.conn.in_transaction
    assert session.write_error and "injected" in session.write_error
    assert [e.type for e, _ in session.pending] == [command], "the meeting goes on in memory, nothing dropped"

    # When the disk is back, the waiting event and its rows are saved together and match a rebuild.
    monkeypatch.setattr(live_session, "write_changes", real)
    assert session.flush()
    after = snapshot(db_path)
    assert after != before
    skipped = ["skip_break"] if command == "end_meeting" else []
    assert [e.type for e in store.events(mid)] == ["start_meeting", "speak", *skipped, command]
    now = session.live.now()
    rebuilt = store.rebuild(mid, FakeClock(clock.now_utc()))
    assert (
        MeetingSummary.of(rebuilt, mid, now).to_json() == MeetingSummary.of(session.live, mid, now).to_json()
    )
