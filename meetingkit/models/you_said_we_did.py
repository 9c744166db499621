"""'You said, we did' as plain data (DESIGN §5): every piece of the representatives' feedback in a series, at
this meeting and earlier ones, with what became of it. The minutes and the representatives' summary both show
this one list, so they cannot disagree."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from meetingkit.models.meeting import Action, ActionUpdate, Feedback
from meetingkit.models.session import LiveMeeting


@dataclass
class SaidAndDone:
    """One thing representatives said, and the action it led to (if any) with every update on it."""

    at: float
    who: str | None  # a person's key in this meeting, else their name; None: only the action records it
    said: str | None  # their words; None: raised in feedback but not recorded word for word
    here: bool  # said (or, without words, its action agreed) at this meeting
    action: Action | None = None
    agreed_here: bool = False  # the action was agreed at this meeting
    updates: list[ActionUpdate] = field(default_factory=list)  # oldest first

    @property
    def status(self) -> str | None:
        """Where its action stands now (its latest update, else its own status); None: no action yet."""
        if self.action is None:
            return None
        return self.updates[-1].status if self.updates else self.action.status


def update_key(u: ActionUpdate) -> tuple[str, str, str, float]:
    # The same update can come from the store (prior actions) and from the engine (live.updates).
    return (u.action, u.status, u.note, round(u.at, 3))


def updates_of(key: str, live: LiveMeeting, prior_actions: Sequence[Action]) -> list[ActionUpdate]:
    """Every update of action `key`, reported earlier or at this meeting, once each, oldest first."""
    found: dict[tuple[str, str, str, float], ActionUpdate] = {}
    prior = next((a for a in prior_actions if a.key == key), None)
    own = live.actions.get(key)
    for u in [*(prior.updates if prior else []), *(own.updates if own else []), *live.updates]:
        if u.action == key:
            found.setdefault(update_key(u), u)
    return sorted(found.values(), key=lambda u: u.at)


def find_action(key: str | None, live: LiveMeeting, prior_actions: Sequence[Action]) -> Action | None:
    """An action of the series by its key: agreed at this meeting or an earlier one."""
    if key is None:
        return None
    return live.actions.get(key) or next((a for a in prior_actions if a.key == key), None)


def you_said_we_did(
    live: LiveMeeting, prior_actions: Sequence[Action], prior_feedback: Sequence[Feedback]
) -> list[SaidAndDone]:
    """The feedback of earlier meetings of the series and of this one (withdrawn feedback left out), each with
    its action; then actions from feedback whose words were not recorded. In the order it was said."""
    out: list[SaidAndDone] = []
    linked: set[str] = set()
    own = [f for f in live.feedback if not f.withdrawn]
    for f, here in [*((f, False) for f in prior_feedback), *((f, True) for f in own)]:
        action = find_action(f.action, live, prior_actions)
        if action is not None and action.withdrawn:  # corrected away after the meeting: not something done
            action = None
        if action is not None:
            linked.add(action.key)
        out.append(_entry(f.at, f.who, f.text, here, action, live, prior_actions))
    for a, here in [*((a, False) for a in prior_actions), *((a, True) for a in live.actions.values())]:
        if a.source == "patient_feedback" and a.key not in linked and not a.withdrawn:
            out.append(_entry(a.at, None, None, here, a, live, prior_actions))
    out.sort(key=lambda e: e.at)
    return out


def _entry(
    at: float,
    who: str | None,
    said: str | None,
    here: bool,
    action: Action | None,
    live: LiveMeeting,
    prior_actions: Sequence[Action],
) -> SaidAndDone:
    if action is None:
        return SaidAndDone(at, who, said, here)
    return SaidAndDone(
        at,
        who,
        said,
        here,
        action,
        agreed_here=action.key in live.actions,
        updates=updates_of(action.key, live, prior_actions),
    )
