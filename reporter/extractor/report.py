"""The rule report: for every strategy (Found.rule), where it fired and how often it was right.

    python -m reporter.extractor.report DOCS LABELS [--field title] [--min-docs 2]

DOCS is a folder (its .txt files) or a list of files; LABELS a folder of <stem>.json records written by
hand (the schema's fields). For each strategy name the report prints the number of documents it fired
in, the values it gave, how many of them the labels confirm, and its precision; a strategy that fired in
one document only is marked (仅1篇): a rule written for one document is a smell, not a result.

Values are matched the way the development set is scored: dates exactly; other text after removing
spaces and punctuation, allowing small differences; people by name; metrics by value and unit, then a
similar name; tasks by a similar leading clause.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from ..model import Metric, Person, Record

_PUNCT = re.compile(r"[\s\u3000“”‘’\"'《》〈〉「」『』（）()【】\[\]，,。.、；;：:！!？?·—\-_/]+")
# how similar a value must be to its label, per field (the development set's scoring)
_RATIO = {"tasks": 0.6, "people.title": 0.7}


def norm(text: Any) -> str:
    if text is None:
        return ""
    return _PUNCT.sub("", unicodedata.normalize("NFKC", str(text))).lower()


def similar(a: Any, b: Any, ratio: float = 0.8) -> bool:
    a, b = norm(a), norm(b)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if short in long_ and len(short) >= ratio * len(long_):
        return True
    return SequenceMatcher(None, a, b).ratio() >= ratio


def _same_metric(gold: Any, value: Metric) -> bool:
    if not isinstance(gold, dict):
        return False
    try:
        gv = float(gold["value"])
    except (KeyError, TypeError, ValueError):
        return False
    if abs(gv - float(value.value)) > 1e-6 * max(1.0, abs(gv)) or norm(gold.get("unit")) != norm(value.unit):
        return False
    return similar(gold.get("name"), value.name, 0.5)


def confirmed(key: str, value: Any, gold: Any) -> bool:
    """Whether the labels confirm one extracted value of field key."""
    if gold is None or gold == []:
        return False
    if isinstance(value, Person):
        return any(isinstance(g, dict) and norm(g.get("name")) == norm(value.name) for g in gold)
    if isinstance(value, Metric):
        return any(_same_metric(g, value) for g in gold)
    if isinstance(gold, list):
        return any(similar(g, value, _RATIO.get(key, 0.8)) for g in gold)
    if key == "date":
        return gold == value
    return similar(gold, value, 0.8)


@dataclass
class Tally:
    docs: set[str] = field(default_factory=set)
    values: int = 0
    right: int = 0
    labelled: int = 0  # values from documents that have a label for the field

    def precision(self) -> float | None:
        return self.right / self.labelled if self.labelled else None


def tally(records: Iterable[tuple[str, Record]], labels: dict[str, dict]) -> dict[str, Tally]:
    """Per strategy name: documents, values, values the labels confirm."""
    out: dict[str, Tally] = {}
    for stem, record in records:
        gold_record = labels.get(stem)
        for key, found in record.fields.items():
            for item in found:
                t = out.setdefault(item.rule or f"{key}.?", Tally())
                t.docs.add(stem)
                t.values += 1
                if gold_record is None or key not in gold_record:
                    continue
                t.labelled += 1
                t.right += confirmed(key, item.value, gold_record.get(key))
    return out


def render(table: dict[str, Tally], min_docs: int = 2) -> str:
    """The report as text (Chinese headers; one line per strategy, grouped by field)."""
    lines = [f"{'规则':40}{'文档数':>6}{'取值数':>7}{'正确':>6}{'精确率':>8}  备注"]
    for name in sorted(table, key=lambda n: (n.split(".")[0], -len(table[n].docs), n)):
        t = table[name]
        p = t.precision()
        shown = f"{p:.3f}" if p is not None else "—"
        note = "仅1篇" if len(t.docs) < min_docs else ""
        if p is None:
            note = (note + " 无标注").strip()
        lines.append(f"{name:40}{len(t.docs):>7}{t.values:>8}{t.right:>7}{shown:>10}  {note}")
    return "\n".join(lines)


def _inputs(items: list[str]) -> list[Path]:
    paths: list[Path] = []
    for item in items:
        p = Path(item)
        if p.is_dir():
            paths.extend(sorted(q for q in p.glob("*.txt") if q.is_file()))
        else:
            paths.append(p)
    return paths


def _load_labels(folder: Path) -> dict[str, dict]:
    labels = {}
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            print(f"跳过标注文件 {path}：无法读取（{exc}）", file=sys.stderr)
            continue
        if isinstance(data, dict):
            labels[path.stem] = data
    return labels


def run(docs: list[Path], labels: dict[str, dict], field_prefix: str | None = None) -> dict[str, Tally]:
    # reading goes through the pipeline (the extractor stage does not import the readers)
    from ..jobs.job import process
    from ..model import Failure
    from ..schema import load_schema

    schema = load_schema()

    def records() -> Iterable[tuple[str, Record]]:
        for path in docs:
            try:
                result = process(path, schema)
            except OSError as exc:
                print(f"跳过 {path}：{exc}", file=sys.stderr)
                continue
            if isinstance(result, Failure):
                print(f"跳过 {path}：{result.reason}", file=sys.stderr)
                continue
            yield path.stem, result

    table = tally(records(), labels)
    if field_prefix:
        table = {k: v for k, v in table.items() if k.split(".")[0] == field_prefix}
    return table


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m reporter.extractor.report",
        description="规则报告：每条抽取规则在几篇文档里起作用、给出多少值、按标注算的精确率。",
    )
    ap.add_argument("docs", nargs="+", help="文档文件夹（读其中的 .txt）或文档文件；最后一个参数是标注文件夹")
    ap.add_argument("--field", default=None, help="只看这个字段的规则（如 title、date）")
    ap.add_argument("--min-docs", type=int, default=2, help="起作用的文档少于这个数时标出（默认 2）")
    args = ap.parse_args(argv)
    if len(args.docs) < 2:
        ap.error("需要文档和标注文件夹两个参数")
    *doc_args, label_arg = args.docs
    label_dir = Path(label_arg)
    if not label_dir.is_dir():
        print(f"标注文件夹 {label_dir} 不存在", file=sys.stderr)
        return 2
    docs = _inputs(doc_args)
    missing = [p for p in docs if not p.is_file()]
    for p in missing:
        print(f"跳过 {p}：文件不存在", file=sys.stderr)
    docs = [p for p in docs if p.is_file()]
    if not docs:
        print("没有可读的文档", file=sys.stderr)
        return 2
    table = run(docs, _load_labels(label_dir), args.field)
    print(render(table, args.min_docs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
