"""Imported by the worker fork server only (see reporter.jobs.workers): load the readers, the extractor,
jieba and what the rules load on first use, once, so that every worker forked from the server has them."""

from __future__ import annotations

import signal

# Ctrl+C reaches the whole process group: it is the parent's to handle. The fork server ignores it
# itself, but only after this module is imported, so a Ctrl+C during the warm-up printed a traceback.
signal.signal(signal.SIGINT, signal.SIG_IGN)

try:
    from .jobs.job import Options
    from .jobs.workers import warm_up

    warm_up(Options())
except Exception:
    pass
