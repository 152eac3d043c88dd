"""`python -m benchmarks [--quick] [--only NAME ...]`: run every `benchmarks/bench_*.py` module.

Each module has `main(argv: list[str] | None = None) -> int`; it is called with an empty argv.
`--quick` is passed on as the environment variable JXMB_BENCH_QUICK=1 (each benchmark decides
what quick means), so modules keep their own argparse options for direct runs
(`python -m benchmarks.bench_index --quick`).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
from pathlib import Path


def bench_modules() -> list[str]:
    here = Path(__file__).resolve().parent
    return sorted(p.stem for p in here.glob("bench_*.py"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description="运行全部基准测试")
    parser.add_argument("--quick", action="store_true", help="快速模式（各基准自行缩小规模）")
    parser.add_argument("--only", nargs="*", default=None, help="只运行这些模块，如 bench_index")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    if args.quick:
        os.environ["JXMB_BENCH_QUICK"] = "1"
    failed = []
    for name in bench_modules():
        if args.only and name not in args.only:
            continue
        print(f"\n=== {name} ===", flush=True)
        started = time.perf_counter()
        code = importlib.import_module(f"benchmarks.{name}").main([])
        print(f"=== {name}: 退出码 {code}，用时 {time.perf_counter() - started:.1f} 秒", flush=True)
        if code:
            failed.append(name)
    if failed:
        print("失败的基准：" + "、".join(failed), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
