"""DESIGN §6 bounds in the record reader: a value just inside is read, one just outside is refused with one line
naming the field — and the inputs of issue 11 never reach "unexpected error"."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meetingkit.cli import main
from meetingkit.models import bounds, record
from tests.conftest import EXAMPLE_RECORD

EXAMPLE = json.loads(EXAMPLE_RECORD.read_text())
Setter = Callable[[dict[str, Any], Any], None]


def _set(*path: str | int) -> Setter:
    def setter(data: dict[str, Any], value: Any) -> None:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return setter


def _event(do: str, **fields: Any) -> Setter:
    def setter(data: dict[str, Any], value: Any) -> None:
        # After the first speech, while the first item runs.
        data["events"].insert(
            2,
            {
                "t": data["events"][1]["t"],
                "do": do,
                **fields,
                **{k: value for k in ("seconds",) if k in fields},
            },
        )
        if "text" in fields:
            data["events"][2]["text"] = value

    return setter


def _offset(data: dict[str, Any], value: Any) -> None:
    data["events"] = data["events"][:1]
    data["events"][0]["t"] = value


# (field named in the message, where it is set, lowest, highest, whole numbers only)
NUMBERS: list[tuple[str, Setter, float, float, bool]] = [
    ("speaker_limit_s", _set("meeting", "speaker_limit_s"), *bounds.SPEAKER_LIMIT_S, True),
    ("warn_s", _set("meeting", "warn_s"), *bounds.WARN_S, True),
    ("minutes", _set("meeting", "break", "minutes"), *bounds.BREAK_MINUTES, False),
    ("minutes", _set("agenda", 0, "minutes"), *bounds.ITEM_MINUTES, False),
    ("speaker_limit_s", _set("agenda", 0, "speaker_limit_s"), *bounds.SPEAKER_LIMIT_S, True),
    ("seconds", _event("extend", seconds=60), *bounds.EXTEND_S, False),
    ("t", _offset, -bounds.MAX_OFFSET_S, bounds.MAX_OFFSET_S, False),
]
# (field, where, most characters)
TEXTS: list[tuple[str, Setter, int]] = [
    ("title", _set("meeting", "title"), bounds.NAME_CHARS),
    ("series", _set("meeting", "series"), bounds.NAME_CHARS),
    ("venue", _set("meeting", "venue"), bounds.NAME_CHARS),
    ("name", _set("people", 0, "name"), bounds.NAME_CHARS),
    ("organisation", _set("people", 0, "organisation"), bounds.NAME_CHARS),
    ("title", _set("agenda", 0, "title"), bounds.NAME_CHARS),
    ("text", _event("note", text=""), bounds.TEXT_CHARS),
]


def read(data: dict[str, Any]) -> None:
    """Parse and replay, as `replay` does."""
    record.replay(record.parse(json.dumps(data)))


def outcome(data: dict[str, Any]) -> str | None:
    try:
        read(data)
    except record.RecordError as exc:
        return str(exc)
    return None


@settings(max_examples=300, deadline=None)
@given(
    which=st.integers(0, len(NUMBERS) - 1),
    side=st.sampled_from(["low", "high"]),
    step=st.sampled_from([1, 0.5, 1e-6, 10**30, 1e308, float("inf")]),
)
def test_numbers_just_inside_are_read_and_just_outside_are_refused(
    which: int, side: str, step: float
) -> None:
    field, setter, lo, hi, whole = NUMBERS[which]
    edge = lo if side == "low" else hi
    outside = edge - step if side == "low" else edge + step
    if whole and not float(outside).is_integer():
        outside = int(edge - 1 if side == "low" else edge + 1)
    data = copy.deepcopy(EXAMPLE)
    setter(data, edge)
    fault = outcome(data)
    assert fault is None or f"'{field}'" not in fault, fault  # the edge itself is inside
    data = copy.deepcopy(EXAMPLE)
    setter(data, outside)
    fault = outcome(data)
    assert fault is not None and f"field '{field}'" in fault and "\n" not in fault


@settings(max_examples=200, deadline=None)
@given(
    which=st.integers(0, len(TEXTS) - 1), extra=st.integers(0, 3), ch=st.sampled_from(["x", "é", "会", "😀"])
)
def test_text_at_its_limit_is_read_and_past_it_is_refused(which: int, extra: int, ch: str) -> None:
    field, setter, most = TEXTS[which]
    data = copy.deepcopy(EXAMPLE)
    setter(data, ch * most)
    assert outcome(data) is None
    data = copy.deepcopy(EXAMPLE)
    setter(data, ch * (most + 1 + extra))
    fault = outcome(data)
    assert fault is not None and f"field '{field}'" in fault and f"at most {most:,}" in fault


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\x1b[31mEVIL", "control character (U+001B)"),
        ("Ann\x00", "control character (U+0000)"),
        ("Ann\x0bLee", "control character (U+000B)"),
        ("Ann\x85", "control character (U+0085)"),
        ("Ann\ud800", "lone surrogate"),
    ],
)
def test_names_hold_no_control_characters_or_broken_unicode(raw: str, expected: str) -> None:
    data = copy.deepcopy(EXAMPLE)
    data["people"][0]["name"] = raw
    fault = outcome(data)
    assert fault is not None and expected in fault


def test_notes_may_hold_tabs_and_line_breaks_but_no_other_control() -> None:
    data = copy.deepcopy(EXAMPLE)
    _event("note", text="")(data, "Line one\n\tLine two\r\n")
    assert outcome(data) is None
    _event("note", text="")(data, "bell\x07")
    assert "control character (U+0007)" in (outcome(data) or "")


@pytest.mark.parametrize(
    ("depth", "ok"), [(bounds.MAX_DEPTH, True), (bounds.MAX_DEPTH + 1, False), (5000, False)]
)
def test_json_nesting(depth: int, ok: bool) -> None:
    text = json.dumps(EXAMPLE)[:-1] + ', "extra": ' + "[" * (depth - 1) + "]" * (depth - 1) + "}"
    fault = None
    try:
        record.parse(text)
    except record.RecordError as exc:
        fault = str(exc)
    assert (fault is None) == ok and (ok or f"nested more than {bounds.MAX_DEPTH} deep" in str(fault))


@pytest.mark.parametrize(("count", "key"), [("people", "people"), ("agenda", "agenda"), ("events", "events")])
def test_how_many_people_items_and_events(count: str, key: str) -> None:
    most = {"people": bounds.MAX_PEOPLE, "agenda": bounds.MAX_ITEMS, "events": bounds.MAX_EVENTS}[count]
    data = copy.deepcopy(EXAMPLE)
    template = data[key][-1]
    extra = most - len(data[key])

    def grow(n: int) -> None:
        data[key] = data[key][: len(EXAMPLE[key])]
        for i in range(n):
            entry = dict(template)
            if "key" in entry:
                entry["key"] = f"x{i}"
            if key == "events":
                entry = {"t": template["t"], "do": "pause" if i % 2 == 0 else "resume"}
            data[key].insert(len(data[key]) - (1 if key == "events" else 0), entry)

    grow(extra)
    record.parse(json.dumps(data))
    grow(extra + 1)
    with pytest.raises(record.RecordError, match=f"field '{key}' has .* entries; at most {most:,}"):
        record.parse(json.dumps(data))


@pytest.mark.parametrize(
    ("start", "ok"),
    [
        ("2999-12-30T10:00:00+00:00", True),
        ("3000-01-01T10:00:00+00:00", False),
        ("9999-12-31T23:00:00-01:00", False),
        ("1970-01-02T00:00:00+00:00", True),
        ("1969-12-31T10:00:00+00:00", False),
    ],
)
def test_the_scheduled_start_is_a_date_every_offset_can_follow(start: str, ok: bool) -> None:
    data = copy.deepcopy(EXAMPLE)
    data["meeting"]["scheduled_start"] = start
    fault = outcome(data)
    assert (fault is None) == ok and (ok or "field 'scheduled_start' must be in a year" in str(fault))


ISSUE_INPUTS: list[tuple[str, Callable[[dict[str, Any]], None] | str]] = [
    ("break of 1e308 minutes", lambda d: d["meeting"]["break"].update(minutes=1e308)),
    ("t of 1e308", lambda d: d["events"][1].update(t=1e308)),
    ("speaker limit 10**30", lambda d: d["meeting"].update(speaker_limit_s=10**30)),
    ("Infinity", "Infinity"),
    ("NaN", "NaN"),
    ("nested 5,000 deep", "nest"),
    ("lone surrogate", "surrogate"),
    ("year 9999", lambda d: d["meeting"].update(scheduled_start="9999-12-31T23:00:00-01:00")),
    ("name of 5,000", lambda d: d["people"][0].update(name="A" * 5000)),
    ("control in a name", lambda d: d["people"][0].update(name="Ann\x1b[2J")),
    ("hours of 5,000 digits", lambda d: d["events"][1].update(t="9" * 5000 + ":00:00")),
    (
        "extend by 1e308",
        lambda d: d["events"].insert(2, {"t": d["events"][1]["t"], "do": "extend", "seconds": 1e308}),
    ),
]


@pytest.mark.parametrize(("label", "change"), ISSUE_INPUTS, ids=[label for label, _ in ISSUE_INPUTS])
def test_no_bad_record_reaches_unexpected_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, label: str, change: Any
) -> None:
    text = json.dumps(EXAMPLE)
    if change == "Infinity":
        text = text.replace('"speaker_limit_s": 180', '"speaker_limit_s": Infinity')
    elif change == "NaN":
        text = text.replace('"warn_s": 30', '"warn_s": NaN')
    elif change == "nest":
        text = text[:-1] + ', "x": ' + "[" * 5000 + "]" * 5000 + "}"
    elif change == "surrogate":
        text = text.replace('"Stroke', '"\\udc00Stroke')
    else:
        data = copy.deepcopy(EXAMPLE)
        change(data)
        text = json.dumps(data)
    path = tmp_path / "bad.json"
    path.write_text(text)
    db = tmp_path / "mk.db"
    code = main(["replay", str(path), "--db", str(db)])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1, err
    assert "unexpected error" not in err and "out of range" not in err
    assert "field" in err or "JSON" in err


def test_a_huge_record_file_is_refused_at_once(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import time

    path = tmp_path / "huge.json"
    with open(path, "wb") as fh:  # sparse: 200 MB that take no disk
        fh.write(b'{"meetingkit_record": 1, "x": "')
        fh.truncate(200 * 1024 * 1024)
    started = time.perf_counter()
    code = main(["replay", str(path), "--db", str(tmp_path / "mk.db")])
    took = time.perf_counter() - started
    err = capsys.readouterr().err
    assert code == 2 and "a meeting record is at most" in err and took < 5


def test_all_text_together_is_bounded_and_named() -> None:
    data = copy.deepcopy(EXAMPLE)
    chunk = "word " * (bounds.TEXT_CHARS // 5)
    first = data["events"][1]["t"]
    for _ in range(bounds.TOTAL_TEXT_CHARS // bounds.TEXT_CHARS + 1):
        data["events"].insert(2, {"t": first, "do": "note", "text": chunk})
    with pytest.raises(record.RecordError, match="come to more than 2,000,000 characters in all"):
        record.parse(json.dumps(data))
