"""时效 rows from the brief's period: the span as written, deadline, duration, frequency, limits."""

from __future__ import annotations

import os
import re

from assistant.drafting.compose_base import brief_source, make_row, tail_words, unique
from assistant.drafting.facts import Assumption, Period, ProjectFacts
from assistant.drafting.figures import CAPPED_TIME_RE
from assistant.drafting.project_types import family_of, type_of
from assistant.drafting.understand_period import SAME_DAY_RE, Frequency, frequency_parts
from assistant.schema import (
    TIMELINESS,
    Indicator,
    SourceRef,
)
from assistant.taxonomy import counts_people, load_data

_YEARLY = ("每年", "每年度")
_TIME = load_data("time_words")
_DEADLINE_VERBS = sorted(_TIME["deadline_verbs"], key=len, reverse=True)
_DEADLINE_OBJECTS: dict[str, str] = _TIME["deadline_objects"]
_OWN_WORDS: dict[str, str] = _TIME["deadline_own_words"]
_PAYOUT_MONEY: dict[str, str] = load_data("brief_words")["payout_money"]
_PAID_RE = re.compile("|".join(load_data("brief_words")["paid_words"]))
_BUYING = frozenset(_TIME["buying_verbs"])
_ACTIVITY_VERBS = sorted(load_data("brief_words")["activity_verbs"], key=len, reverse=True)


_VIA_RE = re.compile(r"^通过[“\"]?[^”\"，。]{1,8}?[”\"]?(?=发放|拨付|兑付|支付|上报|报送)")


def time_rows(
    facts: ProjectFacts, year: int, layout: str
) -> tuple[list[Indicator], list[Assumption]]:
    """The brief's span, deadline, duration, frequency and limits; none: the budget year's end."""
    kind = type_of(facts.main_type)
    word = kind.deadline_word if kind else "项目完成"
    # '配备专职网格员45名' staffs, it buys nothing
    verbs = {a.verb for a in facts.activities if a.verb not in _BUYING or not counts_people(a.unit)}
    if verbs and verbs <= _BUYING:  # a 森林防火 project that only buys gear patrols nothing
        word = "采购完成"
    found = _stated(facts, year, word)
    if found:
        rows = [make_row(TIMELINESS, name, value, f"按项目描述：{text}", brief_source(text))
                for name, value, text in found]  # fmt: skip
        return unique(rows), []
    if kind and kind.time_limit:  # 运维 tables print a response limit, not the year's end
        name, value = kind.time_limit
        source = SourceRef(rule=f"项目类型（{kind.key}）的常用时效指标")
        row = make_row(TIMELINESS, name, value, "按同类项目常用时限", source)
        text = f"项目描述未写时限，按{kind.key}类项目常用「{name}{value}」填写，请按合同约定修改。"
        return [row], [Assumption(code="A-PERIOD-TYPE", row=name, message=text)]
    value = f"{year}年12月31日前完成"
    source = SourceRef(rule="项目描述未写时间，按预算年度年底前完成")
    row = make_row(TIMELINESS, f"{word}时间", value, "按预算年度安排完成", source)
    note = Assumption(
        code="A-PERIOD-YEAR-END", row=row.name, message=f"项目描述未写完成时间，暂按{value}填写。"
    )
    return [row], [note]


def _stated(facts: ProjectFacts, year: int, word: str) -> list[tuple[str, str, str]]:
    """(name, value, brief text) of each period fact the brief states."""
    period, found = facts.period, []
    if period.start and period.end:
        service = "服务" in period.text or facts.main_type in ("物业后勤", "购买服务", "运维")
        end = re.sub(r"^(?:次年|翌年)", f"{year + 1}年", period.end)  # '11月至次年3月'
        span = f"{_with_year(period.start, year)}至{end}"
        found.append(("服务周期" if service else "实施周期", span, period.text))
    if period.deadline:
        found.append(_deadline(period, year, word, _paid(facts)))
    if period.duration and not found:  # the brief's own words: '租赁周期为36个月' is no '为期…'
        service = family_of(facts.main_type) in ("物业后勤", "购买服务", "运维")
        family = family_of(facts.main_type)  # 职业技能培训 is a 培训: '每期培训15天' is its length
        label = f"{family}时长" if family in ("培训", "会议") else "实施周期"
        label = "服务周期" if service else label
        held = label.endswith("时长")  # '培训时间每期3天': a course's length, not a cap on it
        found.append((label, f"{'=' if held else '≤'}{period.duration}", period.duration))
    found += _frequencies(period, _paid(facts))
    for limit in period.limits[:2]:
        capped = CAPPED_TIME_RE.fullmatch(limit)  # '故障修复时间不超过24小时'
        if capped:
            found.append((capped["name"], f"≤{capped['num']}{capped['unit']}", limit))
            continue
        same_day = SAME_DAY_RE.fullmatch(limit)  # '检查结果当日告知' -> 检查结果告知时限 ≤1日
        if same_day:
            found.append((f"{same_day['p']}{same_day['v']}时限", "≤1日", limit))
            continue
        lead = re.match(r"[\u4e00-\u9fa5]+", limit)  # '检测报告30日内提交', '评审报告在受理后…'
        bare = limit[lead.end() :] if lead else limit
        paper = (
            re.match(r"[\u4e00-\u9fa5]*?(?:报告|结果|方案|意见|资料|材料)", lead[0])
            if lead
            else None
        )
        value = f"≤{re.sub(r'(?:以内|之内|内).*$', '', bare)}"
        name = _limit_name(facts, bare, paper[0] if paper else "")
        found.append((re.sub(r"向(?:社会|公众)", "", name), value, limit))  # 检查结果公示时限
    return found


def _with_year(text: str, year: int) -> str:
    """'10月底前' -> 2026年10月底前, '春节前' -> 2026年春节前, '年底前' -> 2026年底前 (a date the
    review can read); '2023年底前' stays."""
    if re.match(r"(?:19|20)\d{2}年|底|末|按", text):  # '按合同约定时间': no date to add a year to
        return text
    return f"{year}{text}" if text.startswith("年") else f"{year}年{text}"


def _deadline(period: Period, year: int, word: str, paid: str) -> tuple[str, str, str]:
    """'10月底前通过省级数字档案馆测评' -> 测评通过时间 2026年10月底前; '春节前发放到位' (每人500元
    慰问) -> 慰问金发放时间 2026年春节前发放到位; '12月底前完成数据审核上报' -> 数据审核上报完成时间."""
    date, task = _with_year(period.deadline, year), period.deadline_task
    said = f"{period.deadline}{task}"
    task = _VIA_RE.sub("", task)  # '通过“一卡通”发放到户': 发放 is due, 通过 says how
    verb = next((v for v in _DEADLINE_VERBS if task.startswith(v)), "")
    obj = re.sub(r"(?:到位|完毕|工作)$", "", task[len(verb) :]) if verb else ""
    obj = re.sub(r"^(?:19|20)\d{2}年度?", "", obj)  # '完成2027年度参保缴费': 参保缴费
    obj = re.sub(r"^[\d.]+万?[\u4e00-\u9fa5]", "", obj)  # '完成38座水库安全鉴定': 水库安全鉴定
    if verb == "完成":
        obj = re.sub(r"^(?:并|和|及)", "", obj)  # '完成并通过验收' is due by the date: 验收通过时间
        obj = obj.split("并")[0] if len(obj) > 8 else obj  # '完成安装调试并投入使用': 安装调试
        name = f"{obj}完成时间" if 2 <= len(obj) <= 8 else f"{word}时间"
        name = f"{obj[2:]}通过时间" if obj.startswith("通过") and len(obj) >= 4 else name
        return name, f"{date}完成", said
    if verb and obj.startswith(("并", "和")):  # '完工并通过交工验收': 完工 is due by the date
        return f"{verb}时间", f"{date}{verb}", said
    if verb in _DEADLINE_OBJECTS and len(obj) < 2:  # '春节前发放到位' -> 慰问金发放时间
        return f"{_payout_object(verb, paid)}{verb}时间", f"{date}{task}", said
    if verb and verb in word:  # '上线试运行' of a 系统上线 project
        return f"{word}时间", f"{date}{task}", said
    # '建成投用', '建成开放': two steps in order
    if verb and obj in (*_DEADLINE_VERBS, "运行", "使用", "开放"):
        return f"{task}时间", f"{date}{task}", said
    if verb and len(obj) >= 2:
        return f"{tail_words(obj, 4)}{verb}时间", date, said
    if verb:  # '暑期内完工', '12月底前分红': the project's own word names the row
        return f"{_OWN_WORDS.get(verb, word)}时间", f"{date}{task}", said
    done = re.fullmatch(r"(?P<w>[\u4e00-\u9fa5]{2,6}?)(?:完毕|结束)", task)
    if done:  # '9月底前安装调试完毕' -> 安装调试完成时间
        return f"{done['w']}完成时间", f"{date}{task}", said
    lead = next((v for v in _ACTIVITY_VERBS if task.startswith(v)), "")
    held = re.sub(r"^(?:组织|开展|举办|召开|进行)+|\d+\s*[次场期届]$", "", task)
    # '春节前慰问麻风村休养员', '春节前走访慰问重点优抚对象480人' (走访慰问时间; a plain 组织 or
    # 开展 names nothing: '组织开展…应急演练1次' is timed below)
    verbs = re.match(rf"(?:{'|'.join(_ACTIVITY_VERBS)})+", task) if held == task else None
    if verbs and (len(task) <= 10 or re.search(r"\d", task)):
        value = f"{date}{task}" if len(task) <= 10 and not re.search(r"\d", task) else f"{date}完成"
        return f"{verbs.group(0)[:6]}时间", value, said
    if lead and len(held) >= 4:  # '6月上旬组织开展全区防汛综合应急演练1次' -> 应急演练时间
        return f"{tail_words(held, 4)}时间", f"{date}完成", said
    return f"{word}时间", date if date.endswith("完成") else f"{date}完成", said


def _frequencies(period: Period, paid: str) -> list[tuple[str, str, str]]:
    """A row per frequency the brief states, named after its own verb ('每周巡河1次' ->
    巡河频次 每周巡河≥1次); two of the same verb are told apart by their subject (区级河长) or
    their stretch of time (汛期巡查频次, 非汛期巡查频次)."""
    phrases = period.frequencies or ([period.frequency] if period.frequency else [])
    parts = [(p, frequency_parts(p)) for p in phrases[:3]]
    parts = [(p, f) for p, f in parts if f.count or f.hours or f.every not in _YEARLY]
    names = [_frequency_name(f, paid) for _, f in parts]
    rows = []
    months = {n for (_, f), n in zip(parts, names, strict=True) if f.every[:1].isdigit()}
    month_verbs = {f.verb for _, f in parts if f.every[:1].isdigit()}
    for (phrase, part), name in zip(parts, names, strict=True):
        if part.verb in month_verbs and part.every.startswith("按"):
            continue  # '按半年拨付，7月和12月各拨付一次': the months say it
        if names.count(name) > 1 and name not in months:  # told apart by who or when (汛期)
            name = (part.subject or part.when.removesuffix("内")) + name
        rows.append((name, _frequency_value(part), phrase))
    return rows


def _frequency_name(part: Frequency, paid: str) -> str:
    verb = tail_words(part.verb, 8) if part.verb else ""
    if part.hours:  # '每周开放不少于6天' counts days, not hours
        return f"{part.every}{verb}{'天数' if part.hours.endswith(('天', '日')) else '时长'}"
    if not part.every.startswith("每") and verb in _DEADLINE_OBJECTS:  # 按月, 春秋两季
        # '资助资金按学期发放' names the money itself; '按月发放' -> 补贴发放频次
        named = part.subject if part.subject.endswith(("资金", "经费", "金")) else ""
        return f"{named or _payout_object(verb, paid)}{verb}频次"
    return f"{verb}频次" if verb else "工作频次"


def _frequency_value(part: Frequency) -> str:
    """101号 wants a frequency with a count: '防火期内每日巡护' -> 防火期内每日巡护≥1次;
    '按月发放' -> 按月发放（每月1次）; '春秋两季集中免疫' as written."""
    if part.hours:
        return f"≥{part.hours}"
    if part.every.startswith(("按", "分")):
        return f"{part.when}{part.every}{part.verb}（每{part.every[1:]}1次）"
    if not part.every.startswith("每"):  # '丰水期、枯水期各检测一次' -> …各检测1次
        times = f"{part.each}{part.verb}{part.count}次" if part.count else part.verb
        year = "每年" if part.every[:1].isdigit() else ""  # '每年6月和12月各拨付1次': no bare 6
        return f"{part.when}{year}{part.every}{times}"
    each = re.search(r"每[人户名位]$", part.subject)  # '每人每月服务不少于4次'
    each = each.group(0) if each else ""
    return f"{part.when}{each}{part.every}{part.verb}≥{part.count or 1}次"


def _paid(facts: ProjectFacts) -> str:
    """What the project pays out, by its standard ('慰问标准' -> 慰问金, '补贴标准' -> 补贴)."""
    # a share ('补贴比例 ≤30%') says how much, not what is paid
    cores = [
        re.sub(r"^[一二三四五]档", "", c.name.removesuffix("标准"))  # '一档生活补助标准'
        for c in facts.costs
        if c.unit_cost and c.amount
    ]
    # '城市低保标准', '农村低保标准': both pay 低保
    common = os.path.commonprefix([c[::-1] for c in cores])[::-1] if len(cores) > 1 else ""
    paid = _PAID_RE.search(common)  # '伤残家庭扶助金', '死亡家庭扶助金': both pay 扶助金
    common = common[paid.start() :] if paid and common[: paid.start()].endswith("家庭") else common
    core = common if len(common) >= 2 else next(iter(cores), "")
    core = re.sub(r"^每[\u4e00-\u9fa5]{1,2}?(?=[\u4e00-\u9fa5]{2})", "", core)  # 每学期…
    return _PAYOUT_MONEY.get(core, core) if core != "支出" else ""


def _payout_object(verb: str, paid: str) -> str:
    """'发放' with no object of its own: what the standard pays, else 资金."""
    return paid if paid and verb in ("发放", "拨付", "兑付", "支付") else _DEADLINE_OBJECTS[verb]


_LIMIT_NAMES = {
    "响应": "故障响应时间", "反馈": "问题反馈时限", "到场": "到场时间", "办结": "办结时限",
    "处置": "处置时限", "解决": "故障解决时限", "修复": "故障修复时限", "完成": "完成时限",
}  # fmt: skip


def _limit_name(facts: ProjectFacts, limit: str, paper: str = "") -> str:
    """'30日内反馈' -> 问题反馈时限; '1小时内响应' -> 故障响应时间; '检测报告30日内提交' ->
    检测报告提交时限 (what is due names it)."""
    verb = re.sub(r"^.*(?:以内|之内|内)", "", limit)
    if paper and verb:
        return f"{paper}{verb}时限"
    return _LIMIT_NAMES.get(verb, f"{verb}时限" if verb else "响应时限")


# ---------------------------------------------------------------- 成本, 效益, 满意度
