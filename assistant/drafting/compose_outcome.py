"""效益 rows from the brief's effects and the 满意度 row whose subject is the people served."""

from __future__ import annotations

import re

from assistant.drafting.compose_base import brief_source, make_row, unique
from assistant.drafting.facts import Assumption, ProjectFacts
from assistant.drafting.project_types import type_of
from assistant.schema import (
    SATISFACTION_L2,
    SOCIAL_BENEFIT,
    SUSTAINABLE,
    Indicator,
    SourceRef,
)

SATISFACTION_DEFAULT = "≥90%"  # real tables: ≥85%, mostly ≥90% (review rule R-SATISFACTION-LOW)
# Review profiles that want a 满意度 row in every table; 'national' follows 101号 (only where
# the public is served). The active profile is passed in by the Drafter.
PROFILES_REQUIRING_SATISFACTION = frozenset({"strict"})
# At most this many 效益 rows from the brief's purpose phrases; real rows add measurable ones.
MAX_EFFECT_ROWS = 2
# Effect verb -> the word of the row's name; the value is graded (好), since 101号 allows a word
# value only as a graded scale and reviewers flag 明显提升 as unmeasurable.
_EFFECT_WORD = {
    "提高": "提升", "提升": "提升", "改善": "改善", "增强": "提升", "减少": "减少",
    "降低": "降低", "保障": "保障", "遏制": "遏制", "压实": "落实",
}  # fmt: skip
GRADED_TARGET = "好"


def satisfaction_wanted(facts: ProjectFacts, profile: str) -> bool:
    """101号: 满意度 where the public is served; stricter profiles want it everywhere."""
    return facts.public_served or profile in PROFILES_REQUIRING_SATISFACTION


def effect_rows(
    facts: ProjectFacts, year: int, layout: str
) -> tuple[list[Indicator], list[Assumption]]:
    """The brief's effects (graded), else the type's usual benefit; capital types add their
    long-term row (101号: 工程/修缮/购置 state the effect in the following years)."""
    rows, notes = _stated_effects(facts) if facts.effects else _type_row(facts, "benefit")
    longterm, more = _type_row(facts, "longterm")
    return unique(rows + longterm), notes + more


def _stated_effects(facts: ProjectFacts) -> tuple[list[Indicator], list[Assumption]]:
    rows = []
    for effect in facts.effects[:MAX_EFFECT_ROWS]:
        verb = next((v for v in _EFFECT_WORD if effect.startswith(v) or effect.endswith(v)), "")
        obj = _short_effect(effect.removeprefix(verb).removesuffix(verb) if verb else effect)
        name = obj if len(obj) > 10 else f"{obj}{_EFFECT_WORD.get(verb, '实现')}情况"
        text = f"按项目描述：{effect}"
        rows.append(make_row(SOCIAL_BENEFIT, name, GRADED_TARGET, text, brief_source(effect)))
    return rows, []


def _type_row(facts: ProjectFacts, field: str) -> tuple[list[Indicator], list[Assumption]]:
    """The `benefit` or `longterm` row of the first of the project's types that has one."""
    kind = next((k for k in map(type_of, facts.types) if k and getattr(k, field)), None)
    if kind is None:
        return [], []
    name, value = getattr(kind, field)
    level2 = SUSTAINABLE if field == "longterm" else SOCIAL_BENEFIT
    source = SourceRef(rule=f"项目类型（{kind.key}）的常用效益指标")
    row = make_row(level2, name, value, f"{name}（{kind.key}类项目常用效益指标）", source)
    code = "A-LONGTERM-TYPE" if field == "longterm" else "A-BENEFIT-TYPE"
    text = f"按{kind.key}类项目常用效益「{name}{value}」填写，请按实际修改。"
    return [row], [Assumption(code=code, row=name, message=text)]


def _short_effect(text: str) -> str:
    """'推动实现城市治理体系和治理能力现代化' -> '城市治理体系'; '本市燃气经营企业的安全管理水平' ->
    '燃气经营企业安全管理水平': a 三级 name stays short and whole."""
    text = re.sub(
        r"^(?:了|推动|实现|促进|加强|提高|提升|遏制和防范|遏制|防范|压实|确保|保障|和|及)+",
        "",
        text,
    )
    text = re.sub(r"^(?:本市|全市|全区|全县|辖区|我市|我区)", "", text).replace("的", "")
    return re.split(r"和|及|与|、", text)[0] if len(text) > 14 else text


def satisfaction_rows(
    facts: ProjectFacts, profile: str
) -> tuple[list[Indicator], list[Assumption]]:
    stated = [q for q in facts.quality if "满意" in q.name]
    if stated:
        q = stated[0]
        return [
            make_row(
                SATISFACTION_L2, q.name, q.value, f"按项目描述：{q.text}", brief_source(q.text)
            )
        ], []
    if not satisfaction_wanted(facts, profile):
        return [], [
            Assumption(
                code="A-NO-SATISFACTION", message="项目不直接服务公众，按101号未设满意度指标。"
            )
        ]
    kind = type_of(facts.main_type)
    if facts.public_served:
        named = next((s for s in map(_subject, facts.beneficiaries) if s), "")
        subject = named or (kind.subject if kind else "服务对象")
        code = "A-SATISFACTION-TARGET"
    else:
        subject, code = (kind.internal if kind else "使用人员"), "A-SATISFACTION-INTERNAL"
    name = f"{subject}满意度"
    row = make_row(
        SATISFACTION_L2,
        name,
        SATISFACTION_DEFAULT,
        f"对{subject}开展满意度调查，满意及基本满意的比例",
        SourceRef(rule="满意度调查对象按项目服务对象确定"),
    )
    return [row], [
        Assumption(
            code=code,
            row=name,
            message=f"项目描述未写满意度目标，按{SATISFACTION_DEFAULT}填写，需开展{subject}满意度调查。",
        )
    ]


_PLACES = ("乡镇", "行政村", "村", "社区", "县市", "街道", "镇街", "乡镇街", "学校", "中小学")


def _subject(who) -> str:
    """'3200名65岁以上老年人' -> 老年人; places (18个乡镇) are not asked about satisfaction."""
    name = re.sub(r"[\d.]+(?:名|人|位|户|个)?|\d*周?岁(?:以上|以下)?|^以?上", "", who.who)
    return "" if not name or name.endswith(_PLACES) or len(name) < 2 else name
