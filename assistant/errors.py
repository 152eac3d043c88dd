"""Errors the user can act on. Their messages are Chinese and name the file or field concerned."""

import errno


class AssistantError(Exception):
    """Base of every error shown to a user instead of a traceback."""


class ImportFailed(AssistantError):
    """A file could not be read as a target table."""

    def __init__(self, file: str, problem: str):
        self.file, self.problem = file, problem
        super().__init__(f"无法导入文件「{file}」：{problem}")


class ProviderUnavailable(AssistantError):
    """A configured provider (embedder, LLM, store) is unknown or not installed."""


def storage_problem(exc: BaseException) -> str:
    """A Chinese reason for a failed write: 磁盘空间不足 for a full disk, else the system's words."""
    errno_value = getattr(exc, "errno", None)
    # Libraries (chromadb) re-raise a full disk as their own error: its text is all there is.
    said_full = any(words in str(exc) for words in ("No space left", "disk is full"))
    if errno_value in (errno.ENOSPC, errno.EDQUOT) or sqlite_code(exc) == SQLITE_FULL or said_full:
        return "磁盘空间不足，请清理磁盘或联系管理员后重试（已写的内容已撤回）。"
    if sqlite_code(exc) in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return "文件已损坏。请重启应用：启动时会把损坏的文件另存一份，并换用新的文件。"
    return getattr(exc, "strerror", None) or str(exc)


def sqlite_code(exc: BaseException) -> int | None:
    """The primary SQLite result code of a sqlite3 error (None for other errors)."""
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF  # extended codes keep the primary one low


SQLITE_CORRUPT, SQLITE_FULL, SQLITE_NOTADB = 11, 13, 26
