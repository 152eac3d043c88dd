"""How the brief's stated effects are written as 效益 rows: not at all when they are work,
routine management or a figure already read; with a measure where real tables write one; as a
standard row of the type's library; else as a graded row (101号 allows words only as a grade).
The word lists are data (`assistant/data/outcome_words.yaml`)."""

from __future__ import annotations

import re

import jieba

from assistant.drafting.adapt import tolerated_harm
from assistant.drafting.compose_base import brief_source, make_row
from assistant.drafting.facts import Assumption, ProjectFacts
from assistant.drafting.figures import count_figures
from assistant.drafting.library import library_source, standard_entries
from assistant.drafting.slots import topic_bigrams
from assistant.drafting.understand_outcome import result_level2
from assistant.schema import Indicator, IndicatorValue
from assistant.taxonomy import load_data

# At most this many 效益 rows from the brief's purpose phrases (fewer when result figures are
# there); real rows add measurable ones.
MAX_EFFECT_ROWS = 2
MAX_NAME = 14  # 101号 三级 names are short; the review flags 15 characters and more
# Effect verb -> the word of the row's name; the value is graded (好), since 101号 allows a word
# value only as a graded scale and reviewers flag 明显提升 as unmeasurable.
_EFFECT_WORD = {
    "提高": "提升", "提升": "提升", "改善": "改善", "增强": "提升", "减少": "减少",
    "降低": "降低", "保障": "保障", "遏制": "遏制", "压实": "落实", "优化": "优化",
    "打造": "打造", "缓解": "缓解", "确保": "保障", "延长": "延长", "安置": "安置",
    "解决": "解决", "稳定": "稳定", "增加": "增加", "方便": "便利度提升", "减轻": "减轻",
}  # fmt: skip
WORDS = load_data("outcome_words")
_EFFECT_LEAD_RE = re.compile(
    r"^(?:了|推动|实现|促进|加强|提高|提升|遏制和防范|遏制|防范|压实|确保|保障|保持|降低|减少|改善|增强|优化|延长|安置|和|及)+"
)
_RATE_RE = re.compile(
    r"(?P<name>[\u4e00-\u9fa5]{2,12}率)(?:达到|不低于|保持在|在|为)?(?P<v>\d+(?:\.\d+)?)[%％](?:以上)?$"
)
_SIZE_RE = re.compile(r"(?:死亡|伤亡|受伤)?\d+(?:\.\d+)?[人起处](?:以上|以下)")
_NEGATED = tuple(load_data("brief_words")["negated_effects"])
_GENERIC = set(load_data("brief_words")["generic_words"])
_QUOTES_RE = re.compile(r"[“”\"'‘’《》]")
_PREFIX_RE = re.compile(rf"^(?:{'|'.join(WORDS['object_prefixes'])})+")
GRADED_TARGET = "好"


def stated_effects(facts: ProjectFacts, room: int) -> tuple[list[Indicator], list[Assumption]]:
    """Effects that are results (not work, not routine management, not a figure already read):
    a measure where real tables write one, a standard row of the type, else a graded row."""
    rows: list[Indicator] = []
    notes: list[Assumption] = []
    for stated in facts.effects:
        effect = _main_clause(_QUOTES_RE.sub("", stated))
        if len(rows) >= room:
            break
        if _not_a_result(effect, facts) or stated.count("“") != stated.count("”"):
            # an effect cut inside a quotation ('推动“美丽中国') says too little to grade
            continue
        row, note = _measured(effect)
        if row is None:
            row, note = _library_effect(effect, facts)
        row = row or _graded(effect)
        if row is not None:
            rows.append(row)
        notes += [note] if note else []
    return rows, notes


def _main_clause(effect: str) -> str:
    """'推进教育领域综合改革全面提升育人质量实现基础教育' (a cut purpose sentence) -> '提升育人质量':
    the first part whose verb says what improves."""
    verbs = "|".join([*_EFFECT_WORD, "实现", "推进", "推动", "促进"])
    # '保障系统全年稳定运行': 稳定运行 is the state kept, not a second effect
    parts = [p for p in re.split(rf"(?=(?:{verbs}))(?!稳定运行|稳定运转)", effect) if p]
    graded = [p for p in parts if re.match(rf"(?:{'|'.join(_EFFECT_WORD)})[\u4e00-\u9fa5]{{2}}", p)]
    return graded[0] if len(parts) > 1 and graded else effect


_UPTIME_RE = re.compile(r"正常运行|稳定运行|正常运转")
UPTIME_RATE_RE = re.compile(r"(?:可用|运行|在线)率$")


def _not_a_result(effect: str, facts: ProjectFacts) -> bool:
    """'压实…主体责任' is routine management (101号 一(二)1), '推进项目前期征收工作' and
    '…宣传及能力建设提升' are work, '降低设备故障率' is a quality, '带动就业300人' is a result
    figure already written, and a count ('保障低保对象3800人') is no grade."""
    body = re.sub(rf"的$|(?:{'|'.join(_EFFECT_WORD)})$", "", effect)
    return (
        effect.startswith(tuple(WORDS["routine_effect_verbs"]))
        or any(w in effect for w in WORDS["means_words"] + WORDS["vague_phrases"])
        or any(w in effect for w in WORDS["quality_objects"])
        or body.endswith(tuple(WORDS["work_endings"]))
        or any(o.text in effect or effect in o.text for o in facts.outcomes)
        or "满意度" in effect  # the 满意度 row asks it
        # '保障系统全年稳定运行' beside '系统可用率99%': the stated rate says it already
        or bool(
            _UPTIME_RE.search(effect) and any(UPTIME_RATE_RE.search(q.name) for q in facts.quality)
        )
        # '保障低保对象3800人': the people paid, a 数量 row ('不发生…3人以上…事故' counts none)
        or bool(count_figures(effect))
        and not effect.startswith(_NEGATED)
    )


def _measured(effect: str) -> tuple[Indicator | None, Assumption | None]:
    """'实现慰问全覆盖' -> 慰问覆盖率 =100%; '遏制…安全生产事故发生' -> …事故发生次数 =0次;
    '保持环境监管网络联通率90%以上' -> 环境监管网络联通率 ≥90% (the brief's rate)."""
    rate = _RATE_RE.search(effect)
    if rate:
        name = _shorten(_effect_object(rate["name"]), MAX_NAME)
        text, source = f"按项目描述：{effect}", brief_source(effect)
        return make_row(result_level2(name), name, f"≥{rate['v']}%", text, source), None
    for measure in WORDS["effect_measures"]:
        word = next((w for w in measure["words"] if w in effect), "")
        needs = measure.get("needs")
        if not word or needs and not any(w in effect for w in needs):
            continue
        obj = _effect_object(effect[: effect.index(word)])
        name = measure["name"].format(obj=obj, word=word)
        size = _SIZE_RE.search(obj)  # '一次死亡3人以上道路交通事故' keeps its size when cut
        if len(name) > MAX_NAME and size:
            name = measure["name"].format(obj=size.group(0), word=word)
        name = name if len(name) <= MAX_NAME else _shorten(name, MAX_NAME)
        row = make_row(
            result_level2(effect),
            name,
            measure["value"],
            f"按项目描述：{effect}",
            brief_source(effect),
        )
        if not measure["assumed"]:
            return row, None
        message = f"项目描述写「{effect}」，按同类项目常用口径设为「{name}{measure['value']}」，请按实际修改。"
        return row, Assumption(code="A-EFFECT-MEASURE", row=name, message=message)
    return None, None


def _library_effect(effect: str, facts: ProjectFacts) -> tuple[Indicator | None, Assumption | None]:
    """A standard 效益 row of the project's types about the effect's subject (its name shares a
    word with the effect) with the library's typical value: '改善农田灌溉条件' -> 新增和改善灌溉达标面积
    ≥350亩 (assumed, coded A-LIBRARY-ROW). Entries without a value that is a figure or a grade
    (a bare '研究性成果应用率') are left to the graded row."""
    words = set(topic_bigrams(effect)) - _GENERIC  # '提升森林火灾扑救能力' is no 业务保障能力
    for entry in standard_entries(facts.types, "效益"):
        if not (entry.count == 0 or entry.count >= 2) or not words & set(topic_bigrams(entry.name)):
            continue
        value = entry.value or (GRADED_TARGET if entry.name.endswith("情况") else "")
        if not value:
            continue
        parsed, source = IndicatorValue.parse(value), library_source(entry)
        if tolerated_harm(entry.name, parsed):  # the tables' '≤5次' of 信息安全事故: no target
            source.rule += f"；原表为{value}，按不发生填写"
            value = f"=0{parsed.unit}"
        text = f"按项目描述：{effect}（采用指标库标准指标）"
        row = make_row(entry.level2, entry.name, value, text, source)
        message = f"项目描述写「{effect}」，按同类项目常用指标「{entry.name}」{value}填写，请核实。"
        return row, Assumption(code="A-LIBRARY-ROW", row=entry.name, message=message)
    return None, None


def _graded(effect: str) -> Indicator | None:
    """'提高义务教育均衡发展水平' -> 义务教育均衡发展水平提升情况 好 (a graded target); a subject too
    long for the tail keeps its words whole and drops the tail (燃气经营企业安全管理水平 好)."""
    verb = next((v for v in _EFFECT_WORD if effect.startswith(v) or effect.endswith(v)), "")
    obj = _effect_object(effect.removeprefix(verb).removesuffix(verb) if verb else effect)
    tail = f"{_EFFECT_WORD.get(verb, '实现')}情况"
    if re.search(r"从.+向", obj):  # '燃气安全管理模式从被动应对向主动保障' -> …模式转变情况
        obj, tail = obj[: obj.index("从")], "转变情况"
    if len(obj) < 2:
        return None
    if len(obj + tail) <= MAX_NAME:
        name = obj + tail
    elif (
        len(obj) <= MAX_NAME
    ):  # '农村义务教育薄弱学校办学条件': the whole subject, graded as it stands
        name = obj
    else:
        name = _shorten(obj, MAX_NAME - len(tail)) + tail
    return make_row(
        result_level2(effect), name, GRADED_TARGET, f"按项目描述：{effect}", brief_source(effect)
    )


def _effect_object(text: str) -> str:
    """'推动实现城市治理体系和治理能力现代化' -> '城市治理体系和治理能力现代化'; '本市燃气经营企业的
    安全管理水平' -> '燃气经营企业安全管理水平'."""
    text = _EFFECT_LEAD_RE.sub("", text)
    text = re.sub(r"(?:持续|不断|逐步|稳步|进一步|明显|显著|有效|得到|得以|有所)+$", "", text)
    return _PREFIX_RE.sub("", text).replace("的", "")  # '…服务群众能力持续(提升)': no 持续情况


def _shorten(text: str, size: int) -> str:
    """A name part of at most `size` characters that stays whole words: the first of a list
    ('城市治理体系和治理能力现代化' -> 城市治理体系), then the last words ('燃气经营企业安全管理水平'
    -> 企业安全管理水平)."""
    if len(text) > size and "等" in text:  # '金安国际网球公开赛等一系列品牌赛事': the kind
        text = re.sub(r"^(?:一系列|系列|各类|多项)", "", text.split("等")[-1])
    if len(text) > size:
        text = re.split(r"和|及|与|、", text)[0]
    words = jieba.lcut(text)
    if len(text) > size:
        words = [w for w in words if w not in WORDS["droppable_words"]]
    while len(words) > 1 and (len("".join(words)) > size or len(words[0]) == 1):
        words = words[1:]  # whole words from the end; never a dangling '内' or '的'
    return _PREFIX_RE.sub("", "".join(words))[:size]
