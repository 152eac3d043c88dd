"""Reading staff text exports: UTF-8 (with or without BOM), UTF-16 (with or without BOM), GBK/GB18030.

Exports from Word on Chinese Windows are often GBK or UTF-16; binary files renamed to .txt must
be refused with a clear message rather than decoded into garbage.
"""

from __future__ import annotations

import codecs
import re

from assistant.errors import ImportFailed

# Order matters: UTF-32 LE starts with the UTF-16 LE BOM.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters other than tab/newline/CR/form feed never occur in a real export.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.01
_MAX_OTHER_SIDE_NULS = 0.05  # BOM-less UTF-16: NULs on the 'wrong' side of the byte pairs


def decode_text(data: bytes, file: str) -> str:
    """Decode an export to str with '\\n' newlines; ImportFailed for empty or binary data."""
    if not data.strip():
        raise ImportFailed(file, "文件是空的，没有任何内容。")
    text = _decode(data, file)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ImportFailed(file, "文件是空的，没有任何内容。")
    if len(_CONTROL_RE.findall(text)) > max(1, len(text) * _MAX_CONTROL_SHARE):
        raise ImportFailed(file, "文件含有二进制数据（控制字符），不是文本格式的绩效目标表。")
    return text


def _decode(data: bytes, file: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise ImportFailed(
                    file, f"文件声明为 {encoding.upper()} 编码，但内容无法解码。"
                ) from exc
    if b"\x00" in data:
        encoding = _bomless_utf16(data)
        if encoding is None:
            raise ImportFailed(file, "文件含有二进制数据（NUL 字节），不是文本格式的绩效目标表。")
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise ImportFailed(file, "文件像是 UTF-16 编码（无 BOM），但内容无法解码。") from exc
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportFailed(
        file, "无法识别文件编码（支持 UTF-8、UTF-16、GBK/GB18030），文件可能是二进制数据。"
    )


def _bomless_utf16(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' for UTF-16 without a BOM, else None.

    Its ASCII characters (digits, `|`, spaces, line breaks: plenty in a table) put a NUL in every
    other byte, always on the same side; binary data has NULs on both sides.
    """
    if len(data) % 2:
        return None
    odd, even = data[1::2].count(0), data[0::2].count(0)
    if odd + even < len(data) // 50:
        return None
    if even <= (odd + even) * _MAX_OTHER_SIDE_NULS:
        return "utf-16-le"
    if odd <= (odd + even) * _MAX_OTHER_SIDE_NULS:
        return "utf-16-be"
    return None
