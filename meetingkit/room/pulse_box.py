"""The pulse while it is open (DESIGN §11): the room's answers, held in memory and forgotten when it closes.

Each page answers with a ballot: a random id it makes for this pulse alone (not its device id, and not tied to
anyone's name), with its whole answer set — its group and its answer to each question. Answering again
replaces that ballot's answers, so a device has one answer set per pulse; the server lets each connection
answer under one ballot only (remembered in memory with the connection, never stored). Only the counts
leave this box, when the chair closes the pulse; nothing here is ever written anywhere.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from typing import Any

from meetingkit.models.pulse import ANSWERS, GROUPS, QUESTIONS, PulseCount, group_label
from meetingkit.models.session import LiveMeeting

BALLOT_ID = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
MAX_BALLOTS = 2000  # answer sets held at once, counted or not: a flood of made-up ids cannot fill memory

COUNTED = "Thank you: your answers are counted. You can change them until the chair closes the pulse."
NEED_GROUP = "Say whether you are a patient or public representative, so that your answers can be counted."
NEED_ANSWER = "Answer the questions below: your answers count once you have answered one."


class PulseRefused(Exception):
    """An answer the box does not take, with the words the page shows; `malformed` when it is not a message
    the page would send (the server counts it against the connection, as any bad message)."""

    def __init__(self, text: str, malformed: bool = False) -> None:
        super().__init__(text)
        self.malformed = malformed


@dataclass
class Ballot:
    group: str | None = None
    chance: str | None = None
    listened: str | None = None

    @property
    def counted(self) -> bool:
        return self.group is not None and (self.chance is not None or self.listened is not None)


class PulseBox:
    """One pulse at a time: `open()`, answers by ballot, `close()` for the counts (and every ballot gone)."""

    def __init__(self) -> None:
        self.id: str | None = None  # a new random id for each pulse: a page's ballot belongs to one pulse
        self._ballots: dict[str, Ballot] = {}

    @property
    def is_open(self) -> bool:
        return self.id is not None

    @property
    def answered(self) -> int:
        """How many have answered so far (a group and at least one question): never who, never what."""
        return sum(b.counted for b in self._ballots.values())

    def open(self) -> bool:
        """Open a pulse; False (and nothing changed, answers kept) if one is open already."""
        if self.is_open:
            return False
        self.id = secrets.token_hex(8)
        self._ballots.clear()
        return True

    def answer(self, message: dict[str, Any], limits: dict[str, int]) -> str:
        """Take a page's `pulse` message (its id, its ballot, its whole answer set); returns the words for
        the page. Raises PulseRefused when the pulse is closed, the message is not one the page sends, or
        more have answered as one group than `limits` says are here."""
        if not self.is_open:
            raise PulseRefused("The pulse is closed")
        if message.get("id") != self.id:
            raise PulseRefused("That pulse has closed: the chair has opened a new one")
        ballot_id = message.get("ballot")
        if not isinstance(ballot_id, str) or not BALLOT_ID.match(ballot_id):
            raise PulseRefused("Not a message this page sends", malformed=True)
        new = Ballot(
            _choice(message, "group", GROUPS),
            _choice(message, "chance", ANSWERS),
            _choice(message, "listened", ANSWERS),
        )
        if ballot_id not in self._ballots and len(self._ballots) >= MAX_BALLOTS:
            raise PulseRefused("The pulse cannot take more answers")
        if new.counted and new.group is not None:
            others = sum(
                b.counted and b.group == new.group for k, b in self._ballots.items() if k != ballot_id
            )
            here = limits.get(new.group, 0)
            if not here:  # "as many have answered as there are here" would read as if some had
                raise PulseRefused(
                    f"Nobody is marked present as “{group_label(new.group)}” at this meeting: "
                    "if that is wrong, ask the chair to check who is marked present"
                )
            if others >= here:
                raise PulseRefused(
                    f"As many people have answered as “{group_label(new.group)}” as there are here: "
                    "if that is wrong, ask the chair to check who is marked present"
                )
        self._ballots[ballot_id] = new
        if new.counted:
            return COUNTED
        return NEED_GROUP if new.group is None else NEED_ANSWER

    def close(self) -> list[PulseCount]:
        """Close the pulse: the counts of each question for each group ([] when nobody answered), and every
        ballot forgotten."""
        counted = [b for b in self._ballots.values() if b.counted]
        self.id = None
        self._ballots.clear()
        if not counted:
            return []
        out = []
        for question in QUESTIONS:
            for group in GROUPS:
                given = [getattr(b, question) for b in counted if b.group == group]
                out.append(PulseCount(question, group, *(given.count(a) for a in ANSWERS)))
        return out


def _choice(message: dict[str, Any], name: str, allowed: tuple[str, ...]) -> str | None:
    value = message.get(name)
    if value is None:
        return None
    if value not in allowed:
        raise PulseRefused("Not a message this page sends", malformed=True)
    return str(value)


def pulse_limits(live: LiveMeeting) -> dict[str, int]:
    """No more answers from a group than there are (or were) people of it at the meeting."""
    people = [p for p in live.meeting.people if p.key in live.ever_present]
    reps = sum(p.is_public_voice for p in people)
    return {"patient_public": reps, "others": len(people) - reps}


def pulse_message(box: PulseBox, **extra: Any) -> dict[str, Any]:
    """The `pulse` message to a page: whether a pulse is open (and its id), with words to show."""
    words = (
        "The chair asks: were you heard? Your answers are anonymous: only the numbers are kept."
        if box.is_open
        else "No questions from the chair just now."
    )
    return {"type": "pulse", "id": box.id, "open": box.is_open, "text": words, **extra}
