"""Project types (会议, 培训, 工程建设 …): the taxonomy lives in assistant/data/project_types.yaml.

A brief is typed by its trigger words. The project name weighs more because it says what the
project is, where the rest of the brief may mention side matters (a 联席会议 line inside a 河长制
brief), and the word the name ends on (its head: …设备**购置**, …专项**检查**) weighs most. A word
inside a longer trigger does not count on its own (防治 in 地质灾害防治), and a word that is
ambiguous alone (the type's `weak` list: 防治, 农村, 采购) counts only beside a clear one, even
as the head (…松材线虫病**防治** is no disease control).
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from pathlib import Path

from pydantic import Field

from assistant.drafting.brief import ADMIN_LABEL_RE
from assistant.schema import Model, TargetTable
from assistant.taxonomy import TUNING, load_data

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
MAX_TYPES = 3
TOTAL_COST_NAME = "项目成本控制"  # the one total-cost row of a type that has no word of its own
_DATA = load_data("project_types")
_CLAUSE = re.compile(r"[，。；,;\n]")
# Words a project name may end on that say nothing of its kind (…建设项目, …（二期）, …2024至2027).
_TAIL_WORDS = "|".join(_DATA["_name_tail"])
_NAME_TAIL = re.compile(rf"(?:{_TAIL_WORDS}|（[^（）]*）|\([^()]*\)|[\d至年度—-]+|[》」”\"])+$")


class ProjectType(Model):
    """One kind of project and what a reviewer expects of it."""

    key: str = Field(description="类型名，如 培训。")
    triggers: list[str] = Field(description="出现即提示该类型的词。")
    weak: list[str] = Field(
        default_factory=list,
        description="单独出现时含义不明的词（防治、农村、采购）：本类型另有触发词或作项目名称中心词时才计分。",
    )
    family: str = Field("", description="上级类型（森林防火 属 林业）：评测按上级类型计。")
    public: bool = Field(False, description="是否直接服务公众（设满意度指标）。")
    subject: str = Field("服务对象", description="满意度调查对象。")
    internal: str = Field("使用人员", description="不服务公众时的满意度对象（严格口径）。")
    deadline_word: str = Field("项目完成", description="时效指标用语。")
    benefit: tuple[str, str] | None = Field(
        None, description="简报未写效果时的常用效益指标（名称, 指标值）。"
    )
    quantity: tuple[str, str] | None = Field(
        None, description="简报未写活动时的常用数量指标（名称, 指标值）。"
    )
    quality: tuple[str, str] | None = Field(
        None, description="简报未写质量要求时的常用质量指标（名称, 指标值）。"
    )
    longterm: tuple[str, str] | None = Field(
        None, description="工程/修缮/购置类的可持续影响指标（名称, 指标值），如设计使用年限。"
    )
    cost_name: str = Field(
        TOTAL_COST_NAME, description="简报未列费用时总成本指标的名称，如 运维 的年度运维成本。"
    )
    time_limit: tuple[str, str] | None = Field(
        None, description="简报未写时间时的常用时效指标（名称, 指标值），如 运维 的故障响应时间。"
    )
    decisive: bool = Field(
        False,
        description="项目名称中心词或首句含本类型词时排第一（尾款：钱付的是旧合同，不论合同做的是什么）。",
    )
    foreign: list[str] = Field(
        default_factory=list,
        description="含这些词的他表指标不适用于本类型（设施维保 不借 信息系统 的指标）。",
    )

    def standard_names(self) -> set[str]:
        """Row names this type's own defaults produce (they are standard for the type)."""
        names = {f"{self.subject}满意度", f"{self.internal}满意度", f"{self.deadline_word}时间"}
        names.add(self.cost_name)
        return names | {
            pair[0]
            for pair in (self.benefit, self.quantity, self.quality, self.longterm, self.time_limit)
            if pair
        }


@cache
def project_types() -> dict[str, ProjectType]:
    return {
        key: ProjectType(key=key, **spec) for key, spec in _DATA.items() if not key.startswith("_")
    }


@cache
def _words() -> tuple[dict[str, list[tuple[str, bool]]], tuple[str, ...]]:
    """Each trigger word → [(type, weak)], and every word that can hide a shorter one."""
    owners: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for key, kind in project_types().items():
        owners.update({w: owners[w] + [(key, False)] for w in kind.triggers})
        owners.update({w: owners[w] + [(key, True)] for w in kind.weak})
    return dict(owners), (*owners, *_DATA["_neutral"])


def _found(text: str) -> dict[str, int]:
    """Trigger words in the text that are not only part of a longer word → their last end."""
    owners, words = _words()
    spans = [
        (m.start(), m.end(), w) for w in words if w in text for m in re.finditer(re.escape(w), text)
    ]
    found: dict[str, int] = {}
    for start, end, word in spans:
        inside = any(s <= start and end <= e and e - s > end - start for s, e, _ in spans)
        if word in owners and not inside:
            found[word] = max(found.get(word, 0), end)
    return found


def classify(text: str, name: str = "") -> list[str]:
    """Project types of a brief, best first (at most MAX_TYPES)."""
    scores = type_scores(text, name)
    ranked = sorted(scores, key=lambda k: -scores[k])
    if not ranked:
        return []
    best = scores[ranked[0]]
    return [k for k in ranked if scores[k] >= TUNING["type_second_share"] * best][:MAX_TYPES]


def classify_table(table: TargetTable) -> list[str]:
    """A corpus table's types, from its name, 概述 and 年度目标 (most tables print only goals)."""
    return classify(" ".join([table.name, table.purpose, *table.goals]), table.name)


def type_scores(text: str, name: str = "") -> dict[str, float]:
    """Each type's weight of evidence in the brief (see the module docstring)."""
    owners, _ = _words()
    in_text, in_name = _found(text), _found(name)
    # the lead is the first clause of what the project does: the name line is weighed as the name
    clauses = [c for c in _CLAUSE.split(text) if not ADMIN_LABEL_RE.match(c)]
    lead = next(filter(None, map(_found, clauses)), {})
    head = _head(name)
    # the words before the head only say whose or what field (中小学教师|培训): they weigh less
    modifiers = {w: e for w, e in in_name.items() if w != head} if head else {}
    in_name = {head: 0} if head else in_name
    clear = {k for w in [*in_text, *in_name, *modifiers] for k, weak in owners[w] if not weak}
    scores: dict[str, float] = defaultdict(float)
    weights = [1, TUNING["type_lead_weight"], TUNING["type_name_weight"]]
    for found, weight in zip(
        (in_text, lead, in_name, modifiers), [*weights, TUNING["type_modifier_weight"]], strict=True
    ):
        for word in found:
            for key, weak in owners[word]:
                if not weak or key in clear:
                    scores[key] += weight * len(word) * (TUNING["type_weak_share"] if weak else 1)
    for key, weak in owners.get(head, ()):
        if not weak or key in clear:
            scores[key] += TUNING["type_head_weight"] * len(head)
    # a sub-kind the name names refines its family's head: 交通信号灯|运维 is 设施维保
    named = {k for w in [*modifiers, *in_name] for k, weak in owners[w] if not weak}
    for key in named:
        family = project_types()[key].family
        if family and scores.get(family, 0) > scores[key]:
            scores[key] = scores[family] + 1
    decisive = {k for w in [head, *lead] for k, weak in owners.get(w, ()) if not weak}
    for key in decisive & {k for k, kind in project_types().items() if kind.decisive}:
        scores[key] = max(scores.values()) + 1
    return dict(scores)


def _head(name: str) -> str:
    """The trigger the project name ends on, once generic words are cut (…设备购置项目 → 设备购置)."""
    # '…古籍数字化项目（尾款）': a bracket that is all one trigger says what the project is now
    bracket = re.search(r"[（(]([^（）()]+)[)）]$", name)
    if bracket and bracket[1] in _words()[0]:
        return bracket[1]
    core = _NAME_TAIL.sub("", name)
    ends = [w for w, end in _found(core).items() if end == len(core)]
    return max(ends, key=len, default="")


def family_of(key: str) -> str:
    """The type a sub-kind belongs to (森林防火 → 林业), else the type itself."""
    kind = type_of(key)
    return kind.family or key if kind else key


def type_of(key: str) -> ProjectType | None:
    return project_types().get(key)
