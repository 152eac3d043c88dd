"""导入 tab: preview an uploaded file's tables with their review, add it to the corpus; file many
uploads (or a .zip of a folder) at once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from assistant.bulk_import import BulkReport
from assistant.errors import AssistantError
from assistant.importers import parse
from assistant.schema import TargetTable
from assistant.settings import Settings
from assistant.workbench.models import ReviewedTable

CorpusAdder = Callable[[Path], list[TargetTable]]
# (paths, progress(done, total, file name)) -> BulkReport: files many uploads, updates the index once
BulkImporter = Callable[[list[Path], Callable[[int, int, str], None] | None], BulkReport]


class ImportServices:
    """The 导入 tab's actions (a part of `Workbench`: needs `settings`, `add_to_corpus`)."""

    settings: Settings
    add_to_corpus: CorpusAdder | None
    import_many: BulkImporter | None

    # ------------------------------------------------------------ import

    def preview_import(self, path: Path) -> list[ReviewedTable]:
        """Parse an uploaded file and review each table; nothing is stored."""
        return [self.review(table) for table in self._parse_upload(Path(path))]

    def _parse_upload(self, path: Path) -> list[TargetTable]:
        """Parse an upload within the configured size and decompressed-size limits."""
        limits = self.settings
        return parse(path, limits.max_upload_mb, max_decompressed_mb=limits.max_decompressed_mb)

    def import_to_corpus(self, path: Path) -> list[TargetTable]:
        """Add an uploaded file to the corpus and the index."""
        if self.add_to_corpus is None:
            raise AssistantError("本实例未开启加入语料库功能。")
        return self.add_to_corpus(Path(path))

    def import_files(self, paths: list[Path], progress=None) -> BulkReport:
        """File every table of several uploads (files or .zip), each all-or-nothing."""
        if self.import_many is None:
            raise AssistantError("本实例未开启加入语料库功能。")
        return self.import_many([Path(p) for p in paths], progress)
