"""Amounts of money in Chinese text: numerals (八十, 1,200), units (元/万元/亿元), and the
财政/其他资金 split of a budget. Everything is returned in 万元, the unit of the tables.
"""

from __future__ import annotations

import re

import cn2an

from assistant.errors import AssistantError
from assistant.rules.money import MAX_SANE_BUDGET_WAN
from assistant.schema import Budget
from assistant.taxonomy import MONEY_IN_WAN

CN_DIGITS = "零〇一二两三四五六七八九十百千点壹贰叁肆伍陆柒捌玖拾佰仟"
NUM = rf"(?:\d[\d,，]*(?:\.\d+)?|[{CN_DIGITS}]+)"
# '20万页', '35万平方米', '600人次' are quantities, not money: a bare 万/亿 must not be followed
# by a measure word.
_MEASURE = r"[页人次户件册张份条个米株棵只头辆本场篇吨台套家名字批项所座处]|平方|公里|小时|周岁"
MONEY_RE = re.compile(
    rf"(?P<num>{NUM})\s*(?P<unit>亿元|万元|千元|元|亿(?!{_MEASURE})|万(?!{_MEASURE}))"
)
BARE_BUDGET_RE = re.compile(
    rf"(?:预算|经费)(?:金额|总额|数)?(?:为|是|约|共|合计|:|：)?\s*(?P<num>{NUM})(?![\d万亿元千])"
)

_FISCAL_WORDS = ("财政", "拨款", "一般公共预算")
_OTHER_WORDS = ("自筹", "其他资金", "其它资金", "社会资金", "单位自有", "配套", "上级补助")
_TOTAL_WORDS = (
    "预算",
    "经费",
    "资金",
    "投入",
    "总额",
    "申请",
    "申报",
    "安排",
    "总计",
    "合计",
    "花费",
    "费用",
    "金额",
)
# '合同金额365万元': what the whole contract cost, not this year's budget (its 尾款 is)
_CONTRACT_RE = re.compile(r"合同(?:总)?(?:金额|价款?|总价|额)")
_ALL_FISCAL_RE = re.compile(
    r"(全部|全额|均为|都是|100%)[^，。；,;]{0,3}财政|财政(全额|全部)|[（(]财政资金[）)]"
)
_ALL_OTHER_RE = re.compile(r"(全部|全额|均为|都是)[^，。；,;]{0,3}(自筹|其他资金)")
# A sign or an exponent right before an amount: MONEY_RE would read '-50万元' as 50, '1e30万元' as 30.
_SIGN_BEFORE_RE = re.compile(r"(?:[-−－–—负]|\d[eE][-+]?|[eE][-+])\s*$")


class BudgetUnclear(AssistantError):
    """An amount cannot be taken as written (sign, exponent), or the text states two budgets."""


def check_amounts(text: str) -> None:
    """BudgetUnclear when an amount carries a sign or an exponent the reader would drop."""
    for match in MONEY_RE.finditer(text):
        before = text[max(0, match.start() - 4) : match.start()]
        sign = _SIGN_BEFORE_RE.search(before)
        if sign:
            written = f"{sign.group(0).strip()}{match.group(0)}"
            raise BudgetUnclear(
                f"金额「{written}」带有负号、范围符号或科学计数法，无法确定是多少。"
                "请写成一个正的金额，例如「预算80万元」。"
            )


def to_number(text: str) -> float | None:
    """Arabic or Chinese numeral text -> float ('八十' -> 80, '1,200' -> 1200); None if unreadable."""
    text = text.replace(",", "").replace("，", "")
    try:
        return float(text)
    except ValueError:
        pass
    try:
        return float(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError, TypeError):
        return None


def parse_amount_wan(text: str) -> float | None:
    """The first money amount in text, in 万元 ('80万' -> 80, '1亿元' -> 10000); None if none."""
    match = MONEY_RE.search(text)
    if not match:
        return None
    number = to_number(match["num"])
    return None if number is None else round(number * MONEY_IN_WAN[match["unit"]], 6)


def measure_follows(text: str, match: re.Match) -> bool:
    """'1.2万亩', '20万亩': a bare 万 before a measure word is a quantity, not money."""
    after = text[match.end() : match.end() + 1]
    return match["unit"] in ("万", "亿") and bool(re.match(r"[\u4e00-\u9fa5]", after))


def per_unit_follows(text: str, match: re.Match) -> str:
    """'704元/村' -> 村: money per village, person or mu is a standard, never a part of the budget."""
    per = _PER_AFTER_RE.match(text, match.end())
    return per["per"] if per else ""


_PER_AFTER_RE = re.compile(
    r"\s*[/／]\s*(?:每)?(?P<per>[\u4e00-\u9fa5]{1,2}?)(?=[^\u4e00-\u9fa5]|$|·|每)"
)


def says_amount(amount_wan: float, text: str) -> bool:
    """Whether text writes this amount as money in any unit ('保洁服务费99万元' for 99, '2500元'
    for 0.25): an LLM gives amounts in 万元, a brief often in 元."""
    for match in MONEY_RE.finditer(text):
        number = to_number(match["num"])
        if number is not None and abs(number * MONEY_IN_WAN[match["unit"]] - amount_wan) < 1e-6:
            return True
    return False


def _money_mentions(text: str) -> list[tuple[str, float, bool]]:
    """(role, 万元, says-fiscal) per amount; the role comes from the words just before it
    (fiscal, other, total), says-fiscal from 财政 around a total ('财政预算28万元', '31万元财政资金')."""
    mentions = []
    for match in MONEY_RE.finditer(text):
        number = to_number(match["num"])
        if number is None or per_unit_follows(text, match) not in ("", "年"):
            continue
        context = re.split(r"[，。；,;、]", text[max(0, match.start() - 8) : match.start()])[-1]
        after = re.split(r"[，。；,;、]", text[match.end() : match.end() + 6])[0]
        role = _money_role(context)
        if role:
            fiscal_word = "财政" in context or ("财政" in after and "其中" not in after)
            wan = round(number * MONEY_IN_WAN[match["unit"]], 6)
            mentions.append((role, wan, role == "total" and fiscal_word))
    return mentions


# '中央补助24万元，县级配套12万元': each level of government's money is fiscal
_GOV_LEVEL_RE = re.compile(r"(?:中央|省级?|市级?|县级?|区级?)(?:财政)?(?:补助|配套|资金|投入|奖补)")


def _money_role(context: str) -> str:
    """total, fiscal or other by the words before an amount; 'loose' after a bare year or a
    space ('办公楼消防设施维保 2026年 8.6万元'): the budget when no amount is called one."""
    if _CONTRACT_RE.search(context):
        return ""
    if _GOV_LEVEL_RE.search(context) and "预算" not in context:
        return "fiscal"
    if any(word in context for word in _OTHER_WORDS):
        return "other"
    if any(word in context for word in _FISCAL_WORDS) and "预算" not in context:
        return "fiscal"
    if any(word in context for word in _TOTAL_WORDS) or not context.strip():
        return "total"
    if re.search(r"(约|共|为|是|花|用|需|要)$", context):
        return "total"
    return "loose" if re.search(r"(?:(?:19|20)\d{2}\s*年度?|\s)\s*$", context) else ""


def _stated_budgets(text: str) -> list[float]:
    """The different amounts the text calls 预算 outright (not a fiscal/other part of it)."""
    values: list[float] = []
    for match in MONEY_RE.finditer(text):
        context = re.split(r"[，。；,;、]", text[max(0, match.start() - 8) : match.start()])[-1]
        parts = ("其中", *_FISCAL_WORDS, *_OTHER_WORDS)
        number = to_number(match["num"])
        if "预算" in context and number is not None and not any(w in context for w in parts):
            wan = round(number * MONEY_IN_WAN[match["unit"]], 6)
            values += [wan] if wan not in values else []
    return values


def find_budget(text: str) -> Budget:
    """Total / fiscal / other from the amounts in text and the words around them.

    Raises BudgetUnclear for a signed or exponent amount, and when two different budgets are
    stated: the chat then asks which one is meant instead of taking either."""
    check_amounts(text)
    if len(stated := _stated_budgets(text)) > 1:
        shown = "、".join(f"{v:g}万元" for v in stated)
        raise BudgetUnclear(
            f"描述里有{len(stated)}个不同的预算：{shown}。请确认是哪一个，只写一个预算再发送。"
        )
    mentions = _money_mentions(text)
    if not mentions:
        bare = BARE_BUDGET_RE.search(text)
        number = to_number(bare["num"]) if bare else None
        # A bare number after 预算 is read in the table's own unit (万元) unless it is clearly 元.
        if number:
            mentions = [("total", number if number < 100000 else number / 10000, False)]
    first = {role: (value, hint) for role, value, hint in reversed(mentions)}
    if first.keys() == {"loose"}:
        first["total"] = first["loose"]
    total, all_fiscal = first.get("total", (None, False))
    fiscal, other = first.get("fiscal", (None,))[0], first.get("other", (None,))[0]
    parts = list(dict.fromkeys(v for role, v, _ in mentions if role == "fiscal"))
    if len(parts) > 1 and total is not None and sum(parts) <= total + 1e-6:
        fiscal = round(sum(parts), 6)  # '中央补助24万元，县级配套12万元': fiscal in all
    if total is None and (fiscal is not None or other is not None):
        total = round((fiscal or 0) + (other or 0), 6)
    if total is not None and (all_fiscal or _ALL_FISCAL_RE.search(text)):
        fiscal, other = total, 0.0
    elif total is not None and _ALL_OTHER_RE.search(text):
        fiscal, other = 0.0, total
    elif total is not None and fiscal is not None and other is None and fiscal <= total:
        other = round(total - fiscal, 6)
    elif total is not None and other is not None and fiscal is None and other <= total:
        fiscal = round(total - other, 6)
    budget = Budget(total=total, fiscal=fiscal, other=other)
    check_sane(budget.total)
    return budget


def check_sane(total: float | None) -> None:
    """BudgetUnclear for a budget no project has (a typing or unit error, not a figure to draft)."""
    if total is not None and total > MAX_SANE_BUDGET_WAN:
        raise BudgetUnclear(
            f"预算{total:g}万元大得不合常理（一个项目最多按{MAX_SANE_BUDGET_WAN:g}万元计），"
            "请核对金额和单位。"
        )
