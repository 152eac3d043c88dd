"""What the drafting chat says: replies about a draft, questions for a missing brief field, and
the LLM refinement run in the background so its progress can be shown."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator

from assistant.drafting.refiner import Refiner
from assistant.schema import Draft


def ask_for_missing(lacking: list[str]) -> str:
    return (
        f"要起草这张表，还缺少：{'、'.join(lacking)}。请补充，例如「预算80万元」「2026年」。"
        "如果暂时不清楚，回复「直接起草」，我会先按已知信息起草并写明假设。"
    )


def offer_new_draft(title: str, version: int | None) -> str:
    """The answer to a new brief while a draft is open: start a new draft, or go on editing."""
    kept = f"当前草稿「{title}」已保存" + (f"为第{version}版" if version else "")
    return (
        "这看起来是一个新项目的描述。要为它新建一张草稿吗？回复「新建」即开始起草"
        f"（{kept}，可在「我的草稿」中再打开）。\n"
        "如果是要修改当前草稿，请换个说法，例如「把第2行改为≥95%」；说「帮助」可查看能听懂的说法。"
    )


def draft_reply(draft: Draft) -> str:
    """The chat's summary of a new draft: size, review result, assumptions and open questions."""
    errors = sum(1 for f in draft.findings if f.severity == "error")
    lines = [
        f"已起草「{draft.table.name}」：{len(draft.table.indicators)} 行指标，"
        f"参考了 {len(draft.based_on)} 张往年表；审核发现 {errors} 个错误、"
        f"{len(draft.findings) - errors} 个警告。",
    ]
    lines += [f"假设：{a.text}" for a in draft.assumptions]
    lines += [f"请补充：{q.text}" for q in draft.questions]
    lines.append(
        "可以继续用对话修改，例如「把第2行改为≥95%」「加一条水质合格率，不低于95%」「撤销」，"
        "也可以直接编辑右侧的表头和表格；说「帮助」可查看全部说法。"
    )
    return "\n".join(lines)


def refine_in_background(
    draft: Draft, retrieved, refiner: Refiner
) -> Iterator[tuple[str, Draft | None]]:
    """Run the LLM refinement in a thread, yielding its progress messages as they come, then
    ("", refined draft). A local model takes tens of seconds: the chat shows rows being written."""
    updates: queue.Queue = queue.Queue()
    outcome: dict[str, object] = {}

    def work() -> None:
        try:
            outcome["draft"] = refiner.refine(
                draft, retrieved, on_progress=lambda message, _rows: updates.put(message)
            )
        except BaseException as exc:  # handed to the caller's thread below
            outcome["error"] = exc
        finally:
            updates.put(None)

    threading.Thread(target=work, daemon=True).start()
    while (message := updates.get()) is not None:
        yield f"（{message}）", None
    if "error" in outcome:
        raise outcome["error"]
    yield "", outcome["draft"]


def refined_reply(draft: Draft) -> str:
    """The summary of the draft after the LLM's turn, then what the LLM did (or why not)."""
    outcome = (
        draft.llm_outcome.text if draft.llm_outcome else "已用大模型润色草稿，审核规则仍然生效。"
    )
    return f"{draft_reply(draft)}\n{outcome}"
