"""绩效目标 text in the style of real tables: 通过…（措施），完成…（主要产出），实现…（效果）,
with the year and the money. Written from the facts and the final rows, so it is rebuilt after
every edit (the rows may have changed).
"""

from __future__ import annotations

import re

from assistant.drafting.adapt import money_text
from assistant.drafting.facts import Activity, ProjectFacts
from assistant.drafting.understand_verbs import FREQ_START_RE, work_content
from assistant.schema import Budget, Indicator
from assistant.taxonomy import load_data, slot_of

MAX_MEASURES = 4
MAX_OUTPUTS = 4
_PAYOUTS = frozenset(load_data("brief_words")["payout_words"])  # 工资, 补贴: paid, not a service
_EFFECT_STARTS = (
    "提高",
    "提升",
    "改善",
    "保障",
    "促进",
    "减少",
    "降低",
    "增加",
    "确保",
    "防范",
    "推动",
    "增强",
    "实现",
    "解决",
    "稳定",
)


def goal_text(
    facts: ProjectFacts, name: str, year: int, budget: Budget, rows: list[Indicator]
) -> list[str]:
    """One paragraph like '2026年，通过…，完成…，实现…。项目预算…万元。' as the table's 绩效目标."""
    measures = _measures(facts)
    outputs = _outputs(rows)
    effects = _effects(facts, rows)
    parts = [f"{year}年" if year else ""]
    if measures:
        parts.append(f"通过{measures}")
    bare_name = re.sub(r"^(?:19|20)\d{2}年度?", "", name)
    parts.append(f"完成{outputs}" if outputs else f"完成{bare_name}各项工作")
    if effects:
        parts.append(effects if effects.startswith(_EFFECT_STARTS) else f"实现{effects}")
    text = "，".join(p for p in parts[1:] if p)
    text = f"{parts[0]}，{text}。" if parts[0] else f"{text}。"
    money = _money(budget)
    return [text + money] if money else [text]


def _measures(facts: ProjectFacts) -> str:
    """The uncounted work, not the places a counted row already names ('负责全镇行政村')."""
    places = [b.who for b in facts.beneficiaries if b.count is not None]
    due = facts.period.deadline_task if facts.period else ""  # '汛期前完成入库': a 时效, no means
    acts = [a for a in facts.activities if a.count is None and not (due and a.object in due)]
    # '检测结果每季度向社会公布': how often, a 时效 row ('开展每日巡查' stays: the work is named so)
    acts = [a for a in acts if a.object[:1] in "每按" or not _timed_inside(a.object)]
    acts = _by_verb([a for a in acts if not any(p in a.object for p in places)])
    # '改造内容包括雨污分流、道路修补、加装路灯等' is one counted row; its items are the means
    listed = [work_content(a.text) for a in facts.activities]  # '体检项目包括…等12项' is counted
    contents = ["、".join(i) for what, i in listed if len(i) >= 2 and what.endswith("内容")]
    acts = (contents + acts)[:MAX_MEASURES]
    if not acts:  # a service bought is the measure; a small line beside bigger ones is not
        # ('运维费10万元' of a 160万元 weather-station build: no '通过运维服务')
        lines = [c for c in facts.costs if not c.unit_cost]
        top = max((c.amount for c in lines), default=0)
        stems = [_service(c.name) for c in lines if c.name.endswith("服务费") or c.amount >= top]
        acts = [f"{s}服务" for s in stems if s][:MAX_MEASURES]
    return _join(acts)


def _timed_inside(text: str) -> bool:
    return any(FREQ_START_RE.match(text[i:]) for i in range(1, len(text)))


def _service(cost_name: str) -> str:
    """'保安服务费', '培训费' name a service bought, a measure; wages, 耗材及维修 or 样品购置 do not."""
    stem = re.sub(r"(?:服务)?费$", "", cost_name)
    if cost_name.endswith("服务费"):
        return stem
    plain = len(stem) <= 3 and not re.search(r"[及和、]", stem) and stem not in _PAYOUTS
    # '路灯电费' buys power, no service
    plain = plain and not stem.endswith(("电", "水", "气", "暖"))
    return stem if plain else ""


def _by_verb(acts: list[Activity]) -> list[str]:
    """'负责清扫保洁、负责垃圾收集' reads '负责清扫保洁、垃圾收集': one verb over its objects."""
    groups: dict[str, list[str]] = {}
    for act in acts:
        plain = (
            act.verb == "完成"
        )  # '通过完成雨污分流…，完成…' says 完成 twice: the work is the measure
        verb = "" if plain or act.verb in act.object else act.verb
        # '委托专业餐饮公司负责机关食堂运营': the firm hired is the measure
        lead = re.search(rf"{_LEAD}{re.escape(verb)}", act.text) if verb == "负责" else None
        verb = lead.group(0) if lead else verb
        groups.setdefault(verb, []).append(act.object if verb or plain else act.phrase)
    return [verb + "、".join(objects) for verb, objects in groups.items()]


_LEAD = r"(?:委托|聘请)[\u4e00-\u9fa5]{2,8}?(?:公司|机构|单位|团队)"


def _outputs(rows: list[Indicator]) -> str:
    picked = [r for r in rows if slot_of(r) in ("数量", "质量") and r.value.kind == "quantitative"]
    # What the brief itself states first; assumed '≥1次' rows read as padding in a goal.
    picked.sort(key=lambda r: not (r.source and r.source.rule.startswith("按项目描述")))
    texts = [f"{r.name}{_plain(r)}" for r in picked[:MAX_OUTPUTS]]
    return "、".join(texts)


def _effects(facts: ProjectFacts, rows: list[Indicator]) -> str:
    # '保障大厅窗口62个正常运行' is counted among the outputs already (≥62个): not said twice
    counted = " ".join(r.value.raw for r in rows if slot_of(r) == "数量")
    said = [
        e
        for e in facts.effects
        if not any(f in counted for f in re.findall(r"\d+(?:\.\d+)?万?[\u4e00-\u9fa5]", e))
    ]
    if said:
        return _join(said[:2])
    benefit = [r for r in rows if slot_of(r) == "效益"][:2]
    return _join([_effect_phrase(r) for r in benefit])


def _effect_phrase(row: Indicator) -> str:
    """'重点人群健康管理水平提升情况 | 好' reads '重点人群健康管理水平提升'; numbers keep their value."""
    if row.value.kind == "qualitative" and row.name.endswith("情况"):
        return row.name.removesuffix("情况")
    # '发生信息安全事故次数 =0次' reads 不发生信息安全事故
    if row.value.number == 0 and row.value.operator in ("=", "≤") and row.value.unit != "%":
        return "不发生" + re.sub(r"(?:次数|人数|数量|数)$|^不|发生", "", row.name)
    return f"{row.name}{_plain(row)}"


def _plain(row: Indicator) -> str:
    """'≥230名' reads as '达到230名' in a sentence; '=100%' as '100%'."""
    value = row.value
    if value.kind != "quantitative":
        return f"{value.raw}"
    number = f"{value.number:.6f}".rstrip("0").rstrip(".")
    lead = {"≥": "不少于", ">": "超过", "≤": "不超过", "<": "少于"}.get(value.operator or "", "")
    if value.unit == "%":
        lead = {"不少于": "达到", "超过": "达到"}.get(lead, lead)
    return f"{lead}{number}{value.unit}"


def _money(budget: Budget) -> str:
    if budget.total is None:
        return ""
    text = f"项目预算{money_text(budget.total)}万元"
    if budget.fiscal is not None and budget.other:
        text += (
            f"（财政资金{money_text(budget.fiscal)}万元，其他资金{money_text(budget.other)}万元）"
        )
    return text + "，成本控制在预算以内。"


def _join(items: list[str]) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return "、".join(items[:-1]) + "和" + items[-1]
