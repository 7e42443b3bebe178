"""Property tests over the extractor: for any text a reader can return, extract() gives a Record whose
evidence points into the text — it never raises anything but a ReporterError.

Texts are built from pieces of real reports (dates, numbers, names with posts, list markers,
punctuation) recombined and cut at random places, plus arbitrary Unicode.
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reporter.errors import ReporterError
from reporter.model import SourceDoc
from reporter.readers.base import clean_text
from reporter.readers.text import line_blocks

_LONG = int(os.environ.get("REPORTER_FUZZ_EXAMPLES", "0"))
SETTINGS = settings(
    max_examples=_LONG or 40,
    deadline=None,
    derandomize=not _LONG,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

SEED_LINES = [
    line
    for line in (Path(__file__).resolve().parents[2] / "seeds" / "seed.txt")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip()
]
PIECES = [
    "2019年1月4日",
    "二〇一九年一月四日",
    "1月4日",
    "昨日",
    "近日",
    "12月31日",
    "2024年2月30日",
    "0年0月0日",
    "1142条",
    "1.2万",
    "三十一个",
    "7.6%",
    "同比下降",
    "环比上升",
    "一千零一十",
    "9" * 40,
    "第一",
    "为期三年",
    "市政府副市长、市公安局局长于海",
    "副局长贾建忠主持",
    "来源：敖汉旗公安局",
    "（记者 张三）",
    "记者：",
    "一是",
    "二是",
    "三要",
    "一、",
    "（一）",
    "1.",
    "第一条",
    "会议要求",
    "会议指出",
    "会议强调",
    "敖汉旗、松山区、喀喇沁旗、巴林左旗四个旗县区公安局",
    "在敖汉旗召开",
    "组织召开",
    "推进会",
    "。",
    "，",
    "；",
    "：",
    "、",
    "“",
    "”",
    "（",
    "）",
    "\n",
    "\t",
    " ",
    "\u3000",
    "……",
    "——",
]


def doc_of(text: str) -> SourceDoc:
    text, _ = clean_text(text)
    return SourceDoc(
        path=Path("模糊测试.txt"), sha256="0" * 64, text=text, blocks=line_blocks(text), reader="text"
    )


def check(text: str, schema) -> None:
    from reporter.extractor import extract

    doc = doc_of(text)
    try:
        record = extract(doc, schema)
    except ReporterError:
        return
    for key, found in record.fields.items():
        for item in found:
            span = item.evidence.span
            assert 0 <= span.start <= span.end <= len(doc.text), (key, span, len(doc.text))


report_like = st.lists(
    st.one_of(st.sampled_from(SEED_LINES), st.sampled_from(PIECES), st.text(max_size=20)),
    min_size=1,
    max_size=40,
).map("".join)


@SETTINGS
@given(text=report_like, cut=st.integers(0, 400))
def test_report_like_text_never_crashes_the_extractor(schema, text, cut):
    check(text, schema)
    check(text[cut:], schema)


@SETTINGS
@given(text=st.text(max_size=500))
def test_any_unicode_never_crashes_the_extractor(schema, text):
    check(text, schema)


# ---- inputs the fuzzing found (kept as plain tests; the extractor is the lead's to fix) -------------
def test_a_run_of_thousands_of_digits(schema):
    """Found by fuzzing: numbers.parse_number → int() over 4300 digits raises ValueError (Python's
    integer string limit) out of extract(). A pasted serial number or a corrupted table can do this."""
    from reporter.extractor import extract

    extract(doc_of("摸排线索" + "9" * 5000 + "条"), schema)
