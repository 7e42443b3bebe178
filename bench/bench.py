"""The main benchmark: N reports → ledger + briefing, by stage, against a floor measured in the same run.

    python bench/bench.py                    # 1,000 reports (a few minutes on 2 cores)
    python bench/bench.py --n 200 --stages main,floor
    python bench/bench.py --n 10000 --stages main      # peak memory at 10,000 reports
    python bench/bench.py --n 1000 --profile            # + the top functions of each stage (cProfile)
    python bench/bench.py --n 1000 --repeat 3 --keep    # best of 3; the corpus is kept for --reuse DIR

What it does:
  corpus   N distinct reports made from seeds/ and ../shared/devset/docs/ (when present) in a temp folder:
           each copy gets its own dates, shifted numbers and a county and township name before its title,
           so every copy has its own SHA-256 and its own title + date (the ledger would otherwise take it
           for a duplicate or a likely repeat); GBK files stay GBK; a quarter of the text reports are
           written as .docx, and the seed .docx files are varied inside their XML.
  main     reporter.jobs.pipeline.run() over the corpus, as `reporter run CORPUS -o OUT` does (worker pool,
           --jobs, state, lock, log), with the time spent in write_ledger and in the briefing (the
           publication's items and issue: Publication.before_ledger and .publish) and the 核对页 split out.
  stages   the same work in one process, one stage after the other: loading the dictionaries (once),
           reading, extracting, writing the ledger, writing the briefing.
  floor    what the job cannot be faster than, on one core: one jieba.lcut pass over the same texts
           (dictionary loaded beforehand, not counted), a ledger of the same rows and cells (sheets 台账 and
           工作数据) written plainly with openpyxl's write-only mode, and a briefing of the same reports
           (heading, date and unit, summary, figures) written plainly with python-docx.
  startup  `reporter --help` and `reporter --version` wall time, best of 7 (and `python -c pass` beside).

Each measurement runs in its own process. Peak memory is sampled from /proc every 50 ms over the whole
process tree (the job, the fork server, the workers): "RSS" adds up every process's resident set (pages
shared by forked workers counted once per process), "PSS" shares those pages out (what the tree really
holds). Elsewhere than Linux only the job process's own peak (getrusage) is shown.

Targets (issue 8): main ≤ 2 × floor at 1,000 reports; `reporter --help` ≤ 0.25 s; ≤ 300 MB at 10,000.
The 10,000- and 100,000-row ledger write and update: bench/ledger_bench.py. The briefing at 1,000 and
4,000 reports: bench/briefing_bench.py.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT.parent / "shared" / "devset" / "docs"
STAGES = ("main", "stages", "floor", "startup")
TARGET_RATIO = 2.0
TARGET_HELP_S = 0.25
TARGET_MB_10K = 300

COUNTIES = [
    "敖汉旗",
    "松山区",
    "红山区",
    "元宝山区",
    "喀喇沁旗",
    "宁城县",
    "林西县",
    "巴林左旗",
    "巴林右旗",
    "阿鲁科尔沁旗",
    "翁牛特旗",
    "克什克腾旗",
    "平泉市",
    "隆化县",
    "滦平县",
    "丰宁县",
    "围场县",
    "兴隆县",
    "宽城县",
    "承德县",
    "青龙县",
    "昌黎县",
    "卢龙县",
    "抚宁区",
    "山海关区",
    "北戴河区",
    "海港区",
    "迁安市",
    "遵化市",
    "滦州市",
    "乐亭县",
    "玉田县",
    "丰润区",
    "丰南区",
    "古冶区",
    "开平区",
    "路北区",
    "路南区",
    "曹妃甸区",
    "迁西县",
    "三河市",
    "大厂县",
    "香河县",
    "永清县",
    "固安县",
    "霸州市",
    "文安县",
    "大城县",
    "安次区",
    "广阳区",
    "涿州市",
    "定州市",
    "安国市",
    "高碑店市",
    "易县",
    "涞水县",
    "阜平县",
    "曲阳县",
    "顺平县",
    "唐县",
]


# ------------------------------------------------------------------------------------------- corpus
@dataclass(frozen=True, slots=True)
class Base:
    name: str  # file stem
    text: str | None  # a text report (None for a .docx seed)
    encoding: str  # of the text file: utf-8 or gb18030
    docx: bytes | None  # a .docx seed, varied inside its XML


def _decode(data: bytes) -> tuple[str, str]:
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("gb18030"), "gb18030"


def load_bases(folders: list[Path]) -> list[Base]:
    bases = []
    for folder in folders:
        for path in sorted(folder.iterdir()):
            if path.name.lower().startswith("readme") or path.name.startswith("."):
                continue
            if path.suffix == ".txt":
                text, encoding = _decode(path.read_bytes())
                bases.append(Base(path.stem, text.replace("\r\n", "\n"), encoding, None))
            elif path.suffix == ".docx":
                bases.append(Base(path.stem, None, "", path.read_bytes()))
    return bases


_YEAR = re.compile(r"((?:19|20)\d\d)(?=\s*年)")
_MONTH = re.compile(r"(?<![\d.])(\d{1,2})(?=\s*月)")
_DAY = re.compile(r"(?<![\d.])(\d{1,2})(?=\s*日)")
_NUMBER = re.compile(r"(?<![\d.])(\d+)(?!\d|[\d.]*\s*[年月日号时点])")
TOWNS = [
    "城关镇",
    "新惠镇",
    "四家子镇",
    "长胜镇",
    "贝子府镇",
    "古鲁板蒿乡",
    "木头营子乡",
    "萨力巴乡",
    "丰收乡",
    "金厂沟梁镇",
    "玛尼罕乡",
    "下洼镇",
    "宝国吐乡",
    "牛古吐乡",
    "敖润苏莫苏木",
    "克力代乡",
    "双井店乡",
    "兴隆洼镇",
    "新地乡",
    "黄羊洼镇",
]


def place(i: int) -> str:
    """A county and township for report i: 1,200 of them, so that any 1,200 reports in a row differ."""
    return COUNTIES[i % len(COUNTIES)] + TOWNS[(i // len(COUNTIES)) % len(TOWNS)]


def vary(text: str, i: int) -> str:
    """Report i's text: its own day, month and year in the dates (distinct over 5,040 reports in a row),
    other numbers shifted by a small amount."""
    text = _YEAR.sub(lambda m: str(2010 + (int(m[1]) + i // 336) % 15), text)
    text = _MONTH.sub(lambda m: str((int(m[1]) - 1 + i // 28) % 12 + 1), text)
    text = _DAY.sub(lambda m: str((int(m[1]) - 1 + i) % 28 + 1), text)
    return _NUMBER.sub(lambda m: str(int(m[1]) + i % 37 + 1), text)


def vary_report(text: str, i: int) -> str:
    """vary() plus a place name before the title-like lines (the first two, when short): title + date
    stay distinct, so the ledger takes none of the reports for a likely repeat of another."""
    lines = vary(text, i).split("\n")
    heads = [n for n, line in enumerate(lines) if line.strip()][:2]
    for n in heads:
        if n == heads[0] or len(lines[n].strip()) <= 40:
            line = lines[n]
            lead = len(line) - len(line.lstrip())
            lines[n] = line[:lead] + place(i) + line[lead:]
    return "\n".join(lines)


_W_T = re.compile(r"(<w:t(?:\s[^>]*)?>)([^<]*)(</w:t>)")


def vary_docx(data: bytes, i: int) -> bytes:
    """Report i from a .docx seed: vary() inside every w:t of the body, a place name before the first one."""
    src = zipfile.ZipFile(io.BytesIO(data))
    xml = src.read("word/document.xml").decode("utf-8")
    first = [True]

    def sub(m: re.Match[str]) -> str:
        text = vary(m[2], i)
        if first[0] and text.strip():
            first[0] = False
            text = place(i) + text
        return m[1] + text + m[3]

    xml = _W_T.sub(sub, xml)
    return _rezip(src, {"word/document.xml": xml.encode("utf-8")})


def _rezip(src: zipfile.ZipFile, replace: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, replace.get(info.filename, src.read(info.filename)))
    return out.getvalue()


_BLANK_DOCX: zipfile.ZipFile | None = None


def text_to_docx(text: str) -> bytes:
    """A Word file holding the text, one paragraph per line (python-docx's blank document as the package)."""
    global _BLANK_DOCX
    if _BLANK_DOCX is None:
        import docx

        _BLANK_DOCX = zipfile.ZipFile(Path(docx.__file__).parent / "templates" / "default.docx")
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    paras = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>'
        for line in text.split("\n")
        if line.strip()
    )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{ns}"><w:body>{paras}'
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
    )
    return _rezip(_BLANK_DOCX, {"word/document.xml": xml.encode("utf-8")})


def make_corpus(n: int, folder: Path, bases: list[Base]) -> dict:
    """n distinct reports under folder (500 to a sub-folder, as months of an archive); facts about them."""
    import hashlib

    shas: set[str] = set()
    kinds = {"txt": 0, "docx": 0, "gbk": 0}
    size = 0
    for i in range(n):
        base = bases[i % len(bases)]
        sub = folder / f"第{i // 500 + 1:02d}批"
        sub.mkdir(parents=True, exist_ok=True)
        if base.docx is not None:
            data, suffix = vary_docx(base.docx, i), ".docx"
        elif i % 4 == 1:
            data, suffix = text_to_docx(vary_report(base.text or "", i)), ".docx"
        else:
            data, suffix = vary_report(base.text or "", i).encode(base.encoding), ".txt"
            kinds["gbk"] += base.encoding != "utf-8"
        kinds[suffix[1:]] += 1
        (sub / f"{i + 1:05d}-{base.name}{suffix}").write_bytes(data)
        shas.add(hashlib.sha256(data).hexdigest())
        size += len(data)
    if len(shas) != n:
        raise SystemExit(f"corpus: only {len(shas)} distinct files of {n}")
    return {"reports": n, "bases": len(bases), "mb": round(size / 2**20, 1), **kinds}


# ------------------------------------------------------------------------------------------- memory
def _children_map() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2 :].split()[1])
        kids.setdefault(ppid, []).append(int(entry))
    return kids


def _tree(pid: int) -> list[int]:
    kids = _children_map()
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(kids.get(p, ()))
    return out


def _kb(path: str, key: str) -> int:
    try:
        with open(path) as fh:
            for line in fh:
                if line.startswith(key):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _cpu_ticks(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            stat = fh.read()
    except OSError:
        return 0
    fields = stat[stat.rindex(b")") + 2 :].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


class TreeMemory(threading.Thread):
    """Peak RSS and PSS (MB) of a process and all its descendants, sampled every `interval` seconds, and
    the CPU seconds they used (each process's last sample: a worker's final 50 ms may be missed)."""

    def __init__(self, pid: int, interval: float = 0.05):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.rss = self.pss = 0.0
        self.processes = 0
        self.ticks: dict[int, int] = {}
        self._done = threading.Event()
        self.enabled = os.path.isdir("/proc/self")

    def run(self) -> None:
        while self.enabled and not self._done.is_set():
            pids = _tree(self.pid)
            rss = sum(_kb(f"/proc/{p}/status", "VmRSS:") for p in pids) / 1024
            pss = sum(_kb(f"/proc/{p}/smaps_rollup", "Pss:") for p in pids) / 1024
            self.rss, self.pss = max(self.rss, rss), max(self.pss, pss)
            self.processes = max(self.processes, len(pids))
            for p in pids:
                self.ticks[p] = max(self.ticks.get(p, 0), _cpu_ticks(p))
            self._done.wait(self.interval)

    def stop(self) -> None:
        self._done.set()
        self.join()

    @property
    def cpu(self) -> float:
        return sum(self.ticks.values()) / os.sysconf("SC_CLK_TCK") if self.ticks else 0.0


def child(kind: str, args: argparse.Namespace) -> dict:
    """Run one measurement in a process of its own; its figures, with the tree's peak memory."""
    cmd = [sys.executable, __file__, "--child", kind, "--n", str(args.n), "--work", str(args.work)]
    if args.jobs:
        cmd += ["--jobs", str(args.jobs)]
    if args.profile:
        cmd += ["--profile"]
    load = os.getloadavg()[0]
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}
    )
    memory = TreeMemory(proc.pid)
    memory.start()
    out, _ = proc.communicate()
    memory.stop()
    if proc.returncode != 0:
        raise SystemExit(f"{kind}: the measurement failed (exit code {proc.returncode})")
    result = json.loads(out.strip().splitlines()[-1])
    result.update(
        tree_rss=memory.rss,
        tree_pss=memory.pss,
        processes=memory.processes,
        tree_cpu=memory.cpu,
        load=max(load, os.getloadavg()[0]),
    )
    return result


def _own_peak_mb() -> float:
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024


# ------------------------------------------------------------------------------------- measurements
def _paths(corpus: Path) -> list[Path]:
    from reporter.jobs.inputs import iter_inputs

    return [p for p in iter_inputs([corpus]) if isinstance(p, Path)]


class _Clock:
    """Wraps functions so that the seconds spent in them add up (to split run() into its parts); as a
    class attribute it wraps a method."""

    def __init__(self, fn, seconds: list[float] | None = None):
        self.fn, self._seconds = fn, seconds if seconds is not None else [0.0]

    @property
    def seconds(self) -> float:
        return self._seconds[0]

    def also(self, fn) -> _Clock:
        """Another function whose time adds to this clock's."""
        return _Clock(fn, self._seconds)

    def __get__(self, obj, objtype=None):
        return self if obj is None else functools.partial(self, obj)

    def __call__(self, *a, **kw):
        start = time.perf_counter()
        try:
            return self.fn(*a, **kw)
        finally:
            self._seconds[0] += time.perf_counter() - start


def measure_main(work: Path, jobs: int | None) -> dict:
    """reporter.jobs.pipeline.run() over the corpus into a fresh output folder."""
    import reporter.writers as writers
    import reporter.writers.review as review
    from reporter.jobs.pipeline import Options, run
    from reporter.jobs.publication import Publication
    from reporter.jobs.workers import default_jobs

    out = work / "out-main"
    shutil.rmtree(out, ignore_errors=True)
    ledger, briefing = _Clock(writers.write_ledger), _Clock(writers.write_briefing)
    writers.write_ledger, writers.write_briefing = ledger, briefing  # run() imports them when called
    # run() writes the briefing through the publication: building its items, then publishing the issue
    Publication.before_ledger = briefing.also(Publication.before_ledger)  # type: ignore[method-assign]
    Publication.publish = briefing.also(Publication.publish)  # type: ignore[method-assign]
    checks = _Clock(review.update_review)  # the 核对页, written last (run() imports it when called)
    review.update_review = checks
    start = time.perf_counter()
    result = run([work / "corpus"], out, options=Options(jobs=jobs))
    seconds = time.perf_counter() - start
    reasons = sorted({f.reason for f in result.failures})
    return {
        "seconds": seconds,
        "ledger": ledger.seconds,
        "briefing": briefing.seconds,
        "review": checks.seconds,
        "extract": seconds - ledger.seconds - briefing.seconds - checks.seconds,
        "jobs": jobs or default_jobs(),
        "records": len(result.records),
        "failures": len(result.failures),
        "reasons": reasons[:3],
        "rows": result.ledger.rows_added if result.ledger else 0,
        "peak_self": _own_peak_mb(),
    }


class _Stages:
    """Wall and CPU seconds of named steps run in this process (optionally under cProfile)."""

    def __init__(self, profile: bool = False):
        self.profile = profile
        self.times: dict[str, float] = {}
        self.cpu: dict[str, float] = {}

    def run(self, label: str, fn):
        start, start_cpu = time.perf_counter(), time.process_time()
        if self.profile:
            import cProfile
            import pstats

            prof = cProfile.Profile()
            value = prof.runcall(fn)
            stream = io.StringIO()
            pstats.Stats(prof, stream=stream).sort_stats("cumulative").print_stats(30)
            print(f"\n===== profile: {label} =====\n{stream.getvalue()}", file=sys.stderr)
        else:
            value = fn()
        self.times[label] = time.perf_counter() - start
        self.cpu[label] = time.process_time() - start_cpu
        return value


class _Breakdown:
    """Seconds spent in wrapped functions, each net of the wrapped functions it calls."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._inner: list[float] = []

    def wrap(self, label: str, fn):
        def timed(*args, **kwargs):
            start = time.perf_counter()
            self._inner.append(0.0)
            try:
                return fn(*args, **kwargs)
            finally:
                spent = time.perf_counter() - start
                self.seconds[label] = self.seconds.get(label, 0.0) + spent - self._inner.pop()
                if self._inner:
                    self._inner[-1] += spent

        return timed


def _extract_breakdown() -> _Breakdown:
    """Time each rule of the extractor, the segmenter, the text fingerprint and the Context set-up."""
    import reporter.extractor as ex
    from reporter.extractor import segment
    from reporter.extractor.rules import RULES

    parts = _Breakdown()
    for key in list(RULES):
        RULES[key] = parts.wrap(f"规则 {key}", RULES[key])
    for cls in (segment.RJiebaSegmenter, segment.JiebaSegmenter):
        cls.cut = parts.wrap(f"分词（{cls.name}）", cls.cut)
    ex._fingerprint = parts.wrap("文本指纹（fingerprint）", ex._fingerprint)
    ex.Context = parts.wrap("Context（句子、全文规整）", ex.Context)
    return parts


def measure_stages(work: Path, profile: bool) -> dict:
    """The job's stages one after another in this process; the records are kept for the floor."""
    import pickle

    from reporter.errors import ReporterError
    from reporter.extractor import extract
    from reporter.jobs.pipeline import Options
    from reporter.jobs.workers import warm_up
    from reporter.readers import read
    from reporter.schema import load_schema
    from reporter.writers import write_briefing, write_ledger

    out = work / "out-stages"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    paths = _paths(work / "corpus")
    schema = load_schema()
    stages = _Stages(profile)
    stages.run("load", lambda: warm_up(Options(), schema))
    docs = stages.run("read", lambda: [read(p) for p in paths])

    def extract_all():
        records = []
        for doc in docs:
            with contextlib.suppress(ReporterError):
                records.append(extract(doc, schema))
        return records

    parts = None if profile else _extract_breakdown()
    records = stages.run("extract", extract_all)
    ledger = stages.run("ledger", lambda: write_ledger(records, schema, out / "台账.xlsx"))
    stages.run("briefing", lambda: write_briefing(records, schema, out / "简报.docx"))
    with open(work / "records.pickle", "wb") as fh:
        pickle.dump(records, fh)
    breakdown = parts.seconds if parts else {}
    return {
        "times": stages.times,
        "cpu": stages.cpu,
        "records": len(records),
        "rows": ledger.rows_added,
        "breakdown": breakdown,
        "chars": round(sum(len(d.text) for d in docs) / max(1, len(docs))),
        "peak_self": _own_peak_mb(),
    }


def measure_floor(work: Path, profile: bool) -> dict:
    """One jieba.lcut pass + a plain openpyxl write-only ledger + a plain python-docx briefing."""
    import pickle

    import docx
    import jieba
    from openpyxl import Workbook

    from reporter.readers import read
    from reporter.schema import load_schema
    from reporter.writers import value_text

    out = work / "out-floor"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    schema = load_schema()
    paths = _paths(work / "corpus")
    texts = [read(p).text for p in paths]
    records_file = work / "records.pickle"
    if records_file.exists():
        with open(records_file, "rb") as fh:
            records = pickle.load(fh)
    else:  # --stages floor alone: extract them here, not timed
        from reporter.extractor import extract

        records = [extract(read(p), schema) for p in paths]
    stages = _Stages(profile)
    jieba.setLogLevel(60)
    stages.run("load", jieba.initialize)
    stages.run("cut", lambda: [jieba.lcut(text) for text in texts])

    def cell(record, key: str) -> str:
        return "；".join(value_text(f.value) for f in record.fields.get(key, ()))

    keys = [spec.key for spec in schema.fields if spec.ledger]

    def ledger() -> None:
        wb = Workbook(write_only=True)
        sheet = wb.create_sheet("台账")
        sheet.append(
            [
                "序号",
                *(schema.header(k) for k in keys),
                "文件",
                "处理时间",
                "待核",
                "备注",
                "SHA-256",
                "文本指纹",
                "原值校验",
            ]
        )
        figures = wb.create_sheet("工作数据")
        figures.append(
            ["序号", "日期", "主办单位", "指标", "原文指标", "数值", "单位", "原句", "SHA-256", "原值校验"]
        )
        now = time.strftime("%Y-%m-%d %H:%M")
        for seq, record in enumerate(records, 1):
            sheet.append(
                [seq, *(cell(record, k) for k in keys), record.path.name, now, "", "", record.sha256, "", ""]
            )
            for found in record.fields.get("metrics", ()):
                m = found.value
                figures.append(
                    [
                        seq,
                        cell(record, "date"),
                        cell(record, "organizer"),
                        m.indicator,
                        m.name,
                        m.value,
                        m.unit,
                        found.evidence.sentence if found.evidence else "",
                        record.sha256,
                        "",
                    ]
                )
        wb.save(out / "台账.xlsx")

    def briefing() -> None:
        document = docx.Document()
        document.add_paragraph("工作简报", style="Title")
        for record in records:
            document.add_paragraph(cell(record, "title"), style="Heading 2")
            document.add_paragraph(f"{cell(record, 'date')}　{cell(record, 'organizer')}")
            if record.fields.get("summary"):
                document.add_paragraph(cell(record, "summary"))
            if record.fields.get("metrics"):
                document.add_paragraph("工作数据：" + cell(record, "metrics"))
        document.save(str(out / "简报.docx"))

    stages.run("ledger", ledger)
    stages.run("briefing", briefing)
    return {"times": stages.times, "cpu": stages.cpu, "records": len(records), "peak_self": _own_peak_mb()}


def measure_startup(repeat: int = 7) -> dict:
    exe = shutil.which("reporter")
    base = [exe] if exe else [sys.executable, "-m", "reporter"]
    figures = {}
    for label, cmd in (
        ("help", [*base, "--help"]),
        ("version", [*base, "--version"]),
        ("python", [sys.executable, "-c", "pass"]),
    ):
        runs = []
        for _ in range(repeat):
            start = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            runs.append(time.perf_counter() - start)
        figures[label] = {"best": min(runs), "median": statistics.median(runs)}
    figures["command"] = " ".join(Path(c).name if i == 0 else c for i, c in enumerate(base))
    return figures


def best_of(runs: list[dict]) -> dict:
    """The fastest of repeated runs (each stage's fastest, for the staged ones); the highest memory."""
    if "times" in runs[0]:
        out = dict(runs[0])
        for key in ("times", "cpu", "breakdown"):
            if key in out:
                out[key] = {k: min(r[key][k] for r in runs) for k in out[key]}
    else:
        out = dict(min(runs, key=lambda r: r["seconds"]))
    for key in ("tree_rss", "tree_pss", "peak_self", "processes"):
        out[key] = max(r[key] for r in runs)
    out["all_seconds"] = [r.get("seconds") or sum(r["times"].values()) for r in runs]
    return out


# ------------------------------------------------------------------------------------------- report
def _row(
    label: str, seconds: float | None, n: int, cpu: float | None = None, mb: str = "", ratio: str = ""
) -> str:
    def num(x: float | None, digits: int = 2) -> str:
        return "" if x is None else f"{x:.{digits}f}"

    ms = None if seconds is None else seconds * 1000 / n
    return f"| {label} | {num(seconds)} | {num(cpu)} | {num(ms)} | {mb} | {ratio} |"


def _mb(result: dict) -> str:
    """PSS of the process tree (RSS of the tree; the job process's own peak RSS)."""
    if result.get("tree_pss"):
        return f"{result['tree_pss']:.0f}（RSS {result['tree_rss']:.0f}；主进程 {result['peak_self']:.0f}）"
    return f"{result['peak_self']:.0f}"


def report(n: int, corpus: dict, results: dict, loads: list[float]) -> str:
    lines = [
        f"报告 {n} 份（{corpus['txt']} 份 .txt，其中 GBK {corpus['gbk']} 份；{corpus['docx']} 份 .docx；"
        f"共 {corpus['mb']} MB，由 {corpus['bases']} 份样本变化而来）；"
        f"机器 {os.cpu_count()} 核，测量时 1 分钟负载 {min(loads):.1f}–{max(loads):.1f}",
        "",
        "| 项目 | 秒 | CPU 秒 | 毫秒/份 | 峰值内存 MB：PSS（RSS；主进程） | 与底线之比 |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    floor = results.get("floor")
    parts = ("cut", "ledger", "briefing")
    floor_s = sum(floor["times"][k] for k in parts) if floor else None
    if "main" in results:
        m = results["main"]
        ratio = f"**{m['seconds'] / floor_s:.2f}×**" if floor_s else ""
        lines.append(
            _row(
                f"**主任务 run()，--jobs {m['jobs']}**",
                m["seconds"],
                n,
                m.get("tree_cpu") or None,
                _mb(m),
                ratio,
            )
        )
        lines.append(_row("　其中 读取 + 抽取（处理进程，含启动）", m["extract"], n))
        lines.append(_row("　其中 写台账", m["ledger"], n))
        lines.append(_row("　其中 写简报", m["briefing"], n))
        if "review" in m:
            lines.append(_row("　其中 写核对页", m["review"], n))
    if "stages" in results:
        s = results["stages"]
        t, c = s["times"], s["cpu"]
        lines.append(_row("分阶段（一个进程）：加载词典等，一次", t["load"], n, c["load"], _mb(s)))
        for key, label in (
            ("read", "读取"),
            ("extract", "抽取"),
            ("ledger", "写台账"),
            ("briefing", "写简报"),
        ):
            lines.append(_row(f"　{label}", t[key], n, c[key]))
        keys = ("read", "extract", "ledger", "briefing")
        total = sum(t[k] for k in keys)
        ratio = f"{total / floor_s:.2f}×" if floor_s else ""
        lines.append(_row("　合计（不含加载）", total, n, sum(c[k] for k in keys), "", ratio))
    if floor:
        t, c = floor["times"], floor["cpu"]
        lines.append(_row("底线：jieba.lcut 一遍", t["cut"], n, c["cut"], _mb(floor)))
        lines.append(_row("　openpyxl 只写模式台账", t["ledger"], n, c["ledger"]))
        lines.append(_row("　python-docx 简报", t["briefing"], n, c["briefing"]))
        lines.append(_row("　**底线合计**", floor_s, n, sum(c[k] for k in parts), "", "1.00×"))
        lines.append(_row("　（jieba 词典加载，一次，不计入）", t["load"], n, c["load"]))
    if "startup" in results:
        st = results["startup"]
        for key in ("help", "version"):
            lines.append(
                f"| `{st['command']} --{key}`（7 次最快 / 中位） | {st[key]['best']:.3f} / "
                f"{st[key]['median']:.3f} | | | | |"
            )
        lines.append(
            f"| `python -c pass`（对照） | {st['python']['best']:.3f} / {st['python']['median']:.3f} | | | | |"
        )
    lines.append("")
    checks = []
    if "main" in results and floor_s:
        ratio = results["main"]["seconds"] / floor_s
        checks.append((f"主任务 ≤ {TARGET_RATIO:g}× 底线", ratio <= TARGET_RATIO, f"{ratio:.2f}×"))
    if "startup" in results:
        best = results["startup"]["help"]["best"]
        checks.append((f"reporter --help ≤ {TARGET_HELP_S} 秒", best <= TARGET_HELP_S, f"{best:.3f} 秒"))
    if "main" in results and n >= 10_000:
        mb = results["main"]["tree_pss"] or results["main"]["peak_self"]
        checks.append((f"{n} 份峰值内存（PSS）≤ {TARGET_MB_10K} MB", mb <= TARGET_MB_10K, f"{mb:.0f} MB"))
    for label, ok, value in checks:
        lines.append(f"- {label}：{'达到' if ok else '未达到'}（{value}）")
    if "main" in results:
        m = results["main"]
        lines.append(
            f"- 主任务：记录 {m['records']} 份，台账新增 {m['rows']} 行，失败 {m['failures']} 份"
            + (f"（{'；'.join(m['reasons'])}）" if m["reasons"] else "")
            + f"；进程树最多 {m['processes']} 个进程"
        )
        if len(m["all_seconds"]) > 1:
            lines.append(
                f"- 主任务各次（秒）：{'、'.join(f'{x:.1f}' for x in m['all_seconds'])}；表中为最快的一次，"
                "分阶段和底线每项取各次最快"
            )
    if "stages" in results:
        lines.append(f"- 平均每份 {results['stages']['chars']} 字")
        parts = results["stages"]["breakdown"]
        if parts:
            total = results["stages"]["times"]["extract"]
            rest = total - sum(parts.values())
            lines += [
                "",
                "抽取分项（一个进程；每项不含它调用的其他分项；Context 的句子、词等在第一次用到它的规则里计时）",
                "",
                "| 分项 | 毫秒/份 | 占抽取 |",
                "|---|---:|---:|",
            ]
            for label, sec in sorted(
                {**parts, "其他（extract 本身等）": rest}.items(), key=lambda kv: -kv[1]
            ):
                lines.append(f"| {label} | {sec * 1000 / n:.2f} | {sec / total:.0%} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=1000, help="reports in the corpus (default 1000)")
    parser.add_argument("--jobs", type=int, help="worker processes for the main job (default: one per core)")
    parser.add_argument(
        "--stages", default=",".join(STAGES), help=f"what to measure (default {','.join(STAGES)})"
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="run each measurement this many times and keep the best (the machine is shared)",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the corpus and the outputs (the folder is printed)"
    )
    parser.add_argument(
        "--reuse",
        type=Path,
        metavar="DIR",
        help="measure again on the corpus of an earlier --keep run (DIR as printed; --n is ignored)",
    )
    parser.add_argument(
        "--profile", action="store_true", help="cProfile each stage (top 25 functions to stderr)"
    )
    parser.add_argument(
        "--sources",
        type=Path,
        action="append",
        help="folders of sample reports (default: seeds/ and ../shared/devset/docs/ when present)",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        fn = {
            "main": lambda: measure_main(args.work, args.jobs),
            "stages": lambda: measure_stages(args.work, args.profile),
            "floor": lambda: measure_floor(args.work, args.profile),
        }[args.child]
        print(json.dumps(fn(), ensure_ascii=False))
        return
    stages = [s.strip() for s in args.stages.split(",") if s.strip()]
    unknown = set(stages) - set(STAGES)
    if unknown:
        parser.error(f"unknown stages: {', '.join(sorted(unknown))} (choose from {', '.join(STAGES)})")
    sources = args.sources or [ROOT / "seeds"] + ([DEVSET] if DEVSET.is_dir() else [])
    if args.reuse:
        args.work, args.keep = args.reuse.resolve(), True
        corpus = json.loads((args.work / "corpus.json").read_text(encoding="utf-8"))
        args.n = corpus["reports"]
    else:
        args.work = Path(tempfile.mkdtemp(prefix="reporter-bench-"))
    loads = [os.getloadavg()[0]]
    try:
        if not args.reuse:
            start = time.perf_counter()
            corpus = make_corpus(args.n, args.work / "corpus", load_bases(sources))
            (args.work / "corpus.json").write_text(json.dumps(corpus), encoding="utf-8")
            print(
                f"corpus: {corpus} in {time.perf_counter() - start:.1f} s → {args.work / 'corpus'}",
                file=sys.stderr,
            )
        runs: dict[str, list[dict]] = {}
        for r in range(args.repeat):  # interleaved, so that a busy spell hits all alike
            for kind in ("stages", "floor", "main"):  # stages first: the floor reuses its records
                if kind in stages:
                    print(f"{kind} ({r + 1}/{args.repeat}) …", file=sys.stderr, flush=True)
                    runs.setdefault(kind, []).append(child(kind, args))
                    loads.append(runs[kind][-1]["load"])
        results: dict = {kind: best_of(found) for kind, found in runs.items()}
        if "startup" in stages:
            results["startup"] = measure_startup()
            loads.append(os.getloadavg()[0])
        print(report(args.n, corpus, results, loads))
    finally:
        if args.keep:
            print(f"kept: {args.work}", file=sys.stderr)
        else:
            shutil.rmtree(args.work, ignore_errors=True)


if __name__ == "__main__":
    main()
