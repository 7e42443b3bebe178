"""Is an output open in another program? Checked before anything is written over it (issue 19).

    holder = find_holder(Path("输出/台账.xlsx"))     # None, or who holds it
    check_free([ledger, briefing], note=log.write)    # FileInUseError / OutputError when one is held

Replacing a file someone has open loses data: the other program keeps its own copy and saves it over
ours later (the rows we added are gone, while state.json counts them as done). So a run looks for the
signs each office program leaves, and writes nothing when it finds one:

- LibreOffice: `.~lock.台账.xlsx#` beside the file, one line `,<name>,<host>,<dd.mm.yyyy hh:mm>,<profile>;`.
  LibreOffice deletes it when it closes the file; a crash or kill leaves it behind. A lock written on
  this computer while no LibreOffice process runs here is such a leftover: it does not block (the log
  says so, and the file is left for LibreOffice to deal with). A lock from another computer cannot be
  checked and always blocks; the message says which computer, and what to do if it is a leftover.
- Excel and WPS (Windows): the owner file `~$台账.xlsx` (hidden) beside the file, holding the user's
  name; and while the file is open they keep it locked against writing (a sharing violation). On
  Windows the owner file blocks only when the file is really locked (a leftover `~$` of a crashed Excel
  does not); elsewhere (a shared folder) it always blocks.
- WPS on Linux: `.~台账.xlsx` beside the file.
- A read-only file (`chmod 444`, the 只读 attribute) is respected: it is not replaced.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import socket
import stat
import subprocess
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import FileInUseError, OutputError

LIBREOFFICE_PROCESSES = frozenset({"soffice.bin", "soffice", "soffice.exe", "oosplash", "libreoffice"})


@dataclass(frozen=True, slots=True)
class Holder:
    """Who has an output open, as far as the lock file says."""

    program: str  # LibreOffice, Excel/WPS, WPS
    user: str = ""
    host: str = ""  # only when it is another computer
    since: str = ""  # 2026-12-07 10:20
    lock: Path | None = None  # the lock file that says so (None: the system's file lock)

    def describe(self) -> str:
        """LibreOffice（张三，计算机 PC-02，2026-12-07 10:20）"""
        parts = [self.user, f"计算机 {self.host}" if self.host else "", self.since]
        details = "，".join(p for p in parts if p)
        return f"{self.program}（{details}）" if details else self.program


# ------------------------------------------------------------------------------------- LibreOffice
def libreoffice_lock(path: Path) -> Path:
    return path.with_name(f".~lock.{path.name}#")


def _split_escaped(text: str) -> list[str]:
    """LibreOffice's lock line: fields split by ',', a backslash escapes ',', ';' and itself."""
    fields, current, escaped = [], [], False
    for ch in text:
        if escaped:
            current.append(ch)
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == ",":
            fields.append("".join(current))
            current = []
        elif ch == ";":
            break
        else:
            current.append(ch)
    fields.append("".join(current))
    return fields


def _lo_time(text: str) -> str:
    """'07.12.2026 10:20' → '2026-12-07 10:20' (as it is when it does not parse)."""
    try:
        return dt.datetime.strptime(text.strip(), "%d.%m.%Y %H:%M").strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return text.strip()


def parse_libreoffice_lock(data: bytes) -> tuple[str, str, str]:
    """(user, host, time) from the content of a LibreOffice lock file."""
    fields = [*_split_escaped(data.decode("utf-8", "replace").strip()), "", "", "", ""]
    user = fields[0].strip() or fields[1].strip()
    return user, fields[2].strip(), _lo_time(fields[3])


def same_host(host: str) -> bool:
    here = socket.gethostname().lower()
    host = host.strip().lower()
    return bool(host) and (host == here or host.split(".")[0] == here.split(".")[0])


def libreoffice_running() -> bool | None:
    """Whether a LibreOffice process runs on this computer; None when that cannot be told."""
    try:
        if sys.platform.startswith("linux") and os.path.isdir("/proc"):
            with os.scandir("/proc") as it:
                pids = [entry.path for entry in it if entry.name.isdigit()]
            for pid in pids:
                with contextlib.suppress(OSError):
                    comm = Path(pid, "comm").read_text(encoding="utf-8", errors="replace")
                    if comm.strip().lower() in LIBREOFFICE_PROCESSES:
                        return True
            return False
        if sys.platform == "win32":
            out = subprocess.run(
                ["tasklist", "/FO", "CSV", "/NH"], capture_output=True, timeout=10, check=False
            ).stdout.decode("mbcs", "replace")
            names = {line.split(",")[0].strip('"').lower() for line in out.splitlines() if line}
        else:
            out = subprocess.run(
                ["ps", "-A", "-o", "comm="], capture_output=True, timeout=10, check=False
            ).stdout.decode("utf-8", "replace")
            names = {os.path.basename(line.strip()).lower() for line in out.splitlines()}
        if not names:
            return None
        return bool(names & LIBREOFFICE_PROCESSES)
    except (OSError, subprocess.SubprocessError):
        return None


# ---------------------------------------------------------------------------------- Excel / WPS
def office_owner_files(path: Path) -> list[Path]:
    """Where Excel/Word/WPS put the owner file of `path`: ~$台账.xlsx, or for long names '~$' in place of
    the first one or two characters."""
    names = dict.fromkeys(["~$" + path.name, "~$" + path.name[1:], "~$" + path.name[2:]])
    return [path.with_name(n) for n in names if len(n) > 2 + len(path.suffix)]


def parse_owner_file(data: bytes) -> str:
    """The user name in an Office owner file: a length byte and the name in the system code page, and
    (from offset 54) a length and the name in UTF-16. '' when it cannot be read."""
    if len(data) >= 56:
        n = data[54]
        raw = data[56 : 56 + 2 * n]
        if n and len(raw) == 2 * n:
            with contextlib.suppress(UnicodeDecodeError):
                name = raw.decode("utf-16-le").strip("\x00 ")
                if name.isprintable():
                    return name
    if data:
        n = data[0]
        raw = data[1 : 1 + n]
        for codec in ("utf-8", "gb18030"):
            with contextlib.suppress(UnicodeDecodeError):
                name = raw.decode(codec).strip("\x00 ")
                if name and name.isprintable():
                    return name
    return ""


def sharing_violation(path: Path) -> bool:
    """Windows: whether another program holds `path` open against writing (Excel and WPS do)."""
    if sys.platform != "win32":
        return False
    try:
        with open(path, "r+b"):
            return False
    except PermissionError as exc:
        if getattr(exc, "winerror", None) in (32, 33):
            return True
        with contextlib.suppress(OSError):  # access denied: read-only is told apart by its attribute
            return bool(os.stat(path).st_mode & stat.S_IWRITE)
        return False
    except OSError:
        return False


# ------------------------------------------------------------------------------------------- check
def _read(path: Path, limit: int = 4096) -> bytes | None:
    try:
        with open(path, "rb") as fh:
            return fh.read(limit)
    except FileNotFoundError:
        return None
    except OSError:
        return b""


def find_holder(
    path: Path,
    *,
    note: Callable[[str], None] | None = None,
    running: Callable[[], bool | None] | None = None,
) -> Holder | None:
    """Who has `path` open, or None. `note` is told about leftover lock files that do not block.
    `running` tells whether LibreOffice runs on this computer (default: libreoffice_running)."""
    path = Path(path)
    running = running or libreoffice_running
    lo = libreoffice_lock(path)
    data = _read(lo)
    if data is not None:
        user, host, since = parse_libreoffice_lock(data)
        here = same_host(host)
        if here and running() is False:
            if note:
                note(
                    f"{lo} 是 LibreOffice 异常退出后留下的锁文件（本机没有正在运行的 LibreOffice），不影响写入"
                )
        else:
            return Holder("LibreOffice", user, "" if here else host, since, lo)
    for owner in office_owner_files(path):
        data = _read(owner)
        if data is None:
            continue
        if sys.platform == "win32" and path.exists() and not sharing_violation(path):
            if note:
                note(f"{owner} 是 Excel/WPS 异常退出后留下的文件（{path.name} 并没有被打开），不影响写入")
            continue
        return Holder("Excel/WPS", parse_owner_file(data), lock=owner)
    wps = path.with_name(".~" + path.name)
    if wps.exists():
        return Holder("WPS", lock=wps)
    if path.exists() and sharing_violation(path):
        return Holder("Excel/WPS 或其他程序")
    return None


def read_only(path: Path) -> bool:
    """Whether `path` exists and is marked read-only (chmod a-w; the Windows 只读 attribute)."""
    try:
        return not (os.stat(path).st_mode & stat.S_IWUSR)
    except OSError:
        return False


def in_use_error(path: Path, holder: Holder) -> FileInUseError:
    where = f"（锁文件 {holder.lock.name}）" if holder.lock is not None else ""
    message = f"{path} 正在被 {holder.describe()}打开{where}，本次没有写入任何文件；请保存并关闭它后重新运行，新的报告会在下次运行时加入"
    if holder.lock is not None and holder.program == "LibreOffice" and holder.host:
        message += f"（如果 {holder.host} 上的 LibreOffice 已经关闭，可以删除锁文件 {holder.lock.name}）"
    elif holder.lock is not None and holder.program != "LibreOffice":
        message += f"（如果确认没有人打开它，可以删除隐藏文件 {holder.lock.name}）"
    return FileInUseError(message, path=path, reason=f"正在被 {holder.program} 打开")


def check_free(
    paths: Iterable[Path],
    *,
    note: Callable[[str], None] | None = None,
    running: Callable[[], bool | None] | None = None,
) -> None:
    """Raise FileInUseError when an output is open in another program, OutputError when one is
    read-only; tell `note` about leftover lock files that were ignored."""
    for path in paths:
        path = Path(path)
        holder = find_holder(path, note=note, running=running)
        if holder is not None:
            raise in_use_error(path, holder)
        if read_only(path):
            raise OutputError(
                f"{path} 是只读文件，程序不会替换它，本次没有写入任何文件；"
                "如需更新，请先取消它的只读属性（或换一个输出文件夹）后重新运行",
                path=path,
                reason="输出文件是只读的",
            )


__all__ = [
    "Holder",
    "check_free",
    "find_holder",
    "libreoffice_lock",
    "libreoffice_running",
    "parse_libreoffice_lock",
    "parse_owner_file",
    "read_only",
]
