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
    ├── OutputError                  an output cannot be written (file open in Excel/WPS, no permission)
    ├── LockedError                  another run holds the output folder
    └── NoReportsError               the paths given hold no report (only Excel files, archives, pictures…)
"""

from __future__ import annotations

import errno
from pathlib import Path


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


def file_error(cls: type[ReporterError], path: Path | str, reason: str, hint: str = "") -> ReporterError:
    """Build an error whose message is '<file>：<reason>[；<hint>]'."""
    message = f"{path}：{reason}"
    if hint:
        message += f"；{hint}"
    return cls(message, path=path, reason=reason)


# What an operating-system error means, in the words of an office PC user (never English strerror text).
_OS_REASONS = {
    errno.ENOENT: "不存在",
    errno.ENOTDIR: "路径中间有一段不是文件夹",
    errno.EISDIR: "这是文件夹，不是文件",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限（文件可能被设为只读或受保护）",
    errno.ENAMETOOLONG: "文件名或路径太长",
    errno.ENOSPC: "磁盘已满",
    errno.EROFS: "所在的磁盘是只读的",
    errno.EBUSY: "正被其他程序占用",
    errno.ELOOP: "链接形成了循环",
    errno.EIO: "读写磁盘出错（磁盘或网络盘可能有问题）",
    errno.EINVAL: "文件名里有系统不允许的字符",
    errno.EMFILE: "同时打开的文件太多",
    errno.EDQUOT: "超出了磁盘配额",
}


def os_reason(exc: OSError) -> str:
    """The Chinese reason for an OSError (磁盘已满, 没有权限 …); Windows sharing violations count as 占用."""
    if getattr(exc, "winerror", None) in (32, 33):  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
        return "正被其他程序占用"
    return _OS_REASONS.get(exc.errno or 0, f"系统错误 {exc.errno}" if exc.errno else "系统错误")
