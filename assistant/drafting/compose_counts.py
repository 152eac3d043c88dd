"""数量 rows of work the brief states as a frequency ('每月巡河不少于1次': counted over the year),
as a task set from above ('完成…下达的年度拆违任务': done in full) or as a list of service items
with no count (one row for the service, not one '≥1项' per item); and the brief's counts no row
states yet (`uncovered_figures`)."""

from __future__ import annotations

import re

from assistant.drafting.adapt import brief_words
from assistant.drafting.compose_base import brief_source, make_row, num
from assistant.drafting.facts import Activity, ProjectFacts
from assistant.drafting.figures import count_figures, number_text, row_name
from assistant.drafting.project_types import type_of
from assistant.drafting.understand import WORDS
from assistant.drafting.understand_period import frequency_parts
from assistant.drafting.understand_sizes import part_name
from assistant.drafting.understand_targets import to_count
from assistant.schema import OUTPUT, QUANTITY, Indicator, ProjectBrief, SourceRef
from assistant.taxonomy import counts_people, load_data

PROVIDERS = tuple(WORDS["provider_nouns"])
_TIMES_A_YEAR: dict[str, int] = load_data("time_words")["times_a_year"]
# A clause listing this many uncounted service items ('维护安全巡逻、环境卫生及物业日常管理') is
# one service: three '≥1项' rows of its items say nothing a reviewer can check.
MIN_LISTED = 3
SERVICE_CONTENT_TYPES = tuple(WORDS["service_content_types"])
_COMPLETED = tuple(WORDS["completed_tasks"])
_GRANT_VERBS = tuple(WORDS["grant_verbs"])
_VERBS = frozenset(WORDS["activity_verbs"])
# Verbs that say only that work is done: the object names the work ('开展法治培训' -> 法治培训).


def per_year(act: Activity) -> Indicator | None:
    """'区级河长每月巡河不少于1次' -> 区级河长巡河次数 ≥12次: the year's count of a work done every
    month (week, quarter); who does it stays in the name unless it is the contractor (单位)."""
    part = frequency_parts(act.text)
    times = _TIMES_A_YEAR.get(part.every.removeprefix("每"))
    if act.count is None or not times or not part.count or not part.verb or act.unit != "次":
        return None
    who = part.subject if 2 <= len(part.subject) <= 5 else ""
    who = "" if who.endswith((*PROVIDERS, "单位")) else who
    value = f"≥{num(act.count * times)}次"
    text = f"按项目描述：{act.text}（全年{num(act.count * times)}次）"
    each = _EACH_LEAD_RE.match(act.text) or _EACH_PLACE_RE.search(
        act.text.split(part.verb)[0] + part.verb
    )
    if each:  # '对86所学校食堂开展食品快检每学期2次': each school's year, not the project's
        name = f"每{each['u']}{each['p']}{act.object}次数"
        return make_row(QUANTITY, name, value, text, brief_source(act.text))
    return make_row(QUANTITY, f"{who}{part.verb}次数", value, text, brief_source(act.text))


# '每个儿童之家每年开展活动不少于24次'
_EACH_LEAD_RE = re.compile(
    r"每(?P<u>所|个|家|座|处)(?P<p>[\u4e00-\u9fa5]{2,5}?)(?=(?:每[\u4e00-\u9fa5]{1,2})?开展)"
)
_EACH_PLACE_RE = re.compile(
    r"\d+(?P<u>所|个|家|座|处)(?P<p>[\u4e00-\u9fa5]{2}?)[\u4e00-\u9fa5]{0,4}开展"
)


def timed_count(facts: ProjectFacts, act: Activity, name: str) -> Indicator | None:
    """'开展困境儿童走访排查' then '每季度走访一次': the uncounted work is done 4 times a year."""
    for phrase in facts.period.frequencies:
        part = frequency_parts(phrase)
        times = _TIMES_A_YEAR.get(part.every.removeprefix("每"))
        named = part.verb and (part.verb in act.object or part.verb == act.verb)
        if act.count is None and times and named and not part.subject and part.count:
            total = to_count(part.count) * times
            text = f"按项目描述：{act.phrase}，{phrase}（全年{num(total)}次）"
            return make_row(QUANTITY, name, f"≥{num(total)}次", text, brief_source(phrase))
    return None


def service_list(
    facts: ProjectFacts, acts: list[Activity], event_verbs: tuple[str, ...]
) -> tuple[list[Indicator], list[Activity]]:
    """The type's own 数量 row for a clause that lists MIN_LISTED or more uncounted service items
    (物业服务区域数量 for 安全巡逻、环境卫生、物业日常管理), and the activities left to row one by one."""
    kind = type_of(facts.main_type)
    if kind is None or kind.quantity is None or kind.key not in SERVICE_CONTENT_TYPES:
        return [], acts
    groups: dict[str, list[Activity]] = {}
    for act in acts:
        if act.count is None and act.verb not in event_verbs:
            groups.setdefault(act.text, []).append(act)
    listed = next((g for g in groups.values() if len(g) >= MIN_LISTED - 1), None)
    if listed is None:
        return [], acts
    if any(a.count is not None for a in acts):
        # '维护8个安置小区的安全巡逻、环境卫生…', '物业服务面积3.5万平方米，包括保安、保洁…': a
        # counted row already sizes the service; the listed items are its content
        return [], [a for a in acts if a not in listed]
    if len(listed) < MIN_LISTED:
        return [], acts
    name, value = kind.quantity
    items = "、".join(a.object for a in listed)
    source = SourceRef(rule=f"项目类型（{kind.key}）的常用数量指标")
    row = make_row(QUANTITY, name, value, f"{items}等{len(listed)}项服务内容", source)
    return [row], [a for a in acts if a not in listed]


def task_rate(act: Activity) -> Indicator | None:
    """'完成市、区相关部门下达的年度拆违任务' -> 年度拆违任务完成率 =100%: a task set from above is
    done in full, a rate the brief states (real tables: 完成年度拆违计划 =100%), not '≥1项'."""
    if act.count is not None or act.verb != "完成" or len(act.object) < 2:
        return None
    obj = re.sub(r"^与", "", act.object)  # '完成与政务云对接'
    if obj.endswith(_COMPLETED):
        name = f"{obj}完成率"
    else:
        said = re.search(rf"{re.escape(obj)}(?P<w>{'|'.join(_COMPLETED)})", act.text)
        if said is None:
            return None
        name = f"{obj}{said['w']}完成率"
    return make_row(QUANTITY, name, "=100%", f"按项目描述：{act.text}", brief_source(act.text))


def per_person(act: Activity, name: str) -> str:
    """'每人培训学时不少于50学时' -> 每人培训学时 ≥50学时: each one's, not 50 hours in all."""
    # '每站年组织…', '每个网格配备专职网格员1名': each station's, each grid's
    each = re.match(
        r"每(?:人|名|位|户|站|校|村|所|个(?:网格|社区|村|乡镇|站点|[\u4e00-\u9fa5]{2,5}?(?=每年|配置|配备|设置|开展)))",
        act.text,
    )
    if each and act.count:  # '每个门诊配置冷链设备1套' keeps 数量; '每人培训学时' has its measure
        kept = name if each.group(0).startswith("每个") else name.removesuffix("数量")
        return f"{each.group(0)}{kept.removeprefix(each.group(0))}"
    # '为签约居民每年提供1次健康评估': once a year for each of them, not once in all
    yearly = _EACH_YEAR_RE.search(act.text)
    return (
        f"每人每年{name}" if yearly and act.count and act.verb in act.text[yearly.end() :] else name
    )


_EACH_YEAR_RE = re.compile(rf"(?:{'|'.join(WORDS['people_nouns'])})每年")


def counted_row(facts: ProjectFacts, act: Activity, name: str) -> Indicator:
    """'为4500名在校女生接种2剂次HPV疫苗': doses after a count of people are each one's
    (每人接种HPV疫苗剂次 =2剂次), not the year's total."""
    text = f"按项目描述：{act.text}"
    each = act.unit == "剂次" and any(
        w.count is not None and w.text in act.text for w in facts.beneficiaries
    )
    if each:
        value = f"={num(act.count)}{act.unit}"
        return make_row(QUANTITY, f"每人{name}", value, text, brief_source(act.text))
    # '提供最长7天免费住宿': a stay of at most 7 days, a cap
    capped = re.search(rf"(?:最长|最多|至多)\s*{re.escape(num(act.count))}", act.text)
    value = f"{'≤' if capped else '≥'}{num(act.count)}{act.unit}"
    return make_row(QUANTITY, name, value, text, brief_source(act.text))


MAX_FIGURE_ROWS = 2


def sized_by(row: str, figures: list[Indicator]) -> bool:
    """An uncounted work a figure of the brief counts: it names the work ('日常养护县乡道长度' for
    日常养护次数, a stem of 4 characters or more), or it counts the people a grant pays
    ('惠及消费者3000人次' for 补贴购买…数量)."""
    stem = re.sub(r"(?:次数|数量|场次|人数|期数)$", "", row)
    paid = row.startswith(_GRANT_VERBS) and any(
        counts_people(f.value.unit.removesuffix("次")) for f in figures
    )
    # '增雨作业次数' beside 作业次数 ≥40次 ('全年作业不少于40次'): a kind of the counted work;
    # '松材线虫病秋季普查次数' beside 普查松林面积 ≥12万亩: the same work, sized
    kind = any(len(f.name) >= 4 and row.endswith(f.name) for f in figures) or (
        stem[-2:] in _VERBS and any(f.name.startswith(stem[-2:]) for f in figures)
    )
    # '采购物业管理服务' beside 服务面积 ≥2.3万平方米: a service bought is sized by what it covers
    bought = stem.startswith(("采购", "购买")) and stem.endswith("服务")
    # '村级组织运转经费保障' beside 行政村村级组织数量 ≥130个: four characters in common name one thing
    return (
        paid
        or kind
        or bought
        or any(stem[i : i + 4] in f.name for f in figures for i in range(len(stem) - 3))
    )


def uncovered_figures(
    brief: ProjectBrief, rows: list[Indicator], facts: ProjectFacts
) -> list[Indicator]:
    """数量 rows for the brief's counts that no row states yet (a pattern the reader missed).

    A count in the clause of an uncounted activity is that activity's: '对12条河道开展日常保洁'
    gives 日常保洁河道数量 ≥12条.
    """
    shown = " ".join(r.value.raw for r in rows).replace(",", "")
    # a row already says '≥6万人' for the brief's 6万人 (60000人)
    shown += " " + " ".join(f"{f.number:g}{f.unit}" for f in count_figures(shown))
    missing = [f for f in count_figures(brief_words(brief)) if f"{f.number:g}{f.unit}" not in shown]
    # '不发生一次死亡3人以上道路交通事故': the size of what must not happen, the effect row's
    missing = [f for f in missing if not any(w in f.text for w in WORDS["negated_effects"])]
    made: list[Indicator] = []
    for figure in missing[:MAX_FIGURE_ROWS]:
        act = next((a for a in facts.activities if figure.text[-4:] in a.text), None)
        firm = _FIRM_RE.search(figure.text)
        if firm:  # '委托3家造价咨询机构对…': the firms hired are counted, not their work
            figure.noun, act = firm["v"] + firm["f"], None
        if act is not None and act.count is None and len(act.object + figure.noun) <= 10:
            figure.noun = act.object + figure.noun
        elif act is not None and not figure.noun:
            figure.noun = act.object
        if not figure.noun or re.fullmatch(r"每[\u4e00-\u9fa5]", figure.noun):
            # '配备专职保安，每校2名，共90名': the guards the work before them placed
            figure.noun += _work_before(figure, facts, brief.text)
        whole = _part_of(figure, facts, brief.text)
        if whole is not None:  # '抽查电梯800台，其中住宅电梯500台': 抽查 them too
            figure.noun = part_name(figure.noun, whole)
        value = f"≥{number_text(figure.number)}{figure.unit}"
        if figure.number >= 10000 and f"万{figure.unit}" in figure.text:  # the brief's 20万亩
            value = f"≥{number_text(figure.number / 10000)}万{figure.unit}"
        source = SourceRef(rule=f"按项目描述生成（原文「{figure.text}」）")
        made.append(
            Indicator(
                level1=OUTPUT,
                level2=QUANTITY,
                name=_paid_name(figure, brief.name) or row_name(figure),
                description=f"按项目描述：{figure.text}",
                value=value,
                source=source,
            )  # fmt: skip
        )
    names = {x.name for x in rows}
    return [r for r in made if r.name not in names]


_FIRM_RE = re.compile(
    r"(?P<v>委托|聘请|购买|引进)[\d.]+家(?P<f>[\u4e00-\u9fa5]{0,8}?(?:机构|公司|律师事务所|团队))"
)


def _work_before(figure, facts: ProjectFacts, text: str) -> str:
    """The uncounted work last named before a bare figure, in the same sentence."""
    at = text.find(figure.text)
    sentence = re.split(r"[。；;\n]", text[: max(at, 0)])[-1]
    done = [a for a in facts.activities if a.count is None and a.text and a.text in sentence]
    return done[-1].phrase if at > 0 and done else ""


def _part_of(figure, facts: ProjectFacts, text: str) -> Activity | None:
    """The counted work a '其中…' figure is a part of: the last one in the same unit before it."""
    at = text.find(figure.text)
    clause = re.split(r"[，。；,;\n]", text[: max(at, 0)])[-1]  # '其中A100人、B200人': B too
    if at < 0 or not (figure.text.startswith("其中") or clause.startswith("其中")):
        return None
    before = [
        a
        for a in facts.activities
        if a.count is not None and a.unit == figure.unit and 0 <= text.find(a.text) < at
    ]  # fmt: skip
    return before[-1] if before else None


def _paid_name(figure, title: str) -> str:
    """'惠及困难残疾人4200人' in a brief titled 困难残疾人生活补贴和…: the people counted are those the
    subsidy is paid to (困难残疾人生活补贴发放人数), not a bare 惠及困难残疾人数量."""
    if figure.unit not in ("人", "名", "户", "人次"):
        return ""
    for start in range(max(0, len(figure.noun) - 2)):
        match = re.search(re.escape(figure.noun[start:]) + _PAID, title)
        if match:
            return f"{match.group(0)}发放{'户数' if figure.unit == '户' else '人数'}"
    return ""


_PAID = rf"[\u4e00-\u9fa5]{{0,4}}?(?:{'|'.join(WORDS['paid_words'])})"
