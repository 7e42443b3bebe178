"""Every message the command-line framework can show a user is Chinese: help pages and usage errors."""

from __future__ import annotations

import re

import pytest
import typer
from typer.testing import CliRunner

from reporter.cli import app
from reporter.cli.zh import usage_message, width, wrap

runner = CliRunner()
ENGLISH_SCAFFOLD = re.compile(
    r"Usage:|Options:|Arguments:|Commands:|Show this message|\[default|\[required\]|<list|x>=|Error:|Try '"
)


def _commands():
    group = typer.main.get_command(app)
    yield [], group
    for name, command in group.commands.items():
        yield [name], command
        for sub in getattr(command, "commands", {}):
            yield [name, sub], command.commands[sub]


@pytest.mark.parametrize("argv", [argv for argv, _ in _commands()], ids=lambda a: " ".join(a) or "reporter")
def test_help_pages_have_no_english_scaffolding(argv):
    result = runner.invoke(app, [*argv, "--help"], prog_name="reporter")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("用法：reporter")
    assert "显示这份帮助后退出。" in result.output
    assert not ENGLISH_SCAFFOLD.search(result.output), result.output


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["run", "seeds", "--bogus"], "没有 --bogus 这个选项"),
        (["run"], "缺少路径"),
        (["run", "seeds", "-j", "0"], "--jobs 要给不小于 1 的整数，“0”不行"),
        (["run", "seeds", "--timeout", "abc"], "--timeout 要给不小于 0 的数字，“abc”不行"),
        (["extract", "seeds", "--format", "xml"], "--format 只能是 json、jsonl、table、text 之一"),
        (["run", "seeds", "-o"], "选项 -o 后面要跟一个值"),
        (["rnu", "seeds"], "没有 rnu 这个命令（是不是 run？）"),
        (["不存在的文件夹"], "找不到“不存在的文件夹”：没有这个文件或文件夹"),
        (["D:/报告/一月"], "找不到“D:/报告/一月”"),
        (
            ["extract", "seeds", "--ref-date", "2024/13/01"],
            "--ref-date 的值不对：“2024/13/01”不是有效的日期；请写成 YYYY-MM-DD",
        ),
    ],
)
def test_usage_errors_are_one_chinese_line_with_usage_and_help(argv, expected):
    result = runner.invoke(app, argv, prog_name="reporter")
    assert result.exit_code == 2
    first, *rest = result.stderr.splitlines()
    assert first.startswith("错误："), result.stderr
    assert expected in first
    assert rest[0].startswith("用法：reporter")
    assert rest[1].startswith("查看帮助：reporter")
    assert not ENGLISH_SCAFFOLD.search(result.stderr), result.stderr


def test_unknown_message_keeps_its_text_inside_a_chinese_sentence():
    class Odd(Exception):
        message = "something new"

    assert usage_message(Odd()) == "命令用法不对（something new）"


def test_wrap_counts_cjk_as_two_columns_and_keeps_latin_words_whole():
    assert width("台账a") == 5
    lines = wrap("超出记为失败（Linux 有效，Windows/macOS 不限）", 24)
    assert all(width(line) <= 24 for line in lines)
    assert any(line.startswith("Windows/macOS") or "Windows/macOS" in line for line in lines)
