"""Words that still look like names in a redacted text (DESIGN §5): the redaction cannot know every name, so
before a redacted file is written the secretary is shown these to replace too, or to confirm as they are."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Capitalised words that are not names in minutes: sentence starters, the calendar, the words of meetings, of
# health and care, and a few names that are also ordinary words (so that "will" in a note stays "will").
COMMON_WORDS = frozenset(
    """
    a about above after again against all also although am an and another any anyone are as at away back be
    because been before being below between both but by can cannot could did do does doing done down during each
    either else even every few first for from further had has have having he her here hers him his how however
    i if in into is it its itself just last least less let like many may me might more most much must my near
    neither next no nor not now of off often on once one only or other our out over own per perhaps please
    rather same see several she should since so some such than that the their them then there these they this
    those though through thus to too under until up upon us very via was we well were what when where whether
    which while who whom whose why will with within without would yes yet you your
    monday tuesday wednesday thursday friday saturday sunday january february march april june july august
    september october november december today tomorrow yesterday morning afternoon evening week month year
    meeting meetings minutes agenda item items action actions decision decisions note notes update updates
    chair chairs secretary member members guest guests patient patients public representative representatives
    rep reps feedback break board boards group groups steering committee council trust trusts partnership
    partners team teams service services care health hospital hospitals practice practices clinic clinics
    community primary acute mental social research voluntary sector sectors commissioning commissioners
    open done dropped progress approved draft present apologies absent agreed noted discussed reported asked
    said raised welcomed thanked proposed confirmed asked presented attended any other business aob next steps
    matters arising previous summary report reports plan plans pathway pathways discharge funding survey audit
    data outcome outcomes referral referrals policy strategy review reviews project projects programme network
    people person everyone nobody someone carers carer family families staff nurse nurses doctor doctors gp gps
    nhs icb icbs ccg ccgs pcn pcns ae ok uk eu covid it ai faq q a i ii iii iv v
    north south east west new old great good best better high low big small long short full part
    will may hope grace rose mark bill frank joy faith dawn summer june april august
    organisation organisations unknown former attendee name names redacted edition
    """.split()  # noqa: SIM905 - a word list reads better as words
)

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"(?:^|[.!?:•\n\r\t\"“(\[—–-])\s*$")


def _at_sentence_start(text: str, start: int) -> bool:
    return bool(_SENTENCE_END.search(text[max(0, start - 4) : start]))


def words_like_names(texts: Iterable[str], ignore: Iterable[str] = ()) -> list[str]:
    """Capitalised words in `texts` that may be names, in the order first met: not common words, never written
    in lower case anywhere in the texts, and not only at the start of a sentence (unless another such word
    follows, as in "Tariq Aziz said"). Single letters (initials) and `ignore` are left out."""
    skip = {w.casefold() for w in ignore}
    lower: set[str] = set()
    found: dict[str, bool] = {}  # word -> seen somewhere a sentence does not start
    for raw in texts:
        text = unicodedata.normalize("NFC", raw)
        words = list(_WORD.finditer(text))
        for n, m in enumerate(words):
            w = m.group(0)
            folded = w.casefold()
            if w.islower():
                lower.add(folded)
                continue
            if len(w) < 2 or not w[0].isupper() or folded in COMMON_WORDS or folded in skip:
                continue
            mid = not _at_sentence_start(text, m.start())
            if not mid and n + 1 < len(words):
                nxt = words[n + 1].group(0)
                gap = text[m.end() : words[n + 1].start()]
                mid = gap.isspace() and nxt[:1].isupper() and nxt.casefold() not in COMMON_WORDS
            found[w] = found.get(w, False) or mid
    return [w for w, mid in found.items() if mid and w.casefold() not in lower]
