"""Index benchmark on SYNTHETIC tables (1k and 10k, recombined from the real corpus rows).

    python -m benchmarks.bench_index            # 1k and 10k tables
    python -m benchmarks.bench_index --quick    # 1k only (also: JXMB_BENCH_QUICK=1)

Reports build time (cold, nothing changed, 10 tables changed), size on disk, and p50/p95 search
latency of keyword-only, dense-only and hybrid search (with and without filters) next to a plain
LangChain `Chroma.similarity_search` over the same collection. Query embeddings are computed
afresh for every timed search (the in-memory query cache is cleared). Results go to
benchmarks/out/index.json and a markdown table on stdout (copied into docs/index.md).
Targets on 2 cores: hybrid p50 ≤ 50 ms at 10k tables, 10k build ≤ 10 min, unchanged re-run ≤ 10 s.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import time
from pathlib import Path

from assistant.schema import IndicatorValue, SearchFilters, TargetTable
from assistant.settings import PROJECT_ROOT, Settings
from benchmarks.results import read_result, write_result
from benchmarks.synthetic import OUT_DIR, synthetic_tables, write_jsonl
from benchmarks.timing import percentiles_ms

QUERIES = [
    "天津燃气供热站的安全应急检查",
    "供热监管信息平台在采暖季的运维服务",
    "燃气报装业务系统的运行维护",
    "突发环境事件应急处置和事故调查",
    "拆除违法建筑的经费",
    "兰溪路与真南路路口下立交的建设工程",
    "满意度指标通常定多少",
    "检查了多少家企业",
    "问题整改反馈要多长时间",
    "成本控制在预算以内",
    "系统运行稳定率",
    "驻场运维人员数量",
    "宣传活动覆盖人数",
    "设备更新改造验收合格率",
    "燃气 安全检查",
    "服务对象满意度",
    "项目按期完成",
    "网络设备故障修复时间",
    "生态环境信息化",
    "违法建筑治理",
    "专家评审费用",
    "安全隐患整改率",
]


def _settings(data_dir: Path) -> Settings:
    return Settings(
        data_dir=data_dir, corpus_dir=PROJECT_ROOT / "corpus", llm="none", _env_file=None
    )


def _disk_mb(path: Path) -> float:
    if not path.exists():
        return 0.0
    return round(sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20, 1)


def _timed(fn, queries: list[str], before=None, warm_all: bool = False) -> dict[str, float]:
    for query in queries if warm_all else queries[:1]:
        fn(query)  # warm-up: first-call allocations (or, with warm_all, every query embedding)
    samples = []
    for query in queries:
        if before:
            before()
        started = time.perf_counter()
        fn(query)
        samples.append((time.perf_counter() - started) * 1000)
    return percentiles_ms(samples, digits=2)


def _edit_tables(tables: list[TargetTable], count: int) -> list[TargetTable]:
    """A copy where `count` tables get one new 指标值 each (the incremental case)."""
    out = list(tables)
    for i in range(count):
        table = out[i].model_copy(deep=True)
        first = table.indicators[0]
        table.indicators[0] = first.model_copy(
            update={"value": IndicatorValue.parse(f"≥{900 + i}次")}
        )
        out[i] = table
    return out


def bench_build(settings: Settings, tables: list[TargetTable]) -> dict:
    shutil.rmtree(settings.data_dir, ignore_errors=True)  # cold: no index, no embedding cache
    from index import build_index

    cold = build_index(settings, tables, progress=True)
    unchanged = build_index(settings, tables, progress=False)
    edited = build_index(settings, _edit_tables(tables, 10), progress=False)
    return {
        "tables": cold.tables,
        "documents": cold.documents,
        "cold_build_s": cold.seconds,
        "texts_embedded": cold.embedded,
        "texts_reused": cold.cache_hits,
        "unchanged_rerun_s": unchanged.seconds,
        "ten_tables_changed_s": edited.seconds,
        "ten_tables_changed_embedded": edited.embedded,
        "index_mb": _disk_mb(settings.index_dir),
        "embedding_cache_mb": _disk_mb(settings.data_dir / "cache"),
    }


def bench_search(settings: Settings, tables: list[TargetTable]) -> dict:
    from langchain_chroma import Chroma

    from assistant.wiring import open_index

    started = time.perf_counter()
    index = open_index(settings)
    opened_s = round(time.perf_counter() - started, 2)
    clear = index.embedder._queries.clear  # every timed search embeds its query afresh
    year = SearchFilters(year_min=2025, year_max=2025)
    leave_one_out = SearchFilters(exclude_table_ids=[tables[0].id])
    one_dept = SearchFilters(department=tables[0].department.name)
    store = index.stores["indicators"]
    langchain = Chroma(
        client=store.client, collection_name=store.name, embedding_function=index.embedder
    )
    ind = index.search_indicators
    rows = {
        "query embedding only": _timed(index.embedder.base.embed_query_array, QUERIES),
        "keyword only": _timed(lambda q: ind(q, mode="keyword"), QUERIES, clear),
        "dense only": _timed(lambda q: ind(q, mode="dense"), QUERIES, clear),
        "hybrid": _timed(ind, QUERIES, clear),
        "hybrid, query cached": _timed(ind, QUERIES, warm_all=True),
        "hybrid + year filter": _timed(lambda q: ind(q, year), QUERIES, clear),
        "hybrid + leave-one-out": _timed(lambda q: ind(q, leave_one_out), QUERIES, clear),
        "hybrid + one department": _timed(lambda q: ind(q, one_dept), QUERIES, clear),
        "hybrid projects": _timed(index.search_projects, QUERIES, clear),
        "LangChain Chroma.similarity_search": _timed(
            lambda q: langchain.similarity_search(q, k=10), QUERIES, clear
        ),
        "LangChain + where year=2025": _timed(
            lambda q: langchain.similarity_search(q, k=10, filter={"year": 2025}), QUERIES, clear
        ),
    }
    index.close()
    return {"open_s": opened_s, "latency": rows}


def _previous_build(size: int) -> dict:
    """The build figures of the last full run (for --search-only)."""
    return read_result("index")["sizes"][str(size)]["build"]


def run(sizes: list[int], search_only: bool = False) -> dict:
    from assistant.corpus import load_corpus

    real = load_corpus(_settings(OUT_DIR / "data-real"))
    results = {
        "machine": {"cpus": os.cpu_count(), "load_before": os.getloadavg()[0]},
        "sizes": {},
    }
    for size in sizes:
        tables = synthetic_tables(real, size)
        write_jsonl(tables, OUT_DIR / f"synthetic-{size}.jsonl")
        settings = _settings(OUT_DIR / f"data-{size}")
        print(f"\n--- {size} 张合成表（SYNTHETIC）---", flush=True)
        build = _previous_build(size) if search_only else bench_build(settings, tables)
        print(json.dumps(build, ensure_ascii=False), flush=True)
        results["sizes"][str(size)] = {"build": build, **bench_search(settings, tables)}
    results["machine"]["load_after"] = os.getloadavg()[0]
    return results


def markdown(results: dict) -> str:
    sizes = list(results["sizes"])
    lines = [
        "| measure | " + " | ".join(f"{s} tables" for s in sizes) + " |",
        "| --- | " + " | ".join("---" for _ in sizes) + " |",
    ]
    builds = [results["sizes"][s]["build"] for s in sizes]
    for key in (
        "documents",
        "cold_build_s",
        "texts_embedded",
        "texts_reused",
        "unchanged_rerun_s",
        "ten_tables_changed_s",
        "ten_tables_changed_embedded",
        "index_mb",
        "embedding_cache_mb",
    ):
        lines.append(f"| {key} | " + " | ".join(str(b[key]) for b in builds) + " |")
    lines.append(
        "| open_index s | " + " | ".join(str(results["sizes"][s]["open_s"]) for s in sizes) + " |"
    )
    for row in results["sizes"][sizes[0]]["latency"]:
        cells = [results["sizes"][s]["latency"][row] for s in sizes]
        lines.append(
            f"| {row} p50 / p95 ms | "
            + " | ".join(f"{c['p50_ms']} / {c['p95_ms']}" for c in cells)
            + " |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="检索索引基准（合成数据）")
    parser.add_argument("--quick", action="store_true", help="只跑 1k 张表")
    parser.add_argument(
        "--search-only", action="store_true", help="沿用已建好的索引和上次的构建数据，只测检索"
    )
    args = parser.parse_args(argv)
    quick = args.quick or os.environ.get("JXMB_BENCH_QUICK") == "1"
    results = run([1000] if quick else [1000, 10000], search_only=args.search_only)
    path = write_result("index", results)
    print("\n" + markdown(results))
    print(f"\n结果已写入 {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
