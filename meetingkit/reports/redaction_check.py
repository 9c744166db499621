"""What a redacted edition prints, for the check before it is written: the words that still look like names
(DESIGN §5), and the redacted meeting record that `export --redacted` writes."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from meetingkit.models.meeting import Action, Attendee, Feedback
from meetingkit.models.name_check import words_like_names
from meetingkit.models.redaction import PeopleNames
from meetingkit.models.session import LiveMeeting


def printed_text(
    live: LiveMeeting, prior_actions: Sequence[Action] = (), prior_feedback: Sequence[Feedback] = ()
) -> Iterator[str]:
    """Every piece of free text the minutes print, this meeting's and what they carry from earlier ones."""
    m = live.meeting
    yield from (m.title, m.series, m.venue)
    yield from (it.title for it in m.agenda)
    yield from (p.sector for p in m.people)
    yield from (n.text for n in live.notes)
    yield from (d.text for d in live.decisions)
    yield from (d.text for d in live.declarations)
    if live.gave_approval is not None:
        yield from (str(live.gave_approval.get(k) or "") for k in ("title", "amendments"))
    if live.approval is not None:
        yield live.approval.amendments
    yield from (f.text for f in [*live.feedback, *prior_feedback])
    for a in [*live.actions.values(), *prior_actions]:
        yield a.text
        yield a.owner
        yield from (u.note for u in a.updates)
    yield from (u.note for u in live.updates)
    if live.brk.skip_reason:
        yield live.brk.skip_reason


def names_left(names: PeopleNames, texts: Iterable[str]) -> list[str]:
    """The words of the redacted `texts` that may still be names, for the secretary to replace or confirm."""
    return words_like_names(names.text(t) for t in texts if t)


def redact_record(
    data: dict[str, Any], others: Sequence[Attendee] = (), also: Sequence[str] = ()
) -> tuple[dict[str, Any], list[str]]:
    """A record with every person shown as initials and role and names taken out of its free text, and the
    words in it that still look like names. The same naming as the redacted minutes, so the two agree."""
    names = PeopleNames(
        [Attendee(p["key"], p["name"], p.get("organisation", ""), role=p["role"]) for p in data["people"]],
        redacted=True,
        others=others,
        also=also,
    )
    out = json.loads(json.dumps(data))
    for p in out["people"]:
        p["name"] = names.who(p["key"])
        p["organisation"] = ""  # an organisation can identify a person; the sector stays
    for key in ("title", "venue", "series"):
        out["meeting"][key] = names.text(out["meeting"].get(key, ""))
    for it in out["agenda"]:
        it["title"] = names.text(it["title"])
    printed: list[str] = [out["meeting"][k] for k in ("title", "venue", "series")]
    printed += [it["title"] for it in out["agenda"]]
    for ev in out["events"]:
        for k in ("text", "note", "reason", "amendments", "title"):
            if isinstance(ev.get(k), str):
                ev[k] = names.text(ev[k])
                printed.append(ev[k])
        if isinstance(ev.get("owner"), str) and not names.knows(ev["owner"]):
            ev["owner"] = names.text(ev["owner"])
            printed.append(ev["owner"])
    return out, words_like_names(printed, [p["role"] for p in data["people"]])
