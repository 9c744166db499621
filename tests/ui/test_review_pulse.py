"""Were you heard? in the review window's first tab (DESIGN §11): beside the representatives' airtime, and both
questions for both groups, a group of fewer than 3 answers reading "too few answers to show", never its counts."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from meetingkit.clock import FakeClock
from meetingkit.models import record
from meetingkit.store.repository import Store
from meetingkit.ui.review.review_window import ReviewWindow
from tests.pulse_records import REPS_TOO_FEW, SHOWN_AND_TOO_FEW, board_with_pulse
from tests.unit.test_store import small_meeting

AIRTIME = "Representatives spoke for 9.2% of the discussion outside the feedback break"


def review_of(qtbot: QtBot, store: Store, data: dict) -> ReviewWindow:  # type: ignore[type-arg]
    w = ReviewWindow(store, store.import_record(record.parse(data)))
    qtbot.addWidget(w)
    return w


def shown_lines(w: ReviewWindow) -> list[str]:
    """The panel's words as a reader sees them (visible labels only)."""
    return [lab.text() for lab in w.pulse_panel.findChildren(QLabel) if lab.isVisibleTo(w.pulse_panel)]


def test_the_first_tab_shows_the_pulse_beside_the_airtime(qtbot: QtBot, store: Store) -> None:
    w = review_of(qtbot, store, board_with_pulse(SHOWN_AND_TOO_FEW))
    assert w.tabs.currentWidget() is w.people_tab and w.pulse_panel.isVisibleTo(w.people_tab)
    assert w.voice.text.text() == f"{AIRTIME}; 3 of 4 felt listened to, 1 not."
    lines = shown_lines(w)
    assert lines[:6] == [
        "Did you get the chance to say what you wanted?",
        "Patient and public representatives: 3 of 4 got the chance to say what they wanted, 1 partly",
        "Everyone else: too few answers to show",
        "Did you feel listened to?",
        "Patient and public representatives: 3 of 4 felt listened to, 1 not",
        "Everyone else: too few answers to show",
    ]
    # the two who answered are never shown as counts: not "1 of 2", not "2 of 2"
    assert not any(" of 2" in line for line in lines)
    # read aloud, each line keeps its question
    said = w.pulse_panel.accessibleDescription()
    assert "Did you feel listened to? Everyone else: too few answers to show" in said
    assert "Did you get the chance to say what you wanted? Patient and public representatives: 3 of 4" in said


def test_representatives_with_two_answers_are_too_few_and_three_are_shown(qtbot: QtBot, store: Store) -> None:
    w = review_of(qtbot, store, board_with_pulse(REPS_TOO_FEW))
    assert w.voice.text.text() == f"{AIRTIME}; whether they felt listened to: too few answers to show."
    lines = shown_lines(w)
    assert "Patient and public representatives: too few answers to show" in lines
    assert "Everyone else: 1 of 3 felt listened to, 1 partly and 1 not" in lines  # exactly 3: shown
    assert "Everyone else: 2 of 3 got the chance to say what they wanted, 1 partly" in lines
    assert not any("of 2" in line for line in lines)


def test_a_later_pulse_replaces_the_earlier_one(qtbot: QtBot, store: Store) -> None:
    later = [("listened", "patient_public", 4, 0, 0)]
    w = review_of(qtbot, store, board_with_pulse(SHOWN_AND_TOO_FEW, later))
    assert w.voice.text.text() == f"{AIRTIME}; 4 of 4 felt listened to."
    assert "Patient and public representatives: 4 of 4 felt listened to" in shown_lines(w)
    # the other counts of the earlier pulse still stand
    assert "Patient and public representatives: 3 of 4 got the chance to say what they wanted, 1 partly" in (
        shown_lines(w)
    )


def test_without_a_pulse_it_says_none_was_taken(qtbot: QtBot, store: Store) -> None:
    w = review_of(qtbot, store, board_with_pulse())
    assert w.voice.text.text() == f"{AIRTIME}."  # nothing added, nothing misleading
    assert shown_lines(w)[0] == "No pulse was taken at this meeting."
    assert not any("too few" in line or "listened to" in line for line in shown_lines(w))
    assert w.pulse_panel.accessibleDescription() == "No pulse was taken at this meeting."


def test_markup_in_the_title_stays_text_beside_the_pulse(qtbot: QtBot, store: Store) -> None:
    data = board_with_pulse(SHOWN_AND_TOO_FEW)
    data["meeting"]["title"] = "<b>Board</b> & <img src=x>"
    w = review_of(qtbot, store, data)
    assert w.heading.text() == "<b>Board</b> & <img src=x>"
    assert "3 of 4 felt listened to" in w.voice.text.text()


def test_a_pulse_taken_in_the_app_shows_on_refresh(qtbot: QtBot, store: Store, clock: FakeClock) -> None:
    mid = store.create_meeting(small_meeting())
    session = store.open_live(mid, clock)
    session.apply("start_meeting")
    clock.advance(30)
    session.apply("speak", {"who": "pr"})
    clock.advance(30)
    session.apply("skip_break", {"reason": "Short meeting"})
    session.apply("end_meeting")
    w = ReviewWindow(store, mid)
    qtbot.addWidget(w)
    assert shown_lines(w)[0] == "No pulse was taken at this meeting."
    for q in ("chance", "listened"):
        session.apply("pulse", {"question": q, "group": "patient_public", "yes": 3, "partly": 0, "no": 0})
    w.refresh()
    assert "Patient and public representatives: 3 of 3 felt listened to" in shown_lines(w)
    assert "Everyone else: no answers" in shown_lines(w)
    assert w.voice.text.text().endswith("; 3 of 3 felt listened to.")
