"""Project types (会议, 培训, 工程建设 …): the taxonomy lives in assistant/data/project_types.yaml.

A brief is typed by its trigger words; the project name counts double because it says what the
project is, where the rest of the brief may mention side matters (a 培训 line inside a 运维 brief).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import Field

from assistant.schema import Model
from assistant.taxonomy import load_data

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
MAX_TYPES = 3
SECOND_TYPE_SHARE = 0.5  # a second type must score at least half of the first


class ProjectType(Model):
    """One kind of project and what a reviewer expects of it."""

    key: str = Field(description="类型名，如 培训。")
    triggers: list[str] = Field(description="出现即提示该类型的词。")
    public: bool = Field(False, description="是否直接服务公众（设满意度指标）。")
    subject: str = Field("服务对象", description="满意度调查对象。")
    internal: str = Field("使用人员", description="不服务公众时的满意度对象（严格口径）。")
    deadline_word: str = Field("项目完成", description="时效指标用语。")
    benefit: tuple[str, str] | None = Field(
        None, description="简报未写效果时的常用效益指标（名称, 指标值）。"
    )
    quantity: tuple[str, str] | None = Field(
        None, description="简报未写活动时的常用数量指标（名称, 指标值）。"
    )
    quality: tuple[str, str] | None = Field(
        None, description="简报未写质量要求时的常用质量指标（名称, 指标值）。"
    )
    longterm: tuple[str, str] | None = Field(
        None, description="工程/修缮/购置类的可持续影响指标（名称, 指标值），如设计使用年限。"
    )

    def standard_names(self) -> set[str]:
        """Row names this type's own defaults produce (they are standard for the type)."""
        names = {f"{self.subject}满意度", f"{self.internal}满意度", f"{self.deadline_word}时间"}
        return names | {
            pair[0] for pair in (self.benefit, self.quantity, self.quality, self.longterm) if pair
        }


@cache
def project_types() -> dict[str, ProjectType]:
    return {key: ProjectType(key=key, **spec) for key, spec in load_data("project_types").items()}


def classify(text: str, name: str = "") -> list[str]:
    """Project types of a brief, best first (at most MAX_TYPES)."""
    scores = {}
    for key, kind in project_types().items():
        score = sum(len(t) for t in kind.triggers if t in text)
        score += sum(len(t) for t in kind.triggers if name and t in name)
        if score:
            scores[key] = score
    ranked = sorted(scores, key=lambda k: -scores[k])
    if not ranked:
        return []
    best = scores[ranked[0]]
    return [k for k in ranked if scores[k] >= SECOND_TYPE_SHARE * best][:MAX_TYPES]


def type_of(key: str) -> ProjectType | None:
    return project_types().get(key)
