"""The 核对页 itself: the stored reports → one self-contained HTML file (templates/review.html).

The page's data is one JSON document inside <script type="application/json">: document text is data,
never markup (the page's script renders it with textContent). Offsets in it are UTF-16 code units, as
JavaScript strings count them (a Python index counts code points: a character beyond U+FFFF, such as a
CJK extension B character or an emoji, is one code point and two UTF-16 units).

A Content-Security-Policy in the page forbids loading anything; its inline style and script are allowed
by their SHA-256 hashes, computed here from the template in effect.
"""

from __future__ import annotations

import base64
import bisect
import datetime as dt
import hashlib
import html
import itertools
import json
import re
import tomllib
import urllib.parse
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...errors import TemplateError
from ...schema import Schema
from ...templates import find_template
from .store import Entry

TEMPLATE = "review.html"
CONFIG = "review.toml"
GENERATOR = "reporter 核对页"  # <meta name="generator">: how a run knows the page is its own output
HEAD_CHARS = 2000  # a long report keeps its beginning …
CONTEXT_CHARS = 300  # … and this much text on each side of each value's sentence
SENTENCE_CAP = 1500  # a "sentence" longer than this (a block without stops) is cut around the value
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_NAME = re.compile(r"[^\\/:*?\"<>|\x00-\x1f]+\.html?", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class PageConfig:
    file: str = "核对.html"
    title: str = "台账核对"
    max_chars: int = 30000
    max_reports: int = 2000
    path: Path | None = None


def load_page_config(templates: Path | str | None = None) -> PageConfig:
    """templates/review.toml in effect; TemplateError naming the file when it is wrong."""
    path = find_template(CONFIG, templates)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise TemplateError(
            f"{path}：无法读取（{exc}）；请对照程序自带的 review.toml 修改",
            path=path,
            reason="核对页设置无法读取",
        ) from None
    page = data.get("page", {})
    d = PageConfig()
    file = page.get("file", d.file)
    title = page.get("title", d.title)
    max_chars = page.get("max_chars", d.max_chars)
    if not isinstance(file, str) or not _NAME.fullmatch(file.strip()) or file.strip().startswith("."):
        raise TemplateError(
            f"{path}：file 应是一个以 .html 结尾的文件名（不含文件夹），现在是“{file}”",
            path=path,
            reason="核对页文件名不对",
        )
    if not isinstance(title, str):
        raise TemplateError(f"{path}：title 应是文字", path=path, reason="核对页标题不对")
    if not isinstance(max_chars, int) or isinstance(max_chars, bool) or not 1000 <= max_chars <= 1_000_000:
        raise TemplateError(
            f"{path}：max_chars 应是 1000 到 1000000 之间的整数，现在是“{max_chars}”",
            path=path,
            reason="核对页设置不对",
        )
    max_reports = page.get("max_reports", d.max_reports)
    if not isinstance(max_reports, int) or isinstance(max_reports, bool) or max_reports < 1:
        raise TemplateError(
            f"{path}：max_reports 应是正整数，现在是“{max_reports}”", path=path, reason="核对页设置不对"
        )
    return PageConfig(
        file=file.strip(),
        title=title.strip() or d.title,
        max_chars=max_chars,
        max_reports=max_reports,
        path=path,
    )


# ------------------------------------------------------------------------------------ offsets
class Utf16:
    """Python string index → JavaScript (UTF-16) string index for one text."""

    def __init__(self, text: str):
        self.astral = [m.start() for m in _ASTRAL.finditer(text)]

    def __call__(self, i: int) -> int:
        return i + bisect.bisect_left(self.astral, i) if self.astral else i


def _windows(
    text: str, fields: dict[str, list[list[Any]]], max_chars: int
) -> tuple[list[tuple[int, int]], bool]:
    """The parts of the text the page carries: all of it, or for a long text its beginning and the text
    around each value's sentence, within max_chars. Second: whether anything was left out."""
    n = len(text)
    if n <= max_chars:
        return [(0, n)], False
    wanted = [(0, min(n, HEAD_CHARS))]
    for items in fields.values():
        for _v, s, e, s0, s1, _rule in items:
            a = s0 if 0 <= s0 <= s else s
            b = s1 if s1 >= e else e
            a, b = max(a, s - SENTENCE_CAP), min(b, e + SENTENCE_CAP)
            wanted.append((max(0, a - CONTEXT_CHARS), min(n, b + CONTEXT_CHARS)))
    merged: list[tuple[int, int]] = []
    for a, b in sorted(wanted):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    kept: list[tuple[int, int]] = []
    budget = max_chars
    for a, b in merged:
        if budget <= 0:
            break
        b = min(b, a + budget)
        kept.append((a, b))
        budget -= b - a
    return kept, True


def _month(date: str) -> str:
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-\d{2})?", date or "")
    return f"{m.group(1)}-{m.group(2)}" if m else ""


def _first(fields: dict[str, list[list[Any]]], key: str) -> str:
    items = fields.get(key) or []
    return str(items[0][0]) if items else ""


def report_payload(entry: Entry, data: dict[str, Any] | None, max_chars: int) -> dict[str, Any]:
    """One report as the page's script reads it (offsets in UTF-16 units)."""
    path = Path(data["file"]) if data else Path(entry.file)
    out: dict[str, Any] = {
        "n": entry.seq,
        "file": path.name,
        "path": str(path),
        "url": _file_url(path),
        "time": entry.time,
    }
    if data is None:
        out.update(missing=True, date="", month="", org="", title="", review=[], f={}, t=[], len=0, cut=False)
        return out
    text: str = data["text"]
    fields: dict[str, list[list[Any]]] = {
        k: [i for i in v if isinstance(i, list) and len(i) == 6] for k, v in data.get("fields", {}).items()
    }
    u16 = Utf16(text)
    windows, cut = _windows(text, fields, max_chars)
    date = _first(fields, "date")
    out.update(
        date=date,
        month=_month(date),
        org=_first(fields, "organizer"),
        title=_first(fields, "title"),
        review=[[str(k), str(r)] for k, r in data.get("review", [])],
        warn=[str(w) for w in data.get("warnings", [])][:10],
        reader=data.get("reader") or "",
        encoding=data.get("encoding") or "",
        f={
            key: [
                [v, u16(s), u16(e), u16(s0) if s0 >= 0 else -1, u16(s1) if s1 >= 0 else -1, rule]
                for v, s, e, s0, s1, rule in items
            ]
            for key, items in fields.items()
        },
        t=[[u16(a), text[a:b]] for a, b in windows],
        len=u16(len(text)),
        cut=cut,
    )
    return out


def _file_url(path: Path) -> str:
    """file:///… for a source file; Chinese and spaces percent-encoded (UTF-8), as browsers expect."""
    try:
        return path.as_uri() if path.is_absolute() else ""
    except ValueError:
        return ""


def page_data(
    reports: Iterable[tuple[Entry, dict[str, Any] | None]],
    schema: Schema,
    config: PageConfig,
    *,
    ledger_name: str,
    ledger_exists: bool,
    total: int | None = None,
    now: dt.datetime | None = None,
    lazy: bool = False,
) -> dict[str, Any]:
    """What the page's script reads: the newest config.max_reports of the reports (of `total` in all).
    lazy=True (with `total` given): "reports" is an iterator, each report read and made as page_chunks
    writes it, so that the page's thousands of reports are never all in memory."""
    fields = [[spec.key, spec.header] for spec in schema.fields if spec.ledger]
    if lazy and total is not None:
        chosen = itertools.islice(reports, config.max_reports)
        shown: Iterable[dict[str, Any]] = (report_payload(e, d, config.max_chars) for e, d in chosen)
    else:
        items = list(itertools.islice(reports, config.max_reports))
        shown = [report_payload(e, d, config.max_chars) for e, d in items]
    return {
        "total": total if total is not None else len(items),
        "title": config.title,
        "generated": (now or dt.datetime.now()).strftime("%Y-%m-%d %H:%M"),
        "ledger": ledger_name if ledger_exists else "",
        "ledgerUrl": urllib.parse.quote(ledger_name) if ledger_exists else "",
        "fields": fields,
        "headers": {spec.key: spec.header for spec in schema.fields},
        "reports": shown,
    }


# ------------------------------------------------------------------------------------- render
def json_for_script(data: Any) -> str:
    """JSON that can sit inside <script type="application/json">: no "</script", "<!--" or line separators
    can appear in it, whatever the documents say (every "<" is written \\u003c)."""
    return _script_safe(_dumps(data))


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _script_safe(text: str) -> str:
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def json_chunks(data: dict[str, Any]) -> Iterator[str]:
    """json_for_script(data) in pieces, one per key and one per report (the same text once joined): its
    "reports" may be an iterator (page_data(lazy=True))."""
    yield "{"
    for i, (key, value) in enumerate(data.items()):
        yield ("," if i else "") + _dumps(key) + ":"
        if key == "reports" and not isinstance(value, list | tuple):
            yield "["
            for j, report in enumerate(value):
                yield ("," if j else "") + _script_safe(_dumps(report))
            yield "]"
        else:
            yield _script_safe(_dumps(value))
    yield "}"


def _hashes(page: str, tag: str) -> list[str]:
    """'sha256-…' of each <tag> element without attributes (the page's own style and script)."""
    out = []
    for m in re.finditer(rf"<{tag}>(.*?)</{tag}>", page, re.DOTALL):
        digest = base64.b64encode(hashlib.sha256(m.group(1).encode("utf-8")).digest()).decode("ascii")
        out.append(f"'sha256-{digest}'")
    return out


def load_template(templates: Path | str | None = None) -> tuple[Path, str]:
    path = find_template(TEMPLATE, templates)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(f"{path}：无法读取（{exc}）", path=path, reason="核对页模板无法读取") from None
    for needed in ("{{ data }}", "{{ csp }}"):
        if needed not in text:
            raise TemplateError(
                f"{path}：核对页模板缺少占位符 {needed}；可用 reporter templates init 重新生成默认模板",
                path=path,
                reason="核对页模板缺少占位符",
            )
    return path, text


def render_page(template: str, data: dict[str, Any]) -> str:
    """The template with its title, data and Content-Security-Policy filled in."""
    return "".join(page_chunks(template, data))


def page_chunks(template: str, data: dict[str, Any]) -> Iterator[str]:
    """render_page(template, data) in pieces (json_chunks), to be written as they come."""
    page = template.replace("{{ title }}", html.escape(str(data.get("title", ""))))
    page = page.replace("{{ generator }}", GENERATOR)
    scripts = " ".join(_hashes(page, "script")) or "'none'"
    styles = " ".join(_hashes(page, "style")) or "'none'"
    csp = (
        f"default-src 'none'; script-src {scripts}; style-src {styles}; img-src 'none'; "
        "font-src 'none'; connect-src 'none'; media-src 'none'; object-src 'none'; frame-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )
    head, sep, tail = page.partition("{{ data }}")
    yield head.replace("{{ csp }}", csp)
    yield from json_chunks(data)
    yield sep.replace("{{ data }}", "") + tail
