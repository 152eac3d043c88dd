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
import re
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


def test_new_user_drafts_in_the_chat(app_server, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            with _traced(browser, "test_new_user_drafts_in_the_chat") as context:
                page = context.new_page()
                page.set_default_timeout(TIMEOUT_MS)
                expect.set_options(timeout=TIMEOUT_MS)
                page.goto(app_server.url)
                page.locator("#draft-input textarea").fill(BRIEF)
                page.locator("#draft-send").click()
                expect(page.locator("#draft-status")).to_contain_text("已保存为第 1 版")
                rows = _grid_rows(page)
                assert len(rows) >= 6
                assert {r[0] for r in rows} >= {"产出指标", "效益指标", "满意度指标"}
                assert all(r[5] for r in rows), "every row shows its source"
                assert any("000_0a362c379c5850c5" in r[5] for r in rows)
                assert "审核通过" in page.locator("#draft-review").inner_text()
                if os.environ.get("JXMB_SCREENSHOT_DOCS") == "1":
                    page.screenshot(path=str(ROOT / "docs" / "screenshot-draft.png"))

                page.locator("#export-xlsx").click()
                page.locator("#draft-download").get_by_text(".xlsx").wait_for()

                # A hand edit re-runs the review: a satisfaction target above 100% is an error.
                satisfaction = page.locator("#draft-grid [role=row]").filter(
                    has_text="服务对象满意度指标"
                )
                _edit_cell(page, satisfaction.locator("[role=gridcell]").nth(4), "≥120%")
                expect(page.locator("#draft-review")).to_contain_text("R-PERCENT-OVER-100")
                expect(page.locator("#draft-status")).to_contain_text("有未保存的手工修改")

                # Markup typed into a cell is shown as text, never run or rendered.
                first_name = (
                    page.locator("#draft-grid [role=row]").nth(1).locator("[role=gridcell]").nth(2)
                )
                markup = "<b>巡检</b><script>window.pwned=1</script>"
                _edit_cell(page, first_name, markup)
                expect(first_name).to_contain_text(re.compile(re.escape("<b>巡检</b>")))
                assert "<b>巡检</b>" in _grid_rows(page)[0][2]
                assert page.evaluate("window.pwned") is None
                assert page.locator("#draft-grid b, #draft-review b:text('巡检')").count() == 0
                shot = tmp_path / "draft-tab.png"
                page.screenshot(path=str(shot), full_page=True)
                assert shot.stat().st_size > 10_000
        finally:
            browser.close()
