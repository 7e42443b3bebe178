"""Which files a run reads: files as given, folders walked safely, junk skipped silently.

Walking a folder never follows a link to a folder (so a link loop cannot trap it), never reads a file
through a link that leads outside the folder given, never enters the same folder twice (junctions,
bind mounts), and is iterative (no depth limit from recursion). Hidden and system files, Office/WPS
lock files and temporary downloads are skipped without a word; a folder that cannot be listed, and a
path given that does not exist or is not a regular file, becomes a Failure. File names are taken as the
system gives them: Chinese, spaces, emoji, a leading dash, full-width brackets all work.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import os_reason
from ..folders import ARCHIVE_DIR, STATE_DIR
from ..model import Failure

# Files people never mean as reports: hidden files (.DS_Store, ._x AppleDouble files), system files,
# Office/WPS lock and temporary files, partial downloads, README files.
_SKIP_NAME = re.compile(
    r"^(?:\..*|~\$.*|~WRL\d+\.tmp|\.~.*|~.*\.tmp|Thumbs\.db|desktop\.ini|ehthumbs(?:_vista)?\.db|Icon\r|"
    r"readme(?:\.\w+)?)$|"
    r".*\.(?:tmp|crdownload|part|partial|download|swp|bak|lnk)$",
    re.IGNORECASE,
)
# Folders that hold no reports: macOS zip leftovers, the recycle bin, Windows system folders, VCS data,
# and the watch folder's failure bin.
_SKIP_DIR = re.compile(
    r"^(?:\..*|__MACOSX|\$RECYCLE\.BIN|RECYCLER|System Volume Information|失败)$", re.IGNORECASE
)


# What the program itself writes into an output folder (recognised by its `.reporter/` state folder):
# never read back as reports, wherever the output folder sits (inside an input, beside it, dropped again).
OUTPUT_FILES = frozenset({"台账.xlsx", "简报.docx", "核对.html", "reporter.log", "reporter.log.1"})
OUTPUT_DIRS = frozenset({ARCHIVE_DIR, STATE_DIR})

# Kinds of files a folder holds that are not reports, named for the user by their suffix.
_KINDS = (
    ("Excel 表格", {".xlsx", ".xlsm", ".xls", ".et", ".ett", ".csv", ".ods"}),
    ("压缩包（请先解压）", {".zip", ".rar", ".7z", ".gz", ".tgz", ".bz2", ".xz", ".tar", ".cab"}),
    (
        "图片（扫描件请先转成文字）",
        {".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".heic"},
    ),
    ("演示文稿", {".ppt", ".pptx", ".pps", ".ppsx", ".dps", ".odp"}),
    ("音频或视频", {".mp3", ".wav", ".m4a", ".amr", ".mp4", ".avi", ".mov", ".wmv", ".flv", ".mkv"}),
    ("程序或脚本", {".exe", ".dll", ".bat", ".cmd", ".ps1", ".py", ".sh", ".msi"}),
)
OUTPUT_KIND = "本程序生成的台账、简报和记录"


TEMPLATE_KIND = "模板文件（reporter templates init 复制的）"


def _template_names(entries: list[os.DirEntry]) -> frozenset[str]:
    """A folder holding a copy of the templates (schema.toml beside ledger.toml or briefing.toml): its word
    lists (.txt) are templates, not reports."""
    from ..templates import TEMPLATE_FILES

    names = {e.name for e in entries}
    if "schema.toml" in names and names & {"ledger.toml", "briefing.toml"}:
        return frozenset(TEMPLATE_FILES)
    return frozenset()


def kind_of_file(path: Path) -> str:
    """What a file that is not a report is, in the words a clerk uses (Excel 表格, 压缩包…)."""
    suffix = path.suffix.lower()
    return next((kind for kind, suffixes in _KINDS if suffix in suffixes), "其他文件")


def not_a_report(path: Path) -> bool:
    """A file whose name says it is of a kind that holds no report (Excel 表格, 压缩包, 图片 …)."""
    return not supported(path) and kind_of_file(path) != "其他文件"


def is_output_folder(folder: Path) -> bool:
    """A folder this program writes its results into: it holds the `.reporter/` state folder."""
    return os.path.isdir(os.path.join(folder, STATE_DIR))


def is_own_output(path: Path) -> bool:
    """A file or folder this program wrote (台账.xlsx, 简报.docx, 简报存档/, 核对.html, the log) in an output folder."""
    names = OUTPUT_DIRS if os.path.isdir(path) else OUTPUT_FILES
    return path.name in names and is_output_folder(path.parent)


def skip_name(name: str) -> bool:
    """Hidden, system, lock and temporary files, and README files, skipped silently inside folders."""
    return bool(_SKIP_NAME.match(name))


def skip_dir(name: str) -> bool:
    return bool(_SKIP_DIR.match(name))


def supported(path: Path) -> bool:
    from ..readers import READERS

    return path.suffix.lower() in READERS


def _failure(path: Path, reason: str, hint: str = "") -> Failure:
    message = f"{path}：{reason}" + (f"；{hint}" if hint else "")
    return Failure(path=path, reason=reason, message=message)


def _resolve(path: Path) -> Path | None:
    """The real path, or None for a link loop or a path that cannot be resolved."""
    try:
        return path.resolve(strict=True)
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        return None


def _missing(given: Path) -> Failure:
    """Why a path given cannot be found: a broken link, a name too long, a file used as a folder, absent."""
    try:
        os.lstat(given)
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            return _failure(given, "文件名或路径太长", "请把文件挪到路径短一些的文件夹里，或把文件名改短")
        if exc.errno == errno.ENOTDIR:
            return _failure(given, "路径中间有一段不是文件夹", "请检查路径")
        if exc.errno not in (errno.ENOENT, None):
            return _failure(given, f"无法访问（{os_reason(exc)}）")
        return _failure(given, "文件或文件夹不存在", "请检查路径是否写对、文件是否已被移走")
    return _failure(given, "链接指向的文件不存在或链接形成了循环")


def iter_inputs(
    paths: Iterable[Path], ignored: list[tuple[Path, str]] | None = None
) -> Iterator[Path | Failure]:
    """Files to process, in order: files as given, folders walked (sorted, supported suffixes only).

    Each file once, even when given twice or reached through a link. Files inside folders that are not
    reports (Excel 表格, 压缩包, 图片 …) and this program's own outputs are passed over; with `ignored`,
    each is appended to it as (path, kind) so a run can say what it passed over.
    """
    seen: set[Path] = set()
    for given in paths:
        given = Path(given)
        real = _resolve(given)
        if real is None:
            yield _missing(given)
            continue
        try:
            mode = os.stat(real).st_mode
        except OSError as exc:
            yield _failure(given, f"无法访问（{os_reason(exc)}）")
            continue
        if ignored is not None and is_own_output(given):
            ignored.append((given, OUTPUT_KIND))
            continue
        if stat.S_ISREG(mode):
            if ignored is not None and not_a_report(given):  # 统计表.xlsx dropped with the reports
                ignored.append((given, kind_of_file(given)))
                continue
            if real not in seen:
                seen.add(real)
                yield given
        elif stat.S_ISDIR(mode):
            for item in _walk(given, real, ignored):
                if isinstance(item, Failure):
                    yield item
                    continue
                key = _resolve(item)
                if key is not None and key not in seen:
                    seen.add(key)
                    yield item
        else:
            yield _failure(given, "这不是普通文件（可能是管道或设备）", "请给出报告文件本身")


_DIGITS = re.compile(r"(\d+)")


def name_order(name: str) -> tuple[tuple[int, int, str], ...]:
    """The order a file window shows names in: numbers by value (第2期 before 第10期, 坏2 before 坏10),
    the rest by character; the name itself breaks ties (02 and 2)."""
    parts = _DIGITS.split(name)
    key = tuple((0, int(p), "") if i % 2 else (1, 0, p) for i, p in enumerate(parts) if p)
    return (*key, (2, 0, name))


def _walk(top: Path, root: Path, ignored: list[tuple[Path, str]] | None = None) -> Iterator[Path | Failure]:
    """Supported files under `top` (whose real path is `root`): files of a folder before its sub-folders,
    each list sorted by name; no recursion, each real folder entered once. Unsupported files and the
    program's own outputs go to `ignored` when it is given."""
    visited: set[tuple[int, int]] = set()
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            st = os.stat(folder)
        except OSError as exc:
            if exc.errno == errno.ENAMETOOLONG:
                yield from _too_long(folder)
            continue
        ident = (st.st_dev, st.st_ino)
        if ident in visited and ident != (0, 0):
            continue
        visited.add(ident)
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: name_order(e.name))
        except PermissionError:
            yield _failure(folder, "没有权限打开这个文件夹", "请检查文件夹权限")
            continue
        except OSError as exc:
            yield _failure(folder, f"无法打开这个文件夹（{os_reason(exc)}）")
            continue
        subdirs: list[Path] = []
        own = any(e.name == STATE_DIR for e in entries) and is_output_folder(folder)
        templates = _template_names(entries)
        for entry in entries:
            if own and entry.name in OUTPUT_FILES | OUTPUT_DIRS:
                if ignored is not None and entry.name != STATE_DIR:
                    ignored.append((Path(entry.path), OUTPUT_KIND))
                continue
            if entry.name in templates:  # `reporter templates init` put the word lists here
                if ignored is not None:
                    ignored.append((Path(entry.path), TEMPLATE_KIND))
                continue
            try:
                yield from _entry(entry, root, subdirs, ignored)
            except OSError:
                continue
        stack.extend(reversed(subdirs))


def _entry(
    entry: os.DirEntry, root: Path, subdirs: list[Path], ignored: list[tuple[Path, str]] | None
) -> Iterator[Path | Failure]:
    """One entry of a folder: a report to read, a sub-folder to walk later, or something passed over."""
    path = Path(entry.path)
    if entry.is_symlink() or _is_junction(entry):
        if entry.is_dir():
            return  # links to folders are never followed
        target = _resolve(path)
        if target is None or not target.is_relative_to(root) or not target.is_file():
            return  # broken, looping, or leading out of the folder
        if not skip_name(entry.name) and supported(path):
            yield path
    elif entry.is_dir(follow_symlinks=False):
        if not skip_dir(entry.name):
            subdirs.append(path)
    elif entry.is_file(follow_symlinks=False) and not skip_name(entry.name):
        if not supported(path):
            if ignored is not None:
                ignored.append((path, kind_of_file(path)))
        elif len(os.fsencode(entry.path)) >= PATH_MAX:
            yield _long_failure(path)
        else:
            yield path


PATH_MAX = 4096  # bytes: longer paths cannot be opened by name on Linux (Windows: the \\?\ prefix, cli.py)


def _long_failure(path: Path) -> Failure:
    return _failure(
        path,
        "路径太长",
        f"它的完整路径超过了系统允许的 {PATH_MAX} 字节，无法打开；请把它移到路径较短的文件夹后重新运行",
    )


def _open_long(folder: Path) -> int:
    """A descriptor of a folder whose path is too long to open by name, opened one part at a time."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    parts = folder.parts
    fd = os.open(parts[0] if folder.is_absolute() else ".", flags)
    try:
        for part in parts[1:] if folder.is_absolute() else parts:
            nxt = os.open(part, flags, dir_fd=fd)
            os.close(fd)
            fd = nxt
    except BaseException:
        os.close(fd)
        raise
    return fd


def _too_long(folder: Path) -> Iterator[Failure]:
    """Reports under a folder whose path is too long to open: each becomes a Failure (路径太长), so that
    none is skipped without a word."""
    if os.scandir not in os.supports_fd or os.open not in os.supports_dir_fd:
        yield _long_failure(folder)
        return
    try:
        stack = [(_open_long(folder), folder)]
    except OSError:
        yield _long_failure(folder)
        return
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    try:
        while stack:
            fd, path = stack.pop()
            try:
                with os.scandir(fd) as it:
                    entries = sorted(it, key=lambda e: name_order(e.name))
                subdirs = []
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False) and not skip_dir(entry.name):
                        with contextlib.suppress(OSError):
                            subdirs.append((os.open(entry.name, flags, dir_fd=fd), path / entry.name))
                    elif (
                        entry.is_file(follow_symlinks=False)
                        and not skip_name(entry.name)
                        and supported(path / entry.name)
                    ):
                        yield _long_failure(path / entry.name)
                stack.extend(reversed(subdirs))
            except OSError:
                yield _long_failure(path)
            finally:
                os.close(fd)
    finally:
        for fd, _ in stack:
            os.close(fd)


def _is_junction(entry: os.DirEntry) -> bool:
    """A Windows junction (a folder link that is not a symlink); is_junction() is Python ≥ 3.12."""
    check = getattr(entry, "is_junction", None)
    try:
        return bool(check()) if check else False
    except OSError:
        return False


# -------------------------------------------------------------------------------- odd file names
# On Linux a file name is bytes; a name that is not UTF-8 (GBK names from a Windows zip) reaches Python
# as a str holding "surrogate escapes" (U+DC80–U+DCFF, one per byte that did not decode). Such a path
# opens and reads fine, but cannot be written as UTF-8 anywhere (log, JSON, ledger, briefing). The
# program keeps the path as it is for reading and shows it with readable() everywhere else.
_ESCAPED = re.compile("[\udc80-\udcff]")
_ANY_SURROGATE = re.compile("[\ud800-\udfff]")
# what may stand between the parts of a message that came from a file name
_SPLIT = re.compile(r"([/\\\s：；，、（）()【】“”\"'<>|])")


def has_odd_bytes(text: str) -> bool:
    """Whether `text` holds bytes of a file name that are not UTF-8 (or any lone surrogate)."""
    return bool(_ANY_SURROGATE.search(text))


def _readable_part(part: str) -> str:
    if not _ESCAPED.search(part):
        return _ANY_SURROGATE.sub("?", part)
    try:
        data = part.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate that is no escaped byte
        return _ANY_SURROGATE.sub("?", part)
    for codec in ("gb18030", "big5"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if text.isprintable():
            return text
    return _ANY_SURROGATE.sub("?", part)


def readable(text: str) -> str:
    """`text` with the bytes of a non-UTF-8 file name decoded for display: as GBK/GB18030 (the common
    case: names from a Chinese Windows), else Big5, else each such byte shown as '?'. Text without
    such bytes is returned as it is."""
    if not _ANY_SURROGATE.search(text):
        return text
    return "".join(_readable_part(part) for part in _SPLIT.split(text))


def raw_bytes(text: str) -> str:
    r"""The bytes of a name as the system gave them, for the log: b'\xc8\xfd\xd4\xc2.txt'."""
    try:
        return repr(text.encode("utf-8", "surrogateescape"))
    except UnicodeEncodeError:
        return repr(text.encode("utf-8", "backslashreplace"))


def describe_name(text: str) -> str:
    """readable(text), plus its bytes when they are not UTF-8: for the log."""
    if not has_odd_bytes(text):
        return text
    odd = dict.fromkeys(part for part in _SPLIT.split(text) if has_odd_bytes(part))
    shown = "、".join(raw_bytes(part) for part in odd)
    return f"{readable(text)}（文件名不是 UTF-8 编码，原始字节：{shown}）"
