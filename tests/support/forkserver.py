"""The worker fork server as the tests see it: its pid, and whether a process is still alive."""

from __future__ import annotations

import os
from multiprocessing import forkserver


def server_pid() -> int | None:
    return getattr(forkserver._forkserver, "_forkserver_pid", None)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
