"""Opening Office Open XML packages (.docx) safely: limits before parsing, no DTDs, relationships.

python-docx's object model misses list numbers, content controls, text boxes and tracked changes and
is slow, so the Word reader works on the XML parts directly; this module gives it the parts.
"""

from __future__ import annotations

import posixpath
import struct
import zipfile
import zlib
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from lxml import etree

from ..errors import EncryptedDocumentError, ReadError, UnsafeDocumentError, file_error
from .limits import current as limits
from .limits import mib

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

_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
    dtd_validation=False,
)
_DTD_MARKS = tuple(
    m
    for word in ("<!doctype", "<!entity")
    for m in (word.encode(), word.encode("utf-16-le"), word.encode("utf-16-be"))
)
_REFUSED = "已拒绝处理；如果文件来源可靠，请用 Word 或 WPS 打开后另存为 .docx 再试"


@dataclass(frozen=True, slots=True)
class Relationship:
    id: str
    type: str  # the last path segment of the type URI: officeDocument, header, footer, numbering …
    target: str  # part name inside the package, without leading slash
    external: bool


class Package:
    """A checked zip package; parts are read and parsed on demand."""

    def __init__(self, path: Path, data: bytes):
        self.path = path
        # zipfile builds an object per directory entry before we could count them: count the central
        # directory signatures first, so a directory of a million entries is refused cheaply.
        entries = data.count(b"PK\x01\x02")
        if entries > limits().max_zip_entries:
            raise file_error(
                UnsafeDocumentError,
                path,
                f"压缩包内文件过多（约 {entries} 个，上限 {limits().max_zip_entries} 个）",
                _REFUSED,
            )
        try:
            self.zip = zipfile.ZipFile(BytesIO(data))
        except (
            zipfile.BadZipFile,
            zipfile.LargeZipFile,
            ValueError,
            EOFError,
            OSError,
            OverflowError,
            IndexError,
            NotImplementedError,
            struct.error,
            UnicodeDecodeError,
        ):
            raise file_error(
                ReadError,
                path,
                "文件已损坏（不是完整的 zip/Word 文件，可能只下载或复制了一部分）",
                "请重新获取文件，或用 Word 或 WPS 打开后另存为 .docx",
            ) from None
        if any(info.flag_bits & 0x1 for info in self.zip.infolist()):
            raise file_error(
                EncryptedDocumentError, path, "压缩包已加密（有密码）", "请去掉密码后另存一份再处理"
            )
        self.strict = False
        self._check_limits()
        self.names = {info.filename for info in self.zip.infolist()}

    def _check_limits(self) -> None:
        """Refuse bombs and tricks from the zip directory alone, before anything is inflated."""
        lim = limits()
        infos = self.zip.infolist()
        if len(infos) > lim.max_zip_entries:
            raise file_error(
                UnsafeDocumentError,
                self.path,
                f"压缩包内文件过多（{len(infos)} 个，上限 {lim.max_zip_entries} 个）",
                _REFUSED,
            )
        seen: set[str] = set()
        total = 0
        for info in infos:
            name = info.filename
            unixy = name.replace("\\", "/")
            norm = posixpath.normpath(unixy)
            if (
                unixy.startswith("/")
                or norm.startswith("..")
                or "/../" in f"/{unixy}/"
                or (len(unixy) > 1 and unixy[1] == ":")
                or "\x00" in name
            ):
                raise file_error(UnsafeDocumentError, self.path, f"压缩包内有不安全的路径 {name!r}", _REFUSED)
            if norm.lower() in seen:
                raise file_error(UnsafeDocumentError, self.path, f"压缩包内有重复的部件 {name!r}", _REFUSED)
            seen.add(norm.lower())
            if info.file_size > lim.max_part_bytes:
                raise file_error(
                    UnsafeDocumentError,
                    self.path,
                    f"部件 {name} 解压后过大（{mib(info.file_size)}，上限 {mib(lim.max_part_bytes)}）",
                    _REFUSED,
                )
            if info.file_size > lim.ratio_min_bytes and info.file_size > lim.max_ratio * max(
                info.compress_size, 1
            ):
                raise file_error(
                    UnsafeDocumentError,
                    self.path,
                    f"部件 {name} 压缩比异常（超过 {lim.max_ratio} 倍，疑似压缩炸弹）",
                    _REFUSED,
                )
            total += info.file_size
        if total > lim.max_total_bytes:
            raise file_error(
                UnsafeDocumentError,
                self.path,
                f"解压后总大小超过上限（{mib(total)}，上限 {mib(lim.max_total_bytes)}；疑似压缩炸弹）",
                _REFUSED,
            )

    def has(self, name: str) -> bool:
        return name in self.names

    def read_bytes(self, name: str, cap: int | None = None) -> bytes:
        """One part inflated, never more than its declared size (or `cap`): a lying header is refused."""
        info = self.zip.getinfo(name)
        limit = min(limits().max_part_bytes if cap is None else cap, info.file_size)
        if cap is not None and info.file_size > cap:
            raise file_error(
                UnsafeDocumentError,
                self.path,
                f"部件 {name} 过大（{mib(info.file_size)}，上限 {mib(cap)}）",
                _REFUSED,
            )
        try:
            with self.zip.open(info) as fh:
                data = fh.read(limit + 1)
        except (
            zipfile.BadZipFile,
            EOFError,
            OSError,
            RuntimeError,
            NotImplementedError,
            ValueError,
            zlib.error,
        ) as exc:
            what = "需要密码" if "encrypted" in str(exc).lower() else "数据已损坏"
            raise file_error(
                ReadError,
                self.path,
                f"部件 {name} 无法解压（{what}）",
                "文件可能已损坏，请用 Word 或 WPS 打开后另存为 .docx",
            ) from None
        if len(data) > limit:
            raise file_error(UnsafeDocumentError, self.path, f"部件 {name} 的实际大小与声明不符", _REFUSED)
        return data

    def xml(self, name: str) -> etree._Element:
        """A part parsed without DTDs, entities or network; a part that declares a DTD is refused."""
        return self.parse(name, self.read_bytes(name, cap=limits().max_xml_part_bytes))

    def note_strict(self, data: bytes) -> None:
        """Remember that the package is Strict Open XML if this part's bytes use Strict namespaces."""
        if any(strict in data for strict in STRICT_TO_TRANSITIONAL):
            self.strict = True

    def parse(self, name: str, data: bytes) -> etree._Element:
        """xml() for the bytes of part `name` already read with read_bytes()."""
        lowered = data.lower()
        if any(mark in lowered for mark in _DTD_MARKS):
            raise file_error(UnsafeDocumentError, self.path, f"部件 {name} 含有 DTD 声明（不允许）", _REFUSED)
        for strict, transitional in STRICT_TO_TRANSITIONAL.items():
            if strict in data:
                self.strict = True
                data = data.replace(strict, transitional)
        try:
            root = etree.fromstring(data, _PARSER)
        except (etree.XMLSyntaxError, ValueError) as exc:
            msg = getattr(exc, "msg", None) or str(exc)
            line = getattr(exc, "lineno", None)
            detail = (
                "嵌套层次过深" if "depth" in msg.lower() else (f"第 {line} 行出错" if line else "格式错误")
            )
            raise file_error(
                ReadError,
                self.path,
                f"部件 {name} 不是有效的 XML（{detail}）",
                "文件可能已损坏，请用 Word 或 WPS 打开后另存为 .docx",
            ) from None
        docinfo = root.getroottree().docinfo
        if docinfo.doctype or docinfo.internalDTD is not None:  # an encoding the byte check missed
            raise file_error(UnsafeDocumentError, self.path, f"部件 {name} 含有 DTD 声明（不允许）", _REFUSED)
        return root

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
                    rtype = rtype[len(prefix) :]
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
