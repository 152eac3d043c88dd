"""Shares a brief fixes ('按售价15%给予补贴' -> 补贴比例 =15%): a 成本 row each, of what is bought
or built, so never a share of the budget."""

from __future__ import annotations

import re

from assistant.drafting.facts import CostLine
from assistant.taxonomy import load_data

WORDS = load_data("brief_words")
# '按售价15%给予补贴', '按当地最低工资标准的60%给予见习补贴' (见习补贴比例)
_SHARE_RE = re.compile(
    r"按(?:照)?(?:其|实际)?[\u4e00-\u9fa5]{1,10}?的?(?P<pct>\d+(?:\.\d+)?)%(?:的比例)?(?:给予|予以)?"
    rf"(?P<paid>[\u4e00-\u9fa5]{{0,4}}?(?:{'|'.join(WORDS['paid_words'])}))"
)
_SHARE_CAP_RE = re.compile(
    rf"(?P<paid>{'|'.join(WORDS['paid_words'])}|奖补)比例(?:最高)?(?:不超过|不高于|最高为?)"
    r"(?:[\u4e00-\u9fa5]{0,8}的)?(?P<pct>\d+(?:\.\d+)?)%"
)
# '补贴标准按省定额执行，最高不超过单台机具价格的30%': the cap of the share paid (补贴比例 ≤30%)
_SHARE_CAP_AFTER_RE = re.compile(
    rf"(?P<paid>{'|'.join(WORDS['paid_words'])})[^。；;\n]{{0,20}}?(?:最高|最多)(?:不超过|不高于)"
    r"[\u4e00-\u9fa5]{2,10}的(?P<pct>\d+(?:\.\d+)?)%"
)
_SHARE_BORNE_RE = re.compile(
    r"(?P<who>[省市县区镇乡]级|中央|省级财政|市级财政|县级财政)承担(?P<what>[\u4e00-\u9fa5]{1,4}?)的?"
    r"(?P<pct>\d+(?:\.\d+)?)%"
)
# '见习补贴按当地最低工资标准的70%发放': the share named before it (见习补贴比例)
_SHARE_AFTER_RE = re.compile(
    rf"(?P<paid>[\u4e00-\u9fa5]{{0,4}}?(?:{'|'.join(WORDS['paid_words'])}))按(?:照)?"
    r"[\u4e00-\u9fa5]{1,12}?的?(?P<pct>\d+(?:\.\d+)?)%(?:发放|计发|给予|执行)"
)


# '住院自付部分补助比例80%': the share of a cost the grant pays, stated outright
_SHARE_STATED_RE = re.compile(
    rf"(?P<paid>[\u4e00-\u9fa5]{{0,8}}?(?:{'|'.join(WORDS['paid_words'])}|报销))比例(?:为|是)?"
    r"(?P<pct>\d+(?:\.\d+)?)%"
)


def find_shares(text: str) -> list[CostLine]:
    """'按售价15%给予补贴' -> 补贴比例 =15%, '奖补比例不超过项目总投资的50%' -> 奖补比例 ≤50%,
    '县级承担保费的10%' -> 县级保费承担比例 =10% (of what is bought or built, so never a share of
    the budget)."""
    shares = []
    patterns = (
        (_SHARE_RE, ""),
        (_SHARE_AFTER_RE, ""),
        (_SHARE_CAP_RE, "≤"),
        (_SHARE_CAP_AFTER_RE, "≤"),
        (_SHARE_BORNE_RE, ""),
        (_SHARE_STATED_RE, ""),
    )
    for pattern, sign in patterns:
        for m in pattern.finditer(text):
            name = f"{m['who']}{m['what']}承担" if "who" in m.re.groupindex else m["paid"]
            share = CostLine(
                name=f"{name}比例", amount=0.0, text=m.group(0), unit_cost=f"{sign}{m['pct']}%"
            )
            # '补贴比例最高不超过…的50%' is read by two patterns: one row
            if all((s.name, s.unit_cost) != (share.name, share.unit_cost) for s in shares):
                shares.append(share)
    return shares
