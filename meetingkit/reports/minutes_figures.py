"""The minutes' figures, all taken from MeetingSummary: the participation summary with its chart, and the timing."""

from __future__ import annotations

from collections.abc import Sequence

from meetingkit.models.meeting import ROLE_LABELS, Attendee
from meetingkit.models.participation import Participation, PersonFigures
from meetingkit.models.pulse import GROUPS, NO_PULSE, QUESTIONS, find, group_label, question_text
from meetingkit.models.review_text import airtime, round_minutes
from meetingkit.reports.minutes_blocks import Block, Chart, ChartBar, Keep
from meetingkit.reports.minutes_story import MinutesContext
from meetingkit.reports.participation_chart import chart_alt, top_bars
from meetingkit.reports.report_text import duration, markup, plural, share


def participation_section(ctx: MinutesContext) -> list[Block]:
    p = ctx.summary.participation
    # the heading, what the figures count and the chart go on one page together
    out: list[Block] = [
        Keep(
            [
                ctx.section("Participation"),
                ctx.para(
                    f"Speaking time recorded: {airtime(p.total_s)} in all — {airtime(p.main_s)} in the main "
                    f"discussion and {airtime(p.total_s - p.main_s)} in the feedback break. Shares in the "
                    "tables are of all speaking time, the break included."
                ),
                *_chart(ctx, p),
            ]
        )
    ]
    out += [ctx.sub("Patient and public voice"), *_public_voice(ctx, p)]
    out += [ctx.sub("Were you heard?"), *pulse_blocks(ctx)]
    balance = balance_text(p, ctx.live.present_people()) if p.main_s > 0 else "No speaking time was recorded."
    out += [ctx.sub("Balance"), ctx.para(balance)]
    out += [ctx.sub("By person"), _people_table(ctx, p)]
    out += [ctx.sub("By role"), _roles_table(ctx, p)]
    out += [ctx.sub("By sector"), _sectors_table(ctx, p)]
    if p.coverage_missing:
        missing = ", ".join(ctx.say(s) for s in p.coverage_missing)
        out.append(ctx.para(f"Sectors expected in this series but not present: {missing}.", "meta"))
    return out


def _chart(ctx: MinutesContext, p: Participation) -> list[Block]:
    if p.total_s <= 0:
        return [ctx.none("No speaking time was recorded, so there is no chart.")]
    if ctx.names.redacted:
        by_role: dict[str, ChartBar] = {}
        for f in p.people:
            bar = by_role.setdefault(
                f.role, ChartBar(ROLE_LABELS.get(f.role, f.role), 0.0, 0.0, f.role == "patient_rep")
            )
            bar.main_s += f.main_seconds
            bar.break_s += f.seconds - f.main_seconds
        bars = list(by_role.values())
        what = "role"
    else:
        bars = [ChartBar(f.name, f.main_seconds, f.seconds - f.main_seconds, f.patient_rep) for f in p.people]
        what = "person"
    shown = top_bars(bars)
    caption = (
        f"Speaking time per {what}, most in the main discussion first. Solid bars: the main discussion; "
        "hatched: the feedback break. Patient and public representatives are marked “(rep)”, in bold and purple; "
        "each bar gives its time in minutes and seconds."
    )
    if len(shown) < len(bars):
        caption += f" The last bar is the average of the other {len(bars) - len(shown) + 1} people."
    return [Chart(shown, markup(caption), chart_alt(shown, what))]


def _people_table(ctx: MinutesContext, p: Participation) -> Block:
    rows = [_person_row(ctx, f) for f in p.people]
    head = [
        "Person",
        "Role and sector",
        "Time",
        "Share",
        "Turns",
        "Longest turn",
        "Interjections<br/>made / received",
    ]
    return ctx.table(head, rows, [19, 19, 13, 9, 8, 12, 20], right=(2, 3, 4, 5, 6))


def _person_row(ctx: MinutesContext, f: PersonFigures) -> list[str]:
    role = ROLE_LABELS.get(f.role, f.role)
    sector = f'<br/><font size="7.5" color="#5b6573">{ctx.say(f.sector)}</font>' if f.sector else ""
    return [
        markup(ctx.names.name(f.key)) if ctx.names.person(f.key) else ctx.say(f.name),
        markup(role) + sector,
        airtime(f.seconds),
        share(f.share),
        str(f.turns),
        airtime(f.longest_s),
        f"{f.interjections_made} / {f.interjections_received}",
    ]


def _roles_table(ctx: MinutesContext, p: Participation) -> Block:
    rows = [
        [
            markup(ROLE_LABELS.get(role, role)),
            airtime(a.seconds),
            share(a.share),
            f"{a.interjections_made} / {a.interjections_received}",
        ]
        for role, a in p.roles.items()
    ]
    return ctx.table(
        ["Role", "Time", "Share", "Interjections<br/>made / received"], rows, [40, 20, 15, 25], (1, 2, 3)
    )


def _sectors_table(ctx: MinutesContext, p: Participation) -> Block:
    rows = [
        [ctx.say(sector) if sector else "Not given", airtime(a.seconds), share(a.share)]
        for sector, a in p.sectors.items()
    ]
    return ctx.table(["Sector", "Time", "Share"], rows, [60, 22, 18], right=(1, 2))


def _public_voice(ctx: MinutesContext, p: Participation) -> list[Block]:
    out = [
        ctx.para(
            f"Patient and public representatives spoke for <b>{share(p.patient_voice_share)}</b> of the main "
            f"discussion ({share(p.patient_voice_share_with_break)} including the feedback break)."
        )
    ]
    target = ctx.live.meeting.patient_voice_target
    if target is not None:
        met = "met" if p.patient_voice_share >= target else "not met"
        out.append(ctx.para(f"The series' target of {share(target)} was {met}."))
    heard = _names_of(ctx, p.not_heard)
    heard = f"{heard}." if heard else "none — everyone present spoke."
    out.append(ctx.para(f"<b>Not heard in the main discussion:</b> {heard}"))
    titles = {it.key: it.title for it in ctx.live.meeting.agenda}
    items = "; ".join(ctx.say(titles[k]) for k in p.items_without_public_voice)
    if not items:
        items = "none — representatives spoke in every item that was discussed."
        if p.main_s <= 0:
            items = "none — no item was discussed."
    out.append(ctx.para(f"<b>Items with discussion but no patient or public voice:</b> {items}"))
    return out


def pulse_blocks(ctx: MinutesContext) -> list[Block]:
    """Both questions for both groups (DESIGN §11), in the words of `models.pulse`: a group with fewer than 3
    answers reads "too few answers to show". Counts name nobody, so the redacted edition keeps them."""
    figures = ctx.summary.pulse
    if not figures:
        return [ctx.none(f"{NO_PULSE}.")]
    rows = [
        [markup(question_text(q)), *(markup(f.sentence()) for g in GROUPS if (f := find(figures, q, g)))]
        for q in QUESTIONS
    ]
    return [
        ctx.para(
            "Everyone present was asked two questions, answering Yes, Partly or No. Answers are anonymous: only "
            "the counts of each group are kept, and a group's counts are shown only when at least 3 of it answered."
        ),
        ctx.table(["Question", *(markup(group_label(g)) for g in GROUPS)], rows, [34, 33, 33]),
    ]


def _names_of(ctx: MinutesContext, names: list[str]) -> str:
    """The people `not_heard` names, as this edition names them."""
    by_name = {}
    for person in ctx.live.present_people():
        by_name.setdefault(person.name, person.key)
    return ", ".join(markup(ctx.names.who(by_name[n])) if n in by_name else ctx.say(n) for n in names)


def balance_text(p: Participation, present: Sequence[Attendee]) -> str:
    """Balance in words a reader can check ("3 of the 9 people present spoke for half of the main discussion")."""
    people = len(present)
    seconds = sorted((f.main_seconds for f in p.people), reverse=True)
    half = p.main_s / 2
    running, few = 0.0, 0
    for s in seconds:
        if running >= half:
            break
        running += s
        few += 1
    silent = people - sum(1 for s in seconds if s > 0)
    words = f"{plural(few, 'person', 'people')} of the {people} present spoke for half of the main discussion"
    if silent > 0:
        words += f"; {plural(silent, 'person', 'people')} present did not speak in it"
    return f"{words}. (Balance figure {p.gini:.2f}: 0 when everyone speaks for the same time, 1 when one person does all the talking.)"


# ---- timing -----------------------------------------------------------------------------------------------


def timing_section(ctx: MinutesContext) -> list[Block]:
    live = ctx.live
    s = ctx.summary
    t = s.timing
    rows = [("Started", _started(ctx)), ("Ended", _ended(ctx))]
    if s.started_at is not None and s.ended_at is not None:
        rows.append(("Length", duration(s.ended_at - s.started_at)))
    rows.append(("Against the plan", _over_text(t.over_s)))
    b = s.brk
    brk = {
        "taken": f"Held, {duration(b.duration_s)} (planned {duration(live.meeting.brk.minutes * 60)})",
        "skipped": "Skipped",
        "not_held": "Not held",
        "disabled": "None planned",
        "pending": "Still to come",
        "running": "Under way",
    }.get(b.status, b.status)
    rows.append(("Feedback break", brk))
    not_reached = [ctx.say(i.title) for i in t.items if i.status == "not_reached"]
    label = "Items not reached" if s.ended_at is not None or s.started_at is None else "Items not yet reached"
    rows.append((label, "; ".join(not_reached) or "None"))
    # the same whole minutes the agenda shows: an item shown as 21 min against 20 planned ran over
    over = [
        f"{ctx.say(i.title)} (+{round_minutes(i.actual_s) - round_minutes(i.planned_s)} min)"
        for i in t.items
        if i.status != "not_reached" and round_minutes(i.actual_s) > round_minutes(i.planned_s)
    ]
    rows.append(("Items that ran over", "; ".join(over) or "None"))
    return [ctx.section("Timing"), ctx.facts(rows, label_width=40)]


def _started(ctx: MinutesContext) -> str:
    live = ctx.live
    scheduled = ctx.clock(live.scheduled_start)
    if live.started_at is None:
        return f"Not started (scheduled {scheduled})"
    late = live.started_at - live.scheduled_start
    if late >= 60:
        return f"{ctx.clock(live.started_at)}, {duration(late)} after the scheduled {scheduled}"
    return f"{ctx.clock(live.started_at)} (scheduled {scheduled})"


def _ended(ctx: MinutesContext) -> str:
    live = ctx.live
    scheduled = ctx.clock(live.scheduled_end)
    if live.started_at is None:
        return f"Not started (scheduled to end {scheduled})"
    if live.ended_at is None:
        return f"Still running (scheduled to end {scheduled})"
    return f"{ctx.clock(live.ended_at)} (scheduled end {scheduled})"


def _over_text(over_s: float | None) -> str:
    if over_s is None:
        return "Not known until the meeting ends"
    if round_minutes(abs(over_s)) == 0:
        return "On time"
    if over_s > 0:
        return f"Over by {duration(over_s)}"
    return f"Finished {duration(-over_s)} early"
