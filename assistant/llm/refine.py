"""The LLM edits the embedded draft; repairs and the review rules decide what is kept.

Flow: prompt (fixed instructions first, so llama.cpp reuses their KV cache) → streamed reply in
the compact line format (`replies.py`) → parse → repair (levels, citations, money) → review → on errors, re-ask
with the error messages (at most `max_retries` times) → else keep the embedded draft with a note.
An invalid table is never returned.
"""

from __future__ import annotations

import re
import time
from functools import cache
from typing import NamedTuple

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage

from assistant.citations import row_citation
from assistant.drafting.refiner import Progress
from assistant.drafting.retriever import Retrieved
from assistant.llm.lines import (
    LINE_FORMAT,
    clean_block,
    clean_cell,
    format_row,
    format_rows,
    parse_reply,
)
from assistant.llm.repair import (
    CitableRow,
    adapt_added_rows,
    cap_rows,
    cite_rows,
    fix_costs,
    order_rows,
)
from assistant.llm.replies import Reply, ask, structured_refiner
from assistant.prompts import load, render
from assistant.rules import has_errors, review
from assistant.schema import Draft, Finding, Note, TargetTable

EXAMPLE_TAGS = ("A", "B")
ROWS_PER_EXAMPLE = 4  # every prompt token costs ~12 ms on 2 cores (1.5B model)
MAX_PROBLEMS_SHOWN = 8
TITLE_CHARS = 24  # past tables' names only set the scene
_EXAMPLE_LINE_RE = re.compile(r"^[A-Z]\d{1,3}\|[^|]+\|")
_DRAFT_TAG_RE = re.compile(r"D(\d+)")
# A reply first reads its prompt before its first row: the draft's data (~300 tokens, ~12 ms each
# on 2 cores, the fixed instructions cached), or for a re-ask also the first reply and the
# problems (~300 more). With less time left than this, no ask starts: it could not finish.
ASK_SECONDS, REASK_SECONDS = 5.0, 8.0


class Example(NamedTuple):
    """A past table shown to the model, with the 1-based rows kept (trimmed to what matters)."""

    table: TargetTable
    rows: list[int]


class Attempt(NamedTuple):
    """One reply turned into a candidate draft (None when nothing usable) and what was wrong."""

    draft: Draft | None
    problems: list[str]


def select_examples(draft: Draft, retrieved: Retrieved | None) -> dict[str, Example]:
    """The 2 most similar past tables, each trimmed to the rows that matter for this draft.

    A row matters when the drafter retrieved it for a slot, or when it fills a 二级 the draft
    has; rows the draft already shows and money rows of other projects (their amounts would
    only mislead) are left out.
    """
    if retrieved is None:
        return {}
    hit_rows = {(h.table_id, h.row) for hits in retrieved.indicators.values() for h in hits}
    draft_level2 = {i.level2 for i in draft.table.indicators}
    in_draft = {i.name for i in draft.table.indicators}
    in_draft |= {(i.source.table_id, i.source.row) for i in draft.table.indicators if i.source}
    tables = list({hit.table.id: hit.table for hit in retrieved.projects}.values())
    examples = {}
    for tag, table in zip(EXAMPLE_TAGS, tables, strict=False):
        scored = []
        for row, indicator in enumerate(table.indicators, 1):
            if {(table.id, row), indicator.name} & in_draft:
                continue  # already shown as a D row
            score = 2 * ((table.id, row) in hit_rows) + (indicator.level2 in draft_level2)
            if score and indicator.value.unit not in {"万元", "元"}:
                scored.append((-score, row))
        keep = sorted(row for _, row in sorted(scored)[:ROWS_PER_EXAMPLE])
        if keep:
            examples[tag] = Example(table, keep)
    return examples


def _example_block(examples: dict[str, Example]) -> str:
    blocks = []
    for tag, example in examples.items():
        rows = [
            format_row(example.table.indicators[row - 1], f"{tag}{row}") for row in example.rows
        ]
        title = clean_cell(example.table.name)[:TITLE_CHARS]
        blocks.append("\n".join([f"参考表{tag}《{title}》", *rows]))
    return "\n".join(blocks) or "参考表：无"


def refine_messages(draft: Draft, examples: dict[str, Example]) -> list[BaseMessage]:
    """System instructions (fixed) + this draft's data inside the data delimiters."""
    brief = draft.brief
    total = brief.budget.total
    human = render(
        "draft_refine",
        brief=clean_block(brief.text or brief.name) or "无",
        year=brief.year or draft.table.year or "未提供",
        budget=f"{total:g}万元" if total is not None else "未提供（不要编造金额）",
        draft_rows=format_rows(draft.table.indicators, "D"),
        examples=_example_block(examples),
    )
    return [SystemMessage(render("draft_refine_system")), HumanMessage(human)]


@cache
def example_names() -> frozenset[str]:
    """三级 names of the format example inside the system prompt (small models copy them)."""
    lines = load("draft_refine_system").splitlines()
    return frozenset(line.split("|")[1] for line in lines if _EXAMPLE_LINE_RE.match(line))


def citable_rows(draft: Draft, examples: dict[str, Example]) -> dict[str, CitableRow]:
    """Every row the model was shown, by its 来源 tag."""
    citable = {f"D{n}": CitableRow(i, i.source) for n, i in enumerate(draft.table.indicators, 1)}
    for tag, example in examples.items():
        for row in example.rows:
            indicator = example.table.indicators[row - 1]
            citable[f"{tag}{row}"] = CitableRow(indicator, row_citation(example.table, row))
    return citable


def _error_lines(findings: list[Finding]) -> list[str]:
    """Review errors as lines for the re-ask (the messages already name the row)."""
    return [f"- {f.message}" for f in findings if f.severity == "error"][:MAX_PROBLEMS_SHOWN]


def build_candidate(reply: str, draft: Draft, examples: dict[str, Example]) -> Attempt:
    """Parse, repair and review one reply."""
    citable = citable_rows(draft, examples)
    parsed = parse_reply(reply, {tag: row.indicator for tag, row in citable.items()})
    if not parsed.rows:
        return Attempt(None, [f"- 没有读到任何指标行：每行应为 {LINE_FORMAT}"])
    rows, notes = cite_rows(parsed.rows, draft.table.layout, citable, example_names())
    rows, adapt_notes = adapt_added_rows(rows, draft, [e.table for e in examples.values()])
    rows, cost_notes = fix_costs(rows, draft)
    rows, cap_notes = cap_rows(rows, draft)
    table = draft.table.model_copy(update={"indicators": order_rows(rows, draft)})
    findings = review(table)
    if has_errors(findings):
        problems = _error_lines(findings)
        problems += [f"- 无法读取的行：{line}" for line in parsed.rejected[:3]]
        return Attempt(None, problems)
    cited_tables = [r.source.table_id for r in rows if r.source and r.source.table_id]
    candidate = draft.model_copy(
        update={
            "table": table,
            "findings": findings,
            "notes": list(
                dict.fromkeys([*draft.notes, *notes, *adapt_notes, *cost_notes, *cap_notes])
            ),
            "based_on": list(dict.fromkeys([*draft.based_on, *cited_tables])),
        }
    )
    return Attempt(candidate, [])


def llm_label(chat_model: BaseChatModel) -> str:
    """The config string a model was built from (for Draft.drafter), else its type."""
    return (chat_model.metadata or {}).get("jxmb_llm") or f"llm:{chat_model._llm_type}"


def _keep_embedded(draft: Draft, reason: str) -> Draft:
    note = Note(code="llm-kept", text=f"LLM 改写未采用（{reason}），保留内置草稿。")
    return draft.model_copy(update={"notes": [*draft.notes, note], "llm_outcome": note})


def _accepted(refined: Draft, draft: Draft, attempt: int, chat_model: BaseChatModel) -> Draft:
    """The refined draft labelled with the model and a note on how much it changed."""
    before = {(i.level2, i.name, i.value.raw) for i in draft.table.indicators}
    after = [(i.level2, i.name, i.value.raw) for i in refined.table.indicators]
    changed = sum(row not in before for row in after) + max(len(before) - len(after), 0)
    what = f"改写了 {changed} 行" if changed else "审阅后未作改动"
    note = Note(code="llm-accepted", text=f"LLM {what}（第 {attempt + 1} 次回复通过审核）")
    return refined.model_copy(
        update={
            "drafter": llm_label(chat_model),
            "notes": [*refined.notes, note],
            "llm_outcome": note,
        }
    )


def _rest_of_draft(reply: Reply, draft: Draft, shown: dict) -> tuple[str, Note | None]:
    """A reply the deadline cut short, with bare tags keeping the draft rows after the last one
    it reached (the model rewrites in the draft's order, so those it never got to); a whole
    reply as it is."""
    if not reply.cut:
        return reply.text, None
    tags = [_DRAFT_TAG_RE.fullmatch(r.ref.upper()) for r in parse_reply(reply.text, shown).rows]
    last = max((int(tag.group(1)) for tag in tags if tag), default=0)
    rest = [f"D{n}" for n in range(last + 1, len(draft.table.indicators) + 1)]
    note = Note(
        code="llm-cut",
        text=f"LLM 到时未写完：改写到草稿第 {last} 行为止，其后各行保留内置草稿。",
    )
    return "\n".join([reply.text.rstrip("\n"), *rest]), note


def _progress(on_progress: Progress | None, attempt: int) -> None:
    if on_progress is not None:
        message = (
            "正在请 LLM 改写草稿…" if attempt == 0 else f"第 {attempt} 次回复未通过审核，正在重试…"
        )
        on_progress(message, [])


def _too_late(deadline: float | None, attempt: int) -> str:
    """Why no ask starts now (too little time left to finish one), else ''."""
    left = None if deadline is None else deadline - time.monotonic()
    if left is None or left >= (REASK_SECONDS if attempt else ASK_SECONDS):
        return ""
    why = "回复未通过审核，来不及重问" if attempt else "来不及改写"
    return f"时限只剩 {max(left, 0):.1f} 秒，{why}"


def _from_reply(
    reply: Reply, draft: Draft, examples: dict[str, Example], shown: dict, attempt: int, model
) -> Attempt:
    """A reply (cut or whole) as a candidate draft, accepted and noted when it passes review."""
    text, cut_note = _rest_of_draft(reply, draft, shown)
    result = build_candidate(text, draft, examples)
    if result.draft is None:
        return result
    accepted = _accepted(result.draft, draft, attempt, model)
    notes = [*accepted.notes, cut_note] if cut_note else accepted.notes
    return Attempt(accepted.model_copy(update={"notes": notes}), [])


def refine(
    draft: Draft,
    retrieved: Retrieved | None,
    chat_model: BaseChatModel,
    max_retries: int = 2,
    on_progress: Progress | None = None,
    seconds: float | None = None,
) -> Draft:
    """The draft as rewritten by the LLM if the result passes review, else the draft unchanged + a note.

    `seconds` bounds the whole refine: a streamed reply still running then is cut, the draft
    rows it did not reach are kept as they are, and no ask starts that could not finish.
    """
    deadline = None if seconds is None else time.monotonic() + seconds
    examples = select_examples(draft, retrieved)
    messages = refine_messages(draft, examples)
    shown = {tag: row.indicator for tag, row in citable_rows(draft, examples).items()}
    structured = structured_refiner(chat_model)
    problems: list[str] = []
    for attempt in range(max_retries + 1):
        if late := _too_late(deadline, attempt):
            return _keep_embedded(draft, late)
        _progress(on_progress, attempt)
        try:
            reply = ask(chat_model, structured, messages, on_progress, shown, deadline)
        except Exception as exc:  # the LLM is optional: any failure keeps the embedded draft
            return _keep_embedded(draft, f"调用 LLM 失败：{type(exc).__name__}")
        structured = reply.structured
        if reply.cut and not parse_reply(reply.text, shown).rows:
            return _keep_embedded(draft, f"{seconds:.0f} 秒时限内没有写出任何一行")
        result = _from_reply(reply, draft, examples, shown, attempt, chat_model)
        if result.draft is not None:
            return result.draft
        problems = result.problems
        messages = [
            *messages,
            AIMessage(reply.text),
            HumanMessage(render("draft_retry", problems="\n".join(problems))),
        ]
    reason = f"{max_retries + 1} 次回复都未通过审核：" + "；".join(
        p.lstrip("- ") for p in problems[:3]
    )
    return _keep_embedded(draft, reason)
