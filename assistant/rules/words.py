"""The review rules' word lists, thresholds, profiles and grades: `assistant/data/review_words.yaml`
(data a budget expert can edit; code holds only the logic), read by the taxonomy's loader and
checked against these models so a typo in the file fails loudly."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from assistant.taxonomy import load_data

SlotNeed = Literal["required", "advised", "capital", "public"]
Grade = Literal["优", "良", "中", "差"]


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Measurable(_Data):
    vague_words: tuple[str, ...]
    graded_values: tuple[str, ...]
    deliverable_words: tuple[str, ...]
    chinese_numerals: str


class Timeliness(_Data):
    vague_words: tuple[str, ...]
    deadline_template: str
    deadline_name: str


class Cost(_Data):
    economic_level2: tuple[str, ...]


class ProjectTypes(_Data):
    capital_words: tuple[str, ...]
    not_capital_words: tuple[str, ...]
    service_names: tuple[str, ...] = ()
    public_words: tuple[str, ...]
    not_public_words: tuple[str, ...] = ()


class Satisfaction(_Data):
    name_word: str
    survey_words: tuple[str, ...]
    survey_description: str


class Relevance(_Data):
    quality_names: tuple[str, ...]
    output_verbs: tuple[str, ...]
    output_counts: tuple[str, ...]
    benefit_names: tuple[str, ...]
    routine_names: tuple[str, ...]
    rate_name_endings: tuple[str, ...]
    count_units: tuple[str, ...]
    generic_words: tuple[str, ...]
    max_word_count: int
    result_words: tuple[str, ...]


class LongTerm(_Data):
    words: tuple[str, ...]
    year_units: tuple[str, ...]


class MultiYear(_Data):
    total_words: tuple[str, ...]
    max_gap_chars: int
    span_words: tuple[str, ...]
    rental_words: tuple[str, ...]


class History(_Data):
    min_count: int
    name_similarity: float
    near_copy_share: float
    near_copy_name_similarity: float


class Profile(_Data):
    label: str
    slots: dict[str, SlotNeed]


class GradeBand(_Data):
    grade: Grade
    max_errors: int
    max_warnings: int


class OverallBand(_Data):
    grade: Grade
    min_points: float


class ReportCardData(_Data):
    dimensions: tuple[str, ...]
    blocking_dimensions: tuple[str, ...]
    grades: tuple[GradeBand, ...]
    points: dict[Grade, float]
    overall: tuple[OverallBand, ...]
    cap_when_any_poor: Grade
    cap_when_errors: Grade
    codes: dict[str, str]
    prefixes: dict[str, str]


class ReviewWords(_Data):
    measurable: Measurable
    timeliness: Timeliness
    cost: Cost
    project_types: ProjectTypes
    satisfaction: Satisfaction
    relevance: Relevance
    long_term: LongTerm
    multi_year: MultiYear
    history: History
    profiles: dict[str, Profile]
    region_profiles: dict[str, str]
    report_card: ReportCardData


@lru_cache(maxsize=1)
def review_words() -> ReviewWords:
    """The parsed data file (read once; a malformed file fails loudly at first use)."""
    return ReviewWords.model_validate(load_data("review_words"))
