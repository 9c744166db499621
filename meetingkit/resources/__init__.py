"""The one place that finds MeetingKit's package data: fonts (with their licences: DejaVu Sans, and the
fallbacks Droid Sans Fallback and Nanum Gothic for Chinese, Japanese and Korean), the demo record, the room page,
the attention cue's sound."""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path


def _root() -> Traversable:
    return resources.files(__name__)


def font_path(file_name: str) -> Path:
    """A font file under fonts/; reportlab needs a real path, which an installed wheel gives."""
    return Path(str(_root() / "fonts" / file_name))


def fonts_dir() -> Path:
    return Path(str(_root() / "fonts"))


def demo_record_path() -> Path:
    """The sample meeting record that `meetingkit demo` and the first start replay."""
    return Path(str(_root() / "demo" / "partnership-board.json"))


def room_page_text(file_name: str) -> str:
    """A file of the room page (HTML, CSS or JavaScript) under room/, as text."""
    return (_root() / "room" / file_name).read_text(encoding="utf-8")


def sound_path(file_name: str) -> Path:
    """A sound under sounds/ (the attention cue's chime, written by scripts/make_chime.py)."""
    return Path(str(_root() / "sounds" / file_name))
