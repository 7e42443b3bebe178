"""What a run did (RunResult) and how it is told: the summary line, the JSON summary, what was not a report."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import NoReportsError
from ..model import Failure, Record
from .inputs import OUTPUT_KIND, iter_inputs


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input not processed this time, and why (in Chinese)."""

    path: Path
    reason: str


SUMMARY_FAILURES = 10  # failures named one by one in a summary line
READ_KINDS = "支持 .txt、.docx、.doc、.wps、.html、.pdf 等"  # what is read, for "no report found" messages


@dataclass(slots=True)
class RunResult:
    records: Sequence[Record] = ()  # processed this run (read back from disk)
    failures: list[Failure] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)  # done in an earlier run, unchanged
    outputs: list[Path] = field(default_factory=list)  # files written this run
    log: Path | None = None
    ledger: Any = None  # writers.ledger.LedgerResult of this run
    ignored: list[tuple[Path, str]] = field(default_factory=list)  # not reports: (path, kind)

    processed: list[Path] | None = None  # set when results of several batches are merged (watch --once)
    review: Path | None = None  # the 核对页 (OUTDIR/核对.html), rewritten after the ledger (issue 17)
    replaced: list[Path] = field(default_factory=list)  # changed in place since done: their rows refreshed
    # --- 简报 publication (reporter/publication.py)
    briefing: Any = None  # writers.briefing.BriefingResult of the issue written, or None
    refused: list[Any] = field(default_factory=list)  # publication.RefusedCopy: copies in no issue

    @property
    def ok(self) -> bool:
        return not self.failures

    def processed_paths(self) -> list[Path]:
        """The input paths of the reports processed; records kept on disk (reporter.jobs.spool) list them unread."""
        if self.processed is not None:
            return list(self.processed)
        paths = getattr(self.records, "paths", None)
        return list(paths) if paths is not None else [r.path for r in self.records]

    def to_json(self, error: Exception | None = None) -> str:
        """The machine-readable summary of `run`, `ledger`, `brief` and `watch --once` (the README lists its keys)."""
        data: dict[str, Any] = {
            "processed": [str(p) for p in self.processed_paths()],
            "skipped": [{"file": str(s.path), "reason": s.reason} for s in self.skipped],
            "failed": [
                {"file": str(f.path), "reason": f.reason, "message": f.message} for f in self.failures
            ],
            "ignored": [{"file": str(p), "kind": kind} for p, kind in self.ignored],
            "outputs": [str(p) for p in self.outputs],
            "review": str(self.review) if self.review else None,
            "log": str(self.log) if self.log else None,
        }
        brief = self.briefing  # 简报 publication (reporter/publication.py)
        data["briefing"] = (
            {
                "issue": brief.issue.label,
                "issue_no": brief.issue.no,
                "file": str(brief.path),
                "archive": str(brief.archive),
                "added": brief.added,
                "reports": brief.reports,
                "rewritten": brief.rewritten,
            }
            if brief is not None and brief.issue is not None
            else None
        )
        data["refused_copies"] = [c.as_dict() for c in self.refused]
        if self.replaced:  # reports changed in place: their old rows were refreshed
            data["replaced"] = [str(p) for p in self.replaced]
        if error is not None:
            data["error"] = str(error)
            if data["log"] is None and getattr(error, "log", None) is not None:
                data["log"] = str(error.log)  # type: ignore[attr-defined]
        data["exit_code"] = 1 if error is not None or not self.ok else 0
        return json.dumps(_readable_json(data), ensure_ascii=False, indent=2)

    @classmethod
    def merged(cls, results: Sequence[RunResult]) -> RunResult:
        """One result for several batches (watch --once): everything processed, skipped, failed, written."""
        total = cls(processed=[])
        for r in results:
            assert total.processed is not None
            total.processed += r.processed_paths()
            total.failures += r.failures
            total.skipped += r.skipped
            total.ignored += r.ignored
            total.replaced += r.replaced
            total.refused += r.refused
            total.briefing = r.briefing or total.briefing
            total.outputs += [p for p in r.outputs if p not in total.outputs]
            total.log = r.log or total.log
            total.review = r.review or total.review
        return total

    def summary(self, most: int = SUMMARY_FAILURES) -> str:
        """已处理 12 份，跳过 3 份（以前处理过、没有改动），失败 1 份：三月通报.docx（文件已加密）

        At most `most` failures are named; the rest are counted and left to the log and 处理异常."""
        text = f"已处理 {len(self.records)} 份"
        if self.skipped:
            text += f"，跳过 {len(self.skipped)} 份（以前处理过、没有改动）"
        if self.failures:
            text += f"，失败 {len(self.failures)} 份：{self.failures_summary(most)}"
        if self.ignored:
            text += f"；{ignored_text(self.ignored)}"
        return text + self.briefing_summary()

    def failures_summary(self, most: int = SUMMARY_FAILURES) -> str:
        """坏1.docx、坏2.docx（文件已损坏…）；三月.docx（文件已加密）；另有 5 份失败，见…

        The first `most` failures by name, those with the same reason together (in the order they came);
        the rest are counted, with where each one is told: the "失败：" lines printed (and logged) before
        the summary, the ledger's 处理异常 sheet when a ledger was written, the log."""
        shown: dict[str, list[str]] = {}
        for f in self.failures[:most]:
            shown.setdefault(f.reason, []).append(f.path.name)
        text = "；".join(f"{'、'.join(names)}（{reason}）" for reason, names in shown.items())
        rest = len(self.failures) - most
        if rest > 0:
            where = ["上面以“失败：”开头的各行"]
            if self.ledger is not None:
                path = getattr(self.ledger, "path", None)
                where.append(f"{path.name if path is not None else '台账'} 的“处理异常”表")
            if self.log is not None:
                where.append(str(self.log))
            text += f"；另有 {rest} 份失败，每一份的原因见{'、'.join(where)}"
        return text

    def briefing_summary(self) -> str:
        """；简报 2024年第3期（新增 5 份，共 12 份）；2 份转发件未收入简报（与已有报告相同）"""
        text = ""
        brief = self.briefing
        if brief is not None and brief.issue is not None:
            total = f"，共 {brief.reports} 份" if brief.rewritten else ""
            text += f"；简报 {brief.issue.label}（新增 {brief.added} 份{total}）"
        if self.refused:
            shown = "；".join(f"{c.name}（{c.as_dict()['reason']}）" for c in self.refused[:3])
            more = " 等" if len(self.refused) > 3 else ""
            text += f"；{len(self.refused)} 份转发件或重复件未收入简报：{shown}{more}"
        return text


def _readable_json(data: dict) -> dict:
    """Issue 19: file names that are not UTF-8 cannot go into JSON as they are; they are given readably
    (reporter.jobs.inputs.readable) and, under "raw_names", with the bytes the system gave."""
    from .inputs import has_odd_bytes, raw_bytes, readable

    raw: dict[str, str] = {}

    def fix(value, path: bool = False):
        if isinstance(value, str):
            if not has_odd_bytes(value):
                return value
            if path:
                raw[readable(value)] = raw_bytes(value)
            return readable(value)
        if isinstance(value, list):
            return [fix(v, path) for v in value]
        if isinstance(value, dict):
            return {k: fix(v, k in ("file", "processed", "outputs", "replaced")) for k, v in value.items()}
        return value

    fixed = fix(data)
    if raw:
        fixed["raw_names"] = raw
    return fixed


OWN_FOLDERS = "本程序以前写出的结果文件夹（台账、简报）"


def ignored_text(ignored: Sequence[tuple[Path, str]]) -> str:
    """不是报告、没有读取：Excel 表格 3 个，压缩包 1 个（请先解压），本程序以前写出的结果文件夹 1 个（台账、简报）"""
    counts: dict[str, int] = {}
    own: set[Path] = set()  # our outputs are counted by the folder holding them, not file by file
    for path, kind in ignored:
        if kind == OUTPUT_KIND:
            if path.parent not in own:
                own.add(path.parent)
                counts[OWN_FOLDERS] = counts.get(OWN_FOLDERS, 0) + 1
            continue
        counts[kind] = counts.get(kind, 0) + 1
    parts = []
    for kind, n in counts.items():
        name, _, hint = kind.partition("（")
        parts.append(f"{name} {n} 个" + (f"（{hint}" if hint else ""))
    return "不是报告、没有读取：" + "，".join(parts)


def require_reports(paths: Sequence[Path]) -> None:
    """Raise NoReportsError, naming what was found instead, when `paths` hold no file to read.

    Stops at the first report found, so a normal run pays for one short look only."""
    ignored: list[tuple[Path, str]] = []
    failures: list[Failure] = []
    for item in iter_inputs(paths, ignored):
        if not isinstance(item, Failure):
            return
        failures.append(item)
    parts = [f.message for f in failures[:SUMMARY_FAILURES]]
    if ignored or not failures:
        where = "、".join(str(p) for p in paths[:3]) + ("等" if len(paths) > 3 else "")
        parts.append(f"{where}：没有找到可以处理的报告（{READ_KINDS}）")
    if ignored:
        parts.append(ignored_text(ignored))
    parts.append("没有写出台账和简报")
    raise NoReportsError("；".join(parts), path=paths[0] if paths else None, reason="没有找到报告")
