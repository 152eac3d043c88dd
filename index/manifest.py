"""The index manifest (written atomically, last), the build-in-progress marker and the build lock.

Crash safety rests on three facts: chroma ids are content hashes (a re-run converges to the same
set whatever was half-written), the catalog files go to a fresh generation directory, and the
manifest that names that generation is replaced atomically only after everything else is on disk.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from contextlib import contextmanager
from pathlib import Path

from pydantic import ValidationError

from assistant.errors import AssistantError
from assistant.schema import Model

FORMAT_VERSION = 4  # bump whenever documents.py or keyword.py change what is indexed
MANIFEST = "manifest.json"
BUILDING = "BUILDING"  # present while a build is changing the store


class Manifest(Model):
    format_version: int = FORMAT_VERSION
    provider_id: str
    fingerprint: str
    generation: str
    counts: dict[str, int]
    collections: dict[str, str]
    chroma: str
    tables: int
    built_at: float


def read_manifest(index_dir: Path) -> Manifest | None:
    """The manifest, or None when missing, unreadable or of another format version."""
    path = index_dir / MANIFEST
    try:
        manifest = Manifest.model_validate_json(path.read_bytes())
    except (OSError, ValidationError, ValueError):
        return None
    return manifest if manifest.format_version == FORMAT_VERSION else None


def write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def write_manifest(index_dir: Path, manifest: Manifest) -> None:
    write_atomic(index_dir / MANIFEST, manifest.model_dump_json(indent=2).encode())


def build_marked(index_dir: Path) -> bool:
    return (index_dir / BUILDING).exists()


def mark_building(index_dir: Path, on: bool) -> None:
    marker = index_dir / BUILDING
    if on:
        write_atomic(marker, str(time.time()).encode())
    else:
        marker.unlink(missing_ok=True)


def remove_old_generations(index_dir: Path, keep: str) -> None:
    for path in index_dir.glob("gen-*"):
        if path.name != keep:
            shutil.rmtree(path, ignore_errors=True)


@contextmanager
def build_lock(index_dir: Path, timeout: float = 600.0):
    """One builder per index dir at a time (CLI, app and tests may share a data dir)."""
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AssistantError(f"无法使用索引目录「{index_dir}」：{exc.strerror or exc}") from exc
    with open(index_dir / ".lock", "w") as fh:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise AssistantError(
                        f"索引目录正被另一个进程重建，请稍后再试：{index_dir}"
                    ) from None
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
