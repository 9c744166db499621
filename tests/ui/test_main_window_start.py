"""The main window as it opens: complete in its first frame (the list, and the selected meeting's details with
its figures), having read the selected meeting's record once, not once per signal that reached the details."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from meetingkit.clock import FakeClock
from meetingkit.models import record
from meetingkit.resources import demo_record_path
from meetingkit.store.repository import Store
from meetingkit.ui.prep.main_window import MainWindow


def count_reads(store: Store, monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often the details' reads of one meeting ran: its figures, and the walk of its event chain."""
    reads: Counter[str] = Counter()
    for name in ("summary", "altered"):
        original = getattr(store, name)

        def read(*args: Any, _original: Any = original, _name: str = name) -> Any:
            reads[_name] += 1
            return _original(*args)

        monkeypatch.setattr(store, name, read)
    return reads


def test_the_first_frame_shows_the_selected_meeting_read_once(
    store: Store, clock: FakeClock, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo = record.parse(demo_record_path().read_bytes())
    mid = store.import_record(demo)
    reads = count_reads(store, monkeypatch)
    window = MainWindow(store, clock)
    qtbot.addWidget(window)
    assert window.selected_id() == mid
    assert window.model.rowCount() == 1
    text = window.details.text()
    assert demo.meeting.title in text
    assert "Patient and public voice" in text
    assert reads == {"summary": 1, "altered": 1}


def test_a_refresh_that_keeps_the_selection_shows_the_details_once(
    store: Store, clock: FakeClock, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    mid = store.import_record(record.parse(demo_record_path().read_bytes()))
    window = MainWindow(store, clock)
    qtbot.addWidget(window)
    reads = count_reads(store, monkeypatch)
    window.refresh(select=mid)
    assert window.selected_id() == mid
    assert "Patient and public voice" in window.details.text()
    assert reads == {"summary": 1, "altered": 1}
