"""reporter: Chinese work reports → an Excel ledger (台账) and a Word briefing (简报).

    from reporter import read, extract, load_schema
    record = extract(read("seeds/seed.txt"), load_schema())

Heavy modules are imported on first use so that `reporter --help` starts fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Block",
    "Evidence",
    "Failure",
    "Found",
    "Metric",
    "Person",
    "Record",
    "ReporterError",
    "SourceDoc",
    "Span",
    "__version__",
    "extract",
    "load_schema",
    "read",
    "record_to_dict",
    "run",
    "write_briefing",
    "write_ledger",
]

_LAZY = {
    "read": ("reporter.readers", "read"),
    "extract": ("reporter.extractor", "extract"),
    "load_schema": ("reporter.schema", "load_schema"),
    "run": ("reporter.jobs.pipeline", "run"),
    "write_ledger": ("reporter.writers", "write_ledger"),
    "write_briefing": ("reporter.writers", "write_briefing"),
    "record_to_dict": ("reporter.writers.jsonl", "record_to_dict"),
    "ReporterError": ("reporter.errors", "ReporterError"),
    **{
        name: ("reporter.model", name)
        for name in (
            "Record",
            "SourceDoc",
            "Found",
            "Evidence",
            "Span",
            "Block",
            "Person",
            "Metric",
            "Failure",
        )
    },
}

if TYPE_CHECKING:  # pragma: no cover
    from .errors import ReporterError
    from .extractor import extract
    from .jobs.pipeline import run
    from .model import Block, Evidence, Failure, Found, Metric, Person, Record, SourceDoc, Span
    from .readers import read
    from .schema import load_schema
    from .writers import write_briefing, write_ledger
    from .writers.jsonl import record_to_dict


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'reporter' has no attribute {name!r}")
