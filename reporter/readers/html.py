"""Saved web pages (.html, .htm): the charset from the page, the article text without the page furniture.

The charset comes from a BOM, then `<meta charset>` or `<meta http-equiv="Content-Type" content="…;
charset=…">`, then the text reader's detection. Scripts, styles, navigation, page header/footer, side
bars and hidden elements are dropped; headings, paragraphs, list items and table cells become blocks.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import ClassVar

from ..errors import EmptyDocumentError, ReadError, UnsafeDocumentError, file_error
from ..model import SourceDoc
from . import limits
from .base import TextBuilder, sha256_of, truncated_warning
from .text import decode_report

_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
# Labels pages use for Chinese encodings, mapped to the codec that decodes all of them (WHATWG does
# the same: gb2312 and gbk are decoded as GB18030's superset).
_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "chinese": "gb18030",
    "csgb2312": "gb18030",
    "hz-gb-2312": "hz",
    "big5": "big5hkscs",
    "x-x-big5": "big5hkscs",
    "unicode": "utf-16",
    "utf8": "utf-8",
    "iso-8859-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
}

# dropped with everything inside them
_DROP = {
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "canvas",
    "button",
    "select",
    "textarea",
    "input",
    "head",
    "map",
    "audio",
    "video",
    "dialog",
    "menu",
}
_DROP_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_HEADINGS = {"h1": 0, "h2": 1, "h3": 2, "h4": 3, "h5": 4, "h6": 5}
_BLOCKS = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "li",
    "dt",
    "dd",
    "ul",
    "ol",
    "dl",
    "table",
    "tr",
    "td",
    "th",
    "caption",
    "figcaption",
    "figure",
    "address",
    "center",
    "body",
    "html",
    "form",
    "fieldset",
    "legend",
    "details",
    "summary",
    "hr",
    "tbody",
    "thead",
    "tfoot",
    *_HEADINGS,
}
_PARSER_DEPTH = 255
_BR_SPACE = re.compile(r" *\n *")
_SPACE = re.compile(r"[ \t\r\n\f]+")
_WIDE = "\u2e80-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
# a line break of the page's source between two Chinese characters is no space (CSS segment-break rule);
# it is marked while reading and removed or made a space when the block is complete
_SOURCE_BREAK = "\ufdd1"
_SOURCE_SPACE = re.compile(r"[ \t\r\f]*\n[ \t\r\n\f]*")
_CJK_BREAK = re.compile(f"(?<=[{_WIDE}]) ?{_SOURCE_BREAK}[ {_SOURCE_BREAK}]*(?=[{_WIDE}])")
_BREAKS = re.compile(f" ?{_SOURCE_BREAK}[ {_SOURCE_BREAK}]*")


def _collapse(text: str) -> str:
    """White space of the page's source as a browser shows it: one space, source line breaks marked."""
    return _SPACE.sub(" ", _SOURCE_SPACE.sub(_SOURCE_BREAK, text))


def _unbreak(text: str) -> str:
    return _BREAKS.sub(" ", _CJK_BREAK.sub("", text)) if _SOURCE_BREAK in text else text


def page_charset(data: bytes) -> str | None:
    """The charset a page declares (BOM or meta), as a Python codec name; None when none is usable."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    m = _META_CHARSET.search(data[:8192])
    return codec_for(m.group(1).decode("ascii", "replace")) if m else None


def codec_for(label: str | None) -> str | None:
    """A charset label from a page or MIME header → a Python codec, or None if Python does not know it."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_page(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """(text, encoding): the declared charset (MIME header, BOM or meta) when it fits, else detection."""
    for codec in (declared, page_charset(data)):
        if not codec:
            continue
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        return text.lstrip("\ufeff"), codec
    try:
        text, encoding, _ = decode_report(data)
    except ValueError:
        codec = declared or page_charset(data) or "utf-8"
        return data.decode(codec, errors="replace").lstrip("\ufeff"), codec
    return text.lstrip("\ufeff"), encoding


def _dropped(el) -> bool:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag.lower() in _DROP:
        return True
    get = el.get
    if get("hidden") is not None or (get("aria-hidden") or "").lower() == "true":
        return True
    if (get("role") or "").lower() in _DROP_ROLES:
        return True
    return bool(_HIDDEN_STYLE.search(get("style") or ""))


def html_to_doc(
    path: Path, data: bytes, text: str, encoding: str, reader: str, warnings: tuple[str, ...] = ()
) -> SourceDoc:
    """Blocks of a decoded page (shared with the .mht reader)."""
    import lxml.html
    from lxml import etree

    text = _XML_DECL.sub("", text, count=1)
    if not text.strip():
        raise file_error(EmptyDocumentError, path, "文件是空的（没有文字）")
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        if "empty" in str(exc).lower():
            raise file_error(EmptyDocumentError, path, "网页里没有文字") from None
        raise file_error(
            ReadError, path, f"网页无法解析（{exc}）", "请在浏览器中打开后另存为网页或复制成 .txt"
        ) from None
    meta: dict[str, str] = {}
    title = root.findtext(".//title")
    if title and title.strip():
        meta["title"] = _SPACE.sub(" ", title).strip()[:500]

    walker = _PageWalker()
    walker.walk(root)
    builder, max_depth = walker.out, walker.max_depth
    body, blocks = builder.build()
    out_warnings = list(warnings)
    if builder.dropped:
        out_warnings.append(f"删除了 {builder.dropped} 个控制字符或不可见字符")
    if builder.truncated:
        out_warnings.append(truncated_warning())
    # libxml2's HTML parser drops what lies deeper than its nesting limit (255 levels)
    too_deep = max_depth >= _PARSER_DEPTH
    if too_deep and blocks:
        out_warnings.append(f"网页嵌套超过 {_PARSER_DEPTH} 层，更深处的文字可能没有读到")
    if too_deep and not blocks:
        raise file_error(
            ReadError,
            path,
            f"网页嵌套层次过深（超过 {_PARSER_DEPTH} 层），读不到正文",
            "请在浏览器中打开，复制正文存成 .txt 再处理",
        )
    if not blocks:
        raise file_error(
            EmptyDocumentError,
            path,
            "网页里没有正文文字（可能只有图片、脚本或导航）",
            "请在浏览器中打开，复制正文存成 .txt 再处理",
        )
    return SourceDoc(
        path=path,
        sha256=sha256_of(data),
        text=body,
        blocks=blocks,
        reader=reader,
        encoding=encoding,
        warnings=tuple(out_warnings),
        meta=meta,
    )


class _PageWalker:
    """The blocks of a page: one per heading, paragraph, list item and table cell, furniture left out."""

    def __init__(self) -> None:
        self.out = TextBuilder()
        self.buf: list[str] = []
        self.kind, self.level, self.sep = "paragraph", 0, "\n"
        self.skip_depth = 0  # inside an element dropped with its content
        self.pre_depth = 0
        self.row_cells: list[int] = [0]
        self.max_depth = 0

    def flush(self, blank: bool = False) -> None:
        """Add what was read since the last block boundary; an empty <p> is an empty line."""
        if self.buf or blank:
            chunk = _unbreak("".join(self.buf))
            if not self.pre_depth:  # the page source's own line breaks and indentation are not the report's
                chunk = _BR_SPACE.sub("\n", chunk).strip(" ")
            self.out.add(chunk, self.kind, level=self.level, sep=self.sep, blank=blank)  # type: ignore[arg-type]
            self.buf.clear()
        self.kind, self.level, self.sep = "paragraph", 0, "\n"

    def text(self, value: str | None) -> None:
        if value:
            self.buf.append(value if self.pre_depth else _collapse(value))

    def walk(self, root) -> None:
        depth = 0
        for event, el in _events(root):
            tag = el.tag.lower() if isinstance(el.tag, str) else ""
            depth += 1 if event == "start" else -1
            self.max_depth = max(self.max_depth, depth)
            if event == "start":
                if self.skip_depth or not tag or _dropped(el):
                    self.skip_depth += 1
                    continue
                self.start(tag)
                self.text(el.text)
            else:
                if self.skip_depth:
                    self.skip_depth -= 1
                else:
                    self.end(tag)
                # the tail belongs to the parent, which is shown unless it is itself being skipped
                if not self.skip_depth:
                    self.text(el.tail)
        self.flush()

    def start(self, tag: str) -> None:
        if tag == "br":
            self.buf.append("\n")
        elif tag in _BLOCKS:
            self.flush()
        if tag in _HEADINGS:
            self.kind, self.level = "heading", _HEADINGS[tag]
        elif tag == "li":
            self.kind = "list_item"
        elif tag == "tr":
            self.row_cells.append(0)
        elif tag in ("td", "th"):
            self.kind, self.sep = "cell", "\t" if self.row_cells[-1] else "\n"
            self.row_cells[-1] += 1
        elif tag == "pre":
            self.pre_depth += 1

    def end(self, tag: str) -> None:
        if tag in _BLOCKS:
            self.flush(blank=tag == "p")
        if tag == "tr" and len(self.row_cells) > 1:
            self.row_cells.pop()
        if tag == "pre":
            self.pre_depth -= 1


def _events(root):
    """('start' | 'end', element) for every node, comments and processing instructions included
    (lxml's iterwalk leaves them out, and with them the text that follows them); no recursion."""
    yield "start", root
    stack = [(root, iter(root))]
    while stack:
        el, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            yield "end", el
        else:
            yield "start", child
            stack.append((child, iter(child)))


def check_size(path: Path, size: int) -> None:
    cap = limits.current().max_html_bytes
    if size > cap:
        raise file_error(
            UnsafeDocumentError,
            path,
            f"网页过大（{limits.mib(size)}，上限 {limits.mib(cap)}）",
            "请在浏览器中打开，复制正文存成 .txt 再处理",
        )


class HtmlReader:
    """Web pages saved as .html or .htm."""

    name: ClassVar[str] = "html"
    suffixes: ClassVar[tuple[str, ...]] = (".html", ".htm", ".xhtml")

    def read(self, path: Path, data: bytes) -> SourceDoc:
        check_size(path, len(data))
        text, encoding = decode_page(data)
        return html_to_doc(path, data, text, encoding, self.name)
