"""The budget year a brief is about: a labelled one, else the first year that is not a range's
end or a past contract's, else 今年/明年/… from today."""

from __future__ import annotations

import re
from datetime import date

from assistant.drafting.amounts import to_number
from assistant.taxonomy import RELATIVE_YEARS

YEAR_RE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2}|[二两][〇零][〇零一二三四五六七八九]{2})\s*年度?"
)


def _ends_range(text: str, start: int) -> bool:
    return start > 0 and text[start - 1] in "-—~至－"


# '支付2023年…工程质保金', '已于2023年通过验收': the year of a past contract, not of the budget
_PAID_FOR_RE = re.compile(r"(?:支付|拨付|结清|结算|已于|已经于|已在)$")


def find_year(text: str, today: date) -> int | None:
    """A labelled year ('年度：2026年', '2026年预算'), else the first year that does not end a range
    ('2026-2027年采暖季' is about 2026), else 今年/明年/… from `today`."""
    labelled = re.search(r"年度[：:]\s*" + YEAR_RE.pattern, text)
    # '2025年预算36.5万元' names the budget year, whatever year a paid-off contract was signed
    budgeted = re.search(YEAR_RE.pattern + r"(?:项目|部门)?预算", text)
    candidates = [m for m in (labelled, budgeted) if m]
    candidates += [
        m
        for m in YEAR_RE.finditer(text)
        if not _ends_range(text, m.start()) and not _PAID_FOR_RE.search(text[: m.start()])
    ]
    for match in candidates:
        year = to_number(match["y"])
        if year and 1990 <= year <= 2100:
            return int(year)
    range_start = re.search(r"(?<!\d)((?:19|20)\d{2})\s*[-—~至－]\s*(?:19|20)\d{2}\s*年", text)
    if range_start:
        return int(range_start.group(1))
    for word, offset in RELATIVE_YEARS.items():
        if word in text:
            return today.year + offset
    return None
