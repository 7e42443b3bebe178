"""Imported by the worker fork server only (see reporter.workers): load the readers, the extractor,
jieba and what the rules load on first use, once, so that every worker forked from the server has them."""

from __future__ import annotations

try:
    from .jobs.job import Options
    from .jobs.workers import warm_up

    warm_up(Options())
except Exception:
    pass
