"""The name of a count of the people or places a project serves: '为230名村组干部开展法治培训' ->
法治培训村组干部人数, '对8所中小学的屋面、门窗进行维修' -> 维修中小学数量, '支持45个村实施…' -> 支持村数量."""

from __future__ import annotations

import re

from assistant.drafting.facts import Activity, ProjectFacts
from assistant.drafting.understand import WORDS
from assistant.drafting.understand_sizes import PLAIN_VERBS

_PLACES = frozenset(WORDS["place_nouns"])


def served_name(facts: ProjectFacts, who, kind: str) -> tuple[str, list[Activity]]:
    """'为4000名残疾人适配辅助器具' -> 适配辅助器具残疾人人数 (and that activity needs no row of its
    own); '对8所中小学的屋面、门窗进行维修' -> 维修中小学数量 (one verb over several objects);
    '为4500名在校女生接种2剂次HPV疫苗' -> 接种在校女生人数 (the doses keep their own row)."""
    acts = [a for a in facts.activities if a.count is None and who.text in a.text]
    counted = [a for a in facts.activities if a.count is not None and who.text in a.text]
    only = facts.activities[0] if len(facts.activities) == 1 else None
    if not acts and not counted and only and only.count is None and who.who in _PLACES:
        acts = [only]  # '主要用于送戏进万村，按照明年的任务70个行政村': the one work covers them
    lead = "培训" if "培训" in facts.types else ""
    if not acts and counted:  # the work done at the counted places: 配备专职保安中小学数量
        first = counted[0]
        own = first.verb if first.verb not in PLAIN_VERBS else ""
        lead = own or lead
        if kind == "数量" and len(first.object) <= 4:  # '开展…专项检查' -> 专项检查中小学数量
            lead = own + first.object if first.object != own else own
        elif kind == "数量" and not lead:  # '在20个乡镇举办“村晚”演出40场': the places it covers
            lead = f"{first.object if len(first.object) <= 6 else ''}覆盖"
        backed = re.search(rf"({_BACKING})[\d.]+[个家所座处]?{re.escape(who.who)}", first.text)
        lead = backed[1] if backed else lead  # '支持45个村实施…', '支持6个特色村寨…' -> 支持
    if len(acts) > 1:  # '为600名老人提供助餐、助洁、助医服务': one service, its content listed
        lead = acts[0].verb if acts[0].verb not in PLAIN_VERBS else lead or _service_word(acts)
    elif acts:  # '为230名村组干部开展法治培训' -> 法治培训村组干部人数 (开展 says nothing)
        lead = acts[0].object if acts[0].verb in PLAIN_VERBS else acts[0].phrase
    # '扶持15个村发展特色种植产业' -> 扶持发展特色种植产业村数量: what is counted comes last
    if who.who in lead and not lead.startswith(who.who):
        name = f"{lead.replace(who.who, '', 1)}{who.who}{kind}"
    else:
        name = f"{lead}{kind}" if who.who in lead else f"{lead}{who.who}{kind}"
    # one clause of work done for these people is their service; the parts repaired at 8 schools
    # ('屋面防水、门窗和卫生间') are works of their own
    listed = len(acts) == 1 or (len({a.text for a in acts}) == 1 and kind == "人数")
    return (name if len(name) <= 14 else f"{who.who}{kind}"), (acts if listed else [])


_BACKING = "|".join([*WORDS["grant_verbs"], *WORDS["backing_verbs"]])


def _service_word(acts: list[Activity]) -> str:
    return "服务" if any(a.object.endswith("服务") for a in acts) else ""
