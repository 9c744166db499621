"""Were you heard? in the review window's first tab (DESIGN §11): beside the representatives' airtime, and both
questions for both groups, a group of fewer than 3 answers reading "too few answers to show", never its counts."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from meetingkit.clock import FakeClock
from meetingkit.models import record
from meetingkit.models.pulse import TOO_FEW
from meetingkit.store.repository import Store
from meetingkit.ui.review.review_window import ReviewWindow
from meetingkit.ui.review.review_window.pulse_panel import PulsePanel
from tests.pulse_records import REPS_TOO_FEW, SHOWN_AND_TOO_FEW, board_with_pulse
from tests.ui.test_review_window import running_board
from tests.unit.test_store import small_meeting

AIRTIME = "Representatives spoke for 9.2% of the discussion outside the feedback break"


def review_of(qtbot: QtBot, store: Store, data: dict) -> ReviewWindow:  # type: ignore[type-arg]
    w = ReviewWindow(store, store.import_record(record.parse(data)))
    qtbot.addWidget(w)
    return w


def grid(panel: PulsePanel) -> list[list[str]]:
    """The panel's words as a reader sees them: its heading row, then a row per question (visible labels only)."""
    rows = [[panel.title.text(), *(h.text() for h in panel.heads.values() if h.isVisibleTo(panel))]]
    if panel.none.isVisibleTo(panel):
        rows[0].append(panel.none.text())
    for q, label in panel.questions.items():
        if label.isVisibleTo(panel):
            rows.append([label.text(), *(c.text() for (cq, _), c in panel.cells.items() if cq == q)])
    return rows


def words(panel: PulsePanel) -> str:
    return " ".join(" ".join(row) for row in grid(panel))


def test_the_first_tab_shows_the_pulse_beside_the_airtime(qtbot: QtBot, store: Store) -> None:
    w = review_of(qtbot, store, board_with_pulse(SHOWN_AND_TOO_FEW))
    assert w.tabs.currentWidget() is w.people_tab and w.pulse_panel.isVisibleTo(w.people_tab)
    assert w.voice.text.text() == f"{AIRTIME}; 3 of 4 felt listened to, 1 not."
    assert grid(w.pulse_panel) == [
        ["Were you heard?", "Patient and public representatives", "Everyone else"],
        [
            "Did you get the chance to say what you wanted?",
            "3 of 4 got the chance to say what they wanted, 1 partly",
            "too few answers to show",
        ],
        ["Did you feel listened to?", "3 of 4 felt listened to, 1 not", "too few answers to show"],
    ]
    # the two who answered are never shown as counts: not "1 of 2", not "2 of 2"
    assert " of 2" not in words(w.pulse_panel)
    assert w.pulse_panel.about.isVisibleTo(w.pulse_panel)  # why "too few" (anonymity, the threshold of 3)
    # read aloud, each cell keeps its question and group
    said = w.pulse_panel.accessibleDescription()
    assert "Did you feel listened to? Everyone else: too few answers to show" in said
    assert "Did you get the chance to say what you wanted? Patient and public representatives: 3 of 4" in said
    cell = w.pulse_panel.cells[("listened", "patient_public")]
    assert cell.accessibleName() == (
        "Did you feel listened to? Patient and public representatives: 3 of 4 felt listened to, 1 not"
    )


def test_representatives_with_two_answers_are_too_few_and_three_are_shown(qtbot: QtBot, store: Store) -> None:
    w = review_of(qtbot, store, board_with_pulse(REPS_TOO_FEW))
    assert w.voice.text.text() == f"{AIRTIME}; whether they felt listened to: too few answers to show."
    rows = grid(w.pulse_panel)
    assert rows[1][1] == rows[2][1] == "too few answers to show"
    assert rows[2][2] == "1 of 3 felt listened to, 1 partly and 1 not"  # exactly 3: shown
    assert rows[1][2] == "2 of 3 got the chance to say what they wanted, 1 partly"
    assert "of 2" not in words(w.pulse_panel)


def test_a_later_pulse_replaces_the_earlier_one(qtbot: QtBot, store: Store) -> None:
    later = [("listened", "patient_public", 4, 0, 0)]
    w = review_of(qtbot, store, board_with_pulse(SHOWN_AND_TOO_FEW, later))
    assert w.voice.text.text() == f"{AIRTIME}; 4 of 4 felt listened to."
    rows = grid(w.pulse_panel)
    assert rows[2][1] == "4 of 4 felt listened to"
    assert w.pulse_panel.about.isVisibleTo(w.pulse_panel)  # everyone else still too few
    # the other counts of the earlier pulse still stand
    assert rows[1][1] == "3 of 4 got the chance to say what they wanted, 1 partly"


def test_without_a_pulse_it_says_none_was_taken(qtbot: QtBot, store: Store) -> None:
    w = review_of(qtbot, store, board_with_pulse())
    assert w.voice.text.text() == f"{AIRTIME}."  # nothing added, nothing misleading
    assert grid(w.pulse_panel) == [["Were you heard?", "No pulse was taken at this meeting."]]
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
    assert grid(w.pulse_panel)[0][-1] == "No pulse was taken at this meeting."
    for q in ("chance", "listened"):
        session.apply("pulse", {"question": q, "group": "patient_public", "yes": 3, "partly": 0, "no": 0})
    w.refresh()
    assert grid(w.pulse_panel)[2] == ["Did you feel listened to?", "3 of 3 felt listened to", "no answers"]
    assert not w.pulse_panel.about.isVisibleTo(w.pulse_panel)  # nothing held back, nothing to explain
    assert w.voice.text.text().endswith("; 3 of 3 felt listened to.")


def test_a_pulse_at_the_end_of_the_break_reaches_the_review_of_the_running_meeting(
    qtbot: QtBot, store: Store, clock: FakeClock
) -> None:
    mid, bridge = running_board(store, clock)
    try:
        w = ReviewWindow(store, mid, live=bridge)
        qtbot.addWidget(w)
        assert grid(w.pulse_panel)[0][-1] == "No pulse was taken at this meeting."
        for group, counts in (("patient_public", (3, 0, 0)), ("others", (1, 1, 0))):
            yes, partly, no = counts
            bridge.command("pulse", question="listened", group=group, yes=yes, partly=partly, no=no)
        # each event refreshes the review, the meeting still running
        assert grid(w.pulse_panel)[2] == ["Did you feel listened to?", "3 of 3 felt listened to", TOO_FEW]
        assert grid(w.pulse_panel)[1][1:] == ["no answers", "no answers"]
        assert w.voice.text.text().endswith("; 3 of 3 felt listened to.")
    finally:
        bridge.stop()
