"""Cell comments (批注) carrying each value's source sentence: the comments part and its VML drawing.

Excel shows a comment only with a VML shape for it (xl/drawings/vmlDrawingN.vml); both parts are
streamed, so adding comments to a ledger with a million of them reads each part once. Shape ids come in
blocks of 1024 listed in <o:idmap data="…">; each run takes fresh blocks above every block in use.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from typing import IO

from .cells import col_letter, split_ref, xml_escape
from .package import Package
from .xmlstream import CHUNK, split

AUTHOR = "reporter"
COMMENTS_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

VML_HEAD = (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:x="urn:schemas-microsoft-com:office:excel">'
    '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="{blocks}"/></o:shapelayout>'
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">'
    '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
)
VML_END = "</xml>"
_SHAPE = (
    '<v:shape id="_x0000_s{id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;'
    'width:260pt;height:110pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">'
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>'
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>'
    '<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>'
    "<x:Anchor>{c1}, 15, {r0}, 2, {c2}, 15, {r1}, 16</x:Anchor><x:AutoFill>False</x:AutoFill>"
    "<x:Row>{row}</x:Row><x:Column>{col}</x:Column></x:ClientData></v:shape>"
)
_SHAPE_RE = re.compile(rb"<v:shape\b.*?</v:shape>", re.S)
_IDMAP = re.compile(rb"(<o:idmap\b[^>]*?\bdata\s*=\s*[\"'])([^\"']*)([\"'])")


def shape(shape_id: int, ref: str) -> str:
    row, col = split_ref(ref)
    return _SHAPE.format(
        id=shape_id, c1=col, r0=max(row - 2, 0), c2=col + 4, r1=row + 5, row=row - 1, col=col - 1
    )


def comment(ref: str, author: int, text: str, prefix: str = "") -> str:
    p = prefix
    return (
        f'<{p}comment ref="{ref}" authorId="{author}"><{p}text><{p}t xml:space="preserve">'
        f"{xml_escape(text)}</{p}t></{p}text></{p}comment>"
    )


def idmap_blocks(package: Package, vml_parts: list[str]) -> set[int]:
    """Blocks of shape ids the VML parts reserve (read from the start of each part)."""
    blocks: set[int] = set()
    for part in vml_parts:
        with package.open(part) as stream:
            head = stream.read(1 << 16)
        m = _IDMAP.search(head)
        if m:
            for item in m.group(2).decode("ascii", "replace").split(","):
                if item.strip().isdigit():
                    blocks.add(int(item))
    return blocks


def blocks_for(count: int, used: set[int]) -> list[int]:
    start = max(used, default=0) + 1
    return list(range(start, start + max(1, -(-count // 1023))))


def write_shapes(dst: IO[bytes], refs: Iterable[str], blocks: list[int]) -> None:
    ids = (b * 1024 + i for b in blocks for i in range(1, 1024))
    batch: list[str] = []
    for ref, shape_id in zip(refs, ids, strict=False):
        batch.append(shape(shape_id, ref))
        if len(batch) >= 2000:
            dst.write("".join(batch).encode("utf-8"))
            batch = []
    dst.write("".join(batch).encode("utf-8"))


def write_new_vml(dst: IO[bytes], refs: Iterable[str], blocks: list[int]) -> None:
    dst.write(VML_HEAD.format(blocks=",".join(map(str, blocks))).encode("utf-8"))
    write_shapes(dst, refs, blocks)
    dst.write(VML_END.encode("utf-8"))


def rewrite_vml(
    src: IO[bytes],
    dst: IO[bytes],
    refs: Iterable[str],
    blocks: list[int],
    moves: dict[int, int] | None = None,
) -> None:
    """Copy a VML part, add the new blocks to its idmap and the new shapes before its closing </xml>;
    with `moves` (rows of 台账 that moved), the shapes of their comments move with them."""
    if moves:
        from .reorder import move_shape

        data = src.read()
        data = _SHAPE_RE.sub(lambda m: move_shape(m.group(0), moves), data)
        src = io.BytesIO(data)
    head = src.read(1 << 16)
    m = _IDMAP.search(head)
    if m:
        old = [b for b in m.group(2).decode("ascii", "replace").split(",") if b.strip()]
        data = ",".join(old + [str(b) for b in blocks]).encode()
        head = head[: m.start(2)] + data + head[m.end(2) :]
    pending = head
    while True:
        chunk = src.read(CHUNK)
        if not chunk:
            break
        pending += chunk
        if len(pending) > 64:
            dst.write(pending[:-64])
            pending = pending[-64:]
    end = pending.rfind(b"</xml>")
    if end == -1:
        raise ValueError("VML part has no closing </xml>")
    dst.write(pending[:end])
    write_shapes(dst, refs, blocks)
    dst.write(pending[end:])


_AUTHOR_RE = re.compile(rb"<(\w+:)?author\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?author>)", re.S)
_AUTHORS_END = re.compile(rb"</(\w+:)?authors>|<(\w+:)?authors\s*/>")
_REF_RE = re.compile(rb"\sref\s*=\s*[\"']([A-Za-z]+\d+)[\"']")


def comment_refs(package: Package, part: str, rows: set[int]) -> set[str]:
    """References of the comments that sit in the given rows."""
    out: set[str] = set()
    with package.open(part) as stream:
        for raw in split(stream, container=b"commentList", element=b"comment").elements():
            m = _REF_RE.search(raw)
            if m:
                ref = m.group(1).decode()
                if split_ref(ref)[0] in rows:
                    out.add(ref)
    return out


def comments_author(head: bytes) -> tuple[bytes, int]:
    """(head with our author added if needed, our author's index) for the head of a comments part."""
    tag = re.search(rb"<(\w+:)?comments\b", head)
    p = ((tag.group(1) if tag else None) or b"").decode()
    authors = [(m.group(2) or b"").decode("utf-8") for m in _AUTHOR_RE.finditer(head)]
    if AUTHOR in authors:
        return head, authors.index(AUTHOR)
    m = _AUTHORS_END.search(head)
    new_author = f"<{p}author>{AUTHOR}</{p}author>".encode()
    if m is None:
        raise ValueError("comments part has no <authors>")
    if m.group(0).endswith(b"/>"):
        head = (
            head[: m.start()]
            + f"<{p}authors>".encode()
            + new_author
            + f"</{p}authors>".encode()
            + head[m.end() :]
        )
    else:
        head = head[: m.start()] + new_author + head[m.start() :]
    return head, len(authors)


def comments_prefix_and_author(package: Package, part: str) -> tuple[str, int]:
    with package.open(part) as stream:
        parts = split(stream, container=b"commentList", element=b"comment")
        _, author = comments_author(parts.head)
        return parts.prefix, author


def rewrite_comments(
    src: IO[bytes],
    dst: IO[bytes],
    *,
    replace: dict[str, str],
    add: Iterable[bytes],
    moves: dict[int, int] | None = None,
) -> None:
    """Copy a comments part, replacing the text of `replace` refs and appending the `add` XML at the end;
    with `moves` (old row → new row of 台账), the comments of moved rows follow them."""
    from .reorder import move_comment

    parts = split(src, container=b"commentList", element=b"comment")
    head, author = comments_author(parts.head)
    p = parts.prefix
    dst.write(head)
    if not replace and not moves:
        parts.copy_elements(dst)
    for raw in [] if parts.tail else parts.elements():
        if replace:
            m = _REF_RE.search(raw)
            if m and m.group(1).decode() in replace:
                lead = raw[: len(raw) - len(raw.lstrip())]
                raw = lead + comment(m.group(1).decode(), author, replace[m.group(1).decode()], p).encode()
        if moves:
            raw = move_comment(raw, moves)
        dst.write(raw)
    dst.write(parts.between)
    for chunk in add:
        dst.write(chunk)
    dst.write(parts.tail)


def write_new_comments(dst: IO[bytes], add: Iterable[bytes]) -> None:
    dst.write(
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="{COMMENTS_NS}">'
        f"<authors><author>{AUTHOR}</author></authors><commentList>".encode()
    )
    for chunk in add:
        dst.write(chunk)
    dst.write(b"</commentList></comments>")


__all__ = [
    "AUTHOR",
    "blocks_for",
    "col_letter",
    "comment",
    "comment_refs",
    "comments_prefix_and_author",
    "idmap_blocks",
    "rewrite_comments",
    "rewrite_vml",
    "write_new_comments",
    "write_new_vml",
]
