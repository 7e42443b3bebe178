r"""The Windows console as office PCs have it: a window opened for a dropped folder stays open until Enter,
long paths get the `\\\\?\\` prefix, and a GBK console never crashes on a character it cannot show."""

from __future__ import annotations

import contextlib
import os
import sys


def long_path(arg: str, platform: str = sys.platform) -> str:
    """On Windows, a path of 248+ characters gets the \\\\?\\ prefix so that it opens without the
    LongPathsEnabled setting; anything else is returned as it is."""
    import ntpath

    if platform != "win32" or arg.startswith(("-", "\\\\?\\")):
        return arg
    full = ntpath.abspath(arg) if platform == sys.platform else ntpath.normpath(arg)
    if len(full) < 248:
        return arg
    if full.startswith("\\\\"):  # \\server\share → \\?\UNC\server\share
        return "\\\\?\\UNC\\" + full[2:]
    return "\\\\?\\" + full


SHELLS = frozenset(
    {
        "cmd.exe",
        "powershell.exe",
        "pwsh.exe",
        "bash.exe",
        "sh.exe",
        "wsl.exe",
        "zsh.exe",
        "fish.exe",
        "nu.exe",
        "far.exe",
        "tcc.exe",
        "conemuc.exe",
        "conemuc64.exe",
        "windowsterminal.exe",
        "openconsole.exe",
    }
)


def alone_in_console(pids: list[int], me: int, image_name) -> bool:
    """True when no shell shares the console: the window was opened for this program (a drop on
    reporter.exe, a double-click) and closes when it ends. Our launcher (reporter.exe from pip's Scripts
    folder, a venv's python.exe) shares the console too, so only known shells count."""
    others = [pid for pid in pids if pid != me]
    return not any(image_name(pid) in SHELLS for pid in others)


def windows_image_name(pid: int) -> str:
    """The executable name of a process, lower case; "cmd.exe" (a shell, so: no pause) when unknown."""
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    kernel32.OpenProcess.restype = wintypes.HANDLE
    kernel32.OpenProcess.argtypes = (wintypes.DWORD, wintypes.BOOL, wintypes.DWORD)
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return "cmd.exe"
    try:
        size = wintypes.DWORD(1024)
        buf = ctypes.create_unicode_buffer(size.value)
        if not kernel32.QueryFullProcessImageNameW(handle, 0, buf, ctypes.byref(size)):
            return "cmd.exe"
        return buf.value.rsplit("\\", 1)[-1].lower()
    finally:
        kernel32.CloseHandle(handle)


def owns_console() -> bool:
    """Windows only: whether this program has a console window of its own that would close at once."""
    if sys.platform != "win32" or os.environ.get("REPORTER_NO_PAUSE"):
        return False
    try:
        if not sys.stdin or not sys.stdin.isatty():
            return False
        import ctypes

        pids = (ctypes.c_uint32 * 64)()
        count = ctypes.windll.kernel32.GetConsoleProcessList(pids, 64)
    except (AttributeError, OSError, ValueError):
        return False
    if not 0 < count <= 64:
        return False
    return alone_in_console(list(pids[:count]), os.getpid(), windows_image_name)


def wait_for_enter() -> None:
    with contextlib.suppress(EOFError, KeyboardInterrupt, OSError):
        input("\n按回车键关闭窗口…")


def safe_streams() -> None:
    """Never crash on a console that cannot show a character (GBK consoles on Windows)."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]
