"""Clauses that describe no work: a cost line, a frequency, a time limit or deadline, who
implements the project, how its money is paid or reckoned, or a header's label."""

from __future__ import annotations

import re

from assistant.drafting.amounts import MONEY_RE
from assistant.drafting.figures import CAPPED_TIME_RE, TIME_LIMIT_RE
from assistant.drafting.understand_period import SAME_DAY_RE, season_timed, without_when
from assistant.drafting.understand_verbs import FREQ_START_RE, LEAD_RE, starts_with_verb

_MEASURE_AFTER_RE = re.compile(r"(\d)万(?=[\u4e00-\u9fa5])(?!元)")
_DEADLINE_END_RE = re.compile(
    r"(?:前|内|底|末)(?:全部|全面)?[\u4e00-\u9fa5]{0,4}(?:完成|完工|竣工|上线|提交|到位|办完|拨付)"
    r"(?:成果|报告|材料|任务|工作)?$"  # '10月底前提交成果'
    r"|按(?:合同|协议)?约定(?:的)?时间[\u4e00-\u9fa5]{0,4}$"  # '审计报告按合同约定时间出具'
)
# '项目由区城管执法大队负责实施', '筛查服务由区妇幼保健院实施': who does the work (实施单位)
_WHO_DOES_IT_RE = re.compile(
    r"^(?:本|该)?(?:[\u4e00-\u9fa5]{0,6}?(?:项目|服务|工作))?由.{2,30}?(?:负责|具体|组织)?(?:实施|承担|承办)$"
)
# '每站每周开放…': each place's frequency is a frequency too
_EACH_RE = re.compile(r"^每[\u4e00-\u9fa5](?=每)")
# '全年按200天计算', '分3年发放': how a standard is reckoned or paid out, no work
_BASIS_RE = re.compile(
    r"按\d+(?:个)?(?:天|日|月|学期|人|户)计算|^分\d+(?:年|期|次)(?:发放|拨付|兑现|支付)"
)
# '补贴资金按季度兑付', '补贴标准按省定额执行', '7月和12月各拨付一次', '春秋两季分两次拨付': how
# and when the money is paid or reckoned, no work
_PAID_HOW_RE = re.compile(
    r"^[\u4e00-\u9fa5]{2,8}按(?:照)?[\u4e00-\u9fa5]{1,8}(?:兑付|发放|拨付|支付|执行|计算|结算)$"
    r"|^\d{1,2}月(?:[和、及]\d{1,2}月)+各|^[\u4e00-\u9fa5]{0,4}分[两二三四\d]次(?:拨付|发放|兑付|支付)$"
    r"|^.{2,40}(?:予以|给予)(?:减免|免除)$"  # '…基本殡葬服务费用予以减免': the money's use, the grant counts
    r"|^以[\u4e00-\u9fa5]{1,8}(?:形式|方式)(?:发放|拨付|兑付|支付|结算)$"  # '以服务券形式发放'
)

# '中心每周开放不少于6天', '每日服务不少于8小时': a service's hours (the 时效 row), no work
_OPEN_TIME_RE = re.compile(
    r"^[\u4e00-\u9fa5]{0,4}每(?:日|天|周|月)[\u4e00-\u9fa5]{1,4}?(?:不少于|不低于|至少)?"
    r"\d+(?:\.\d+)?个?(?:天|日|小时)$"
)


# '9月至11月实施', '4月至10月为重点作业期': when the work is done (the 时效 row), no work
_SPAN_RE = re.compile(
    r"^(?:[\u4e00-\u9fa5]{0,4}(?:时间|期)为)?(?:\d{4}年)?\d{1,2}月(?:份)?(?:至|到|—|-)(?:\d{4}年)?\d{1,2}月(?:份|底)?"
    r"(?:实施|开展|进行|完成|举办|举行|为[\u4e00-\u9fa5]{2,6}期)?$"
    r"|^[\u4e00-\u9fa5]{0,4}(?:时间|时长)?为?每期(?:培训|学习|轮训)?\d+(?:天|日)$"  # '培训时间每期3天': how long
    r"|^(?:暑期|暑假|寒假)内?(?:完成|完工|竣工)$"
)


def no_work(clause: str, words: dict, header: bool) -> bool:
    """A cost line, a frequency, a time limit or deadline, who implements it, or a header's
    label: no activity."""
    return bool(
        MONEY_RE.search(money_free(clause))
        or (
            FREQ_START_RE.match(_EACH_RE.sub("", without_when(clause)))
            and not starts_with_verb(LEAD_RE.sub("", clause), words)
        )
        or TIME_LIMIT_RE.search(clause)
        or season_timed(clause)
        or re.search(r"(?:为|是|如下)$", clause)  # '补助标准为:每生1500元': a label
        or CAPPED_TIME_RE.search(clause)
        or _WHO_DOES_IT_RE.match(clause)
        or _DEADLINE_END_RE.search(clause)
        or _BASIS_RE.search(clause)
        or _PAID_HOW_RE.match(clause)
        or _OPEN_TIME_RE.match(clause)
        or _SPAN_RE.match(clause)
        or SAME_DAY_RE.search(clause)
        or (header and not starts_with_verb(clause, words))
    )


def money_free(clause: str) -> str:
    """The clause with measure quantities hidden: '1.2万亩' is land, not money."""
    return _MEASURE_AFTER_RE.sub(r"\1", clause)
