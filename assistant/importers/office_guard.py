"""Safety checks an .xlsx/.docx upload passes before any parser sees it.

Both formats are zip packages. We refuse, with a Chinese reason: files that are not zips (or are
old binary .xls/.doc), truncated or corrupt zips, encrypted members, zip bombs (the declared
uncompressed sizes add up past a limit) and packages without the part the format needs.
Python's zipfile never returns more than a member's declared size (a lying header fails its CRC),
so checking the declared sizes bounds what the parsers will ever inflate.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from assistant.errors import ImportFailed

DEFAULT_MAX_DECOMPRESSED_MB = 100.0
MAX_MEMBERS = 5000
MAX_ROWS = 5000  # non-empty rows per sheet / per document: real tables have < 200
MAX_SCANNED_ROWS = 200_000  # rows iterated per sheet, empty ones included
MAX_ROW_ELEMENTS = 20_000  # <row> elements per worksheet part, styled empty rows included
MAX_XML_PART_MB = 30.0  # one XML part; openpyxl scans a whole sheet before reading a row

Kind = Literal["xlsx", "docx"]
_MAIN_PART = {"xlsx": "xl/workbook.xml", "docx": "word/document.xml"}
_FORMAT_NAME = {"xlsx": "Excel 工作簿（.xlsx）", "docx": "Word 文档（.docx）"}
_OLE_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")
_SHEET_PART_RE = re.compile(r"^xl/worksheets/[^/]+\.xml$", re.IGNORECASE)
_ROW_TAG_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s>/]")


def check_office_zip(
    path: Path, kind: Kind, max_decompressed_mb: float = DEFAULT_MAX_DECOMPRESSED_MB
) -> None:
    """Raise ImportFailed unless `path` is an intact, reasonably sized .xlsx/.docx package."""
    name = Path(path).name
    try:
        with open(path, "rb") as handle:
            magic = handle.read(8)
    except OSError as exc:
        raise ImportFailed(name, "文件不存在或无法读取。") from exc
    if magic == _OLE_MAGIC:
        raise ImportFailed(
            name,
            "这是旧版 .xls/.doc 或加密的 Office 文件，请用 Office/WPS 另存为 .xlsx/.docx（不加密码）后再导入。",
        )
    if not magic.startswith(b"PK"):
        raise ImportFailed(name, f"不是{_FORMAT_NAME[kind]}：文件内容不是 zip 压缩包。")
    try:
        with zipfile.ZipFile(path) as package:
            members = package.infolist()
            _check_members(members, name, max_decompressed_mb)
            _check_main_part(package, kind, name)
            if kind == "xlsx":
                _check_sheet_rows(package, members, name)
            _check_part_sizes(members, name)
            _check_crc(package, members, name)
    except zipfile.BadZipFile as exc:
        raise ImportFailed(
            name, "文件已损坏或不完整（zip 结构无法读取，可能下载/上传被截断）。"
        ) from exc


def _check_members(members: list[zipfile.ZipInfo], name: str, max_mb: float) -> None:
    if len(members) > MAX_MEMBERS:
        raise ImportFailed(
            name, f"压缩包内有 {len(members)} 个部件，超过上限 {MAX_MEMBERS}，拒绝导入。"
        )
    if any(m.flag_bits & 0x1 for m in members):
        raise ImportFailed(name, "文件内容已加密，请去掉密码后再导入。")
    total = sum(m.file_size for m in members)
    if total > max_mb * 1024 * 1024:
        raise ImportFailed(
            name,
            f"解压后大小 {total / 1024 / 1024:.1f} MB 超过上限 {max_mb:g} MB"
            "（max_decompressed_mb），疑似压缩炸弹，拒绝导入。",
        )


def _check_main_part(package: zipfile.ZipFile, kind: Kind, name: str) -> None:
    names = set(package.namelist())
    if _MAIN_PART[kind] in names:
        return
    other = next((k for k, part in _MAIN_PART.items() if part in names), None)
    if other:
        raise ImportFailed(
            name, f"文件扩展名与内容不符：这是{_FORMAT_NAME[other]}，不是{_FORMAT_NAME[kind]}。"
        )
    raise ImportFailed(name, f"不是{_FORMAT_NAME[kind]}：压缩包里没有 {_MAIN_PART[kind]}。")


def _check_sheet_rows(package: zipfile.ZipFile, members: list[zipfile.ZipInfo], name: str) -> None:
    """Count <row> tags by streaming, so a 100k-row sheet is refused in milliseconds."""
    for member in members:
        if not _SHEET_PART_RE.match(member.filename):
            continue
        rows, tail = 0, b""
        for chunk in _inflate(package, member, name):
            data = tail + chunk
            cut = max(len(data) - 64, 0)  # a tag starting after `cut` is counted next time
            rows += sum(1 for m in _ROW_TAG_RE.finditer(data) if m.start() < cut)
            tail = data[cut:]
            if rows > MAX_ROW_ELEMENTS:
                raise ImportFailed(
                    name,
                    f"工作表 {member.filename} 超过 {MAX_ROW_ELEMENTS} 行，不像绩效目标表，"
                    "为防止卡死已停止读取。",
                )


def _check_part_sizes(members: list[zipfile.ZipInfo], name: str) -> None:
    for member in members:
        size_mb = member.file_size / 1024 / 1024
        if member.filename.lower().endswith((".xml", ".rels")) and size_mb > MAX_XML_PART_MB:
            raise ImportFailed(
                name,
                f"部件 {member.filename} 解压后 {size_mb:.1f} MB，超过上限 {MAX_XML_PART_MB:g} MB，"
                "远大于任何绩效目标表，拒绝导入。",
            )


def _check_crc(package: zipfile.ZipFile, members: list[zipfile.ZipInfo], name: str) -> None:
    """Inflate every member once (bounded by the size check) so damage shows up here, not mid-parse."""
    for member in members:
        for _ in _inflate(package, member, name):
            pass


def _inflate(package: zipfile.ZipFile, member: zipfile.ZipInfo, name: str) -> Iterator[bytes]:
    """A member's bytes in chunks; damage (CRC, deflate stream, truncation) becomes ImportFailed."""
    try:
        with package.open(member) as stream:
            while chunk := stream.read(256 * 1024):
                yield chunk
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
        raise ImportFailed(
            name, f"文件已损坏：部件 {member.filename} 无法解压（{type(exc).__name__}）。"
        ) from exc
    except NotImplementedError as exc:
        raise ImportFailed(name, f"部件 {member.filename} 使用了不支持的压缩方式。") from exc


def check_zip_archive(path: Path, max_decompressed_mb: float = DEFAULT_MAX_DECOMPRESSED_MB) -> None:
    """Raise ImportFailed unless `path` is an intact .zip of bounded size (a bulk-import upload).

    The same limits as an Office package: member count, encryption, the declared inflated size
    (a zip bomb) and every member's CRC, all checked before anything is extracted.
    """
    name = Path(path).name
    try:
        with zipfile.ZipFile(path) as package:
            members = package.infolist()
            _check_members(members, name, max_decompressed_mb)
            _check_crc(package, members, name)
    except zipfile.BadZipFile as exc:
        raise ImportFailed(name, "不是有效的 .zip 压缩包，或文件已损坏、不完整。") from exc
    except OSError as exc:
        raise ImportFailed(name, "文件不存在或无法读取。") from exc
