"""PDF files with a text layer, read with pypdf; scanned PDFs (images only) are named, not guessed at.

Lines of a page are joined into paragraphs where a line runs on (it fills the line and does not end a
sentence), so that a sentence broken by the layout is one sentence again.
"""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path
from typing import Any, ClassVar

from ..errors import EmptyDocumentError, EncryptedDocumentError, ReadError, UnsafeDocumentError, file_error
from ..model import SourceDoc
from . import limits
from .base import TextBuilder, sha256_of, truncated_warning

_SENTENCE_END = tuple("。！？；：…」』”）)!?;:")
_LIST_START = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、是要]|（[一二三四五六七八九十\d]+）|\(\d+\)|\d+[.、．]|第[一二三四五六七八九十百]+[条章节])"
)
# PDF text places a space between Latin/digits and CJK where the layout had a gap: 2019 年1 月 → 2019年1月
_DIGIT_GAP = re.compile(r"(?<=[0-9A-Za-z%]) (?=[\u3400-\u9fff])|(?<=[\u3400-\u9fff，。、]) (?=[0-9A-Za-z])")
_SCANNED = "没有文字层；不支持文字识别（OCR）"


def _paragraphs(page_text: str) -> list[str]:
    """Lines → paragraphs: a line is continued by the next when it is long and ends mid-sentence."""
    lines = [line.strip() for line in page_text.replace("\r", "\n").split("\n")]
    widths = sorted(len(line) for line in lines if line)
    full = widths[len(widths) * 3 // 4] if widths else 0  # a typical full line
    out: list[str] = []
    joining = False
    for line in lines:
        if not line:
            joining = False
            continue
        if joining and out and not _LIST_START.match(line):
            out[-1] += (" " if out[-1][-1].isascii() and line[0].isascii() else "") + line
        else:
            out.append(line)
        joining = len(line) >= max(12, full * 0.6) and not line.endswith(_SENTENCE_END)
    return [_DIGIT_GAP.sub("", para) for para in out]


def _has_images(page) -> bool:
    try:
        xobjects = page["/Resources"].get_object().get("/XObject")
        if xobjects is None:
            return False
        return any(x.get_object().get("/Subtype") == "/Image" for x in xobjects.get_object().values())
    except Exception:
        return False


class PdfReader:
    """PDF documents that carry text (not scans)."""

    name: ClassVar[str] = "pdf"
    suffixes: ClassVar[tuple[str, ...]] = (".pdf",)

    def read(self, path: Path, data: bytes) -> SourceDoc:
        import logging

        import pypdf
        import pypdf.errors

        logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # pypdf logs every repair it makes to stderr
        lim = limits.current()
        # pypdf raises many kinds of exceptions on damaged files (its own, ValueError, KeyError,
        # TypeError, RecursionError…); any of them means the same thing to the user.
        try:
            reader = pypdf.PdfReader(BytesIO(data), strict=False)
            encrypted = reader.is_encrypted
        except Exception:
            raise file_error(
                ReadError, path, "PDF 文件已损坏，无法读取", "请用 PDF 阅读器打开后另存一份，或另存为 .docx"
            ) from None
        if encrypted:
            opened: Any
            try:
                opened = reader.decrypt("")  # only an owner password: the text is readable
            except Exception:
                opened = 0
            if not opened:
                raise file_error(
                    EncryptedDocumentError, path, "PDF 文件已加密（有打开密码）", "请去掉密码后另存一份再处理"
                )
        try:
            pages = reader.pages
            count = len(pages)
        except Exception:
            raise file_error(
                ReadError, path, "PDF 文件已损坏，读不到页面", "请用 PDF 阅读器打开后另存一份，或另存为 .docx"
            ) from None
        if count == 0:
            raise file_error(
                ReadError, path, "PDF 文件已损坏（没有页面）", "请用 PDF 阅读器打开后另存一份，或另存为 .docx"
            )
        builder = TextBuilder()
        warnings: list[str] = []
        images = False
        failed_pages = 0
        for i in range(min(count, lim.max_pdf_pages)):
            try:
                page = pages[i]
                contents = page.get_contents()  # inflated here, under pypdf's output limit
                if contents is not None:
                    contents.get_data()
                text = page.extract_text() or ""
            except pypdf.errors.LimitReachedError:
                raise file_error(
                    UnsafeDocumentError,
                    path,
                    f"第 {i + 1} 页的内容解压后过大（疑似压缩炸弹）",
                    "已拒绝处理；如果文件来源可靠，请用 PDF 阅读器另存一份再试",
                ) from None
            except Exception:
                failed_pages += 1
                continue
            if not text.strip() and not images:
                images = _has_images(page)
            for para in _paragraphs(text):
                builder.add(para)
            if builder.truncated:
                break
        if count > lim.max_pdf_pages:
            warnings.append(f"PDF 共 {count} 页，只读取了前 {lim.max_pdf_pages} 页")
        if failed_pages:
            warnings.append(f"有 {failed_pages} 页无法读取文字（已跳过）")
        if builder.truncated:
            warnings.append(truncated_warning())
        if builder.dropped:
            warnings.append(f"删除了 {builder.dropped} 个控制字符或不可见字符")
        text, blocks = builder.build()
        if not text.strip():
            if failed_pages and failed_pages == min(count, lim.max_pdf_pages):
                raise file_error(
                    ReadError,
                    path,
                    "PDF 文件已损坏，每一页都读不出文字",
                    "请用 PDF 阅读器打开后另存一份，或另存为 .docx",
                )
            what = "这是扫描件或图片 PDF，" if images else "PDF 里没有可读取的文字，"
            raise file_error(
                EmptyDocumentError, path, what + _SCANNED, "请先用文字识别软件转成文字（.docx 或 .txt）再处理"
            )
        return SourceDoc(
            path=path,
            sha256=sha256_of(data),
            text=text,
            blocks=blocks,
            reader=self.name,
            warnings=tuple(warnings),
            meta=_meta(reader),
        )


def _meta(reader: Any) -> dict[str, str]:
    """The PDF's own title, when it has a usable one (damaged metadata is ignored)."""
    try:
        title = reader.metadata.get("/Title") if reader.metadata else None
    except Exception:
        return {}
    return {"title": title.strip()[:500]} if isinstance(title, str) and title.strip() else {}
