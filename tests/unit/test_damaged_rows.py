"""A database changed outside MeetingKit one stored value at a time (bad JSON, a time that is not one, text
where a number belongs): every read gives its rows or one clear StoreError, never a traceback (DESIGN §4)."""

from __future__ import annotations

import json
import random
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from meetingkit.clock import FakeClock
from meetingkit.models import record
from meetingkit.models.meeting import DomainError
from meetingkit.store.database import StoreError
from meetingkit.store.repository import Store
from meetingkit.store.series_queries import series_overview
from meetingkit.terminal import shown
from tests.conftest import EXAMPLE_RECORD

_SAMPLE: list[bytes] = []
TABLES = [
    "series", "people", "meetings", "attendees", "agenda_items", "events", "speeches", "notes", "decisions",
    "feedback", "actions", "action_updates",
]  # fmt: skip
VALUES = (
    st.sampled_from(
        [
            None,
            "",
            "{",
            "[]",
            "{}",
            "null",
            "nan",
            '{"present": 1}',
            '{"break": {}, "present": [], "timing": {}}',
            "2026-13-45",
            "2026-06-12",
            "2026-06-12T09:00:00",
            "speak",
            '{"who": 5}',
            '{"who": "nobody"}',
            -1,
            0,
            10**15,
            1.5,
            float("inf"),
            b"\x00\xff",
        ]
    )  # fmt: skip
    | st.text(max_size=12)
    | st.integers(-(10**16), 10**16)
    | st.floats(allow_nan=True)
    | st.dictionaries(
        st.sampled_from(["present", "break", "timing", "who", "items"]), st.integers(), max_size=3
    ).map(json.dumps)
)


def sample_db(folder: Path) -> bytes:
    """A real database holding the example meeting and its series (made once)."""
    if not _SAMPLE:
        path = folder / "good.db"
        with Store(path) as store:
            store.import_record(record.parse(EXAMPLE_RECORD.read_text()))
            store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        _SAMPLE.append(path.read_bytes())
    return _SAMPLE[0]


def read_everything(store: Store) -> None:
    """What the app, the review and the command line read of each meeting."""
    for row in store.list_meetings():
        store.summary(row.id).to_json()
        store.rebuild(row.id, FakeClock(datetime(2026, 6, 12, 12, 0, tzinfo=UTC)))
        store.speeches(row.id)
        store.minutes_context(row.id)
        series_overview(store, row.series)
    store.actions()
    store.people()


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table=st.sampled_from(TABLES), data=st.data())
def test_a_value_changed_outside_meetingkit_is_reported_in_words(
    tmp_path: Path, table: str, data: st.DataObject
) -> None:
    path = tmp_path / f"changed-{random.random()}.db"
    path.write_bytes(sample_db(tmp_path))
    other = sqlite3.connect(path, isolation_level=None)
    columns = [r[1] for r in other.execute(f'PRAGMA table_info("{table}")')]
    rows = other.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    assume(rows > 0)
    column = data.draw(st.sampled_from(columns), label="column")
    offset = data.draw(st.integers(0, rows - 1), label="row")
    value = data.draw(VALUES, label="value")
    try:
        other.execute(
            f'UPDATE "{table}" SET "{column}" = ? WHERE rowid = (SELECT rowid FROM "{table}" LIMIT 1 OFFSET ?)',
            [value, offset],
        )
    except sqlite3.Error:  # the schema itself refuses it (NOT NULL, UNIQUE, a foreign key)
        assume(False)
    finally:
        other.close()
    with Store(path) as store:
        try:
            read_everything(store)
        except StoreError as exc:
            message = str(exc)
            assert "changed outside MeetingKit" in message or "no meeting" in message.lower(), message
            assert "\n" not in message
        except DomainError as exc:  # the stored events replay into a refusal, said in words
            # The refusal may quote the damaged value itself (a presenter of "\n"); what a person is shown of
            # it on a terminal is still one line.
            assert str(exc) and "\n" not in shown(exc)
