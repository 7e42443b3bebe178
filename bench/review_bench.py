"""How big and how fast: the 核对页 (issue 17) with N reports, opened in a real browser (headless chromium).

    python bench/review_bench.py                  # 1,000 reports of about 3,000 characters
    python bench/review_bench.py --n 1000 --chars 8000

The reports are the seeds, extracted once, then copied N times as distinct reports (their own SHA-256,
file name, 序号 and time; the text lengthened to --chars with the report's own paragraphs, so every value
still points at its own text). They go into a record store as a run keeps them, then the page is
written from the store (what `reporter review` does) and opened from file:// in chromium at 1366×768.

Printed: the time to build the page, its size (total and per report), and in the browser: opening (from
navigation start to the end of the load event, the page's script included), and the time until the next
frame after each action: selecting a report, clicking a value (text rendered, mark scrolled into view),
↓ to the next report, the 待核 filter, a month filter, a search over every report's text.
Not a test: the machine is shared, check `uptime` first.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def make_store(outdir: Path, n: int, chars: int) -> None:
    import dataclasses
    import hashlib

    from reporter.extractor import extract
    from reporter.readers import read
    from reporter.schema import load_schema
    from reporter.writers.review.store import Store

    schema = load_schema()
    seeds = [ROOT / "seeds" / name for name in ("seed.txt", "work-update.txt", "notice.docx", "seed.docx")]
    base = [extract(read(p), schema) for p in seeds]
    store = Store(outdir)
    units = [
        "县公安局",
        "县应急管理局",
        "县教育局",
        "县卫健委",
        "县民政局",
        "县交通运输局",
        "县财政局",
        "县林草局",
    ]
    for i in range(n):
        record = base[i % len(base)]
        body = record.text
        while len(body) < chars:
            body += "\n" + record.text[: max(1, chars - len(body))]
        sha = hashlib.sha256(f"{i}".encode()).hexdigest()
        record = dataclasses.replace(
            record,
            sha256=sha,
            path=Path(f"/srv/报告/{2024 + i // 400}年/{units[i % 8]}第{i + 1}号.txt"),
            text=body,
        )
        store.put(record, i + 1, f"2024-{1 + (i // 90) % 12:02d}-01 09:00:00")
    store.save()


def frame_after(driver, action: str) -> float:
    """Milliseconds from running `action` (JavaScript) to the second animation frame after it."""
    return driver.execute_async_script(
        "var done = arguments[0], t = performance.now();"
        + action
        + ";requestAnimationFrame(function () { requestAnimationFrame(function () { done(performance.now() - t); }); });"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000, help="reports (default 1000)")
    ap.add_argument("--chars", type=int, default=3000, help="characters of text per report (default 3000)")
    ap.add_argument(
        "--repeat", type=int, default=3, help="times each browser figure is taken (median printed)"
    )
    args = ap.parse_args()

    from reporter.schema import load_schema
    from reporter.writers.review import write_review
    from tests.support.browser import chromium

    print(f"load average: {os.getloadavg()[0]:.2f} ({os.cpu_count()} cores)")
    with tempfile.TemporaryDirectory(prefix="review-bench-") as tmp:
        out = Path(tmp) / "输出"
        t = time.perf_counter()
        make_store(out, args.n, args.chars)
        print(
            f"store of {args.n} reports: {time.perf_counter() - t:.1f} s (setup, extraction of the seeds included)"
        )
        store_bytes = sum(p.stat().st_size for p in (out / ".reporter" / "records").rglob("*.gz"))
        print(f"store size: {store_bytes / 1e6:.1f} MB ({store_bytes / args.n / 1024:.1f} KB a report, gzip)")
        schema = load_schema()
        t = time.perf_counter()
        page = write_review(out, schema)
        build = time.perf_counter() - t
        size = page.stat().st_size
        print(
            f"page build: {build:.2f} s; page size: {size / 1e6:.1f} MB ({size / args.n / 1024:.1f} KB a report)"
        )

        figures: dict[str, list[float]] = {}
        with chromium() as driver:
            for _ in range(args.repeat):
                t = time.perf_counter()
                driver.get(page.as_uri())
                wall = (time.perf_counter() - t) * 1000
                nav = driver.execute_script(
                    "var e = performance.getEntriesByType('navigation')[0]; return [e.domContentLoadedEventEnd, e.loadEventEnd];"
                )
                assert (
                    driver.execute_script("return document.documentElement.getAttribute('data-ready')") == "1"
                )
                figures.setdefault("open: navigation → load event end (ms)", []).append(nav[1])
                figures.setdefault("open: driver.get wall clock (ms)", []).append(wall)
                figures.setdefault("select a report far down the list (ms)", []).append(
                    frame_after(driver, f"document.getElementById('r{args.n // 2}').click()")
                )
                figures.setdefault("click a value: text + mark + scroll (ms)", []).append(
                    frame_after(driver, "document.querySelectorAll('#fields .val')[6].click()")
                )
                figures.setdefault("↓ to the next report (ms)", []).append(
                    frame_after(
                        driver,
                        "document.getElementById('list').dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowDown', bubbles: true}))",
                    )
                )
                figures.setdefault("待核 filter on (ms)", []).append(
                    frame_after(driver, "document.getElementById('only').click()")
                )
                figures.setdefault("待核 filter off (ms)", []).append(
                    frame_after(driver, "document.getElementById('only').click()")
                )
                figures.setdefault("month filter (ms)", []).append(
                    frame_after(
                        driver,
                        "var m = document.getElementById('month'); m.selectedIndex = 2; m.dispatchEvent(new Event('change'))",
                    )
                )
                figures.setdefault(
                    "search every report's text, first time (ms, after the 120 ms pause)", []
                ).append(
                    driver.execute_async_script(
                        "var done = arguments[0], q = document.getElementById('q'), c = document.getElementById('count');"
                        "var m = document.getElementById('month'); m.selectedIndex = 0; m.dispatchEvent(new Event('change'));"
                        "var before = c.textContent, t = performance.now();"
                        "q.value = '扫黑除恶 推进会'; q.dispatchEvent(new Event('input'));"
                        "(function wait() { if (c.textContent !== before) { requestAnimationFrame(function () {"
                        " done(performance.now() - t - 120); }); } else { setTimeout(wait, 5); } })();"
                    )
                )
            heap = driver.execute_script("return performance.memory ? performance.memory.usedJSHeapSize : 0")
        for name, values in figures.items():
            print(
                f"{name:<72} {statistics.median(values):8.0f}   (all: {', '.join(f'{v:.0f}' for v in values)})"
            )
        if heap:
            print(f"JavaScript heap after the run: {heap / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
