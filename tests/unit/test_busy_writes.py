"""A write made outside a live session (the editor's Save, Delete, an action update, a replay) that finds another
program writing the file says so in words and changes nothing: never an uncaught "database is locked"."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from meetingkit.models.meeting import Meeting
from meetingkit.store.database import StoreError
from meetingkit.store.repository import Store


def test_a_busy_file_refuses_save_and_delete_in_words_and_changes_nothing(
    tmp_path: Path, meeting: Meeting
) -> None:
    path = tmp_path / "busy.db"
    with Store(path) as store:
        mid = store.create_meeting(meeting)
        store.db.execute("PRAGMA busy_timeout=50")  # as short as the app's GUI timeout, for a quick test
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another program is in the middle of a write
        try:
            for attempt in (
                lambda: store.update_meeting(mid, replace(meeting, title="Renamed while busy")),
                lambda: store.delete_meeting(mid),
                lambda: store.create_meeting(meeting),
            ):
                with pytest.raises(StoreError) as caught:
                    attempt()
                assert "another program is writing to this file" in str(caught.value).lower()
                assert "nothing was changed" in str(caught.value)
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert store.load_meeting(mid).title == meeting.title
        assert [row.id for row in store.list_meetings()] == [mid]
        store.update_meeting(
            mid, replace(meeting, title="Renamed once free")
        )  # and works once the file is free
        assert store.load_meeting(mid).title == "Renamed once free"
