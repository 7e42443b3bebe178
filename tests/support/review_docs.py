"""Reports written for the 核对页 tests: one with characters beyond U+FFFF, one trying to inject markup."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

# CJK extension B characters (𠮷 𠀀 𠀾) and emoji (😀) are one Python character and two UTF-16 units each.
ASTRAL = (
    "𠮷山县应急管理局召开😀防汛工作会议\n"
    "2024年6月3日，𠮷山县应急管理局在县政府三楼会议室召开防汛工作会议。😀😀会议由县应急管理局局长王𠀾明主持。"
    "全县共排查隐患126处，整改𠀀隐患98处。\n"
)

HOSTILE = (
    "<script>document.title='pwned';window.__pwned=1</script>青山县公安局召开安全工作会议\n"
    "2024年6月5日，青山县公安局在县公安局会议室召开安全工作会议。"
    "<img src=x onerror=\"document.title='pwned';window.__pwned=2\">会议由县公安局局长李建国主持。"
    "<!-- </script><script>window.__pwned=3</script> -->全县共检查场所327家。\u2028\n"
)
HOSTILE_NAME = "<img src=x onerror=alert(1)>.txt"

# longer than review.toml's max_chars (30,000): the page carries its beginning and the text around each value
_FILLER = "全县持续开展安全生产大检查，压实各方责任，确保各项措施落到实处。\n"
LONG = (
    "青山县召开安全生产工作会议\n2024年6月8日，青山县在县政府会议室召开安全生产工作会议。\n"
    + _FILLER * 1200
    + "会议由县委副书记张三主持。全县共检查企业327家。\n"
    + _FILLER * 20
)
LONG_NAME = "长报告.txt"


def write_inbox(folder: Path, seeds: Path) -> Path:
    """A folder of reports: the seeds, the astral report, the hostile one (under a hostile file name)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("seed.txt", "notice.docx", "work-update.txt"):
        (folder / name).write_bytes((seeds / name).read_bytes())
    (folder / "生僻字与表情.txt").write_text(ASTRAL, encoding="utf-8")
    (folder / HOSTILE_NAME).write_text(HOSTILE, encoding="utf-8")
    (folder / LONG_NAME).write_text(LONG, encoding="utf-8")
    return folder


_DATA = re.compile(r'<script type="application/json" id="review-data">(.*?)</script>', re.DOTALL)


def page_json(page: Path) -> dict[str, Any]:
    """The data the page carries (what its script reads)."""
    m = _DATA.search(page.read_text(encoding="utf-8"))
    assert m is not None, "no data element in the page"
    return json.loads(m.group(1))


def utf16_slice(text: str, start: int, end: int) -> str:
    """text[start:end] counting UTF-16 units, as JavaScript's String.slice does."""
    return text.encode("utf-16-le")[2 * start : 2 * end].decode("utf-16-le")


def carried(report: dict[str, Any], start: int, end: int) -> str | None:
    """The text between UTF-16 offsets start and end as the page carries it; None when it left it out."""
    for offset, text in report["t"]:
        if offset <= start and end <= offset + len(text.encode("utf-16-le")) // 2:
            return utf16_slice(text, start - offset, end - offset)
    return None


def shown_text(report: dict[str, Any]) -> str:
    """The whole text of a report the page carries (a short report is carried whole)."""
    assert len(report["t"]) == 1 and report["t"][0][0] == 0
    return report["t"][0][1]
