"""An .xlsx file as a zip package of parts, read part by part and written again part by part.

Parts the ledger writer does not change are copied unchanged (their bytes are the same after the copy;
only the zip's compression of them may differ). Parts it changes are streamed, so a ledger of 100,000
rows is never held in memory.
"""

from __future__ import annotations

import posixpath
import re
import shutil
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, BinaryIO

from ...errors import OutputError
from .xmlstream import CHUNK, unescape

REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

T_OFFICE_DOC = REL_NS + "/officeDocument"
T_WORKSHEET = REL_NS + "/worksheet"
T_COMMENTS = REL_NS + "/comments"
T_VML = REL_NS + "/vmlDrawing"
T_HYPERLINK = REL_NS + "/hyperlink"
T_DRAWING = REL_NS + "/drawing"
T_CHART = REL_NS + "/chart"
T_SHARED_STRINGS = REL_NS + "/sharedStrings"
T_STYLES = REL_NS + "/styles"

CT_COMMENTS = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
CT_VML = "application/vnd.openxmlformats-officedocument.vmlDrawing"
CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml"
CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"


@dataclass(frozen=True, slots=True)
class Rel:
    id: str
    type: str
    target: str
    external: bool


_REL_RE = re.compile(rb"<(?:\w+:)?Relationship\b([^>]*?)/?>")
_ATTR_RE = re.compile(rb"([\w:]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")


def attrs(tag: bytes) -> dict[str, str]:
    """Attributes of a start tag (bytes) → {name: value}, entities decoded."""

    return {
        m.group(1).decode(): unescape((m.group(2) if m.group(2) is not None else m.group(3)).decode("utf-8"))
        for m in _ATTR_RE.finditer(tag)
    }


def rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def resolve(source_part: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source_part), target))


def relative(source_part: str, target_part: str) -> str:
    return posixpath.relpath(target_part, posixpath.dirname(source_part))


class Package:
    """A zip package opened for reading."""

    def __init__(self, source: Path | BinaryIO, *, label: Path | str):
        self.label = label
        try:
            self.zf = zipfile.ZipFile(source)
        except (zipfile.BadZipFile, OSError) as exc:
            raise OutputError(
                f"{label}：不是有效的 Excel 文件（{exc.__class__.__name__}），无法在其中追加；"
                "请改用其他输出文件名，或把它移走后重新运行",
                path=label,
                reason="已有的台账文件已损坏或不是 Excel 文件",
            ) from None
        self.infos = {info.filename: info for info in self.zf.infolist()}

    def close(self) -> None:
        self.zf.close()

    def has(self, name: str) -> bool:
        return name in self.infos

    def read(self, name: str) -> bytes:
        return self.zf.read(name)

    def open(self, name: str) -> IO[bytes]:
        return self.zf.open(name)

    def rels(self, part: str, *, skip_type: str | None = None) -> tuple[list[Rel], set[str]]:
        """(relationships of a part, all their ids); relationships of type skip_type are only counted."""
        name = rels_name(part)
        if not self.has(name):
            return [], set()
        data = self.read(name)
        out, ids = [], set()
        for m in _REL_RE.finditer(data):
            a = attrs(m.group(1))
            ids.add(a.get("Id", ""))
            if skip_type and a.get("Type") == skip_type:
                continue
            out.append(
                Rel(
                    a.get("Id", ""),
                    a.get("Type", ""),
                    a.get("Target", ""),
                    a.get("TargetMode", "") == "External",
                )
            )
        return out, ids

    def workbook_part(self) -> str:
        rels, _ = self.rels("")
        for rel in rels:
            if rel.type == T_OFFICE_DOC or rel.type.endswith("/officeDocument"):
                return resolve("", rel.target)
        return "xl/workbook.xml"

    def sheets(self) -> dict[str, str]:
        """Sheet name → worksheet part, in workbook order."""
        from lxml import etree

        wb_part = self.workbook_part()
        root = etree.fromstring(self.read(wb_part), etree.XMLParser(resolve_entities=False))
        rels = {r.id: r for r in self.rels(wb_part)[0]}
        out = {}
        for sheet in root.iter(f"{{{MAIN_NS}}}sheet"):
            rel = rels.get(sheet.get(f"{{{REL_NS}}}id", ""))
            if rel is not None:
                out[sheet.get("name", "")] = resolve(wb_part, rel.target)
        return out


class RelIds:
    """New relationship ids for a part: rId<n> above every numbered id it already has."""

    def __init__(self, ids: set[str]):
        self.ids = ids
        self.next = 1 + max((int(m.group(1)) for i in ids if (m := re.fullmatch(r"rId(\d+)", i))), default=0)

    def new(self) -> str:
        while f"rId{self.next}" in self.ids:
            self.next += 1
        rid = f"rId{self.next}"
        self.ids.add(rid)
        self.next += 1
        return rid


class PackageWriter:
    """The new package, written member by member into a (temporary) file."""

    def __init__(self, path: Path, *, level: int = 6):
        self.zf = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level, allowZip64=True)
        self.written: set[str] = set()

    def _info(self, name: str, like: zipfile.ZipInfo | None, level: int | None) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=like.date_time if like else time.localtime()[:6])
        info.compress_type = zipfile.ZIP_DEFLATED
        if level is not None:
            info._compresslevel = level  # type: ignore[attr-defined]  # honoured by ZipFile.open(…, "w")
        info.external_attr = like.external_attr if like else 0o600 << 16
        return info

    def write(self, name: str, data: bytes, like: zipfile.ZipInfo | None = None) -> None:
        self.zf.writestr(self._info(name, like, None), data)
        self.written.add(name)

    def stream(self, name: str, like: zipfile.ZipInfo | None = None, level: int | None = None) -> IO[bytes]:
        self.written.add(name)
        return self.zf.open(self._info(name, like, level), "w", force_zip64=True)

    def copy(self, package: Package, name: str) -> None:
        info = package.infos[name]
        with package.open(name) as src, self.stream(name, info) as dst:
            shutil.copyfileobj(src, dst, CHUNK)

    def close(self) -> None:
        self.zf.close()


def iter_chunks(stream: IO[bytes], size: int = CHUNK) -> Iterator[bytes]:
    while True:
        chunk = stream.read(size)
        if not chunk:
            return
        yield chunk
