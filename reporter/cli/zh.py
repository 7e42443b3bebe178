"""The command-line framework in Chinese: help pages and usage errors the way office staff read them.

typer (and the click it vendors) write their scaffolding in English: "Usage:", "Show this message and
exit.", "No such option: --bogus", "Missing argument 'paths'", "0 is not in the range x>=1". The command
and group classes here format help pages themselves and turn every usage error into one Chinese line
that names the thing and what to do, followed by the usage line and where help is. Nothing here
imports the extractor or the writers: `reporter --help` stays fast.
"""

from __future__ import annotations

import re
import shutil
import sys
import unicodedata
from collections.abc import Sequence
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

try:  # typer 0.28 vendors click as typer._click
    from typer import _click as click
except ImportError:  # pragma: no cover - a typer that depends on click instead
    import click  # type: ignore[no-redef]

HELP_OPTION_HELP = "显示这份帮助后退出。"
_CJK = re.compile(r"[\u3400-\u9fff]")

# click's type names → what the help page and messages call the value
_KINDS = {
    "path": "路径",
    "directory": "文件夹",
    "file": "文件",
    "text": "文字",
    "integer": "整数",
    "integer range": "整数",
    "int range": "整数",
    "str": "文字",
    "float": "数字",
    "float range": "数字",
    "boolean": "是/否",
    "choice": "选项",
}
_ARG_NAMES = {"paths": "路径", "inbox": "收件文件夹", "target": "文件夹", "outdir": "输出文件夹"}


def kind_of(param: Any) -> str:
    """The Chinese word for what a parameter takes (路径, 整数, …) or its choices joined by |."""
    choices = getattr(param.type, "choices", None)
    if choices:
        return "|".join(str(getattr(c, "value", c)) for c in choices)
    return _KINDS.get(getattr(param.type, "name", ""), "值")


def _arg_label(param: Any) -> str:
    name = param.name or ""
    return _ARG_NAMES.get(name, name.upper())


def _option_label(param: Any) -> str:
    """ "-o, --out 路径" for an option, "路径..." for an argument."""
    if param.param_type_name == "argument":
        return _arg_label(param) + ("..." if param.nargs == -1 else "")
    names = ", ".join(sorted(param.opts, key=len))
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return names
    return f"{names} {getattr(param, 'metavar', None) or kind_of(param)}"


def _default_text(param: Any) -> str:
    if getattr(param, "is_flag", False) or param.required or not param.show_default:
        return ""
    default = param.default
    if default is None or default == () or default == []:
        return ""
    default = getattr(default, "value", default)
    if isinstance(default, float) and default.is_integer():
        default = int(default)
    return f"（默认：{default}）"


def _usage_line(command: Any, ctx: Any) -> str:
    pieces = []
    if any(p.param_type_name == "option" for p in command.params) or command.add_help_option:
        pieces.append("[选项]")
    for param in command.params:
        if param.param_type_name == "argument":
            label = _arg_label(param) + ("..." if param.nargs == -1 else "")
            pieces.append(label if param.required else f"[{label}]")
    if hasattr(command, "list_commands"):
        pieces.append("命令 [参数]...")
    return f"用法：{ctx.command_path} {' '.join(pieces)}".rstrip()


def _help_text(command: Any) -> str:
    text = (command.help or "").split("\f", 1)[0]
    lines = [line.strip() for line in text.strip().splitlines()]
    return "\n".join(
        ("示例：" + line[len("Example:") :].strip()) if line.startswith("Example:") else line
        for line in lines
    )


def width(text: str) -> int:
    """Columns a text takes in a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


# Chinese line-breaking rules: these never begin a line, and these never end one.
_NO_START = set("，。、；：？！）》」』】”’%.,;:?!)]}")
_NO_END = set("（《「『【“‘([{")


def wrap(text: str, columns: int) -> list[str]:
    """Lines of at most `columns` terminal columns, broken between CJK characters or between words,
    never inside a Latin word or number (Windows/macOS, 2024-06-30), never before a closing mark
    (），。) or after an opening one (（“): the word before such a mark moves to the next line with it."""
    lines: list[str] = []
    line: list[str] = []  # the tokens of the line being filled
    for token in re.findall(r"[!-~]+| +|.", text):
        if line and width("".join(line)) + width(token) > columns:
            carry: list[str] = []
            if token[0] in _NO_START:  # a closing mark takes the word before it along
                while len(line) > 1 and line[-1][-1] in _NO_START:
                    carry.insert(0, line.pop())
                if len(line) > 1 and not line[-1].isspace():
                    carry.insert(0, line.pop())
            while len(line) > 1 and line[-1][-1] in _NO_END:  # an opening mark goes down too
                carry.insert(0, line.pop())
            lines.append("".join(line).rstrip())
            line = carry
            if token.isspace() and not line:
                continue
        line.append(token)
    if line:
        lines.append("".join(line))
    return lines or [""]


def _rows(formatter: Any, title: str, rows: list[tuple[str, str]]) -> None:
    """A heading (参数：) and its rows, labels padded by display width so CJK columns line up."""
    if not rows:
        return
    formatter.write_paragraph()
    formatter.write(f"{title}：\n")
    label_width = max((width(label) for label, _ in rows if width(label) <= 28), default=28)
    total = max(min(shutil.get_terminal_size((100, 24)).columns, 110), 60)
    text_width = max(total - label_width - 4, 30)
    for label, text in rows:
        lines = wrap(text, text_width)
        if width(label) > label_width:
            formatter.write(f"  {label}\n")
            first = lines
        else:
            formatter.write(f"  {label}{' ' * (label_width - width(label))}  {lines[0]}\n")
            first = lines[1:]
        for line in first:
            formatter.write(f"{' ' * (label_width + 4)}{line}\n")


def format_help_zh(command: Any, ctx: Any, formatter: Any) -> None:
    """The whole help page in Chinese: 用法, the command's text, 参数, 选项, 命令."""
    formatter.write(_usage_line(command, ctx) + "\n")
    text = _help_text(command)
    total = max(min(shutil.get_terminal_size((100, 24)).columns, 110), 60)
    for paragraph in text.split("\n\n") if text else ():
        formatter.write("\n")
        for line in paragraph.splitlines():
            for piece in wrap(line, total - 2):
                formatter.write(f"  {piece}\n")
    arguments, options = [], []
    for param in command.get_params(ctx):
        if getattr(param, "hidden", False):
            continue
        help_text = (getattr(param, "help", None) or "") + _default_text(param)
        if param.param_type_name == "argument":
            arguments.append((_option_label(param), help_text))
        else:
            if param is command.get_help_option(ctx):
                help_text = HELP_OPTION_HELP
            options.append((_option_label(param), help_text))
    _rows(formatter, "参数", arguments)
    _rows(formatter, "选项", options)
    if hasattr(command, "list_commands"):
        commands = []
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                commands.append((name, _help_text(sub).split("\n", 1)[0]))
        _rows(formatter, "命令", commands)


# ------------------------------------------------------------------------------------ usage errors
def _param_name(param: Any) -> str:
    if param is None:
        return ""
    if param.param_type_name == "argument":
        return _arg_label(param)
    return max(param.opts, key=len)


def _bad_value(message: str) -> str:
    match = re.match(r"^'?(.*?)'? is not", message)
    return match.group(1) if match else ""


def _range_text(param_type: Any) -> str:
    low, high = getattr(param_type, "min", None), getattr(param_type, "max", None)
    if low is not None and high is not None:
        return f"{low} 到 {high} 之间的{_KINDS.get(param_type.name, '数')}"
    if low is not None:
        return f"不小于 {low} 的{_KINDS.get(param_type.name, '数')}"
    if high is not None:
        return f"不大于 {high} 的{_KINDS.get(param_type.name, '数')}"
    return _KINDS.get(param_type.name, "值")


def _bad_parameter(exc: Any) -> str:
    name = _param_name(exc.param) or (exc.param_hint if isinstance(exc.param_hint, str) else "")
    bad = _bad_value(exc.message)
    if _CJK.search(exc.message.replace(bad, "") if bad else exc.message):  # our own checks speak Chinese
        return f"{name} 的值不对：{exc.message}" if name and name not in exc.message else exc.message
    value = re.sub(r"^(-?\d+)\.0$", r"\1", bad)  # click shows --timeout -1 as -1.0
    shown = f"“{value}”" if value else "给的值"
    param_type = getattr(exc.param, "type", None)
    choices = getattr(param_type, "choices", None)
    if choices:
        wanted = "、".join(str(getattr(c, "value", c)) for c in choices)
        return f"{name} 只能是 {wanted} 之一，{shown}不是"
    if param_type is not None and getattr(param_type, "name", "").endswith("range"):
        return f"{name} 要给{_range_text(param_type)}，{shown}不行"
    if param_type is not None:
        return f"{name} 要给{_KINDS.get(param_type.name, '合适的值')}，{shown}不行"
    return f"{name} 的值不对"


def _no_such_command(name: str, ctx: Any, near: list[str]) -> str:
    """A first word that is neither a command nor an existing path: most often a mistyped or moved
    path (a folder dragged from a window that has since been renamed), sometimes a mistyped command."""
    commands = "、".join(ctx.command.list_commands(ctx)) if ctx is not None else ""
    if ctx is not None and ctx.parent is not None:  # reporter templates ini: only commands go here
        near_text = f"（是不是 {'、'.join(near)}？）" if near else f"（命令有：{commands}）"
        return f"没有 {name} 这个命令{near_text}"
    if re.search(r"[\\/.:]|[^\x00-\x7f]", name):
        return f"找不到“{name}”：没有这个文件或文件夹，请检查路径是否写对、文件是否已被移走"
    if near:
        return f"没有 {name} 这个命令（是不是 {'、'.join(near)}？），也没有叫这个名字的文件或文件夹"
    return f"没有 {name} 这个命令，也没有叫这个名字的文件或文件夹" + (
        f"（命令有：{commands}）" if commands else ""
    )


def usage_message(exc: Exception) -> str:
    """One Chinese sentence for a click usage error: what is wrong and with which option or argument."""
    if isinstance(exc, click.exceptions.NoSuchOption):
        near = "、".join(sorted(exc.possibilities or ()))
        return f"没有 {exc.option_name} 这个选项" + (f"（是不是 {near}？）" if near else "")
    if isinstance(exc, click.exceptions.MissingParameter):
        param = exc.param
        if param is not None and param.param_type_name == "argument":
            wanted = (getattr(param, "help", None) or "").rstrip("。").split("：")[0] or _arg_label(param)
            return f"缺少{_arg_label(param)}：请给出{wanted}"
        return f"缺少选项 {_param_name(param)}"
    if isinstance(exc, click.exceptions.BadParameter):
        return _bad_parameter(exc)
    if isinstance(exc, click.exceptions.BadOptionUsage):
        if "does not take a value" in exc.message:
            return f"选项 {exc.option_name} 后面不用跟值"
        return f"选项 {exc.option_name} 后面要跟一个值"
    message = getattr(exc, "message", str(exc))
    match = re.match(r"No such command '(.*?)'\.(?: Did you mean (.*)\?)?", message)
    if match:
        suggested: list[str] = re.findall(r"'([^']*)'", match.group(2) or "")
        return _no_such_command(match.group(1), getattr(exc, "ctx", None), suggested)
    match = re.match(r"Got unexpected extra arguments? \((.*)\)", message)
    if match:
        return f"多余的参数：{match.group(1)}（路径里有空格时请加引号）"
    if _CJK.search(message):
        return message
    return f"命令用法不对（{message}）"


def _context_for(command: Any, args: Sequence[str] | None, prog_name: str | None) -> Any:
    """A context for the usage line when click raised without one (an option missing its value)."""
    ctx = click.Context(command, info_name=prog_name or "reporter")
    words = list(args or ())
    while hasattr(ctx.command, "commands") and words and words[0] in ctx.command.commands:
        ctx = click.Context(ctx.command.commands[words[0]], info_name=words[0], parent=ctx)
        words = words[1:]
    return ctx


def usage_json(message: str) -> str:
    """The --json summary of a command that was written wrong: the keys of every summary, nothing done."""
    import json

    empty: dict[str, Any] = {key: [] for key in ("processed", "skipped", "failed", "ignored", "outputs")}
    data = {**empty, "review": None, "log": None, "error": message, "exit_code": 2}
    return json.dumps(data, ensure_ascii=False, indent=2)


def _show_usage_error(exc: Any, command: Any, args: Sequence[str] | None, prog_name: str | None) -> None:
    ctx = getattr(exc, "ctx", None) or _context_for(command, args, prog_name)
    if "--json" in (args or ()):  # a script reading stdout gets a summary, not nothing
        print(usage_json(usage_message(exc)))
    lines = [f"错误：{usage_message(exc)}"]
    if ctx is not None:
        lines.append(_usage_line(ctx.command, ctx))
        lines.append(f"查看帮助：{ctx.command_path} -h")
    print("\n".join(lines), file=sys.stderr)


def _main_zh(
    command: Any, super_main: Any, args: Sequence[str] | None, standalone_mode: bool, kwargs: dict
) -> Any:
    """Run the command with click's own handling off, then handle its errors in Chinese."""
    try:
        rv = super_main(args=args, standalone_mode=False, **kwargs)
    except click.exceptions.NoArgsIsHelpError as exc:
        if not standalone_mode:
            raise
        print(exc.ctx.get_help(), file=sys.stderr)
        sys.exit(2)
    except click.exceptions.UsageError as exc:
        if not standalone_mode:
            raise
        _show_usage_error(exc, command, args, kwargs.get("prog_name"))
        sys.exit(exc.exit_code)
    except click.exceptions.ClickException as exc:
        if not standalone_mode:
            raise
        print(f"错误：{usage_message(exc)}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except typer.Abort:
        if not standalone_mode:
            raise
        print("已取消", file=sys.stderr)
        sys.exit(1)
    if not standalone_mode:
        return rv
    sys.exit(rv if isinstance(rv, int) else 0)


class _Chinese:
    """The help page and the usage errors in Chinese, for a typer command or group (mixed in first)."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        format_help_zh(self, ctx, formatter)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        kwargs = {
            "prog_name": prog_name,
            "complete_var": complete_var,
            "windows_expand_args": windows_expand_args,
        }
        return _main_zh(self, super().main, args, standalone_mode, {**kwargs, **extra})  # type: ignore[misc]


class ChineseCommand(_Chinese, TyperCommand):
    """A typer command whose help page and usage errors are in Chinese."""


class ChineseGroup(_Chinese, TyperGroup):
    """A typer group (the program, `templates`) whose help page and usage errors are in Chinese."""

    order: tuple[str, ...] = ()  # commands listed first, in this order (the rest follow as registered)

    def list_commands(self, ctx: Any) -> list[str]:
        names = super().list_commands(ctx)
        return sorted(names, key=lambda n: self.order.index(n) if n in self.order else len(self.order))


class ChineseTyper(typer.Typer):
    """typer.Typer whose commands and sub-groups default to the Chinese classes above."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("cls", ChineseGroup)
        kwargs.setdefault("pretty_exceptions_enable", False)  # main() turns bugs into one line and a log
        super().__init__(**kwargs)

    def command(self, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("cls", ChineseCommand)
        return super().command(*args, **kwargs)
