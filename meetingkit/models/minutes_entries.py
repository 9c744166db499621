"""What the secretary records while the meeting runs: notes, decisions, actions and their updates, and the
representatives' feedback; a mixin of `LiveMeeting`."""

from __future__ import annotations

from typing import Any

from meetingkit.models import bounds
from meetingkit.models.live_state import LiveState
from meetingkit.models.meeting import (
    ACTION_SOURCES,
    ACTION_STATUSES,
    Action,
    ActionUpdate,
    Decision,
    DomainError,
    Feedback,
    Note,
    parse_due,
)


class MinutesEntries(LiveState):
    """`note`, `decision`, `action`, `action_update` and `feedback`."""

    def _do_note(self, body: dict[str, Any], t: float) -> dict[str, Any]:
        self._not_ended()
        replaces = body.get("replaces")
        if replaces is not None:  # the secretary edited a note: its latest text stands (empty clears it)
            if (
                isinstance(replaces, bool)
                or not isinstance(replaces, int)
                or not 0 <= replaces < len(self.notes)
            ):
                raise DomainError(f"There is no note number {replaces} to change", "replaces")
            text = self._text(body, required=False)
            note = self.notes[replaces]
            note.text = text
            self.changes.add(("note", replaces))
            return {"text": text, "item": note.item, "replaces": replaces}
        text = self._text(body)
        item = self._item_ref(body)
        self.notes.append(Note(len(self.notes), text, item, t))
        self.changes.add(("note", len(self.notes) - 1))
        return {"text": text, "item": item}

    def _do_decision(self, body: dict[str, Any], t: float) -> dict[str, Any]:
        self._not_ended()
        text = self._text(body)
        item = self._item_ref(body)
        self.decisions.append(Decision(len(self.decisions), text, item, t))
        self.changes.add(("decision", len(self.decisions) - 1))
        return {"text": text, "item": item}

    def _known_action(self, key: str) -> Action | None:
        return self.actions.get(key) or self.prior_actions.get(key)

    def _key_taken(self, key: str) -> bool:
        """Whether an action of the series, in this meeting or any other, already has `key`."""
        return self._known_action(key) is not None or key in self.taken_keys

    def _new_action_key(self) -> str:
        """The series' initials and a running number ('EG-12'), stable whatever the database's ids; the first
        number no action of the series holds, whatever order its meetings were held or imported in."""
        n = len(self.prior_actions) + len(self.actions) + 1
        while self._key_taken(f"{self.key_prefix}{n}"):
            n += 1
        return f"{self.key_prefix}{n}"

    def _do_action(self, body: dict[str, Any], t: float) -> dict[str, Any]:
        self._not_ended()
        text = self._text(body)
        # A name, as in a record (DESIGN §6): what the app accepts, a record of it can hold.
        owner = self._text(body, "owner", required=False, limit=bounds.NAME_CHARS)
        try:
            due = parse_due(body.get("due"))
        except DomainError as exc:
            raise DomainError(str(exc), "due") from None
        fb = body.get("feedback")
        if fb is not None:
            if isinstance(fb, bool) or not isinstance(fb, int) or not 0 <= fb < len(self.feedback):
                raise DomainError(f"There is no feedback number {fb} to make an action of", "feedback")
            if self.feedback[fb].action:
                raise DomainError("That feedback has already been made an action", "feedback")
        source = body.get("source") or ("patient_feedback" if fb is not None else "meeting")
        if source not in ACTION_SOURCES:
            raise DomainError(f"An action's source must be one of {', '.join(ACTION_SOURCES)}", "source")
        key = body.get("key")
        if key is not None and (not isinstance(key, str) or not key.strip()):
            raise DomainError("An action's key must be text", "key")
        if key and self._key_taken(key):
            raise DomainError(f"There is already an action '{key}' in this series", "key")
        key = key or self._new_action_key()
        item = self._item_ref(body)
        action = Action(key, text, owner, due, "open", source, item, t, fb)
        self.actions[key] = action
        if fb is not None:
            self.feedback[fb].action = key
            self.changes.add(("feedback", fb))
        self.changes.add(("action", key))
        out: dict[str, Any] = {"text": text, "key": key, "source": source, "item": item}
        if owner:
            out["owner"] = owner
        if due:
            out["due"] = due.isoformat()
        if fb is not None:
            out["feedback"] = fb
        return out

    def _do_action_update(self, body: dict[str, Any], t: float) -> dict[str, Any]:
        self._not_ended()
        key = body.get("action")
        action = self._known_action(key) if isinstance(key, str) else None
        if action is None:
            raise DomainError(f"There is no action '{key}' in this series", "action")
        status = body.get("status")
        if status not in ACTION_STATUSES:
            raise DomainError(f"An action's status must be one of {', '.join(ACTION_STATUSES)}", "status")
        note = self._text(body, "note", required=False)
        update = ActionUpdate(action.key, status, note, t, item=self._item_ref({}))
        action.status = status
        action.updates.append(update)
        self.updates.append(update)
        self.changes.add(("update", len(self.updates) - 1))
        self.changes.add(("action", action.key))
        out = {"action": action.key, "status": status}
        if note:
            out["note"] = note
        return out

    def _do_feedback(self, body: dict[str, Any], t: float) -> dict[str, Any]:
        self._running()
        who = self._who(body)
        text = self._text(body)
        self.feedback.append(Feedback(len(self.feedback), who, text, t, self.brk.status == "running"))
        self.changes.add(("feedback", len(self.feedback) - 1))
        return {"who": who, "text": text}
