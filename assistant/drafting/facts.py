"""ProjectFacts: what a brief says about the project, read before any row is composed.

财预〔2021〕101号 asks to break a project into tasks first and set indicators from its activities,
quality standards, costs, outputs and effects; these models hold exactly that. The rules in
`understand.py` fill them; an LLM may fill the same models through structured output.
"""

from __future__ import annotations

from pydantic import Field

from assistant.schema import SOCIAL_BENEFIT, Model, Note

__all__ = [
    "Activity",
    "Assumption",
    "Beneficiary",
    "CostLine",
    "Outcome",
    "Period",
    "ProjectFacts",
    "QualityTarget",
]


class Assumption(Model):
    """Something the drafter assumed because the brief is silent, tied to the row it concerns
    (rows may be renamed or dropped before the draft is done); a Draft carries it as a Note."""

    code: str = Field(description="Stable code, e.g. A-COUNT-TYPICAL, A-PERIOD-YEAR-END.")
    message: str = Field(description="Chinese explanation for the user.")
    row: str = Field("", description="The 三级 name concerned, if any.")

    def note(self) -> Note:
        return Note(code=self.code, text=self.message)


class Activity(Model):
    """One thing the project does: a verb and its object, with a count when the brief gives one."""

    verb: str = Field("", description="动词，如 召开、培训、检查、建设。")
    object: str = Field(description="对象，如 全体会议、村组干部、高标准农田。")
    count: float | None = Field(None, description="数量（简报写明时），如 230。")
    unit: str = Field("", description="计量单位，如 名、次、亩、家次。")
    text: str = Field("", description="简报原文片段。")

    @property
    def phrase(self) -> str:
        """'召开全体会议'; an activity whose verb is its object reads once ('采暖期驻场运维')."""
        return self.object if self.verb in self.object else f"{self.verb}{self.object}"


class Beneficiary(Model):
    """People or places the project serves or works on: 230名村组干部, 13个社区."""

    who: str = Field(description="对象，如 村组干部、社区、老年人。")
    count: float | None = Field(None, description="数量，如 230。")
    unit: str = Field("", description="计量单位，如 名、个、人。")
    text: str = Field("", description="简报原文片段。")


class QualityTarget(Model):
    """A quality standard the brief states: 合格率达到95%, 工程质量优良, 验收合格."""

    name: str = Field(description="质量指标名称，如 培训合格率、工程验收合格率。")
    value: str = Field(description="指标值，如 ≥95%、合格、优良。")
    text: str = Field("", description="简报原文片段。")


class Period(Model):
    """When the work happens: a span, a duration, a deadline, a frequency, a response limit."""

    start: str = Field("", description="开始，如 2023年7月。")
    end: str = Field("", description="结束，如 2024年1月。")
    duration: str = Field("", description="时长，如 5天、3个月。")
    deadline: str = Field("", description="完成时限，如 2026年6月底前、暑期内、春节前。")
    deadline_task: str = Field(
        "", description="时限内要做的事（简报原文），如 发放到位、通过省级数字档案馆测评。"
    )
    frequency: str = Field("", description="频次，如 每月1次、每日巡查。")
    frequencies: list[str] = Field(
        default_factory=list,
        description="简报写的每个频次（第一个即 frequency，可带主语），如 村级河长每周巡河1次。",
    )
    limits: list[str] = Field(
        default_factory=list, description="响应/反馈时限原文，如 30日内反馈、1小时内响应。"
    )
    text: str = Field("", description="简报原文片段。")

    def is_empty(self) -> bool:
        return not any((self.start, self.end, self.duration, self.deadline, self.frequency))


class CostLine(Model):
    """One spending line of the brief: 保安服务费191万元."""

    name: str = Field(description="费用名称，如 保安服务费。")
    amount: float = Field(description="金额（万元）。")
    text: str = Field("", description="简报原文片段。")
    unit_cost: str = Field(
        "", description="单位成本原文（如 2500元，人均/每人的标准），不计入总额。"
    )


class Outcome(Model):
    """A result the brief states with a figure: 带来观光游客不少于6万人次, 村集体增收6万元 (a 效益 row)."""

    verb: str = Field("", description="结果动词，如 带来、带动、增收、惠及。")
    object: str = Field(description="结果对象，如 观光游客、就业、村集体。")
    count: float = Field(description="数值，如 6（单位万人次）。")
    unit: str = Field("", description="计量单位（按简报写法），如 万人次、万元、亩。")
    level2: str = Field(
        SOCIAL_BENEFIT, description="二级指标：经济效益指标、社会效益指标或生态效益指标。"
    )
    capped: bool = Field(
        False, description="结果是上限（积水点排水时间缩短至2小时以内），指标值写作≤。"
    )
    text: str = Field("", description="简报原文片段。")


class ProjectFacts(Model):
    """What the brief says about the project, in the terms a reviewer checks a table against."""

    unit: str = Field(
        "", description="主管部门/实施单位名称，如 某镇人民政府、某区农村经济联合社。"
    )
    implementing_unit: str = Field(
        "", description="实施单位（简报另写明且不同于主管部门时），如 某街道社区卫生服务中心。"
    )
    year: int | None = Field(None, description="预算年度。")
    budget: float | None = Field(None, description="预算总额（万元）。")
    types: list[str] = Field(
        default_factory=list, description="项目类型（assistant/data/project_types.yaml 的键）。"
    )
    activities: list[Activity] = Field(default_factory=list, description="主要活动。")
    beneficiaries: list[Beneficiary] = Field(
        default_factory=list, description="服务对象/工作对象。"
    )
    deliverables: list[str] = Field(
        default_factory=list, description="交付成果，如 调研报告、验收报告。"
    )
    quality: list[QualityTarget] = Field(default_factory=list, description="质量目标。")
    period: Period = Field(default_factory=Period, description="实施期。")
    costs: list[CostLine] = Field(default_factory=list, description="成本明细。")
    effects: list[str] = Field(
        default_factory=list, description="预期效果，如 提高群众安全感、改善河道水环境。"
    )
    outcomes: list[Outcome] = Field(
        default_factory=list, description="带数字的预期结果（效益指标），如 村集体增收6万元。"
    )
    public_served: bool = Field(
        False, description="是否直接服务公众或特定群体（决定是否设满意度指标）。"
    )
    satisfaction_row: str = Field(
        "",
        description="按简报所写公共服务确定的满意度指标名称，如 学生家长满意度、群众安全感满意度。",
    )

    @property
    def main_type(self) -> str:
        return self.types[0] if self.types else ""
