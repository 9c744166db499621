"""Redaction as DESIGN §5 says (issue 11, item 4): every spelling of a name it can know becomes initials, and the
words that still look like names are listed for the secretary."""

from __future__ import annotations

import unicodedata

import pytest

from meetingkit.models.meeting import Attendee
from meetingkit.models.name_check import words_like_names
from meetingkit.models.redaction import PeopleNames

PEOPLE = [
    Attendee("ch", "Dr Rachel Hughes", "Stroke Health Integration Team", role="chair"),
    Attendee("lw", "Li Wu", "Acme Care Ltd"),
    Attendee("zp", "Zoë Price"),
    Attendee("ta", "Tariq Aziz"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dr Jones said Mrs Patel agreed", "J. said P. agreed"),  # people who are not attendees
        ("Prof. Lucy Webb reported", "L.W. reported"),
        ("Li and Wu spoke", "L.W. and L.W. spoke"),  # two-letter name parts
        (f"Thanks to {unicodedata.normalize('NFD', 'Zoë')}.", "Thanks to Z.P."),  # decomposed Unicode
        ("Rach and RachelHughes and rachel.hughes", "R.H. and R.H. and R.H."),  # short and joined forms
        ("Acme Care Ltd will report", "[organisation] will report"),  # an organisation in a note
        ("Apologies from Tariq.", "Apologies from T.A."),  # never "T.A.."
        ("Tariq Aziz's report", "T.A.'s report"),
        ("We will meet in May.", "We will meet in May."),  # common words stay
        ("rachel HUGHES met Lee at Leeds", "R.H. met Lee at Leeds"),
    ],
)
def test_every_spelling_of_a_name_becomes_initials(text: str, expected: str) -> None:
    assert PeopleNames(PEOPLE, redacted=True).text(text) == expected


def test_people_of_earlier_meetings_and_marked_words_are_scrubbed_too() -> None:
    names = PeopleNames(PEOPLE[:1], True, others=[Attendee("x", "Tariq Aziz")], also=["Bartholomew"])
    assert names.text("Tariq Aziz to write; Bartholomew agreed") == "T.A. to write; B. agreed"


def test_the_full_edition_is_untouched() -> None:
    assert PeopleNames(PEOPLE, redacted=False).text("Dr Jones and Li") == "Dr Jones and Li"


def test_words_that_still_look_like_names_are_listed() -> None:
    texts = [
        "Apologies from Jones. Tariq Aziz said the Board met Bob at Leeds.",
        "Discharge was discussed; discharge letters go out. We meet in May.",
        "Carers asked R.H. (Chair) about it.",
    ]
    assert words_like_names(texts) == ["Jones", "Tariq", "Aziz", "Bob", "Leeds"]
