"""The command reference (docs/命令参考.md), generated from the commands' own --help pages.

    python -m reporter.cli.reference > docs/命令参考.md

tests/test_docs.py regenerates it and fails when the committed file differs, so it cannot drift.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

HEADER = """# 命令参考

这一页由 `python -m reporter.cli.reference > docs/命令参考.md` 从各命令的 `--help` 生成，测试会检查它没有过时。
命令怎么用、为什么这样设计，见 [README](../README.md) 和 docs/ 里的其他说明。
"""


def _help(argv: list[str]) -> str:
    from typer.testing import CliRunner

    from . import app

    result = CliRunner().invoke(app, [*argv, "--help"], prog_name="reporter", env={"COLUMNS": "100"})
    return result.output.rstrip()


def _commands() -> Iterator[list[str]]:
    import typer

    from . import app

    root = typer.main.get_command(app)
    yield []
    for name, command in getattr(root, "commands", {}).items():
        yield [name]
        for sub in getattr(command, "commands", {}):
            yield [name, sub]


def reference() -> str:
    """The whole page: each command's help as a fenced block under its own heading."""
    os.environ["COLUMNS"] = "100"
    parts = [HEADER]
    for argv in _commands():
        title = " ".join(["reporter", *argv])
        parts.append(f"## `{title}`\n\n```\n{_help(argv)}\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    print(reference(), end="")
