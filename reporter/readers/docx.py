"""Word reports (.docx, .docm, .dotx): the XML read directly, in document order.

What Word shows is what the text holds: auto-numbered list labels rendered from numbering.xml,
content controls unwrapped, text boxes read once, tracked changes as accepted, hyperlink, smart-tag
and field-result text kept, tables (nested too) as cells. Headers, footers and foot/endnotes are
their own blocks after the body.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from lxml import etree

from ..errors import EmptyDocumentError, ReadError, file_error
from ..model import SourceDoc
from .base import TextBuilder, sha256_of, truncated_warning
from .docx_styles import _int, _Styles, _styles_of, _val, load_numbering
from .numbering import Numbering, bullet_glyph
from .ooxml import W_NS, Package

W = f"{{{W_NS}}}"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
MC = f"{{{MC_NS}}}"
V_TEXTBOX = "{urn:schemas-microsoft-com:vml}textbox"

T_P, T_R, T_T, T_TBL, T_TR, T_TC = W + "p", W + "r", W + "t", W + "tbl", W + "tr", W + "tc"
T_SDT, T_SDTCONTENT, T_SDTPR, T_SDTENDPR = W + "sdt", W + "sdtContent", W + "sdtPr", W + "sdtEndPr"
T_TXBX = W + "txbxContent"
# elements whose content is never shown as text of the paragraph
_SKIP = {
    W + n
    for n in (
        "pPr",
        "rPr",
        "del",
        "moveFrom",
        "delText",
        "delInstrText",
        "tblPr",
        "trPr",
        "tcPr",
        "sectPr",
        "footnoteReference",
        "endnoteReference",
        "commentReference",
        "annotationRef",
        "fldData",
        "bookmarkStart",
        "bookmarkEnd",
        "proofErr",
        "permStart",
        "permEnd",
        "lastRenderedPageBreak",
        "tblGrid",
        "customXmlPr",
        "smartTagPr",
    )
} | {T_SDTPR, T_SDTENDPR}
_SKIP_FOREIGN = {MC + "Fallback"}
# the character style Word and WPS give the placeholder text of a content control


def _sym(el: etree._Element) -> str:
    code = el.get(W + "char") or ""
    try:
        cp = int(code, 16)
    except ValueError:
        return ""
    if 0xF000 <= cp <= 0xF0FF:  # symbol-font private code points (Wingdings ticks and bullets)
        glyph = bullet_glyph(chr(cp))
        return glyph if glyph != "•" or cp in (0xF0B7, 0xF09F) else ""
    return chr(cp)


def _placeholder(sdt: etree._Element) -> bool:
    """A content control showing its placeholder (单击或点击此处输入文字): Word prints nothing there."""
    shown = sdt.find(f"{T_SDTPR}/{W}showingPlcHdr")
    return shown is not None and _val(shown) not in ("0", "false", "off")


# Field results that are Word's print-time values, not the report's text: page numbers everywhere,
# dates and times in headers and footers (— 3 —, 第 5 页 共 9 页, 2017年1月26日 星期四).
_PAGE_FIELDS = frozenset(("PAGE", "NUMPAGES", "SECTIONPAGES", "SECTION"))
_FURNITURE_FIELDS = _PAGE_FIELDS | {"DATE", "TIME", "PRINTDATE", "SAVEDATE", "CREATEDATE", "EDITTIME"}
# what is left of a header or footer line once its field results are gone: page-number dressing
_PAGE_DRESSING = re.compile(r"^[\s\-—–－_~·•/／|｜,，.。:：()（）\[\]【】第页頁共总總计數数Pageof]*$", re.I)


# where a left-out field stood, until the dressing around it is taken away with it
_GONE = "\ufdd0"
_DRESSED = re.compile(
    rf"第\s*{_GONE}\s*[页頁](?:\s*[,，/／]?\s*共\s*{_GONE}\s*[页頁])?|共\s*{_GONE}\s*[页頁]|"
    rf"(?:Page\s*)?{_GONE}\s*(?:/|／|of)\s*{_GONE}|[-—–－]+\s*{_GONE}\s*[-—–－]+|{_GONE}",
    re.I,
)


def _undress(text: str) -> str:
    """The text without left-out page numbers and what dresses them: 第 5 页 共 9 页, — 3 —, 9 / 15."""
    return _DRESSED.sub("", text) if _GONE in text else text


def _field_name(instr: str) -> str:
    words = instr.split()
    return words[0].lstrip("\\").upper() if words else ""


@dataclass(slots=True)
class _Field:
    instr: list[str]
    result: bool = False
    drop: bool = False


class _Walker:
    def __init__(self, styles: _Styles, numbering: Numbering, builder: TextBuilder):
        self.styles = styles
        self.numbering = numbering
        self.out = builder
        self.part = "body"
        self.fields: list[_Field] = []  # complex fields open at this point (w:fldChar begin … end)
        self.hidden = 0  # inside a content control showing its placeholder
        self.dropped_field = False  # a field result was left out of the current paragraph

    def start_part(self, part: str) -> None:
        self.part = part
        self.fields = []
        self.hidden = 0

    def _silent(self) -> bool:
        return bool(self.hidden) or any(f.result and f.drop for f in self.fields)

    def _drops(self, instr: str) -> bool:
        name = _field_name(instr)
        return name in (_PAGE_FIELDS if self.part == "body" else _FURNITURE_FIELDS)

    def _field_char(self, el: etree._Element, text: list[str]) -> None:
        kind = el.get(W + "fldCharType")
        if kind == "begin":
            self.fields.append(_Field([]))
        elif kind == "separate" and self.fields:
            field = self.fields[-1]
            field.result = True
            field.drop = self._drops("".join(field.instr))
        elif kind == "end" and self.fields:
            field = self.fields.pop()
            if field.drop:
                self.dropped_field = True
                text.append(_GONE)

    # ---- inline content of one paragraph -------------------------------------------------------
    def inline(self, el: etree._Element, text: list[str], boxes: list[etree._Element]) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag == W + "fldChar":
                self._field_char(child, text)
                continue
            if tag == W + "instrText":
                if self.fields and not self.fields[-1].result:
                    self.fields[-1].instr.append(child.text or "")
                continue
            if tag in _SKIP or tag in _SKIP_FOREIGN:
                continue
            if tag == T_T:
                if not self._silent():
                    text.append(child.text or "")
            elif tag in _INLINE_CHARS:
                if not self._silent():
                    text.append(_INLINE_CHARS[tag])
            elif tag == W + "sym":
                if not self._silent():
                    text.append(_sym(child))
            else:
                self._inline_container(child, text, boxes)

    def _inline_container(self, child: etree._Element, text: list[str], boxes: list[etree._Element]) -> None:
        """What inline content holds more content: runs, fields, controls, text boxes, alternates."""
        tag = child.tag
        if tag == T_R:
            style = _val(child.find(f"{W}rPr/{W}rStyle"))
            if style is None or style not in self.styles.placeholder_runs:
                self.inline(child, text, boxes)
        elif tag == W + "fldSimple":
            if self._drops(child.get(W + "instr") or ""):
                self.dropped_field = True
                text.append(_GONE)
            else:
                self.inline(child, text, boxes)
        elif tag == T_SDT:
            content = child.find(T_SDTCONTENT)
            if content is not None and not _placeholder(child):
                self.inline(content, text, boxes)
        elif tag == T_TXBX:
            boxes.append(child)
        elif tag == MC + "AlternateContent":
            choice = child.find(MC + "Choice")
            self.inline(choice if choice is not None else child, text, boxes)
        elif tag == T_P:  # a paragraph nested in inline content (rare: in some sdt forms)
            self.inline(child, text, boxes)
            text.append("\n")
        else:
            self.inline(child, text, boxes)

    # ---- block content ------------------------------------------------------------------------
    def blocks(self, container: etree._Element, part: str, depth: int = 0) -> None:
        for child in container:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag == T_P:
                self.paragraph(child, part, depth)
            elif tag == T_TBL:
                self.table(child, part, depth + 1)
            elif tag == T_SDT:
                content = child.find(T_SDTCONTENT)
                if content is not None:
                    placeholder = _placeholder(child)
                    self.hidden += placeholder
                    self.blocks(content, part, depth)
                    self.hidden -= placeholder
            elif tag in (W + "customXml", W + "ins", W + "moveTo", W + "smartTag"):
                self.blocks(child, part, depth)
            elif tag == MC + "AlternateContent":
                choice = child.find(MC + "Choice")
                if choice is not None:
                    self.blocks(choice, part, depth)

    def numbering_of(self, ppr: etree._Element | None) -> tuple[str | None, int]:
        """The w:num and level of a paragraph: its own w:numPr over its style's (following basedOn)."""
        style = _val(ppr.find(W + "pStyle")) if ppr is not None else None
        num_id, ilvl = self.styles.num_pr(style)
        np = ppr.find(W + "numPr") if ppr is not None else None
        if np is not None:
            own_id = _val(np.find(W + "numId"))
            own_lvl = _val(np.find(W + "ilvl"))
            num_id = own_id if own_id is not None else num_id
            ilvl = _int(own_lvl, 0) if own_lvl is not None else ilvl
        if not num_id or num_id == "0":
            return None, 0
        if ilvl is None and style:
            ilvl = self.numbering.level_of_style(num_id, self.styles.chain_ids(style))
        return num_id, ilvl or 0

    def _label(self, ppr: etree._Element | None) -> tuple[str, str | None, int]:
        """(label with its suffix, w:num, level): every numbered paragraph advances its list."""
        num_id, ilvl = self.numbering_of(ppr)
        if num_id is None:
            return "", None, 0
        label, suffix = self.numbering.label(num_id, ilvl)
        return _with_suffix(label, suffix), num_id, ilvl

    def paragraph(self, p: etree._Element, part: str, depth: int) -> None:
        ppr = p.find(W + "pPr")
        text: list[str] = []
        boxes: list[etree._Element] = []
        self.dropped_field = False
        self.inline(p, text, boxes)
        body = _undress("".join(text))
        if not body.strip() and ppr is not None and ppr.find(f"{W}rPr/{W}del") is not None:
            return  # a deleted paragraph: gone once the changes are accepted, with its number
        label, num_id, ilvl = self._label(ppr)
        if part != "body" and self.dropped_field and _PAGE_DRESSING.match(body):
            body = ""  # 第 页 共 页 once the page numbers are left out
        if not body.strip():
            self.out.add("", part=part, blank=True)  # type: ignore[arg-type]
        elif num_id is not None and self.numbering.is_bullet(num_id, ilvl):
            # a bullet is shown, but it is no number: it stands before the item's words, outside its span
            kind, level = self._kind(ppr, label, num_id, ilvl)
            self.out.add(body, kind, part=part, level=level, lead=label)  # type: ignore[arg-type]
        else:
            kind, level = self._kind(ppr, label, num_id, ilvl)
            self.out.add(label + body, kind, part=part, level=level, label=label.strip())  # type: ignore[arg-type]
        for box in boxes:
            self.blocks(box, part, depth)

    def _kind(self, ppr: etree._Element | None, label: str, num_id: str | None, ilvl: int) -> tuple[str, int]:
        style = _val(ppr.find(W + "pStyle")) if ppr is not None else None
        outline = None
        if ppr is not None:
            ol = _val(ppr.find(W + "outlineLvl"))
            outline = int(ol) if ol and ol.isdigit() and int(ol) < 9 else None
        if outline is None:
            outline = self.styles.outline_level(style)
        if outline is not None:
            return "heading", outline
        if label or num_id:
            return "list_item", ilvl
        return "paragraph", 0

    def table(self, tbl: etree._Element, part: str, depth: int) -> None:
        """Rows of cells, each cell one block; a table nested in a cell comes where it stands in it."""
        for tr in _children(tbl, T_TR):
            first = True  # the next cell block starts a line (\t before it otherwise)
            for tc in _children(tr, T_TC):
                texts: list[str] = []
                boxes: list[etree._Element] = []
                for item in self._cell_items(tc):
                    if item.tag == T_TBL:
                        first = self._cell(texts, part, depth, first)
                        self.table(item, part, depth + 1)
                        first = True
                        continue
                    t: list[str] = []
                    self.dropped_field = False
                    self.inline(item, t, boxes)
                    body = _undress("".join(t))
                    label = self._label(item.find(W + "pPr"))[0]
                    texts.append(label + body if body.strip() else "")
                first = self._cell(texts, part, depth, first)
                for box in boxes:
                    self.blocks(box, part, depth)

    def _cell(self, texts: list[str], part: str, depth: int, first: bool) -> bool:
        """Add the cell's paragraphs read so far as one block; whether the next block still starts a line."""
        cell_text = "\n".join(x for x in texts if x.strip())
        texts.clear()
        if not cell_text.strip():
            return first
        self.out.add(cell_text, "cell", part=part, level=depth, sep="\n" if first else "\t")  # type: ignore[arg-type]
        return False

    def _cell_items(self, tc: etree._Element) -> Iterator[etree._Element]:
        """The paragraphs and tables of a cell in order, looking through content controls."""
        for child in tc:
            if child.tag in (T_P, T_TBL):
                yield child
            elif child.tag in (T_SDT, W + "customXml"):
                inner = child.find(T_SDTCONTENT) if child.tag == T_SDT else child
                if inner is None:
                    continue
                placeholder = child.tag == T_SDT and _placeholder(child)
                self.hidden += placeholder
                try:
                    yield from self._cell_items(inner)
                finally:
                    self.hidden -= placeholder


_INLINE_CHARS = {W + "tab": "\t", W + "ptab": "\t", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-"}


def _children(el: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Direct children with this tag, looking through sdt/customXml wrappers."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag in (T_SDT, W + "customXml"):
            inner = child.find(T_SDTCONTENT) if child.tag == T_SDT else child
            if inner is not None:
                yield from _children(inner, tag)


def _with_suffix(label: str, suffix: str) -> str:
    """The label with what Word puts after it: a space, or for a tab a space unless the label ends in CJK.

    一是 + tab → 一是要… (kept together so sentence patterns still read); 1. + tab → "1. "; 第一条 + space → "第一条 ".
    """
    if not label or suffix == "nothing":
        return label
    if suffix == "space":
        return label + " "
    last = label[-1]
    return label if ord(last) >= 0x2E80 else label + " "


class DocxReader:
    """Word 2007+ documents."""

    name: ClassVar[str] = "docx"
    suffixes: ClassVar[tuple[str, ...]] = (".docx", ".docm", ".dotx", ".dotm")

    def read(self, path: Path, data: bytes) -> SourceDoc:
        pkg = Package(path, data)
        main = next((r.target for r in pkg.rels("") if r.type == "officeDocument" and not r.external), None)
        if main is None and pkg.has("word/document.xml"):
            main = "word/document.xml"
        if main is None or not pkg.has(main):
            raise file_error(
                ReadError,
                path,
                "压缩包里没有 Word 正文（不是 Word 文件）",
                "请确认文件类型；如果是其他软件生成的，请用 Word 或 WPS 另存为 .docx",
            )
        warnings: list[str] = []
        ctypes = pkg.content_types()
        macro = "macroenabled" in ctypes.get(main, "").lower() or any(
            n.lower().endswith("vbaproject.bin") for n in pkg.names
        )
        if macro:
            renamed = "（扩展名被改成了 .docx）" if path.suffix.lower() == ".docx" else ""
            warnings.append(
                f"这是启用宏的 Word 文档{renamed}；只读取了文字，宏不会运行，也不会被复制到输出里"
            )
        rels = pkg.rels(main)
        by_id = {r.id: r for r in rels}

        def part_xml(rtype: str) -> etree._Element | None:
            rel = next((r for r in rels if r.type == rtype and not r.external), None)
            return pkg.xml(rel.target) if rel is not None and pkg.has(rel.target) else None

        style_rel = next((r for r in rels if r.type == "styles" and not r.external), None)
        styles = (
            _styles_of(pkg, style_rel.target)
            if style_rel is not None and pkg.has(style_rel.target)
            else _Styles(None)
        )
        numbering = load_numbering(part_xml("numbering"), styles)
        builder = TextBuilder()
        walker = _Walker(styles, numbering, builder)
        root = pkg.xml(main)
        body = root.find(W + "body")
        if body is None:
            raise file_error(ReadError, path, "Word 正文部件里没有正文（w:body）", "文件可能已损坏")
        walker.start_part("body")
        walker.blocks(body, "body")

        # headers and footers in the order the sections reference them; identical texts once
        seen_parts: set[str] = set()
        for ref in root.iter(W + "headerReference", W + "footerReference"):
            rel = by_id.get(
                ref.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id", "")
            )
            if rel is None or rel.external or rel.target in seen_parts or not pkg.has(rel.target):
                continue
            seen_parts.add(rel.target)
            part = "header" if ref.tag == W + "headerReference" else "footer"
            walker.start_part(part)
            walker.blocks(pkg.xml(rel.target), part)
        for rtype in ("footnotes", "endnotes"):
            notes = part_xml(rtype)
            if notes is None:
                continue
            for note in notes:
                if not isinstance(note.tag, str) or note.get(W + "type") in (
                    "separator",
                    "continuationSeparator",
                    "continuationNotice",
                ):
                    continue
                walker.start_part("note")
                walker.blocks(note, "note")
        text, blocks = builder.build()
        if builder.dropped:
            warnings.append(f"删除了 {builder.dropped} 个控制字符或不可见字符")
        if builder.truncated:
            warnings.append(truncated_warning())
        if pkg.strict:
            warnings.append("文件是 Strict Open XML 格式，已按常规格式读取")
        if not any(b.part == "body" for b in blocks):
            media = any(n.startswith("word/media/") for n in pkg.names)
            reason = "文档里没有文字（只有图片）" if media else "文档里没有文字"
            raise file_error(
                EmptyDocumentError, path, reason, "扫描件请先做文字识别（OCR）再处理" if media else ""
            )
        meta = _core_properties(pkg)
        return SourceDoc(
            path=path,
            sha256=sha256_of(data),
            text=text,
            blocks=blocks,
            reader=self.name,
            warnings=tuple(warnings),
            meta=meta,
        )


def _core_properties(pkg: Package) -> dict[str, str]:
    rel = next((r for r in pkg.rels("") if r.type == "core-properties"), None)
    if rel is None or not pkg.has(rel.target):
        return {}
    try:
        root = pkg.xml(rel.target)
    except ReadError:
        return {}
    meta = {}
    for el in root:
        if isinstance(el.tag, str) and el.text and el.text.strip():
            meta[etree.QName(el).localname] = el.text.strip()[:500]
    return meta
