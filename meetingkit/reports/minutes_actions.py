"""The minutes' actions: those agreed, the record of actions taken, open ones carried forward, "you said, we did"."""

from __future__ import annotations

from reportlab.platypus import Flowable

from meetingkit.models.meeting import Action, ActionUpdate, Feedback
from meetingkit.reports.minutes_story import STATUS_LABELS, MinutesContext, update_key
from meetingkit.reports.report_text import markup, short_date

FROM_FEEDBACK = '<br/><font size="7.5" color="#2a8c82">From patient and public feedback</font>'


def action_sections(ctx: MinutesContext) -> list[Flowable]:
    return [*_agreed(ctx), *_record(ctx), *_you_said_we_did(ctx)]


# ---- agreed at this meeting -------------------------------------------------------------------------------


def _agreed(ctx: MinutesContext) -> list[Flowable]:
    actions = list(ctx.live.actions.values())
    out: list[Flowable] = [ctx.section("Actions agreed")]
    if not actions:
        return [*out, ctx.none("No actions were agreed at this meeting.")]
    rows = [
        [
            markup(a.key),
            ctx.say(a.text) + (FROM_FEEDBACK if a.source == "patient_feedback" else ""),
            ctx.owner(a.owner),
            ctx.due(a),
            STATUS_LABELS.get(ctx.action_status(a), a.status),
        ]
        for a in actions
    ]
    return [*out, ctx.table(["Ref", "Action", "Owner", "Due", "Status"], rows, [8, 45, 20, 13, 14])]


# ---- the record of actions taken --------------------------------------------------------------------------


def reported_updates(ctx: MinutesContext) -> list[tuple[ActionUpdate, bool]]:
    """Every update since the previous meeting of the series, and those in this meeting (flagged True)."""
    here: dict[tuple[str, str, str, float], ActionUpdate] = {}
    for u in ctx.live.updates:
        here.setdefault(update_key(u), u)
    earlier: dict[tuple[str, str, str, float], ActionUpdate] = {}
    for a in ctx.prior_actions:
        for u in a.updates:
            k = update_key(u)
            if k in here:
                continue
            if ctx.meeting_id is not None and u.meeting_id == ctx.meeting_id:
                here.setdefault(k, u)
            elif ctx.since is None or u.at >= ctx.since:
                earlier.setdefault(k, u)
    rows = [(u, False) for u in earlier.values()] + [(u, True) for u in here.values()]
    return sorted(rows, key=lambda r: r[0].at)


def _record(ctx: MinutesContext) -> list[Flowable]:
    out: list[Flowable] = [ctx.section("Record of actions taken")]
    if ctx.since is not None:
        scope = f"Updates reported since the previous meeting of the series ({ctx.day(ctx.since)}) and at this meeting."
    else:
        scope = "Every update reported on the series' actions, up to and including this meeting."
    out.append(ctx.para(scope, "meta"))
    updates = reported_updates(ctx)
    if updates:
        rows = [_update_row(ctx, u, here) for u, here in updates]
        out.append(ctx.table(["Ref", "Action", "Update", "Reported"], rows, [8, 38, 38, 16]))
    else:
        out.append(ctx.none("No updates were reported."))
    out.append(ctx.sub("Actions still open from earlier meetings"))
    still_open = [a for a in ctx.prior_actions if ctx.action_status(a) in ("open", "in_progress")]
    if still_open:
        rows = [
            [
                markup(a.key),
                ctx.say(a.text) + (FROM_FEEDBACK if a.source == "patient_feedback" else ""),
                ctx.owner(a.owner),
                ctx.due(a),
                STATUS_LABELS.get(ctx.action_status(a), a.status),
            ]
            for a in still_open
        ]
        out.append(ctx.table(["Ref", "Action", "Owner", "Due", "Status"], rows, [8, 45, 20, 13, 14]))
    else:
        out.append(ctx.none())
    return out


def _find_action(ctx: MinutesContext, key: str) -> Action | None:
    return ctx.live.actions.get(key) or next((a for a in ctx.prior_actions if a.key == key), None)


def _update_row(ctx: MinutesContext, u: ActionUpdate, here: bool) -> list[str]:
    action = _find_action(ctx, u.action)
    text = ctx.say(action.text) if action else ""
    update = f"<b>{STATUS_LABELS.get(u.status, u.status)}</b>"
    if u.note:
        update += f"<br/>{ctx.say(u.note)}"
    if here:
        reported = f"This meeting, {ctx.clock(u.at)}"
    else:
        day = ctx.day(u.at)
        reported = day if u.meeting_id is not None else f"{day}, between meetings"
    return [markup(u.action), text, update, reported]


# ---- you said, we did -------------------------------------------------------------------------------------


def _you_said_we_did(ctx: MinutesContext) -> list[Flowable]:
    out: list[Flowable] = [
        ctx.section("You said, we did"),
        ctx.para(
            "Actions that came from patient and public feedback, at this and earlier meetings of the series, "
            "and what has happened to them.",
            "meta",
        ),
    ]
    own = [a for a in ctx.live.actions.values() if a.source == "patient_feedback"]
    prior = [a for a in ctx.prior_actions if a.source == "patient_feedback"]
    if not own and not prior:
        return [*out, ctx.none("No actions have come from patient and public feedback yet.")]
    rows = [_said_row(ctx, a, True) for a in own] + [_said_row(ctx, a, False) for a in prior]
    rows.sort(key=lambda r: r[0])
    table = ctx.table(["You said", "We did", "What happened"], [r[1] for r in rows], [37, 35, 28])
    return [*out, table]


def _said_row(ctx: MinutesContext, a: Action, here: bool) -> tuple[float, list[str]]:
    fb = _feedback_for(ctx, a, here)
    if fb is not None:
        said = f"<b>{ctx.who(fb.who)}:</b> {ctx.say(fb.text)}"
    else:
        where = "at this meeting, not recorded word for word" if here else "at an earlier meeting"
        said = f'<font color="#5b6573">Raised in patient and public feedback {where}.</font>'
    did = f"<b>{markup(a.key)}</b>: {ctx.say(a.text)}"
    details = [f"Owner: {ctx.owner(a.owner)}"] if a.owner else []
    if a.due:
        details.append(f"due {short_date(a.due)}")
    if details:
        did += f'<br/><font size="7.5" color="#5b6573">{", ".join(details)}</font>'
    return (a.at, [said, did, _what_happened(ctx, a, here)])


def _feedback_for(ctx: MinutesContext, a: Action, here: bool) -> Feedback | None:
    if here:
        if a.feedback is not None and 0 <= a.feedback < len(ctx.live.feedback):
            return ctx.live.feedback[a.feedback]
        return next((f for f in ctx.live.feedback if f.action == a.key), None)
    return next((f for f in ctx.prior_feedback if f.action == a.key), None)


def _what_happened(ctx: MinutesContext, a: Action, here: bool) -> str:
    updates = ctx.updates_of(a.key)
    if not updates:
        agreed = "Agreed at this meeting" if here else "Agreed at an earlier meeting"
        return f"<b>{STATUS_LABELS.get(a.status, a.status)}</b><br/>{agreed}; no update yet."
    lines = []
    for u in updates:
        when = ctx.day(u.at)
        line = f"<b>{STATUS_LABELS.get(u.status, u.status)}</b> ({when})"
        if u.note:
            line += f": {ctx.say(u.note)}"
        lines.append(line)
    return "<br/>".join(lines)
