"""How fast and how big: writing and updating the Excel ledger at 10,000 and 100,000 rows.

    python bench/ledger_bench.py                 # the table for README (10k and 100k; a few minutes)
    python bench/ledger_bench.py --rows 10000    # one size only

Each case runs in its own process, so "peak memory" is that process's peak resident set size (what the
operating system reports, including openpyxl/lxml's C memory). The records are built first and kept on
disk as a run keeps them (reporter.jobs.spool); "records" is the resident size after building them, before
writing.

Cases:
  new        a new ledger with N reports (each with people, units, 6 metrics, tasks, a 200-character summary,
             evidence comments on every filled cell)
  +100       100 new reports added to that ledger of N rows, dated across its year: nearly every row moves
             (the 台账 is kept in date order, 序号 and 工作数据's 序号 follow)
  +100 newest  100 new reports dated after every row (the usual case): only the signature block moves
  +100 (LO)  the same after the ledger was opened and saved by openpyxl (as Excel/WPS would: shared strings,
             rewritten styles) — skipped above 10,000 rows because openpyxl's own load/save takes minutes
  refresh    --refresh of 100 reports already in the ledger of N rows, 20 of them with a changed value
  reconcile  reconcile_ledger() on the ledger of N rows (what a run does first: read its SHA-256 column)
  LO open    LibreOffice headless opens the ledger of N rows (converts its first sheet to CSV): time and
             peak memory of the soffice process tree, number of 批注 in the file
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def make_records(n: int, start: int = 0, folder: Path = Path("reports"), variant: int = 0, year: int = 2024):
    import hashlib

    from reporter.fingerprint import fingerprint
    from reporter.model import Evidence, Found, Metric, Person, Record, Review, Span

    units = [
        "敖汉旗公安局",
        "松山区公安局",
        "喀喇沁旗公安局",
        "巴林左旗公安局",
        "红山区公安分局",
        "元宝山区公安分局",
    ]
    names = ["摸排线索", "打掉涉恶团伙", "破获案件", "抓获犯罪嫌疑人", "检查重点场所", "排查治安隐患"]
    marks = ["条", "个", "起", "人", "家", "处"]
    from reporter.jobs.spool import Batch

    records = Batch()  # on disk, as a run keeps them (reporter.jobs.spool)
    for i in range(start, start + n):
        org = units[i % len(units)]
        sentence = (
            f"{year}年{i % 12 + 1}月{i % 28 + 1}日，{org}在第{i}会议室组织召开全市公安机关第{i}次专项工作推进会，"
            f"总结交流前一阶段工作经验，安排部署下一阶段重点任务。"
        )
        body = sentence * 6 + f"编号{i}"
        ev = Evidence(Span(0, 10), sentence, 0)

        def f(value, ev=ev):
            return Found(value, ev, "bench")

        metrics = tuple(
            f(
                Metric(
                    name=names[k],
                    value=(i * 7 + k * 13 + variant * (i % 5 == 0)) % 2000,
                    unit=marks[k],
                    indicator=names[k],
                )
            )
            for k in range(6)
        )
        fields = {
            "date": (f(f"{year}-{i % 12 + 1:02d}-{i % 28 + 1:02d}"),),
            "title": (f(f"{org}组织召开全市公安机关第{i}次扫黑除恶专项斗争现场推进会"),),
            "organizer": (f(org),),
            "event": (f(f"全市公安机关第{i}次扫黑除恶专项斗争现场推进会"),),
            "location": (f(f"第{i}会议室"),),
            "host": (f("贾建忠"),),
            "people": (
                f(Person("于海", "市政府副市长、市公安局局长")),
                f(Person("贾建忠", "市公安局党委委员、副局长")),
                f(Person("杨祥林", "敖汉旗委常委、政法委书记")),
            ),
            "units": tuple(f(u) for u in units[:4]),
            "metrics": metrics,
            "tasks": tuple(
                f(t)
                for t in (
                    "全力推进线索核查攻坚战",
                    "全力推进专案打击攻坚战",
                    "全力推进重点整治攻坚战",
                    "及时传达贯彻会议精神",
                    "全面提升队伍攻坚能力",
                )
            ),
            "source": (f(org),),
            "summary": (f((sentence * 3)[:200]),),
            "keywords": tuple(f(k) for k in ("扫黑除恶", "专项斗争", "推进会", "线索", "攻坚战", "公安机关")),
        }
        records.append(
            Record(
                path=folder / f"报告{i:06d}.docx",
                sha256=hashlib.sha256(body.encode()).hexdigest(),
                chars=len(body),
                fields=fields,
                fingerprint=fingerprint(body),
                review=(Review("date", "年份按参考日期补全"),) if i % 10 == 0 else (),
            )
        )
    return records.records()


def _rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _forget_runs(ledger: Path) -> None:
    """A fresh copy of the ledger starts without the record of earlier runs on the copy (which would
    otherwise take the rows those runs added, now missing, for rows a person deleted)."""
    from reporter.writers.ledger.journal import journal_path

    journal_path(ledger).unlink(missing_ok=True)


def _case(case: str, rows: int, workdir: Path) -> dict:
    """Run one case in this process and return its figures."""
    from reporter.schema import load_schema
    from reporter.writers import write_ledger

    schema = load_schema()
    ledger = workdir / f"台账-{rows}.xlsx"
    reports = workdir / "reports"
    if case == "new":
        records = make_records(rows, folder=reports)
        if ledger.exists():
            ledger.unlink()
    elif case in ("add", "add-resaved", "add-latest"):
        # add: dates spread over the ledger's year, so nearly every row moves to keep the date order;
        # add-latest: the new reports are the newest (a clerk's usual week): only the signature block moves
        records = make_records(100, start=rows, folder=reports, year=2025 if case == "add-latest" else 2024)
        source = workdir / f"台账-{rows}{'-resaved' if case == 'add-resaved' else ''}.xlsx"
        target = workdir / f"work-{case}-{rows}.xlsx"
        target.write_bytes(source.read_bytes())
        _forget_runs(target)
        ledger = target
    elif case == "resave":  # preparation for add-resaved, not measured
        from openpyxl import load_workbook

        wb = load_workbook(ledger)
        wb["台账"]["K4"] = "人工备注"
        wb.save(workdir / f"台账-{rows}-resaved.xlsx")
        return {}
    elif case == "refresh":
        records = make_records(100, start=rows // 2, folder=reports, variant=1)
        target = workdir / f"work-refresh-{rows}.xlsx"
        target.write_bytes((workdir / f"台账-{rows}.xlsx").read_bytes())
        _forget_runs(target)
        ledger = target
    elif case == "reconcile":
        from reporter.writers.ledger import reconcile_ledger

        t0 = time.perf_counter()
        reconcile_ledger(ledger)
        return {"case": case, "rows": rows, "seconds": round(time.perf_counter() - t0, 2), "peak_mb": 0}
    elif case == "lo-open":
        return _lo_open(ledger, rows, workdir)
    else:
        raise SystemExit(f"unknown case {case}")
    base = _rss_mb()
    t0, c0 = time.perf_counter(), time.process_time()
    result = write_ledger(records, schema, ledger, refresh=case == "refresh")
    seconds = time.perf_counter() - t0
    cpu = time.process_time() - c0  # this process's CPU time: steadier than the wall clock on a busy machine
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "case": case,
        "rows": rows,
        "seconds": round(seconds, 1),
        "cpu_s": round(cpu, 1),
        "records_mb": round(base),
        "peak_mb": round(peak),
        "file_mb": round(ledger.stat().st_size / 2**20, 1),
        "added": result.rows_added,
        "differences": len(result.differences),
    }


def _lo_open(ledger: Path, rows: int, workdir: Path) -> dict:
    import shutil
    import tempfile
    import zipfile

    with zipfile.ZipFile(ledger) as zf:
        comments = sum(zf.read(n).count(b"<comment ") for n in zf.namelist() if n.startswith("xl/comments"))
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
    out = workdir / "lo-out"
    out.mkdir(exist_ok=True)
    t0 = time.perf_counter()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "csv",
            "--outdir",
            str(out),
            str(ledger),
        ],
        capture_output=True,
        timeout=3600,
        check=True,
    )
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    shutil.rmtree(profile, ignore_errors=True)
    return {
        "case": "lo-open",
        "rows": rows,
        "seconds": round(seconds, 1),
        "records_mb": 0,
        "peak_mb": round(peak),
        "file_mb": round(ledger.stat().st_size / 2**20, 1),
        "added": 0,
        "differences": 0,
        "comments": comments,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, action="append", help="ledger sizes (default: 10000 and 100000)")
    parser.add_argument("--dir", type=Path, default=Path("/tmp/ledger-bench"), help="work folder")
    parser.add_argument("--case", help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    sizes = args.rows or [10_000, 100_000]
    if args.case:
        print(json.dumps(_case(args.case, sizes[0], args.dir)))
        return
    print(
        f"{'case':<22}{'rows':>9}{'time s':>9}{'cpu s':>7}{'peak MB':>9}{'records MB':>12}{'file MB':>9}  result"
    )
    for rows in sizes:
        cases = ["new", "add", "add-latest", "refresh", "reconcile"] + (
            ["resave", "add-resaved", "lo-open"] if rows <= 10_000 else []
        )
        for case in cases:
            proc = subprocess.run(
                [sys.executable, __file__, "--case", case, "--rows", str(rows), "--dir", str(args.dir)],
                capture_output=True,
                text=True,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
            )
            if proc.returncode != 0:
                print(f"{case:<22}{rows:>9}  failed: {proc.stderr.strip().splitlines()[-1:]}")
                continue
            r = json.loads(proc.stdout.strip().splitlines()[-1])
            if not r:
                continue
            label = {
                "new": "new ledger",
                "add": "+100 reports",
                "add-latest": "+100 newest reports",
                "add-resaved": "+100 (saved by openpyxl)",
                "refresh": "--refresh 100 reports",
                "reconcile": "reconcile (run start)",
                "lo-open": "LibreOffice opens",
            }[case]
            outcome = f"added {r.get('added', 0)}" + (
                f", {r['differences']} differences" if r.get("differences") else ""
            )
            if "comments" in r:
                outcome = f"{r['comments']} 批注"
            print(
                f"{label:<22}{rows:>9}{r['seconds']:>9}{r.get('cpu_s', ''):>7}{r['peak_mb']:>9}"
                f"{r.get('records_mb', 0):>12}"
                f"{r.get('file_mb', 0):>9}  {outcome}",
                flush=True,
            )


if __name__ == "__main__":
    main()
