"""Shared fixtures: headless Qt, a fresh temporary database and a fake clock for every test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from meetingkit.clock import FakeClock  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[2] / "shared" / "examples"
if not EXAMPLES.exists():  # CI clones the repo with shared/ beside it; a copy ships in tests/data too
    EXAMPLES = Path(__file__).resolve().parent / "data"
EXAMPLE_RECORD = EXAMPLES / "board-meeting.json"
EXAMPLE_STATS = EXAMPLES / "board-meeting.stats.json"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 6, 12, 9, 0, tzinfo=UTC))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "meetingkit.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[object]:
    from meetingkit.store.repository import Store

    s = Store(db_path)
    yield s
    s.close()


@pytest.fixture(autouse=True)
def _private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the real user data folder or settings."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
