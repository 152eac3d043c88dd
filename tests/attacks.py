"""Round-2 attacks on the running app's objects, each with the check that says what happened.

Every attack is SYNTHETIC input made for these checks. An attack returns a Verdict, or raises
an AssistantError (the user would see its Chinese message: a clear error). tests/adversarial.py
runs them all and writes the counts into docs/security.md; tests/test_hardening_*.py hold the
precise regression tests.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from assistant import corpus
from assistant.importers import parse
from assistant.rules import review
from assistant.settings import Settings
from assistant.workbench.models import DraftSession, Owner
from tests.conftest import SEED_000, SEED_003

OWNER = Owner(id="user:adversary", name="adversary")
BRIEF = "2026年燃气管道安全巡检，预算80万元"
HIDDEN = "\u202e\u2066\u200b\ufeff\x07\x1b\x85\x9b\x7f"
NINES = "9" * 400


class Verdict(NamedTuple):
    outcome: str  # clear_error | handled | crash | data_loss | security
    detail: str = ""


def verdict(holds: bool, otherwise: str, detail: str = "") -> Verdict:
    return Verdict("handled" if holds else otherwise, detail)


@dataclass
class Lab:
    """The app's objects on a temp copy of the real corpus, and one drafted session."""

    root: Path
    settings: Settings
    wb: object  # assistant.services.Workbench

    @classmethod
    def start(cls, root: Path) -> Lab:
        from assistant.wiring import make_workbench as create_workbench

        settings = Settings(
            profile="test", data_dir=root / "data", corpus_dir=root / "corpus", _env_file=None
        )
        return cls(root, settings, create_workbench(settings))

    def close(self) -> None:
        self.wb.retriever.current.close()

    def chat(self, text: str, session: DraftSession | None = None) -> tuple[DraftSession, str]:
        *_, last = self.wb.chat(session or DraftSession(), text, OWNER)
        return last

    def drafted(self) -> DraftSession:
        return self.chat(BRIEF)[0]

    def small_corpus(self, name: str) -> Settings:
        """A fresh writable corpus of one real file (SEED_003), ingested."""
        folder = self.root / name / "corpus"
        folder.mkdir(parents=True)
        shutil.copy(SEED_003, folder / SEED_003.name)
        settings = Settings(
            profile="test", data_dir=folder.parent / "data", corpus_dir=folder, _env_file=None
        )
        corpus.run_ingest(settings)
        return settings


def rows_of(session: DraftSession) -> list[list[str]]:
    """The draft as the grid shows it (the last cell is the row's 编号)."""
    return [
        [i.level1, i.level2, i.name, i.description, i.value.raw, "", str(n)]
        for n, i in enumerate(session.draft.table.indicators, start=1)
    ]


def clean(text: str) -> bool:
    return not any(ch in text for ch in HIDDEN)


# ---------------------------------------------------------------- chat and briefs


def chat_markdown(lab: Lab) -> Verdict:
    from webui.layout import build_ui

    demo = build_ui(lab.wb, lab.settings)
    [chatbot] = [
        c["props"] for c in demo.config["components"] if c["props"].get("elem_id") == "draft-chat"
    ]
    return verdict(chatbot.get("render_markdown") is False, "security", "对话按 Markdown 渲染")


def brief_hidden(chars: str) -> Callable[[Lab], Verdict]:
    def run(lab: Lab) -> Verdict:
        session, _ = lab.chat(f"2026年燃气{chars}管道安全巡检，预算80万元")
        name = session.draft.table.name
        return verdict(clean(name) and "燃气管道" in name, "security", repr(name))

    return run


def brief_budget(text: str) -> Callable[[Lab], Verdict]:
    """A brief whose budget must be refused or asked about, never read as some other figure."""

    def run(lab: Lab) -> Verdict:
        session, _ = lab.chat(text)
        total = session.draft.table.budget.total if session.draft else None
        return Verdict("data_loss", f"预算读成 {total}")

    return run


def injected_name(text: str) -> Callable[[Lab], Verdict]:
    def run(lab: Lab) -> Verdict:
        session, _ = lab.chat(text)
        name = session.draft.table.name if session.draft else ""
        return verdict("忽略" not in name and "指令" not in name, "security", name)

    return run


def chat_edit(text: str, check: Callable[[DraftSession, DraftSession], bool], bad: str):
    def run(lab: Lab) -> Verdict:
        before = lab.drafted()
        after, reply = lab.chat(text, before)
        return verdict(check(before, after), bad, reply[:80])

    return run


def unchanged(before: DraftSession, after: DraftSession) -> bool:
    return (
        rows_of(before) == rows_of(after) and after.draft.table.budget == before.draft.table.budget
    )


def first_two_set(before: DraftSession, after: DraftSession) -> bool:
    values = [row[4] for row in rows_of(after)]
    return values[:2] == ["≥10家次", "≥95%"] and len(values) == len(rows_of(before))


def too_long(run_with_text: Callable[[Lab, str], object]) -> Callable[[Lab], Verdict]:
    def run(lab: Lab) -> Verdict:
        run_with_text(lab, "开展燃气管道安全巡检" * 2000)
        return Verdict("crash", "没有长度上限（占用处理线程）")

    return run


def long_pending(lab: Lab) -> Verdict:
    lab.chat("x" * 10, DraftSession(pending_text="燃气管道巡检" * 700))
    return Verdict("crash", "累积的描述没有长度上限")


# ---------------------------------------------------------------- grid, values, names


def grid(change: Callable[[list[list[str]]], list[list[str]]], check, bad: str):
    def run(lab: Lab) -> Verdict:
        session = lab.drafted()
        edited = lab.wb.edit_rows(session, change(rows_of(session)))
        return verdict(check(edited), bad)

    return run


def set_cell(row: int, column: int, text: str):
    def change(rows):
        rows[row][column] = text
        return rows

    return change


def set_cost_cell(column: int, text: str):
    """Change a cell of the draft's first 成本 row, wherever the drafter put it."""

    def change(rows):
        row = next(n for n, cells in enumerate(rows) if "成本" in cells[0] + cells[1])
        rows[row][column] = text
        return rows

    return change


def sane_values(session: DraftSession) -> bool:
    """No 指标值 in the draft is absurd (an absurd one is an error the repair step removes)."""
    return all(abs(i.value.number or 0) <= 1e12 for i in session.draft.table.indicators)


def huge_budget(lab: Lab) -> Verdict:
    table = lab.drafted().draft.table
    huge = table.model_copy(update={"budget": table.budget.model_copy(update={"total": 1e28})})
    return verdict(
        "R-BUDGET-RANGE" in {f.code for f in review(huge)}, "data_loss", "10^32 元通过审核"
    )


def export_named(suffix: str) -> Callable[[Lab], Verdict]:
    def run(lab: Lab) -> Verdict:
        session = lab.drafted()
        table = session.draft.table.model_copy(update={"name": f"燃气{HIDDEN}\x01巡检项目"})
        draft = session.draft.model_copy(update={"table": table})
        path = lab.wb.export(session.model_copy(update={"draft": draft}), suffix)
        [back] = parse(path)
        return verdict(clean(path.name) and back.name == "燃气巡检项目", "security", back.name)

    return run


def upload_name(lab: Lab) -> Verdict:
    stored = corpus.safe_file_name(f"报告{HIDDEN}txt.exe.txt")
    return verdict(clean(stored), "security", repr(stored))


def imported_name(lab: Lab) -> Verdict:
    from assistant.exporters import export_table

    table = parse(SEED_000)[0].model_copy(update={"name": f"燃气{HIDDEN}巡检"})
    path = lab.root / "hidden-name.xlsx"
    export_table(table, path)
    [back] = parse(path)
    return verdict(back.name == "燃气巡检", "security", repr(back.name))


def open_version(version) -> Callable[[Lab], Verdict]:
    def run(lab: Lab) -> Verdict:
        saved, _ = lab.wb.save(lab.drafted(), OWNER)
        lab.wb.open_draft(OWNER, saved.draft_id, version)
        return Verdict("crash", f"第 {version} 版被打开")

    return run


def compare_version(lab: Lab) -> Verdict:
    saved, _ = lab.wb.save(lab.drafted(), OWNER)
    lab.wb.resolve(f"draft:{saved.draft_id}@1e30", OWNER, saved)
    return Verdict("crash", "对比时打开了第 1e30 版")


def toast_html(lab: Lab) -> Verdict:
    """A draft id typed as HTML comes back in an error toast, which Gradio shows as HTML."""
    from webui.common import user_errors

    opened = user_errors(lambda: lab.wb.open_draft(OWNER, "<img src=http://127.0.0.1:9/a.png>"))
    try:
        opened()
    except Exception as exc:  # noqa: BLE001 (the gr.Error the toast shows)
        return verdict("<img" not in str(exc), "security", str(exc))
    return Verdict("crash", "不存在的草稿被打开")


def search_filter(field: int, value: float) -> Callable[[Lab], Verdict]:
    """A search filter field (1-2 years, 3-4 budgets) sent through the API as NaN, ∞ or 1e30."""

    def run(lab: Lab) -> Verdict:
        from webui.search_tab import run_search

        args = ["", None, None, None, None, "（全部）", "（全部）"]
        args[field] = value
        run_search(lab.wb, "燃气", "项目", *args)
        return Verdict("crash", f"筛选条件 {value} 被当作有效值")

    return run
