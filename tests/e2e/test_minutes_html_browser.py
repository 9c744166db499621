"""The HTML minutes in a real headless Chromium: axe-core finds no violation, on a desktop and on a phone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from meetingkit.cli import main
from tests.browser import Browser

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
    assert main(["replay", str(EXAMPLE), "--db", str(db_path)]) == 0
    out = tmp_path / "minutes.html"
    assert main(["minutes", "1", "-o", str(out), "--db", str(db_path)]) == 0
    browser.viewport(*size)
    browser.open(out.as_uri())
    assert "Stroke HIT steering group" in browser.text("h1")
    violations = browser.axe()
    assert violations == [], [(v["id"], v.get("description")) for v in violations]
    browser.screenshot(tmp_path / f"minutes-{size[0]}.png")
