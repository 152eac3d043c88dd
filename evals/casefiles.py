"""Read the YAML case files into models. Adding a case is editing YAML, never code."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import ValidationError

from assistant.errors import AssistantError
from evals.models import BriefCase, FactsCase, NamePair, RetrievalCase, TemplateRow

CASES_DIR = Path(__file__).resolve().parent / "cases"


def _load_list(path: Path, model):
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise AssistantError(f"无法读取评测用例文件「{path}」：{exc}") from exc
    if not isinstance(data, list):
        raise AssistantError(f"评测用例文件「{path}」应为列表。")
    try:
        return [model.model_validate(item) for item in data]
    except ValidationError as exc:
        raise AssistantError(f"评测用例文件「{path}」格式错误：{exc}") from exc


def load_briefs(path: Path | None = None) -> list[BriefCase]:
    """The validity briefs (evals/cases/briefs.yaml); ids must be unique."""
    cases = _load_list(path or CASES_DIR / "briefs.yaml", BriefCase)
    ids = [c.id for c in cases]
    if len(ids) != len(set(ids)):
        raise AssistantError("briefs.yaml 中有重复的用例 id。")
    return cases


def load_retrieval_cases(path: Path | None = None) -> list[RetrievalCase]:
    """The retrieval queries (evals/cases/retrieval.yaml)."""
    return _load_list(path or CASES_DIR / "retrieval.yaml", RetrievalCase)


def load_generic_template(path: Path | None = None) -> list[TemplateRow]:
    """The generic-template baseline rows (evals/cases/generic_template.yaml)."""
    return _load_list(path or CASES_DIR / "generic_template.yaml", TemplateRow)


def load_name_pairs(path: Path | None = None) -> list[NamePair]:
    """Labelled 三级-name pairs for the row-matching threshold (evals/cases/name_pairs.yaml)."""
    return _load_list(path or CASES_DIR / "name_pairs.yaml", NamePair)


def load_facts_cases(path: Path | None = None) -> list[FactsCase]:
    """The brief-facts cases (evals/cases/facts_briefs.yaml); ids must be unique."""
    path = path or CASES_DIR / "facts_briefs.yaml"
    cases = _load_list(path, FactsCase)
    if len({c.id for c in cases}) != len(cases):
        raise AssistantError(f"{path.name} 中有重复的用例 id。")
    return cases


HELDOUT_FACTS = CASES_DIR / "facts_heldout.yaml"


def load_heldout_facts(path: Path = HELDOUT_FACTS) -> list[FactsCase]:
    """Brief-facts cases written after the drafter was built and never tuned on; none when the
    file does not exist (yet)."""
    return load_facts_cases(path) if path.is_file() else []
