"""Opening Office Open XML packages (.docx) safely: limits before parsing, no DTDs, relationships.

python-docx's object model misses list numbers, content controls, text boxes and tracked changes and
is slow, so the Word reader works on the XML parts directly; this module gives it the parts.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from lxml import etree

from ..errors import ReadError, UnsafeDocumentError, file_error

# Limits checked before any part is parsed (see Apache POI's ZipSecureFile).
MAX_ENTRIES = 10_000
MAX_PART_BYTES = 200 * 1024 * 1024          # one inflated part
MAX_TOTAL_BYTES = 500 * 1024 * 1024         # all inflated parts
MAX_RATIO = 100                             # inflated / compressed, for parts over RATIO_MIN_BYTES
RATIO_MIN_BYTES = 100 * 1024

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
# ISO 29500 Strict uses other namespace names for the same vocabulary
STRICT_TO_TRANSITIONAL = {
    b"http://purl.oclc.org/ooxml/wordprocessingml/main": W_NS.encode(),
    b"http://purl.oclc.org/ooxml/officeDocument/relationships": R_NS.encode(),
}
STRICT_REL_PREFIX = "http://purl.oclc.org/ooxml/officeDocument/relationships/"
TRANSITIONAL_REL_PREFIX = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                          remove_comments=True, remove_pis=True, dtd_validation=False)


@dataclass(frozen=True, slots=True)
class Relationship:
    id: str
    type: str           # the last path segment of the type URI: officeDocument, header, footer, numbering …
    target: str         # part name inside the package, without leading slash
    external: bool


class Package:
    """A checked zip package; parts are read and parsed on demand."""

    def __init__(self, path: Path, data: bytes):
        self.path = path
        try:
            self.zip = zipfile.ZipFile(BytesIO(data))
        except zipfile.BadZipFile:
            raise file_error(ReadError, path, "文件已损坏（不是完整的 zip/Word 文件）",
                             "请用 Word 或 WPS 打开后另存为 .docx") from None
        self.strict = False
        self._check_limits()
        self.names = {info.filename for info in self.zip.infolist()}

    def _check_limits(self) -> None:
        infos = self.zip.infolist()
        if len(infos) > MAX_ENTRIES:
            raise file_error(UnsafeDocumentError, self.path, f"压缩包内文件过多（{len(infos)} 个）", "已拒绝处理")
        seen: set[str] = set()
        total = 0
        for info in infos:
            name = info.filename
            norm = posixpath.normpath(name.replace("\\", "/"))
            if name.startswith("/") or norm.startswith("..") or "/../" in f"/{norm}/":
                raise file_error(UnsafeDocumentError, self.path, f"压缩包内有不安全的路径 {name!r}", "已拒绝处理")
            if norm.lower() in seen:
                raise file_error(UnsafeDocumentError, self.path, f"压缩包内有重复的部件 {name!r}", "已拒绝处理")
            seen.add(norm.lower())
            if info.file_size > MAX_PART_BYTES:
                raise file_error(UnsafeDocumentError, self.path,
                                 f"部件 {name} 解压后过大（{info.file_size // 1048576} MB）", "已拒绝处理")
            if info.file_size > RATIO_MIN_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise file_error(UnsafeDocumentError, self.path,
                                 f"部件 {name} 压缩比异常（疑似压缩炸弹）", "已拒绝处理")
            total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise file_error(UnsafeDocumentError, self.path, "解压后总大小超过上限（疑似压缩炸弹）", "已拒绝处理")

    def has(self, name: str) -> bool:
        return name in self.names

    def read_bytes(self, name: str) -> bytes:
        info = self.zip.getinfo(name)
        limit = min(MAX_PART_BYTES, info.file_size)
        try:
            with self.zip.open(info) as fh:
                data = fh.read(limit + 1)
        except (zipfile.BadZipFile, EOFError, OSError, RuntimeError, NotImplementedError, ValueError) as exc:
            raise file_error(ReadError, self.path, f"部件 {name} 无法解压（{type(exc).__name__}）",
                             "文件可能已损坏，请用 Word 或 WPS 打开后另存为 .docx") from None
        if len(data) > limit:
            raise file_error(UnsafeDocumentError, self.path, f"部件 {name} 的实际大小与声明不符", "已拒绝处理")
        return data

    def xml(self, name: str) -> etree._Element:
        data = self.read_bytes(name)
        head = data[:4096].lower()
        if b"<!doctype" in head or b"<!entity" in data.lower():
            raise file_error(UnsafeDocumentError, self.path, f"部件 {name} 含有 DTD 声明（不允许）", "已拒绝处理")
        for strict, transitional in STRICT_TO_TRANSITIONAL.items():
            if strict in data:
                self.strict = True
                data = data.replace(strict, transitional)
        try:
            return etree.fromstring(data, _PARSER)
        except etree.XMLSyntaxError as exc:
            raise file_error(ReadError, self.path, f"部件 {name} 不是有效的 XML（{exc.msg}）",
                             "文件可能已损坏，请用 Word 或 WPS 打开后另存为 .docx") from None

    def rels(self, part: str) -> list[Relationship]:
        """Relationships of a part ('' for the package)."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", f"{base}.rels")
        if not self.has(rels_name):
            return []
        root = self.xml(rels_name)
        out = []
        for rel in root.iter(f"{{{REL_NS}}}Relationship"):
            rtype = rel.get("Type", "")
            for prefix in (TRANSITIONAL_REL_PREFIX, STRICT_REL_PREFIX):
                if rtype.startswith(prefix):
                    rtype = rtype[len(prefix):]
            rtype = rtype.rsplit("/", 1)[-1]
            external = rel.get("TargetMode") == "External"
            target = rel.get("Target", "")
            if not external:
                if target.startswith("/"):
                    target = target.lstrip("/")
                else:
                    target = posixpath.normpath(posixpath.join(folder, target))
            out.append(Relationship(rel.get("Id", ""), rtype, target, external))
        return out

    def content_types(self) -> dict[str, str]:
        """Part name (no leading slash) or '*.ext' → content type."""
        if not self.has("[Content_Types].xml"):
            return {}
        root = self.xml("[Content_Types].xml")
        out = {}
        for el in root:
            if not isinstance(el.tag, str):
                continue
            if el.tag.endswith("Override"):
                out[el.get("PartName", "").lstrip("/")] = el.get("ContentType", "")
            elif el.tag.endswith("Default"):
                out["*." + el.get("Extension", "").lower()] = el.get("ContentType", "")
        return out
