"""The indicator library: mined from real rows, each entry cited, used by drafter and search."""

from __future__ import annotations

import re

from assistant.drafting.library import is_standard, library, library_rows, standard_entries
from assistant.drafting.project_types import project_types


def test_every_entry_cites_a_real_row_or_the_reference():
    entries = [e for v in library().values() for e in v]
    assert len(entries) >= 100
    for entry in entries:
        assert entry.sources, entry.name
        for source in entry.sources:
            assert re.fullmatch(r"[\w.-]+-\d+#\d+|共性指标:\S+#\d+", source), source
        assert entry.count == sum(1 for s in entry.sources if not s.startswith("共性指标"))


def test_library_types_are_taxonomy_types_and_values_have_statistics():
    assert set(library()) <= set(project_types())
    checks = [e for e in standard_entries(["检查执法"], "数量") if e.name == "检查家次"]
    assert checks and checks[0].count >= 2 and checks[0].unit == "家次"
    assert checks[0].low <= checks[0].median <= checks[0].high


def test_standard_indicators_of_a_type_and_search_mode():
    assert is_standard("培训参加人数", ["培训"], "数量")
    assert not is_standard("道路建设长度", ["培训"])
    found = library_rows("满意度", k=5)
    assert found and all("满意" in entry.name for _, entry in found)
    assert {kind for kind, _ in library_rows("会议", k=50)} >= {"会议"}


def test_hand_checked_routine_items_are_not_in_the_library():
    names = {e.name for v in library().values() for e in v}
    assert not names & {"成本控制率", "长效管理制度健全性", "本项目不适用此指标"}
