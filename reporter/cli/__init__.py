"""The command line: each command parses its arguments, makes one library call and prints the result.

Data goes to stdout, messages to stderr. Exit codes: 0 all done, 1 some input failed or a
ReporterError, 2 a usage error. Heavy libraries (jieba, openpyxl, python-docx) are imported inside
the commands so that `reporter --help` stays fast.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

try:
    from .. import __version__
    from .common import COMMANDS, _beside, app, err
    from .console import long_path, owns_console, safe_streams, wait_for_enter
except KeyboardInterrupt:  # Ctrl+C while the program starts: nothing was done yet, no traceback
    sys.stderr.write("已中断\n")
    raise SystemExit(130) from None

from . import files, other, run  # noqa: F401  (they register their commands on `app`)

__all__ = ["app", "main"]


# ------------------------------------------------------------------------------------------ entry


def _bare_paths(argv: list[str]) -> list[str]:
    """`reporter 一月报告/` (a folder dropped on the program) means `run` with outputs beside the input."""
    if not argv or argv[0] in COMMANDS or argv[0].startswith("-"):
        return argv
    if not os.path.lexists(argv[0]):
        return argv
    return ["run", *argv, "-o", str(_beside(Path(argv[0]).resolve()))]


def _unquote(arg: str) -> str:
    """A path with stray quotes that does not exist, while it does without them: the quotes go.
    On Windows, "D:\\报告\\" reaches the program as D:\\报告" (the backslash escapes the quote); a
    path copied with its quotes into a shortcut or a script keeps them."""
    if arg.startswith("-") or ('"' not in arg and "'" not in arg) or os.path.lexists(arg):
        return arg
    bare = arg.strip("\"' ")
    return bare if bare and os.path.lexists(bare) else arg


def _spaced_path(args: list[str]) -> str | None:
    """The message for a path with spaces given without quotes (reporter run 一月 报告): its parts do not
    exist, the parts joined by a space do."""
    for i, first in enumerate(args):
        if first.startswith("-") or first in COMMANDS or os.path.lexists(first):
            continue
        for j in range(i + 2, min(len(args), i + 8) + 1):
            parts = args[i:j]
            if any(p.startswith("-") for p in parts):
                break
            joined = " ".join(parts)
            if os.path.lexists(joined):
                shown = "和".join(f"“{p}”" for p in parts)
                return f'找不到{shown}，但有“{joined}”：路径里有空格时请加引号，写成 "{joined}"'
    return None


def _long_options() -> dict[str, str]:
    """Every long option of every command, without its dashes → as written (out → --out)."""
    import typer

    names: dict[str, str] = {}
    stack = [typer.main.get_command(app)]
    while stack:
        command = stack.pop()
        stack.extend(getattr(command, "commands", {}).values())
        for param in command.params:
            for opt in (*param.opts, *param.secondary_opts):
                if opt.startswith("--"):
                    names[opt[2:]] = opt
    return names


def _one_dash(args: list[str]) -> str | None:
    """The message for a long option written with one dash (-out 输出, -json): the parser would read -out
    as -o ut and write the results into a folder named ut."""
    for arg in args:
        if arg == "--":
            break
        name = arg[1:].partition("=")[0]
        if arg.startswith("-") and not arg.startswith("--") and len(name) > 1 and name.isascii():
            option = _long_options().get(name)
            if option is not None:
                return f"“{arg}”要写成 {option}（长选项前面是两个减号）"
    return None


def _internal_error(exc: BaseException) -> str:
    """Log a bug's traceback to a file in the temporary folder; the line that tells the user where."""
    import tempfile
    import traceback

    log = Path(tempfile.gettempdir()) / "reporter-内部错误.log"
    try:
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(f"{dt.datetime.now():%Y-%m-%d %H:%M:%S} reporter {__version__} {sys.argv[1:]!r}\n")
            fh.write("".join(traceback.format_exception(exc)) + "\n")
        where = f"详细信息已写入 {log}"
    except OSError:
        where = "详细信息无法写入日志"
    return f"错误：程序内部出错（{type(exc).__name__}）；已处理好的文件不受影响。{where}，请把它发给维护人员"


def main(argv: list[str] | None = None) -> None:
    safe_streams()
    args = [long_path(_unquote(a)) for a in (sys.argv[1:] if argv is None else argv)]
    pause = argv is None and owns_console()
    try:
        spaced = _spaced_path(args) or _one_dash(args)
        if spaced is not None:
            if "--json" in args:
                from .zh import usage_json

                print(usage_json(spaced))
            err(f"错误：{spaced}")
            raise SystemExit(2)
        app(args=_bare_paths(args), prog_name="reporter")
    except Exception as exc:  # a bug: one line for the user, the traceback in a log file
        err(_internal_error(exc))
        raise SystemExit(1) from None
    finally:
        if pause:
            wait_for_enter()
