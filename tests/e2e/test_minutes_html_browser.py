"""The HTML minutes in a real headless Chromium: axe-core finds no violation, on a desktop and on a phone."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from meetingkit.cli import main
from tests.browser import Browser
from tests.pulse_records import REPS_TOO_FEW, with_pulse

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "board-meeting.json"


@pytest.fixture
def browser(qtbot: Any) -> Iterator[Browser]:
    b = Browser(qtbot)
    try:
        yield b
    finally:
        b.quit()


@pytest.mark.parametrize("size", [(1280, 900), (390, 844)])
def test_the_html_minutes_pass_axe(
    browser: Browser, tmp_path: Path, db_path: Path, size: tuple[int, int]
) -> None:
    # with a pulse (DESIGN §11), so its part of the participation section is checked too
    data = with_pulse(json.loads(EXAMPLE.read_text(encoding="utf-8")), REPS_TOO_FEW, t="1:30:00")
    (tmp_path / "board.json").write_text(json.dumps(data), encoding="utf-8")
    assert main(["replay", str(tmp_path / "board.json"), "--db", str(db_path)]) == 0
    out = tmp_path / "minutes.html"
    assert main(["minutes", "1", "-o", str(out), "--db", str(db_path)]) == 0
    browser.viewport(*size)
    browser.open(out.as_uri())
    assert "Stroke HIT steering group" in browser.text("h1")
    assert "too few answers to show" in browser.text("body")
    violations = browser.axe()
    assert violations == [], [(v["id"], v.get("description")) for v in violations]
    browser.screenshot(tmp_path / f"minutes-{size[0]}.png")
