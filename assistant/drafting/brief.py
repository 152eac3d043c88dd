"""Free Chinese text about a new project -> ProjectBrief (budget, year, unit, name, work items).

Rule based and deliberately conservative: a budget is only read from an amount with a money unit
(or a bare number right after 预算/经费), never guessed. What cannot be found goes to `missing`
so the chat can ask for it.
"""

from __future__ import annotations

import re
from datetime import date

from assistant.drafting.amounts import BARE_BUDGET_RE, MONEY_RE, NUM, find_budget
from assistant.drafting.brief_year import YEAR_RE, find_year
from assistant.drafting.organisations import CODE_RE, UNIT_SUFFIX, find_department
from assistant.errors import AssistantError
from assistant.schema import Department, ProjectBrief
from assistant.taxonomy import RELATIVE_YEARS
from assistant.textclean import clean_text, looks_like_instruction


class BriefInvalid(AssistantError):
    """The brief text cannot be used at all (empty, or nothing but punctuation)."""


_BUDGET_YEAR_RE = re.compile(
    r"(?:^|(?<=[计划拟将要在于是们的]))(?:(?:19|20)\d{2}|[二两][〇零][〇零一二三四五六七八九]{2})年度?(?:的)?"
)

# '2023年7月至2024年1月为…': a service period is no part of a project's name.
_SPAN_LEAD_RE = re.compile(
    r"^(?:(?:19|20)\d{2}年)?\d{1,2}月(?:\d{1,2}日)?(?:至|到|—|-|~)(?:(?:19|20)\d{2}年)?\d{1,2}月(?:\d{1,2}日)?"
    r"|^(?:19|20)\d{2}年(?=\d{1,2}月)"
)

_ADMIN_LABELS = (
    "(?:项目名称|主管部门|主管单位|实施单位|申报单位|单位|部门)(?:名称)?"
    "|年度|预算数|预算|资金来源|资金"
)
_CONTENT_LABELS = "主要内容|建设内容|工作内容|内容|用途"
# Form-like briefs put several 'label：value' fields on one line, separated by spaces.
_CLAUSE_SPLIT_RE = re.compile(
    rf"[，。；！？,;!?\n]+|\s+(?=(?:{_ADMIN_LABELS}|{_CONTENT_LABELS})[：:])"
)
# The work may follow the last field after a space ('实施单位：某中心 2026年河道保洁').
_AFTER_FIELD_RE = re.compile(
    rf"^(?P<field>\s*(?:{_ADMIN_LABELS})[：:]\s*(?:\d{{6}}\s+)?[^\s\d]\S*)\s+(?P<rest>\S.*)$"
)
ADMIN_LABEL_RE = re.compile(rf"^\s*(?:{_ADMIN_LABELS})[：:]")
_CONTENT_LABEL_RE = re.compile(
    rf"^\s*(?:(?:{_CONTENT_LABELS})[：:]|(?:主要)?(?:内容|用途)(?:为|是|包括))"
)
_FILLER_RE = re.compile(
    r"^(?:由|(?:主管部门|主管单位|实施单位)(?:名称)?|实施|承担|我们|我单位|本单位|单位|我们单位|今年|明年|后年|下一年度|本年度|计划|打算|准备|拟|需要|想|要|将|希望|"
    r"主要|一个|这个|该|新的|是|为|做|搞|申请|申报|开展一个|开展|进行|组织|用于|负责)+"
)
_ACTION_WORDS = tuple(
    "巡检 检查 监测 运维 维护 宣传 采购 购置 建设 培训 整治 更新 改造 处置 调查 评估 服务 开发 升级 举办 "
    "组织 开展 编制 排查 治理 拆除 管理 保障 检测 维修 修缮 清理 养护 活动 演练 审计 咨询 研究 补贴".split()
)
_PURPOSE_WORDS = "为了|旨在|目的是|目标是|以便|从而|确保"
_PURPOSE_START_RE = re.compile(rf"^(?:{_PURPOSE_WORDS})")
# 及 splits lists ('巡检及维修') but not words ('及时').
_ITEM_SPLIT_RE = re.compile(r"、|以及|和|并(?!且)|及(?!时)")
_NAME_END_RE = re.compile(r"(项目|工程|经费|资金|尾款)$")


def parse_brief(text: str, today: date | None = None) -> ProjectBrief:
    """Read a ProjectBrief from free Chinese text; `today` anchors 今年/明年 (default: the real date)."""
    raw = clean_text(text, multiline=True).strip()
    if not re.search(r"[\w\u4e00-\u9fa5]", raw):
        raise BriefInvalid(
            "项目描述为空：请用一两句话说明项目做什么、哪一年、预算多少，例如「2026年开展燃气管道安全巡检，预算80万元」。"
        )
    today = today or date.today()
    year = find_year(raw, today)
    department = find_department(raw)
    explicit = _explicit_name(raw)
    clauses = _content_clauses(raw, department)
    brief = ProjectBrief(
        text=raw,
        name=explicit or _funded_title(raw, department, year) or _derive_name(clauses, year),
        department=department,
        year=year,
        budget=find_budget(raw),
        purpose=_find_purpose(raw, clauses),
        work_items=_work_items(clauses),
    )
    brief.missing = missing_fields(brief)
    return brief


def missing_fields(brief: ProjectBrief) -> list[str]:
    """Chinese names of the brief fields still unknown (the chat asks for these)."""
    checks = (
        ("项目名称", brief.name),
        ("年度", brief.year),
        ("预算", brief.budget.total),
        ("单位", brief.department.name),
        ("工作内容", brief.work_items),
    )
    return [label for label, value in checks if not value]


# ---------------------------------------------------------------- name


def _explicit_name(text: str) -> str:
    match = re.search(
        rf"项目名称\s*[:：是为]?\s*[「“\"《]?(?P<n>[^，。；,;」”\"》\n]{{2,60}}?)"
        rf"(?=$|[，。；,;」”\"》\n]|\s+(?:{_ADMIN_LABELS}|{_CONTENT_LABELS})[：:]|\s+(?:19|20)\d{{2}}年)",
        text,
    )
    if match and not looks_like_instruction(match["n"]):
        return _quoted_inside(text, match) or match["n"].strip()
    quoted = re.search(r"[《「“](?P<n>[^》」”]{4,60}(?:项目|工程))[》」”]", text)
    return quoted["n"].strip() if quoted else ""


def _quoted_inside(text: str, match: re.Match) -> str:
    """'适龄妇女“两癌”免费筛查', '“两癌”免费筛查': a name a quotation ends early, to its clause's end."""
    start = match.start("n") - (text[match.start("n") - 1] in "“")
    if text[match.end("n") : match.end("n") + 1] != "”":
        return ""
    line = re.match(r"[^，。；,;\s]*", text[start:]).group(0)
    return "" if line.endswith("”") and line.startswith("“") else line


def _is_admin_clause(clause: str) -> bool:
    """Budget, funding, year-only or unit-only clauses carry no project content."""
    if ADMIN_LABEL_RE.match(clause):
        return True
    if (MONEY_RE.search(clause) or BARE_BUDGET_RE.search(clause)) and not any(
        w in clause for w in _ACTION_WORDS
    ):
        return True
    stripped = YEAR_RE.sub("", clause)
    return bool(
        re.fullmatch(r"[\s\d]*(全部|全额|均|都|全)?(为|是)?(财政|自筹)?(资金|拨款)?[\s]*", stripped)
    )


def _clean_clause(clause: str, department: Department) -> str:
    """Cut what is not the project itself: unit, code, the budget year, money, fillers."""
    clause = _CONTENT_LABEL_RE.sub("", re.sub(r"项目名称\s*[:：是为]?", "", clause))
    clause = CODE_RE.sub("", clause)
    if department.name:
        clause = clause.replace(department.name, "")
    clause = re.sub(r"^\s*由", "", re.sub(r"\s+", "", clause))
    # What brackets held is gone (unit, code) or is the year again: '项目（2025年）', '中心（）'.
    clause = re.sub(r"[（(]\s*(?:(?:19|20)\d{2}年度?)?\s*[）)]", "", clause)
    clause = re.sub(
        r"^[\u4e00-\u9fa5]{2,24}?" + UNIT_SUFFIX + r"(?=[\d由负将拟计需要在对承开组实])",
        "",
        clause,
    )
    # Only the budget year goes ('2026年开展…'); years inside names stay ('2025-2026年采暖季').
    clause = _BUDGET_YEAR_RE.sub("", clause)
    for word in RELATIVE_YEARS:
        clause = clause.replace(word, "")
    clause = re.sub(
        rf"(?:年度)?(?:预算|经费|资金)[^，。；的]*?{NUM}\s*(?:亿元|亿|万元|万|元)(?:左右)?的?",
        "",
        clause,
    )
    clause = re.sub(r"委托(?:[^对，。；]{0,14}(?:机构|单位|公司|第三方))?", "", clause)
    clause = _FILLER_RE.sub("", clause)
    clause = _BUDGET_YEAR_RE.sub("", clause)
    clause = re.sub(r"^(?:的|了)", "", clause)
    return clause.strip(" ：:")


def _content_clauses(text: str, department: Department) -> list[str]:
    """Clauses that say what the project does; if none, what is left of the money clauses
    once the amounts are cut ('拆违经费349.8万元' -> '拆违')."""
    raw = [
        part
        for clause in _CLAUSE_SPLIT_RE.split(text)
        for part in _split_field(clause)
        if part.strip() and not looks_like_instruction(part)
    ]
    content = [c for c in raw if not _is_admin_clause(c)] or raw
    clauses = []
    for clause in content:
        cleaned = re.sub(r"\s+", "", _clean_clause(clause, department))
        if len(re.findall(r"[\u4e00-\u9fa5]", cleaned)) >= 2:
            clauses.append(cleaned)
    return clauses


def _split_field(clause: str) -> tuple[str, ...]:
    match = _AFTER_FIELD_RE.match(clause)
    return (match["field"], match["rest"]) if match else (clause,)


def _noun_phrase(clause: str) -> str:
    """'对全市老旧燃气管道开展安全巡检' -> '全市老旧燃气管道安全巡检'."""
    head, colon, _ = clause.partition("：") if "：" in clause else clause.partition(":")
    if colon and len(head) >= 4:
        clause = head  # '禁毒工作经费：召开全体会议…': the title before the colon
    clause = _SPAN_LEAD_RE.sub("", clause)
    clause = re.sub(r"^(?:对|为|给|向)(?P<who>[^，。；]{2,12}?)提供", r"\g<who>", clause)
    clause = re.sub(r"^(?:对|为|给|向)", "", clause)
    if "《" not in clause:  # a quoted title is kept word for word
        # '村级组织运转经费': 组织 after 级/党/基层 is the body, no verb
        verbs = r"(?:开展|进行|实施|(?<![级党层会团])组织|做好|完成|举办|召开)(?=\S)"
        clause = re.sub(verbs, "", clause, count=1)
    clause = re.sub(r"(?:工作|任务)$", "", clause)
    clause = re.sub(r"(?<=[\u4e00-\u9fa5])\d+(?:\.\d+)?[期场次批项个]$", "", clause)  # '…培训班4期'
    return re.sub(r"\s+", "", clause)


def _funded_title(text: str, department: Department, year: int | None) -> str:
    """'某县林业局2026年森林防火专项经费86万元。聘用…' -> 2026年森林防火专项经费: a brief that opens
    with the money line names the project in it (the work clauses after it are not the name)."""
    first = _CLAUSE_SPLIT_RE.split(text.strip(), maxsplit=1)[0]
    match = _FUNDED_RE.match(first)
    if not match:
        return ""
    title = _clean_clause(match["t"], department)
    if len(re.findall(r"[\u4e00-\u9fa5]", title)) < 5:
        return ""  # '经费' or '专项资金' alone names nothing
    has_year = YEAR_RE.match(title) or (year and f"{year}年" in title)
    return f"{year}年{title}" if year and not has_year else title


_FUNDED_RE = re.compile(
    rf"(?:用于)?(?:支付|拨付)?(?P<t>.+?(?:专项经费|工作经费|补助资金|专项资金|经费|资金|质保金|尾款|结算款))"
    rf"\s*(?:{NUM})\s*(?:亿元|万元|元)"
)


def _derive_name(clauses: list[str], year: int | None) -> str:
    if not clauses:
        return ""
    core = _noun_phrase(clauses[0])[:40]
    core = re.sub(r"^[“\"](?P<n>[^”\"]+)[”\"](?=项目|工程|$)", r"\g<n>", core)
    if not _NAME_END_RE.search(core):
        core += "项目"
    has_year = YEAR_RE.match(core) or (year and f"{year}年" in core)
    return f"{year}年{core}" if year and not has_year else core


def _find_purpose(text: str, clauses: list[str]) -> str:
    match = re.search(rf"(?:{_PURPOSE_WORDS}|用于)(?P<p>[^。；;\n]{{4,120}})", text)
    if match:
        kept = [c for c in re.split(r"[，,]", match["p"]) if c and not _is_admin_clause(c)]
        if kept:
            return "，".join(kept)
    return "，".join(clauses[:3])


def _split_outside_quotes(clause: str) -> list[str]:
    """Split a clause on list separators, but not inside “…” or 《…》 (names of things)."""
    quoted = re.findall(r"“[^”]*”|《[^》]*》", clause)
    for n, part in enumerate(quoted):
        clause = clause.replace(part, f"\0{n}\0")
    parts = _ITEM_SPLIT_RE.split(clause)
    for n, part in enumerate(quoted):
        parts = [p.replace(f"\0{n}\0", part) for p in parts]
    return parts


def _work_items(clauses: list[str]) -> list[str]:
    items: list[str] = []
    for clause in clauses:
        if _PURPOSE_START_RE.match(clause):
            continue  # why, not what: it goes to the purpose
        clause = _noun_phrase(re.sub(r"项目$", "", clause))
        parts = [p for p in _split_outside_quotes(clause) if len(p) >= 2]
        for part in parts or [clause]:
            if part not in items:
                items.append(part)
    return items[:8]
