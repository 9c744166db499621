"""Duplicate as next offers the standard first item "Minutes of the last meeting and matters arising"
(issue 14): taken by default, declined with one click, never added twice."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtWidgets import QCheckBox

from meetingkit.clock import FakeClock
from meetingkit.models.meeting import AgendaItem
from meetingkit.store.repository import Store
from meetingkit.ui.prep.main_window import MainWindow
from meetingkit.ui.prep.main_window.next_meeting_dialog import NextMeetingDialog
from tests.ui.test_prep_keys_and_dates import board

STANDARD = "Minutes of the last meeting and matters arising"
OFFER = "Begin with the minutes of the last meeting"


@pytest.fixture
def window(qtbot: Any, store: Store, clock: FakeClock) -> MainWindow:
    w = MainWindow(store, clock)
    qtbot.addWidget(w)
    return w


def duplicate(window: MainWindow, monkeypatch: pytest.MonkeyPatch, decline: bool = False) -> int:
    seen: list[NextMeetingDialog] = []

    def answer(dialog: NextMeetingDialog) -> int:
        seen.append(dialog)
        (box,) = [w for w in dialog.findChildren(QCheckBox) if w.accessibleName() == OFFER]
        assert box.isChecked() != dialog._has_minutes_item  # noqa: SLF001 (offered, ticked, unless copied)
        if decline:
            box.click()
        return 1

    monkeypatch.setattr(NextMeetingDialog, "exec", answer)
    new_id = window.duplicate_selected()
    assert new_id is not None and seen
    return new_id


def test_the_next_meeting_begins_with_the_minutes_of_the_last(
    window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = store.create_meeting(board(datetime(2026, 6, 15, 10, 0, tzinfo=UTC)))
    window.refresh(select=first)
    nxt = store.load_meeting(duplicate(window, monkeypatch))
    head = nxt.agenda[0]
    assert (head.title, head.kind, head.presenter, head.minutes) == (STANDARD, "actions_review", "ch", 10)
    assert [it.title for it in nxt.agenda[1:]] == ["Welcome", "Next steps"]
    # The one after that (duplicated from the new meeting, now selected) copies it once, not offered it again
    third = store.load_meeting(duplicate(window, monkeypatch))
    assert [it.title for it in third.agenda].count(STANDARD) == 1


def test_the_secretary_may_decline_it(
    window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = store.create_meeting(board(datetime(2026, 6, 15, 10, 0, tzinfo=UTC)))
    window.refresh(select=first)
    nxt = store.load_meeting(duplicate(window, monkeypatch, decline=True))
    assert [it.title for it in nxt.agenda] == ["Welcome", "Next steps"]


def test_an_agenda_with_the_item_after_the_welcome_does_not_get_it_twice(
    window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Many agendas put it second ("Welcome and apologies" first): it was copied there and added again in front,
    # so the next meeting listed "Minutes of the last meeting and matters arising" twice.
    meeting = board(datetime(2026, 6, 15, 10, 0, tzinfo=UTC))
    meeting.agenda.insert(1, AgendaItem("m", STANDARD, 10, kind="actions_review"))
    first = store.create_meeting(meeting)
    window.refresh(select=first)
    nxt = store.load_meeting(duplicate(window, monkeypatch))
    assert [it.title for it in nxt.agenda] == ["Welcome", STANDARD, "Next steps"]
