"""Figures the user stated in the brief ('检查不少于220家次', '故障30分钟内响应', '12条河道'): each
count with what it counts, and the time limits. A count no row states yet becomes a 数量 row of its
own (`compose_counts.uncovered_figures`), named here (`row_name`).
"""

from __future__ import annotations

import re

import jieba
import jieba.posseg as posseg

from assistant.drafting.amounts import MONEY_RE, measure_follows
from assistant.schema import Model
from assistant.taxonomy import COUNT_UNITS, TIME_UNITS, counts_people, load_data

_NUMBER = r"\d+(?:\.\d+)?"
_COUNT_RE = re.compile(
    rf"(?P<before>[\u4e00-\u9fa5]{{0,8}}?)(?P<floor>不少于|不低于|至少|达到|超过|(?<![签预节契])约|共|完成)?"
    rf"(?P<num>{_NUMBER})\s*(?P<wan>万)?(?P<unit>{'|'.join(sorted(COUNT_UNITS, key=len, reverse=True))})"
    rf"(?P<after>[\u4e00-\u9fa5]{{0,8}})"
)
# A time limit as briefs write it ('30日内', '2小时以内'; units: assistant/data/units.yaml `time`),
# then the verb it limits ('响应'). '12月31日内' is a date, not 31 days.
TIME_LIMIT_RE = re.compile(
    rf"(?P<limit>(?<![月\d.])(?P<num>{_NUMBER})\s*"
    rf"(?P<unit>{'|'.join(sorted(TIME_UNITS, key=len, reverse=True))})(?:以内|之内|内))"
    r"(?:向社会|向公众)?(?P<verb>[\u4e00-\u9fa5]{0,2})"  # '20个工作日内向社会公示': 公示
)
# A time limit written as a cap on a named time ('故障修复时间不超过24小时'): the name is its own.
CAPPED_TIME_RE = re.compile(
    rf"(?P<name>[\u4e00-\u9fa5]{{2,8}}?(?:时间|时限|时长|时效))(?:不超过|不多于|控制在|≤)\s*"
    rf"(?P<num>{_NUMBER})\s*(?P<unit>{'|'.join(sorted(TIME_UNITS, key=len, reverse=True))})"
    r"(?:以内|之内|内)?"
)
_LEAD_WORDS = re.compile(
    r"^(?:对|为|给|向|在(?![册岗校职编读用])|辖区|全年|每日|每天|每年|共|约|累计|其中|预计|计划(?!生育)|全[区县市镇乡]|全街道)+"
)
_VERB_END = re.compile(r"(?:开展|进行|完成|提供|支持|覆盖|服务|实现|组织|举办|发布|为|约|达|是)$")


class Figure(Model):
    """One number with its unit as the user wrote it, and what it counts."""

    number: float
    unit: str
    noun: str = ""
    text: str = ""


def count_figures(text: str) -> list[Figure]:
    """Counts in the brief (not money, not dates, not time limits)."""
    # '20万亩': a bare 万 before a measure word is a count, not money
    money_spans = [m.span() for m in MONEY_RE.finditer(text) if not measure_follows(text, m)]
    figures: list[Figure] = []
    for match in _counts(text or ""):
        if any(start <= match.start("num") < end for start, end in money_spans):
            continue
        if match["after"].startswith(("共", "合计", "总计")):
            continue  # '每个网格1名共64名': the total that follows is the figure
        if match["unit"] in ("日", "天") or re.match(
            r"\s*(?:年|月|周岁|百分点)", text[match.end("unit") :]
        ):  # '租赁周期为36个月' is a period, not 36个 of anything
            continue
        before = _whole_words(text, match.start("before"), match.end("before"))
        cut = text[max(0, match.start("before") - 2) : match.start("before")]
        if len(before) >= 8 and cut in _CUT_VERBS:  # '消除公路安全隐患路段60处': its 消除 too
            before = cut + before
        listed = _LISTED_BEFORE_RE.search(text[: match.start("before")])
        if listed and match["unit"] in ("人", "名", "户"):  # '高龄、失能老人3000人': both counted
            before = f"{listed[1]}、{before}"
        # whole words after the figure ('12个乡镇综合文化站全年…': 全年 is no part of the name)
        after = text[match.end("unit") :]
        # '210个村（居）法律顾问': a short aside in brackets is part of the name
        aside = re.match(r"([\u4e00-\u9fa5]{1,4})([（(][\u4e00-\u9fa5]{1,3}[）)])", after)
        plain = aside[1] + after[aside.end() :] if aside else after
        noun = _noun(before, re.match(r"[\u4e00-\u9fa5]*", plain)[0][:12])
        noun = re.sub(r"^([村镇乡])(?=\1级)", "", noun)  # '13个村村级组织': 村级组织
        noun = re.sub(r"每个?$", "", noun)  # '…人民调解委员会每个补助2000元'
        if aside and noun.startswith(aside[1]):
            noun = aside[0] + noun[len(aside[1]) :]
        # the quote ends with the noun it counts, never inside a word ('…130个行政村村级组织')
        lead = 1 if noun and after[1:].startswith(noun) else 0  # '13个村村级组织': 村级组织
        end = (
            match.end("unit") + lead + len(noun)
            if after[lead:].startswith(noun) and noun
            else match.end()
        )
        figure = Figure(
            number=float(match["num"]) * (10000 if match["wan"] else 1),
            unit=match["unit"],
            noun=noun,
            text=text[match.end("before") - len(before) : end],
        )
        each = _EACH_PAID_RE.search(text[: match.start("before")]) if not noun else None
        if each:  # '…的中心每个奖励5万元，预计6个': the places paid (奖励中心 6个)
            figure.noun = each["paid"] + each["what"].split("的")[-1]
        previous = figures[-1] if figures else None
        if (
            not noun
            and previous
            and previous.unit == figure.unit
            and previous.noun.startswith("每")
        ):
            # '每校配备保安2名，共90名': the total of what each place has (配备保安 90名)
            figure.noun = re.sub(r"^每[\u4e00-\u9fa5]", "", previous.noun)
        if not any((f.number, f.unit) == (figure.number, figure.unit) for f in figures):
            figures.append(figure)
    return _shared_head(figures, text)


_PLACES = tuple(load_data("brief_words")["place_nouns"])


def _counts(text: str):
    """Each count; the words after one may name the next ('2个档案库房的恒温恒湿空调设备8台': the
    second count's things start inside the first one's trailing words)."""
    match = _COUNT_RE.search(text)
    while match:
        yield match
        # the thing counted ends at 的/为/对…: '10个合作社为1102名…' starts the next after 合作社
        named = re.match(r"[\u4e00-\u9fa5]*?(?=[的为对向给和与及]|$)", match["after"])
        match = _COUNT_RE.search(text, match.end("unit") + len(named.group(0)))


def _shared_head(figures: list[Figure], text: str) -> list[Figure]:
    """'12个街道、156个社区退役军人服务站': the stations are counted in both, so the streets'
    figure takes the head the last one names (街道退役军人服务站)."""
    for one, nxt in zip(figures, figures[1:], strict=False):
        place = next((p for p in _PLACES if nxt.noun.startswith(p)), "")
        head = nxt.noun[len(place) :]
        listed = f"{one.text}、{nxt.text}" in text
        if one.noun in _PLACES and place and len(head) >= 2 and listed:
            one.noun += head
        elif listed and nxt.text[:1].isdigit() and one.unit == "户" and counts_people(nxt.unit):
            nxt.noun = one.noun  # '农村低保对象5200户、9800人': the same people, counted twice
    return figures


def time_limits(text: str) -> list[Figure]:
    """Time limits in the brief ('30日内反馈', '30分钟内响应')."""
    limits: list[Figure] = []
    for match in TIME_LIMIT_RE.finditer(text or ""):
        figure = Figure(number=float(match["num"]), unit=match["unit"], text=match["limit"])
        if not any((f.number, f.unit) == (figure.number, figure.unit) for f in limits):
            limits.append(figure)
    return limits


_LISTED_BEFORE_RE = re.compile(r"(?:^|[的为对给])([\u4e00-\u9fa5]{2,4})、$")


def _whole_words(text: str, start: int, end: int) -> str:
    """text[start:end] with the word cut at its start made whole ('园食堂…' -> '幼儿园食堂…')."""
    if start == 0 or not re.match(r"[\u4e00-\u9fa5]", text[start - 1]):
        return text[start:end]
    position = max(0, start - 4)
    for word in jieba.lcut(text[position:end]):
        if position + len(word) > start:
            return (
                text[min(position, start) : end]
                if re.match(r"[\u4e00-\u9fa5]", word)
                else text[start:end]
            )
        position += len(word)
    return text[start:end]


def _noun(before: str, after: str) -> str:
    """What the figure counts: the noun after it ('12条河道') or the activity before it."""
    after = re.split(r"[的和及与、]|开展|进行|完成|提供|^每", after)[0]  # '60人每人每年' counts 人
    nouns = _STATE_END_RE.sub("", leading_nouns(after))  # '45辆校车安全运行': the 校车
    if nouns in _STATE_WORDS or re.search(_PEOPLE_END, before):
        nouns = ""  # '保障农村低保对象9000人基本生活': the 对象 are counted, not 基本
    if len(nouns) >= 2:  # a bare 项目 says less than '项目补助尾款结算'
        return after if nouns in ("项目", "工作", "任务") else nouns
    before = re.split(r"开展|进行|对(?!象)", before)[-1]  # '低保对象3800人': 对象 is no 对
    before = _LEAD_WORDS.sub("", before)
    place = nouns if nouns in _ONE_CHAR_PLACES else ""  # '支持12个村实施…' -> 支持村
    return (_VERB_END.sub("", before) or before) + place


_EACH_PAID_RE = re.compile(
    r"(?P<what>[\u4e00-\u9fa5]{1,6})每[个家户所座处](?P<paid>奖励|补助|补贴|奖补)[\d.]+万?元[，,]\s*$"
)
_CUT_VERBS = frozenset(load_data("brief_words")["activity_verbs"]) | {"消除", "排除"}
_ONE_CHAR_PLACES = tuple(load_data("brief_words")["one_char_places"])
_WORK_VERBS = frozenset(load_data("brief_words")["activity_verbs"])
_STATE_WORDS = tuple(load_data("brief_words")["state_words"])
_STATE_END_RE = re.compile(rf"(?:{'|'.join(_STATE_WORDS)})$")
_PEOPLE_END = rf"(?:{'|'.join(load_data('brief_words')['counted_before'])})$"
_VERB_NOUNS = tuple(load_data("brief_words")["verb_nouns"])
# jieba tags that end a name: verbs, prepositions, conjunctions, adverbs, particles, numerals, times
_NOT_NAME = ("v", "p", "c", "d", "u", "m", "t")


def leading_nouns(text: str) -> str:
    """The words after a figure up to the first verb or preposition: '10个合作社为入股贫困户…' ->
    合作社; '5座实行区…' -> '' (the figure counts what is before it)."""
    out = ""
    tokens = posseg.lcut(text)
    for at, token in enumerate(tokens):
        # '综合文化站': a verbal noun before a noun is part of the name
        following = tokens[at + 1].flag if at + 1 < len(tokens) else ""
        named = token.flag == "vn" and following.startswith("n")
        named = named or (token.word == "点" and bool(out))  # '隐患点': jieba tags 点 a numeral
        # jieba tags some verbs as names ('新建' ns): the brief's work verbs end the noun too
        if not named and token.flag[:1] in _NOT_NAME or token.word in _WORK_VERBS:
            break
        # '公共厕所保洁': a word jieba calls an adjective ends no name (困难群众 goes on to 群众)
        if token.flag == "a" and out and (at + 1 == len(tokens) or not following.startswith("n")):
            break
        out += token.word
    for noun in _VERB_NOUNS:  # '130个行政村村级组织': 组织 is no verb there
        at = text.find(noun)
        if 0 <= at <= len(out) < at + len(noun):
            out = text[: at + len(noun)]
    return out


# A name that already ends in its measure gets no second one ('情景教学或外训批次6批次').
MEASURE_ENDINGS = (
    "数量",
    "总数",
    "批次",
    "人次",
    "次数",
    "人数",
    "户数",
    "场次",
    "天数",
    "面积",
    "长度",
    "种类",
    "轮次",
    "期数",
    "宽度",
    "高度",
    "深度",
)


def is_measured(name: str) -> bool:
    """The name already says its measure ('开设课程数量', '采血量', '日处理规模'): no second one."""
    return name.endswith((*MEASURE_ENDINGS, "量", "规模"))


def row_name(figure: Figure) -> str:
    """A 三级 name for a brief figure: 供餐人次, 河道数量, 道路长度, 养护面积."""
    noun, unit = figure.noun or "主要工作", figure.unit
    if is_measured(noun):
        return noun
    if unit.endswith("次"):
        return noun + ("次数" if unit in ("次", "万次") else unit.removeprefix("万"))
    if unit == "TB":  # '容量500TB' -> 存储容量
        return "存储容量" if noun in ("容量", "主要工作") else re.sub(r"容量$", "", noun) + "容量"
    if unit in ("公里", "千米", "米"):
        return re.sub(r"(?:全长|长度)$", "", noun).replace("总长", "总") + "长度"
    if unit in ("平方米", "亩"):
        return re.sub(r"面积$", "", noun) + "面积"
    if counts_people(unit):  # '高血压患者规范管理1.5万人'
        return noun + "人数"
    if unit == "户":  # '涉及居民1800户' -> 居民户数
        return re.sub(r"户$", "", noun) + "户数"
    return noun + ("场次" if unit == "场" else "数量")


def number_text(number: float) -> str:
    return f"{number:.6f}".rstrip("0").rstrip(".")
