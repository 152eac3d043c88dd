"""A brief cut into the clauses the work reader looks at: one piece of work per clause where the
brief joins two with 和 ('开展宣传活动和春节前到敬老院看望慰问…' is two activities)."""

from __future__ import annotations

import re

import jieba

from assistant.drafting.amounts import MONEY_RE

CLAUSE_RE = re.compile(r"[，。；！？,;!?\n：:…]+|并(?=[\u4e00-\u9fa5]{2})(?!且|不)")
# A short label before a colon at the start of a line or sentence ('费用构成：', '主要内容：').
_LABEL_RE = re.compile(r"(?:^|(?<=[\n。；;]))\s*[\u4e00-\u9fa5]{2,6}[：:]", re.M)
_ADMIN_RE = re.compile(r"项目名称|主管部门|实施单位|年度|预算|资金|财政|经费")
_DATES_RE = re.compile(
    r"(?:(?:19|20)\d{2}年(?:度)?(?:\d{1,2}月(?:\d{1,2}日)?)?(?:(?:至|到|-|—)(?:(?:19|20)\d{2}年)?(?:\d{1,2}月)?)?)|(?:(?:实施|服务|建设|项目)(?:周期|期)|周期)(?:为)?(?=$|\d|至|[（(])"
)
_NAME_ONLY_RE = re.compile(r"(?:经费|项目|资金|专项)$")
_JOIN_RE = re.compile(r"和(?!谐)|以及|及(?!时)")  # 及时, 和谐 are words, not joins
# How far into the right-hand side of a 和 its own verb may start ('春节前到两个敬老院看望慰问').
_VERB_REACH = 16


def purpose_clauses(text: str, words: dict) -> set[str]:
    """Every clause of a sentence that starts with a purpose word ('为了…，增强…，提高…。'), and
    each part of a clause that says whom the work supports ('为供热部门编制…提供了数据支撑')."""
    out: set[str] = set()
    support = re.compile(
        rf"^为.{{2,40}}(?:{'|'.join(words['support_verbs'])}).{{0,12}}"
        rf"(?:{'|'.join(words['support_nouns'])})"
    )
    for sentence in re.split(r"[。；;！？\n]", text):
        sentence = re.sub(r"\s+", "", sentence)
        if sentence.startswith(tuple(words["purpose_words"])):
            out |= {c for c in CLAUSE_RE.split(sentence) if c}
        for clause in CLAUSE_RE.split(sentence):
            if support.match(clause):
                out |= {clause, *split_joined_work(clause, words)}
    return out


def clauses(text: str, unit: str, words: dict) -> list[tuple[str, bool]]:
    """Clauses of the brief without the unit, the budget year and dates (they are not work),
    each with whether it was a header (it named the unit or the year: the project's title)."""
    out = []
    text = _LABEL_RE.sub("。", text)  # '预算数：', '费用构成：' head what follows; they are no work
    for clause in CLAUSE_RE.split(text):
        clause = re.sub(r"\s+", "", clause)
        original = clause
        if unit:
            clause = clause.replace(unit, "")
        clause = _DATES_RE.sub("", clause)
        header = clause != original and not re.search(r"\d", clause)
        if _NAME_ONLY_RE.search(clause):
            continue  # '2024年全省禁毒工作经费' names the project, it is not an activity
        if (
            MONEY_RE.search(clause)
            and _ADMIN_RE.search(clause)
            and not re.search(r"[费款]", clause)
        ):
            continue  # '预算80万元，全部为财政资金' says nothing about the work
        if len(re.findall(r"[\u4e00-\u9fa5]", clause)) >= 2:
            out += [(part, header) for part in split_joined_work(clause, words)]
    return out


def split_joined_work(clause: str, words: dict) -> list[str]:
    """'开展宣传活动和春节前到两个敬老院看望慰问休养员、康复者和现症患者' -> the two activities.

    A 和 starts a new piece of work when both sides have an activity verb and the right one
    comes soon after it, before any 、 (a list of objects joined by 和 stays whole)."""
    verbs = tuple(words["activity_verbs"])
    for m in _JOIN_RE.finditer(clause):
        left, right = clause[: m.start()], clause[m.end() :]
        # '组织高校毕业生和青年参加就业见习': the people 组织 leads are who do the work after 和
        led = _LED_RE.search(left)
        if any(v in left for v in verbs) and _own_work(right, verbs) and not led:
            return [left, *split_joined_work(right, words)]
    return [clause]


_LED_RE = re.compile(r"(?:组织|动员|引导|带领|鼓励)[\u4e00-\u9fa5]{2,8}$")
# '宫颈癌和乳腺癌免费筛查各11000人': a count after the verb is the listed objects', no object
_ONLY_COUNT_RE = re.compile(r"^各?[\d.]+[\u4e00-\u9fa5]{0,2}$")


def _own_work(text: str, verbs: tuple[str, ...]) -> bool:
    """An activity verb soon, with an object of its own after it: '春节前到敬老院慰问休养员' is
    work, '联合检查' (开展专项整治和联合检查) is a second object of the first verb."""
    first = text.split("、")[0]
    tokens = jieba.lcut(first)
    position = 0
    for token in tokens:
        # a verb as a word of its own ('调查员' is a person, not 调查) with words after it
        if position >= _VERB_REACH:
            return False
        after = first[position + len(token) :]
        if token in verbs and after and not _ONLY_COUNT_RE.match(after):
            return True
        position += len(token)
    return False
