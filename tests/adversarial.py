"""The adversarial run behind docs/security.md: every hostile input tried, and what it did.

    python -m tests.adversarial            # runs everything in a temp folder, rewrites the table
    python -m tests.adversarial --check    # prints the table, leaves docs/security.md alone

It runs the bad files of tests/badinputs.py through 加入语料库, and the attacks of tests/attack_list.py
(chat, briefs, grid, search, names, version numbers, crashes, a full disk, a damaged store)
against the real app objects (app.create_workbench on a copy of the real corpus), and sorts each
outcome into: a clear Chinese error, handled correctly, a crash (a traceback or an English
error), data loss (something stored changed, or a figure read wrongly without a word) or a
security hole (markup rendered, a file outside the corpus, a hidden character kept).
"""

from __future__ import annotations

import argparse
import hashlib
import re
import tempfile
from collections import Counter
from html import escape
from pathlib import Path

from assistant.corpus import add_to_corpus
from assistant.errors import AssistantError, ImportFailed
from assistant.settings import Settings
from tests.attack_list import ATTACKS
from tests.attacks import Lab, Verdict
from tests.badinputs import BadInput, copy_corpus, make_bad_inputs, names_problem
from tests.conftest import ROOT

DOC = ROOT / "docs" / "security.md"
BEGIN, END = "<!-- adversarial:begin -->", "<!-- adversarial:end -->"
CJK_RE = re.compile(r"[\u4e00-\u9fff]")
OUTCOMES = {
    "clear_error": "明确的中文错误",
    "handled": "正确处理",
    "crash": "崩溃",
    "data_loss": "数据丢失",
    "security": "安全问题",
}


def snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def try_upload(item: BadInput, settings: Settings) -> Verdict:
    """One bad file through 加入语料库: refused in Chinese with nothing written, or parsed."""
    before = snapshot(settings.corpus_dir)
    try:
        tables = add_to_corpus(item.path, settings, original_name=item.upload_name)
    except ImportFailed as exc:
        if snapshot(settings.corpus_dir) != before:
            return Verdict("data_loss", "拒绝后语料库有变化")
        if item.expect == "parse" or not CJK_RE.search(exc.problem):
            return Verdict("crash", str(exc))
        if not names_problem(exc.problem, item.problem):
            return Verdict("crash", f"原因不明确：{exc}")
        return Verdict("clear_error", exc.problem)
    except Exception as exc:  # noqa: BLE001 (any other error would be a traceback)
        return Verdict("crash", f"{type(exc).__name__}: {exc}")
    if item.expect == "reject":
        return Verdict("security", "坏文件被接受")
    stored = settings.corpus_dir / item.stored_as
    if len(tables) != item.tables or not stored.is_file():
        return Verdict(
            "data_loss", f"{len(tables)} 张表，存为 {item.stored_as}：{stored.is_file()}"
        )
    stored.unlink()  # the next file of the same name is then new again
    for table in tables:
        (settings.corpus_json_dir / f"{table.id}.json").unlink(missing_ok=True)
    return Verdict("handled", f"解析出 {len(tables)} 张表")


def attempt(run, lab: Lab) -> Verdict:
    """Run one attack: a Chinese AssistantError is a clear error, any other exception a crash."""
    try:
        return run(lab)
    except AssistantError as exc:
        shown = str(exc)
        return Verdict("clear_error" if CJK_RE.search(shown) else "crash", shown)
    except Exception as exc:  # noqa: BLE001
        return Verdict("crash", f"{type(exc).__name__}: {exc}")


def run_all(root: Path) -> list[tuple[str, str, str, Verdict]]:
    """(group, key, what was tried, verdict) for every bad file and every attack."""
    results = []
    lab = Lab.start(root)
    try:
        uploads = Settings(  # an empty corpus: the re-encoded seeds must not clash by name
            profile="test", data_dir=root / "up-data", corpus_dir=root / "up", _env_file=None
        )
        for item in make_bad_inputs(root / "bad"):
            tried = f"上传 {item.upload_name!r}"
            results.append(("上传文件", item.key, tried, try_upload(item, uploads)))
        for attack in ATTACKS:
            results.append((attack.group, attack.key, attack.tries, attempt(attack.run, lab)))
    finally:
        lab.close()
    return results


def render(results) -> str:
    """The summary table (per group and in total), then one line per case."""
    groups = list(dict.fromkeys(group for group, *_ in results))
    head = "| 类别 | 尝试 | " + " | ".join(OUTCOMES.values()) + " |"
    lines = [head, "| --- " * (len(OUTCOMES) + 2) + "|"]
    for group in [*groups, "合计"]:
        chosen = [v for g, _, _, v in results if group in (g, "合计")]
        counts = Counter(v.outcome for v in chosen)
        cells = " | ".join(str(counts[o]) for o in OUTCOMES)
        lines.append(f"| {group} | {len(chosen)} | {cells} |")
    lines += ["", "| 类别 | 用例 | 尝试了什么 | 结果 |", "| --- | --- | --- | --- |"]
    for group, key, tried, verdict in results:
        shown = escape(tried, quote=False).replace("|", "\\|").replace("\n", " ")[:80]
        lines.append(f"| {group} | `{key}` | {shown} | {OUTCOMES[verdict.outcome]} |")
    return "\n".join(lines)


def bad_outcomes(results) -> list[tuple[str, Verdict]]:
    """(key, verdict) of every crash, data loss and security hole."""
    return [(k, v) for _, k, _, v in results if v.outcome in ("crash", "data_loss", "security")]


def write_doc(table: str) -> None:
    text = DOC.read_text(encoding="utf-8")
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    DOC.write_text(f"{text[:start]}\n{table}\n{text[end:]}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="print only; keep docs as they are")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="jxmb-adversarial-") as folder:
        root = Path(folder)
        copy_corpus(root / "corpus")
        results = run_all(root)
    table = render(results)
    print(table)
    bad = bad_outcomes(results)
    for key, verdict in bad:
        print(f"!! {key}: {OUTCOMES[verdict.outcome]}：{verdict.detail}")
    if not args.check:
        write_doc(table)
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
