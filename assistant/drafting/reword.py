"""Retrieval gives the brief's own 数量 rows their wording and typical values.

A row the brief counted ('检查不少于220家次') keeps the brief's number and takes the name of a
similar real row with the same unit, citing it; a row the brief did not count ('开展巡检') takes
the name and value of a real row about the same object, as an assumption. Uncounted rows that
found nothing give way when the brief already counts two or more things: '≥1项' is padding then.
"""

from __future__ import annotations

from assistant.drafting.adapt import adapt_row
from assistant.drafting.compose import NO_COUNT_RULE
from assistant.drafting.facts import Assumption
from assistant.drafting.library_names import MAX_NAME, clean_name
from assistant.drafting.slots import Candidate, topic_bigrams
from assistant.drafting.subject import subject_words
from assistant.schema import Indicator, ProjectBrief
from assistant.taxonomy import slot_of

SAME_OBJECT = 0.3  # share of the real row's topic bigrams that must be the own row's words
KEEP_OWN = 0.5  # share of a counted row's own topic bigrams a real name must keep to replace it


def reword_quantities(
    rows: list[Indicator],
    candidates: list[Candidate],
    on_subject: list[Candidate],
    brief: ProjectBrief,
    year: int,
    assumed: list[Assumption],
) -> tuple[list[Indicator], list[Assumption]]:
    """Rows with 数量 wording and typical values from real rows; assumptions follow renames.

    A typical value is only taken from `on_subject` candidates (tables about the brief's
    subject): 985米 of a road underpass is no value for farmland roads.
    """
    used: set[tuple[str, int]] = set()
    out = []
    for row in rows:
        if slot_of(row) != "数量" or row.source is None or row.source.table_id:
            out.append(row)
            continue
        pool = candidates if row.source.rule != NO_COUNT_RULE else on_subject
        taken = {r.name for r in out} | {r.name for r in rows if r is not row}
        match = _match(row, pool, brief, year, used, taken)
        if match is None:
            out.append(row)
            continue
        cand, adapted = match
        used.add((cand.hit.table_id, cand.hit.row))
        new = _counted(row, adapted) if row.source.rule != NO_COUNT_RULE else adapted
        assumed = [_renamed(a, row, new) for a in assumed]
        out.append(new)
    return _without_padding(out, assumed)


def _match(row, candidates, brief, year, used, taken) -> tuple[Candidate, Indicator] | None:
    """The first candidate about the same object, with the row's unit when the brief counted it.
    A counted row keeps its own name when the real one drops most of its object
    ('检查危险化学品企业家次' is no '检查家次') or another row already has that name."""
    own = topic_bigrams(row.name)
    counted = row.source.rule != NO_COUNT_RULE
    for cand in candidates:
        if (cand.hit.table_id, cand.hit.row) in used:
            continue
        adapted = adapt_row(cand, brief, year)
        adapted = adapted.model_copy(update={"name": clean_name(adapted.name)})
        if len(adapted.name) > MAX_NAME or adapted.value.kind != "quantitative":
            continue
        if adapted.name in taken:
            continue
        if counted and adapted.value.unit != row.value.unit:
            continue
        if subject_words(adapted.name) - subject_words(brief.text or brief.name):
            continue  # '主体班培训人次' names another school's class: not the brief's teachers
        theirs = topic_bigrams(adapted.name)
        shared = len(set(own) & set(theirs))
        if counted and own and shared / len(set(own)) < KEEP_OWN:
            continue
        if own and theirs and shared / len(theirs) >= SAME_OBJECT:
            return cand, adapted
    return None


def _counted(row: Indicator, adapted: Indicator) -> Indicator:
    """The real row's name and citation, the brief's value."""
    rule = "；".join(p for p in (adapted.source.rule, f"指标值{row.source.rule}") if p)
    source = adapted.source.model_copy(update={"rule": rule})
    return row.model_copy(update={"name": adapted.name, "source": source})


def _renamed(note: Assumption, old: Indicator, new: Indicator) -> Assumption:
    if note.row != old.name:
        return note
    message = (
        f"项目描述未写「{old.name}」的数量，参照同类项目「{new.name}」{new.value.raw}填写，"
        "请按实际工作量修改。"
    )
    return note.model_copy(update={"row": new.name, "message": message})


_EVENT_UNITS = ("次", "期")


def _without_padding(
    rows: list[Indicator], assumed: list[Assumption]
) -> tuple[list[Indicator], list[Assumption]]:
    counted = [
        r for r in rows if slot_of(r) == "数量" and r.source and r.source.rule != NO_COUNT_RULE
    ]
    if len(counted) < 2:
        return rows, assumed
    # '≥1项' beside counted rows is padding; a campaign the brief names ('开展河湖“清四乱”专项行动',
    # '开展事后质量抽查') happens at least once, and its row says so
    padding = {
        r.name
        for r in rows
        if r.source and r.source.rule == NO_COUNT_RULE and r.value.unit not in _EVENT_UNITS
    }
    return (
        [r for r in rows if r.name not in padding],
        [a for a in assumed if a.row not in padding],
    )
