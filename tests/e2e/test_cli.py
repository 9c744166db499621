"""The command line as a user runs it: replay, stats, export, list, actions, and one-line errors."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from meetingkit import cli
from meetingkit.cli import main
from tests.conftest import EXAMPLE_RECORD, EXAMPLE_STATS

ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def rounded(obj: object) -> object:
    if isinstance(obj, float):
        return round(obj, 4)
    if isinstance(obj, dict):
        return {k: rounded(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [rounded(v) for v in obj]
    return obj


def test_replay_prints_the_id_and_stats_match_the_reference(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    code, out, err = run(capsys, "replay", str(EXAMPLE_RECORD), "--db", str(db_path))
    assert (code, out.strip(), err) == (0, "1", "")
    code, out, _ = run(capsys, "stats", "1", "--json", "--db", str(db_path))
    assert code == 0
    doc = json.loads(out)
    assert doc["meeting"]["id"] == 1
    assert doc["meeting"]["title"] == "Stroke HIT steering group"
    assert doc["meeting"]["started_at"].startswith("2026-10-06T13:00:00.000")
    assert doc["meeting"]["ended_at"].startswith("2026-10-06T14:26:33.000")
    expected = json.loads(EXAMPLE_STATS.read_text())
    expected.setdefault("pulse", [])  # ../shared's copy predates DESIGN §11; the example takes no pulse
    doc.pop("meeting")
    assert rounded(doc) == rounded(expected)


def test_export_then_replay_gives_the_same_stats(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    run(capsys, "replay", str(EXAMPLE_RECORD), "--db", str(db_path))
    out_file = tmp_path / "exported.json"
    code, _, err = run(capsys, "export", "1", "-o", str(out_file), "--db", str(db_path))
    assert (code, err) == (0, "")
    # Into the same database it is refused: action keys are unique within a series.
    code, _, err = run(capsys, "replay", str(out_file), "--db", str(db_path))
    assert code == 2 and "field 'key': There is already an action 'st1' in this series" in err
    other_db = tmp_path / "other.db"
    code, out, _ = run(capsys, "replay", str(out_file), "--db", str(other_db))
    assert out.strip() == "1"
    first = json.loads(run(capsys, "stats", "1", "--json", "--db", str(db_path))[1])
    second = json.loads(run(capsys, "stats", "1", "--json", "--db", str(other_db))[1])
    first.pop("meeting"), second.pop("meeting")
    assert first == second


def test_export_goes_to_stdout_and_redacted_has_no_names(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    run(capsys, "replay", str(EXAMPLE_RECORD), "--db", str(db_path))
    code, out, _ = run(capsys, "export", "1", "--redacted", "--db", str(db_path))
    assert code == 0
    data = json.loads(out)
    names = [p["name"] for p in json.loads(EXAMPLE_RECORD.read_text())["people"]]
    for name in names:
        for part in name.split():
            if part != "Dr":
                assert part not in out, part
    assert data["people"][0]["name"] == "R.H. (Chair)"


def test_list_and_actions(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    assert "No meetings yet" in run(capsys, "list", "--db", str(db_path))[1]
    run(capsys, "replay", str(EXAMPLE_RECORD), "--db", str(db_path))
    code, out, _ = run(capsys, "list", "--db", str(db_path))
    assert code == 0 and "Stroke HIT steering group" in out and "ended" in out
    code, out, _ = run(capsys, "actions", "--series", "Stroke HIT", "--db", str(db_path))
    assert "Share discharge results with the survivors' group [patient feedback]" in out
    assert "Claire Dunne" in out and "Dr Lucy Webb" in out
    code, out, _ = run(capsys, "actions", "--series", "Nope", "--db", str(db_path))
    assert "No actions match" in out
    code, out, _ = run(capsys, "actions", "--overdue", "--db", str(db_path))
    assert "Share discharge results" in out and "Draft the research bid" not in out  # one has no due date


def test_stats_text_is_readable(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    run(capsys, "replay", str(EXAMPLE_RECORD), "--db", str(db_path))
    code, out, _ = run(capsys, "stats", "1", "--db", str(db_path))
    assert code == 0
    assert (
        "Patient and public voice: 13.4% of the main discussion (20.4% including the feedback break)" in out
    )
    assert "Finished 1:33 over the scheduled time" in out


BAD_EVENTS = [
    ({"t": "0:01:00", "do": "dance"}, "event 1: field 'do': unknown command 'dance'"),
    (
        {"t": "0:01:00", "do": "speak", "who": "zz"},
        "event 1 (speak): field 'who': no person has the key 'zz'",
    ),
    ({"t": "0:01:00", "do": "start_item", "item": "i9"}, "event 1 (start_item): field 'item'"),
    ({"t": "0:01:00", "do": "speak"}, "event 1 (speak): field 'who' is missing"),
    ({"do": "next_item"}, "event 1 (next_item): field 't' is missing"),
    ({"t": "99:99", "do": "next_item"}, "event 1 (next_item): field 't'"),
    ({"t": "0:00:00", "do": "speak", "who": "m5"}, "event 1 (speak): field 'who': Tariq Aziz is not here"),
    ({"t": "0:00:00", "do": "skip_break", "reason": "  "}, "event 1 (skip_break): field 'reason'"),
]


@pytest.mark.parametrize(("bad", "message"), BAD_EVENTS)
def test_bad_record_one_line_exit_2_nothing_written(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path, bad: dict, message: str
) -> None:
    run(capsys, "replay", str(EXAMPLE_RECORD), "--db", str(db_path))
    data = json.loads(EXAMPLE_RECORD.read_text())
    data["events"] = [data["events"][0], bad, *data["events"][1:]]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    before = hashlib.sha256(
        json.dumps(json.loads(run(capsys, "export", "1", "--db", str(db_path))[1])).encode()
    ).digest()
    code, out, err = run(capsys, "replay", str(path), "--db", str(db_path))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err, err
    assert "Traceback" not in err
    code, out, _ = run(capsys, "list", "--db", str(db_path))
    assert out.count("Stroke HIT steering group") == 1
    after = hashlib.sha256(
        json.dumps(json.loads(run(capsys, "export", "1", "--db", str(db_path))[1])).encode()
    ).digest()
    assert before == after


def test_time_going_backwards_is_named(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    data = json.loads(EXAMPLE_RECORD.read_text())
    data["events"][5]["t"] = "0:00:10"
    path = tmp_path / "back.json"
    path.write_text(json.dumps(data))
    code, _, err = run(capsys, "replay", str(path), "--db", str(db_path))
    assert code == 2 and "event 5 (interject): field 't' goes back in time (0:00:10 after 0:05:00)" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[]", "must be a JSON object"),
        ('{"meetingkit_record": 7}', "meetingkit_record"),
    ],
)
def test_broken_files_get_a_clear_message(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "r.json"
    path.write_text(content)
    code, _, err = run(capsys, "replay", str(path), "--db", str(db_path))
    assert code == 2 and message in err and err.count("\n") == 1


def test_missing_things_are_one_line_errors(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    run(capsys, "replay", str(EXAMPLE_RECORD), "--db", str(db_path))
    assert run(capsys, "stats", "4", "--db", str(db_path))[2] == "meetingkit: error: There is no meeting 4\n"
    code, _, err = run(capsys, "replay", str(tmp_path / "none.json"), "--db", str(db_path))
    assert code == 2 and "No such file" in err
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 50)
    code, _, err = run(capsys, "list", "--db", str(junk))
    assert code == 2 and "not a MeetingKit database" in err
    code, _, err = run(capsys, "stats", "x", "--db", str(db_path))
    assert code == 2 and "invalid int value" in err


def test_entry_points_all_reach_main(db_path: Path) -> None:
    for argv in ([sys.executable, "main.py"], [sys.executable, "-m", "meetingkit"]):
        proc = subprocess.run(
            [*argv, "list", "--db", str(db_path)], cwd=ROOT, capture_output=True, text=True, timeout=60
        )
        assert proc.returncode == 0, proc.stderr
        assert "No meetings yet" in proc.stdout


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["stats", "abc"], "invalid int value: 'abc'"),
        (["minutes", "1"], "the following arguments are required: -o/--output"),
        (["actions", "--status", "bogus"], "invalid choice: 'bogus'"),
        (["dance"], "invalid choice: 'dance'"),
    ],
)
def test_usage_mistakes_are_one_line(
    capsys: pytest.CaptureFixture[str], db_path: Path, argv: list[str], fragment: str
) -> None:
    code, out, err = run(capsys, *argv, "--db", str(db_path))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and fragment in err and err.startswith("meetingkit: error: "), err


def test_reading_commands_never_create_a_database(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "none.db"
    assert (
        run(capsys, "stats", "1", "--db", str(missing))[2]
        == f"meetingkit: error: There is no MeetingKit database at {missing}\n"
    )
    assert "No meetings yet" in run(capsys, "list", "--db", str(missing))[1]
    assert "No actions yet" in run(capsys, "actions", "--db", str(missing))[1]
    assert run(capsys, "export", "1", "--db", str(missing))[0] == 2
    assert not missing.parent.exists()


def test_minutes_into_a_missing_folder_says_so(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    run(capsys, "replay", str(EXAMPLE_RECORD), "--db", str(db_path))
    target = tmp_path / "nodir" / "x.pdf"
    code, _, err = run(capsys, "minutes", "1", "-o", str(target), "--db", str(db_path))
    assert code == 2 and f"Cannot write {target}: the folder {target.parent} does not exist" in err
    assert ".tmp" not in err


def test_demo_twice_and_the_example_beside_it(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    assert run(capsys, "demo", "--db", str(db_path))[0] == 0
    code, out, _ = run(capsys, "demo", "--out", str(tmp_path / "d.pdf"), "--db", str(db_path))
    assert code == 0 and "already in the database" in out and (tmp_path / "d.pdf").exists()
    code, out, err = run(capsys, "replay", str(EXAMPLE_RECORD), "--db", str(db_path))
    assert (code, err) == (0, ""), err  # the demo has its own series, so its action keys do not clash
    rows = [
        line for line in run(capsys, "list", "--db", str(db_path))[1].splitlines() if "Stroke HIT" in line
    ]
    assert len(rows) == 2


def test_redacted_export_carries_no_organisations(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    run(capsys, "replay", str(EXAMPLE_RECORD), "--db", str(db_path))
    out = run(capsys, "export", "1", "--redacted", "--db", str(db_path))[1]
    assert "Stroke survivors" not in out and "Carers' network" not in out
    assert all(p["organisation"] == "" for p in json.loads(out)["people"])


def test_stats_says_on_time_within_a_minute_and_during_for_a_mid_item_break(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    data = {
        "meetingkit_record": 1,
        "meeting": {"title": "Short board", "scheduled_start": "2026-06-12T10:00:00+01:00"},
        "people": [{"key": "a", "name": "Ann Lee", "role": "chair"}],
        "agenda": [
            {"key": "i1", "title": "Welcome and apologies", "minutes": 10},
            {"key": "i2", "title": "Plans", "minutes": 10},
        ],
        "events": [
            {"t": 0, "do": "start_meeting"},
            {"t": "3:00", "do": "start_break"},
            {"t": "4:00", "do": "end_break"},
            {"t": "10:00", "do": "next_item"},
            {"t": "30:30", "do": "end_meeting"},  # scheduled end 30:00 (20 min + the break's 10): 30 s over
        ],
    }
    path = tmp_path / "mid.json"
    path.write_text(json.dumps(data))
    code, out, err = run(capsys, "replay", str(path), "--db", str(db_path))
    assert code == 0, err
    text = run(capsys, "stats", "1", "--db", str(db_path))[1]
    assert "Feedback break: taken during 'Welcome and apologies' for 1:00" in text
    assert "Finished on time" in text


def test_a_closed_stdout_ends_quietly(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    """`meetingkit list | head -1`: the reader has gone before the list is written; no error, no traceback."""
    assert run(capsys, "demo", "--db", str(db_path))[0] == 0
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has had enough before a word is written
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "meetingkit", "list", "--db", str(db_path)],
            cwd=ROOT,
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    finally:
        os.close(write_end)
    assert proc.stderr == ""
    assert proc.returncode == 0


def test_amendments_errors_read_as_english(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    assert run(capsys, "demo", "--db", str(db_path))[0] == 0
    code, _, err = run(capsys, "approve", "1", "--amendments", "x" * 30_000, "--db", str(db_path))
    assert code == 2
    assert "The amendments text is 30,000 characters long" in err
    code, _, err = run(capsys, "approve", "1", "--amendments", "a\x01b", "--db", str(db_path))
    assert code == 2
    assert "The amendments text holds a control character (U+0001)" in err


def test_minutes_says_where_it_wrote(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    assert run(capsys, "demo", "--db", str(db_path))[0] == 0
    target = tmp_path / "m.html"
    code, out, err = run(capsys, "minutes", "1", "-o", str(target), "--db", str(db_path))
    assert (code, err) == (0, "")
    assert out.strip() == f"Minutes written to {target}"
    assert target.exists()


@pytest.mark.parametrize("argv", [[], ["--db", "x.db"], ["--db=x.db"]])
def test_opening_the_app_reads_the_line_as_the_whole_parser_does(argv: list[str]) -> None:
    # `meetingkit` and `meetingkit --db PATH` skip building every command's parser (start-up): same answer.
    assert cli.opens_the_app_only(argv)
    quick = cli.parse_args(argv)
    whole = cli._parser().parse_args(argv)
    assert vars(quick) == vars(whole) == ({"command": None, "db": "x.db"} if argv else {"command": None})


@pytest.mark.parametrize("argv", [["--help"], ["list"], ["--db", "x.db", "list"], ["--dbx", "y"], ["--db"]])
def test_anything_else_goes_to_the_whole_parser(argv: list[str]) -> None:
    assert not cli.opens_the_app_only(argv)


def test_help_still_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--help"]) == 0
    out = capsys.readouterr().out
    assert all(name in out for name in ("demo", "replay", "minutes", "summary", "verify", "approve"))


def test_dash_is_standard_output_for_text_and_refused_for_documents(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `-o -` used to write a file called '-' (and say so). Text goes to standard output, as Unix tools do; a PDF
    # or Word document is refused in one line before any work, and no file called '-' appears.
    monkeypatch.chdir(tmp_path)
    db = str(tmp_path / "d.db")
    assert run(capsys, "demo", "--db", db)[0] == 0
    code, out, _ = run(capsys, "export", "1", "-o", "-", "--db", db)
    assert code == 0 and json.loads(out)["meeting"]["title"]
    code, out, _ = run(capsys, "actions", "-o", "-", "--db", db)
    assert code == 0 and out.splitlines()[0].startswith("Reference,Series,") and len(out.splitlines()) == 4
    for argv in (["minutes", "1", "-o", "-"], ["summary", "1", "-o", "-"], ["demo", "--out", "-"]):
        code, out, err = run(capsys, *argv, "--db", db)
        assert code == 2 and err.count("\n") == 1 and "not to standard output" in err, (argv, err)
    assert not (tmp_path / "-").exists()
