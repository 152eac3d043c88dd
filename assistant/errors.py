"""Errors the user can act on. Their messages are Chinese and name the file or field concerned."""


class AssistantError(Exception):
    """Base of every error shown to a user instead of a traceback."""


class ImportFailed(AssistantError):
    """A file could not be read as a target table."""

    def __init__(self, file: str, problem: str):
        self.file, self.problem = file, problem
        super().__init__(f"无法导入文件「{file}」：{problem}")


class ProviderUnavailable(AssistantError):
    """A configured provider (embedder, LLM, store) is unknown or not installed."""
