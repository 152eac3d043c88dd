"""检索 tab: projects or indicator rows, with filters; a selected project shows in full."""

from __future__ import annotations

import functools
import math

import gradio as gr

from assistant.errors import AssistantError
from assistant.schema import LEVEL1_NAMES, LEVEL2_PARENTS, SearchFilters
from assistant.services import Workbench
from assistant.textclean import clean_text, within_limit
from assistant.workbench.search_answers import asked_kind, one_line_answer
from webui.common import UiContext, user_errors
from webui.render import indicator_hits_html, project_hits_html, table_html

ANY = "（全部）"
MODES = ("项目", "指标")


def make_filters(
    department: str,
    year_min: float | None,
    year_max: float | None,
    budget_min: float | None,
    budget_max: float | None,
    level1: str | None,
    level2: str | None,
    max_chars: int = 200,
) -> SearchFilters | None:
    """Form fields → SearchFilters (None when nothing is set); inverted ranges, years that are
    no year and amounts that are no number (NaN, ∞) are errors."""
    for year in (year_min, year_max):
        if year and not 1900 <= year <= 2100:  # also NaN and ∞
            raise AssistantError("年度不对：请填写四位数年份，例如2025。")
    for amount in (budget_min, budget_max):
        if amount is not None and not math.isfinite(amount):
            raise AssistantError("预算范围不对：请填写数字（万元）。")
    department = within_limit(clean_text(department).strip(), max_chars, "单位", "max_search_chars")
    if year_min and year_max and year_min > year_max:
        raise AssistantError("年度范围不对：起始年度大于结束年度。")
    if budget_min is not None and budget_max is not None and budget_min > budget_max:
        raise AssistantError("预算范围不对：最小值大于最大值。")
    filters = SearchFilters(
        department=department or None,
        year_min=int(year_min) if year_min else None,
        year_max=int(year_max) if year_max else None,
        budget_min=budget_min,
        budget_max=budget_max,
        level1=None if level1 in (None, "", ANY) else level1,
        level2=None if level2 in (None, "", ANY) else level2,
    )
    return None if filters == SearchFilters() else filters


def run_search(wb: Workbench, text, mode_name, dept, ymin, ymax, bmin, bmax, l1, l2):
    """Results HTML, the pick list of tables found, and a cleared detail pane."""
    filters = make_filters(dept, ymin, ymax, bmin, bmax, l1, l2, wb.settings.max_search_chars)
    if mode_name == "指标":
        hits, spreads = wb.search_indicators(text, filters)
        tables = list(dict.fromkeys((h.table_name, h.table_id) for h in hits))
        answer = one_line_answer(asked_kind(text), hits)
        html = indicator_hits_html(hits, spreads, answer)
        return html, gr.update(choices=tables, value=None), ""
    if filters is not None:
        # 一级/二级 describe rows, not projects: ignore them in project mode.
        filters = filters.model_copy(update={"level1": None, "level2": None})
    hits = wb.search_projects(text, filters)
    choices = [(f"{h.table.name}（{h.table.id}）", h.table.id) for h in hits]
    return project_hits_html(hits), gr.update(choices=choices, value=None), ""


def show_table(wb: Workbench, table_id):
    """The whole picked table with its source file and review."""
    if not table_id:
        return ""
    shown = wb.corpus_table(table_id)
    return table_html(shown.table, shown.findings)


def _filter_fields() -> list:
    with gr.Row():
        department = gr.Textbox(label="单位（名称或代码的一部分）")
        year_min = gr.Number(label="年度从", precision=0, value=None)
        year_max = gr.Number(label="年度到", precision=0, value=None)
        budget_min = gr.Number(label="预算不少于（万元）", value=None)
        budget_max = gr.Number(label="预算不超过（万元）", value=None)
    with gr.Row():
        level1 = gr.Dropdown([ANY, *LEVEL1_NAMES], value=ANY, label="一级指标（指标模式）")
        level2 = gr.Dropdown([ANY, *LEVEL2_PARENTS], value=ANY, label="二级指标（指标模式）")
    return [department, year_min, year_max, budget_min, budget_max, level1, level2]


def build(ctx: UiContext) -> None:
    with gr.Row():
        query = gr.Textbox(
            label="检索内容",
            placeholder="例如：燃气安全检查；指标模式：满意度指标通常定多少？",
            scale=4,
            elem_id="search-query",
        )
        mode = gr.Radio(list(MODES), value="项目", label="检索对象", scale=1, elem_id="search-mode")
    with gr.Accordion("筛选条件", open=False):
        filters = _filter_fields()
    go = gr.Button("检索", variant="primary", elem_id="search-go")
    results = gr.HTML(elem_id="search-results")
    picked = gr.Dropdown(label="查看项目的完整表", choices=[], elem_id="search-pick")
    detail = gr.HTML(elem_id="search-detail")

    on_search = user_errors(functools.partial(run_search, ctx.workbench))
    outputs = [results, picked, detail]
    go.click(on_search, [query, mode, *filters], outputs, api_name="search")
    query.submit(on_search, [query, mode, *filters], outputs, api_visibility="private")
    on_pick = user_errors(functools.partial(show_table, ctx.workbench))
    picked.change(on_pick, [picked], [detail], api_name="show_table")
