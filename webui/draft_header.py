"""The current draft in the page: its header fields and 绩效目标 (shown, editable), and the view
of grid, header + review and status every 起草 handler returns."""

from __future__ import annotations

import gradio as gr

from assistant.workbench.models import DraftSession, HeaderForm
from webui.render import draft_rows, findings_html, md_text, table_header_html

# Several project types, so a new user sees the assistant is not only for gas inspections.
EXAMPLE_BRIEFS = [
    ("燃气安全", "2026年燃气管道安全巡检，预算80万元"),
    ("农村供水", "2026年农村饮水安全工程供水管网维修，预算120万元，主管部门是县水务局"),
    ("生态环境", "2026年生态环境监测设备运行维护，预算150万元"),
    ("养老服务", "2026年社区老年人助餐服务，预算50万元"),
    ("城市管理", "2026年违法建筑拆除整治，预算300万元"),
    ("教育培训", "2026年基层干部业务培训，举办培训班10期，预算30万元"),
]
GREETING = (
    "您好！我是绩效目标助手。用一两句话描述要申报的项目——做什么、哪一年、预算多少、哪个单位——"
    "我会参照往年同类项目起草《项目支出绩效目标表》，每一行都注明参考来源。\n"
    "起草后可以继续用对话修改（例如「加一条水质合格率，不低于95%」「主管部门是县水务局」"
    "「撤销」），也可以直接改右侧的表头和表格；改完点「保存」，再「导出」交表。"
    "说「帮助」可查看能听懂的全部说法。"
)


class HeaderPanel:
    """项目名称, 主管部门, 实施单位, 年度, 预算 (财政/其他) and 绩效目标, with an apply button."""

    def __init__(self):
        with gr.Accordion("表头与绩效目标（可直接修改）", open=True, elem_id="draft-header"):
            with gr.Row():
                self.name = gr.Textbox(label="项目名称", elem_id="header-name", scale=3)
                self.year = gr.Number(label="年度", precision=0, elem_id="header-year", scale=1)
            with gr.Row():
                self.department = gr.Textbox(label="主管部门", elem_id="header-department")
                self.unit = gr.Textbox(label="实施单位", elem_id="header-unit")
            with gr.Row():
                self.total = gr.Number(label="预算数（万元）", elem_id="header-total")
                self.fiscal = gr.Number(label="其中：财政资金（万元）", elem_id="header-fiscal")
                self.other = gr.Number(label="其他资金（万元）", elem_id="header-other")
            self.goals = gr.Textbox(label="绩效目标（每行一条）", lines=3, elem_id="draft-goals")
            self.apply = gr.Button("应用表头和目标的修改", elem_id="header-apply")
        self.fields = [
            self.name,
            self.department,
            self.unit,
            self.year,
            self.total,
            self.fiscal,
            self.other,
            self.goals,
        ]


def header_values(session: DraftSession) -> tuple:
    """The header components' values for a session (all empty without a draft)."""
    if session.draft is None:
        return "", "", "", None, None, None, None, ""
    table = session.draft.table
    budget = table.budget
    return (
        table.name,
        table.department.name,
        table.implementing_unit,
        table.year,
        budget.total,
        budget.fiscal,
        budget.other,
        "\n".join(table.goals),
    )


def form_from(name, department, unit, year, total, fiscal, other, goals) -> HeaderForm:
    """The header components' values as a HeaderForm."""
    return HeaderForm(
        name=name or "",
        department=department or "",
        unit=unit or "",
        year=int(year) if year else None,
        total=total,
        fiscal=fiscal,
        other=other,
        goals=goals or "",
    )


def draft_view(session: DraftSession) -> tuple[list[list[str]], str, str]:
    """Grid rows, the header + review HTML and a status line for a session."""
    draft = session.draft
    if draft is None:
        return [], "<p>还没有草稿。在左侧描述项目即可开始。</p>", "尚未起草"
    saved = f"已保存为第 {session.version} 版" if session.draft_id else "未保存"
    if session.unsaved:
        saved = "有未保存的手工修改"
    status = f"**{md_text(draft.table.name)}** · {len(draft.table.indicators)} 行 · {saved}"
    header = table_header_html(draft.table)
    return draft_rows(draft.table), header + findings_html(draft.findings), status
