"""Readers: one per format behind a small registry; `read(path)` picks by content and suffix.

Adding a format: a module with one class (name, suffixes, read(path, data)) and one
`register_reader(...)` line below.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import EncryptedDocumentError, ReadError, UnsupportedFormatError, file_error
from ..model import SourceDoc
from .base import Reader, sha256_of
from .docx import DocxReader
from .text import TextReader

READERS: dict[str, Reader] = {}          # suffix → reader
BY_NAME: dict[str, Reader] = {}          # reader name → reader

# Files larger than this are refused before reading (a report is a few KB; a big Word file a few MB).
MAX_FILE_BYTES = 64 * 1024 * 1024

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")


def register_reader(reader: Reader) -> None:
    BY_NAME[reader.name] = reader
    for suffix in reader.suffixes:
        READERS[suffix] = reader


register_reader(TextReader())
register_reader(DocxReader())


def supported_suffixes() -> list[str]:
    return sorted(READERS)


def _ole_kind(data: bytes) -> str:
    """What an OLE compound file holds: 'encrypted' (an encrypted OOXML file), 'doc', 'wps' or 'ole'."""
    # directory entry names are UTF-16LE
    if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
        return "encrypted"
    if "WordDocument".encode("utf-16-le") in data:
        return "doc"
    if "WpsDocument".encode("utf-16-le") in data or b"WPS" in data[:4096]:
        return "wps"
    return "ole"


def sniff(data: bytes) -> str | None:
    """The format a file's bytes show: 'zip', 'ole', 'pdf', 'rtf', 'html', or None (text or unknown)."""
    head = data[:1024]
    if head.startswith(ZIP_MAGIC):
        return "zip"
    if head.startswith(OLE_MAGIC):
        return "ole"
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"<!doctype html", b"<html")):
        return "html"
    if lowered.startswith(b"mime-version:") or b"\nmime-version:" in lowered[:512]:
        return "mhtml"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM")):
        return "image"
    return None


def pick_reader(path: Path, data: bytes) -> Reader:
    """The reader for a file, by its content first (magic bytes), then by its suffix."""
    suffix = path.suffix.lower()
    kind = sniff(data)
    supported = "、".join(supported_suffixes())
    if kind == "ole":
        ole = _ole_kind(data)
        if ole == "encrypted":
            raise file_error(EncryptedDocumentError, path, "文件已加密（有打开密码）", "请去掉密码后另存一份再处理")
        if "doc" in BY_NAME and ole in ("doc", "wps"):
            return BY_NAME["doc"]
        what = {"doc": "旧版 Word 文档（.doc）", "wps": "WPS 文档（.wps）"}.get(ole, "旧版 Office 文件")
        raise file_error(UnsupportedFormatError, path, f"这是{what}，暂不能直接读取",
                         "请用 Word 或 WPS 另存为 .docx 后再处理")
    if kind == "zip":
        if suffix in READERS and READERS[suffix].name != "text":
            return READERS[suffix]
        return BY_NAME["docx"]
    if kind in ("pdf", "html", "mhtml", "rtf"):
        if kind in BY_NAME:
            return BY_NAME[kind]
        names = {"pdf": "PDF 文件", "html": "网页文件", "mhtml": "网页存档（.mht）", "rtf": "RTF 文件"}
        raise file_error(UnsupportedFormatError, path, f"这是{names[kind]}，暂不支持",
                         f"请另存为 .docx 或 .txt；支持的格式：{supported}")
    if kind == "image":
        raise file_error(UnsupportedFormatError, path, "这是图片文件，没有可读取的文字",
                         "扫描件请先做文字识别（OCR）")
    reader = READERS.get(suffix)
    if reader is None:
        hint = "请用 Word 或 WPS 另存为 .docx" if suffix in (".doc", ".wps", ".wpt", ".dot") else ""
        raise file_error(UnsupportedFormatError, path, f"不支持的文件类型“{suffix or '无扩展名'}”",
                         (hint + "；" if hint else "") + f"支持的格式：{supported}")
    if reader.name == "docx":
        raise file_error(ReadError, path, "文件已损坏或不是 Word 文件（不是 zip 格式）",
                         "请用 Word 或 WPS 打开后另存为 .docx")
    return reader


def read_bytes(path: Path) -> bytes:
    try:
        size = os.stat(path).st_size
    except FileNotFoundError:
        raise file_error(ReadError, path, "文件不存在") from None
    except OSError as exc:
        raise file_error(ReadError, path, f"无法访问文件（{exc.strerror or exc}）") from None
    if size > MAX_FILE_BYTES:
        raise file_error(ReadError, path, f"文件过大（{size // 1048576} MB，上限 {MAX_FILE_BYTES // 1048576} MB）",
                         "请确认这是一份报告")
    try:
        with open(path, "rb") as fh:
            return fh.read(MAX_FILE_BYTES + 1)
    except IsADirectoryError:
        raise file_error(ReadError, path, "这是一个文件夹，不是文件") from None
    except PermissionError:
        raise file_error(ReadError, path, "没有读取权限") from None
    except OSError as exc:
        raise file_error(ReadError, path, f"无法读取（{exc.strerror or exc}）") from None


def read(path: Path | str) -> SourceDoc:
    """Read one report into a SourceDoc. Raises a ReporterError naming the file and the reason."""
    path = Path(path)
    data = read_bytes(path)
    if not data.strip():
        from ..errors import EmptyDocumentError
        raise file_error(EmptyDocumentError, path, "文件是空的（没有文字）")
    return pick_reader(path, data).read(path, data)


__all__ = ["READERS", "Reader", "read", "register_reader", "pick_reader", "sniff", "supported_suffixes",
           "sha256_of"]
