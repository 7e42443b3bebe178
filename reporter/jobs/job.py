"""What one file's extraction needs, shared by the run and its worker processes (no import of either)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..errors import ReporterError
from ..model import Failure, Record
from ..schema import Schema

LEDGER_NAME = "台账.xlsx"
BRIEFING_NAME = "简报.docx"


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    """What shapes extraction, shared by every file of a run."""

    templates: Path | None = None
    ref_date: dt.date | None = None
    jobs: int | None = None  # worker processes for extraction; None = one per core
    timeout: float | None = 60.0  # seconds per file before it becomes a Failure; None = no limit
    memory_mb: int | None = 1024  # extra memory per worker after loading (POSIX only); None = no limit
    wait: float = 0.0  # seconds to wait for another run holding the output folder
    refresh: bool = False  # re-extract reports already in the ledger (issue 4)
    issue_no: int | None = None  # the briefing's 期号; None = continue from the last run (issue 5)
    evidence: bool = False  # attach each value's source sentence to the briefing as a comment
    # --- 简报 publication (reporter/publication.py)
    reissue: bool = False  # publish reports already in an issue again (with --refresh)
    default_period: str = "每次运行"  # 期号周期 when briefing.toml leaves it empty (watch: 每天)


DEFAULT_OPTIONS = Options()  # frozen: one shared default


def process(path: Path, schema: Schema, options: Options = DEFAULT_OPTIONS) -> Record | Failure:
    """Read and extract one file; a ReporterError becomes a Failure naming the file and the reason."""
    from ..extractor import extract
    from ..readers import read

    try:
        doc = read(path)
        return extract(doc, schema, ref_date=options.ref_date, templates=options.templates)
    except ReporterError as exc:
        return Failure(path=path, reason=exc.reason, message=str(exc))
