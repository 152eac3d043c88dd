"""Places counted before the work done at them: each of a list with its own count ('综合公园8个、
社区公园36个的日常养护'), and places whose parts are listed ('16处应急避难场所标识标牌、应急供水…')."""

from __future__ import annotations

import re

from assistant.drafting.facts import Activity
from assistant.drafting.understand_targets import count_unit, to_count
from assistant.drafting.understand_verbs import starts_with_verb

# '16处应急避难场所标识标牌、应急供水、照明等设施进行维护': the parts listed are the counted
# places' (as if '…场所的标识标牌'): the 16 places are what is counted
PLACE_PARTS_RE = re.compile(
    r"\d+(?:处|个|座|所)[\u4e00-\u9fa5]{0,6}(?:场所|场馆|公园|广场|小区|学校|站点)(?=[\u4e00-\u9fa5]{2,8}、)"
)


def owned_parts(clause: str, words: dict) -> str:
    """'16处应急避难场所标识标牌、…' reads as '16处应急避难场所的标识标牌、…'; '36所学校开展近视、…'
    is work at the places, no parts of them."""
    place = PLACE_PARTS_RE.search(clause)
    if place is None or starts_with_verb(clause[place.end() :], words):
        return clause
    return clause[: place.end()] + "的" + clause[place.end() :]


# '综合公园8个、社区公园36个的日常养护': places listed each with its count, before their work
_COUNTED_PLACE_RE = re.compile(
    r"(?P<n>[\u4e00-\u9fa5]{2,8}?)(?P<c>\d+(?:\.\d+)?)(?P<u>个|座|处|所|家|条)(?=[、和及]|的|$)"
)


def listed_places(verb: str, lead: str, clause: str) -> list[Activity]:
    """Each of two or more places counted before 的 (养护综合公园 8个, 养护社区公园 36个)."""
    owner = lead.split("的")[0]
    found = list(_COUNTED_PLACE_RE.finditer(owner))
    if len(found) < 2 or re.sub(r"[、和及]", "", owner[found[0].start() :]) != "".join(
        m.group(0) for m in found
    ):
        return []
    names = [re.sub(r"^(?:对|全[市区县镇乡]|辖区)+", "", m["n"]) for m in found]
    return [
        Activity(
            verb=verb,
            object=name,
            count=to_count(m["c"]),
            unit=count_unit(m["c"], m["u"]),
            text=clause,
        )  # fmt: skip
        for name, m in zip(names, found, strict=True)
    ]


# '其中C级危房加固100户、D级危房拆除重建50户': the parts of a counted whole, each labelled
_LABELLED_RE = re.compile(
    r"(?P<l>[A-Za-z\u4e00-\u9fa5]{2,12}?)(?P<c>\d+(?:\.\d+)?)(?P<u>户|人|个|所|座|处|家|条|台|套|间)"
)


def labelled_parts(clause: str, words: dict) -> list[Activity]:
    """Each part after 其中 named by its own work, with its count (C级危房加固 100户, D级危房拆除重建
    50户); parts named by kind ('经营管理型100人') are the whole's work, counted later."""
    if not clause.startswith("其中"):
        return []
    found = list(_LABELLED_RE.finditer(clause, 2))
    joined = "、".join(m.group(0) for m in found)
    works = tuple(words["activity_verbs"])
    if len(found) < 2 or re.sub(r"[、，和及]", "、", clause[2:]) != joined:
        return []
    if not all(m["l"].endswith(works) for m in found):
        return []
    return [
        Activity(
            verb=m["l"],
            object=m["l"],
            count=to_count(m["c"]),
            unit=count_unit(m["c"], m["u"]),
            text=clause,
        )  # fmt: skip
        for m in found
    ]
