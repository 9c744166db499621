"""Issue 11 from the command line: MeetingKit changes nothing it did not create, writes files for people only
where it should, and prints no control character from the data to a terminal."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from meetingkit.cli import main
from tests.conftest import EXAMPLE_RECORD

ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def make_socket(path: Path) -> None:
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))


def mode(path: str | Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


# ---- 1. modes of what MeetingKit did not create; what --db may name ---------------------------------------


@pytest.mark.parametrize("folder_mode", [0o2775, 0o1777, 0o755])
def test_a_new_database_in_a_shared_folder_leaves_the_folder_as_it_was(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, folder_mode: int
) -> None:
    team = tmp_path / "team"
    team.mkdir()
    team.chmod(folder_mode)
    code, _, err = run(capsys, "replay", str(EXAMPLE_RECORD), "--db", str(team / "mk.db"))
    assert (code, err) == (0, "")
    assert mode(team) == folder_mode, "the team folder keeps its mode"
    assert mode(team / "mk.db") == 0o600, "the file MeetingKit made is private"


def test_an_empty_file_given_as_the_database_keeps_its_mode(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    shared = tmp_path / "shared.db"
    shared.touch()
    shared.chmod(0o664)
    code, _, _ = run(capsys, "replay", str(EXAMPLE_RECORD), "--db", str(shared))
    assert code == 0 and mode(shared) == 0o664


@pytest.mark.parametrize("kind", ["empty", "folder", "socket", "missing folder", "dangling link"])
def test_db_must_name_a_regular_file_or_a_new_one_in_an_existing_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, kind: str
) -> None:
    # A socket stands in for a device: tests never name a real device (as root, a bug would harm the machine).
    path = {
        "empty": "",
        "folder": str(tmp_path),
        "socket": str(tmp_path / "mk.sock"),
        "missing folder": str(tmp_path / "nowhere" / "mk.db"),
        "dangling link": str(tmp_path / "link.db"),
    }[kind]
    if kind == "dangling link":
        (tmp_path / "link.db").symlink_to(tmp_path / "gone.db")
    if kind == "socket":
        make_socket(tmp_path / "mk.sock")
    code, out, err = run(capsys, "replay", str(EXAMPLE_RECORD), "--db", path)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "unexpected" not in err
    assert "default" not in err and (path in err or kind == "empty")
    if kind == "socket":
        assert stat.S_ISSOCK(os.lstat(path).st_mode) and mode(tmp_path) == 0o700
    assert not (tmp_path / "nowhere").exists() and not (tmp_path / "gone.db").exists()
    assert not (Path(os.environ["XDG_DATA_HOME"]) / "MeetingKit").exists(), "no default database was used"


def test_a_fifo_as_the_database_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "mk.db"
    os.mkfifo(fifo)
    done = subprocess.run(
        [sys.executable, "-m", "meetingkit", "list", "--db", str(fifo)],
        capture_output=True,
        text=True,
        timeout=60,  # before the fix, opening the FIFO waited for ever
        cwd=ROOT,
    )
    assert done.returncode == 2 and "not a regular file" in done.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_backups_beside_a_database_in_a_shared_folder_never_open_up_a_folder(tmp_path: Path) -> None:
    from meetingkit.store.backups import BackupFailed
    from meetingkit.store.repository import Store

    team = tmp_path / "team"
    (team / "backups").mkdir(parents=True)
    team.chmod(0o2775)
    (team / "backups").chmod(0o2775)
    with Store(team / "mk.db") as store, pytest.raises(BackupFailed, match="not private"):
        store.backup()
    assert mode(team / "backups") == 0o2775 and list((team / "backups").iterdir()) == []


# ---- 2 and 5. files for people -----------------------------------------------------------------------------


@pytest.fixture
def db(capsys: pytest.CaptureFixture[str], db_path: Path) -> str:
    assert run(capsys, "replay", str(EXAMPLE_RECORD), "--db", str(db_path))[0] == 0
    return str(db_path)


@pytest.mark.parametrize("command", ["minutes", "export"])
@pytest.mark.parametrize("kind", ["socket", "fifo", "read-only", "folder"])
def test_outputs_that_are_not_writable_regular_files_are_refused(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path, command: str, kind: str
) -> None:
    target = tmp_path if kind == "folder" else tmp_path / "out"
    if kind == "socket":  # standing in for a device, which a test never names
        make_socket(target)
    elif kind == "fifo":
        os.mkfifo(target)
    elif kind == "read-only":
        target.write_text("approved minutes")
        target.chmod(0o444)
    before = os.lstat(target)
    code, _, err = run(capsys, command, "1", "-o", str(target), "--db", db)
    assert code == 2 and f"Cannot write {target}" in err and ".tmp" not in err and ".part" not in err
    after = os.lstat(target)
    assert (after.st_mode, after.st_ino, after.st_size) == (before.st_mode, before.st_ino, before.st_size)
    if kind == "read-only":
        assert target.read_text() == "approved minutes"


def test_a_link_planted_in_a_shared_folder_never_redirects_the_minutes(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    share = tmp_path / "share"
    share.mkdir(mode=0o1777)
    victim = tmp_path / "colleague.txt"
    victim.write_text("a colleague's file")
    (share / ".minutes.pdf.tmp").symlink_to(victim)
    code, _, err = run(capsys, "minutes", "1", "-o", str(share / "minutes.pdf"), "--db", db)
    assert (code, err) == (0, "")
    assert victim.read_text() == "a colleague's file"
    assert (share / "minutes.pdf").read_bytes().startswith(b"%PDF")
    assert mode(share / "minutes.pdf") == 0o600


# ---- 6. the terminal --------------------------------------------------------------------------------------

ESC = "\x1b]0;owned\x07\x1b[2J\x1b[31m"


def test_list_actions_stats_and_errors_show_control_characters_harmlessly(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    # Data as an older MeetingKit, or another program, may have left it in the file.
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE meetings SET title = ?", [f"Board{ESC}"])
        conn.execute("UPDATE series SET name = ?", [f"Series\x9b2J{ESC}"])
        conn.execute("UPDATE actions SET text = text || ?, owner = ?", [ESC, f"Ann{ESC}"])
        conn.execute("UPDATE attendees SET name = name || '\u202e' WHERE position = 0")
    outputs = []
    for argv in (["list"], ["actions"], ["stats", "1"], ["stats", "1", "--json"]):
        code, out, err = run(capsys, *argv, "--db", db)
        outputs.append(out + err)
    for text in outputs:
        assert not any(ch in text for ch in "\x1b\x07\x9b\u202e"), text[:300]
    assert "Board\\x1b]0;owned\\x07" in outputs[0]
    assert "\\x1b[31m" in outputs[1]
    assert "\\u202e" in outputs[3] or "\\u202e" in outputs[2]
    assert json.loads(outputs[3])["meeting"]["title"] == f"Board{ESC}", "--json stays JSON with the same text"


def test_error_lines_escape_what_came_from_the_data(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "replay", str(tmp_path / f"x{ESC}.json"))
    assert code == 2 and "\x1b" not in err and "\\x1b" in err
