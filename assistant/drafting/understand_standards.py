"""Spending standards of a brief ('补贴标准每人每月90元', '初级1000元、中级1500元…', '每件补贴100元
至300元'): a 成本 row each (补贴标准 =90元/人·月), named by what it pays, never a part of the
budget. The words (per-unit and payout words) are data in `brief_words.yaml`."""

from __future__ import annotations

import itertools
import re

import jieba

from assistant.drafting.amounts import MONEY_RE, to_number
from assistant.drafting.facts import CostLine
from assistant.taxonomy import MONEY_IN_WAN, load_data

WORDS = load_data("brief_words")
_COUNT_UNITS = frozenset(WORDS["count_units"])
_PER_UNIT: dict[str, str] = {
    **{f"每{u}": u for u in WORDS["count_units"] if u not in WORDS["per_unit_not"]},
    **WORDS["per_unit_words"],
}
_PER_PERIOD: dict[str, str] = WORDS["per_period_words"]
_PER_WORDS = sorted([*_PER_UNIT, *_PER_PERIOD], key=len, reverse=True)
STANDARD_RE = re.compile(rf"{'|'.join(_PER_WORDS)}|标准$|^(?:单价|平均)")
_GRANTED_RE = re.compile(r"(?P<what>[\u4e00-\u9fa5]{2,})(?:给予|予以)$")
_TIERS_RE = re.compile(r"(?:、\s*[\d.]+\s*元(?![/每]))+")
_RANKS = ("一档", "二档", "三档", "四档", "五档")
# The review reads a longer 'unit' as words glued to the number (R-VALUE-TEXT-GLUED).
_MAX_UNIT_CHARS = 5
_PAYOUT_RE = re.compile(
    rf"(?:发放|给予|支付|兑现|落实)?(?P<n>[\u4e00-\u9fa5]{{0,2}}"
    rf"(?P<w>{'|'.join(sorted(WORDS['payout_words'], key=len, reverse=True))}))(?!经费|资金)"
)


# '户均补助分别为1.5万元和6万元' after 'C级危房修缮加固100户、D级危房拆除重建50户'
# '初级、中级、高级分别补贴1000元、1500元、2000元': the items are named before 分别
_RESPECTIVE_RE = re.compile(
    r"(?P<name>[\u4e00-\u9fa5、]{2,12}?)分别(?:为|是)?(?P<paid>补贴|补助|奖励|资助)?"
    r"(?P<money>[\d.]+\s*(?:万元|元)(?:[和、及与][\d.]+\s*(?:万元|元))+)"
)
_LABEL_RE = re.compile(
    r"(?P<l>[\u4e00-\u9fa5A-Za-z]{2,12}?)\d+(?:\.\d+)?(?:户|人|名|个|座|处|所|辆|台)"
)


# '…给予技能提升补贴，初级1000元、中级1500元、高级2000元': a standard per grade, each labelled
# ('按每公里县道1万元、乡道5000元、村道3000元标准补助': the unit each is paid by comes first)
_LABELLED_RE = re.compile(
    r"(?:(?<=按)|(?<![\u4e00-\u9fa5]))(?P<per>每(?:公里|亩|人|户|个|平方米|吨))?"
    r"(?:[\u4e00-\u9fa5]{2,4}\d+(?:\.\d+)?(?:万元|元)、)+"
    r"[\u4e00-\u9fa5]{2,4}\d+(?:\.\d+)?(?:万元|元)(?![/每])"
)


def _labelled(text: str) -> tuple[list[CostLine], list[tuple[int, int]]]:
    lines, spans = [], []
    for m in _LABELLED_RE.finditer(text):
        given = re.findall(
            r"(?:给予|发放)([\u4e00-\u9fa5]{2,8}?(?:补贴|补助|奖励))", text[: m.start()]
        )
        after = re.split(r"[，。；,;\n]", text[m.end() :])[0][:8]  # '…3000元标准补助'
        paid = given[-1] if given else _payout(text[: m.start()]) or _payout(after)
        start = m.end("per") if m["per"] else m.start()
        # '每亩补助新造600元、改造300元': the payout word leads the first label
        lead = re.match(r"补助|补贴|奖励", text[start:])
        if not paid and lead:
            paid, start = lead[0], start + lead.end()
        if not paid:
            continue
        for item in MONEY_RE.finditer(text, start, m.end()):
            label = re.findall(r"[\u4e00-\u9fa5]{2,4}$", text[start : item.start()])[-1]
            line = standard_line(
                f"{m['per'] or ''}{label}{paid}", text, item, to_number(item["num"])
            )
            lines.append(line.model_copy(update={"text": m.group(0)}))
        spans.append(m.span())
    return lines, spans


# '对新创建的4A级景区奖励50万元、3A级景区奖励20万元': a standard per grade, each named by its item
_ITEM = r"[0-9A-Za-z]{0,3}[\u4e00-\u9fa5]{2,8}?(?:奖励|补助|补贴)\d+(?:\.\d+)?万?元"
_PAID_EACH_RE = re.compile(rf"(?:{_ITEM}、)+{_ITEM}(?![/每])")
_ITEM_RE = re.compile(r"(?P<l>[0-9A-Za-z]{0,3}[\u4e00-\u9fa5]{2,8}?)(?P<p>奖励|补助|补贴)(?=\d)")


def _paid_each(text: str) -> tuple[list[CostLine], list[tuple[int, int]]]:
    lines, spans = [], []
    for m in _PAID_EACH_RE.finditer(text):
        for item, money in zip(_ITEM_RE.finditer(m[0]), MONEY_RE.finditer(m[0]), strict=False):
            label = re.sub(r"^(?:对|新创建的|新认定的)", "", item["l"]).split("的")[-1]
            line = standard_line(f"{label}{item['p']}", m[0], money, to_number(money["num"]))
            named = {"name": f"{label}{item['p']}标准", "text": m.group(0)}  # 4A级景区奖励标准
            lines.append(line.model_copy(update=named))
        spans.append(m.span())
    return lines, spans


def listed_standards(text: str) -> tuple[list[CostLine], list[tuple[int, int]]]:
    """Standards written 'respectively' for the counted items listed before them: one each,
    named by its item (C级危房修缮加固补助标准 =1.5万元/户); and the spans they cover; and those
    labelled one by one after what is paid (初级补贴标准 =1000元)."""
    lines, spans = _labelled(text)
    each, each_spans = _paid_each(text)
    lines, spans = lines + each, spans + each_spans
    for m in _RESPECTIVE_RE.finditer(text):
        monies = list(MONEY_RE.finditer(text, m.start("money"), m.end("money")))
        labels = [x["l"] for x in _LABEL_RE.finditer(text[: m.start()])][-len(monies) :]
        name = m["name"]
        if "、" in name:  # the items listed before 分别 are what is paid for
            labels, name = name.split("、"), m["paid"] or "补贴"
        labels = [re.sub(r"^(?:其中|包括|含)", "", label) for label in labels]
        if len(labels) != len(monies):
            continue
        for label, money in zip(labels, monies, strict=True):
            line = standard_line(f"{label}{name}", text, money, to_number(money["num"]))
            lines.append(line.model_copy(update={"text": m.group(0)}))
        spans.append(m.span())
    return lines, spans


def standard_line(
    name: str, text: str, match: re.Match, number: float, per_after: str = ""
) -> CostLine:
    """'补贴标准每人每月' + 90元 -> 补贴标准 =90元/人·月; '每人' + 500元 after '慰问…700人' -> 慰问标准;
    '对承担…任务的农户按每亩' + 30元 + '给予补偿' -> 补偿标准 (who is paid is no name)."""
    name = re.sub(r"^[^（(]*[）)]", "", name)  # '…村（社区）人民调解委员会每个': no half a bracket
    before = text[: match.start()]
    per = [_PER_UNIT[w] for w in _PER_UNIT if w in name]
    per = [u for u in per if not any(o != u and o.startswith(u) for o in per)]  # 每人次: not 人
    every = [_PER_PERIOD[w] for w in sorted(_PER_PERIOD, key=len, reverse=True) if w in name]
    if per_after:  # written after the money: '704元/村', '3万元/月'
        per, every = (per, [per_after]) if f"每{per_after}" in _PER_PERIOD else ([per_after], every)
    core = re.sub(rf"{'|'.join(_PER_WORDS)}|标准|单价|平均|^按|需要?(?=配套|支付|补助)", "", name)
    # '1.6万人按每人每年', '2400户每户发放…': a count's unit
    core = re.sub(r"^万?[人户名个](?=按|$|发放|给予)", "", core)
    core = re.sub(r"^(?:发放|给予)(?=[\u4e00-\u9fa5]{2})", "", core)  # '每户发放取暖补贴': 取暖补贴
    core = re.sub(r"(?:为|是|按)+$", "", core)  # '补助标准为每亩' -> 补助
    age = re.match(r"[\d\-—～~]+周?岁(?:以上|以下)?", core)  # '90周岁以上' + 高龄津贴标准
    age, core = (age.group(0), core[age.end() :]) if age else ("", core)
    core = core if len(core) >= 2 else ""  # '传承人60人每人每年': the 人 left is a count's unit
    if re.match(r"[月年](?=[\u4e00-\u9fa5]{2})", core):  # '人均月报酬'
        every, core = [*every, core[0]], core[1:]
    yearly = re.search(r"年(?=运营|运行|工作|办公|维护)", core)  # '每个书房年运营经费'
    if yearly:
        every, core = [*every, "年"], core[: yearly.start()] + core[yearly.end() :]
    named = len(core) <= 10 and core.endswith(tuple(WORDS["paid_words"]))  # C级危房修缮加固补助
    following = re.split(r"[，。；,;\n]", text[match.end() :])[0][:8]  # '按每吨80元标准补贴'
    granted = _GRANTED_RE.search(core)  # '加装电梯给予每部20万元补贴': 加装电梯补贴标准
    paid_after = _payout(following)  # '…给予每家3万元品牌推广补助': 品牌推广补助标准
    if granted and paid_after:
        bare = paid_after in WORDS["payout_words"]
        # '对完成加装电梯的既有住宅给予每部…': the work paid for, not whose it is
        what = re.sub(r"^(?:对|完成)+", "", granted["what"].split("的")[0])
        core = what[-4:] + paid_after if bare else following.removeprefix("元")
    elif (len(core) > 6 and not named) or "的" in core:
        core = _household(core) + (_payout(following) or _payout(before))
    core = core or _funded(text[match.end() :]) or _payout(following) or _payout(before)
    core = core or _paid_for(before)
    if core and not _PAYOUT_RE.search(core) and not is_fee(core) and len(core) <= 6:
        # '…给予安家补贴，博士每人20万元' -> 博士安家补贴标准; '村卫生室按每个1.5万元补助' -> 村卫生室补助
        core += _payout(following) or _payout(before)
    money, every_word = re.sub(r"\s+", "", match.group(0)), ""  # '每生 1500 元/学期'
    said = money
    per_what = "·".join(dict.fromkeys([*per, *every[:1]]))
    if per and every and match["unit"] == "万元" and (number * 10000).is_integer() and number < 10:
        money = f"{number * 10000:.0f}元"  # '每人每年补助1.2万元' -> 12000元/人·年
    unit = "元" if money.endswith("元") and not money.endswith("万元") else match["unit"]
    if per and every and len(f"{unit}/{per_what}") > _MAX_UNIT_CHARS:
        per_what, every_word = "·".join(dict.fromkeys(per)), f"每{every[0]}"  # 每学期就学补助标准
    quoted = _whole_words(text, re.sub(r"^万?[人户名个](?=按)", "", name), match.start())
    return CostLine(
        name=f"{every_word}{age}{core or '支出'}标准",
        amount=round(number * MONEY_IN_WAN[match["unit"]], 6),
        text=f"{quoted}{said}{'/' + per_after if per_after else ''}",
        unit_cost=f"{money}/{per_what}" if per_what else money,
    )


RANGE_RE = re.compile(r"\s*(?:至|到|-|—|～|~)\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>万元|元)")


def capped_at(line: CostLine, upper: re.Match) -> CostLine:
    per = line.unit_cost.partition("/")[2]
    money = f"{upper['num']}{upper['unit']}"
    return line.model_copy(update={
        "amount": round(float(upper["num"]) * MONEY_IN_WAN[upper["unit"]], 6),
        "unit_cost": f"≤{money}/{per}" if per else f"≤{money}",
        "text": line.text + upper.group(0).strip(),
    })  # fmt: skip


def _whole_words(text: str, name: str, end: int) -> str:
    """The quote of a standard starts at a word ('民办养老机构按…', not '办养老机构按…'); '1.6万人按
    每人每年' starts at 按, the count's unit is no part of it."""
    start = end - len(name)
    if start < 0 or text[start:end] != name:
        return name
    clause = max(text.rfind(c, 0, start) for c in "，。；,;、：:\n（(") + 1
    starts = list(itertools.accumulate(len(w) for w in jieba.cut(text[clause:end])))
    begin = clause + max((n for n in [0, *starts] if clause + n <= start), default=0)
    # '20所普惠性…', '2400户每户…': not the count's unit
    return re.sub(r"^(?:[所个家座处名条辆]|户(?=每))", "", text[begin:end])


def tier_lines(text: str, match: re.Match, line: CostLine) -> list[CostLine]:
    """'每人每月300元、400元、500元' (分三档): one standard row per tier, 一档 to 三档."""
    more = _TIERS_RE.match(text[match.end() :])
    if not more:
        return [line]
    amounts = [match["num"], *re.findall(r"[\d.]+", more.group(0))][: len(_RANKS)]
    money = re.sub(r"\s+", "", match.group(0))
    return [
        line.model_copy(update={
            "name": f"{rank}{line.name}",
            "amount": round(float(n) * MONEY_IN_WAN[match["unit"]], 6),
            "unit_cost": line.unit_cost.replace(money, f"{n}{match['unit']}", 1),
            "text": line.text + more.group(0),
        })
        for rank, n in zip(_RANKS, amounts, strict=False)
    ]  # fmt: skip


def cap_line(name: str, at: int, before: str, match: re.Match, number: float) -> CostLine:
    """'单个企业最高不超过' + 20万元 -> 单个企业补助上限 ≤20万元/个 (what is paid, from the
    sentence); per one of them, so never a share of the budget."""
    subject = name[:at]
    per = subject[1] if subject[:1] in "每单" and subject[1:2] in _COUNT_UNITS else "个"
    paid = "" if _PAYOUT_RE.search(subject) else _payout(before) or "支出"  # '每户补助最高'
    return CostLine(
        name=f"{subject}{paid}上限",
        amount=round(number * MONEY_IN_WAN[match["unit"]], 6),
        text=f"{name}{match.group(0).strip()}",
        unit_cost=f"≤{match.group(0).strip()}/{per}",
    )


def _payout(before: str) -> str:
    """The last thing paid out in the sentence before a bare standard ('发放就学补助' -> 就学补助)."""
    sentence = re.split(r"[。；;\n]", before)[-1]
    found = list(_PAYOUT_RE.finditer(sentence))
    if not found:
        return ""
    last = found[-1]  # '监护人以奖代补': the words before it start at a word, or are left out
    starts = set(itertools.accumulate(len(w) for w in jieba.cut(sentence)))
    name = last["n"] if last.start("n") in starts | {0} else last["w"]
    return re.sub(r"^每[人户名位]", "", name.removeprefix("标准"))  # '每人救助1万元': 救助


# '按每人每年89元标准落实基本公共卫生服务经费' -> 基本公共卫生服务经费标准; '…发放后期扶持直补
# 资金' -> 后期扶持直补标准: the fund a bare standard pays, named after it
_FUNDED_RE = re.compile(
    r"^(?:标准)?(?:落实|发放|拨付|安排|兑付)(?P<what>[\u4e00-\u9fa5]{2,10}?)(?P<fund>经费|资金|费)"
)
# '独生子女伤残家庭每人每月500元': the household a long name pays stays (伤残家庭扶助金标准)
_HOUSEHOLD_RE = re.compile(r"(?<![的])[\u4e00-\u9fa5]{2}(?:家庭|户)$")


def _funded(after: str) -> str:
    found = _FUNDED_RE.match(after)
    if found is None:
        return ""
    return found["what"] + ("" if found["fund"] == "资金" else found["fund"])  # 签约服务费


def _household(core: str) -> str:
    found = _HOUSEHOLD_RE.search(core) if "的" not in core else None
    return found.group(0) if found else ""


def _paid_for(before: str) -> str:
    """What a bare standard pays by the work of its sentence (聘用 -> 报酬, 保险 -> 保费)."""
    sentence = re.split(r"[。；;\n]", before)[-1]
    found = [(sentence.rfind(w), paid) for w, paid in WORDS["standard_subjects"].items()]
    at, paid = max(found)
    return paid if at >= 0 else ""


def is_fee(name: str) -> bool:
    return bool(re.search(r"(?:费|费用|款|资金|支出)$", name)) and not re.search(
        r"(?:财政|自筹|预算|总|其他|上级|中央|省级|市级|县级|区级|本级|社会|自有)(?:资金|经费)?$",
        name,
    )
