"""After the facts: retrieved rows and the indicator library fill the slots the brief left open.

A borrowed row must share the brief's object (a word of its activities, objects, name or
effects) or be a standard indicator of the project's type; a row of an unrelated project is never
used. Where no borrowed row fits, the library's standard row of the type with its typical value.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.drafting.adapt import adapt_row, brief_words, cost_rows
from assistant.drafting.compose_counts import sized_by, uncovered_figures
from assistant.drafting.facts import Assumption, ProjectFacts
from assistant.drafting.fill_defaults import library_rows
from assistant.drafting.library import (
    is_standard,
)
from assistant.drafting.library_names import MAX_NAME, clean_name
from assistant.drafting.project_types import TOTAL_COST_NAME, classify, family_of, type_of
from assistant.drafting.retriever import Retrieved, indicator_hit
from assistant.drafting.reword import reword_quantities
from assistant.drafting.slots import Candidate, pick, score_candidates, topic_bigrams, usable
from assistant.drafting.subject import (
    brief_topic,
    find_sibling,
    foreign_work,
    same_subject,
    subject_words,
)
from assistant.drafting.understand import WORDS
from assistant.rules.measurable import is_measurable
from assistant.rules.relevance import is_routine, mixed_slot
from assistant.rules.values import unusable_value
from assistant.schema import (
    Indicator,
    IndicatorHit,
    IndicatorValue,
    ProjectBrief,
    TargetTable,
)
from assistant.taxonomy import MAX_ROWS, SLOTS, TUNING, slot_of

OBJECT_OVERLAP = TUNING["object_overlap"]
_PLACEHOLDERS = tuple(WORDS["placeholder_words"])
# 效益: the brief's effects are words; up to two measurable real rows of the type join them.
EXTRA_ROWS = {"效益": 1}
# Units of a 效益 value another project's row may lend (a rate, a length of time, a life span).
_PORTABLE_UNITS = frozenset({"%", "‰", "年", "天", "日", "小时", "个月", "分钟"})
_TIMED = re.compile(r"\d\s*(?:年|月|日|天|小时|分钟|周|个工作日)|[前底末]")
# The drafter's own defaults (year-end deadline, the type's usual benefit) give way to real rows.
FALLBACK_CODES = frozenset({"A-PERIOD-YEAR-END", "A-PERIOD-TYPE", "A-BENEFIT-TYPE"})


def fill_slots(
    own: list[Indicator],
    own_assumed: list[Assumption],
    facts: ProjectFacts,
    brief: ProjectBrief,
    retrieved: Retrieved,
    year: int,
    layout: str,
    cost_source,
    skip: frozenset[str] = frozenset(),
    table_name=lambda table_id: "",
) -> tuple[list[Indicator], list[Assumption]]:
    """Own rows plus borrowed/library rows for the open places of each slot (`skip`: slots the
    project does not need, e.g. 满意度 where no public is served; `table_name(id)`: the project
    name of a corpus table, to tell tables about the brief's subject)."""
    filler = _Filler(facts, brief, retrieved, year, brief_topic(facts, brief))
    figures = uncovered_figures(brief, own, facts)
    if figures:  # a count of the brief ('物业服务面积3.5万平方米') sizes the work: no assumed one
        # ('日常养护县乡道长度 ≥320公里' counts the 日常养护: no '日常养护次数 ≥1次' beside it)
        typed = {a.row for a in own_assumed if a.code == "A-QUANTITY-TYPE"} | {
            a.row for a in own_assumed if a.code == "A-COUNT-TYPICAL" and sized_by(a.row, figures)
        }
        own = [r for r in own if r.name not in typed]
        own_assumed = [a for a in own_assumed if a.row not in typed]
    rows = own + figures
    quantity = usable(filler.scored("数量"))
    on_subject = [c for c in quantity if same_subject(table_name(c.hit.table_id), filler.topic)]
    rows, assumed = reword_quantities(rows, quantity, on_subject, brief, year, own_assumed)
    fallback = {a.row for a in assumed if a.code in FALLBACK_CODES}
    # a default row gives way to a real one: it must not keep a real row of its name out
    filler.rows, filler.assumed = rows, assumed
    filler.taken = [r.name for r in rows if r.name not in fallback]
    for slot in SLOTS:
        if slot == "成本":
            if not any(slot_of(r) == "成本" for r in filler.rows):
                filler.rows += _costs(
                    facts, retrieved, filler.topic, cost_source, layout, table_name, filler.sibling
                )
        elif slot not in skip:
            filler.fill(slot)
    return filler.rows, filler.assumed


class _Filler:
    """The draft's rows while the open places of each slot are filled."""

    def __init__(self, facts, brief, retrieved, year, topic):
        self.facts, self.brief, self.retrieved, self.year, self.topic = (
            facts, brief, retrieved, year, topic,
        )  # fmt: skip
        self.rows: list[Indicator] = []
        self.assumed: list[Assumption] = []
        self.taken: list[str] = []
        self._scored: dict[str, list[Candidate]] = {}
        self.sibling = find_sibling(brief, retrieved.projects)

    def scored(self, slot: str) -> list[Candidate]:
        if slot not in self._scored:
            hits = self.retrieved.indicators.get(slot, [])
            r = self.retrieved
            self._scored[slot] = score_candidates(slot, hits, r.query, r.projects)
        return self._scored[slot]

    def fill(self, slot: str) -> None:
        fallback = {a.row for a in self.assumed if a.code in FALLBACK_CODES}
        mine = [r for r in self.rows if slot_of(r) == slot and r.name not in fallback]
        need = MAX_ROWS[slot] + EXTRA_ROWS.get(slot, 0) - len(mine)
        if (slot == "满意度" and mine) or need <= 0:
            return
        # the brief's effects are words: the sibling's measurable ones join them
        picked = [] if mine and slot != "效益" else self._from_sibling(slot, need)
        picked = picked or pick(
            self._fits(slot, strict=bool(mine) and slot != "效益"), need, self.taken
        )
        if not mine and picked and not any(self._about(c) for c in picked):
            # the type's own standard row ('会议出勤率') beats a universal one, and for 质量 so
            # does its own measure: a 宣传 project has no 验收 to pass (项目验收合格率)
            typed, notes = library_rows(self.facts, slot, self.taken, universal=slot == "质量")
            if typed:
                self.rows, self.assumed = self.rows + typed, self.assumed + notes
                return
        self.taken += [c.hit.indicator.name for c in picked]
        borrowed = [_clean(adapt_row(c, self.brief, self.year)) for c in picked]
        borrowed = [
            r
            for r in borrowed
            if not unusable_value(r)
            and not _flagged(r)
            and self._own_year(r)
            and mixed_slot(r) is None
            and not any(w in r.name for w in _PLACEHOLDERS)
        ]  # '检查燃气用户数量' under 效益 is an output another table misfiled
        if slot == "效益":  # "受益建档立卡贫困人口数 ≥29人" is another project's own count
            borrowed = [r for r in borrowed if self._portable(r)]
        if slot == "数量":  # '宣传教育 覆盖全区所有人员' counts nothing: another project's words
            borrowed = [r for r in borrowed if r.value.kind == "quantitative"]
        if slot == "时效":  # a rate or a bare '及时' is what the review flags in a 时效 row
            borrowed = [r for r in borrowed if _TIMED.search(r.value.raw)]
        if borrowed:  # real rows beat the drafter's own defaults for this slot
            dropped = {r.name for r in self.rows if slot_of(r) == slot and r.name in fallback}
            self.rows = [r for r in self.rows if r.name not in dropped]
            self.assumed = [a for a in self.assumed if a.row not in dropped]
        elif not any(slot_of(r) == slot for r in self.rows):
            borrowed, notes = library_rows(self.facts, slot, self.taken)
            self.assumed += notes
        self.rows += borrowed

    def _from_sibling(self, slot: str, need: int) -> list[Candidate]:
        """The sibling table's rows of the slot, in its order (staff copy last year's table)."""
        table = self.sibling
        if table is None:
            return []
        found = [
            Candidate(hit=indicator_hit(table, row_no), slot=slot, score=1.0)
            for row_no, indicator in enumerate(table.indicators, start=1)
            if slot_of(indicator) == slot and len(clean_name(indicator.name)) <= MAX_NAME
        ]
        return pick(found, need, self.taken)

    def _fits(self, slot: str, strict: bool) -> list[Candidate]:
        said = brief_words(self.brief)
        kind = type_of(self.facts.main_type)
        alien = tuple(kind.foreign) if kind else ()
        fits = [
            c
            for c in usable(self.scored(slot))
            if _fits(c, self.topic, self.facts, strict)
            and not foreign_work(c.hit.indicator.name, said)
            and not (alien and any(w in c.hit.indicator.name for w in alien))
        ]
        # '视频监控在线率' beside the brief's '设备在线率': one rate of one thing
        rates = {r.name[-3:] for r in self.rows if slot_of(r) == slot and r.name.endswith("率")}
        fits = [c for c in fits if c.hit.indicator.name[-3:] not in rates]
        if slot != "数量":
            return fits
        # one count per unit or figure: 检查家次 and 检查企业数量 (both 家次), 送戏进万村行政村
        # 数量 ≥70个 and 开展送戏进万村 ≥70村 say one thing
        counts = [r.value for r in self.rows if slot_of(r) == "数量"]
        units = {v.unit for v in counts if v.unit}
        assumed = {a.row for a in self.assumed}  # an assumed '≥1项' says no figure of the brief
        numbers = {
            r.value.number for r in self.rows
            if slot_of(r) == "数量" and r.value.number and r.name not in assumed
        }  # fmt: skip
        values = [IndicatorValue.parse(c.hit.indicator.value.raw) for c in fits]
        return [
            c for c, v in zip(fits, values, strict=True)
            if v.unit not in units and (v.number is None or v.number not in numbers)
        ]  # fmt: skip

    def _portable(self, row: Indicator) -> bool:
        """A borrowed 效益 count (people, places, cases: '≥29人', '<9件') is that project's own
        figure; rates, words and lengths of time travel, and the sibling's counts may stay."""
        own = self.sibling is not None and row.source and row.source.table_id == self.sibling.id
        value = row.value
        counted = value.kind == "quantitative" and value.unit not in _PORTABLE_UNITS
        return bool(own) or not counted

    def _own_year(self, row: Indicator) -> bool:
        """A borrowed date must be in the draft's year: another project's '2023年底' moved four
        years is still that project's multi-year deadline."""
        years = {int(y) for y in re.findall(r"(?:19|20)\d{2}(?=年)", row.value.raw)}
        return not years or years == {self.year}

    def _about(self, cand: Candidate) -> bool:
        if self.sibling is not None and cand.hit.table_id == self.sibling.id:
            return True
        return bool(subject_words(cand.hit.indicator.name) & subject_words(self.topic))


def _flagged(row: Indicator) -> bool:
    """What the review warns of in another table's row ('为全市经济发展保驾护航 正面支撑': no
    measure; '长效管理制度健全性': routine) is no row to copy into a draft."""
    words_only = slot_of(row) not in ("时效", "成本") and not is_measurable(row.value.raw)
    return words_only or is_routine(row)


def _clean(row: Indicator) -> Indicator:
    return row.model_copy(update={"name": clean_name(row.name)})


def _fits(cand: Candidate, topic: str, facts: ProjectFacts, strict: bool) -> bool:
    """Shares a word of the brief's objects (beyond its type's own words, when the slot already
    has the brief's rows: '主体班培训人次' is another school's class), or is standard for the type."""
    name = clean_name(cand.hit.indicator.name)
    if len(name) > MAX_NAME:
        return False  # a sentence of another project, not an indicator
    shared = subject_words(name) & subject_words(topic)
    if strict:
        kind = type_of(facts.main_type)
        shared -= set(kind.triggers) if kind else set()
    if shared and (cand.slot not in ("数量", "质量", "时效", "效益") or _mostly_about(name, topic)):
        return True
    return not strict and is_standard(name, facts.types, cand.slot)


def _mostly_about(name: str, topic: str) -> bool:
    """Enough of a borrowed count's or standard's object is the brief's: '农村义务教育学校改造覆盖率'
    shares only 农村 with a 送戏进万村 brief, and counts another project's schools."""
    own, brief = topic_bigrams(name), topic_bigrams(topic)
    return bool(own) and sum(1 for g in own if g in brief) / len(own) >= OBJECT_OVERLAP


def _of_kind(table_name: str, types: list[str]) -> bool:
    """The table's main type, or its family, is one of the brief's types: a word in common
    (技术服务) makes no 燃气检查 table the source of a 科技特派员 budget, and a 运维 table's
    software split is no 等保测评 budget."""
    return bool(_kinds_of(table_name) & set(types))


@lru_cache(maxsize=1024)
def _kinds_of(table_name: str) -> frozenset[str]:
    """A table's main type and its family (cached: every draft asks of the same tables)."""
    main = next(iter(classify(table_name, table_name)), "")
    return frozenset({main, family_of(main)})


def _costs(
    facts: ProjectFacts,
    retrieved: Retrieved,
    topic: str,
    cost_source,
    layout: str,
    table_name,
    sibling: TargetTable | None = None,
) -> list[Indicator]:
    """No cost lines in the brief: one total row, or the split of an on-topic table's costs."""
    scored = usable(
        score_candidates(
            "成本", retrieved.indicators.get("成本", []), retrieved.query, retrieved.projects
        )
    )
    on_topic = [
        c
        for c in scored
        if same_subject(name := table_name(c.hit.table_id), topic) and _of_kind(name, facts.types)
    ]
    if sibling is not None:
        on_topic = [c for c in scored if c.hit.table_id == sibling.id] or on_topic
    sources: list[IndicatorHit] = cost_source(on_topic) if on_topic else []
    kind = type_of(facts.main_type)
    alien = tuple(kind.foreign) if kind else ()
    if any(w in h.indicator.name for h in sources for w in alien):
        sources = []  # a broadcast network's upkeep splits no 软件系统维护成本 off an IT table
    return cost_rows(facts.budget, sources, layout, kind.cost_name if kind else TOTAL_COST_NAME)
