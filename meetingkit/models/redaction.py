"""Naming people in shared outputs: in full, or redacted (initials and role, names scrubbed from free text)."""

from __future__ import annotations

import re
import unicodedata
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
    """Names for one meeting's people, in full or redacted; `text` applies the same choice to free text.

    Redacted (DESIGN §5): every attendee's name — in full, without a title, first and last name, run together
    ("RachelHughes", "rachel.hughes"), its parts (two-letter ones only as written, "Li"), a capitalised start of a
    first name ("Rach"), in any Unicode normal form — becomes initials; so does a name after a title ("Dr Jones",
    "Mrs Patel"), whoever it is; `others` (people of earlier meetings, whose names the carried text may hold) and
    `also` (words the secretary marked) are scrubbed the same way; organisations become "[organisation]". It
    cannot know every name: `name_check.words_like_names` lists what still looks like one.
    """

    def __init__(
        self,
        people: Sequence[Attendee],
        redacted: bool,
        *,
        others: Sequence[Attendee] = (),
        also: Sequence[str] = (),
    ) -> None:
        self.redacted = redacted
        self._people = {p.key: p for p in people}
        self._scrub = _Scrubber([*people, *others], also) if redacted else None

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
        """Free text as it may appear: unchanged, or with every name it knows replaced by initials."""
        if self._scrub is None or not text:
            return text
        return self._scrub.text(text)


ORGANISATION = "[organisation]"
_SEPARATOR = re.compile(r"(?:\s+|[._-])")  # between the words of a name: "Rachel Hughes", "rachel.hughes"
_HONORIFIC_DOT = re.compile(r"\.?[ \t]+")
MIN_PREFIX = 3  # "Rach", "Ben" for "Benjamin": a capitalised start of a first name


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


class _Scrubber:
    """The redacted edition's replacement of names in free text, one pass over the words of the text."""

    def __init__(self, people: Sequence[Attendee], also: Sequence[str]) -> None:
        from meetingkit.models.name_check import COMMON_WORDS

        self._common = COMMON_WORDS
        # Sequences of folded words ("rachel", "hughes") -> what replaces them, indexed by their first word.
        self._forms: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self._parts: dict[str, str] = {}  # folded part (3+ letters) -> initials
        self._short: dict[str, str] = {}  # a short part as written ("Li") -> initials
        self._prefixes: dict[str, str] = {}  # folded starts of first names ("rach") -> initials
        for p in people:
            self._add_person(_nfc(p.name), initials(p.name))
            if p.organisation.strip():
                self._add_form(_LETTERS.findall(_nfc(p.organisation)), ORGANISATION)
        for word in also:
            words = _LETTERS.findall(_nfc(word))
            if words:
                self._add_form(words, initials(" ".join(words)))
        for forms in self._forms.values():
            forms.sort(key=lambda f: len(f[0]), reverse=True)

    def _add_form(self, words: Sequence[str], mark: str) -> None:
        if words:
            folded = tuple(w.casefold() for w in words)
            self._forms.setdefault(folded[0], []).append((folded, mark))

    def _add_person(self, name: str, mark: str) -> None:
        words = _LETTERS.findall(name)
        core = [w for w in words if w.casefold() not in HONORIFICS] or words
        for form in (words, core, core[:1] + core[-1:]):
            self._add_form(form, mark)
            if len(form) > 1:
                self._add_form(["".join(form)], mark)  # "RachelHughes"
        for part in core:
            if len(part) >= MIN_PART:
                self._parts.setdefault(part.casefold(), mark)
            elif len(part) == 2 and _capitalised(part):
                self._short.setdefault(part, mark)
        first = core[0].casefold() if core else ""
        for n in range(MIN_PREFIX, len(first)):
            self._prefixes.setdefault(first[:n], mark)

    def text(self, text: str) -> str:
        text = _nfc(text)
        words = list(_LETTERS.finditer(text))
        out: list[str] = []
        done = 0  # text[:done] is handled
        i = 0
        while i < len(words):
            found = self._match(text, words, i)
            if found is None:
                i += 1
                continue
            end_word, mark = found
            start, end = words[i].start(), words[end_word].end()
            out.append(text[done:start])
            out.append(mark)
            # "Apologies from Tariq." -> "Apologies from T.A.", not "T.A..": the initials bring their own stop.
            if mark.endswith(".") and text.startswith(".", end):
                end += 1
            done = end
            i = end_word + 1
            while i < len(words) and words[i].start() < done:
                i += 1
        out.append(text[done:])
        return "".join(out)

    def _joined(self, text: str, words: list[re.Match[str]], i: int, j: int) -> bool:
        """Whether words i..j stand together as one name would: only spaces or one . _ - between them."""
        return all(_SEPARATOR.fullmatch(text[words[k].end() : words[k + 1].start()]) for k in range(i, j))

    def _match(self, text: str, words: list[re.Match[str]], i: int) -> tuple[int, str] | None:
        """The last word and the replacement of a name that starts at word i (None: no name starts there)."""
        word = words[i].group(0)
        folded = word.casefold()
        for form, mark in self._forms.get(folded, ()):
            j = i + len(form) - 1
            if (
                j < len(words)
                and all(words[i + k].group(0).casefold() == form[k] for k in range(len(form)))
                and self._joined(text, words, i, j)
            ):
                return j, mark
        if folded in HONORIFICS and i + 1 < len(words):
            titled = self._after_title(text, words, i)
            if titled is not None:
                return titled
        if folded in self._parts and (_capitalised(word) or folded not in self._common):
            return i, self._parts[folded]
        if word in self._short:
            return i, self._short[word]
        if folded in self._prefixes and _capitalised(word) and folded not in self._common:
            return i, self._prefixes[folded]
        return None

    def _after_title(self, text: str, words: list[re.Match[str]], i: int) -> tuple[int, str] | None:
        """'Dr Jones', 'Mrs Patel', 'Prof. Lucy Webb': a title and up to three capitalised words after it."""
        gap = text[words[i].end() : words[i + 1].start()]
        if not _HONORIFIC_DOT.fullmatch(gap):
            return None
        j = i
        while j + 1 < len(words) and j - i < 3:
            nxt = words[j + 1].group(0)
            between = text[words[j].end() : words[j + 1].start()]
            if not _capitalised(nxt) or nxt.casefold() in HONORIFICS:
                break
            if j > i and not _SEPARATOR.fullmatch(between):
                break
            j += 1
        if j == i:
            return None
        return j, initials(" ".join(w.group(0) for w in words[i + 1 : j + 1]))


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
