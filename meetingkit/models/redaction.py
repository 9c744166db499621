"""Redacted editions: each person shown as initials and role, and their names taken out of free text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol

from meetingkit.models.meeting import ROLE_LABELS

HONORIFICS = {
    "dr",
    "prof",
    "professor",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "cllr",
    "sir",
    "dame",
    "rev",
    "revd",
}


class Named(Protocol):
    key: str
    name: str
    role: str


def initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name.strip()) if w]
    letters = [w[0].upper() for w in words if w.lower().strip(".") not in HONORIFICS]
    return ".".join(letters) + "." if letters else "?"


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


class Redactor:
    """Maps each person to a stable label ("R.H., Chair") and strips their names from text."""

    def __init__(self, people: Iterable[Named]) -> None:
        self.labels: dict[str, str] = {}
        seen: dict[str, int] = {}
        patterns: list[tuple[str, str]] = []
        for p in people:
            base = initials(p.name)
            seen[base] = seen.get(base, 0) + 1
            short = base if seen[base] == 1 else f"{base}{seen[base]}"
            self.labels[p.key] = f"{short} ({ROLE_LABELS.get(p.role, p.role)})"
            # The full name first, then each part of it that could be a name on its own.
            patterns.append((p.name.strip(), short))
            for word in re.split(r"[\s\-]+", p.name):
                w = word.strip(".,'\"")
                if len(w) >= 3 and w.lower() not in HONORIFICS:
                    patterns.append((w, short))
        patterns.sort(key=lambda pair: -len(pair[0]))
        self._patterns = [
            (re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)", re.IGNORECASE), short)
            for name, short in patterns
            if name
        ]

    def label(self, key: str) -> str:
        return self.labels.get(key, "former attendee")

    def text(self, value: str) -> str:
        for pattern, short in self._patterns:
            value = pattern.sub(short, value)
        return value
