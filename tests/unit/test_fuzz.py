"""Bad input of every kind gets a clear error or a correct result: never a traceback, a hang or a changed file."""

from __future__ import annotations

import copy
import hashlib
import json
import os
import random
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meetingkit.clock import FakeClock
from meetingkit.models import record
from meetingkit.models.meeting import DomainError
from meetingkit.models.summary import MeetingSummary
from meetingkit.store.database import StoreError
from meetingkit.store.repository import Store
from tests.conftest import EXAMPLE_RECORD

EXAMPLE = json.loads(EXAMPLE_RECORD.read_text())
FUZZ = settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**12), 10**12)
    | st.floats(allow_nan=True)
    | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


def mutate(data: dict, rng: random.Random, value: object) -> dict:
    """One random change somewhere in a valid record: a field dropped, replaced, or an event added or moved."""
    out = copy.deepcopy(data)
    where = rng.choice(["meeting", "people", "agenda", "events", "events", "events", "top"])
    if where == "top":
        key = rng.choice([*out.keys(), "extra"])
        out[key] = value
        return out
    if where == "meeting":
        key = rng.choice([*out["meeting"].keys(), "break"])
        out["meeting"][key] = value
        return out
    target = out[where]
    i = rng.randrange(len(target))
    action = rng.choice(["drop_field", "set_field", "insert", "delete", "swap"])
    if action == "drop_field" and isinstance(target[i], dict) and target[i]:
        target[i].pop(rng.choice(list(target[i])))
    elif action == "set_field" and isinstance(target[i], dict):
        target[i][rng.choice([*target[i].keys(), "who", "item", "t"])] = value
    elif action == "insert":
        target.insert(
            i,
            value
            if where != "events"
            else {
                "t": rng.choice(["0:10:00", 30, "x"]),
                "do": rng.choice(
                    ["speak", "next_item", "interject", "skip_break", "action_update", "end_break", "pause"]
                ),
                "who": value,
            },
        )
    elif action == "delete":
        target.pop(i)
    else:
        j = rng.randrange(len(target))
        target[i], target[j] = target[j], target[i]
    return out


@FUZZ
@given(seed=st.integers(0, 2**32), value=json_values)
def test_mutated_records_give_a_record_error_or_a_meeting(seed: int, value: object) -> None:
    data = mutate(EXAMPLE, random.Random(seed), value)
    try:
        rec = record.parse(json.dumps(data, allow_nan=True))
        live = record.replay(rec)
    except record.RecordError as exc:
        message = str(exc)
        assert message and "\n" not in message
        return
    doc = MeetingSummary.of(live).to_json()
    json.dumps(doc, allow_nan=False)  # the figures are plain numbers, never NaN
    assert all(p["seconds"] >= 0 for p in doc["people"])


@settings(max_examples=1000, deadline=None)
@given(
    st.binary(max_size=300)
    | st.text(max_size=200).map(str.encode)
    | json_values.map(lambda v: json.dumps(v).encode())
)
def test_any_bytes_as_a_record(data: bytes) -> None:
    try:
        record.replay(record.parse(data))
    except record.RecordError as exc:
        assert "\n" not in str(exc)


_SAMPLE: list[bytes] = []


def sample_db(folder: Path) -> bytes:
    """A real database holding the example meeting (made once; not a fixture, so failures print no 400 kB)."""
    if not _SAMPLE:
        path = folder / "good.db"
        with Store(path) as store:
            store.import_record(record.parse(EXAMPLE_RECORD.read_text()))
            store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        _SAMPLE.append(path.read_bytes())
    return _SAMPLE[0]


@FUZZ
@given(
    kind=st.sampled_from(["truncate", "flip", "random", "zero_page"]),
    where=st.floats(0, 1),
    noise=st.binary(min_size=1, max_size=64),
)
def test_damaged_database_files(tmp_path: Path, kind: str, where: float, noise: bytes) -> None:
    data = bytearray(sample_db(tmp_path))
    at = int(where * (len(data) - 1))
    if kind == "truncate":
        data = data[:at]
    elif kind == "flip":
        data[at : at + len(noise)] = bytes(
            b ^ n for b, n in zip(data[at : at + len(noise)], noise, strict=False)
        )
    elif kind == "random":
        data = bytearray(noise * (1 + at % 50))
    else:
        page = (at // 4096) * 4096
        data[page : page + 4096] = bytes(4096)
    path = tmp_path / f"fuzz-{os.getpid()}-{random.random()}.db"
    path.write_bytes(bytes(data))
    before = hashlib.sha256(path.read_bytes()).digest()
    try:
        store = Store(path)
    except StoreError as exc:
        assert "\n" not in str(exc)
        assert hashlib.sha256(path.read_bytes()).digest() == before, "a refused file is never written"
        return
    # Opened (the damage missed what quick_check looks at, or the file is empty): reading works or fails cleanly.
    try:
        for row in store.list_meetings():
            store.summary(row.id).to_json()
    except StoreError as exc:  # the damage named in words (DESIGN §4)
        assert str(exc) and "\n" not in str(exc)
    except (
        sqlite3.DatabaseError
    ) as exc:  # SQLite found the damage itself; the app and the CLI say so in words
        assert str(exc)
    finally:
        store.close()


free_text = st.text(
    # Text holds no control character but tab and line breaks (DESIGN §6).
    st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\t\n\r"),
    min_size=1,
    max_size=400,
).filter(lambda s: s.strip())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    note=free_text,
    decision=free_text,
    action=free_text,
    owner=free_text.filter(lambda s: len(s.strip()) <= 200),  # an owner is a name: at most 200 (DESIGN §6)
    reason=free_text,
    feedback=free_text,
)
def test_free_text_is_stored_and_rebuilt_exactly(
    tmp_path: Path, note: str, decision: str, action: str, owner: str, reason: str, feedback: str
) -> None:
    data = copy.deepcopy(EXAMPLE)
    data["events"] = data["events"][:3]
    with Store(tmp_path / f"t-{random.random()}.db") as store:
        mid = store.import_record(record.parse(json.dumps(data)))
        store.db.execute("UPDATE meetings SET status = 'running' WHERE id = ?", [mid])
        clock = FakeClock(record.parse(json.dumps(data)).meeting.scheduled_start)
        session = store.open_live(mid, clock)
        clock.advance(200)
        session.apply("note", {"text": note})
        session.apply("decision", {"text": decision})
        session.apply("action", {"text": action, "owner": owner})
        session.apply("feedback", {"who": "p1", "text": feedback})
        session.apply("skip_break", {"reason": reason})
        rebuilt = store.rebuild(mid, clock)
        assert rebuilt.notes[-1].text == note.strip()
        assert rebuilt.decisions[-1].text == decision.strip()
        only = next(iter(rebuilt.actions.values()))
        assert (only.text, only.owner) == (action.strip(), owner.strip())
        assert rebuilt.feedback[-1].text == feedback.strip()
        assert rebuilt.brk.skip_reason == reason.strip()


@pytest.mark.parametrize("bad", ["", "   ", "a\x00b", "x" * 100_001])
def test_bad_free_text_is_refused_in_words(bad: str) -> None:
    live = record.replay(record.parse(json.dumps({**EXAMPLE, "events": EXAMPLE["events"][:1]})))
    before = len(live.events)
    with pytest.raises(DomainError) as err:
        live.apply("note", {"text": bad})
    assert str(err.value) and len(live.events) == before
