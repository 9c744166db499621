"""Issue 11, item 7 in the editor: every field keeps to the bounds of DESIGN §6, and a value outside them is
refused with a message naming the field — the same bounds the record reader holds a file to."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from meetingkit.clock import FakeClock
from meetingkit.models import bounds
from meetingkit.models.meeting import DomainError
from meetingkit.store.repository import Store
from meetingkit.ui.prep import agenda_model, attendees_model
from tests.ui.console_meeting import open_board
from tests.ui.test_meeting_editor import board, open_editor


@pytest.fixture
def editor(qtbot: Any, store: Store) -> Any:
    return open_editor(qtbot, store, store.create_meeting(board()))


def test_the_details_fields_hold_only_values_within_the_bounds(editor: Any) -> None:
    d = editor.details
    assert (d.title.maxLength(), d.venue.maxLength(), d.series.lineEdit().maxLength()) == (200, 200, 200)
    assert (d.speaker_limit.minimum(), d.speaker_limit.maximum()) == bounds.SPEAKER_LIMIT_S
    assert (d.warn.minimum(), d.warn.maximum()) == bounds.WARN_S
    assert (d.break_minutes.minimum(), d.break_minutes.maximum()) == bounds.BREAK_MINUTES
    assert d.start.minimumDate().year() == bounds.YEARS[0] and d.start.maximumDate().year() == bounds.YEARS[1]
    d.title.setText("x" * 5000)
    assert len(d.title.text()) == 200
    for field in (editor.people_page.new_name, editor.people_page.new_org):
        field.setText("y" * 300)
        assert len(field.text()) == 200


@pytest.mark.parametrize(
    ("field", "inside", "outside", "message"),
    [
        ("minutes", 600, 601, "Planned minutes must be a number from 1 to 600 (not 601)"),
        ("minutes", 1, 0.5, "Planned minutes must be a number from 1 to 600 (not 0.5)"),
        ("minutes", 60, "1e308", "Planned minutes must be a number from 1 to 600 (not a number that large)"),
        ("minutes", 60, "inf", "Planned minutes must be a number from 1 to 600 (not inf)"),
        ("title", "t" * 200, "t" * 201, "The title is 201 characters long; at most 200"),
        ("title", "Welcome", "Wel\x1bcome", "The title holds a control character (U+001B)"),
        ("title", "Welcome", "Two\nlines", "The title holds a control character (U+000A)"),
        ("speaker_limit_s", 3600, 3601, "The speaker limit in seconds must be a whole number from 0 to 3600"),
    ],
)
def test_agenda_cells_refuse_values_outside_the_bounds_naming_the_field(
    editor: Any, field: str, inside: object, outside: object, message: str
) -> None:
    model = editor.agenda_model
    index = model.index(0, agenda_model.COLUMNS.index(field))
    said: list[str] = []
    model.refused.connect(said.append)
    assert model.setData(index, inside)
    assert not model.setData(index, outside)
    assert said and said[-1].startswith(message)
    assert editor.agenda_page.message.text() == said[-1]
    assert editor.agenda_page.message.textFormat() == Qt.TextFormat.PlainText


@pytest.mark.parametrize("field", ["name", "organisation", "sector"])
def test_people_cells_refuse_long_or_control_text_naming_the_field(editor: Any, field: str) -> None:
    model = editor.people_model
    index = model.index(0, attendees_model.COLUMNS.index(field))
    assert model.setData(index, "z" * 200)
    assert not model.setData(index, "z" * 201)
    header = attendees_model.HEADERS[field].lower()
    assert editor.people_page.message.text() == f"The {header} is 201 characters long; at most 200"
    assert not model.setData(index, "Ann\x07")
    assert editor.people_page.message.text() == f"The {header} holds a control character (U+0007)"


def test_a_person_added_by_hand_is_held_to_the_bounds(editor: Any) -> None:
    with pytest.raises(DomainError, match="name is 201 characters long; at most 200"):
        editor.people_model.add_person("n" * 201)


def test_the_secretary_cannot_record_text_past_its_bound(store: Store, clock: FakeClock) -> None:
    _mid, bridge = open_board(store, clock)
    bridge.stop()
    bridge.command("start_meeting")
    bridge.command("note", text="n" * bounds.TEXT_CHARS)
    with pytest.raises(DomainError, match="The text is 20,001 characters long; at most 20,000"):
        bridge.live.apply("note", {"text": "n" * (bounds.TEXT_CHARS + 1)})
    with pytest.raises(DomainError, match=r"holds a control character \(U\+001B\)"):
        bridge.live.apply("note", {"text": "escape \x1b[2J"})
    assert bridge.live.notes[-1].text == "n" * bounds.TEXT_CHARS


def test_what_the_app_records_a_record_can_hold(store: Store, clock: FakeClock) -> None:
    """An action's owner is a name (at most 200 characters): the app accepts no longer one than a record holds,
    so every meeting the app records exports to a record that reads back."""
    from meetingkit.models import record

    _mid, bridge = open_board(store, clock)
    bridge.stop()
    bridge.command("start_meeting")
    with pytest.raises(DomainError, match="The owner is 201 characters long; at most 200"):
        bridge.live.apply("action", {"text": "Write it up", "owner": "o" * 201})
    bridge.command("action", text="t" * bounds.TEXT_CHARS, owner="o" * bounds.NAME_CHARS)
    bridge.command("note", text="n" * bounds.TEXT_CHARS)
    again = record.replay(record.parse(record.write(bridge.live)))
    assert [a.owner for a in again.actions.values()] == ["o" * bounds.NAME_CHARS]
