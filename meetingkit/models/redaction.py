"""Naming people in shared outputs: in full, or redacted (initials and role, names scrubbed from free text)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from meetingkit.models.meeting import ROLE_LABELS, Attendee

HONORIFICS = frozenset(
    [
        "dr",
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "prof",
        "professor",
        "sir",
        "dame",
        "cllr",
        "councillor",
        "rev",
        "revd",
        "lord",
        "lady",
    ]
)
MIN_PART = 3  # shorter words of a name ("Jo", "Li") are too common to scrub from free text on their own

_LETTERS = re.compile(r"[^\W\d_]+")


def initials(name: str) -> str:
    """'Dr Rachel Hughes' -> 'R.H.'; titles such as Dr or Cllr are left out."""
    words = [w for w in _LETTERS.findall(name) if w.casefold() not in HONORIFICS]
    if not words:
        words = _LETTERS.findall(name) or ["?"]
    return "".join(f"{w[0].upper()}." for w in words)


def name_parts(name: str) -> list[str]:
    """The words of a name that the redacted edition scrubs from free text (titles and short words left out)."""
    return [w for w in _LETTERS.findall(name) if len(w) >= MIN_PART and w.casefold() not in HONORIFICS]


class PeopleNames:
    """Names for one meeting's people, in full or redacted; `text` applies the same choice to free text."""

    def __init__(self, people: Sequence[Attendee], redacted: bool) -> None:
        self.redacted = redacted
        self._people = {p.key: p for p in people}
        self._full: re.Pattern[str] | None = None
        self._full_map: dict[str, str] = {}
        self._parts: dict[str, str] = {}
        if redacted:
            self._prepare(people)

    def _prepare(self, people: Sequence[Attendee]) -> None:
        variants: dict[str, str] = {}
        for p in people:
            mark = initials(p.name)
            words = _LETTERS.findall(p.name)
            core = [w for w in words if w.casefold() not in HONORIFICS]
            for form in (" ".join(p.name.split()), " ".join(core), " ".join(core[:1] + core[-1:])):
                if form.strip():
                    variants.setdefault(_fold(form), mark)
            for part in name_parts(p.name):
                self._parts.setdefault(part.casefold(), mark)
        self._full_map = variants
        if variants:
            alternatives = sorted(variants, key=len, reverse=True)
            # Whitespace inside a name may be any run of spaces or a line break in a note.
            body = "|".join(r"\s+".join(re.escape(w) for w in v.split(" ")) for v in alternatives)
            self._full = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)

    def knows(self, key: str) -> bool:
        """Whether `key` is one of this meeting's people (an owner may be a key or free text)."""
        return key in self._people

    def person(self, key: str) -> Attendee | None:
        return self._people.get(key)

    def name(self, key: str) -> str:
        """The name column: a full name, or initials in the redacted edition."""
        p = self._people.get(key)
        if p is None:
            return self.text(key)
        return initials(p.name) if self.redacted else p.name

    def who(self, key: str) -> str:
        """A person mentioned in passing: their name, or 'R.H. (Chair)' in the redacted edition."""
        p = self._people.get(key)
        if p is None:
            # Someone not on this meeting's list (named at an earlier meeting): never their name when redacted.
            return initials(key) if self.redacted else key
        if self.redacted:
            return f"{initials(p.name)} ({ROLE_LABELS.get(p.role, p.role)})"
        return p.name

    def owner(self, owner: str) -> str:
        """An action's owner: a person's key, or free text."""
        if not owner:
            return ""
        return self.who(owner) if owner in self._people else self.text(owner)

    def text(self, text: str) -> str:
        """Free text as it may appear: unchanged, or with every name and name part replaced by initials."""
        if not self.redacted or not text:
            return text
        if self._full is not None:
            text = self._full.sub(lambda m: self._full_map.get(_fold(m.group(0)), "[name]"), text)
        if self._parts:
            text = _LETTERS.sub(lambda m: self._parts.get(m.group(0).casefold(), m.group(0)), text)
        return text


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def name_forms(name: str) -> list[str]:
    """The forms a person's name takes in free text: in full, and without a title ("Dr Ann Lee" -> "Ann Lee")."""
    full = " ".join(name.split())
    words = full.split(" ")
    forms = [full]
    if words and words[0].lower().strip(".") in HONORIFICS and len(words) > 1:
        forms.append(" ".join(words[1:]))
    return [f for f in forms if f]


def erase_name(text: str, name: str, replacement: str = "former attendee") -> str:
    """Take a person's name out of text (whole words, any case), for erasure from the directory."""
    for form in name_forms(name):
        text = re.sub(r"(?<!\w)" + re.escape(form) + r"(?!\w)", replacement, text, flags=re.IGNORECASE)
    return text
