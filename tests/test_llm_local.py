"""Opt-in: the LLM layer against a real local GGUF model through llama-cpp-python.

Runs only when JXMB_LLM (environment or .env) names a llamacpp model file that exists and
llama-cpp-python is installed (`make llm-local` sets this up); skipped otherwise. Asserts the
invariants that hold whatever the model writes: the result passes review, every row is cited,
and the model is loaded once per process.
"""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path

import pytest

from assistant.llm import LLMRefiner
from assistant.settings import get_settings

pytestmark = pytest.mark.llm_local


def _configured_model() -> str | None:
    config = get_settings().llm
    if not config.startswith("llamacpp:") or importlib.util.find_spec("llama_cpp") is None:
        return None
    return config if Path(config.partition(":")[2]).expanduser().is_file() else None


@pytest.fixture(scope="module")
def local_chat():
    config = _configured_model()
    if config is None:
        pytest.skip("没有配置本地模型（运行 make llm-local 后 JXMB_LLM=llamacpp:<文件>）")
    from assistant.llm import make_chat_model

    settings = get_settings()
    started = time.perf_counter()
    model = make_chat_model(settings)
    print(f"\n模型加载 {time.perf_counter() - started:.1f}s：{config}")
    return model


def test_model_is_loaded_once_per_process(local_chat):
    from assistant.llm import make_chat_model

    again = make_chat_model(get_settings())
    assert again.load()[0] is local_chat.load()[0]


def test_refine_with_a_real_model_never_returns_an_invalid_table(
    local_chat, llm_draft, llm_retrieved
):
    from assistant.llm import refine
    from assistant.rules import has_errors, review

    started, first_row = time.perf_counter(), []

    def progress(message, rows):
        if rows and not first_row:
            first_row.append(time.perf_counter() - started)

    refined = refine(llm_draft, llm_retrieved, local_chat, max_retries=1, on_progress=progress)
    total = time.perf_counter() - started
    print(
        f"\n首行 {first_row[0] if first_row else float('nan'):.1f}s，全部 {total:.1f}s，"
        f"{len(refined.table.indicators)} 行，drafter={refined.drafter}；{refined.notes[-1:]}"
    )
    assert not has_errors(review(refined.table))
    assert all(r.source and (r.source.table_id or r.source.rule) for r in refined.table.indicators)
    if refined.drafter == "embedded":
        assert "LLM 改写未采用" in refined.notes[-1].text
    else:
        assert first_row, "a streamed reply reports its first row"


def test_parse_edit_with_a_real_model(local_chat, llm_draft):
    from assistant.llm import parse_edit

    started = time.perf_counter()
    edit = parse_edit("把第3行的指标值改成不超过15日", llm_draft, local_chat)
    print(f"\nparse_edit {time.perf_counter() - started:.1f}s → {edit}")
    assert edit is None or edit.kind in {"set_value", "rename", "regenerate_slot"}


@pytest.mark.parametrize(
    "brief",
    [
        "2026年开展燃气管道安全巡检，预算80万元，巡检燃气管道和场站，发现隐患及时反馈企业整改。",
        "开展生态环境宣传活动，提升公众环保意识",  # no budget: no money may appear
    ],
)
def test_drafter_with_a_real_model_drafts_valid_cited_tables(local_chat, corpus_tables, brief):
    from assistant.drafting.engine import Drafter
    from assistant.drafting.retriever import MemoryRetriever
    from assistant.llm.repair import is_money_cost
    from assistant.rules import has_errors, review

    started = time.perf_counter()
    draft = Drafter(MemoryRetriever(corpus_tables), refiner=LLMRefiner(local_chat)).draft(brief)
    rows = draft.table.indicators
    print(f"\n{time.perf_counter() - started:.1f}s，{len(rows)} 行，drafter={draft.drafter}")
    print("\n".join(f"  {r.level2}|{r.name}|{r.value.raw}" for r in rows))
    assert not has_errors(review(draft.table))
    assert all(r.source and (r.source.table_id or r.source.rule) for r in rows)
    if draft.drafter != "embedded":  # labelled with the file name, never the server's path
        assert draft.drafter == f"llamacpp:{Path(get_settings().llm.partition(':')[2]).name}"
    if draft.brief.budget.total is None:
        assert not any(is_money_cost(r) for r in rows)
