"""导入 tab: upload a file, preview its parse and review, then add it to the corpus and the index."""

from __future__ import annotations

import gradio as gr

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
