"""Were you heard? on the command line (DESIGN §11): `stats --json` gains the `pulse` block, `stats` says it in
words, `export` writes the pulse events and a replay of that export gives the same figures; a bad pulse in a
record is one line naming its event and field, exit 2, nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from meetingkit.cli import main
from tests.conftest import EXAMPLE_RECORD

PULSE = [
    ("chance", "patient_public", 1, 1, 0),
    ("chance", "others", 4, 2, 1),
    ("listened", "patient_public", 2, 0, 0),
    ("listened", "others", 5, 1, 1),
]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def record_with_pulse(tmp_path: Path, pulse: list[tuple[str, str, int, int, int]] = PULSE) -> Path:
    data = json.loads(EXAMPLE_RECORD.read_text(encoding="utf-8"))
    for q, g, yes, partly, no in pulse:
        data["events"].append(
            {"t": "1:28:00", "do": "pulse", "question": q, "group": g, "yes": yes, "partly": partly, "no": no}
        )
    path = tmp_path / "with-pulse.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_stats_json_gains_the_pulse_block_with_the_threshold(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, db_path: Path
) -> None:
    assert run(capsys, "replay", str(record_with_pulse(tmp_path)), "--db", str(db_path))[0] == 0
    code, out, _ = run(capsys, "stats", "1", "--json", "--db", str(db_path))
    assert code == 0
    assert json.loads(out)["pulse"] == [
        {
            "question": "chance",
            "group": "patient_public",
            "answers": 2,
            "yes": None,
            "partly": None,
            "no": None,
        },
        {"question": "chance", "group": "others", "answers": 7, "yes": 4, "partly": 2, "no": 1},
        {
            "question": "listened",
            "group": "patient_public",
            "answers": 2,
            "yes": None,
            "partly": None,
            "no": None,
        },
        {"question": "listened", "group": "others", "answers": 7, "yes": 5, "partly": 1, "no": 1},
    ]
    code, out, _ = run(capsys, "stats", "1", "--db", str(db_path))
    assert "Did you feel listened to? Patient and public representatives: too few answers to show" in out
    assert "Did you feel listened to? Everyone else: 5 of 7 felt listened to, 1 partly and 1 not" in out


def test_a_meeting_without_a_pulse_says_so(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    run(capsys, "replay", str(EXAMPLE_RECORD), "--db", str(db_path))
    assert json.loads(run(capsys, "stats", "1", "--json", "--db", str(db_path))[1])["pulse"] == []
    assert "Were you heard? No pulse was taken" in run(capsys, "stats", "1", "--db", str(db_path))[1]


def test_export_writes_the_pulse_events_and_replays_to_the_same_figures(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, db_path: Path
) -> None:
    run(capsys, "replay", str(record_with_pulse(tmp_path)), "--db", str(db_path))
    out_file = tmp_path / "exported.json"
    assert run(capsys, "export", "1", "-o", str(out_file), "--db", str(db_path))[0] == 0
    events = json.loads(out_file.read_text(encoding="utf-8"))["events"]
    pulses = [e for e in events if e["do"] == "pulse"]
    assert [(e["question"], e["group"], e["yes"], e["partly"], e["no"]) for e in pulses] == PULSE
    other = tmp_path / "other.db"
    assert run(capsys, "replay", str(out_file), "--db", str(other))[0] == 0
    first = json.loads(run(capsys, "stats", "1", "--json", "--db", str(db_path))[1])
    second = json.loads(run(capsys, "stats", "1", "--json", "--db", str(other))[1])
    assert first["pulse"] == second["pulse"] and first["pulse"][1]["yes"] == 4


def test_a_bad_pulse_in_a_record_is_one_line_naming_event_and_field(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, db_path: Path
) -> None:
    path = record_with_pulse(tmp_path, [("listened", "others", 2000, 0, 0)])
    index = len(json.loads(path.read_text())["events"]) - 1
    code, out, err = run(capsys, "replay", str(path), "--db", str(db_path))
    assert code == 2 and out == ""
    assert err.count("\n") == 1
    assert f"event {index} (pulse): field 'yes':" in err and "0 to 1000" in err
    assert run(capsys, "list", "--db", str(db_path))[1].count("\n") <= 1  # nothing written
