"""Read a brief into ProjectFacts by rules: the unit, the period, the cost lines, then the work
(activities, objects, quality, effects; `understand_work.py`) and the project types.

Conservative like `brief.py`: what is not written is left empty, never guessed; the composer
states what it assumes instead.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.drafting.amounts import MONEY_RE, to_number
from assistant.drafting.brief import parse_brief
from assistant.drafting.facts import CostLine, Period, ProjectFacts
from assistant.drafting.figures import TIME_LIMIT_RE
from assistant.drafting.organisations import find_department, implementing_unit
from assistant.drafting.project_types import classify, type_of
from assistant.drafting.understand_work import read_work
from assistant.schema import ProjectBrief
from assistant.taxonomy import load_data

WORDS = load_data("brief_words")
_CM = r"(?:\d{1,2}月(?:\d{1,2}日)?|(?:上|下)半年)"
_DATE = rf"(?:(?:19|20)\d{{2}}年(?:{_CM})?|{_CM})"
_SPAN_RE = re.compile(rf"(?P<s>{_DATE})\s*(?:至|到|—|－|-|~|～)\s*(?P<e>{_DATE})")
_DURATION_RE = re.compile(
    r"(?:为期|历时|会期|每期|周期为?|工期为?|服务期为?|期限为?)\s*(?!(?:19|20)\d{2}年)(?P<d>[\d一二三四五六七八九十两半]+(?:个)?(?:天|日|周|个月|月|年|学时|课时))"
)
_DEADLINE_RE = re.compile(
    r"(?P<d>(?:(?:19|20)\d{2}年(?=底|末))?(?:(?:(?:19|20)\d{2}年)?\d{1,2}月(?:底|末|中旬|上旬|下旬|\d{1,2}日)?|年底|年末|底|末|年内|暑期|寒假|汛期|采暖季|年度内)"
    r"(?:前|之前|以前|内|结束前)?)\s*(?:全部|全面)?[\u4e00-\u9fa5]{0,4}?(?:完成|完工|竣工|建成|交付|验收|上线|提交|办完|拨付|发放到位|到位)"
)
_FREQ_RE = re.compile(
    r"(?P<f>(?:每|按)(?:日|天|周|月|季度|季|半年|年|学期)(?:[\u4e00-\u9fa5]{0,4}?(?:\d+|[一二两三四五六七八九十])次|"
    r"(?:开展|进行)?[\u4e00-\u9fa5]{0,8}?(?:巡查|巡检|检查|监测|随访|通报|报送|更新|保洁))?)"
)
_UNIT_COST_RE = re.compile(r"^(?:人均|每人|每户|每村|每生|每亩|每个|每名|单价|平均)|标准$")
_COST_NAME_RE = re.compile(r"(?P<name>[\u4e00-\u9fa5A-Za-z（）()]{2,16}?)(?:约|共|为|计|需|合计)?$")


def understand(brief: ProjectBrief | str) -> ProjectFacts:
    """ProjectFacts of a brief (text is parsed with `parse_brief` first)."""
    if isinstance(brief, str):
        brief = parse_brief(brief)
    text = brief.text or " ".join([brief.name, brief.purpose, *brief.work_items])
    facts = _read(text, brief.name, brief.department.name, brief.budget.total)
    return facts.model_copy(update={"year": brief.year, "budget": brief.budget.total}, deep=True)


@lru_cache(maxsize=256)
def _read(text: str, name: str, department: str, budget: float | None) -> ProjectFacts:
    """Cached: a draft reads its brief again for the 绩效目标 text after every edit."""
    unit = find_department(text).name or department
    work = read_work(text, WORDS, unit, name)
    types = classify(text, name)
    return ProjectFacts(
        unit=unit,
        implementing_unit=implementing_unit(text, unit),
        types=types,
        activities=work.activities,
        beneficiaries=work.beneficiaries,
        deliverables=work.deliverables,
        quality=work.quality,
        period=find_period(text),
        costs=find_costs(text, budget),
        effects=work.effects,
        public_served=_serves_public(types, work.beneficiaries),
    )


def find_period(text: str) -> Period:
    """Span (2023年7月至2024年1月), duration (为期5天), deadline (6月底前完成), frequency, limits."""
    period = Period()
    span = _SPAN_RE.search(text)
    if span:
        period.start, period.end, period.text = span["s"], span["e"], span.group(0)
    duration = _DURATION_RE.search(text)
    if duration:
        period.duration = duration["d"]
    deadline = _DEADLINE_RE.search(text)
    if deadline and not (span and span.start() <= deadline.start() < span.end()):
        period.deadline = deadline["d"]
    frequency = _FREQ_RE.search(text)
    if frequency:
        period.frequency = frequency["f"]
    period.limits = [m.group(0) for m in TIME_LIMIT_RE.finditer(text)]
    return period


def find_costs(text: str, budget: float | None) -> list[CostLine]:
    """Named spending lines ('保安服务费191万元'); the budget total and its 财政/自筹 split are not."""
    lines: list[CostLine] = []
    for match in MONEY_RE.finditer(text):
        number = to_number(match["num"])
        before = re.split(r"[，。；,;、：:\n（(]|其中", text[: match.start()])[-1].strip()
        name_match = _COST_NAME_RE.search(before)
        if number is None or not name_match or _measure_follows(text, match):
            continue
        name = re.sub(
            r"^(?:年度?|用于|包括|含|及|和|另|支付|主要|其中|是)+", "", name_match["name"]
        )
        if len(name) < 2 or any(w in name for w in WORDS["budget_words"]) and not _is_fee(name):
            continue
        if any(w in name for w in WORDS["income_words"]):
            continue  # money the project brings in, not money it spends
        amount = round(
            number
            * {"亿元": 1e4, "亿": 1e4, "万元": 1, "万": 1, "千元": 0.1}.get(match["unit"], 1e-4),
            6,
        )
        if (
            budget is not None
            and abs(amount - budget) < 1e-6
            and (not _is_fee(name) or re.search(r"(?:经费|资金)$", name))
        ):
            continue  # '会议经费50万元' is the budget itself
        text_ = f"{name}{match.group(0)}"
        if _UNIT_COST_RE.search(name):  # '人均月报酬2500元' is a standard, not a spending line
            lines.append(CostLine(name=name, amount=amount, text=text_, unit_cost=match.group(0)))
            continue
        lines.append(CostLine(name=_fee_name(name), amount=amount, text=text_))
    return lines


def _measure_follows(text: str, match: re.Match) -> bool:
    """'1.2万亩': a bare 万 before a measure word is a quantity, not money."""
    after = text[match.end() : match.end() + 1]
    return match["unit"] in ("万", "亿") and bool(re.match(r"[\u4e00-\u9fa5]", after))


def _is_fee(name: str) -> bool:
    return bool(re.search(r"(?:费|费用|款|资金|支出)$", name)) and not re.search(
        r"(?:财政|自筹|预算|总)(?:资金|经费)?$", name
    )


def _fee_name(name: str) -> str:
    """'培训费用' -> '培训费'; a line without a fee word gets one ('水电气及维修' -> '水电气及维修费')."""
    name = re.sub(r"费用$", "费", name)
    return name if re.search(r"(?:费|款|资金|支出|成本)$", name) else name + "费"


def _serves_public(types: list[str], beneficiaries: list) -> bool:
    if beneficiaries:
        return True
    kind = type_of(types[0]) if types else None
    return bool(kind and kind.public)
