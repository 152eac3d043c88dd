"""导入 tab: upload a file, preview its parse and review, then add it to the corpus and the index;
or file many files (or a .zip of a folder) at once with a progress bar and a report per file."""

from __future__ import annotations

from html import escape

import gradio as gr

from assistant.bulk_import import BulkReport
from webui.common import UiContext, user_errors
from webui.render import md_text, table_html


def build(ctx: UiContext) -> None:
    wb = ctx.workbench
    upload = gr.File(
        label="上传目标表文件（.txt / .docx / .xlsx）",
        # No file_types: gradio would refuse other types with an English message; the importer
        # refuses them in Chinese and names the allowed types (.txt/.docx/.xlsx).
        type="filepath",
        elem_id="import-file",
    )
    preview = gr.HTML(elem_id="import-preview")
    add = gr.Button("加入语料库", variant="primary", elem_id="import-add")
    status = gr.Markdown(elem_id="import-status")

    @user_errors
    def on_preview(path):
        if not path:
            return "", ""
        shown = wb.preview_import(path)
        parts = [f"<p>解析出 {len(shown)} 张表。确认无误后点击「加入语料库」。</p>"]
        parts += [table_html(item.table, item.findings) for item in shown]
        return "<hr>".join(parts), ""

    upload.change(on_preview, [upload], [preview, status], api_name="preview_import")

    @user_errors
    def on_add(path, progress=gr.Progress()):  # noqa: B008 (gradio injects it)
        if not path:
            raise gr.Error("请先上传文件。")
        progress(0.1, desc="正在写入语料库并更新索引……")
        tables = wb.import_to_corpus(path)
        names = "、".join(f"「{md_text(t.name)}」（{md_text(t.id)}）" for t in tables)
        return f"已加入语料库并更新索引：{names}。现在可以在「检索」中找到它们。"

    add.click(on_add, [upload], [status], api_name="add_to_corpus")

    gr.Markdown("### 批量导入")
    many = gr.File(
        label="多个文件，或把文件夹打包成 .zip 上传（.txt / .docx / .xlsx）",
        file_count="multiple",
        type="filepath",
        elem_id="import-many",
    )
    add_many = gr.Button("全部加入语料库", elem_id="import-many-add")
    many_report = gr.HTML(elem_id="import-many-report")

    @user_errors
    def on_add_many(paths, progress=gr.Progress()):  # noqa: B008 (gradio injects it)
        if not paths:
            raise gr.Error("请先选择文件或 .zip。")

        def step(done: int, total: int, name: str) -> None:
            progress((done, total), desc=f"正在导入 {name}" if name else "正在更新索引……")

        return bulk_report_html(wb.import_files(paths, progress=step))

    add_many.click(on_add_many, [many], [many_report], api_name="import_many")


def bulk_report_html(report: BulkReport) -> str:
    """The per-file report: tables and rows filed, notes, or why a file was refused."""
    rows = []
    for item in report.files:
        if item.refused:
            result, detail = "拒绝", escape(item.refused)
        else:
            result = f"已导入 {len(item.table_ids)} 张表，{item.rows} 行指标"
            detail = "<br>".join(escape(w) for w in item.warnings) or "—"
        rows.append(f"<tr><td>{escape(item.file)}</td><td>{result}</td><td>{detail}</td></tr>")
    return (
        f"<p>{escape(report.summary())}</p><table class='import-report'>"
        "<tr><th>文件</th><th>结果</th><th>提示 / 原因</th></tr>" + "".join(rows) + "</table>"
    )
