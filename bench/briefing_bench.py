"""How long the briefing takes for many reports: the fast XML body against python-docx's own calls.

    python bench/briefing_bench.py            # 1,000 and 4,000 reports
    python bench/briefing_bench.py 200 1000   # other sizes

For each size it prints the time of write_briefing (items, template check, XML body, docxtpl fill, save to
the archive and the output, the journal line), the same with --evidence (a Word comment per part), the time
to add 10 reports to the day's issue of that size (期号周期 = 每天: the issue is written again from the
journal's items), the journal's size, and, for comparison, the time python-docx's add_paragraph/add_run take
for the same items alone. Figures go in README.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from reporter.model import Found, Record
from reporter.schema import load_schema
from reporter.writers import write_briefing
from reporter.writers.briefing.content import build_content
from reporter.writers.render import value_text
from tests.support.briefing_records import seed_like_records


def many_records(n: int) -> list[Record]:
    """n distinct reports from 60 units, made from the hand-made seed records."""
    base = [r for r in seed_like_records() if r.path.name != "seed.docx"]
    out = []
    for i in range(n):
        rec = base[i % len(base)]
        unit = f"第{i % 60 + 1}县公安局"
        fields = dict(rec.fields)
        title = fields["title"][0]
        fields["title"] = (Found(f"{value_text(title.value)}（{i + 1}）", title.evidence, title.rule),)
        org = fields["organizer"][0]
        fields["organizer"] = (Found(unit, org.evidence, org.rule),)
        out.append(replace(rec, path=Path(f"r{i}.txt"), sha256=f"{i:064x}", fields=fields))
    return out


def python_docx_sections(records: list[Record], schema) -> float:
    """The report sections of the body written with python-docx's high-level calls (for comparison)."""
    from docx import Document

    doc = Document(str(ROOT / "templates" / "briefing.docx"))
    content = build_content(records, schema)
    start = time.perf_counter()
    for unit, items in content.groups:
        doc.add_paragraph(f"一、{unit}", style="一级标题")
        for n, item in enumerate(items, 1):
            p = doc.add_paragraph(style="二级标题")
            p.add_run(f"（{n}）")
            p.add_run(item.heading)
            p = doc.add_paragraph(style="简报正文")
            p.add_run(item.lead)
            for figure in item.figures:
                p.add_run(figure + "，")
            p.add_run(item.requirement)
    return time.perf_counter() - start


def timed(records: list[Record], schema, evidence: bool) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        write_briefing(
            records, schema, Path(tmp) / "简报.docx", evidence=evidence, today=dt.date(2024, 6, 30)
        )
        return time.perf_counter() - start


def add_ten(records: list[Record], schema) -> tuple[float, int]:
    """Seconds to add 10 reports to the day's issue already holding `records`, and the journal's bytes."""
    from reporter.writers.briefing import write_briefing as publish

    more = many_records(len(records) + 10)[len(records) :]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "简报.docx"
        day = dt.date(2024, 6, 30)
        publish(records, schema, out, today=day, period="每天")
        start = time.perf_counter()
        result = publish(more, schema, out, today=day, period="每天")
        took = time.perf_counter() - start
        assert result.rewritten and result.reports == len(records) + 10
        return took, (Path(tmp) / "简报存档" / ".发布记录.jsonl").stat().st_size


def main(sizes: list[int]) -> None:
    schema = load_schema()
    timed(many_records(10), schema, False)  # warm up imports
    print(
        f"{'reports':>8} {'briefing':>10} {'per report':>11} {'--evidence':>11} {'add 10 (每天)':>13}"
        f" {'journal':>9} {'python-docx items':>18}"
    )
    for n in sizes:
        records = many_records(n)
        plain = timed(records, schema, False)
        with_evidence = timed(records, schema, True)
        rewrite, journal = add_ten(records, schema)
        high_level = python_docx_sections(records, schema)
        print(
            f"{n:>8} {plain:>9.2f}s {plain / n * 1000:>8.2f} ms {with_evidence:>10.2f}s {rewrite:>12.2f}s"
            f" {journal / 1024:>7.0f}KB {high_level:>9.2f}s ({high_level / n * 1000:.2f} ms/report)"
        )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 4000])
