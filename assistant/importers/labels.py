"""The importers' word lists (assistant/data/import_labels.yaml) as one typed, cached model."""

from __future__ import annotations

import functools
import re

from pydantic import Field

from assistant.schema import LEVEL1_NAMES, LEVEL2_PARENTS, Model, normalize_level
from assistant.taxonomy import load_data

_BRACKET_NOTE_RE = re.compile(r"[（(][^（()）]*[)）]$")
KNOWN_LEVELS = frozenset((*LEVEL1_NAMES, *LEVEL2_PARENTS))


class ColumnNames(Model):
    exact: list[str] = Field(default_factory=list, description="Whole-cell names.")
    contains: list[str] = Field(default_factory=list, description="Names matched inside a cell.")


class ImportLabels(Model):
    """Column, field and money labels of imported tables; see the YAML file for each list."""

    columns: dict[str, ColumnNames]
    annual_markers: list[str]
    long_term_markers: list[str]
    fields: dict[str, list[str]]
    fields_contains: dict[str, list[str]]
    money: dict[str, list[str]]
    yuan_factor: float
    yuan_tolerance: float
    level_aliases: dict[str, str]
    level2_in_context: dict[str, dict[str, str]]
    blank_values: list[str]
    truncated_markers: list[str]
    partial_notes: list[str]

    def field_of(self, label: str) -> str | None:
        """The header field a label names (`name`, `department`…), or None."""
        if found := _lookup(self.fields, label):
            return found
        plain = compact(label)
        if len(plain) > 60:  # a sentence mentioning 年度目标 is text, not a label
            return None
        for key, words in self.fields_contains.items():
            if any(word in plain for word in words):
                return key
        return None

    def money_of(self, label: str) -> str | None:
        """The money key a label names (`total`, `fiscal`, `whole_period`…), or None."""
        return _lookup(self.money, label)

    def is_truncated(self, text: str) -> bool:
        return any(marker in text for marker in self.truncated_markers)

    def is_blank(self, text: str) -> bool:
        return not compact(text) or compact(text) in self.blank_values


def compact(text: str) -> str:
    """Text without whitespace, full-width brackets made ASCII, for matching labels."""
    text = re.sub(r"\s+", "", text or "")
    return text.replace("（", "(").replace("）", ")").replace("：", ":")


def _lookup(table: dict[str, list[str]], label: str) -> str | None:
    plain = compact(label).rstrip(":")
    plain = re.sub(r"^其中:?", "", plain)
    for candidate in (plain, _BRACKET_NOTE_RE.sub("", plain)):
        for key, names in table.items():
            if candidate in (compact(name) for name in names):
                return key
    return None


@functools.cache
def import_labels() -> ImportLabels:
    """The parsed YAML (read once per process)."""
    return ImportLabels.model_validate(load_data("import_labels"))


def map_levels(level1: str, level2: str) -> tuple[str, str]:
    """一级/二级 as the assistant names them: aliases of other forms, bracket notes dropped."""
    mapped1 = _map_level(level1)
    mapped2 = _map_level(level2)
    in_context = import_labels().level2_in_context.get(mapped1, {})
    return mapped1, in_context.get(mapped2, mapped2)


def _map_level(name: str) -> str:
    aliases = import_labels().level_aliases
    plain = compact(name)
    for candidate in (plain, _BRACKET_NOTE_RE.sub("", plain)):
        candidate = aliases.get(candidate, candidate)
        if normalize_level(candidate) in KNOWN_LEVELS:
            return normalize_level(candidate)
    return normalize_level(plain)
