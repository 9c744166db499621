"""The minutes' actions: those agreed, the series' action log with the updates reported, "you said, we did"."""

from __future__ import annotations

from meetingkit.models.meeting import Action, ActionUpdate
from meetingkit.models.you_said_we_did import SaidAndDone, find_action, update_key, you_said_we_did
from meetingkit.reports.minutes_blocks import Block
from meetingkit.reports.minutes_story import STATUS_LABELS, MinutesContext
from meetingkit.reports.report_text import markup, short_date

FROM_FEEDBACK = '<br/><font size="7.5" color="#2a8c82">From patient and public feedback</font>'


def action_sections(ctx: MinutesContext) -> list[Block]:
    return [*_agreed(ctx), *_record(ctx), *_you_said_we_did(ctx)]


# ---- agreed at this meeting -------------------------------------------------------------------------------


def _agreed(ctx: MinutesContext) -> list[Block]:
    actions = [a for a in ctx.live.actions.values() if not a.withdrawn]
    out: list[Block] = [ctx.section("Actions agreed")]
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


def _record(ctx: MinutesContext) -> list[Block]:
    out: list[Block] = [ctx.section("Action log")]
    out.append(ctx.sub("Record of actions taken"))
    if ctx.since is not None:
        scope = f"Updates reported since the previous meeting of the series ({ctx.day(ctx.since)}) and at this meeting."
    else:
        scope = "Every update reported on the series' actions, up to and including this meeting."
    out.append(ctx.para(scope, "meta"))
    updates = reported_updates(ctx)
    if updates:
        rows = [_update_row(ctx, u, here) for u, here in updates]
        out.append(
            ctx.table(["Ref", "Action", "Owner and due", "Update", "Reported"], rows, [8, 30, 17, 29, 16])
        )
    else:
        out.append(ctx.none("No updates were reported."))
    out.append(ctx.sub("All actions of the series"))
    every = [a for a in [*ctx.prior_actions, *ctx.live.actions.values()] if not a.withdrawn]
    if every:
        rows = [_log_row(ctx, a) for a in every]
        out.append(
            ctx.table(
                ["Ref", "Raised", "Action", "Owner", "Due", "Status", "Latest update"],
                rows,
                [8, 11, 26, 14, 10, 10, 21],
            )
        )
    else:
        out.append(ctx.none("The series has no actions yet."))
    return out


def _log_row(ctx: MinutesContext, a: Action) -> list[str]:
    raised = "This meeting" if a.key in ctx.live.actions else ctx.day(a.at)
    latest = max(ctx.updates_of(a.key), key=lambda u: u.at, default=None)
    if latest is None:
        update = "None yet"
    else:
        update = f"{ctx.day(latest.at)}: {STATUS_LABELS.get(latest.status, latest.status)}"
        if latest.note:
            update += f" — {ctx.say(latest.note)}"
    return [
        markup(a.key),
        raised,
        ctx.say(a.text) + (FROM_FEEDBACK if a.source == "patient_feedback" else ""),
        ctx.owner(a.owner),
        ctx.due(a),
        STATUS_LABELS.get(ctx.action_status(a), a.status),
        update,
    ]


def _update_row(ctx: MinutesContext, u: ActionUpdate, here: bool) -> list[str]:
    action = find_action(u.action, ctx.live, ctx.prior_actions)
    text = ctx.say(action.text) if action else ""
    update = f"<b>{STATUS_LABELS.get(u.status, u.status)}</b>"
    if u.note:
        update += f"<br/>{ctx.say(u.note)}"
    if here:
        reported = f"This meeting, {ctx.clock(u.at)}"
    else:
        day = ctx.day(u.at)
        reported = day if u.meeting_id is not None else f"{day}, between meetings"
    owner = ctx.owner(action.owner) if action else "—"
    if action and action.due:
        owner += f"<br/>due {ctx.due(action)}"
    return [markup(u.action), text, owner, update, reported]


# ---- you said, we did -------------------------------------------------------------------------------------


def _you_said_we_did(ctx: MinutesContext) -> list[Block]:
    out: list[Block] = [
        ctx.section("You said, we did"),
        ctx.para(
            "Everything patient and public representatives said in their feedback, at this and earlier "
            "meetings of the series, and what became of it.",
            "meta",
        ),
    ]
    entries = you_said_we_did(ctx.live, ctx.prior_actions, ctx.prior_feedback)
    if not entries:
        return [*out, ctx.none("No feedback has been recorded in this series yet.")]
    rows = [_said_row(ctx, e) for e in entries]
    return [*out, ctx.table(["You said", "We did", "What happened"], rows, [37, 35, 28])]


def _said_row(ctx: MinutesContext, e: SaidAndDone) -> list[str]:
    """One row of "you said, we did": the words (or that they were not recorded), the action, its updates."""
    if e.said is None:
        where = "at this meeting, not recorded word for word" if e.here else "at an earlier meeting"
        said = f'<font color="#5b6573">Raised in patient and public feedback {where}.</font>'
    else:
        where = "At this meeting" if e.here else f"At the meeting of {ctx.day(e.at)}"
        said = f'<b>{ctx.who(e.who or "")}:</b> {ctx.say(e.said)}<br/><font size="7.5" color="#5b6573">{where}</font>'
    if e.action is None:
        return [said, '<font color="#5b6573">No action yet.</font>', "—"]
    return [said, _did(ctx, e.action), _what_happened(ctx, e.action, e.agreed_here, e.updates)]


def _did(ctx: MinutesContext, a: Action) -> str:
    did = f"<b>{markup(a.key)}</b>: {ctx.say(a.text)}"
    details = [f"Owner: {ctx.owner(a.owner)}"] if a.owner else []
    if a.due:
        details.append(f"due {short_date(a.due)}")
    if details:
        did += f'<br/><font size="7.5" color="#5b6573">{", ".join(details)}</font>'
    return did


def _what_happened(ctx: MinutesContext, a: Action, here: bool, updates: list[ActionUpdate]) -> str:
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
