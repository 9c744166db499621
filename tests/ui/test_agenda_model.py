"""The agenda table model without widgets: timeline and break slot, undoable edits, drag to reorder, CSV."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoStack

from meetingkit.models.meeting import AgendaItem, Attendee, BreakSettings
from meetingkit.models.schedule import planned_break_after
from meetingkit.ui.prep.agenda_csv import AgendaCsvError, parse_agenda_csv
from meetingkit.ui.prep.agenda_model import COLUMNS, AgendaModel
from meetingkit.ui.prep.agenda_timeline import plan_timeline

START = datetime(2026, 6, 12, 10, 0, tzinfo=UTC)
PEOPLE = [Attendee("ch", "Ann Chair", role="chair"), Attendee("pr", "Pat Rep", role="patient_rep")]


def agenda() -> list[AgendaItem]:
    # Cumulative ends 10, 20, 40, 60, 70 min: half of 70 is 35, nearest 40, so the break follows item 3.
    return [
        AgendaItem("i1", "Welcome", 10, presenter="ch"),
        AgendaItem("i2", "Review of actions", 10, kind="actions_review"),
        AgendaItem("i3", "Discharge results", 20, presenter="pr"),
        AgendaItem("i4", "Research bid", 20, speaker_limit_s=120),
        AgendaItem("i5", "Next steps", 10, kind="next_steps"),
    ]


@pytest.fixture
def model(qapp: object) -> AgendaModel:
    return AgendaModel(agenda(), START, BreakSettings(True, 0.5, 10), QUndoStack(), PEOPLE, 180)


def cell(model: AgendaModel, row: int, field: str, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    return model.data(model.index(row, COLUMNS.index(field)), role)


def column(model: AgendaModel, field: str) -> list[object]:
    return [cell(model, r, field) for r in range(model.rowCount())]


def titles(model: AgendaModel) -> list[str]:
    return [it.title for it in model.items]


def test_planned_starts_break_slot_and_end_follow_the_agenda(model: AgendaModel) -> None:
    assert column(model, "start") == ["10:00", "10:10", "10:20", "10:50", "11:10"]
    assert column(model, "break") == ["", "", "▶ Break 10:40–10:50", "", ""]
    assert model.scheduled_end() == datetime(2026, 6, 12, 11, 20, tzinfo=UTC)
    assert model.timeline_text() == (
        "Starts 10:00, 1 h 10 min of items. Feedback break after item 3 ('Discharge results'), "
        "10:40–10:50. Scheduled end 11:20."
    )
    # Lengthening the first item moves every later start, the break slot and the end.
    assert model.setData(model.index(0, COLUMNS.index("minutes")), 30)
    assert column(model, "start") == ["10:00", "10:30", "10:50", "11:10", "11:30"]
    assert column(model, "break")[1] == "▶ Break 10:40–10:50"  # ends 30, 40, 60, 80, 90: 45 is nearest 40
    assert model.scheduled_end() == datetime(2026, 6, 12, 11, 40, tzinfo=UTC)


def test_break_switched_off_leaves_no_slot(model: AgendaModel) -> None:
    model.set_schedule(START, BreakSettings(False, 0.5, 10), 180)
    assert column(model, "break") == [""] * 5
    assert model.scheduled_end() == datetime(2026, 6, 12, 11, 10, tzinfo=UTC)
    assert "No feedback break" in model.timeline_text()


@settings(max_examples=60, deadline=None)
@given(
    minutes=st.lists(st.integers(min_value=1, max_value=90), min_size=1, max_size=12),
    percent=st.integers(min_value=5, max_value=95),
)
def test_break_slot_is_the_schedule_rule(minutes: list[int], percent: int) -> None:
    items = [AgendaItem(f"i{n}", f"Item {n}", m) for n, m in enumerate(minutes)]
    timeline = plan_timeline(items, START, BreakSettings(True, percent / 100, 10))
    assert timeline.break_after == planned_break_after(minutes, percent / 100)
    assert (timeline.end - START).total_seconds() == (sum(minutes) + 10) * 60


def test_edits_are_undone_and_redone(model: AgendaModel) -> None:
    stack = model.undo_stack
    assert model.setData(model.index(0, COLUMNS.index("title")), "Welcome and apologies")
    assert model.setData(model.index(3, COLUMNS.index("kind")), "aob")
    assert model.setData(model.index(0, COLUMNS.index("presenter")), "pr")
    assert cell(model, 0, "presenter") == "Pat Rep"
    assert stack.count() == 3
    stack.undo()
    stack.undo()
    assert cell(model, 3, "kind") == "Item"
    assert cell(model, 0, "presenter") == "Ann Chair"
    stack.redo()
    assert cell(model, 3, "kind") == "Any other business"
    stack.undo()
    stack.undo()
    assert titles(model)[0] == "Welcome"


def test_bad_values_are_refused_and_leave_no_undo_step(model: AgendaModel) -> None:
    for field, value in [
        ("minutes", 0),
        ("minutes", "abc"),
        ("minutes", 24 * 60 + 1),
        ("title", "   "),
        ("kind", "party"),
        ("presenter", "nobody"),
    ]:
        assert not model.setData(model.index(1, COLUMNS.index(field)), value), (field, value)
    assert not model.setData(model.index(1, COLUMNS.index("start")), "09:00")
    assert model.undo_stack.count() == 0
    assert model.items == agenda()


def test_speaker_limit_default_and_own(model: AgendaModel) -> None:
    assert cell(model, 0, "speaker_limit_s") == "Default (3:00)"
    assert cell(model, 3, "speaker_limit_s") == "2:00"
    model.setData(model.index(0, COLUMNS.index("speaker_limit_s")), 0)
    assert cell(model, 0, "speaker_limit_s") == "no limit"
    model.setData(model.index(3, COLUMNS.index("speaker_limit_s")), -1)  # the editor's "Meeting default"
    assert model.items[3].speaker_limit_s is None


def test_protected_by_check_or_by_kind(model: AgendaModel) -> None:
    idx = model.index(0, COLUMNS.index("protected"))
    assert model.flags(idx) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.setData(idx, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.items[0].protected and cell(model, 0, "protected") == "Protected"
    review = model.index(1, COLUMNS.index("protected"))
    assert not model.flags(review) & Qt.ItemFlag.ItemIsUserCheckable  # actions review is always protected
    assert cell(model, 1, "protected", Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert cell(model, 2, "protected") == "Flexible"


def test_add_remove_and_move_with_undo(model: AgendaModel) -> None:
    row = model.add_item(1)
    assert row == 1 and titles(model)[1] == "New item"
    assert len({it.key for it in model.items}) == 6
    model.remove_rows([0, 2])
    assert titles(model) == ["New item", "Discharge results", "Research bid", "Next steps"]
    model.undo_stack.undo()
    assert titles(model) == [
        "Welcome",
        "New item",
        "Review of actions",
        "Discharge results",
        "Research bid",
        "Next steps",
    ]
    model.undo_stack.undo()
    assert titles(model) == [it.title for it in agenda()]
    assert model.move_row(0, 3)
    assert titles(model) == [
        "Review of actions",
        "Discharge results",
        "Research bid",
        "Welcome",
        "Next steps",
    ]
    assert column(model, "start")[3] == "11:00"
    model.undo_stack.undo()
    assert titles(model) == [it.title for it in agenda()]
    assert not model.move_row(0, 9)


def test_drag_and_drop_moves_one_row_as_one_undo_step(model: AgendaModel) -> None:
    data = model.mimeData([model.index(4, 1)])
    # Dropped between rows 0 and 1 ("Next steps" first after "Welcome").
    handled = model.dropMimeData(data, Qt.DropAction.MoveAction, 1, 0, QModelIndex())
    assert handled is False  # the move is done; the view must not delete a "source" row
    assert titles(model) == [
        "Welcome",
        "Next steps",
        "Review of actions",
        "Discharge results",
        "Research bid",
    ]
    # Dropped below the last row.
    model.dropMimeData(model.mimeData([model.index(0, 0)]), Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    assert titles(model)[-1] == "Welcome"
    assert model.undo_stack.count() == 2
    model.undo_stack.undo()
    model.undo_stack.undo()
    assert titles(model) == [it.title for it in agenda()]


def test_read_only_model_refuses_every_change(model: AgendaModel) -> None:
    model.read_only = True
    assert not model.setData(model.index(0, COLUMNS.index("title")), "Changed")
    assert not model.move_row(0, 1)
    model.remove_rows([0])
    assert not model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
    assert model.items == agenda()


def test_import_appends_or_replaces_in_one_step(model: AgendaModel) -> None:
    rows = parse_agenda_csv("title,minutes\nLocal data,15\nAOB,5\n", PEOPLE)
    items = [AgendaItem("", r.title, r.minutes, r.presenter, r.kind) for r in rows]
    model.import_items(items, replace_all=False)
    assert titles(model)[-2:] == ["Local data", "AOB"]
    assert len({it.key for it in model.items}) == 7
    model.undo_stack.undo()
    model.import_items(items, replace_all=True)
    assert titles(model) == ["Local data", "AOB"]
    assert [it.key for it in model.items] == ["i1", "i2"]
    model.undo_stack.undo()
    assert model.items == agenda()


# ---- CSV --------------------------------------------------------------------------------------------------


def test_csv_with_header_aliases_semicolons_and_bom() -> None:
    text = (
        "\ufeffAgenda item;Minutes;Lead;Type;Speaker limit;Protected\n"
        "Welcome;5;Ann Chair;;;\n"
        "Review of actions;10;ch;Actions review;2:00;yes\n"
        "\n"
        "Research bid;12.5;pr;item;90;no\n"
    )
    rows = parse_agenda_csv(text, PEOPLE)
    assert [(r.title, r.minutes, r.presenter, r.kind, r.speaker_limit_s, r.protected) for r in rows] == [
        ("Welcome", 5, "ch", "item", None, False),
        ("Review of actions", 10, "ch", "actions_review", 120, True),
        ("Research bid", 12.5, "pr", "item", 90, False),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("title,minutes\nWelcome,5\nPlans,abc\n", "Row 3 ('Plans'): minutes 'abc' is not a number"),
        ("title,minutes\nWelcome,0\n", "Row 2 ('Welcome'): minutes must be above 0"),
        ("title,minutes\n,5\n", "Row 2: the title is empty"),
        ("title,minutes,presenter\nWelcome,5,Zed\n", "Row 2 ('Welcome'): presenter 'Zed' is not on"),
        ("title,minutes,kind\nWelcome,5,party\n", "Row 2 ('Welcome'): kind 'party' is not one of"),
        (
            "title,minutes,protected\nWelcome,5,maybe\n",
            "Row 2 ('Welcome'): protected 'maybe' should be yes or no",
        ),
        ("title,minutes,speaker limit\nWelcome,5,long\n", "Row 2 ('Welcome'): speaker limit 'long'"),
        ("title,length\nWelcome,5\n", "Row 1: column 'length' is not known"),
        ("title\nWelcome\n", "Row 1: the header needs a 'minutes' column"),
        ("", "The file is empty"),
        ("title,minutes\n", "no agenda items"),
    ],
)
def test_csv_errors_name_the_row(text: str, message: str) -> None:
    with pytest.raises(AgendaCsvError) as info:
        parse_agenda_csv(text, PEOPLE)
    assert message in str(info.value)
    assert "\n" not in str(info.value)
