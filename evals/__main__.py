"""`python -m evals` (= `make eval`): run every evaluation, write evals/report.md and the F1 plot."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
from pathlib import Path

# Before anything imports an ML library: nothing may reach the network for weights.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from assistant.errors import AssistantError  # noqa: E402
from assistant.settings import get_settings  # noqa: E402

EVALS_DIR = Path(__file__).resolve().parent


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m evals", description="绩效目标助手评测")
    parser.add_argument("--out", type=Path, default=EVALS_DIR, help="报告输出目录（默认 evals/）")
    parser.add_argument(
        "--data-dir", type=Path, default=None, help="索引数据目录（默认临时目录，结束后删除）"
    )
    parser.add_argument("--tables", type=int, default=None, help="只做前 N 张表的留一评测")
    parser.add_argument("--no-llm", action="store_true", help="即使配置了 LLM 也不评测 LLM 起草")
    parser.add_argument(
        "--extra", type=Path, action="append", default=[],
        help="尚未导入 corpus/ 的真实目标表目录（可多次给出），加入索引和留一评测",
    )  # fmt: skip
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run, write the report, print the summary; Chinese message and exit 1 on a user error."""
    args = _arguments(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    from evals.headline import write_headline
    from evals.report import console_summary, write_report
    from evals.run import run_all

    with tempfile.TemporaryDirectory(prefix="jxmb-evals-") as tmp:
        settings = get_settings(data_dir=args.data_dir or Path(tmp))
        try:
            run = run_all(
                settings, table_limit=args.tables, use_llm=not args.no_llm, extra=args.extra
            )
        except AssistantError as exc:
            print(f"评测失败：{exc}", file=sys.stderr)
            return 1
    report = write_report(run, args.out)
    write_headline(run, args.out / "headline.json")
    print(console_summary(run))
    print(f"报告已写入 {report}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
