"""The main job as a library: find the inputs, read and extract each, write the ledger and briefing.

    result = run([Path("seeds")], Path("output"))
    result.records, result.failures, result.outputs

One bad file never stops the run: it becomes a Failure with its reason, and the others go on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from .errors import ReporterError
from .inputs import iter_inputs
from .model import Failure, Record
from .schema import Schema, load_schema

LEDGER_NAME = "台账.xlsx"
BRIEFING_NAME = "简报.docx"


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    """What shapes extraction, shared by every file of a run."""

    templates: Path | None = None
    ref_date: dt.date | None = None
    jobs: int = 1                    # worker processes for extraction (issue 6)
    refresh: bool = False            # re-extract reports already in the ledger (issue 4)
    issue_no: int | None = None      # the briefing's 期号; None = continue from the last run (issue 5)
    evidence: bool = False           # attach each value's source sentence to the briefing as a comment


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
