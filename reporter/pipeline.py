"""The main job as a library: find the inputs, read and extract each, write the ledger and briefing.

    result = run([Path("seeds")], Path("output"))
    result.records, result.failures, result.outputs

One bad file never stops the run: it becomes a Failure with its reason, and the others go on.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from .errors import ReporterError
from .model import Failure, Record
from .schema import Schema, load_schema

LEDGER_NAME = "台账.xlsx"
BRIEFING_NAME = "简报.docx"

# Files people never mean as reports: system files and Office/WPS lock and temporary files.
_SKIP_NAME = re.compile(
    r"^(?:\..*|~\$.*|~WRL\d+\.tmp|\.~.*|Thumbs\.db|desktop\.ini|ehthumbs\.db|Icon\r|readme(?:\.\w+)?)$|"
    r".*\.(?:tmp|crdownload|part|partial|download|swp|bak)$",
    re.IGNORECASE,
)


def skip_name(name: str) -> bool:
    """Hidden, system, lock and temporary files, and README files, skipped silently inside folders."""
    return bool(_SKIP_NAME.match(name))


def supported(path: Path) -> bool:
    from .readers import READERS

    return path.suffix.lower() in READERS


def iter_inputs(paths: Iterable[Path]) -> Iterator[Path | Failure]:
    """Files to process, in order: files as given, folders recursively (sorted, supported suffixes only).

    Symbolic links to folders are not followed, nor links leading outside the folder given. A path that
    does not exist is a Failure.
    """
    seen: set[Path] = set()
    for given in paths:
        given = Path(given)
        if not given.exists():
            yield Failure(path=given, reason="文件或文件夹不存在", message=f"{given}：文件或文件夹不存在")
            continue
        if given.is_file():
            key = given.resolve()
            if key not in seen:
                seen.add(key)
                yield given
            continue
        root = given.resolve()
        for path in _walk(given, root):
            key = path.resolve()
            if key not in seen:
                seen.add(key)
                yield path


def _walk(folder: Path, root: Path) -> Iterator[Path]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    files, dirs = [], []
    for entry in entries:
        if skip_name(entry.name):
            continue
        try:
            if entry.is_symlink():
                target = Path(entry.path).resolve()
                if entry.is_dir() or not target.is_relative_to(root):
                    continue
            if entry.is_dir(follow_symlinks=False):
                dirs.append(Path(entry.path))
            elif entry.is_file():
                path = Path(entry.path)
                if supported(path):
                    files.append(path)
        except OSError:
            continue
    yield from files
    for sub in dirs:
        if sub.name in ("失败",):  # the watch folder's failure bin
            continue
        yield from _walk(sub, root)


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    """What shapes extraction, shared by every file of a run."""

    templates: Path | None = None
    ref_date: dt.date | None = None


def process(path: Path, schema: Schema, options: Options = Options()) -> Record | Failure:
    """Read and extract one file; a ReporterError becomes a Failure naming the file and the reason."""
    from .extractor import extract
    from .readers import read

    try:
        doc = read(path)
        return extract(doc, schema, ref_date=options.ref_date, templates=options.templates)
    except ReporterError as exc:
        return Failure(path=path, reason=exc.reason, message=str(exc))


def extract_paths(paths: Iterable[Path], schema: Schema, options: Options = Options()) -> Iterator[Record | Failure]:
    """Records (or failures) for every input, in input order."""
    for item in iter_inputs(paths):
        if isinstance(item, Failure):
            yield item
        else:
            yield process(item, schema, options)


@dataclass(slots=True)
class RunResult:
    records: list[Record] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures

    def summary(self) -> str:
        """已处理 12 份，失败 1 份：三月通报.docx（文件已加密）"""
        text = f"已处理 {len(self.records)} 份"
        if self.failures:
            items = "；".join(f"{f.path.name}（{f.reason}）" for f in self.failures)
            text += f"，失败 {len(self.failures)} 份：{items}"
        return text


def run(paths: Iterable[Path], outdir: Path, *, schema: Schema | None = None,
        options: Options = Options()) -> RunResult:
    """The main job: every report under `paths` → outdir/台账.xlsx and outdir/简报.docx."""
    from .writers import write_briefing, write_ledger

    schema = schema or load_schema(templates=options.templates)
    result = RunResult()
    for item in extract_paths(paths, schema, options):
        if isinstance(item, Failure):
            result.failures.append(item)
        else:
            result.records.append(item)
    outdir.mkdir(parents=True, exist_ok=True)
    result.outputs.append(write_ledger(result.records, schema, outdir / LEDGER_NAME, failures=result.failures,
                                       templates=options.templates))
    result.outputs.append(write_briefing(result.records, schema, outdir / BRIEFING_NAME,
                                         templates=options.templates))
    return result
