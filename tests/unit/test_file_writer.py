"""The one writer of files for people: whole or nothing, private, never through a link, never over what is not a
regular file the user may write; its messages name the path the user gave."""

from __future__ import annotations

import errno
import os
import socket
import stat
from pathlib import Path

import pytest

from meetingkit.reports import file_writer
from meetingkit.reports.file_writer import NAME_LIMIT, OutputError, file_name, write_file


def make_socket(path: Path) -> None:
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of its own (the test's folder also holds its private home)."""
    out = tmp_path / "out"
    out.mkdir()
    return out


def test_a_new_file_is_whole_and_private_even_under_an_open_umask(folder: Path) -> None:
    old = os.umask(0)
    try:
        write_file(folder / "minutes.pdf", b"%PDF-1.4 whole")
    finally:
        os.umask(old)
    assert (folder / "minutes.pdf").read_bytes() == b"%PDF-1.4 whole"
    assert mode(folder / "minutes.pdf") == 0o600
    assert sorted(p.name for p in folder.iterdir()) == ["minutes.pdf"], "no temporary file is left"


def test_a_regular_file_the_user_may_write_is_replaced_and_becomes_private(folder: Path) -> None:
    target = folder / "table.csv"
    target.write_text("old")
    target.chmod(0o644)
    write_file(target, b"new")
    assert target.read_bytes() == b"new" and mode(target) == 0o600


@pytest.mark.parametrize("kind", ["folder", "fifo", "read-only", "link", "socket"])
def test_what_is_not_a_writable_regular_file_is_refused_and_left_as_it_was(folder: Path, kind: str) -> None:
    target = folder / "out.pdf"
    victim = folder / "victim.txt"
    victim.write_text("someone else's")
    if kind == "folder":
        target.mkdir()
    elif kind == "fifo":
        os.mkfifo(target)
    elif kind == "read-only":
        target.write_text("signed minutes")
        target.chmod(0o444)
    elif kind == "link":
        target.symlink_to(victim)
    else:  # a special file like a device (tests never touch a real device: as root, a bug would replace it)
        make_socket(target)
    before = os.lstat(target)
    with pytest.raises(OutputError) as err:
        write_file(target, b"%PDF")
    message = str(err.value)
    assert str(target) in message and ".part" not in message and ".tmp" not in message
    after = os.lstat(target)
    assert (after.st_mode, after.st_ino, after.st_size) == (before.st_mode, before.st_ino, before.st_size)
    assert victim.read_text() == "someone else's"
    assert not [p for p in folder.iterdir() if p.name.startswith(".")], "no temporary file is left"


def test_a_link_planted_at_the_old_temporary_name_is_never_written_through(folder: Path) -> None:
    victim = folder / "victim.txt"
    victim.write_text("another user's file")
    for planted in (".minutes.pdf.tmp", ".minutes.pdf.part"):
        (folder / planted).symlink_to(victim)
    write_file(folder / "minutes.pdf", b"%PDF")
    assert victim.read_text() == "another user's file"
    assert (folder / "minutes.pdf").read_bytes() == b"%PDF"


def test_a_failed_write_names_the_path_given_and_leaves_the_old_file(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = folder / "minutes.pdf"
    target.write_bytes(b"the old minutes")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(file_writer.os, "fsync", full)
    with pytest.raises(OutputError) as err:
        write_file(target, b"new minutes")
    assert str(err.value) == f"Cannot write {target}: No space left on device"
    assert target.read_bytes() == b"the old minutes"
    assert [p.name for p in folder.iterdir()] == ["minutes.pdf"]


def test_a_missing_folder_is_named(folder: Path) -> None:
    with pytest.raises(OutputError, match="the folder .*nowhere does not exist"):
        write_file(folder / "nowhere" / "x.csv", b"")


def test_file_names_from_titles_are_short_and_clean() -> None:
    title = "Board \u202eevil\u202c\x1b[31m meeting: <a/b> " + "very long " * 60
    name = file_name(title, "-minutes.pdf")
    assert len(name) < NAME_LIMIT and len(name.encode()) <= 200
    assert name.endswith("-minutes.pdf")
    assert not any(c in name for c in "\u202e\u202c\x1b/<>:")
    assert name.startswith("Board evil [31m meeting a b very long")
    wide = file_name("会議" * 200, " record.json")
    assert len(wide.encode()) <= 200 and wide.endswith(" record.json")
    assert file_name("\x00\u200f", ".png") == "meeting.png"
