"""What a brief is about, and which past rows and tables are about the same thing.

A borrowed row must share a specific word with the brief (not one every table uses). A sibling
table, a past table of the same unit on the same subject (last year's inspection, the same
platform's other contract), is what staff copy first; the drafter takes its rows for the slots
the brief leaves open before any other table's.
"""

from __future__ import annotations

import re
from functools import lru_cache

import jieba
import jieba.posseg as posseg

from assistant.drafting.adapt import brief_words
from assistant.drafting.facts import ProjectFacts
from assistant.drafting.project_types import classify, type_of
from assistant.schema import ProjectBrief, ProjectHit, TargetTable
from assistant.taxonomy import COUNT_UNITS, NOUN_GROUPS, TUNING, load_data

_WORDS = load_data("brief_words")
_GENERIC = frozenset(_WORDS["generic_words"])
_NOT_PLACES = frozenset(_WORDS["not_places"])
# What is done (检查, 宣传, 运维) says what kind of project it is, not what it is about: a gas
# inspection and a school-canteen inspection share 检查 and nothing else.
_DOING = frozenset(_WORDS["activity_verbs"]) | frozenset(COUNT_UNITS)  # 家次, 人次: no subject
_GENERIC_END = re.compile(rf"(?:{'|'.join(_WORDS['generic_endings'])})$")
# A sibling is one of the closest tables and shares this many specific words of its name.
SIBLING_TOP = TUNING["sibling_top"]
SIBLING_WORDS = TUNING["sibling_words"]
_NAME_PREFIX = re.compile(r"^[^\d]{0,12}?(?:19|20)\d{2}年度?")  # '市热燃中心2025年…'


def brief_topic(facts: ProjectFacts, brief: ProjectBrief) -> str:
    """The words a borrowed row may share with the brief: its name, objects and effects."""
    parts = [brief.name, *(a.phrase for a in facts.activities)]
    parts += [b.who for b in facts.beneficiaries] + facts.deliverables + facts.effects
    parts += [q.name for q in facts.quality] + [c.name for c in facts.costs]
    return " ".join(parts) or brief_words(brief)


def same_subject(name: str, topic: str) -> bool:
    """A row or table name is about the brief's subject when it shares a specific word with it
    (jieba words: '果园路建设' and '道路建设长度' share only 建设, which every table uses)."""
    return bool(subject_words(name) & subject_words(topic))


@lru_cache(maxsize=4096)
def subject_words(text: str) -> frozenset[str]:
    words = _jieba_words(text)
    words -= _places(words)
    # bigrams inside a long word ('燃气管' -> 燃气, 气管), never across words ('果园路|建设' has no 路建)
    words |= {w[i : i + 2] for w in words if len(w) >= 3 for i in range(len(w) - 1)}
    # '环保宣传' and '生态环境…宣传' are about one thing: a group's words share its first word
    words |= {g[0] for g in NOUN_GROUPS if not _DOING & set(g) and any(w in text for w in g)}
    return frozenset(
        w for w in words if w not in _GENERIC and w not in _DOING and not _GENERIC_END.search(w)
    )


def _jieba_words(text: str) -> set[str]:
    return {w for w in jieba.lcut(text) if len(w) >= 2 and not re.search(r"\d", w)}


def _places(words: set[str]) -> set[str]:
    """Place names (天津市, 六安; jieba's dictionary tags them ns): every project of a city shares
    them, so they name no subject. A dictionary lookup, not a tagging pass (6 ms a text)."""
    tags = posseg.dt.word_tag_tab
    return {w for w in words if tags.get(w) == "ns" and w not in _NOT_PLACES}


def find_sibling(brief: ProjectBrief, projects: list[ProjectHit]) -> TargetTable | None:
    """The closest past table of the brief's own unit, of the same kind of work, whose name
    shares SIBLING_WORDS specific words with the brief's (the unit's words and the year prefix
    do not count)."""
    unit = brief.department.name
    if not unit or not brief.name:
        return None
    own = _name_words(brief.name, unit)
    for hit in projects[:SIBLING_TOP]:
        table = hit.table
        if (
            table.department.name == unit
            and len(own & _name_words(table.name, unit)) >= SIBLING_WORDS
            and _same_kind(brief.name, table.name)
        ):
            return table
    return None


def _same_kind(name: str, other: str) -> bool:
    """Each name's main project type is a type of the other: a platform's 运维 and the same
    platform's 建设 are different work ('…平台运行维护' vs '…智慧监管平台（一般债券）'). A past
    contract paid off (尾款) is of the work it paid for: the unit's own table of that work is
    its sibling, as the unit's staff model it."""
    mine, theirs = _work_kinds(name), _work_kinds(other)
    return bool(mine and theirs) and mine[0] in theirs and theirs[0] in mine


def _work_kinds(name: str) -> list[str]:
    """The name's types of work: a 尾款 says how the money is paid, not what work it paid for."""
    return [k for k in classify(name, name) if not ((kind := type_of(k)) and kind.decisive)]


def _name_words(name: str, unit: str) -> set[str]:
    """Whole specific words of a project name, without its unit/year prefix and the unit's words."""
    words = _jieba_words(_NAME_PREFIX.sub("", name)) - _jieba_words(unit)
    return {w for w in words if w not in _GENERIC and not _GENERIC_END.search(w)}


def foreign_work(name: str, said: str) -> str:
    """The work verb of a borrowed row the brief never names, if any: '农村义务教育学校改造覆盖率'
    counts another project's 改造 in a 营养餐 brief (a verb of the same group counts as named)."""
    for verb in _WORK_VERBS:
        if verb in name and verb not in said:
            group = next((g for g in NOUN_GROUPS if verb in g), (verb,))
            if not any(w in said for w in group):
                return verb
    return ""


# Verbs that name a project's own work; 完成, 开展, 提供 … are said of any work.
_WORK_VERBS = tuple(
    v for v in _WORDS["activity_verbs"] if v not in _WORDS["general_verbs"] and len(v) >= 2
)
