"""How long `reporter extract` takes on one file, against loading jieba's dictionary alone.

    python bench/single_file_bench.py [--repeat 5] [FILE]

Runs, interleaved, `python -c "import jieba; jieba.initialize()"` and `python -m reporter extract FILE`
(seeds/seed.txt by default) as fresh processes, after one untimed run of each (jieba's cache file and the
OS file cache warm), and prints the best and the median wall time and the best CPU time (user + system) of each, and the
ratios of the bests.
A few files named one by one are extracted in process (reporter.jobs.workers.in_process); the target is a
ratio of at most about 1.5. The machine is shared: note the load it prints with the figures.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child: user + system)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=str(ROOT / "seeds" / "seed.txt"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    commands = {
        "jieba.initialize()": [sys.executable, "-c", "import jieba; jieba.initialize()"],
        "reporter extract": [sys.executable, "-m", "reporter", "extract", args.file],
    }
    for cmd in commands.values():
        timed(cmd, env)
    wall: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.repeat):
        for name, cmd in commands.items():
            w, c = timed(cmd, env)
            wall[name].append(w)
            cpu[name].append(c)
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; {args.repeat} runs each")
    for name in commands:
        print(
            f"{name:20} wall best {min(wall[name]):5.2f} s, median {statistics.median(wall[name]):5.2f} s;"
            f"  CPU best {min(cpu[name]):5.2f} s"
        )
    a, b = "reporter extract", "jieba.initialize()"
    print(
        f"ratio extract / jieba: wall {min(wall[a]) / min(wall[b]):.2f}, CPU {min(cpu[a]) / min(cpu[b]):.2f}"
        "  (target ≤ 1.5; on a loaded machine the CPU ratio is the steadier figure)"
    )


if __name__ == "__main__":
    main()
