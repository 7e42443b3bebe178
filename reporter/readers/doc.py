"""Legacy Word (.doc, .dot), WPS (.wps, .wpt), RTF and OpenDocument text, read through LibreOffice.

When `soffice` is installed, the file is converted to .docx in a private temporary folder (its own
LibreOffice profile, so a running LibreOffice or a parallel run does not interfere), under a timeout
after which the converter is killed, and the .docx is read by the Word reader. Without LibreOffice
the user is told to install it or to save the file as .docx.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path
from typing import ClassVar

from ..errors import ReadError, UnsupportedFormatError, file_error, os_reason
from ..model import SourceDoc
from . import limits
from .base import sha256_of

# Where LibreOffice lives when it is not on PATH (the Windows and macOS installers do not add it).
_KNOWN_PLACES = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    "/opt/libreoffice/program/soffice",
)

KIND_NAMES = {
    ".doc": "旧版 Word 文档（.doc）",
    ".dot": "旧版 Word 模板（.dot）",
    ".wps": "WPS 文档（.wps）",
    ".wpt": "WPS 模板（.wpt）",
    ".rtf": "RTF 文档",
    ".odt": "OpenDocument 文本（.odt）",
}


def find_soffice() -> str | None:
    """The LibreOffice program, or None. $REPORTER_SOFFICE wins (an empty value disables it)."""
    env = os.environ.get("REPORTER_SOFFICE")
    if env is not None:
        return env or None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return next((p for p in _KNOWN_PLACES if Path(p).is_file()), None)


def kind_name(path: Path) -> str:
    return KIND_NAMES.get(path.suffix.lower(), "旧版 Word/WPS 文档")


class DocReader:
    """Legacy word-processor files via LibreOffice headless → .docx → the Word reader."""

    name: ClassVar[str] = "doc"
    suffixes: ClassVar[tuple[str, ...]] = (".doc", ".dot", ".wps", ".wpt", ".rtf", ".odt")

    def read(self, path: Path, data: bytes) -> SourceDoc:
        soffice = find_soffice()
        what = kind_name(path)
        if soffice is None:
            raise file_error(
                UnsupportedFormatError,
                path,
                f"这是{what}，需要 LibreOffice 才能读取，但本机没有安装",
                "请安装 LibreOffice（免费），或用 Word/WPS 打开后另存为 .docx 再处理",
            )
        docx = convert_to_docx(path, data, soffice)
        from .docx import DocxReader

        doc = DocxReader().read(path, docx)
        return dataclasses.replace(
            doc,
            reader=self.name,
            sha256=sha256_of(data),
            warnings=(f"{what}已用 LibreOffice 转换后读取", *doc.warnings),
        )


def convert_to_docx(path: Path, data: bytes, soffice: str) -> bytes:
    """The file converted by LibreOffice; ReadError when it fails or takes longer than the limit."""
    timeout = limits.current().convert_timeout_s
    suffix = path.suffix.lower() if path.suffix.lower() in KIND_NAMES else ".doc"
    with tempfile.TemporaryDirectory(prefix="reporter-lo-") as tmp:
        work = Path(tmp)
        source = work / f"input{suffix}"  # a plain ASCII name: any user file name works
        source.write_bytes(data)
        outdir = work / "out"
        args = [
            soffice,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(outdir),
            str(source),
        ]
        try:
            proc = subprocess.Popen(
                args,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                cwd=tmp,
                start_new_session=(os.name == "posix"),
            )
        except OSError as exc:
            raise file_error(
                ReadError,
                path,
                f"无法启动 LibreOffice（{os_reason(exc)}）",
                "请检查 LibreOffice 的安装，或用 Word/WPS 另存为 .docx",
            ) from None
        try:
            _, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill(proc)
            raise file_error(
                ReadError,
                path,
                f"LibreOffice 转换超时（超过 {timeout:.0f} 秒）",
                "请用 Word/WPS 打开后另存为 .docx 再处理",
            ) from None
        result = outdir / "input.docx"
        if proc.returncode != 0 or not result.is_file():
            detail = err.decode("utf-8", "replace").strip().splitlines()
            reason = next((line for line in detail if "Error" in line), "")
            raise file_error(
                ReadError,
                path,
                "LibreOffice 无法转换这个文件（文件可能已损坏或加密）" + (f"：{reason}" if reason else ""),
                "请用 Word/WPS 打开后另存为 .docx 再处理",
            )
        return result.read_bytes()


def _kill(proc: subprocess.Popen) -> None:
    """Kill the converter and everything it started."""
    try:
        if os.name == "posix":
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            proc.kill()
    except (ProcessLookupError, PermissionError, OSError):
        pass
    with contextlib.suppress(subprocess.TimeoutExpired, OSError, ValueError):
        proc.communicate(timeout=10)
