"""Readers: one per format behind a small registry; `read(path)` picks by content and suffix.

Adding a format: a module with one class (name, suffixes, read(path, data)) and one
`register_reader(...)` line below.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from ..errors import (
    EmptyDocumentError,
    EncryptedDocumentError,
    ReadError,
    UnsupportedFormatError,
    file_error,
    os_reason,
)
from ..model import SourceDoc
from . import limits
from .base import Reader, is_blank, sha256_of
from .doc import DocReader
from .docx import DocxReader
from .html import HtmlReader
from .mhtml import MhtmlReader
from .ole import MAGIC as OLE_MAGIC
from .ole import inspect as inspect_ole
from .pdf import PdfReader
from .text import TextReader

READERS: dict[str, Reader] = {}  # suffix → reader
BY_NAME: dict[str, Reader] = {}  # reader name → reader

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_IMAGE_MAGIC = (
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF87a",
    b"GIF89a",
    b"BM",
    b"II*\x00",
    b"MM\x00*",
    b"\x00\x00\x01\x00",
)
_OTHER_MAGIC = {  # common files that are surely not reports: named instead of read as text
    b"Rar!\x1a\x07": "RAR 压缩包",
    b"7z\xbc\xaf\x27\x1c": "7z 压缩包",
    b"\x1f\x8b": "gzip 压缩包",
    b"MZ": "程序文件（.exe/.dll）",
    b"\x7fELF": "程序文件",
    b"ID3": "音频文件",
    b"OggS": "音频文件",
    b"fLaC": "音频文件",
    b"%!PS": "PostScript 文件",
    b"SQLite format 3": "数据库文件",
}
_MARKUP = re.compile(rb"^(?:\s|<!--.*?-->)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S)


def register_reader(reader: Reader) -> None:
    BY_NAME[reader.name] = reader
    for suffix in reader.suffixes:
        READERS[suffix] = reader


register_reader(TextReader())
register_reader(DocxReader())
register_reader(HtmlReader())
register_reader(MhtmlReader())
register_reader(PdfReader())
register_reader(DocReader())


def supported_suffixes() -> list[str]:
    return sorted(READERS)


def sniff(data: bytes) -> str | None:
    """The format a file's bytes show: 'zip', 'odt', 'ole', 'pdf', 'rtf', 'html', 'mhtml', 'image', 'other'
    or None (text or unknown)."""
    head = data[:1024]
    if head.startswith(ZIP_MAGIC):
        if head[30:38] == b"mimetype" and b"opendocument.text" in head[38:100]:
            return "odt"
        return "zip"
    if head.startswith(OLE_MAGIC):
        return "ole"
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(_IMAGE_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        return "image"
    if any(head.startswith(magic) for magic in _OTHER_MAGIC):
        return "other"
    text_head = head
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text_head = head.decode("utf-16", "ignore").encode("utf-8", "ignore")
    stripped = text_head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if _MARKUP.match(stripped):
        return "html"
    lowered = stripped[:2048].lower()
    if lowered.startswith(b"mime-version:") or (b"\nmime-version:" in lowered and b"multipart/" in lowered):
        return "mhtml"
    return None


def _refuse_ole(path: Path, data: bytes, suffix: str) -> Reader:
    info = inspect_ole(data)
    if info.kind == "encrypted-ooxml":
        raise file_error(
            EncryptedDocumentError, path, "文件已加密（有打开密码）", "请去掉密码后另存一份再处理"
        )
    if info.kind == "encrypted-doc":
        raise file_error(
            EncryptedDocumentError,
            path,
            "旧版 Word 文档已加密（有打开密码）",
            "请去掉密码后另存为 .docx 再处理",
        )
    if info.kind in ("doc", "works") and info.names:
        return BY_NAME["doc"]
    what = {"xls": "Excel 表格（.xls）", "ppt": "PowerPoint 演示文稿（.ppt）"}.get(info.kind)
    if what:
        raise file_error(
            UnsupportedFormatError, path, f"这是{what}，不是报告文档", "请把报告另存为 .docx 或 .txt"
        )
    if info.kind == "doc":  # the stream name is there but the directory cannot be walked
        raise file_error(
            ReadError,
            path,
            "这是旧版 Word 文档（.doc），但文件结构已损坏，无法读取",
            "请用 Word 或 WPS 打开（可能需要修复）后另存为 .docx",
        )
    raise file_error(
        ReadError, path, "这是旧版 Office 文件，但已损坏或不是文档", "请用 Word 或 WPS 打开后另存为 .docx"
    )


# A zip file that is not a Word document: named by the part that shows what it is.
_ZIP_KINDS = (
    (
        "xl/",
        " Excel 表格",
        "台账、统计表不用放进来；报告正文在表格里时，请复制到 Word 或记事本另存为 .docx 或 .txt",
    ),
    ("ppt/", " PowerPoint 演示文稿", "报告正文在演示文稿里时，请复制到 Word 或记事本另存为 .docx 或 .txt"),
)


def _refuse_other_zip(path: Path, data: bytes) -> None:
    """An .xlsx, .pptx or plain .zip gets its own words instead of "Word 正文部件里没有正文"."""
    import io
    import zipfile

    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # a damaged zip: the Word reader says what it can
    if any(n.startswith("word/") for n in names):
        return
    for prefix, what, hint in _ZIP_KINDS:
        if any(n.startswith(prefix) for n in names) and "[Content_Types].xml" in names:
            raise file_error(UnsupportedFormatError, path, f"这是{what}，不是报告文档", hint)
    if "[Content_Types].xml" not in names:
        raise file_error(
            UnsupportedFormatError, path, "这是压缩包（zip），不是报告文档", "请先解压，再处理里面的报告"
        )


def pick_reader(path: Path, data: bytes) -> Reader:
    """The reader for a file, by its content first (magic bytes), then by its suffix."""
    suffix = path.suffix.lower()
    kind = sniff(data)
    supported = "、".join(supported_suffixes())
    if kind == "ole":
        return _refuse_ole(path, data, suffix)
    if kind == "zip":
        _refuse_other_zip(path, data)
        return BY_NAME["docx"]
    if kind == "odt":
        return BY_NAME["doc"]
    if kind in ("pdf", "html", "mhtml"):
        # an .mht file may begin like a page; a page saved as .htm may be MIME: the suffix breaks the tie
        if kind in ("html", "mhtml") and suffix in READERS and READERS[suffix].name in ("html", "mhtml"):
            return READERS[suffix]
        return BY_NAME[kind]
    if kind == "rtf":
        return BY_NAME["doc"]
    if kind == "image":
        raise file_error(
            UnsupportedFormatError,
            path,
            "这是图片文件，没有文字层；不支持文字识别（OCR）",
            "扫描件请先用文字识别软件转成文字再处理",
        )
    if kind == "other":
        what = next(v for k, v in _OTHER_MAGIC.items() if data.startswith(k))
        raise file_error(
            UnsupportedFormatError, path, f"这是{what}，不是报告文档", f"支持的格式：{supported}"
        )
    reader = READERS.get(suffix)
    if reader is None:
        hint = "请用 Word 或 WPS 另存为 .docx" if suffix in (".doc", ".wps", ".wpt", ".dot") else ""
        raise file_error(
            UnsupportedFormatError,
            path,
            f"不支持的文件类型“{suffix or '无扩展名'}”",
            (hint + "；" if hint else "") + f"支持的格式：{supported}",
        )
    # the suffix names a binary format but the bytes are not that format
    if reader.name == "docx":
        raise file_error(
            ReadError,
            path,
            "文件已损坏或不是 Word 文件（不是 zip 格式）",
            "请用 Word 或 WPS 打开后另存为 .docx",
        )
    if reader.name == "pdf":
        if b"%PDF-" in data[:1024]:  # PDF readers accept junk before the header, so do we
            return reader
        raise file_error(
            ReadError, path, "文件已损坏或不是 PDF 文件（没有 PDF 文件头）", "请确认文件类型，或重新获取文件"
        )
    if reader.name == "doc" and suffix != ".rtf":
        raise file_error(
            ReadError,
            path,
            "文件已损坏或不是 Word/WPS 文档（文件头不对）",
            "请用 Word 或 WPS 打开后另存为 .docx",
        )
    return reader


def read_bytes(path: Path) -> bytes:
    """The file's bytes, refused before reading when it is too large or not a regular file."""
    cap = limits.current().max_file_bytes
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise file_error(ReadError, path, "文件不存在") from None
    except OSError as exc:
        raise file_error(ReadError, path, f"无法访问文件（{os_reason(exc)}）") from None
    if stat.S_ISDIR(st.st_mode):
        raise file_error(ReadError, path, "这是一个文件夹，不是文件")
    if not stat.S_ISREG(st.st_mode):  # a pipe or a device would block or never end
        raise file_error(ReadError, path, "这不是普通文件（可能是管道或设备）", "请给出报告文件本身")
    if st.st_size > cap:
        raise file_error(
            ReadError,
            path,
            f"文件过大（{limits.mib(st.st_size)}，上限 {limits.mib(cap)}）",
            "请确认这是一份报告",
        )
    try:
        with open(path, "rb") as fh:
            data = fh.read(cap + 1)
    except IsADirectoryError:
        raise file_error(ReadError, path, "这是一个文件夹，不是文件") from None
    except PermissionError:
        raise file_error(ReadError, path, "没有读取权限", "请检查文件权限，或复制一份再处理") from None
    except OSError as exc:
        raise file_error(ReadError, path, f"无法读取（{os_reason(exc)}）") from None
    if len(data) > cap:  # it grew while we were reading
        raise file_error(ReadError, path, f"文件过大（上限 {limits.mib(cap)}）", "请确认这是一份报告")
    return data


def read(path: Path | str) -> SourceDoc:
    """Read one report into a SourceDoc. Raises a ReporterError naming the file and the reason."""
    path = Path(path)
    data = read_bytes(path)
    if not data.strip(b" \t\r\n\x00\x0b\x0c"):
        raise file_error(EmptyDocumentError, path, "文件是空的（没有文字）")
    doc = pick_reader(path, data).read(path, data)
    if not any(not is_blank(doc.text[b.span.start : b.span.end]) for b in doc.blocks):
        raise file_error(EmptyDocumentError, path, "文件里没有文字（只有空白）")
    return doc


__all__ = [
    "READERS",
    "Reader",
    "limits",
    "pick_reader",
    "read",
    "register_reader",
    "sha256_of",
    "sniff",
    "supported_suffixes",
]
