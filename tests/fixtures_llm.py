"""LLM-layer fixtures: a draft made of real corpus rows, what was retrieved for it, fake chat models.

The draft is assembled by hand (not by the embedded drafter) so the recorded replies in
tests/fixtures/llm_replies/, whose 来源 tags point at its rows (D1…D7), stay valid while the
drafter evolves. Every row is a real row of a seed table, cited by table id and row.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPLIES_DIR = Path(__file__).parent / "fixtures" / "llm_replies"
BRIEF_TEXT = (
    "2026年开展燃气管道安全巡检，预算80万元，巡检燃气管道和场站，发现隐患及时反馈企业整改。"
)
BRIEF_TEXT_NO_BUDGET = "2026年开展燃气管道安全巡检，巡检燃气管道和场站，发现隐患及时反馈企业整改。"

# (table id, 1-based row) of the real rows the draft is made of, in draft order (D1…D7).
DRAFT_ROWS = [
    ("000_0a362c379c5850c5-2", 1),  # 检查家次 ≥200家次
    ("000_0a362c379c5850c5-2", 2),  # 项目验收 出具验收意见
    ("000_0a362c379c5850c5-2", 3),  # 检查问题反馈时限 ≤30日
    ("000_0a362c379c5850c5-2", 4),  # 项目实际成本控制 (money: rewritten from the budget)
    ("000_0a362c379c5850c5-2", 5),  # 检查燃气用户数量 ≥100户次
    ("000_0a362c379c5850c5-1", 6),  # 检查复查率 ≥90%
    ("000_0a362c379c5850c5-1", 7),  # 服务对象满意度 ≥90%
]
EXAMPLE_IDS = ["000_0a362c379c5850c5-2", "000_0a362c379c5850c5-1"]


def data_blocks(prompt: str) -> str:
    """What a prompt holds between <<<DATA … DATA>>> (data, never instructions)."""
    from assistant.llm.lines import DATA_CLOSE, DATA_OPEN

    return "\n".join(re.findall(rf"{DATA_OPEN}\n(.*?)\n{DATA_CLOSE}", prompt, flags=re.S))


def reply(name: str) -> str:
    """A recorded reply by file stem (see tests/fixtures/llm_replies/README.md)."""
    return (REPLIES_DIR / f"{name}.txt").read_text(encoding="utf-8")


def make_draft(tables, budget: float | None):
    """The 7-row 燃气管道巡检 draft; without a budget its cost row is qualitative (no money)."""
    from assistant.citations import row_citation
    from assistant.rules import review
    from assistant.schema import Budget, Draft, IndicatorValue, ProjectBrief, TargetTable

    by_id = {t.id: t for t in tables}
    rows = []
    for table_id, row in DRAFT_ROWS:
        source = row_citation(by_id[table_id], row)
        rows.append(by_id[table_id].indicators[row - 1].model_copy(update={"source": source}))
    cost = rows[3]
    if budget is None:
        value, rule = IndicatorValue.parse("控制在批复预算内"), "未提供预算，不编造金额"
    else:
        value, rule = IndicatorValue.parse(f"≤{budget:g}万元"), f"按新预算{budget:g}万元重算"
    rows[3] = cost.model_copy(
        update={"value": value, "source": cost.source.model_copy(update={"rule": rule})}
    )
    money = Budget(total=budget, fiscal=budget)
    text = BRIEF_TEXT if budget is not None else BRIEF_TEXT_NO_BUDGET
    brief = ProjectBrief(text=text, name="2026年燃气管道安全巡检", year=2026, budget=money)
    table = TargetTable(name=brief.name, year=2026, budget=money, purpose=text, indicators=rows)
    assumptions = [] if budget is not None else ["未提供预算：成本指标暂按定性填写，没有编造金额。"]
    return Draft(
        brief=brief,
        table=table,
        findings=review(table),
        assumptions=assumptions,
        based_on=EXAMPLE_IDS,
    )


def make_retrieved(tables):
    """What a drafter would have retrieved: the two source tables + a few slot candidates."""
    from assistant.drafting.retriever import Retrieved
    from assistant.schema import IndicatorHit, MatchScores, ProjectHit

    by_id = {t.id: t for t in tables}
    projects = [ProjectHit(table=by_id[i], scores=MatchScores(fused=0.5)) for i in EXAMPLE_IDS]
    hits = {}
    for slot, (table_id, row) in {"数量": DRAFT_ROWS[0], "效益": DRAFT_ROWS[5]}.items():
        table = by_id[table_id]
        hits[slot] = [
            IndicatorHit(
                table_id=table_id,
                table_name=table.name,
                row=row,
                indicator=table.indicators[row - 1],
                year=table.year,
                budget_total=table.budget.total,
                scores=MatchScores(fused=0.4),
            )
        ]
    return Retrieved(query=BRIEF_TEXT, projects=projects, indicators=hits)


@pytest.fixture
def llm_draft(corpus_tables):
    return make_draft(corpus_tables, budget=80.0)


@pytest.fixture
def llm_draft_no_budget(corpus_tables):
    return make_draft(corpus_tables, budget=None)


@pytest.fixture
def llm_retrieved(corpus_tables):
    return make_retrieved(corpus_tables)


class PromptRecorder:
    """Callback handler that keeps every prompt (list of messages) a chat model was sent."""

    def __init__(self):
        from langchain_core.callbacks import BaseCallbackHandler

        recorder = self

        class _Handler(BaseCallbackHandler):
            def on_chat_model_start(self, serialized, messages, **kwargs):
                recorder.prompts.append(messages[0])

        self.prompts: list = []
        self.handler = _Handler()

    def text(self, n: int) -> str:
        """Prompt n (0-based) as one string: every message's text, in order."""
        return "\n".join(m.text for m in self.prompts[n])


@pytest.fixture
def fake_chat():
    """Factory: a FakeListChatModel replaying `replies` in order, plus its PromptRecorder."""
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    def build(*replies: str):
        recorder = PromptRecorder()
        model = FakeListChatModel(responses=list(replies), callbacks=[recorder.handler])
        return model, recorder

    return build
