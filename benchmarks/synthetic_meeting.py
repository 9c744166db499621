"""A long, busy meeting record for the benchmarks: many turns, interjections, a feedback break."""

from __future__ import annotations

import random
from typing import Any

SECTORS = ("acute care", "primary care", "patients and public", "social care", "mental health", "research")


def record(
    turns: int = 2000, people: int = 20, series: str = "Benchmark series", day: int = 1, seed: int = 1
) -> dict[str, Any]:
    """A meeting record (DESIGN §6) of `turns` turns over 8 items, with the break after item 4."""
    rnd = random.Random(seed)
    folk = [
        {
            "key": f"p{i}",
            "name": f"Person {i}",
            "organisation": f"Organisation {i % 5}",
            "sector": SECTORS[i % len(SECTORS)],
            "role": "chair"
            if i == 0
            else "secretary"
            if i == 1
            else "patient_rep"
            if i % 6 == 2
            else "member",
            "patient_rep": i % 6 == 2,
            "attendance": "present",
        }
        for i in range(people)
    ]
    items = 8
    agenda = [{"key": f"i{k}", "title": f"Agenda item {k + 1}", "minutes": 20} for k in range(items)]
    events: list[dict[str, Any]] = [{"t": 0, "do": "start_meeting"}]
    t = 0
    per_slot = turns // (items + 1)  # one share of the turns goes to the break
    done = 0

    def speak_run(n: int) -> None:
        nonlocal t, done
        speaker = None
        for _ in range(n):
            if done >= turns:
                return
            t += rnd.randint(2, 9)
            who = f"p{rnd.randrange(people)}"
            if speaker is not None and who != speaker and rnd.random() < 0.1:
                events.append({"t": t, "do": "interject", "who": who})
                t += rnd.randint(1, 4)
                events.append({"t": t, "do": "stop_speaking"})
            else:
                events.append({"t": t, "do": "speak", "who": who})
                speaker = who
            done += 1

    for k in range(items):
        speak_run(per_slot)
        t += 3
        events.append({"t": t, "do": "next_item"})  # after item 4 (the planned slot) this starts the break
        if k == items // 2 - 1:
            speak_run(per_slot)
            t += 3
            events.append({"t": t, "do": "end_break"})
    speak_run(turns - done)
    t += 3
    events.append({"t": t, "do": "end_meeting"})
    return {
        "meetingkit_record": 1,
        "meeting": {
            "title": f"Benchmark meeting {day}",
            "series": series,
            "scheduled_start": f"2026-{1 + (day - 1) // 28:02d}-{1 + (day - 1) % 28:02d}T10:00:00+00:00",
            "break": {"enabled": True, "fraction": 0.5, "minutes": 10},
        },
        "people": folk,
        "agenda": agenda,
        "events": events,
    }
