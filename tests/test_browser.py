"""One end-to-end run in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

A new user types the example brief into the chat, waits for the draft grid, checks its rows,
edits a value by hand (the review must flag it) and a screenshot is saved under tmp_path.
Set JXMB_SCREENSHOT_DOCS=1 to also refresh docs/screenshot-draft.png (the README picture).
"""

from __future__ import annotations

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


def test_new_user_drafts_in_the_chat(app_server, tmp_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(TIMEOUT_MS)
            page.goto(app_server.url)
            page.locator("#draft-input textarea").fill(BRIEF)
            page.locator("#draft-send").click()
            page.wait_for_function(
                "document.querySelector('#draft-status')?.innerText.includes('已保存为第 1 版')"
            )
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
            satisfaction.locator("[role=gridcell]").nth(4).dblclick()
            page.keyboard.press("Control+A")
            page.keyboard.type("≥120%")
            page.keyboard.press("Enter")
            page.wait_for_function(
                "document.querySelector('#draft-review')?.innerText.includes('R-PERCENT-OVER-100')"
            )
            assert "有未保存的手工修改" in page.locator("#draft-status").inner_text()

            # Markup typed into a cell is shown as text, never run or rendered.
            first_name = (
                page.locator("#draft-grid [role=row]").nth(1).locator("[role=gridcell]").nth(2)
            )
            first_name.dblclick()
            page.keyboard.press("Control+A")
            page.keyboard.type("<b>巡检</b><script>window.pwned=1</script>")
            page.keyboard.press("Enter")
            page.wait_for_timeout(1500)  # let the re-review round trip finish
            assert "<b>巡检</b>" in _grid_rows(page)[0][2]
            assert page.evaluate("window.pwned") is None
            assert page.locator("#draft-grid b, #draft-review b:text('巡检')").count() == 0
            shot = tmp_path / "draft-tab.png"
            page.screenshot(path=str(shot), full_page=True)
            assert shot.stat().st_size > 10_000
        finally:
            browser.close()
