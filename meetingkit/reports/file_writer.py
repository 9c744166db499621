"""The one writer of files for people (PDF, Word, HTML, CSV, JSON, PNG), for the app and the command line alike.

DESIGN §4 "Files written for people": the bytes go to a new temporary file in the target's folder, created
exclusively and never through a link, fsynced, then renamed over the target only if the target is absent or a
regular file the user may write. Folders, devices, FIFOs, links and read-only files are refused with a message
naming the path the user gave (never the temporary name). Every file is 0600, whoever asks for it.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
import unicodedata
from pathlib import Path

FILE_MODE = 0o600
NAME_LIMIT = 100  # characters of a file name made from a title: under this many ...
NAME_BYTES = 200  # ... and this many bytes of UTF-8 (file systems allow 255 bytes a name)
_REFUSED_IN_NAMES = re.compile(r'[\\/:*?"<>|]+')


class OutputError(OSError):
    """A file for people that cannot be written; the message names the path as given, on one line."""

    def __init__(self, path: str | os.PathLike[str], why: str) -> None:
        self.path = str(path)
        self.why = why  # the reason alone, for a sentence that names the path itself
        super().__init__(f"Cannot write {self.path}: {why}")

    def __str__(self) -> str:
        return str(self.args[0])


def _kind(mode: int) -> str | None:
    """What a non-regular file is, in words (None for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "it is a folder"
    if stat.S_ISLNK(mode):
        return "it is a link (choose the file itself)"
    if stat.S_ISFIFO(mode):
        return "it is a pipe (FIFO), not a file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "it is a device, not a file"
    if stat.S_ISSOCK(mode):
        return "it is a socket, not a file"
    return "it is not a regular file"


def _may_write(path: Path, st: os.stat_result) -> bool:
    """Write permission in the file's own mode bits (root may write anything, but a 0444 file is read-only)."""
    if st.st_uid == os.geteuid():
        return bool(st.st_mode & stat.S_IWUSR)
    return bool(st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)) and os.access(path, os.W_OK)


def check_target(path: str | os.PathLike[str]) -> Path:
    """Refuse, before any work is done, a target that `write_file` would refuse; the path to write to."""
    target = Path(path)
    if not str(path) or target.name in ("", ".", ".."):
        raise OutputError(path, "give the name of a file")
    folder = target.parent
    try:
        fst = os.stat(folder)
    except FileNotFoundError:
        raise OutputError(path, f"the folder {folder} does not exist") from None
    except OSError as exc:
        raise OutputError(path, f"the folder {folder} cannot be used ({exc.strerror or exc})") from None
    if not stat.S_ISDIR(fst.st_mode):
        raise OutputError(path, f"{folder} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(path, f"the folder {folder} is not one you may write to")
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        return target
    except OSError as exc:
        raise OutputError(path, exc.strerror or str(exc)) from None
    why = _kind(st.st_mode)
    if why:
        raise OutputError(path, why)
    if not _may_write(target, st):
        raise OutputError(path, "the file is read-only; it was left as it was")
    return target


def _temporary(folder: Path, name: str) -> tuple[int, Path]:
    """A new private file beside the target: created exclusively, never through a link."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    stem = name[:40]
    for _ in range(20):
        tmp = folder / f".{stem}.{secrets.token_hex(6)}.part"
        try:
            return os.open(tmp, flags, FILE_MODE), tmp
        except FileExistsError:
            continue
    raise FileExistsError("no free temporary name")


def write_file(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write `data` whole (or not at all) to `path` as a private file; raises OutputError naming `path`."""
    target = check_target(path)
    try:
        fd, tmp = _temporary(target.parent, target.name)
    except OSError as exc:
        raise OutputError(path, exc.strerror or str(exc)) from None
    try:
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            check_target(path)  # again, just before the rename: the target may have changed meanwhile
            os.replace(tmp, target)
        except OutputError:
            raise
        except OSError as exc:
            raise OutputError(path, exc.strerror or str(exc)) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _sync_folder(target.parent)
    return target


def _sync_folder(folder: Path) -> None:
    # The rename itself survives a power cut only once the folder is on disk (best effort: not every system).
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def file_name(title: str, ending: str, fallback: str = "meeting") -> str:
    """A file name made from a title: no control, format (bidirectional) or path characters, one space between
    words, under NAME_LIMIT characters and NAME_BYTES bytes with `ending` ("-minutes.pdf", " record.json") kept whole."""
    text = unicodedata.normalize("NFC", title)
    text = "".join(" " if unicodedata.category(c)[0] in ("C", "Z") else c for c in text)
    text = _REFUSED_IN_NAMES.sub(" ", text)
    text = " ".join(text.split()).strip(" .-")
    room = NAME_LIMIT - 1 - len(ending)
    text = text[:room]
    while len((text + ending).encode("utf-8")) > NAME_BYTES:
        text = text[:-1]
    text = text.rstrip(" .-")
    return f"{text or fallback}{ending}"
