"""The store: safe opening, pragmas, private files, one transaction per command, rebuild, backups."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from meetingkit.clock import FakeClock
from meetingkit.models import record
from meetingkit.models.meeting import AgendaItem, Attendee, Meeting
from meetingkit.models.summary import MeetingSummary
from meetingkit.store import database
from meetingkit.store.database import SCHEMA_VERSION, StoreError
from meetingkit.store.repository import Store
from tests.conftest import EXAMPLE_RECORD


def small_meeting(series: str = "Board") -> Meeting:
    return Meeting(
        title="Partnership board",
        series=series,
        scheduled_start=datetime(2026, 6, 12, 9, 0, tzinfo=UTC),
        people=[
            Attendee("ch", "Ann Chair", role="chair", sector="commissioning"),
            Attendee("pr", "Pat Rep", role="patient_rep", sector="patients and public"),
            Attendee("ab", "Absent Person", attendance="apologies"),
        ],
        agenda=[
            AgendaItem("a", "Welcome", 5),
            AgendaItem("b", "Plans", 20),
            AgendaItem("c", "Next steps", 5, kind="next_steps"),
        ],
    )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_database_has_pragmas_version_and_private_files(db_path: Path) -> None:
    with Store(db_path) as store:
        db = store.db
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db.execute("PRAGMA busy_timeout").fetchone()[0] > 0
        assert db.execute("PRAGMA secure_delete").fetchone()[0] == 1
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert set(db.table_names()) >= {
            "series",
            "people",
            "meetings",
            "attendees",
            "agenda_items",
            "events",
            "speeches",
            "decisions",
            "actions",
            "action_updates",
            "feedback",
        }
        store.create_meeting(small_meeting())
        assert mode(db_path) == 0o600
        assert mode(db_path.parent) == 0o700
        for suffix in ("-wal", "-shm"):
            side = Path(f"{db_path}{suffix}")
            assert side.exists() and mode(side) == 0o600


@pytest.mark.parametrize(
    "content",
    [b"hello, this is a text file\n" * 10, os.urandom(4096), b"SQLite format 3\x00" + b"\x00" * 200],
    ids=["text", "random", "truncated"],
)
def test_foreign_or_damaged_file_is_refused_and_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "thing.db"
    path.write_bytes(content)
    before = digest(path)
    with pytest.raises(StoreError) as err:
        Store(path)
    assert str(path) in str(err.value)
    assert digest(path) == before
    assert not Path(f"{path}-wal").exists()


def test_another_programs_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.execute("INSERT INTO recipes VALUES ('soup')")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(StoreError, match="another program"):
        Store(path)
    assert digest(path) == before


def test_newer_schema_is_refused_without_writing(db_path: Path) -> None:
    Store(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    conn.close()
    before = digest(db_path)
    with pytest.raises(StoreError, match="newer MeetingKit"):
        Store(db_path)
    assert digest(db_path) == before


def test_damaged_page_fails_quick_check(db_path: Path) -> None:
    with Store(db_path) as store:
        rec = record.parse(EXAMPLE_RECORD.read_text())
        store.import_record(rec)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db_path.read_bytes())
    page = 4096
    for i in range(page * 2 + 100, min(len(data), page * 6), 7):  # scribble over table pages, not the header
        data[i] = (data[i] + 91) % 256
    db_path.write_bytes(bytes(data))
    before = digest(db_path)
    with pytest.raises(StoreError):
        Store(db_path)
    assert digest(db_path) == before


def test_migration_ladder_steps_each_in_one_transaction(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []

    def step_next(db: object) -> None:
        calls.append(SCHEMA_VERSION + 1)
        database.Database.execute(db, "CREATE TABLE extra (x INTEGER)")  # type: ignore[arg-type]
        raise RuntimeError("power cut half-way")

    Store(db_path).close()
    monkeypatch.setattr(database, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setitem(database.MIGRATIONS, SCHEMA_VERSION + 1, step_next)
    with pytest.raises(RuntimeError):
        Store(db_path)
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert "extra" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    assert calls == [SCHEMA_VERSION + 1]
    assert list((db_path.parent / "backups").glob(f"*before-migration-{SCHEMA_VERSION}.db")), "backup first"


def downgrade_to_version_1(path: Path) -> None:
    """The file as MeetingKit wrote it at schema 1: without what later versions added."""
    conn = sqlite3.connect(path)
    conn.executescript(
        "DROP INDEX events_approvals; DROP TABLE meta; DROP TABLE writer_locks; ALTER TABLE events DROP COLUMN hash;"
        " ALTER TABLE meetings DROP COLUMN chain_seq; ALTER TABLE meetings DROP COLUMN chain_head;"
        " ALTER TABLE meetings DROP COLUMN time_zone; ALTER TABLE meetings DROP COLUMN unheard_first;"
        " PRAGMA user_version=1;"
    )
    conn.close()


def test_a_version_1_database_is_migrated_with_its_data(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(db_path) as old:
        mid = old.import_record(record.parse(EXAMPLE_RECORD.read_text()))
        before = old.summary(mid).to_json()
    downgrade_to_version_1(db_path)
    with Store(db_path) as new:
        assert new.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert "meta" in new.db.table_names()
        assert new.summary(mid).to_json() == before
        assert new.load_meeting(mid).unheard_first  # the queue setting, on for meetings planned before it


def test_approvals_are_read_from_their_own_index_which_a_file_gains_without_a_new_schema(
    db_path: Path,
) -> None:
    # The meeting list reads every approval at each start: from an index of those events, not the whole log.
    # The index changes no table: the file stays at its schema version, so a MeetingKit from before the index
    # (a colleague on a shared folder who has not updated yet) still opens it.
    with Store(db_path) as store:
        first = store.import_record(record.parse(EXAMPLE_RECORD.read_text()))
        store.approve(first, FakeClock(datetime(2026, 7, 1, 9, 0, tzinfo=UTC)))
        assert store.approved_meetings() == {first}
    conn = sqlite3.connect(db_path)
    conn.executescript("DROP INDEX events_approvals;")  # as the previous version left it
    conn.close()
    with Store(db_path) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
        plan = store.db.execute(
            "EXPLAIN QUERY PLAN SELECT e.meeting_id, m.series_id, e.payload FROM events e"
            " JOIN meetings m ON m.id = e.meeting_id WHERE e.type = 'minutes_approved'"
        ).fetchall()
        assert any("events_approvals" in str(row) for row in plan), plan
        assert store.approved_meetings() == {first}
    assert not (db_path.parent / "backups").exists() or not list((db_path.parent / "backups").iterdir())


def test_a_file_upgraded_by_another_program_meanwhile_is_not_upgraded_twice(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two windows opened at once after an update: the second reads the old version, then the first upgrades
    # the file before the second takes the write lock.
    with Store(db_path) as store:
        store.import_record(record.parse(EXAMPLE_RECORD.read_text()))
    downgrade_to_version_1(db_path)
    real_backup = database.backup

    def backup_while_another_upgrades(*args: object, **kwargs: object) -> object:
        made = real_backup(*args, **kwargs)  # type: ignore[arg-type]
        monkeypatch.setattr(database, "backup", real_backup)
        Store(db_path).close()  # the other program, done first
        return made

    monkeypatch.setattr(database, "backup", backup_while_another_upgrades)
    with Store(db_path) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert len(store.list_meetings()) == 1


def test_a_file_another_program_keeps_busy_while_it_needs_upgrading_is_called_busy_not_damaged(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The first start after an update upgrades the file; a program holding its write lock longer than the busy
    # timeout (a long import, a database browser with changes not yet written) made the upgrade fail with
    # "database is locked", which was reported as a damaged file.
    with Store(db_path) as store:
        store.import_record(record.parse(EXAMPLE_RECORD.read_text()))
    downgrade_to_version_1(db_path)
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    real_pragmas = database._set_pragmas

    def no_wait(db: Any) -> None:  # the busy timeout, run out at once instead of after seconds
        real_pragmas(db)
        db.execute("PRAGMA busy_timeout=0")

    monkeypatch.setattr(database, "_set_pragmas", no_wait)
    with pytest.raises(StoreError) as refused:
        Store(db_path)
    assert "another program" in str(refused.value) and "damaged" not in str(refused.value)
    conn.execute("ROLLBACK")
    conn.close()
    with Store(db_path) as store:  # once the other program is done, the file opens and is upgraded
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert len(store.list_meetings()) == 1


def test_each_command_is_committed_before_it_returns(store: Store, db_path: Path, clock: FakeClock) -> None:
    mid = store.create_meeting(small_meeting())
    session = store.open_live(mid, clock)
    session.apply("start_meeting")
    clock.advance(5)
    session.apply("speak", {"who": "pr"})
    # A second connection (another process would see the same) finds the event and its turn already there.
    other = sqlite3.connect(db_path)
    assert [
        r[0] for r in other.execute("SELECT type FROM events WHERE meeting_id = ? ORDER BY seq", [mid])
    ] == [
        "start_meeting",
        "speak",
    ]
    assert other.execute("SELECT person_key FROM speeches WHERE meeting_id = ?", [mid]).fetchall() == [
        ("pr",)
    ]
    other.close()
    assert not store.db.conn.in_transaction


def test_refused_command_writes_nothing(store: Store, clock: FakeClock) -> None:
    mid = store.create_meeting(small_meeting())
    session = store.open_live(mid, clock)
    with pytest.raises(Exception, match="not started"):
        session.apply("next_item")
    assert store.events(mid) == []
    assert store.meeting_status(mid) == "draft"


def test_running_meeting_is_rebuilt_exactly(store: Store, db_path: Path, clock: FakeClock) -> None:
    mid = store.create_meeting(small_meeting())
    session = store.open_live(mid, clock)
    script = [
        ("start_meeting", {}),
        ("speak", {"who": "ch"}),
        ("interject", {"who": "pr"}),
        ("stop_speaking", {}),
        ("note", {"text": "Plans <draft> & notes"}),
        ("pause", {}),
        ("resume", {}),
        ("next_item", {}),
        ("speak", {"who": "pr"}),
        ("action", {"text": "Write to GP practices", "owner": "ch"}),
    ]
    for cmd, payload in script:
        clock.advance(37)
        session.apply(cmd, payload)
    clock.advance(20)
    now = session.live.now()
    expected = MeetingSummary.of(session.live, mid, now).to_json()
    expected_timer = session.live.speaker_timer(now).text
    # As after a crash: a new Store on the same file, the meeting rebuilt from its events.
    with Store(db_path) as again:
        assert again.running_meetings() == [mid]
        rebuilt = again.open_live(mid, clock).live
        assert MeetingSummary.of(rebuilt, mid, now).to_json() == expected
        assert rebuilt.speaker_timer(now).text == expected_timer
        assert rebuilt.speaker is not None and rebuilt.speaker == "pr"
        assert [n.text for n in rebuilt.notes] == ["Plans <draft> & notes"]


def test_time_while_the_program_was_down_counts(store: Store, db_path: Path, clock: FakeClock) -> None:
    mid = store.create_meeting(small_meeting())
    session = store.open_live(mid, clock)
    session.apply("start_meeting")
    clock.advance(60)
    session.apply("speak", {"who": "ch"})
    clock.advance(100)  # the program is killed and restarted 100 s later: the room went on
    rebuilt = Store(db_path).open_live(mid, FakeClock(clock.now_utc(), monotonic=5.0)).live
    assert rebuilt.elapsed() == pytest.approx(160, abs=0.01)
    assert rebuilt.speaker_timer().elapsed_s == pytest.approx(100, abs=0.01)


def test_backups_keep_the_last_ten(store: Store, db_path: Path, clock: FakeClock) -> None:
    for i in range(12):
        store.backup(reason=f"test-{i:02d}")
    copies = sorted((db_path.parent / "backups").glob("*.db"))
    assert len(copies) == 10
    assert all(mode(c) == 0o600 for c in copies)
    assert mode(db_path.parent / "backups") == 0o700
    # A copy is a working database.
    conn = sqlite3.connect(copies[-1])
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


def test_ending_a_meeting_makes_a_backup(store: Store, db_path: Path, clock: FakeClock) -> None:
    mid = store.create_meeting(small_meeting())
    session = store.open_live(mid, clock)
    session.apply("start_meeting")
    clock.advance(10)
    session.apply("skip_break", {"reason": "Ended early"})
    session.apply("end_meeting")
    copies = list((db_path.parent / "backups").glob("*meeting-ended.db"))
    assert len(copies) == 1
    conn = sqlite3.connect(copies[0])
    assert conn.execute("SELECT status FROM meetings WHERE id = ?", [mid]).fetchone()[0] == "ended"
    conn.close()


def test_record_import_is_all_or_nothing(store: Store, db_path: Path) -> None:
    data = json.loads(EXAMPLE_RECORD.read_text())
    data["events"].append({"t": "2:00:00", "do": "speak", "who": "ch"})  # after end_meeting: refused
    before = store.list_meetings()
    with pytest.raises(record.RecordError, match=r"event \d+ \(speak\)"):
        store.import_record(record.parse(json.dumps(data)))
    assert store.list_meetings() == before
    assert store.db.execute("SELECT count(*) FROM events").fetchone()[0] == 0
    assert store.db.execute("SELECT count(*) FROM people").fetchone()[0] == 0


def test_disk_refusing_writes_keeps_the_meeting_in_memory(
    store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    mid = store.create_meeting(small_meeting())
    session = store.open_live(mid, clock)
    session.apply("start_meeting")
    from meetingkit.store import live_session

    real = live_session.write_event

    def full(*args: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(live_session, "write_event", full)
    clock.advance(3)
    session.apply("speak", {"who": "ch"})
    assert session.write_error and "disk is full" in session.write_error
    assert len(session.pending) == 1
    assert [e.type for e in store.events(mid)] == ["start_meeting"]
    monkeypatch.setattr(live_session, "write_event", real)
    clock.advance(3)
    session.apply("stop_speaking")
    assert session.write_error is None and not session.pending
    assert [e.type for e in store.events(mid)] == ["start_meeting", "speak", "stop_speaking"]


def test_actions_follow_the_series(store: Store, clock: FakeClock) -> None:
    first = store.create_meeting(small_meeting())
    s1 = store.open_live(first, clock)
    s1.apply("start_meeting")
    s1.apply("action", {"text": "Ask the GP federation", "owner": "ch", "due": "2026-07-01"})
    s1.apply("skip_break", {"reason": "Ended early"})
    s1.apply("end_meeting")
    second_meeting = small_meeting()
    # Later the same day: a meeting planned for another day cannot be started (the engine says so).
    second_meeting.scheduled_start = clock.now_utc() + timedelta(hours=3)
    second = store.create_meeting(second_meeting)
    prior = store.prior_actions(second)
    assert [(a.text, a.status) for a in prior] == [("Ask the GP federation", "open")]
    s2 = store.open_live(second, clock)
    s2.apply("start_meeting")
    s2.apply("action_update", {"action": prior[0].key, "status": "done", "note": "Met on 3 July"})
    rows = store.actions(series="Board")
    assert [(r.text, r.status, r.owner) for r in rows] == [("Ask the GP federation", "done", "Ann Chair")]
    assert [(u.status, u.note, u.meeting_id) for u in rows[0].updates] == [("done", "Met on 3 July", second)]
    assert store.actions(series="Board", overdue_on=datetime(2026, 8, 1).date()) == []
    # The second meeting, rebuilt, sees the action as it stood before it, then its own update.
    rebuilt = store.rebuild(second, clock)
    assert rebuilt.prior_actions[prior[0].key].status == "done"
    assert len(rebuilt.prior_actions[prior[0].key].updates) == 1


def test_deleting_a_meeting_removes_everything_and_old_backups_at_the_next_rotation(
    store: Store, db_path: Path
) -> None:
    mid = store.import_record(record.parse(EXAMPLE_RECORD.read_text()))
    store.backup(reason="before")
    store.delete_meeting(mid)
    for table in (
        "events",
        "speeches",
        "notes",
        "decisions",
        "feedback",
        "actions",
        "attendees",
        "agenda_items",
    ):
        assert store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
    assert list((db_path.parent / "backups").glob("*before.db")), "kept until the next rotation"
    store.backup(reason="after")
    names = [p.name for p in (db_path.parent / "backups").glob("*.db")]
    assert len(names) == 1 and names[0].endswith("after.db")
    with pytest.raises(StoreError, match="no meeting"):
        store.delete_meeting(mid)


def test_deleting_a_person_anonymises_them_everywhere(store: Store, clock: FakeClock, db_path: Path) -> None:
    mid = store.import_record(record.parse(EXAMPLE_RECORD.read_text()))
    session = store.open_live(store.create_meeting(small_meeting()), clock)
    session.apply("start_meeting")
    session.apply("note", {"text": "Eileen Foster asked about transport; EILEEN FOSTER to follow up"})
    before = store.summary(mid).to_json()
    person = next(p for p in store.people() if p["name"] == "Eileen Foster")
    assert store.delete_person(person["id"]) == 1
    assert all(p["name"] != "Eileen Foster" for p in store.people())
    after = store.summary(mid).to_json()
    assert [p["name"] for p in after["people"]][2] == "former attendee"
    assert [p["seconds"] for p in after["people"]] == [p["seconds"] for p in before["people"]]
    raw = db_path.read_bytes() + Path(f"{db_path}-wal").read_bytes()
    assert b"Eileen" not in raw and b"EILEEN" not in raw and b"Foster" not in raw.replace(b"Foster's", b"")
    notes = store.rebuild(session.meeting_id, clock).notes
    assert notes[0].text == "former attendee asked about transport; former attendee to follow up"


def test_a_really_full_disk_keeps_the_meeting_going_and_saves_later(store: Store, clock: FakeClock) -> None:
    mid = store.create_meeting(small_meeting())
    session = store.open_live(mid, clock)
    session.apply("start_meeting")
    # SQLite's own page limit gives the same SQLITE_FULL a full disk does.
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count={pages}")
    long_text = "x" * 19_990  # near the longest note DESIGN §6 allows
    for i in range(5):
        clock.advance(30)
        session.apply("note", {"text": f"{i} {long_text}"})
    assert session.write_error and "full" in session.write_error
    assert len(session.pending) == 5
    assert len(session.live.notes) == 5, "the meeting goes on in memory"
    store.db.execute("PRAGMA max_page_count=1073741823")
    assert session.flush()
    assert session.write_error is None
    assert [n.text[:2] for n in store.rebuild(mid, clock).notes] == ["0 ", "1 ", "2 ", "3 ", "4 "]


def test_read_only_database_is_refused_clearly(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Store(db_path).close()
    before = digest(db_path)
    # Root may write to any file, so ask the OS question the way a normal user would get it answered.
    real_access = os.access
    monkeypatch.setattr(
        database.os, "access", lambda p, m: False if Path(p) == db_path else real_access(p, m)
    )
    with pytest.raises(StoreError, match="read-only: MeetingKit needs to write"):
        Store(db_path)
    assert digest(db_path) == before
