"""The 核对页, the schema and the templates: `reporter review`, `reporter schema`, `reporter templates`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from ..folders import command_arg
from .common import (
    TemplatesOpt,
    WaitOpt,
    _fail,
    _load_schema,
    app,
    err,
    templates_app,
)


# ---------------------------------------------------------------------------------- review (issue 17)
@app.command()
def review(
    outdir: Annotated[
        Path,
        typer.Argument(help="输出文件夹（reporter run -o 给的那个，里面有 台账.xlsx）。", show_default=False),
    ],
    no_open: Annotated[
        bool, typer.Option("--no-open", help="只重新生成核对页并打印它的路径，不打开浏览器。")
    ] = False,
    templates: TemplatesOpt = None,
    wait: WaitOpt = 60.0,
) -> None:
    """重新生成核对页（台账旁边的 核对.html）并在默认浏览器中打开：逐份报告、逐个值对照原文核对。

    Example: reporter review output
    """
    from ..errors import ReporterError
    from ..jobs.state import OutputLock
    from ..writers.review import has_review_data, write_review

    if not os.path.isdir(outdir):
        if os.path.lexists(outdir):
            what = "是一个文件，不是输出文件夹"
            if outdir.name == "台账.xlsx" or outdir.suffix.lower() in (".html", ".docx"):
                what += f"；请给出它所在的文件夹：reporter review {command_arg(outdir.parent)}"
            err(f"错误：{outdir}：{what}")
        else:
            err(f"错误：{outdir}：输出文件夹不存在；请给出 reporter run -o 用过的文件夹")
        raise typer.Exit(1)
    if not has_review_data(outdir):
        err(
            f"错误：{outdir}：这里还没有台账和核对资料；请先运行 reporter run 报告文件夹 -o {command_arg(outdir)}"
        )
        raise typer.Exit(1)
    schema = _load_schema(templates)
    try:
        with OutputLock(outdir, wait=wait):
            page = write_review(outdir, schema, templates=templates)
    except ReporterError as exc:
        raise _fail(exc) from None
    typer.echo(str(page))
    if no_open:
        return
    import webbrowser

    try:
        opened = webbrowser.open(page.resolve().as_uri())
    except (webbrowser.Error, OSError):
        opened = False
    if not opened:
        err(f"无法自动打开浏览器；请在浏览器中打开 {page}")


# ------------------------------------------------------------------------------ schema / templates
@app.command()
def schema(templates: TemplatesOpt = None) -> None:
    """列出字段表：字段名、表头、类型（来自当前生效的 schema.toml）。

    Example: reporter schema
    """
    sch = _load_schema(templates)
    typer.echo(f"# {sch.path}")
    for spec in sch.fields:
        where = "".join(["台账" if spec.ledger else "", "、简报" if spec.briefing else ""]).lstrip("、")
        typer.echo(f"{spec.key:<10}\t{spec.header}\t{spec.kind}\t{where}")


@templates_app.command("init")
def templates_init(
    target: Annotated[Path, typer.Argument(help="放模板副本的文件夹。")],
    force: Annotated[bool, typer.Option("--force", help="覆盖文件夹里已有的同名文件。")] = False,
) -> None:
    """把默认模板复制到文件夹里供修改；用 --templates 文件夹 使用它们。

    Example: reporter templates init 我的模板
    """
    from ..errors import output_error
    from ..templates import init_templates

    if os.path.lexists(target) and not os.path.isdir(target):
        raise typer.BadParameter(f"“{target}”是一个文件，不是文件夹；请换一个文件夹名", param_hint="文件夹")
    try:
        written = init_templates(target, force=force)
    except OSError as exc:  # no permission, name too long, disk full …
        raise _fail(output_error(exc, target, "复制模板")) from None
    for path in written:
        typer.echo(str(path))
    err(f"已复制 {len(written)} 个模板到 {target}；修改后用 --templates {command_arg(target)} 使用")


@templates_app.command("show")
def templates_show(templates: TemplatesOpt = None) -> None:
    """列出每个模板当前生效的文件。

    Example: reporter templates show --templates 我的模板
    """
    from ..templates import show_templates

    if templates is not None:
        _load_schema(templates)  # a templates folder that is missing or broken: its own message, exit 1
    for name, path, desc in show_templates(templates):
        typer.echo(f"{name}\t{path or '（无）'}\t{desc}")
