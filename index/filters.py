"""SearchFilters -> a boolean numpy mask over one granularity's documents (None = no filter).

Table-level conditions (department, year, budget, excluded ids) are evaluated once per table and
spread to the docs through `table_idx`; level conditions apply per indicator row, and to a table
document when the table has at least one row of that level.
"""

from __future__ import annotations

import numpy as np

from assistant.schema import SearchFilters, normalize_level
from index.catalog import Catalog
from index.documents import Granularity


def _is_empty(filters: SearchFilters | None) -> bool:
    if filters is None:
        return True
    return (
        not any(
            v for k, v in filters.model_dump().items() if k != "exclude_table_ids" and v is not None
        )
        and not filters.exclude_table_ids
    )


def _department_mask(catalog: Catalog, wanted: str) -> np.ndarray:
    wanted = wanted.strip()
    if wanted not in catalog.department_masks:  # the drafter repeats one department per draft
        catalog.department_masks[wanted] = _match_departments(catalog, wanted)
    return catalog.department_masks[wanted]


def _match_departments(catalog: Catalog, wanted: str) -> np.ndarray:
    return np.array(
        [
            code == wanted or (wanted in name)
            for code, name in zip(catalog.dept_codes, catalog.dept_names, strict=False)
        ],
        dtype=bool,
    )


def _range_mask(values: np.ndarray, low: float | None, high: float | None) -> np.ndarray:
    # NaN (unknown year/budget) fails every comparison: a range filter excludes unknowns.
    mask = np.ones(len(values), dtype=bool)
    if low is not None:
        mask &= values >= low
    if high is not None:
        mask &= values <= high
    return mask


def table_mask(catalog: Catalog, filters: SearchFilters) -> np.ndarray:
    """Which tables pass the table-level conditions."""
    mask = np.ones(len(catalog.table_ids), dtype=bool)
    if filters.department:
        mask &= _department_mask(catalog, filters.department)
    if filters.year_min is not None or filters.year_max is not None:
        mask &= _range_mask(catalog.years, filters.year_min, filters.year_max)
    if filters.budget_min is not None or filters.budget_max is not None:
        mask &= _range_mask(catalog.budgets, filters.budget_min, filters.budget_max)
    for table_id in filters.exclude_table_ids:
        pos = catalog.table_pos.get(table_id)
        if pos is not None:
            mask[pos] = False
    if filters.level1 or filters.level2:
        wanted = {normalize_level(x) for x in (filters.level1, filters.level2) if x}
        mask &= np.array([wanted <= levels for levels in catalog.table_levels], dtype=bool)
    return mask


def doc_mask(catalog: Catalog, granularity: Granularity, filters: SearchFilters | None):
    """Boolean mask over the docs of `granularity`, or None when nothing is filtered."""
    if _is_empty(filters):
        return None
    cols = catalog.docs[granularity]
    mask = table_mask(catalog, filters)[cols.table_idx]
    if granularity == "indicators":
        if filters.level1:
            mask &= cols.level1 == cols.level_code(filters.level1)
        if filters.level2:
            mask &= cols.level2 == cols.level_code(filters.level2)
    return mask
