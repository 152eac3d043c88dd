"""Embedded drafter latency: brief text -> zero-error Draft, on the real index and SYNTHETIC ones.

    python -m benchmarks.bench_draft            # real corpus + 1k + 10k SYNTHETIC tables
    python -m benchmarks.bench_draft --quick    # real corpus + 1k (also: JXMB_BENCH_QUICK=1)

The synthetic tables are the ones `bench_index` uses (same seed); the indexes live in their own
data dirs (benchmarks/out/draft-*) so both benchmarks can run at once, and start from a copy of
bench_index's embedding cache when there is one (no text is embedded twice). Each timed draft embeds its
brief afresh (the query cache is cleared first): parse + 8 searches + scoring + repair.
Targets on 2 cores: p50 ≤ 100 ms on the real corpus, ≤ 150 ms at 10k tables. Results: benchmarks/results/draft.json + a markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import time
from datetime import date
from pathlib import Path

from assistant.settings import PROJECT_ROOT, Settings
from benchmarks.results import write_result
from benchmarks.synthetic import OUT_DIR, synthetic_tables
from benchmarks.timing import percentiles_ms

BRIEFS = [
    "2026年燃气管道安全巡检，预算80万元",
    "生态环境监测设备运维，年度预算150万元",
    "市民环保宣传活动，预算12万元",
    "一个预算3万元的业务系统运行维护项目",
    "2026年我们要委托第三方对全市老旧燃气管道开展安全巡检，预算80万元，全部财政资金",
    "开展燃气用户入户安全检查",
    "全市智慧城管平台建设，预算1亿元",
    "明年开展河道保洁，经费八十万元，其中财政资金60万元、自筹20万元",
    "供热管网巡查，预算45万元",
    "违法建筑拆除治理，预算300万元",
    "下立交道路工程建设，预算2000万元",
    "突发环境事件应急演练和事故调查，预算20万元",
    "智慧供热监管平台采暖季运行维护，预算104万元",
    "社区垃圾分类宣传、培训和入户指导，预算约30万",
    "办公网络设备更新改造，预算175万元",
    "燃气行业安全监督检查技术服务合同尾款，预算33.2万元",
    "Gas pipeline inspection in 2026, budget 800k",
    "天津市生态环境综合保障中心计划2026年开展空气质量监测站点运维，预算100万元",
    "燃气供热站安全应急检查，预算29.4万元，全额财政拨款",
    "用气报装业务管理平台运行维护，预算3万元",
    # Briefs with facts to compose from (farmland, property, training, public health, meetings)
    "岳阳县农业农村局2022年高标准农田建设项目，预算854万元，新建高标准农田1.2万亩，建设灌溉渠道和田间道路",
    "某镇人民政府2023年安置小区物业管理，预算814万元，保安服务费191万元、保洁服务费99万元、水电气及维修524万元，服务周期2023年7月至2024年1月",
    "区委党校2024年对全区230名村组干部开展为期5天的集中轮训，培训费用18万元，组织专题讲座12场",
    "县卫生健康局2025年基本公共卫生服务，预算120万元，为65岁以上老年人免费体检，对高血压、糖尿病患者每季度随访1次",
    "省禁毒委员会办公室2024年禁毒工作经费60万元，召开全体会议，组织宣传、培训，开展专项整治和联合检查，考核评议各县市",
]
TODAY = date(2025, 11, 23)


def _settings(data_dir: Path) -> Settings:
    return Settings(
        data_dir=data_dir, corpus_dir=PROJECT_ROOT / "corpus", llm="none", _env_file=None
    )


def _timed_ms(fn, texts: list[str], rounds: int, before=None) -> list[float]:
    samples = []
    for _ in range(rounds):
        for text in texts:
            if before:
                before()
            started = time.perf_counter()
            fn(text)
            samples.append((time.perf_counter() - started) * 1000)
    return samples


def time_drafts(settings: Settings, index, rounds: int) -> dict:
    """p50/p95 of full drafts (fresh query embedding each), of the same drafts with the query
    embedding cached (the drafter's own work), and of the query embedding alone."""
    from assistant.drafting import parse_brief
    from assistant.drafting.engine import build_query
    from assistant.rules import has_errors, review
    from assistant.wiring import make_drafter

    drafter = make_drafter(settings, index, refiner=False)  # the embedded drafter's own speed
    embedder = getattr(index, "embedder", None)
    clear = getattr(embedder, "_queries", {}).clear
    drafter.draft(BRIEFS[0], today=TODAY)  # warm-up: model load and first-call allocations
    drafts = []

    def one_draft(text: str) -> None:
        drafts.append(drafter.draft(text, today=TODAY))

    fresh = _timed_ms(one_draft, BRIEFS, rounds, before=clear)
    cached = _timed_ms(one_draft, BRIEFS, rounds)
    queries = [build_query(parse_brief(text, today=TODAY)) for text in BRIEFS]
    embed = _timed_ms(embedder.embed_query_array, queries, rounds, before=clear) if embedder else []
    return {
        **percentiles_ms(fresh),
        "cached_query": percentiles_ms(cached),
        "query_embedding": percentiles_ms(embed) if embed else None,
        "drafts_with_errors": sum(has_errors(review(d.table)) for d in drafts),
    }


def _seed_cache(data_dir: Path, donors: list[Path]) -> None:
    """Start from an existing embedding cache (synthetic rows are real rows recombined, so the
    texts repeat); it is only a cache: a failed copy just costs time."""
    donor = next((d / "cache" for d in donors if (d / "cache").is_dir()), None)
    if (data_dir / "cache").exists() or donor is None:
        return
    try:
        shutil.copytree(donor, data_dir / "cache")
    except OSError as exc:
        print(f"（未能复用向量缓存：{exc}）", flush=True)


def bench_index_dir(label: str, data_dir: Path, tables, donors: list[Path]) -> dict:
    from assistant.wiring import open_index
    from index import build_index

    _seed_cache(data_dir, donors)
    settings = _settings(data_dir)
    started = time.perf_counter()
    build_index(settings, tables=tables, progress=False)  # incremental: quick when already built
    prepared_s = round(time.perf_counter() - started, 1)
    index = open_index(settings)
    try:
        result = {
            "tables": len(tables),
            "index_ready_s": prepared_s,
            **time_drafts(settings, index, rounds=2),
        }
    finally:
        index.close()
    print(f"{label}: {json.dumps(result, ensure_ascii=False)}", flush=True)
    return result


def real_tables() -> list:
    """The real corpus, parsed from the source files (nothing is written under corpus/)."""
    from assistant.importers import parse

    return [t for path in sorted((PROJECT_ROOT / "corpus").glob("*.txt")) for t in parse(path)]


def run(sizes: list[int]) -> dict:
    real = real_tables()
    results = {
        "machine": {"cpus": os.cpu_count(), "load_before": os.getloadavg()[0]},
        "indexes": {},
    }
    results["indexes"]["real corpus"] = bench_index_dir(
        "real corpus", OUT_DIR / "draft-real", real, [OUT_DIR / "data-real"]
    )
    for size in sizes:
        label = f"{size} SYNTHETIC tables"
        tables = synthetic_tables(real, size)
        results["indexes"][label] = bench_index_dir(
            label,
            OUT_DIR / f"draft-{size}",
            tables,
            [OUT_DIR / f"data-{size}", OUT_DIR / "draft-1000"],
        )
    results["machine"]["load_after"] = os.getloadavg()[0]
    return results


def markdown(results: dict) -> str:
    lines = [
        "| index | tables | draft p50 / p95 ms | same, query embedding cached | query embedding alone "
        "| drafts | drafts with errors |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for label, row in results["indexes"].items():
        cached, embed = (
            row["cached_query"],
            row["query_embedding"] or {"p50_ms": "-", "p95_ms": "-"},
        )
        lines.append(
            f"| {label} | {row['tables']} | {row['p50_ms']} / {row['p95_ms']} "
            f"| {cached['p50_ms']} / {cached['p95_ms']} | {embed['p50_ms']} / {embed['p95_ms']} "
            f"| {row['n'] + cached['n']} | {row['drafts_with_errors']} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="嵌入式起草速度基准（真实语料 + 合成数据）")
    parser.add_argument("--quick", action="store_true", help="只跑真实语料和 1k 张合成表")
    args = parser.parse_args(argv)
    quick = args.quick or os.environ.get("JXMB_BENCH_QUICK") == "1"
    results = run([1000] if quick else [1000, 10000])
    path = write_result("draft", results)
    print("\n" + markdown(results))
    print(f"\n结果已写入 {path}")
    failed = any(row["drafts_with_errors"] for row in results["indexes"].values())
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
