"""The minutes' account of the meeting itself: who came, the agenda and its timings, each item, the feedback break."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from meetingkit.models.meeting import BREAK, ROLE_LABELS, Action, Attendee, Feedback
from meetingkit.models.session import ItemTiming
from meetingkit.reports.minutes_blocks import Block, Keep
from meetingkit.reports.minutes_story import BREAK_TITLE, MinutesContext
from meetingkit.reports.report_text import duration, markup, short_date


def meeting_sections(ctx: MinutesContext) -> list[Block]:
    entries = item_entries(ctx)
    return [
        *_attendance(ctx),
        *_declarations(ctx),
        *_previous_minutes(ctx),
        *_agenda(ctx),
        *_items(ctx, entries),
        *_feedback_break(ctx, entries),
    ]


# ---- declarations of interest and the previous minutes ----------------------------------------------------


def _declarations(ctx: MinutesContext) -> list[Block]:
    out: list[Block] = [ctx.section("Declarations of interest")]
    made = [d for d in ctx.live.declarations if not d.withdrawn]
    if not made:
        return [*out, ctx.none("No interests were declared.")]
    # One added after the meeting names no item: it stands for the meeting as a whole.
    rows = [
        [ctx.who(d.who), ctx.item_title(d.item) if d.item else "All items", ctx.say(d.text)] for d in made
    ]
    return [*out, ctx.table(["Who", "Item", "Interest declared"], rows, [24, 28, 48])]


def _previous_minutes(ctx: MinutesContext) -> list[Block]:
    out: list[Block] = [ctx.section("Minutes of the previous meeting")]
    given = ctx.live.gave_approval
    if given is None:
        return [*out, ctx.none("No earlier minutes were approved at this meeting.")]
    title = f"“{ctx.say(given['title'])}”" if given.get("title") else "the previous meeting"
    when = _start_day(given.get("approves"))
    text = f"The minutes of {title}{f' ({when})' if when else ''} were approved as a true record"
    amendments = given.get("amendments")
    out.append(
        ctx.para(f"{text}, with these amendments: {ctx.say(amendments)}" if amendments else f"{text}.")
    )
    return out


def _start_day(iso: object) -> str:
    try:
        return short_date(datetime.fromisoformat(str(iso)))
    except ValueError:
        return ""


# ---- attendance -------------------------------------------------------------------------------------------


def _attendance(ctx: MinutesContext) -> list[Block]:
    live = ctx.live
    present = live.present_people()
    here = {p.key for p in present}
    apologies = [p for p in live.meeting.people if p.key not in here and p.attendance == "apologies"]
    absent = [p for p in live.meeting.people if p.key not in here and p.attendance == "absent"]
    out: list[Block] = [ctx.section("Attendance"), ctx.sub(f"Present ({len(present)})")]
    out.append(_people_table(ctx, present) if present else ctx.none())
    out.append(ctx.sub(f"Apologies ({len(apologies)})"))
    out.append(_people_table(ctx, apologies) if apologies else ctx.none())
    if absent:
        out += [ctx.sub(f"Absent ({len(absent)})"), _people_table(ctx, absent)]
    return out


def _people_table(ctx: MinutesContext, people: list[Attendee]) -> Block:
    if ctx.names.redacted:
        # An organisation can identify a person (a carers' group has few representatives): sector only.
        rows = [[_name_cell(ctx, p), markup(role_text(p)), ctx.say(p.sector) or "—"] for p in people]
        return ctx.table(["Name", "Role", "Sector"], rows, [34, 28, 38])
    rows = [[_name_cell(ctx, p), markup(role_text(p)), ctx.say(p.organisation) or "—"] for p in people]
    return ctx.table(["Name", "Role", "Organisation"], rows, [34, 28, 38])


def role_text(p: Attendee) -> str:
    label = ROLE_LABELS.get(p.role, p.role)
    if p.patient_rep and p.role != "patient_rep":
        label += " (patient and public voice)"
    return label


def _name_cell(ctx: MinutesContext, p: Attendee) -> str:
    cell = markup(ctx.names.name(p.key))
    live = ctx.live
    late = p.key in live.ever_present and p.attendance != "present"
    left = p.key in live.ever_present and not live.present.get(p.key)
    remarks = [r for r, on in (("arrived during the meeting", late), ("left before the end", left)) if on]
    if remarks:
        cell += f'<br/><font size="7.5" color="#5b6573">{", ".join(remarks).capitalize()}</font>'
    return cell


# ---- agenda -----------------------------------------------------------------------------------------------


@dataclass
class _Planned:
    start: float
    end: float


def planned_times(ctx: MinutesContext) -> tuple[dict[str, _Planned], _Planned | None]:
    """The agenda as planned: each item's slot from the scheduled start, the break at its planned place."""
    live = ctx.live
    m = live.meeting
    t = live.scheduled_start
    slots: dict[str, _Planned] = {}
    brk: _Planned | None = None
    for i, it in enumerate(m.agenda):
        slots[it.key] = _Planned(t, t + it.planned_s)
        t += it.planned_s
        if m.brk.enabled and live.slot_index == i:
            brk = _Planned(t, t + m.brk.minutes * 60)
            t = brk.end
    return slots, brk


def _agenda(ctx: MinutesContext) -> list[Block]:
    live = ctx.live
    m = live.meeting
    timing = {it.key: it for it in ctx.summary.timing.items}
    slots, brk_plan = planned_times(ctx)
    brk_row = _break_row(ctx, brk_plan)
    brk_after = _break_place(ctx)
    rows: list[list[str]] = []
    if brk_row and brk_after is None:
        rows.append(brk_row)
    for i, it in enumerate(m.agenda):
        t = timing[it.key]
        run = live.items[it.key]
        lead = ctx.who(it.presenter) if it.presenter else "—"
        planned = f"{ctx.span(slots[it.key].start, slots[it.key].end)}<br/>{duration(t.planned_s)}"
        if run.status == "deferred":
            actual = "Deferred"
        elif t.status == "not_reached":
            actual = "Not reached"
        else:
            actual = f"{ctx.span(run.started_at, run.ended_at)}<br/>{duration(t.actual_s)}"
            if t.status == "in_progress":
                actual += " so far"
        rows.append([str(i + 1), ctx.say(it.title), lead, planned, actual])
        if brk_row and brk_after == it.key:
            rows.append(brk_row)
    if brk_row and brk_after == "":
        rows.append(brk_row)
    table = ctx.table(["#", "Item", "Led by", "Planned", "Actual"], rows, [5, 43, 20, 16, 16])
    return [ctx.section("Agenda and timings"), table]


def _break_place(ctx: MinutesContext) -> str | None:
    """After which item the break row goes: where it was held, else where it was planned ('' = at the end)."""
    live = ctx.live
    if live.brk.status == "taken":
        return live.brk.after_item
    if live.slot_key is not None:
        return live.slot_key
    return ""


def _break_row(ctx: MinutesContext, plan: _Planned | None) -> list[str] | None:
    live = ctx.live
    b = ctx.summary.brk
    if b.status == "disabled":
        return None
    planned = duration(live.meeting.brk.minutes * 60)
    if plan is not None and (b.status != "taken" or live.brk.after_item == live.slot_key):
        planned = f"{ctx.span(plan.start, plan.end)}<br/>{planned}"
    actual = {
        "skipped": "Skipped",
        "not_held": "Not held",
        "pending": "To come",
        "running": f"{ctx.span(live.brk.started_at, None)}<br/>under way",
    }.get(b.status, "")
    if b.status == "taken":
        actual = f"{ctx.span(live.brk.started_at, live.brk.ended_at)}<br/>{duration(b.duration_s)}"
    return ["", f"<b>{BREAK_TITLE}</b>", "Patient and public representatives", planned, actual]


# ---- the items --------------------------------------------------------------------------------------------


def _items(ctx: MinutesContext, entries: Entries) -> list[Block]:
    live = ctx.live
    timing = {it.key: it for it in ctx.summary.timing.items}
    out: list[Block] = [ctx.section("Items: notes, decisions and actions")]
    brk_section = ctx.sections + 1  # the break's own section comes next
    for it in live.meeting.agenda:
        out.append(ctx.para(ctx.item_title(it.key), "item"))
        out.append(ctx.para(_item_meta(ctx, it.key, timing[it.key]), "meta"))
        recorded = [*(entries.get(it.key) or []), *updates_during(ctx, it.key)]
        if not recorded and timing[it.key].status != "not_reached":
            recorded = [
                ctx.entry('<font color="#5b6573">No notes, decisions or actions were recorded.</font>')
            ]
        if live.brk.status == "taken" and live.brk.after_item == it.key:
            during = live.brk.mid_item == it.key
            where = f"The {BREAK_TITLE.lower()} was held {'during' if during else 'after'} this item"
            line = ctx.para(f"{where} (section {brk_section}).", "meta")
            # never alone at the top of a page: it goes with what was recorded last (or the item's heading)
            if recorded:
                recorded[-1] = Keep([recorded[-1], line])
            else:
                out[-1] = Keep([out[-2], out[-1], line])
                out.pop(-2)
        out += recorded
    loose = [*(entries.get(None) or []), *updates_during(ctx, None)]
    if loose:
        out += [ctx.para("Recorded between agenda items", "item"), *loose]
    return out


def updates_during(ctx: MinutesContext, key: str | None) -> list[Block]:
    """Action updates reported while this item (or the break, or no item) was under way, as the engine
    recorded them — so an update given in the second the break starts stays with the item it was given in."""
    live = ctx.live
    out: list[Block] = []
    for u in live.updates:
        if u.item != key:
            continue
        action = live.actions.get(u.action) or live.prior_actions.get(u.action)
        what = f" ({ctx.say(action.text)})" if action else ""
        note = f": {ctx.say(u.note)}" if u.note else ""
        status = u.status.replace("_", " ")
        out.append(ctx.entry(f"<b>Update on {markup(u.action)}</b>{what}: {status}{note}"))
    return out


def _item_meta(ctx: MinutesContext, key: str, t: ItemTiming) -> str:
    live = ctx.live
    it = live.meeting.item(key)
    run = live.items[key]
    parts = []
    if it.presenter:
        parts.append(f"Led by {markup(ctx.names.who(it.presenter))}")
    if run.status == "deferred":
        parts.append("Deferred to a later meeting")
    elif t.status == "not_reached":
        parts.append("Not reached")
    else:
        parts.append(ctx.span(run.started_at, run.ended_at))
        parts.append(f"{duration(t.actual_s)} (planned {duration(t.planned_s)})")
    return " · ".join(p for p in parts if p)


Entries = dict[str | None, list[Block]]


def item_entries(ctx: MinutesContext) -> Entries:
    """The notes, decisions and actions recorded against each item (or the break), in the order they were made."""
    live = ctx.live
    found: dict[str | None, list[tuple[float, int, str]]] = {}
    for n in live.notes:
        if (
            not n.text.strip() or n.withdrawn
        ):  # cleared (an edit to empty text), or withdrawn after the meeting
            continue
        found.setdefault(n.item, []).append((n.at, 0, ctx.say(n.text)))
    for d in (d for d in live.decisions if not d.withdrawn):
        found.setdefault(d.item, []).append((d.at, 1, f"<b>Decision:</b> {ctx.say(d.text)}"))
    for a in (a for a in live.actions.values() if not a.withdrawn):
        found.setdefault(a.item, []).append((a.at, 2, action_entry(ctx, a)))
    out: Entries = {}
    for key, entries in found.items():
        entries.sort(key=lambda e: (e[0], e[1]))
        out[key] = [ctx.entry(text) for _, _, text in entries]
    return out


def action_entry(ctx: MinutesContext, a: Action) -> str:
    # "for R.H. (Chair)", not "(owner R.H. (Chair))": owners in the redacted edition carry brackets of their own
    tail = f" for {ctx.owner(a.owner)}" if a.owner else ""
    if a.due:
        tail += f", due {short_date(a.due)}"
    return f"<b>Action {markup(a.key)}</b>{tail}: {ctx.say(a.text)}"


# ---- the feedback break -----------------------------------------------------------------------------------


def _feedback_break(ctx: MinutesContext, entries: Entries) -> list[Block]:
    live = ctx.live
    out: list[Block] = [ctx.section(BREAK_TITLE, "break"), ctx.para(_break_account(ctx))]
    said = [f for f in live.feedback if f.in_break and not f.withdrawn]
    if live.brk.status in ("taken", "running") or said:
        out.append(ctx.sub("What representatives said"))
        out += [_feedback_entry(ctx, f) for f in said] or [ctx.none("No feedback was recorded.")]
    during = [*(entries.get(BREAK) or []), *updates_during(ctx, BREAK)]
    if during:
        out += [ctx.sub("Notes, decisions and actions during the break"), *during]
    elsewhere = [f for f in live.feedback if not f.in_break and not f.withdrawn]
    if elsewhere:
        out += [ctx.sub("Feedback given outside the break"), *[_feedback_entry(ctx, f) for f in elsewhere]]
    return out


def _feedback_entry(ctx: MinutesContext, f: Feedback) -> Block:
    text = f"<b>{ctx.who(f.who)}:</b> {ctx.say(f.text)}"
    if f.action:
        text += f' <font color="#5b6573">(became action {markup(f.action)})</font>'
    return ctx.entry(text)


def _break_account(ctx: MinutesContext) -> str:
    live = ctx.live
    b = ctx.summary.brk
    planned = duration(live.meeting.brk.minutes * 60)
    after = f"“{ctx.say(b.after_item)}”" if b.after_item else "the start"
    if b.status == "taken":
        when = ctx.clock(live.scheduled_start + (b.start_offset_s or 0.0))
        where = "during" if live.brk.mid_item else "after"
        return (
            f"Held at {when}, {where} {after}, for {duration(b.duration_s)} (planned {planned}). "
            f"Patient and public representatives gave their feedback on the meeting so far."
        )
    if b.status == "skipped":
        at = f" at {ctx.clock(live.brk.ended_at)}" if live.brk.ended_at else ""
        return f"<b>Skipped</b>{at}. Reason given: {ctx.say(b.skip_reason or 'none given')}"
    if b.status == "not_held":
        return "<b>Not held:</b> the meeting ended before the break was reached, and it was not skipped."
    if b.status == "disabled":
        return "No feedback break was planned for this meeting."
    if b.status == "running":
        return f"Under way since {ctx.clock(live.brk.started_at or live.scheduled_start)}."
    return f"Still to come ({planned} planned)."
