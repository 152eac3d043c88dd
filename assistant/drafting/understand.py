"""Read a brief into ProjectFacts by rules: the unit, the period, the cost lines, then the work
(activities, objects, quality, effects; `understand_work.py`) and the project types.

Conservative like `brief.py`: what is not written is left empty, never guessed; the composer
states what it assumes instead.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.drafting.brief import parse_brief
from assistant.drafting.facts import Activity, Period, ProjectFacts
from assistant.drafting.organisations import find_department, implementing_unit
from assistant.drafting.project_types import classify, type_of
from assistant.drafting.understand_costs import find_costs
from assistant.drafting.understand_outcome import (
    internal_only,
    read_outcomes,
    service_row,
    without_outcomes,
)
from assistant.drafting.understand_period import as_written, find_period, round_the_clock
from assistant.drafting.understand_shares import find_shares
from assistant.drafting.understand_work import read_work
from assistant.schema import ProjectBrief
from assistant.taxonomy import load_data

WORDS = load_data("brief_words")
_SCALE_RE = re.compile(r"1\s*[:：∶]\s*\d+(?:万)?(?=[\u4e00-\u9fa5])")


def understand(brief: ProjectBrief | str) -> ProjectFacts:
    """ProjectFacts of a brief (text is parsed with `parse_brief` first)."""
    if isinstance(brief, str):
        brief = parse_brief(brief)
    text = brief.text or " ".join([brief.name, brief.purpose, *brief.work_items])
    text = _SCALE_RE.sub("", text)  # '1:2000地形图': a map's scale is no count
    facts = _read(text, brief.name, brief.department.name, brief.budget.total)
    return facts.model_copy(update={"year": brief.year, "budget": brief.budget.total}, deep=True)


@lru_cache(maxsize=256)
def _read(text: str, name: str, department: str, budget: float | None) -> ProjectFacts:
    """Cached: a draft reads its brief again for the 绩效目标 text after every edit."""
    unit = find_department(text).name or department
    work = read_work(round_the_clock(text)[0], WORDS, unit, name)
    for found in [*work.activities, *work.beneficiaries]:  # quotes as written
        found.text = as_written(found.text, text)
    types = classify(text, name)
    outcomes = read_outcomes(text, types)
    activities, beneficiaries = without_outcomes(outcomes, work.activities, work.beneficiaries)
    for act in activities:  # '资源（vCPU 800核、存储200TB）': a list in brackets leaves half of one
        act.object = _balanced(act.object)
    period = find_period(text)
    # '资金于9月底前发放到户': 到户 is how the deadline's work ends (its 时效 row), not an object
    # '年底前完成验收': work the deadline names is its 时效 row, no 数量 row of its own
    activities = [
        a
        for a in activities
        if a.count is not None or not (_COMPLEMENT.fullmatch(a.object) or _due(a, period))
    ]
    shares = find_shares(text)  # '住院自付部分补助比例80%' is what the grant pays, no quality
    quality = [q for q in work.quality if all(q.text != s.text for s in shares)]
    kind = type_of(types[0]) if types else None
    if (
        kind and kind.decisive
    ):  # a past contract paid off: its uncounted work and checks are history
        activities = [a for a in activities if a.count is not None]
        quality = []
    return ProjectFacts(
        unit=unit,
        implementing_unit=implementing_unit(text, unit),
        types=types,
        activities=activities,
        beneficiaries=beneficiaries,
        deliverables=work.deliverables,
        quality=quality,
        period=period,
        costs=find_costs(text, budget) + shares,
        effects=work.effects,
        outcomes=outcomes,
        public_served=_serves_public(types, beneficiaries, text, name),
        satisfaction_row=service_row(text),
    )


_MILESTONES = frozenset(
    load_data("time_words")["deadline_verbs"] + load_data("time_words")["deadline_tasks"]
)
_COMPLETED = tuple(WORDS["completed_tasks"])
_PAYMENTS = tuple(k for k, v in load_data("time_words")["deadline_objects"].items() if v == "资金")
_COMPLEMENT = re.compile(
    rf"{'|'.join(load_data('time_words')['deadline_complements'])}|.*\d+月(?:\d+日|底|末|中旬|上旬|下旬)?前.*"
)


def _balanced(text: str) -> str:
    """The text without its brackets when they do not pair ('（vCPU' -> 'vCPU'; '村（居）' stays)."""
    opened, closed = len(re.findall(r"[（(]", text)), len(re.findall(r"[）)]", text))
    return text if opened == closed else re.sub(r"[（()）]", "", text)


def _due(act: Activity, period: Period) -> bool:
    """Work the deadline names is its 时效 row alone: a bare milestone ('年底前完成验收'), money paid
    by a date ('3月底前完成资助资金拨付') or an event ('春节前完成送温暖慰问', no '送温暖慰问数量 ≥1项');
    a task the brief says is completed ('11月底前完成数据上报', '年底前完成数据验收') keeps its 完成率
    row."""
    paid = act.object.endswith(_PAYMENTS)
    task = not act.object.endswith(_COMPLETED)
    milestone = (act.object in _MILESTONES or paid or task) and act.object in period.deadline_task
    return bool(period.deadline) and period.deadline in act.text and milestone


def _serves_public(types: list[str], beneficiaries: list, text: str, name: str = "") -> bool:
    """101号: 满意度 where the public is served. A project named for a settled contract (尾款)
    serves no one this year; a public service the brief names (学校, 雪亮工程, 用气报装, 送戏) or
    people it names do; else the project type says."""
    if internal_only(name or text):
        return False
    if beneficiaries or service_row(text):
        return True
    kind = type_of(types[0]) if types else None
    return bool(kind and kind.public)
