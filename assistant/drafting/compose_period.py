"""时效 rows from the brief's period: the span as written, deadline, duration, frequency, limits."""

from __future__ import annotations

import re

from assistant.drafting.compose_base import brief_source, make_row, unique
from assistant.drafting.facts import Assumption, Period, ProjectFacts
from assistant.drafting.project_types import type_of
from assistant.schema import (
    TIMELINESS,
    Indicator,
    SourceRef,
)

_YEARLY = ("每年", "每年度")
_PLAIN_VERBS = ("开展", "组织", "举办", "召开", "进行", "完成", "实施", "提供")


def time_rows(
    facts: ProjectFacts, year: int, layout: str
) -> tuple[list[Indicator], list[Assumption]]:
    """The brief's span, deadline, duration, frequency and limits; none: the budget year's end."""
    kind = type_of(facts.main_type)
    word = kind.deadline_word if kind else "项目完成"
    found = _stated(facts, year, word)
    if found:
        rows = [make_row(TIMELINESS, name, value, f"按项目描述：{text}", brief_source(text))
                for name, value, text in found]  # fmt: skip
        return unique(rows), []
    value = f"{year}年12月31日前完成"
    source = SourceRef(rule="项目描述未写时间，按预算年度年底前完成")
    row = make_row(TIMELINESS, f"{word}时间", value, "按预算年度安排完成", source)
    note = Assumption(
        code="A-PERIOD-YEAR-END", row=row.name, message=f"项目描述未写完成时间，暂按{value}填写。"
    )
    return [row], [note]


def _stated(facts: ProjectFacts, year: int, word: str) -> list[tuple[str, str, str]]:
    """(name, value, brief text) of each period fact the brief states."""
    period, found = facts.period, []
    if period.start and period.end:
        service = "服务" in period.text or facts.main_type in ("物业后勤", "购买服务", "运维")
        span = f"{_with_year(period.start, year)}至{period.end}"
        found.append(("服务周期" if service else "实施周期", span, period.text))
    if period.deadline:
        deadline = _with_year(period.deadline, year)
        value = deadline if deadline.endswith("完成") else f"{deadline}完成"
        found.append((f"{word}时间", value, f"{period.deadline}完成"))
    if period.duration and not found:
        label = f"{facts.main_type}时长" if facts.main_type in ("培训", "会议") else "实施周期"
        found.append((label, f"≤{period.duration}", f"为期{period.duration}"))
    if period.frequency and period.frequency not in _YEARLY:  # a yearly budget says 每年 anyway
        found.append((_frequency_name(period, facts), period.frequency, period.frequency))
    for limit in period.limits[:2]:
        value = f"≤{re.sub(r'(?:以内|之内|内).*$', '', limit)}"
        found.append((_limit_name(facts, limit), value, limit))
    return found


def _with_year(text: str, year: int) -> str:
    return (
        text
        if re.match(r"(?:19|20)\d{2}年", text) or not re.match(r"\d{1,2}月", text)
        else f"{year}年{text}"
    )


def _frequency_name(period: Period, facts: ProjectFacts) -> str:
    verb = re.sub(
        r"^(?:每|按)(?:日|天|周|月|季度|季|半年|年|学期)(?:开展|进行)?|[\d一二两三四五六七八九十]+次$",
        "",
        period.frequency,
    )
    verb = verb or next((a.verb for a in facts.activities if a.verb not in _PLAIN_VERBS), "")
    return f"{verb}频次" if verb else "工作频次"


_LIMIT_NAMES = {
    "响应": "故障响应时间", "反馈": "问题反馈时限", "到场": "到场时间", "办结": "办结时限",
    "处置": "处置时限", "解决": "故障解决时限", "修复": "故障修复时限", "完成": "完成时限",
}  # fmt: skip


def _limit_name(facts: ProjectFacts, limit: str) -> str:
    """'30日内反馈' -> 问题反馈时限; '1小时内响应' -> 故障响应时间."""
    verb = re.sub(r"^.*(?:以内|之内|内)", "", limit)
    return _LIMIT_NAMES.get(verb, f"{verb}时限" if verb else "响应时限")


# ---------------------------------------------------------------- 成本, 效益, 满意度
