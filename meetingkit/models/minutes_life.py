"""The life of the minutes (DESIGN §5): declarations of interest in the meeting, corrections after it while
the minutes are draft, and the approval of the previous meeting's minutes; a mixin of `LiveMeeting`."""

from __future__ import annotations

from typing import Any

from meetingkit.models import bounds
from meetingkit.models.live_state import LiveState
from meetingkit.models.meeting import Approval, Declaration, DomainError, parse_due

TARGET_KINDS = ("note", "decision", "action", "declaration", "feedback")


class MinutesLife(LiveState):
    """`declaration`, `correct` and `minutes_approved`."""

    @property
    def minutes_status(self) -> str:
        """'draft' until the minutes are approved (at a later meeting, or by `meetingkit approve`)."""
        return "approved" if self.approval is not None else "draft"

    def _do_declaration(self, body: dict[str, Any], t: float) -> dict[str, Any]:
        if self.status == "ended":  # one the room heard but the secretary missed, added while still draft
            if self.approval is not None:
                raise DomainError("These minutes have been approved and can no longer be corrected")
        else:
            self._running()
        who = self._who(body)
        text = self._text(body)
        item = self._item_ref(body)
        self.declarations.append(Declaration(len(self.declarations), who, text, item, t))
        return {"who": who, "text": text, "item": item}

    # ---- corrections after the meeting ----------------------------------------------------------------------

    def _do_correct(self, body: dict[str, Any], t: float) -> dict[str, Any]:
        if self.status != "ended":
            raise DomainError("Corrections are made after the meeting ends; while it runs, edit the entry")
        if self.approval is not None:
            raise DomainError("These minutes have been approved and can no longer be corrected")
        target = body.get("target")
        kind, _, ref = target.partition(":") if isinstance(target, str) else ("", "", "")
        if kind not in TARGET_KINDS or not ref:
            raise DomainError(
                "Say what to correct as 'note:N', 'decision:N', 'action:KEY', 'declaration:N' or 'feedback:N'",
                "target",
            )
        entry = self._target(kind, ref)
        if entry.withdrawn:
            raise DomainError(f"That {kind} was withdrawn", "target")
        withdrawn = body.get("withdrawn", False)
        if not isinstance(withdrawn, bool):
            raise DomainError("'withdrawn' must be true or false", "withdrawn")
        out: dict[str, Any] = {"target": f"{kind}:{ref}"}
        if withdrawn:
            out["withdrawn"] = True
        else:  # every field checked before anything changes: a refused correction changes nothing
            if body.get("text") is not None:
                out["text"] = self._text(body)
            if kind == "action":
                out |= self._action_fields(body)
            if len(out) == 1:
                raise DomainError("Give the corrected words (or withdraw it)", "text")
        entry.withdrawn = bool(withdrawn)
        if "text" in out:
            entry.text = out["text"]
        if "owner" in out:
            entry.owner = out["owner"]
        if "due" in out:
            entry.due = parse_due(out["due"])
        self._changed(kind, entry)
        return out

    def _target(self, kind: str, ref: str) -> Any:
        if kind == "action":
            if ref not in self.actions:
                raise DomainError(f"There is no action '{ref}' agreed at this meeting", "target")
            return self.actions[ref]
        entries: list[Any] = {
            "note": self.notes,
            "decision": self.decisions,
            "declaration": self.declarations,
            "feedback": self.feedback,
        }[kind]
        if not ref.isdigit() or not 0 <= int(ref) < len(entries):
            raise DomainError(f"There is no {kind} number {ref}", "target")
        return entries[int(ref)]

    def _action_fields(self, body: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if "owner" in body:
            out["owner"] = self._text(body, "owner", required=False, limit=bounds.NAME_CHARS)
        if "due" in body:
            try:
                due = parse_due(body.get("due"))
            except DomainError as exc:
                raise DomainError(str(exc), "due") from None
            out["due"] = due.isoformat() if due else ""  # "" clears it (and survives an export)
        return out

    def _changed(self, kind: str, entry: Any) -> None:
        if kind == "action":
            self.changes.add(("action", entry.key))
        elif kind != "declaration":  # declarations are read from the events, not a table
            self.changes.add((kind, entry.idx))

    # ---- approval -------------------------------------------------------------------------------------------

    def _do_minutes_approved(self, body: dict[str, Any], t: float) -> dict[str, Any]:
        if self.status == "ready":
            raise DomainError("The meeting has not started yet")
        amendments = self._text(body, "amendments", required=False, label="amendments text")
        if body.get("own"):
            # `meetingkit approve ID`: this meeting's own minutes, approved outside a meeting
            if self.status != "ended":
                raise DomainError("A meeting's minutes are approved after it ends")
            if self.approval is not None:
                raise DomainError("These minutes are already approved")
            self.approval = Approval(t, amendments, None)
            self.changes.add(("minutes", None))
            return {"own": True, **({"amendments": amendments} if amendments else {})}
        if self.gave_approval is not None:
            raise DomainError("The previous minutes were already approved at this meeting")
        previous = self.previous_minutes
        approves = body.get("approves")
        if previous is None:
            if not isinstance(approves, str) or not approves:  # a stored or recorded event is history
                raise DomainError(
                    "There is no earlier meeting of this series whose minutes could be approved"
                )
            title = str(body.get("title", ""))
        else:
            if previous.approved:
                raise DomainError(f"The minutes of “{previous.title}” are already approved")
            approves, title = previous.scheduled_start, previous.title
            previous.approved = True
        self.gave_approval = {"approves": approves, "title": title, "amendments": amendments, "at": t}
        out = {"approves": approves, "title": title}
        if amendments:
            out["amendments"] = amendments
        return out
