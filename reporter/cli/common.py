"""What every command shares: the typer app, the option types, messages and checks of outputs."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .. import __version__
from ..folders import command_arg
from .zh import ChineseGroup, ChineseTyper

if TYPE_CHECKING:
    pass

COMMANDS = ("run", "watch", "review", "extract", "ledger", "brief", "schema", "templates")


class ReporterGroup(ChineseGroup):
    order = COMMANDS


app = ChineseTyper(
    cls=ReporterGroup,
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="把工作报告（.txt / .docx 等）整理成 Excel 台账、Word 简报和核对页。\n\n"
    "Example: reporter run 报告文件夹 -o 输出\n\n"
    "也可以只写文件夹（或把文件夹拖到程序上）：reporter 报告文件夹，"
    "结果写在它旁边的“报告文件夹_台账简报”里。",
)
templates_app = ChineseTyper(
    help="查看或复制可编辑的模板（字段表、台账、简报、词表）。", no_args_is_help=True
)
app.add_typer(templates_app, name="templates")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"reporter {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help="显示版本号后退出。")
    ] = False,
) -> None:
    """把工作报告整理成 Excel 台账和 Word 简报。"""


# ------------------------------------------------------------------------------------------ helpers
PathsArg = Annotated[
    list[Path], typer.Argument(help="报告文件或文件夹（文件夹会递归查找）。", show_default=False)
]
TemplatesOpt = Annotated[
    Path | None,
    typer.Option("--templates", "-t", help="自定义模板文件夹（按文件覆盖默认模板）。", show_default=False),
]
RefDateOpt = Annotated[
    str | None,
    typer.Option(
        "--ref-date",
        metavar="日期",
        help="参考日期（如 2024-03-05）：补全没有年份的日期、解释“昨日”。",
        show_default=False,
    ),
]


def err(message: str) -> None:
    from ..jobs.inputs import readable

    typer.echo(readable(message), err=True)  # a file name that is not UTF-8 shown readably (issue 19)


def _fail(exc: Exception) -> typer.Exit:
    err(f"错误：{exc}")
    return typer.Exit(1)


def _ref_date(text: str | None) -> dt.date | None:
    """--ref-date as people write dates: 2024-03-05, 2024-3-5, 2024/3/5, 2024.3.5, 2024年3月5日, 20240305."""
    if not text:
        return None
    import re

    match = re.fullmatch(
        r"\s*(\d{4})(?:\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?|(\d{2})(\d{2}))\s*", text
    )
    if match:
        year, month, day = match.group(1), match.group(2) or match.group(4), match.group(3) or match.group(5)
        with contextlib.suppress(ValueError):
            return dt.date(int(year), int(month), int(day))
    raise typer.BadParameter(
        f"“{text}”不是有效的日期；请写成 YYYY-MM-DD，例如 2024-03-05", param_hint="--ref-date"
    )


def _options(templates: Path | None, ref_date: str | None):
    from ..jobs.pipeline import Options

    return Options(templates=templates, ref_date=_ref_date(ref_date))


def _load_schema(templates: Path | None):
    from ..errors import ReporterError
    from ..schema import load_schema

    try:
        return load_schema(templates=templates)
    except ReporterError as exc:
        raise _fail(exc) from None


# ------------------------------------------------------------------------------------------- run
JobsOpt = Annotated[
    int | None,
    typer.Option("--jobs", "-j", min=1, show_default=False, help="同时处理的进程数（默认：CPU 核数）。"),
]
TimeoutOpt = Annotated[
    float,
    typer.Option("--timeout", min=0, help="每个文件最多处理多少秒，超时记为失败、其余照常（0 = 不限）。"),
]
MemoryOpt = Annotated[
    int,
    typer.Option(
        "--memory",
        min=0,
        help="每个处理进程加载词典后最多再用多少 MB 内存，超出记为失败"
        "（Linux 有效，Windows/macOS 不限；0 = 不限）。",
    ),
]
WaitOpt = Annotated[
    float, typer.Option("--wait", min=0, help="另一个 reporter 正在写同一输出文件夹时，最多等多少秒。")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="在标准输出打印机器可读的运行摘要（JSON）。")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="只输出错误（适合计划任务）。")]
IssueNoOpt = Annotated[
    int | None,
    typer.Option(
        "--issue-no",
        min=1,
        show_default=False,
        help="本期简报的期号（默认：接着上一期编号，每年从第1期开始）。",
    ),
]
EvidenceOpt = Annotated[
    bool, typer.Option("--evidence", help="简报里每个值加一条批注，写明它出自原文哪一句。")
]
RefreshOpt = Annotated[
    bool,
    typer.Option(
        "--refresh",
        help="重新抽取台账里已有的报告：程序原来填的值换成新值，人工改过的单元格保持不动；每处不同都列出来。",
    ),
]
# --- 简报 publication (reporter/publication.py)
ReissueOpt = Annotated[
    bool,
    typer.Option(
        "--reissue",
        help="已经编入过简报的报告也重新编入本期简报（与 --refresh 一起用）；默认每份报告只编入一期。",
    ),
]


OUTPUT_SUFFIXES = (".xlsx", ".xls", ".docx", ".doc", ".html", ".htm", ".pdf", ".txt")


def _check_name_length(out: Path, advice: str = "文件名或路径太长；请换一个短一些的名字") -> None:
    """A name the system refuses as too long is said so at once (as a usage error of -o), not later
    as a failure to write."""
    try:
        os.stat(out)
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise typer.BadParameter(f"“{out}”：{advice}", param_hint="-o") from None


def _check_outdir(outdir: Path) -> None:
    """`run -o 台账.xlsx` names a file where a folder is wanted: say so instead of making a folder of that name."""
    _check_name_length(outdir, "文件夹名或路径太长；请换一个短一些的输出文件夹")
    if os.path.isdir(outdir):
        return
    where = "例如 -o 输出"
    if outdir.name in ("台账.xlsx", "简报.docx", "核对.html") and outdir.parent != Path():
        where = f"要写到 {outdir.parent} 里，请用 -o {command_arg(outdir.parent)}"
    if os.path.lexists(outdir):
        raise typer.BadParameter(
            f"“{outdir}”是一个文件，不是文件夹；-o 要给一个文件夹（{where}）", param_hint="-o"
        )
    if outdir.suffix.lower() in OUTPUT_SUFFIXES:
        raise typer.BadParameter(
            f"“{outdir}”像是一个文件名；-o 要给一个文件夹，台账.xlsx 和 简报.docx 都写在里面（{where}）",
            param_hint="-o",
        )


def _output_file(out: Path, default_name: str) -> Path:
    """`-o` of ledger/brief: a file path with the right suffix, or a folder (made when missing) to put the
    file into under its usual name. Another suffix is refused: Excel cannot open a 台账.docx, nor Word a
    简报.xlsx, and an existing file of another kind must not be overwritten."""
    _check_name_length(out)
    if os.path.isdir(out):
        return out / default_name
    suffix = Path(default_name).suffix
    what = "台账" if suffix == ".xlsx" else "简报"
    if out.suffix.lower() == suffix:
        return out
    if os.path.lexists(out):
        raise typer.BadParameter(
            f"“{out}”是一个已有的文件，不是{what}（{suffix}）；请给出 {suffix} 文件名或一个文件夹，"
            f"例如 -o {default_name}",
            param_hint="-o",
        )
    if out.suffix and not out.suffix[1:].isdigit():  # 简报.xlsx, 台账.docx; "第3.5期" is a name, not a kind
        raise typer.BadParameter(
            f"{what}要存成 {suffix} 文件，“{out}”的扩展名是 {out.suffix}；请改成 {out.with_suffix(suffix)}，"
            "或给一个文件夹",
            param_hint="-o",
        )
    return out / default_name  # a name without suffix: the folder to put it in (made when missing)


def _issue_label(outdir: Path) -> str | None:
    """The 期号 of the briefing a run just wrote into `outdir` (2024年第3期), from the briefing's state."""
    from ..writers.briefing.issues import load_state

    state = load_state(outdir)
    return f"{state['year']}年第{state['last']}期" if state and state["last"] > 0 else None


SHOWN = 10  # lines of one kind (reports not added to the ledger) printed one by one


def _ledger_report(ledger, quiet: bool = False) -> None:
    """What writing the ledger did, on stderr: reports not added, and with --refresh every difference."""
    if ledger is None:
        return
    for warning in ledger.warnings:
        err(f"注意：{warning}")
    if quiet:
        return
    refused = [skip for skip in ledger.skipped if skip.kind != "already"]
    for skip in refused[:SHOWN]:
        err(f"未加入台账：{skip.path.name}（{skip.reason}）")
    if len(refused) > SHOWN:  # 40 copies of one notice: ten lines, then the names of the rest
        rest = [skip.path.name for skip in refused[SHOWN:]]
        names = "、".join(rest[:SHOWN]) + ("等" if len(rest) > SHOWN else "")
        err(f"另有 {len(rest)} 份未加入台账（内容重复或疑似重复）：{names}")
    for diff in ledger.differences:
        err(("保留人工修改：" if diff.kept else "已更新：") + diff.describe())
    err(ledger.summary())


def _run_options(
    templates: Path | None, ref_date: str | None, jobs: int | None, timeout: float, memory: int, wait: float
):
    import dataclasses

    return dataclasses.replace(
        _options(templates, ref_date), jobs=jobs, timeout=timeout or None, memory_mb=memory or None, wait=wait
    )


def _beside(first: Path) -> Path:
    """Where results of a dropped folder or file go: 一月报告 → 一月报告_台账简报 beside it; a file → 台账简报 beside it."""
    return first.parent / f"{first.name}_台账简报" if os.path.isdir(first) else first.parent / "台账简报"
