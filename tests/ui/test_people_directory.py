"""The people directory: opened from the main window, it lists the store's people and deletes one only after a
confirmation that says what deleting does; past meetings then show "former attendee" with the figures kept."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QToolButton

from meetingkit.app import seed_demo
from meetingkit.clock import FakeClock
from meetingkit.store.repository import Store
from meetingkit.ui.prep.main_window import MainWindow
from meetingkit.ui.prep.people_directory import (
    DELETE_CONSEQUENCES,
    DirectoryModel,
    PeopleDirectoryWindow,
    delete_question,
)
from meetingkit.ui.review.review_window import ReviewWindow


class Questions(list[QMessageBox.StandardButton]):
    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []


@pytest.fixture
def questions(monkeypatch: pytest.MonkeyPatch) -> Questions:
    answers = Questions()

    def question(_parent: Any, _title: str, text: str, *a: Any, **k: Any) -> QMessageBox.StandardButton:
        answers.asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    return answers


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: seen.append(text))
    return seen


@pytest.fixture
def demo(store: Store) -> int:
    mid = seed_demo(store)
    assert mid is not None
    return mid


@pytest.fixture
def main(qtbot: Any, store: Store, clock: FakeClock, demo: int) -> MainWindow:
    window = MainWindow(store, clock)
    qtbot.addWidget(window)
    window.show()
    return window


def open_directory(main: MainWindow) -> PeopleDirectoryWindow:
    main.people_action.trigger()
    found = [w for w in main.windows if isinstance(w, PeopleDirectoryWindow)]
    assert len(found) == 1 and found[0].isVisible()
    return found[0]


def names(model: DirectoryModel) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_the_model_shows_the_directory_without_a_widget(qapp: Any) -> None:
    model = DirectoryModel(
        [
            {
                "id": 1,
                "name": "Ann Chair",
                "organisation": "Trust",
                "sector": "acute care",
                "patient_rep": False,
            },
            {"id": 2, "name": "Pat Rep", "organisation": "", "sector": None, "patient_rep": True},
        ]
    )
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Name", "Organisation", "Sector", "Public voice"]
    assert [model.index(1, c).data() for c in range(4)] == ["Pat Rep", "", "", "Yes"]
    assert model.index(0, 3).data() == "No"
    model.set_rows([])
    assert model.rowCount() == 0


def test_opened_from_the_menu_and_the_toolbar(main: MainWindow, store: Store) -> None:
    assert main.people_action in main.menuBar().actions()[1].menu().actions()
    tool = main.toolbar.widgetForAction(main.people_action)
    assert isinstance(tool, QToolButton) and tool.accessibleName() == "People directory"
    directory = open_directory(main)
    assert names(directory.model) == [p["name"] for p in store.people()]
    assert "Eileen Foster" in names(directory.model)


def test_the_confirmation_says_what_deleting_does_and_cancelling_deletes_nothing(
    main: MainWindow, store: Store, demo: int, questions: Questions
) -> None:
    before = store.people()
    summary = store.summary(demo).to_json()
    directory = open_directory(main)
    directory.select_person(next(p["id"] for p in before if p["name"] == "Eileen Foster"))
    questions.append(QMessageBox.StandardButton.No)
    assert not directory.delete_selected()
    asked = questions.asked[0]
    assert "Delete <b>Eileen Foster (Stroke survivors&#x27; group)</b>?" in asked
    for point in (
        "removed from the people directory",
        "In past meetings (and meetings being prepared) they appear as “former attendee”",
        "name is removed from notes, decisions, actions and feedback",
        "Speaking figures stay",
        "Backup copies that still hold their name are removed at the next backup rotation",
        "cannot be undone",
    ):
        assert point in asked
    assert store.people() == before
    assert store.summary(demo).to_json() == summary
    assert "Eileen Foster" in names(directory.model)


def test_confirming_deletes_everywhere_and_the_review_shows_a_former_attendee(
    qtbot: Any, main: MainWindow, store: Store, demo: int, questions: Questions
) -> None:
    spoken = {p["name"]: p["seconds"] for p in store.summary(demo).to_json()["people"]}
    directory = open_directory(main)
    directory.filter.setText("survivors")  # find her by organisation
    assert names_shown(directory) == ["Eileen Foster"]
    directory.view.setCurrentIndex(directory.proxy.index(0, 0))
    questions.append(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(directory.delete_button, Qt.MouseButton.LeftButton)

    assert "Eileen Foster" not in [p["name"] for p in store.people()]
    directory.filter.clear()
    assert "Eileen Foster" not in names(directory.model)
    assert directory.message.text() == (
        "Deleted from the directory; they now appear as “former attendee” in 1 meeting."
    )
    people = store.summary(demo).to_json()["people"]
    assert "Eileen Foster" not in [p["name"] for p in people]
    former = [p for p in people if p["name"] == "former attendee"]
    assert [p["seconds"] for p in former] == [spoken["Eileen Foster"]]  # her speaking figures stayed

    review = ReviewWindow(store, demo)
    qtbot.addWidget(review)
    model = review.people_model
    shown = [model.index(r, model.column_of("name")).data() for r in range(model.rowCount())]
    assert "former attendee" in shown and "Eileen Foster" not in shown


def test_deleting_waits_while_a_console_is_open(
    main: MainWindow, store: Store, clock: FakeClock, questions: Questions, warnings: list[str]
) -> None:
    draft = store.create_meeting(store.load_meeting(store.list_meetings()[0].id))
    console = main.run_meeting(draft)
    assert console is not None
    directory = open_directory(main)
    before = store.people()
    assert directory.delete_selected() is False
    assert warnings and "console is open" in warnings[0]
    assert questions.asked == [] and store.people() == before
    console.bridge.stop()
    console.close()


def test_a_name_with_markup_stays_text_in_the_question() -> None:
    text = delete_question({"name": "<img src=x>Eve", "organisation": "A & B"})
    assert "<img" not in text and "&lt;img src=x&gt;Eve (A &amp; B)" in text
    assert all(p.replace("“", "").split()[0] in text for p in DELETE_CONSEQUENCES)


def names_shown(directory: PeopleDirectoryWindow) -> list[str]:
    return [directory.proxy.index(r, 0).data() for r in range(directory.proxy.rowCount())]


def test_deleting_a_meeting_names_it_and_says_what_goes_with_it(
    main: MainWindow, store: Store, demo: int, questions: Questions
) -> None:
    main.select_meeting(demo)
    questions.append(QMessageBox.StandardButton.No)
    main.delete_action.trigger()
    asked = questions.asked[0]
    assert asked.startswith("<p>Delete “Stroke HIT steering group (demo)” (")
    for point in ("its events", "notes", "actions", "Backup copies that hold it", "next backup rotation"):
        assert point in asked
    assert [m.id for m in store.list_meetings()] == [demo]
