"""The errors `reporter` raises on purpose.

Every message names the file it concerns and says what to do; the CLI prints it
as one line on stderr ("错误：…") and exits 1. Anything that is not a
ReporterError is a bug and keeps its traceback.

    ReporterError                    base class
    ├── UnsupportedFormatError       no reader for this kind of file (also a ValueError)
    ├── ReadError                    the file cannot be read as its format
    │   ├── EmptyDocumentError       the file holds no text
    │   ├── EncryptedDocumentError   the Word file is password-protected
    │   └── UnsafeDocumentError      the file breaks a safety limit (zip bomb, DTD, size)
    ├── SchemaError                  templates/schema.toml is invalid
    ├── TemplateError                an Excel/Word template lacks what the writer needs
    ├── OutputError                  an output cannot be written (no permission, disk full: output_error())
    │   └── FileInUseError           an output is open in Excel/WPS/LibreOffice (reporter.jobs.locks)
    ├── LockedError                  another run holds the output folder
    └── NoReportsError               the paths given hold no report (only Excel files, archives, pictures…)
"""

from __future__ import annotations

import errno
from pathlib import Path
from typing import NamedTuple, TypeVar


class ReporterError(Exception):
    """Base class: a problem with the user's input, templates or outputs (not a bug)."""

    def __init__(self, message: str, *, path: Path | str | None = None, reason: str | None = None):
        super().__init__(message)
        self.path = Path(path) if path is not None else None
        # a short reason in Chinese, used in summaries: 三月通报.docx（文件已加密）
        self.reason = reason or message


class UnsupportedFormatError(ReporterError, ValueError):
    """No reader is registered for the file's format."""


class ReadError(ReporterError):
    """The file cannot be read as the format it claims to be."""


class EmptyDocumentError(ReadError):
    """The file was read but holds no text."""


class EncryptedDocumentError(ReadError):
    """The document is password-protected."""


class UnsafeDocumentError(ReadError):
    """The file breaks a safety limit and was refused before parsing."""


class SchemaError(ReporterError):
    """The schema file is invalid."""


class TemplateError(ReporterError):
    """A template lacks a sheet, style or placeholder the writer needs."""


class OutputError(ReporterError):
    """An output file cannot be written."""


class LockedError(ReporterError):
    """Another run is using the output folder."""


class NoReportsError(ReporterError):
    """The paths given hold no report to process: nothing is written."""


E = TypeVar("E", bound=ReporterError)


def file_error(cls: type[E], path: Path | str, reason: str, hint: str = "") -> E:
    """Build an error whose message is '<file>：<reason>[；<hint>]'."""
    message = f"{path}：{reason}"
    if hint:
        message += f"；{hint}"
    return cls(message, path=path, reason=reason)


# ------------------------------------------------------------------------------- output errors
class FileInUseError(OutputError):
    """An output is open in another program (Excel, WPS, LibreOffice): nothing was written over it."""


class _OsText(NamedTuple):
    """What an OSError means, in the words of an office PC user (never English strerror text)."""

    reason: str  # any access: 没有权限, 磁盘已满 … (os_reason)
    writing: str = ""  # met while writing an output, when said otherwise (describe_os_error); "" = reason
    hint: str | None = None  # what to do about it when writing; None: only "无法写入（reason）" is said


_SPACE_HINT = "请清理磁盘（或换一个输出文件夹）后重新运行"
_CHECK_OUTDIR = "请检查输出文件夹"

# One table for reading and writing: errno → texts. Names missing on some systems are skipped.
_OS_TEXTS: dict[int, _OsText] = {
    code: text
    for name, text in (
        ("ENOENT", _OsText("不存在", "文件夹不存在或已被移走", _CHECK_OUTDIR)),
        ("ENOTDIR", _OsText("路径中间有一段不是文件夹", "路径中有一部分不是文件夹", _CHECK_OUTDIR)),
        ("EISDIR", _OsText("这是文件夹，不是文件", "这是一个文件夹，不是文件", "请换一个输出文件名")),
        (
            "EACCES",
            _OsText("没有权限", "没有写入权限", "请检查文件和文件夹的权限（或换一个输出文件夹）后重新运行"),
        ),
        (
            "EPERM",
            _OsText(
                "没有权限（文件可能被设为只读或受保护）",
                "不允许修改（文件被设为只读、不可更改，或没有权限）",
                "请检查文件属性和权限（或换一个输出文件夹）后重新运行",
            ),
        ),
        ("ENAMETOOLONG", _OsText("文件名或路径太长", "路径太长", "请换一个路径较短的输出文件夹")),
        ("ENOSPC", _OsText("磁盘已满", "磁盘空间不足", _SPACE_HINT)),
        ("EDQUOT", _OsText("超出了磁盘配额", "磁盘空间不足", _SPACE_HINT)),
        ("EROFS", _OsText("所在的磁盘是只读的", "", "请换一个可以写入的输出文件夹")),
        ("EBUSY", _OsText("正被其他程序占用")),
        ("ELOOP", _OsText("链接形成了循环")),
        (
            "EIO",
            _OsText(
                "读写磁盘出错（磁盘或网络盘可能有问题）", "磁盘读写出错", "请检查磁盘或网络连接后重新运行"
            ),
        ),
        ("EINVAL", _OsText("文件名里有系统不允许的字符")),
        ("EMFILE", _OsText("同时打开的文件太多", "", "请关闭一些程序后重新运行")),
        ("ENOTEMPTY", _OsText("文件夹不是空的")),
        ("EEXIST", _OsText("已经有同名的文件或文件夹")),
        ("EFBIG", _OsText("文件太大，超出了磁盘或系统的限制", "", "")),
    )
    if (code := getattr(errno, name, None)) is not None
}
_IN_USE = _OsText("正被其他程序占用", "文件正被其他程序打开", "请关闭它后重新运行")
# Windows error codes that say more than the errno they come with
_WINERRORS = {
    32: _IN_USE,  # ERROR_SHARING_VIOLATION (errno EACCES)
    33: _IN_USE,  # ERROR_LOCK_VIOLATION
    112: _OS_TEXTS[errno.ENOSPC],  # ERROR_DISK_FULL
    39: _OS_TEXTS[errno.ENOSPC],  # ERROR_HANDLE_DISK_FULL
}


def _os_text(exc: OSError) -> _OsText | None:
    return _WINERRORS.get(getattr(exc, "winerror", None) or 0) or _OS_TEXTS.get(exc.errno or 0)


def os_reason(exc: OSError) -> str:
    """The Chinese reason for an OSError (磁盘已满, 没有权限 …); Windows sharing violations count as 占用."""
    text = _os_text(exc)
    if text is not None:
        return text.reason
    return f"系统错误 {exc.errno}" if exc.errno else "系统错误"


def describe_os_error(exc: OSError) -> tuple[str, str]:
    """(what went wrong, what to do) in Chinese for an OSError met while writing."""
    text = _os_text(exc)
    if text is not None and text.hint is not None:
        return (text.writing or text.reason, text.hint)
    return (f"无法写入（{os_reason(exc)}）", "请检查磁盘和文件夹后重新运行")


def _temp_folder() -> str:
    import tempfile

    try:
        return tempfile.gettempdir()
    except OSError:
        return "TMP/TEMP"


def output_error(exc: OSError, path: Path | str | None = None, what: str = "") -> OutputError:
    """An OutputError for an OSError met while writing `path` (or the file the error names):
    '<file>：<what>时<reason>；<what to do>'. The OSError's own text stays in `detail` for the log."""
    import errno

    reason, hint = describe_os_error(exc)
    where = path if path is not None else (exc.filename or "")
    if isinstance(where, bytes):
        where = where.decode("utf-8", "surrogateescape")
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        hint = (
            f"请清理磁盘（输出文件夹和临时文件夹 {_temp_folder()} 所在的磁盘），或换一个输出文件夹后重新运行"
        )
    doing = f"{what}时" if what else ""
    message = f"{where}：{doing}{reason}" if where else f"{doing}{reason}"
    if hint:
        message += f"；{hint}"
    error = OutputError(message, path=where or None, reason=reason)
    error.detail = f"{exc.__class__.__name__}: {exc}"  # type: ignore[attr-defined]
    return error
