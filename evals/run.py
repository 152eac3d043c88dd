"""One evaluation run: corpus -> index in a data dir -> validity, fidelity, retrieval -> EvalRun."""

from __future__ import annotations

import logging
import time
from datetime import datetime
from pathlib import Path

from assistant.corpus import load_corpus, source_files
from assistant.drafting.library_mining import load_tables
from assistant.errors import ProviderUnavailable
from assistant.importers import parse
from assistant.schema import TargetTable
from assistant.settings import Settings
from assistant.wiring import make_refiner, open_index
from evals.baselines import GenericTemplateBaseline, NearestTableBaseline
from evals.casefiles import (
    load_briefs,
    load_facts_cases,
    load_heldout_facts,
    load_name_pairs,
    load_retrieval_cases,
)
from evals.ceiling import retrieval_ceiling
from evals.drafters import ProductDrafter, TableDrafter
from evals.facts_recall import run_facts
from evals.fidelity import leave_one_out
from evals.matching import EmbeddingSimilarity, check_matcher, match_name
from evals.models import EvalRun
from evals.retrieval import run_retrieval
from evals.validity import run_validity
from index.build import build_index
from index.embeddings import make_embedder

log = logging.getLogger(__name__)

NOTES = [
    "Leave-one-out hides the left-out table with SearchFilters(exclude_table_ids=[id]) on every "
    "search the drafter makes: both retrievers drop excluded tables before ranking, so this equals "
    "rebuilding the index without the table, without one rebuild per table. Partial tables (cut "
    "off in their source copy) stay in the index, so drafts may cite their rows, but are not "
    "left out and scored: {partial} of {tables} corpus tables.",
    "Rows are matched only within the same slot (数量/质量/时效/成本/效益/满意度), one-to-one "
    "(Hungarian, scipy linear_sum_assignment) on the cosine of the 三级 names' embeddings "
    "centred on the corpus' mean name vector, threshold {threshold}; names are compared without "
    "numbering and template marks (「指标1:」, 「(≥**人)」). Values agree when operator "
    "and unit are the same and the numbers are within 20%; word values when one contains the other.",
    "Validity counts a draft as valid when it round-trips the schema, review() finds no error, every "
    "slot the national review profile asks for is filled (满意度 only for public services), every money cost is ≤ the brief's budget and every row cites an existing "
    "corpus row or a rule.",
    "recall@k = right answers in the top k / min(k, number of right answers).",
]


def corpus_tables(settings: Settings) -> list[TargetTable]:
    """The corpus from its JSON; parsed in memory when there is no JSON yet (no writes)."""
    if settings.corpus_json_dir.is_dir() and any(settings.corpus_json_dir.glob("*.json")):
        return load_corpus(settings)
    return [table for path in source_files(settings.corpus_dir) for table in parse(path)]


def name_similarity(settings: Settings, tables: list[TargetTable]) -> EmbeddingSimilarity:
    """The row matcher: the configured embedder, centred on the corpus' 三级 names."""
    names = [match_name(i) for t in tables for i in t.indicators]
    return EmbeddingSimilarity(make_embedder(settings), names)


def llm_drafter(settings: Settings, index, notes: list[str]) -> TableDrafter | None:
    """The LLM drafter when settings.llm names a usable one, else None (and why, in notes)."""
    if settings.llm.strip().lower() == "none":
        return None
    try:
        refiner = make_refiner(settings)
    except ProviderUnavailable as exc:
        # The other evaluations are still worth having: report the LLM as skipped.
        log.warning("LLM skipped: %s", exc)
        notes.append(f"LLM drafter `{settings.llm}` skipped: {exc}")
        return None
    if refiner is None:
        return None
    refiner.warm_up()  # as the app does at start: drafts are timed with the fixed prompt cached
    return ProductDrafter(
        index, refiner, name=f"llm:{refiner.label}", profile=settings.review_profile
    )


def run_all(
    settings: Settings,
    table_limit: int | None = None,
    use_llm: bool = True,
    extra: list[Path] | None = None,
) -> EvalRun:
    """Build the index into settings.data_dir and run every evaluation; `extra` folders of
    real tables not yet in corpus/ join the index and the leave-one-out."""
    started, clock = datetime.now().isoformat(timespec="seconds"), time.perf_counter()
    tables = corpus_tables(settings)
    known = {t.id for t in tables}
    tables += [t for t in load_tables(None, extra or []) if t.id not in known]
    build_index(settings, tables=tables, progress=False)
    index = open_index(settings)
    try:
        complete = [table for table in tables if not table.partial]
        run = evaluate(settings, index, complete[:table_limit], use_llm)
    finally:
        index.close()
    return run.model_copy(update={"started_at": started, "seconds": time.perf_counter() - clock})


def evaluate(settings: Settings, index, tables: list[TargetTable], use_llm: bool) -> EvalRun:
    """Validity, fidelity (leave-one-out over `tables`) and retrieval on an open index."""
    corpus = {t.id: t for t in index.tables()}
    similarity = name_similarity(settings, list(corpus.values()))
    partial = sum(1 for t in corpus.values() if t.partial)
    notes = [
        note.format(threshold=similarity.threshold, partial=partial, tables=len(corpus))
        for note in NOTES
    ]
    drafters: list[TableDrafter] = [ProductDrafter(index, profile=settings.review_profile)]
    llm = llm_drafter(settings, index, notes) if use_llm else None
    drafters += [llm] if llm else []
    drafters += [NearestTableBaseline(index), GenericTemplateBaseline()]
    log.info("validity …")
    validity = run_validity(load_briefs(), drafters, corpus)
    log.info("fidelity …")
    fidelity = leave_one_out(tables, drafters, similarity)
    log.info("brief facts …")
    facts = run_facts(load_facts_cases(), drafters)
    heldout = run_facts(load_heldout_facts(), drafters)
    log.info("retrieval …")
    retrieval = run_retrieval(index, load_retrieval_cases())
    return EvalRun(
        started_at="",
        embedder=settings.embedder,
        llm=llm.name.removeprefix("llm:") if llm else "none",
        corpus_tables=len(corpus),
        drafters=[d.name for d in drafters],
        validity=validity,
        fidelity=fidelity,
        retrieval=retrieval,
        matcher=check_matcher(similarity, load_name_pairs()),
        facts=facts,
        facts_heldout=heldout,
        ceiling=retrieval_ceiling(tables, list(corpus.values()), similarity),
        notes=notes,
    )
