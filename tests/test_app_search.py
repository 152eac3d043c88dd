"""The 检索 tab's handlers on the real index: only real matches, snippets and reasons in words,
and indicator questions answered in one line over the rows of the kind asked about."""

from __future__ import annotations

import re

from assistant.workbench.search_answers import asked_kind, one_line_answer, query_coverage


def test_no_padding_and_no_gas_tables_for_a_water_query(make_workbench):
    workbench = make_workbench()
    water = workbench.search_projects("农村饮水 供水管网")
    # The corpus has no water-supply table; a gas table that mentions 农村 once is no match.
    assert not water or "燃气" not in water[0].table.name
    gas = workbench.search_projects("燃气")
    assert gas and len(gas) < 10 and all("燃气" in h.table.name for h in gas)
    assert workbench.search_projects("老年助餐") == []


def test_project_hits_show_a_snippet_and_why_in_words(make_workbench):
    from webui.render import project_hits_html

    workbench = make_workbench()
    hits = workbench.search_projects("燃气 安全 检查")
    first = hits[0]
    assert "燃气" in first.table.name
    assert "「燃气」" in first.why and "全部查询词" in first.why
    assert any(t in first.snippet for t in first.scores.matched_terms)
    html = project_hits_html(hits)
    assert "<mark>燃气</mark>" in html and "匹配原因" in html
    assert "没有找到足够相近" in project_hits_html([])
    assert query_coverage("农村饮水 供水管网", ["农村"]) == 0.25


def test_indicator_question_answered_in_one_line(make_workbench):
    from webui.render import indicator_hits_html

    workbench = make_workbench()
    question = "满意度指标通常定多少？"
    hits, spreads = workbench.search_indicators(question)
    assert asked_kind(question) == "满意度"
    assert hits and all("满意" in h.indicator.name for h in hits)  # no 家次 or 故障率 rows
    assert all("满意度" in h.why and h.table_name in h.why for h in hits)  # why, in words
    answer = one_line_answer("满意度", hits)
    match = re.fullmatch(r"满意度指标：(\d+) 张表，中位数 ≥(\d+)%，范围 (\S+%)–(\S+%)", answer)
    assert match, answer
    assert int(match[1]) == len({h.table_id for h in hits})
    assert 80 <= int(match[2]) <= 100
    html = indicator_hits_html(hits, spreads, answer)
    assert html.index(answer) < html.index("指标值分布")
    family, _ = workbench.search_indicators("巡检家次")
    assert family and all("家次" in h.indicator.name for h in family)
