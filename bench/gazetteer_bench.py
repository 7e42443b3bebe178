"""The division table: load time (once per process) and place-chain search against jieba's cut.

    python bench/gazetteer_bench.py            # texts from seeds/ and ../shared/devset/docs/ when present

Prints figures only (no assertions): the load in ms, then the time to find every place chain in all the
texts, at every offset and at jieba's word starts only (what the extractor does), beside one jieba cut of
the same texts.
"""

from __future__ import annotations

import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    from reporter.extractor.gazetteer import gazetteer  # (imports the extractor package)

    t = time.perf_counter()
    g = gazetteer()
    load = time.perf_counter() - t
    from reporter.extractor.segment import cut

    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
        (ROOT.parent / "shared/devset/docs").glob("*.txt")
    )
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    cut(texts[0], ())  # jieba's dictionary loads once, outside the timing
    starts = [[w[1] for w in cut(x, ())] for x in texts]
    best = {"every offset": 1e9, "word starts": 1e9, "jieba cut": 1e9}
    for _ in range(3):
        t = time.perf_counter()
        for x in texts:
            g.find(x)
        best["every offset"] = min(best["every offset"], time.perf_counter() - t)
        t = time.perf_counter()
        for x, s in zip(texts, starts, strict=True):
            g.find(x, starts=s)
        best["word starts"] = min(best["word starts"], time.perf_counter() - t)
        t = time.perf_counter()
        for x in texts:
            cut(x, ())
        best["jieba cut"] = min(best["jieba cut"], time.perf_counter() - t)
    chars = sum(map(len, texts))
    print(
        f"division table: {len(g.full)} full names, {len(g.short)} short forms, loaded in {load * 1000:.0f} ms"
    )
    print(f"{len(texts)} texts, {chars} characters (best of 3):")
    for name, seconds in best.items():
        print(f"  {name:13s} {seconds * 1000:7.1f} ms  ({seconds / len(texts) * 1000:.2f} ms per text)")


if __name__ == "__main__":
    main()
