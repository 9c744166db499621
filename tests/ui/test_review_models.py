"""The review's table models, without any widget: every cell is the `stats --json` figure, formatted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from meetingkit.models import record
from meetingkit.reports.participation_csv import people_csv
from meetingkit.store.repository import Store
from meetingkit.ui.review.review_models import SORT_ROLE, PeopleModel, RolesModel, SectorsModel
from tests.conftest import EXAMPLE_RECORD
from tests.review_records import silent_rep, with_interjections

RECORDS = {
    "silent rep": silent_rep,
    "interjections": with_interjections,
    "example board": lambda: json.loads(Path(EXAMPLE_RECORD).read_text()),
}


def cells(model: PeopleModel | RolesModel | SectorsModel, role: int = SORT_ROLE) -> list[dict[str, object]]:
    return [
        {
            str(model.headerData(c, Qt.Orientation.Horizontal, SORT_ROLE + 1)): model.data(
                model.index(r, c), role
            )
            for c in range(model.columnCount())
        }
        for r in range(model.rowCount())
    ]


@pytest.mark.parametrize("name", RECORDS)
def test_people_cells_are_the_stats_figures(store: Store, name: str) -> None:
    mid = store.import_record(record.parse(RECORDS[name]()))
    summary = store.summary(mid)
    doc = summary.to_json()
    model = PeopleModel()
    model.set_participation(summary.participation)
    assert cells(model) == doc["people"]


@pytest.mark.parametrize("name", RECORDS)
def test_role_and_sector_cells_are_the_stats_figures(store: Store, name: str) -> None:
    mid = store.import_record(record.parse(RECORDS[name]()))
    summary = store.summary(mid)
    doc = summary.to_json()
    roles, sectors = RolesModel(), SectorsModel()
    roles.set_groups(summary.participation.roles)
    sectors.set_groups(summary.participation.sectors)
    assert {c["role"]: {"seconds": c["seconds"], "share": c["share"]} for c in cells(roles)} == doc["roles"]
    assert {c["sector"]: {"seconds": c["seconds"], "share": c["share"]} for c in cells(sectors)} == doc[
        "sectors"
    ]


def test_display_text_a_person_reads(store: Store) -> None:
    mid = store.import_record(record.parse(with_interjections()))
    model = PeopleModel()
    model.set_participation(store.summary(mid).participation)
    shown = cells(model, Qt.ItemDataRole.DisplayRole)
    pat = next(c for c in shown if c["name"] == "Pat Rep")
    assert pat["role"] == "Patient / public rep"
    assert pat["patient_rep"] == "Yes"
    assert (
        pat["seconds"] == "10:00"
    )  # 40 s interjecting + 4:30 (a 30 s interjection paused it) + 4:50 in the break
    assert pat["interjections_made"] == "1" and pat["interjections_received"] == "1"
    assert pat["share"].endswith("%")
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Name"


def test_silent_representative_has_a_row_of_zeros(store: Store) -> None:
    mid = store.import_record(record.parse(silent_rep()))
    model = PeopleModel()
    model.set_participation(store.summary(mid).participation)
    shown = {c["name"]: c for c in cells(model, Qt.ItemDataRole.DisplayRole)}
    assert shown["Pat Rep"]["seconds"] == "0:00"
    assert shown["Pat Rep"]["share"] == "0%"
    assert shown["Pat Rep"]["turns"] == "0"
    assert "Al Away" not in shown  # sent apologies: not present, not in the table


def test_csv_of_the_people_table(store: Store) -> None:
    mid = store.import_record(record.parse(with_interjections()))
    doc = store.summary(mid).to_json()
    text = people_csv(store.summary(mid).participation.people)
    lines = text.splitlines()
    assert lines[0].startswith("Name,Role,Sector,Patient or public voice,Speaking time (s)")
    assert len(lines) == 1 + len(doc["people"])
    first = lines[1].split(",")
    assert first[0] == doc["people"][0]["name"]
    assert float(first[4]) == doc["people"][0]["seconds"]
    assert float(first[6]) == pytest.approx(doc["people"][0]["share"] * 100, abs=0.005)


def test_csv_never_starts_a_cell_with_a_formula() -> None:
    from meetingkit.models.participation import PersonFigures

    text = people_csv([PersonFigures("x", "=HYPERLINK(1)", "member", "+sector", False)])
    assert "'=HYPERLINK(1)" in text and "'+sector" in text
