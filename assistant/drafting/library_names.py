"""三级 names as the library and the drafter use them: form labels and placeholders cut off."""

from __future__ import annotations

import re

MAX_NAME = 16  # longer names are one project's sentence, not an indicator (review: ≥15 chars)


def clean_name(name: str) -> str:
    """'指标1:机柜数量' -> '机柜数量'; '受益人口数(≥**人)' -> '受益人口数' (form placeholders);
    '*资产股权年收益率' -> '资产股权年收益率' (a core-indicator mark)."""
    name = re.sub(r"^指标\d+[:：]|^[*＊]+", "", name)
    name = re.sub(r"[(（][^)）]*\*\*[^)）]*[)）]|[≥≤<>=]?\*\*\S*", "", name)
    return name.strip()
