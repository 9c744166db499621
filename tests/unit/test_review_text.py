"""The plain-English lines of the participation review."""

from __future__ import annotations

import pytest

from meetingkit.models import review_text as rt


@pytest.mark.parametrize(
    ("share", "decimals", "text"),
    [
        (0.0, 0, "0%"),
        (0.09, 0, "9%"),
        (0.1343, 1, "13.4%"),
        (0.003, 0, "less than 1%"),
        (1.0, 0, "100%"),
        (0.0215, 1, "2.2%"),
        (0.2, 1, "20%"),
    ],
)
def test_percent(share: float, decimals: int, text: str) -> None:
    assert rt.percent(share, decimals) == text


def test_clock_and_duration_words() -> None:
    assert rt.clock_text(0) == "0:00"
    assert rt.clock_text(906.4) == "15:06"
    assert rt.clock_text(3725) == "1:02:05"
    assert rt.airtime(45) == "45 s"
    assert rt.airtime(252) == "4 min 12 s"
    assert rt.airtime(240) == "4 min 00 s"
    assert rt.airtime(3905) == "1 h 05 min 05 s"


def test_join_names() -> None:
    assert rt.join_names([]) == ""
    assert rt.join_names(["A"]) == "A"
    assert rt.join_names(["A", "B"]) == "A and B"
    assert rt.join_names(["A", "B", "C"]) == "A, B and C"


def test_patient_voice_line_names_the_break_only_when_there_was_one() -> None:
    assert (
        rt.patient_voice_line(0.09, 3000, True, "taken")
        == "Representatives spoke for 9% of the discussion outside the feedback break."
    )
    assert rt.patient_voice_line(0.09, 3000, True, "skipped") == (
        "Representatives spoke for 9% of the main discussion."
    )
    assert rt.patient_voice_line(0.0, 3000, True, "taken") == (
        "Representatives did not speak in the discussion outside the feedback break."
    )
    assert "No patient or public representative was in the room" in rt.patient_voice_line(
        0.0, 3000, False, "taken"
    )
    assert rt.patient_voice_line(0.0, 0, True, "pending") == "No discussion has been timed yet."


def test_patient_voice_with_break_line() -> None:
    assert rt.patient_voice_with_break_line(0.2044, 4926, "taken") == (
        "Counting the feedback break, representatives spoke for 20.4% of all speaking time."
    )
    assert rt.patient_voice_with_break_line(0.1, 100, "disabled").startswith("There was no feedback break")


@pytest.mark.parametrize(
    ("gini", "words"),
    [
        (0.0, "Talk was shared evenly."),
        (0.19, "Talk was shared evenly."),
        (0.23, "Talk was shared fairly evenly."),
        (0.4, "Some people did much more of the talking than others."),
        (0.5, "A few people did most of the talking."),
        (0.9, "A few people did most of the talking."),
    ],
)
def test_balance_words(gini: float, words: str) -> None:
    assert rt.balance_words(gini, 100.0) == words
    assert rt.balance_line(gini, 100.0).startswith(words)
    assert f"{gini:.2f}" in rt.balance_line(gini, 100.0)


def test_balance_before_anyone_spoke() -> None:
    assert rt.balance_words(0.0, 0.0) == "Nobody has spoken yet."
    assert rt.balance_line(0.0, 0.0) == "Nobody has spoken yet."


def test_not_heard_line() -> None:
    assert rt.not_heard_line([], 5) == "Everyone present was heard in the main discussion."
    assert (
        rt.not_heard_line(["Pat Rep"], 5) == "1 person present was not heard in the main discussion: Pat Rep."
    )
    assert (
        rt.not_heard_line(["A", "B"], 5) == "2 people present were not heard in the main discussion: A and B."
    )
    assert rt.not_heard_line([], 0) == "Nobody is recorded as present."


def test_items_without_voice_line() -> None:
    assert rt.items_without_voice_line([]) == "A representative spoke in every item that had discussion."
    assert (
        rt.items_without_voice_line(["Budget", "Plans"])
        == "No representative spoke in 2 items: Budget and Plans."
    )


def test_coverage_line() -> None:
    expected = ["acute care", "primary care", "social care"]
    assert rt.coverage_line(expected, []) == "All 3 expected sectors were in the room."
    assert rt.coverage_line(expected, ["primary care"]) == (
        "2 of 3 expected sectors were in the room; missing: primary care."
    )


def test_interjections_line() -> None:
    assert rt.interjections_line([("A", 0), ("B", 0)]) == "Nobody interjected."
    assert rt.interjections_line([("A", 3), ("B", 1)]) == "4 interjections in all; most often A (3 times)."
    assert (
        rt.interjections_line([("A", 1), ("B", 1)])
        == "2 interjections in all; most often A and B (once each)."
    )
    assert rt.interjections_line([("A", 2), ("B", 1)]) == "3 interjections in all; most often A (twice)."
    assert (
        rt.interjections_line([("A", 0), ("Dewi Ŵilliams", 1)]) == "1 interjection in all, by Dewi Ŵilliams."
    )


def test_over_under_and_break_words() -> None:
    assert rt.over_under_words(None) == "not finished"
    assert rt.over_under_words(20) == "on time"
    assert rt.over_under_words(12 * 60) == "12 min over"
    assert rt.over_under_words(-3 * 60) == "3 min under"
    assert rt.break_words("taken") == "held"
    assert rt.break_words("skipped", "ran out of time") == "skipped (ran out of time)"
    assert rt.break_words("not_held") == "not held"


def test_prompt_waits_for_a_third_of_the_planned_time() -> None:
    planned = 90 * 60
    assert not rt.should_prompt(0.05, 0.2, planned / 3 - 1, planned)
    assert rt.should_prompt(0.05, 0.2, planned / 3, planned)
    assert not rt.should_prompt(0.25, 0.2, planned, planned)  # above the target
    assert not rt.should_prompt(0.0, None, planned, planned)  # no target set
    assert not rt.should_prompt(0.0, 0.0, planned, planned)
    text = rt.voice_prompt(0.05, 0.2)
    assert "5%" in text and "20%" in text and "invite" in text


def test_live_voice_line_and_turn_line() -> None:
    assert rt.live_voice_line(0.0, 0.0) == "Patient and public voice so far: nothing timed yet"
    assert rt.live_voice_line(0.12, 600) == "Patient and public voice so far: 12% of the discussion"
    line = rt.turn_line("Pat Rep", "Patient / public rep", 75, "10:01:00–10:02:15", "during 'Budget'")
    assert line == "Pat Rep (Patient / public rep) spoke for 1 min 15 s, 10:01:00–10:02:15, during 'Budget'."
    inter = rt.turn_line("Mo", "Member", 20, "10:03:00–10:03:20", "during 'Budget'", True, "Ann Chair")
    assert inter.startswith("Mo (Member) interjected for 20 s while Ann Chair had the floor")
