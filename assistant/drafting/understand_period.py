"""The period of a brief: its span, duration, deadline (with what is due by it) and frequencies.

The words (festivals and seasons a deadline is set by, deadline verbs, frequency periods) are
data in `assistant/data/time_words.yaml`; the patterns are built from them here.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from assistant.drafting.amounts import to_number
from assistant.drafting.facts import Period
from assistant.drafting.figures import CAPPED_TIME_RE, TIME_LIMIT_RE
from assistant.drafting.understand_outcome import CUT_TO_RE
from assistant.taxonomy import load_data

TIME = load_data("time_words")


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _events() -> str:
    """Festival and season words; a one-character word ('节', '汛') only at a clause start or
    after 在/于/年, so '季节前', '防汛前' or a listed '、汛前检查' (a kind of check) is no deadline."""
    long = [w for w in TIME["deadline_events"] if len(w) > 1]
    short = [w for w in TIME["deadline_events"] if len(w) == 1]
    alts = [_alternatives(long)] + [
        rf"(?:(?<![\u4e00-\u9fa5、])|(?<=[在于年])){re.escape(w)}" for w in short
    ]
    event = "|".join(alts)
    return rf"(?:(?:{event})[、和与及])?(?:{event})"


_CM = r"(?:\d{1,2}月(?:\d{1,2}日)?|(?:上|下)半年)"
_ISO = r"(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}"  # '2024-01-01至2026-12-31', '2026/1/1'
_DATE = rf"(?:{_ISO}|(?:19|20)\d{{2}}年(?:{_CM})?|{_CM})"
# '11月至次年3月': the span may end in the next year
_SPAN_RE = re.compile(rf"(?P<s>{_DATE})\s*(?:至|到|—|－|-|~|～)\s*(?P<e>(?:次年|翌年)?{_DATE})")
_DURATION_RE = re.compile(
    r"(?:为期|历时|会期|每期(?:培训|学习|轮训)?|周期为?|工期为?|服务期为?|运营期为?|租期为?|期限为?)\s*(?!(?:19|20)\d{2}年)(?P<d>[\d一二三四五六七八九十两半]+(?:个)?(?:天|日|周|个月|月|年|学时|课时))"
)
_MONTH = (
    r"(?:(?:19|20)\d{2}年(?=底|末))?(?:(?:(?:19|20)\d{2}年)?\d{1,2}月(?:底|末|中旬|上旬|下旬|\d{1,2}日)?"
    r"|年底|年末|底|末)"
)
_VERBS = _alternatives(TIME["deadline_verbs"])
# 'N月底前' or '春节前' is a deadline whatever is due by it ('10月底前通过测评'); 'N月底' or
# '暑期内' only with a deadline verb after it ('暑期内完工'; '防火期内每日巡护' is no deadline).
_DEADLINE_RE = re.compile(
    rf"(?P<d>(?:{_MONTH}|{_events()})(?:前|之前|以前)"
    rf"|(?:{_MONTH}(?:内|结束前)?(?!各)|(?:{_alternatives(TIME['deadline_spans'])})(?:内|结束前)|暑期|暑假|寒假"
    r"|按(?:合同|协议)?约定(?:的)?时间)"
    rf"(?=\s*(?:全部|全面|基本)?[\u4e00-\u9fa5]{{0,4}}?(?:{_VERBS})))"
    r"\s*(?:全部|全面|基本)?(?P<task>[^，。；,;、\n]{0,20})"
)
_HELD_RE = re.compile(
    r"(?<![\d年])(?P<d>\d{1,2}月(?:上旬|中旬|下旬|初|中|底)?)份?"
    r"(?P<task>(?:组织)?(?:开展|举办|召开|进行)[^，。；,;\n]{2,20})"
)
_PERIODS = _alternatives(TIME["frequency_periods"])
# '春秋两季', and months named for a payout ('6月和12月各拨付一次', '于每年6月和12月分两次拨付')
_SEASONS = _alternatives(TIME["season_frequencies"]) + r"|\d{1,2}月(?:[和及]\d{1,2}月)+"
_FREQ_RE = re.compile(
    rf"(?:(?P<lead>每|按|分)(?:[两半]?个?)(?P<p>{_PERIODS})|(?P<season>{_SEASONS}))"
    r"(?P<tail>[^，。；,;、\n]{0,18})"
)
_COUNT_RE = re.compile(
    r"(?:不少于|不低于|至少|达到|共)?(?P<n>\d+|[一二两三四五六七八九十]+)\s*(?:次|轮|遍|趟)"
)
_HOURS_RE = re.compile(
    r"(?:不少于|不低于|至少|达到)?(?P<n>\d+(?:\.\d+)?)\s*(?P<u>个?小时|分钟|天|日)"
)
# '按月足额发放', '按月随工资发放' are paid monthly
_MANNER = r"(?:足额|全额|及时|按时|准时|随工资(?:一并|一起)?)?"
_PER_UNIT_BEFORE_RE = re.compile(r"(?:每|[人户生亩]均)[\u4e00-\u9fa5]$")
_PLAIN_LEAD_RE = re.compile(r"^(?:开展|进行|组织|实行|实施|落实)")
_DOERS = tuple(TIME["frequency_doers"])
_WHEN_RE = re.compile(r"^(?![按每分])(?:全年|[\u4e00-\u9fa5]{1,4}?(?:期内|期间|期))")


def season_timed(clause: str) -> bool:
    """'丰水期、枯水期各检测一次': how often, the 时效 row's; no work of its own."""
    return bool(
        re.match(rf"[\u4e00-\u9fa5]{{0,6}}?(?:于|在)?(?:每年)?(?:{_SEASONS})[各分]", clause)
    )


def without_when(text: str) -> str:
    """The text after the stretch of time it opens with ('汛期每日巡查1次' -> 每日巡查1次)."""
    return _WHEN_RE.sub("", text, count=1)


_ROUND_CLOCK_RE = re.compile(
    r"(?P<when>[\u4e00-\u9fa5]{1,2}期(?:内|间)?)?(?:7\s*[×*xX]\s*|(?<![×*xX]))24\s*小时"
    rf"(?P<work>{_alternatives(TIME['round_clock_work'])})"
)


def round_the_clock(text: str) -> tuple[str, list[str]]:
    """'开展防火期24小时值守' -> the text without the hours ('开展防火期值守': the work) and the
    frequency it states ('防火期24小时值守': each day, 24 hours)."""
    phrases = [m.group(0) for m in _ROUND_CLOCK_RE.finditer(text)]
    return _ROUND_CLOCK_RE.sub(lambda m: f"{m['when'] or ''}{m['work']}", text), phrases


def as_written(part: str, text: str) -> str:
    """A clause of the text `round_the_clock` returned, as the brief wrote it (with its 24小时)."""
    words = _alternatives(TIME["round_clock_work"])
    pattern = re.sub(rf"({words})", r"(?:(?:7\\s*[×*xX]\\s*)?24\\s*小时)?\1", re.escape(part))
    found = re.search(pattern, text)
    return found.group(0) if found else part


class Frequency(NamedTuple):
    """'区级河长每月巡河不少于1次' -> subject 区级河长, 每月, 巡河, count 1; '防火期内每日巡护' ->
    when 防火期内; '每周开放56小时' -> hours 56小时; '春秋两季集中免疫' -> every 春秋两季."""

    when: str
    subject: str
    every: str
    verb: str
    count: str = ""
    hours: str = ""
    each: str = ""  # '丰水期、枯水期各检测一次': the count is each season's


def _chinese_date(date: str) -> str:
    """'2024-01-01' -> 2024年1月1日, as the 时效 row writes it; other dates as written."""
    iso = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", date)
    return f"{iso[1]}年{int(iso[2])}月{int(iso[3])}日" if iso else date


def find_period(text: str) -> Period:
    """Span (2023年7月至2024年1月), duration (为期5天), deadline (6月底前完成, 春节前发放到位),
    frequencies (每月巡河不少于1次, 按月发放) and limits (7日内处治)."""
    period = Period()
    span = _SPAN_RE.search(text)
    if span:
        period.start, period.end = _chinese_date(span["s"]), _chinese_date(span["e"])
        period.text = span.group(0)
    duration = _DURATION_RE.search(text)
    if duration:
        period.duration = duration["d"]
    paid_in = [m.span() for m in re.finditer(rf"(?:{_SEASONS})[各分]", text)]
    deadlines = [
        d
        for d in _DEADLINE_RE.finditer(text)
        # '项目已于2024年7月完成招标采购': done before, no target of this year
        if not re.search(r"已(?:经|于|在)?$", text[max(0, d.start() - 3) : d.start()])
        and not (span and span.start() <= d.start() < span.end())
        and not any(a <= d.start() < b for a, b in paid_in)  # '6月和12月分两次拨付'
    ]
    # '汛前5月底前入库': the date inside an occasion's task is the deadline
    deadlines = [_DEADLINE_RE.match(d["task"]) or d for d in deadlines]
    # a date beats an occasion ('开学前…，8月31日前完成检查': 8月31日前)
    dated = [d for d in deadlines if re.search(r"\d", d["d"])] or deadlines
    if dated:
        period.deadline, period.deadline_task = dated[0]["d"], dated[0]["task"].strip()
    held = _HELD_RE.search(text) if not dated and not span else None
    if held:  # '6月上旬组织开展全区防汛综合应急演练1次': when the event is held
        period.deadline, period.deadline_task = held["d"], held["task"]
    period.frequencies = _frequencies(text) + round_the_clock(text)[1]
    if period.frequencies:
        first = frequency_parts(period.frequencies[0])
        period.frequency = period.frequencies[0][len(first.when + first.subject) :]
    cut = [m.span() for m in CUT_TO_RE.finditer(text)]  # a time brought down is a result
    period.limits = [
        _subject_before(text, m.start()) + m.group(0) + _done_after(text, m)
        for m in TIME_LIMIT_RE.finditer(text)
        if not any(a <= m.start() < b for a, b in cut)
    ]
    period.limits += [m.group(0) for m in CAPPED_TIME_RE.finditer(text)]
    period.limits += [m.group(0) for m in SAME_DAY_RE.finditer(text)]
    return period


# '检查结果当日告知', '快检结果当天反馈学校': a limit of one day
SAME_DAY_RE = re.compile(
    r"(?P<p>[\u4e00-\u9fa5]{0,6}?(?:报告|结果|意见|信息))当[日天](?P<v>告知|反馈|出具|答复|报送|公示|公布|公开)"
)


# '检测报告30日内提交': the paper due names the limit (检测报告提交时限), not a bare 提交时限
_PAPER_RE = re.compile(
    r"(?P<p>[\u4e00-\u9fa5]{0,4}(?:报告|结果|方案|意见|资料|材料))(?:在[\u4e00-\u9fa5]{1,4}后)?$"
)  # '评审报告在受理后20个工作日内出具'


def _subject_before(text: str, at: int) -> str:
    paper = _PAPER_RE.search(text[max(0, at - 14) : at])
    return paper.group(0) if paper else ""  # as written, '…在受理后' too


def _frequencies(text: str) -> list[str]:
    """Each frequency as written, with what its clause says before it ('村级河长每周巡河1次',
    '防火期内每日巡护'). Not one: a pay standard ('每人每月2800元'), a yearly budget's 每年, 按
    without a verb ('按年度预算')."""
    found = []
    written, text = text, _YEARLY_MONTHS_RE.sub("", text)  # '每年6月和12月分两次拨付': the months
    for match in _FREQ_RE.finditer(text):
        tail = match["tail"]
        # '每人每月2800元' is a pay standard; '每人每月服务不少于4次' each one's frequency
        counted = _COUNT_RE.search(tail) or _HOURS_RE.search(tail)  # '每站每周开放不少于42小时'
        standard = _PER_UNIT_BEFORE_RE.search(text[: match.start()]) and not counted
        # '每名网格员每月补贴1450元': what is paid each month, a pay standard too
        paid = re.match(r"[\u4e00-\u9fa5]{0,4}?\s*[\d.]+\s*[万千]?元", tail)
        yearly = match["p"] == "年" and "半" not in match.group(0)  # '每半年' is a frequency
        if standard or paid or yearly:
            continue
        if match["lead"] in ("按", "分") and not re.match(
            rf"{_MANNER}(?:{_VERBS}|考核|巡查|检查)", tail
        ):
            continue
        phrase = match.group(0)[: len(match.group(0)) - len(tail) + _phrase_end(tail)]
        clause = re.split(r"[，。；,;、\n]", text[: match.start()])[-1].strip()
        clause = re.sub(r"^(?:其中|另外|同时)", "", clause)  # '其中废水监测每季度一次'
        clause = _after_count(clause)
        phrase = clause + phrase if len(clause) <= 10 and not re.search(r"\d", clause) else phrase
        found.append(phrase if phrase in written else _YEARLY_MONTHS_RE.sub("每年", phrase, 1))
    return list(dict.fromkeys(found))


def _after_count(text: str) -> str:
    """'对在册社区矫正对象320人开展集中教育': the work after the people counted is what is timed."""
    return re.split(r"\d+(?:\.\d+)?[\u4e00-\u9fa5]?", text)[-1]


# 每年 before months a payout names: removed to read the months, put back (at the months) to
# quote the brief as written
_YEARLY_MONTHS_RE = re.compile(r"每年(?=\d{1,2}月[和及])|(?<![每年\d])(?=\d{1,2}月[和及]\d)")


def _phrase_end(tail: str) -> int:
    """Where the frequency's own words end in the rest of the clause: after its count or hours
    (after the work when it follows the count: '每季度开展一次安全培训'), or before any other figure."""
    count = _COUNT_RE.search(tail) or _HOURS_RE.search(tail)
    if count and not _PLAIN_LEAD_RE.sub("", tail[: count.start()]):
        return len(tail)
    if count and re.match(rf"(?:{_VERBS})", tail[count.end() :]):  # '分两次拨付'
        return len(tail)
    if count:
        return count.end()
    digit = re.search(r"\d", tail)
    return digit.start() if digit else len(tail)


def frequency_parts(phrase: str) -> Frequency:
    """The parts of a frequency phrase that `find_period` kept (or an LLM wrote)."""
    phrase = re.sub(r"每年(?=\d{1,2}月[和及])", "", phrase)  # the months are when, not 每年
    clock = _ROUND_CLOCK_RE.fullmatch(phrase)
    if clock:
        return Frequency(clock["when"] or "", "", "每天", clock["work"], hours="24小时")
    match = _FREQ_RE.search(phrase)
    if not match:
        return Frequency("", "", "", phrase)
    before, tail = phrase[: match.start()], match["tail"]
    when = _WHEN_RE.match(before)
    when = when.group(0) if when else ""
    every = phrase[match.start() : match.start("tail")]
    count, hours = _COUNT_RE.search(tail), _HOURS_RE.search(tail)
    cut = min(m.start() for m in (count, hours) if m) if count or hours else len(tail)
    each = "各" if tail.startswith("各") else ""
    verb = re.sub(rf"^{_MANNER}", "", _PLAIN_LEAD_RE.sub("", tail[len(each) : cut]).strip())
    verb = re.sub(r"(?:不少于|不低于|至少|达到|共)$|^分$", "", verb)  # '分两次拨付': 拨付
    if not verb and count:  # '每季度开展一次安全培训'
        verb = tail[count.end() :].strip()
    subject = before[len(when) :]
    if not verb and not subject.endswith(_DOERS):  # '数据备份每周1次': the work is before it
        verb, subject = _PLAIN_LEAD_RE.sub("", _after_count(subject)) or subject, ""
    number = count["n"] if count else ""
    return Frequency(
        when,
        subject,
        every,
        verb,
        count=f"{to_number(number):g}" if number else "",
        hours=f"{hours['n']}{hours['u']}" if hours and not count else "",
        each=each,
    )


def _done_after(text: str, limit: re.Match) -> str:
    """'24小时内主干道积雪清除完毕': the work a limit is on runs to what ends it (完毕, 完成), not
    just the two characters after it (主干)."""
    rest = re.match(r"[\u4e00-\u9fa5]{0,12}", text[limit.end() :])[0]
    done = re.match(r"(.{2,}?)(?:完毕|完成|到位)$", limit["verb"] + rest)
    return done[1][len(limit["verb"]) :] if done and len(done[1]) > len(limit["verb"]) else ""
