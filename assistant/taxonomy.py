"""Domain knowledge in one home: the 一级/二级 taxonomy, slots, reverse indicators, units, word lists
and tuning numbers. The lists and numbers live in YAML files in `assistant/data/` that a budget
expert can read and extend; this module loads them and holds the logic over them.

Other parts add their own data file next to these and read it with `load_data("<name>")`.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any, Protocol

import yaml


class Indicator(Protocol):
    """An indicator row as the schema defines it (the schema imports this module, not back)."""

    level2: str
    name: str
    value: Any


@cache
def load_data(name: str) -> Any:
    """The parsed `assistant/data/<name>.yaml` (cached; callers must not mutate it)."""
    path = resources.files("assistant") / "data" / f"{name}.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- 一级 / 二级

_LEVELS = load_data("levels")
_L1: dict[str, str] = _LEVELS["level1"]
_L2: dict[str, dict[str, str]] = _LEVELS["level2"]

OUTPUT, COST, BENEFIT, SATISFACTION = (
    _L1["output"],
    _L1["cost"],
    _L1["benefit"],
    _L1["satisfaction"],
)
LEVEL1_NAMES = (OUTPUT, COST, BENEFIT, SATISFACTION)

QUANTITY, QUALITY = _L2["quantity"]["name"], _L2["quality"]["name"]
TIMELINESS, COST_L2 = _L2["timeliness"]["name"], _L2["cost"]["name"]
ECONOMIC_BENEFIT, SOCIAL_BENEFIT = _L2["economic_benefit"]["name"], _L2["social_benefit"]["name"]
ECO_BENEFIT, SUSTAINABLE = _L2["eco_benefit"]["name"], _L2["sustainable"]["name"]
SATISFACTION_L2 = _L2["satisfaction"]["name"]
ECONOMIC_COST, SOCIAL_COST = _L2["economic_cost"]["name"], _L2["social_cost"]["name"]
ECO_COST = _L2["eco_cost"]["name"]

BENEFIT_L2 = (ECONOMIC_BENEFIT, SOCIAL_BENEFIT, ECO_BENEFIT, SUSTAINABLE)
NEW_COST_L2 = (ECONOMIC_COST, SOCIAL_COST, ECO_COST)

# Allowed parents of each 二级指标.
LEVEL2_PARENTS: dict[str, tuple[str, ...]] = {e["name"]: (e["parent"],) for e in _L2.values()}
_LEVEL_ALIASES: dict[str, str] = _LEVELS["aliases"]


def normalize_level(name: str) -> str:
    """Canonical 一级/二级 name: trims whitespace, maps known variants, adds a missing 指标."""
    name = re.sub(r"\s+", "", name or "")
    if name in _LEVEL_ALIASES:
        return _LEVEL_ALIASES[name]
    if name and not name.endswith("指标") and name + "指标" in LEVEL2_PARENTS:
        return name + "指标"
    return name


# ---------------------------------------------------------------- slots

_SLOTS = load_data("slots")
SLOTS: tuple[str, ...] = tuple(_SLOTS["order"])
_LEVEL2_SLOT: dict[str, str] = {e["name"]: e["slot"] for e in _L2.values()}
# The slots every complete table fills, each with the 二级 that fill it (效益: any benefit 二级).
REQUIRED_SLOTS: dict[str, tuple[str, ...]] = {
    slot: tuple(name for name, s in _LEVEL2_SLOT.items() if s == slot) for slot in SLOTS
}
MAX_ROWS: dict[str, int] = _SLOTS["max_rows"]
SLOT_DEFAULT_LEVEL2: dict[str, str] = _SLOTS["default_level2"]
SLOT_ALIASES: dict[str, str] = _SLOTS["aliases"]
COST_LEVEL2 = REQUIRED_SLOTS["成本"]


def slot_of(indicator: Indicator) -> str | None:
    """The slot (数量/质量/时效/成本/效益/满意度) an indicator row fills, None if its 二级 is unknown."""
    return _LEVEL2_SLOT.get(indicator.level2)


# ---------------------------------------------------------------- units

_UNITS = load_data("units")
MONEY_IN_WAN: dict[str, float] = _UNITS["money_in_wan"]
# Units a money 指标值 is written in (a bare 万 after a number in a table is not money).
VALUE_MONEY_UNITS = tuple(unit for unit in MONEY_IN_WAN if unit.endswith("元"))
PERCENT_UNITS = frozenset(_UNITS["percent"])
TIME_UNITS: tuple[str, ...] = tuple(_UNITS["time"])
TIME_VALUE_UNITS: tuple[str, ...] = tuple(_UNITS["time_values"])
COUNT_UNITS: tuple[str, ...] = tuple(_UNITS["count"])
PEOPLE_UNITS: frozenset[str] = frozenset(_UNITS["people"])


def counts_people(unit: str) -> bool:
    """'名', '人', '万人': a count of people."""
    return unit.removeprefix("万") in PEOPLE_UNITS


def in_wan(number: float, unit: str) -> float | None:
    """An amount in 万元, None when `unit` is not a money unit."""
    factor = MONEY_IN_WAN.get(unit.strip())
    return None if factor is None else number * factor


def value_in_wan(number: float | None, unit: str) -> float | None:
    """A 指标值's amount in 万元 when it is money (元/千元/万元/亿元), else None."""
    if number is None or unit.strip() not in VALUE_MONEY_UNITS:
        return None
    return in_wan(number, unit)


# ---------------------------------------------------------------- reverse indicators and words

_WORDS = load_data("indicator_words")
_REVERSE_RE = re.compile("|".join(map(re.escape, _WORDS["reverse_words"])))
_HANDLING_RE = re.compile("|".join(map(re.escape, _WORDS["handling_words"])))
NOUN_GROUPS: tuple[tuple[str, ...], ...] = tuple(tuple(group) for group in _WORDS["noun_groups"])


def has_reverse_name(name: str) -> bool:
    """The name says less is better ('投诉率', '安全事故发生数'), not handling it ('隐患整改率')."""
    return bool(_REVERSE_RE.search(name)) and not _HANDLING_RE.search(name)


def is_reverse(indicator: Indicator) -> bool:
    """反向指标 (less is better): costs, time limits, and names such as 投诉率 or 事故发生数."""
    if slot_of(indicator) == "成本":
        return True
    if indicator.level2 == TIMELINESS and indicator.value.unit in TIME_VALUE_UNITS:
        return True
    return has_reverse_name(indicator.name)


# ---------------------------------------------------------------- time words

# 明年 → +1 …; in file order (a brief's first match wins, so longer words come first there).
RELATIVE_YEARS: dict[str, int] = load_data("time_words")["relative_years"]


# ---------------------------------------------------------------- tuning

TUNING: dict[str, Any] = load_data("tuning")
