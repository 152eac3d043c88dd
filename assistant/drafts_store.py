"""Saved drafts in SQLite: every save is a new version with its author and time.

Drafts belong to an owner; every read checks it, so one browser or user never sees or
overwrites another's drafts. The database runs in WAL mode so that reads from the web app's
worker threads do not block a save, and each save is one transaction.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from assistant.errors import (
    SQLITE_CORRUPT,
    SQLITE_NOTADB,
    AssistantError,
    sqlite_code,
    storage_problem,
)
from assistant.schema import Draft
from assistant.workbench.models import DraftSummary, DraftVersionInfo, Owner

_SCHEMA = """
CREATE TABLE IF NOT EXISTS drafts (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    title TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS drafts_owner ON drafts(owner, updated_at);
CREATE TABLE IF NOT EXISTS versions (
    draft_id TEXT NOT NULL REFERENCES drafts(id),
    version INTEGER NOT NULL,
    author TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    payload TEXT NOT NULL,
    PRIMARY KEY (draft_id, version)
);
"""


class DraftNotFound(AssistantError):
    """The draft (or version) does not exist for this owner."""

    def __init__(self, draft_id: str, version: int | None = None):
        what = f"草稿「{draft_id}」" + (f"的第 {version} 版" if version else "")
        super().__init__(f"找不到{what}，或它不属于当前用户。")


log = logging.getLogger(__name__)
# The file is damaged (not merely locked, or on a full disk).
_DAMAGED_CODES = (SQLITE_CORRUPT, SQLITE_NOTADB)
MAX_VERSION = 2**31  # far above any real count of saves; larger numbers overflow SQLite


class StoreUnavailable(AssistantError):
    """The drafts store cannot be read or written (disk full, damaged file)."""

    def __init__(self, problem: str):
        super().__init__(f"草稿库读写失败：{problem}")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


class DraftsStore:
    """Versioned drafts in one SQLite file (created on first use)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.damaged_copy: Path | None = None  # where a damaged store found at start was put
        try:
            self._open_checked()
        except sqlite3.DatabaseError as exc:
            if sqlite_code(exc) not in _DAMAGED_CODES:
                raise StoreUnavailable(storage_problem(exc)) from exc
            self.damaged_copy = self._set_aside()
            log.warning("drafts store %s is damaged (%s); kept as %s", path, exc, self.damaged_copy)
            self._open_checked()

    @property
    def notice(self) -> str:
        """What the user must be told at start (Chinese), or '' when the store was sound."""
        if self.damaged_copy is None:
            return ""
        return (
            f"草稿库文件已损坏，无法读取。损坏的文件已另存为「{self.damaged_copy}」，"
            "现在使用一个新的空草稿库；需要找回旧草稿请把该文件交给管理员。"
        )

    def _open_checked(self) -> None:
        """Open (creating if needed) and check the whole file: damage shows at start, not mid-save."""
        conn = sqlite3.connect(self.path, timeout=10)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.executescript(_SCHEMA)
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                error = sqlite3.DatabaseError(f"quick_check: {result}")
                error.sqlite_errorcode = SQLITE_CORRUPT
                raise error
        finally:
            conn.close()

    def _set_aside(self) -> Path:
        """Rename the damaged file (and its WAL files) to `<name>.damaged-<time>`."""
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        kept = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        for suffix in ("-wal", "-shm", ""):
            part = self.path.with_name(self.path.name + suffix)
            if part.exists():
                os.replace(part, kept.with_name(kept.name + suffix))
        return kept

    @contextmanager
    def _connect(self, write: bool = False) -> Iterator[sqlite3.Connection]:
        """One short-lived connection per call (Gradio runs handlers on many threads).

        Writes take the write lock up front (BEGIN IMMEDIATE) so that two saves of one draft
        can never both read the same last version number.
        """
        try:
            conn = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreUnavailable(storage_problem(exc)) from exc
        conn.row_factory = sqlite3.Row
        try:
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                yield conn
            except BaseException:
                with contextlib.suppress(sqlite3.Error):  # a failed COMMIT may have rolled back
                    conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            # Disk full, damage found after start, a locked file: a Chinese reason, never a trace.
            raise StoreUnavailable(storage_problem(exc)) from exc
        finally:
            conn.close()

    def save(
        self, owner: Owner, draft: Draft, draft_id: str | None = None, note: str = ""
    ) -> DraftVersionInfo:
        """Save `draft` as a new version (a new draft when `draft_id` is None)."""
        now = _now()
        title = draft.table.name or "未命名草稿"
        with self._connect(write=True) as conn:
            if draft_id is None:
                draft_id = uuid.uuid4().hex[:12]
                conn.execute(
                    "INSERT INTO drafts(id, owner, title, created_at, updated_at) VALUES (?,?,?,?,?)",
                    (draft_id, owner.id, title, now, now),
                )
            else:
                self._check_owner(conn, owner, draft_id)
                conn.execute(
                    "UPDATE drafts SET title=?, updated_at=? WHERE id=?", (title, now, draft_id)
                )
            version = conn.execute(
                "SELECT COALESCE(MAX(version), 0) + 1 FROM versions WHERE draft_id=?", (draft_id,)
            ).fetchone()[0]
            conn.execute(
                "INSERT INTO versions(draft_id, version, author, saved_at, note, payload)"
                " VALUES (?,?,?,?,?,?)",
                (draft_id, version, owner.name, now, note, draft.model_dump_json()),
            )
        return DraftVersionInfo(
            draft_id=draft_id, version=version, author=owner.name, saved_at=now, note=note
        )

    def load(self, owner: Owner, draft_id: str, version: int | None = None) -> Draft:
        """The saved draft (latest version unless `version` is given), if `owner` owns it."""
        if version is not None and not 1 <= version <= MAX_VERSION:
            raise DraftNotFound(draft_id, version)  # SQLite cannot even compare 2**63
        with self._connect() as conn:
            self._check_owner(conn, owner, draft_id)
            if version is None:
                row = conn.execute(
                    "SELECT payload FROM versions WHERE draft_id=? ORDER BY version DESC LIMIT 1",
                    (draft_id,),
                ).fetchone()
            else:
                row = conn.execute(
                    "SELECT payload FROM versions WHERE draft_id=? AND version=?",
                    (draft_id, version),
                ).fetchone()
        if row is None:
            raise DraftNotFound(draft_id, version)
        return Draft.model_validate_json(row["payload"])

    def list_drafts(self, owner: Owner) -> list[DraftSummary]:
        """The owner's drafts, most recently saved first."""
        with self._connect() as conn:
            rows = conn.execute(
                "SELECT d.id, d.owner, d.title, d.created_at, d.updated_at,"
                " (SELECT MAX(version) FROM versions v WHERE v.draft_id = d.id) AS latest"
                " FROM drafts d WHERE d.owner=? ORDER BY d.updated_at DESC, d.rowid DESC",
                (owner.id,),
            ).fetchall()
        return [
            DraftSummary(
                draft_id=r["id"],
                owner=r["owner"],
                title=r["title"],
                latest_version=r["latest"] or 0,
                created_at=r["created_at"],
                updated_at=r["updated_at"],
            )
            for r in rows
        ]

    def list_versions(self, owner: Owner, draft_id: str) -> list[DraftVersionInfo]:
        """All versions of one draft, oldest first."""
        with self._connect() as conn:
            self._check_owner(conn, owner, draft_id)
            rows = conn.execute(
                "SELECT version, author, saved_at, note FROM versions WHERE draft_id=?"
                " ORDER BY version",
                (draft_id,),
            ).fetchall()
        return [
            DraftVersionInfo(
                draft_id=draft_id,
                version=r["version"],
                author=r["author"],
                saved_at=r["saved_at"],
                note=r["note"],
            )
            for r in rows
        ]

    @staticmethod
    def _check_owner(conn: sqlite3.Connection, owner: Owner, draft_id: str) -> None:
        # Someone else's draft answers exactly like a missing one: ids reveal nothing.
        row = conn.execute("SELECT owner FROM drafts WHERE id=?", (draft_id,)).fetchone()
        if row is None or row["owner"] != owner.id:
            raise DraftNotFound(draft_id)
