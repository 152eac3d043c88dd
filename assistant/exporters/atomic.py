"""Write a file all-or-nothing: save into a temp file next to the target, then os.replace."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def atomic_save(path: Path, save: Callable[[Path], None]) -> None:
    """Call `save(temp_path)` and move the result onto `path`; a crash leaves `path` untouched."""
    path = Path(path)
    # Same directory, so os.replace is a rename on one file system (atomic), never a copy.
    handle, temp_name = tempfile.mkstemp(
        prefix=f".{path.stem}.", suffix=path.suffix, dir=path.parent
    )
    os.close(handle)
    temp = Path(temp_name)
    os.chmod(temp, 0o644)  # mkstemp makes 0600; an exported table is an ordinary document
    try:
        save(temp)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
