"""Effects a brief states ('保障农村群众饮水安全', '全年不发生因地质灾害造成的人员伤亡'): clauses
that say what the work achieves, not what is done."""

from __future__ import annotations

import re

from assistant.taxonomy import load_data

_RESULT_END_RE = re.compile(r"(?:提高|提升|改善|增加|减少|减轻|降低|下降|增强|明显|显著)$")
_KEPT_RE = re.compile(r"^(?:切实|有效|依法)?(?:维护|维持|守护)")
# '无垮坝事故', '确保无溺水事故', '全年无脱管漏管': what must not happen, said with 无
# '解决老年居民上下楼难问题': a problem solved is what the work achieves (a count makes it work)
_SOLVED_RE = re.compile(r"^(?:切实|有效|着力|帮助)?解决[^\d]{2,20}(?:问题|难题|困难)$")
_NO_ACCIDENT_RE = re.compile(
    r"^(?P<subj>[\u4e00-\u9fa5]{0,6}?)(?:全年|确保|实现|做到)*无"  # '森林资源无破坏案件'
    r"(?P<what>[\u4e00-\u9fa5]{1,8}(?:事故|事件|案件|漏管|伤亡|火点|火情))$"
)


def effect_of(clause: str, words: dict) -> str:
    """The clause as an effect when it starts with an effect verb or a purpose word, or says
    what must not happen ('全年不发生因地质灾害造成的人员伤亡')."""
    negated = re.search(rf"(?:{'|'.join(words['negated_effects'])}).+", clause)
    if negated:
        return negated.group(0)[:24]
    nil = re.search(rf"(?:{'|'.join(map(re.escape, words['nil_effect_endings']))})$", clause)
    if nil and len(clause) - len(nil.group(0)) >= 2:  # '食品安全事故为零' -> 不发生食品安全事故
        what = re.sub(r"^(?:确保|保证|力争|做到|实现|全年)+", "", clause[: nil.start()])
        what = re.sub(r"发生$", "", what or clause[: nil.start()])  # '重大动物疫情发生为零'
        what += "事故" if nil.group(0) == "零事故" else ""
        return f"不发生{what}"[:24]  # '确保校园安全事故零发生', '活动安全零事故'
    if _SOLVED_RE.match(clause):
        return clause[:24]
    no_accident = _NO_ACCIDENT_RE.match(clause)
    if no_accident:
        return f"不发生{no_accident['subj']}{no_accident['what']}"
    if _KEPT_RE.match(clause) and clause.endswith(tuple(words["kept_states"])):
        return clause[:24]  # '维护困难群众合法权益': a state kept, not upkeep work
    if _RESULT_END_RE.search(clause) and not re.search(r"\d", clause):
        return clause[:24]
    body = re.sub(rf"^(?:{'|'.join(words['purpose_words'])})", "", clause)
    body = re.sub(rf"^(?:{'|'.join(words['effect_adverbs'])})+", "", body)
    if re.search(rf"\d+(?:\.\d+)?万?(?:{_COUNT_UNITS})$", body):
        return ""  # '营造水土保持林1500亩', '保障…对象260人': counted work, a 数量 row
    return body[:24] if body.startswith(tuple(words["effect_verbs"])) else ""


_COUNT_UNITS = "|".join(sorted(load_data("brief_words")["count_units"], key=len, reverse=True))


def effect_first(clause: str, words: dict) -> bool:
    """An effect verb comes before every activity verb of the clause."""
    first = min((clause.find(v) for v in words["effect_verbs"] if v in clause), default=-1)
    if first < 0:
        return False
    acts = [clause.find(v) for v in words["activity_verbs"] if v in clause]
    if acts and re.search(r"\d", clause[min(acts) :]):
        return False  # '支持6个特色村寨保护修缮传统民居40栋': the counted 修缮 is work
    return not acts or first < min(acts)
