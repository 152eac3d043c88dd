"""One count for several works done to the same people: '对在档困难职工350户开展生活救助、助学救助和
医疗救助' is one row of 救助 (350户), '对在册社区矫正对象450人实行手机定位和电子监管' one of both works
(手机定位和电子监管 450人), not the first work counted beside the others assumed."""

from __future__ import annotations

import os
import re

from assistant.drafting.facts import Activity
from assistant.drafting.understand_targets import count_unit, to_count


def kinds_of_help(
    acts: list[Activity], clause: str, count: re.Match, words: dict
) -> Activity | None:
    """The people counted before the verb get every work listed after it: one activity, named
    by the kind the works share (救助在档困难职工) or, for two works, by both (手机定位和电子监管)."""
    who = re.search(r"[\u4e00-\u9fa5]{2,8}$", clause[: count.start()])
    if len(acts) < 2 or who is None or count["unit"] not in words["people_units"]:
        return None
    if clause.find(acts[0].verb) < count.end():
        return None
    unit, number = count_unit(count["num"], count["unit"]), to_count(count["num"])
    kinds = [a.object for a in acts]
    shared = os.path.commonprefix([k[::-1] for k in kinds])[::-1]
    if len(shared) >= 2 and shared not in kinds:
        who_name = re.sub(r"^[对为给向]", "", who.group(0))
        return Activity(verb=shared, object=who_name, count=number, unit=unit, text=clause)
    both = "和".join(kinds)
    if len(acts) == 2 and len({a.verb for a in acts}) == 1 and len(both) <= 10:
        return Activity(verb=acts[0].verb, object=both, count=number, unit=unit, text=clause)
    return None
