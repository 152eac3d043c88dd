"""One end-to-end run in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

A new user types the example brief into the chat, waits for the draft grid, checks its rows,
edits a value by hand (the review must flag it) and a screenshot is saved under tmp_path.
Set JXMB_SCREENSHOT_DOCS=1 to also refresh docs/screenshot-draft.png (the README picture).

Every wait is on a condition: a cell is typed into only once its editor has the focus, and a
server round trip is over when the outputs' loading state has come and gone. On failure a
Playwright trace (`playwright show-trace`) is kept in test-results/.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.fixtures_app import BRIEF

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
TIMEOUT_MS = 90_000
TRACE_DIR = ROOT / "test-results"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium (make browser)"),
]


def _grid_rows(page) -> list[list[str]]:
    rows = page.locator("#draft-grid [role=row]")
    return [
        [c.strip() for c in rows.nth(n).locator("[role=gridcell]").all_inner_texts()]
        for n in range(1, rows.count())  # row 0 is the header
    ]


@contextlib.contextmanager
def _round_trip(page):
    """Wait until the event started inside the block has reached the server and its outputs
    are no longer pending (Gradio marks them pending before it sends the event)."""
    with page.expect_response(lambda r: "/queue/join" in r.url):
        yield
    from playwright.sync_api import expect

    expect(page.locator("#draft-review .pending, #draft-grid .pending")).to_have_count(0)


def _edit_cell(page, cell, text: str) -> None:
    """Type into one grid cell as a user does: open its editor, wait for the focus, replace."""
    from playwright.sync_api import expect

    cell.dblclick()
    editor = cell.locator("textarea[aria-label='Edit cell']")
    expect(editor).to_be_focused()
    editor.fill(text)
    expect(editor).to_have_value(text)
    with _round_trip(page):
        editor.press("Enter")


@contextlib.contextmanager
def _traced(browser, name: str):
    """A browser context whose Playwright trace is kept only when the test fails."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.tracing.start(screenshots=True, snapshots=True)
    try:
        yield context
    except BaseException:
        TRACE_DIR.mkdir(exist_ok=True)
        context.tracing.stop(path=str(TRACE_DIR / f"{name}.zip"))
        raise
    else:
        context.tracing.stop()
    finally:
        context.close()


def _chat(page, text: str) -> None:
    """Send one chat message and wait for the reply to finish."""
    page.locator("#draft-input textarea").fill(text)
    with _round_trip(page):
        page.locator("#draft-send").click()


@contextlib.contextmanager
def _app_page(app_server, name: str):
    """A page on the served app in a traced Chromium context (the trace kept on failure)."""
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            with _traced(browser, name) as context:
                page = context.new_page()
                page.set_default_timeout(TIMEOUT_MS)
                expect.set_options(timeout=TIMEOUT_MS)
                page.goto(app_server.url)
                yield page
        finally:
            browser.close()


def _first_draft(page) -> None:
    """A new user drafts from a brief: rows of every kind, each citing a past table's row."""
    from playwright.sync_api import expect

    expect(page.locator("#landing, #draft-chat").first).to_contain_text("绩效目标助手")
    _chat(page, BRIEF)
    expect(page.locator("#draft-status")).to_contain_text("已保存为第 1 版")
    rows = _grid_rows(page)
    assert len(rows) >= 6
    assert {r[0] for r in rows} >= {"产出指标", "效益指标", "满意度指标"}
    assert all(r[5] for r in rows), "every row shows its source"
    assert any("第" in r[5] and "行" in r[5] for r in rows), "来源 names a project and its row"
    assert "审核通过" in page.locator("#draft-review").inner_text()
    # A click on a 来源 cell shows the row it came from, with the past table's id.
    cited = next(n for n, r in enumerate(rows) if "市热燃中心" in r[5])
    page.locator("#draft-grid [role=row]").nth(cited + 1).locator("[role=gridcell]").nth(5).click()
    expect(page.locator("#draft-source")).to_contain_text("000_0a362c379c5850c5")


def _finish_in_words(page) -> None:
    """Add an indicator in plain words, answer the unit question, edit the goals, undo."""
    from playwright.sync_api import expect

    _chat(page, "增加一个指标：燃气管道巡检覆盖率不低于95%")
    added = page.locator("#draft-grid [role=row]").filter(has_text="燃气管道巡检覆盖率")
    expect(added).to_contain_text("≥95%")
    expect(added).to_contain_text("按用户要求")

    _chat(page, "主管部门是天津市城市管理委员会")
    expect(page.locator("#header-department textarea")).to_have_value("天津市城市管理委员会")

    goals = page.locator("#draft-goals textarea")
    before = goals.input_value()
    goals.fill("通过全年巡检燃气管道，及时消除隐患，保障城市燃气安全运行。")
    with _round_trip(page):
        page.locator("#header-apply").click()
    expect(goals).to_have_value("通过全年巡检燃气管道，及时消除隐患，保障城市燃气安全运行。")
    with _round_trip(page):
        page.locator("#draft-undo").click()
    expect(page.locator("#draft-chat")).to_contain_text("已撤销")
    expect(goals).to_have_value(before)


def _hand_edits(page) -> None:
    """Typed cells: a value over 100% is repaired and said so; markup stays text."""
    from playwright.sync_api import expect

    satisfaction = page.locator("#draft-grid [role=row]").filter(has_text="服务对象满意度指标")
    _edit_cell(page, satisfaction.first.locator("[role=gridcell]").nth(4), "≥120%")
    expect(page.get_by_text("已自动修正").first).to_be_visible()
    expect(satisfaction.first.locator("[role=gridcell]").nth(4)).to_contain_text("=100%")
    expect(page.locator("#draft-status")).to_contain_text("有未保存的手工修改")

    first_name = page.locator("#draft-grid [role=row]").nth(1).locator("[role=gridcell]").nth(2)
    _edit_cell(page, first_name, "<b>巡检</b><script>window.pwned=1</script>")
    expect(page.locator("#draft-grid")).to_contain_text("<b>巡检</b>")
    assert page.evaluate("window.pwned") is None
    assert page.locator("#draft-grid b, #draft-review b:text('巡检')").count() == 0


def _export_and_compare(page) -> None:
    from playwright.sync_api import expect

    page.locator("#export-xlsx").click()
    expect(page.locator("#draft-download")).to_contain_text(".xlsx")
    page.get_by_role("tab", name="对比").click()
    with _round_trip(page):
        page.locator("#cmp-sources").click()
    output = page.locator("#cmp-output")
    expect(output).to_contain_text("来自本表")
    expect(output).not_to_contain_text("删除")


def test_new_user_finishes_a_table(app_server, tmp_path):
    """One whole session: draft, add an indicator in words, answer the unit question, edit the
    goals, undo, hand edits, export, compare with the source tables."""
    with _app_page(app_server, "test_new_user_finishes_a_table") as page:
        _first_draft(page)
        _finish_in_words(page)
        if os.environ.get("JXMB_SCREENSHOT_DOCS") == "1":
            page.screenshot(path=str(ROOT / "docs" / "screenshot-draft.png"), full_page=True)
        _hand_edits(page)
        shot = tmp_path / "draft-tab.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
        _export_and_compare(page)


A4_RATIO = 297 / 210
PREVIEW_LABELS = ("项目名称", "主管部门", "实施单位", "项目资金（万元）", "年度资金总额")
PREVIEW_LABELS += ("其中：财政拨款", "其他资金", "年度总体目标", "一级指标", "指标值")


def _png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_print_preview_renders_an_a4_page(app_server, tmp_path):
    """打印预览 of a drafted brief: its first sheet, rendered to a PNG, has A4's proportions and
    shows the filing form's header rows with the project's name and the units answered in the
    chat; a later change empties the preview so an old version is never printed."""
    from playwright.sync_api import expect

    with _app_page(app_server, "test_print_preview_renders_an_a4_page") as page:
        _chat(page, BRIEF)
        _chat(page, "主管部门是县城市管理局，实施单位是县燃气安全中心")
        expect(page.locator("#header-unit textarea")).to_have_value("县燃气安全中心")
        name = page.locator("#header-name textarea").input_value()
        with _round_trip(page):
            page.locator("#export-preview").click()
        sheet = page.locator("#draft-preview section.sheet").first
        expect(sheet).to_contain_text(f"{name}绩效目标表")
        expect(page.locator("#draft-download")).to_contain_text(".html")
        expect(page.locator("#draft-preview section.review-card")).to_contain_text("审核意见")
        text = sheet.inner_text()
        assert all(label in text for label in PREVIEW_LABELS), text
        assert "县城市管理局" in text and "县燃气安全中心" in text
        shot = tmp_path / "print-preview-a4.png"
        sheet.screenshot(path=str(shot))
        width, height = _png_size(shot)
        assert abs(width - 794) <= 2, width  # 210 mm at 96 dpi
        assert abs(height / width - A4_RATIO) < 0.005, (width, height)
        _chat(page, "增加一个指标：燃气管道巡检覆盖率不低于95%")
        expect(page.locator("#draft-preview section.sheet")).to_have_count(0)
