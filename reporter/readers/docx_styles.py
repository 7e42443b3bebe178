"""A Word package's styles (paragraph styles, their outline levels and numbering links) and its numbering
definitions (numbering.xml: abstract lists, levels, w:num with overrides), read once per content."""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass

from lxml import etree

from . import limits
from .numbering import AbstractNum, Level, Num, Numbering
from .ooxml import W_NS, Package

W = f"{{{W_NS}}}"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
MC = f"{{{MC_NS}}}"
_PLACEHOLDER_STYLES = frozenset(("placeholder text", "placeholdertext", "占位符文本", "占位符文字"))
_HEADING_NAME = re.compile(r"^(heading|标题)\s*(\d)$|^(title|标题)$", re.I)


def _val(el: etree._Element | None, name: str = "val") -> str | None:
    return None if el is None else el.get(W + name)


@dataclass(frozen=True, slots=True)
class _Style:
    """What the reader needs of one paragraph style."""

    name: str
    based_on: str | None
    outline: str | None  # w:pPr/w:outlineLvl/@w:val
    num_id: str | None  # w:pPr/w:numPr/w:numId/@w:val
    ilvl: int | None  # w:pPr/w:numPr/w:ilvl/@w:val


class _Styles:
    """Paragraph styles: outline level and list numbering, following basedOn."""

    def __init__(self, root: etree._Element | None):
        self.styles: dict[str, _Style] = {}
        self.default_para: str | None = None
        self.numbering_styles: dict[str, str] = {}  # numbering style id → the w:num its w:pPr names
        self.placeholder_runs: set[str] = set()  # character styles of placeholder text
        if root is None:
            return
        for st in root.iter(W + "style"):
            sid = st.get(W + "styleId") or ""
            stype = st.get(W + "type")
            np = st.find(f"{W}pPr/{W}numPr")
            if stype == "numbering":
                num_id = _val(np.find(W + "numId")) if np is not None else None
                if num_id:
                    self.numbering_styles[sid] = num_id
                continue
            if stype == "character":
                name = (_val(st.find(W + "name")) or "").strip().lower()
                if name in _PLACEHOLDER_STYLES or sid.lower() in _PLACEHOLDER_STYLES:
                    self.placeholder_runs.add(sid)
                continue
            if stype != "paragraph":
                continue
            lv = _val(np.find(W + "ilvl")) if np is not None else None
            self.styles[sid] = _Style(
                name=_val(st.find(W + "name")) or "",
                based_on=_val(st.find(W + "basedOn")),
                outline=_val(st.find(f"{W}pPr/{W}outlineLvl")),
                num_id=_val(np.find(W + "numId")) if np is not None else None,
                ilvl=int(lv) if lv and lv.isdigit() else None,
            )
            if st.get(W + "default") in ("1", "true"):
                self.default_para = sid

    def chain(self, sid: str | None):
        seen = set()
        sid = sid or self.default_para
        while sid and sid in self.styles and sid not in seen:
            seen.add(sid)
            st = self.styles[sid]
            yield st
            sid = st.based_on

    def chain_ids(self, sid: str | None) -> list[str]:
        """The style and those it is based on, nearest first."""
        seen: list[str] = []
        sid = sid or self.default_para
        while sid and sid in self.styles and sid not in seen:
            seen.append(sid)
            sid = self.styles[sid].based_on
        return seen

    def outline_level(self, sid: str | None) -> int | None:
        for st in self.chain(sid):
            m = _HEADING_NAME.match(st.name.strip())
            if m:
                return int(m.group(2)) - 1 if m.group(2) else 0
            lvl = st.outline
            if lvl is not None and lvl.isdigit() and int(lvl) < 9:
                return int(lvl)
        return None

    def num_pr(self, sid: str | None) -> tuple[str | None, int | None]:
        num_id, ilvl = None, None
        for st in self.chain(sid):
            if num_id is None:
                num_id = st.num_id
            if ilvl is None:
                ilvl = st.ilvl
        return num_id, ilvl


# Reports from one office share a template, and so the same styles part: often 350 KB of XML that takes
# longer to parse (≈ 10 ms) than all the rest of the file. Its paragraph styles are kept per content hash.
_STYLES_CACHE: OrderedDict[bytes, _Styles] = OrderedDict()
_STYLES_CACHE_SIZE = 32
_STYLES_LOCK = threading.Lock()


def _styles_of(pkg: Package, part: str) -> _Styles:
    data = pkg.read_bytes(part, cap=limits.current().max_xml_part_bytes)
    key = hashlib.sha1(data).digest()
    with _STYLES_LOCK:
        styles = _STYLES_CACHE.get(key)
        if styles is not None:
            _STYLES_CACHE.move_to_end(key)
    if styles is None:
        styles = _Styles(pkg.parse(part, data))
        with _STYLES_LOCK:
            _STYLES_CACHE[key] = styles
            while len(_STYLES_CACHE) > _STYLES_CACHE_SIZE:
                _STYLES_CACHE.popitem(last=False)
    else:
        pkg.note_strict(data)
    return styles


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _level(el: etree._Element) -> Level:
    restart = _val(el.find(W + "lvlRestart"))
    fonts = el.find(f"{W}rPr/{W}rFonts")
    font = ""
    if fonts is not None:
        font = fonts.get(W + "ascii") or fonts.get(W + "hAnsi") or fonts.get(W + "eastAsia") or ""
    is_legal = el.find(W + "isLgl")
    fmt = _num_fmt(el)
    text = _val(el.find(W + "lvlText")) or ""
    if fmt == "bullet" and not text.strip() and el.find(W + "lvlPicBulletId") is not None:
        text = "•"  # a picture bullet
    return Level(
        start=_int(_val(el.find(W + "start")), 1),
        fmt=fmt,
        text=text,
        suffix=_val(el.find(W + "suff")) or "tab",
        restart=_int(restart, 0) if restart is not None else None,
        is_legal=is_legal is not None and _val(is_legal) not in ("0", "false", "off"),
        font=font,
        style=_val(el.find(W + "pStyle")),
    )


def _num_fmt(el: etree._Element) -> str:
    """A level's w:numFmt. Word 2010+ writes its newer formats inside mc:AlternateContent (a custom
    format such as 001, 002, 003 in the Choice, the nearest classic one in the Fallback): the Fallback
    is read, or the Choice when it names a known format."""
    fmt = _val(el.find(W + "numFmt"))
    if fmt:
        return fmt
    alt = el.find(MC + "AlternateContent")
    if alt is not None:
        for path in (f"{MC}Fallback/{W}numFmt", f"{MC}Choice/{W}numFmt"):
            found = _val(alt.find(path))
            if found and found != "custom":
                return found
    return "decimal"


def load_numbering(root: etree._Element | None, styles: _Styles | None = None) -> Numbering:
    abstracts: dict[str, AbstractNum] = {}
    nums: dict[str, Num] = {}
    if root is not None:
        for an in root.iter(W + "abstractNum"):
            levels = {_int(lv.get(W + "ilvl"), 0): _level(lv) for lv in an.findall(W + "lvl")}
            link = _val(an.find(W + "numStyleLink"))
            abstracts[an.get(W + "abstractNumId") or ""] = AbstractNum(levels, style_link=link)
        for num in root.iter(W + "num"):
            abs_id = _val(num.find(W + "abstractNumId")) or ""
            n = Num(abs_id)
            for ov in num.findall(W + "lvlOverride"):
                ilvl = _int(ov.get(W + "ilvl"), 0)
                so = ov.find(W + "startOverride")
                if so is not None:
                    n.start_overrides[ilvl] = _int(_val(so), 1)
                lv = ov.find(W + "lvl")
                if lv is not None:
                    n.level_overrides[ilvl] = _level(lv)
            nums[num.get(W + "numId") or ""] = n
    return Numbering(abstracts, nums, styles.numbering_styles if styles is not None else None)
