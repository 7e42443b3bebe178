"""Property tests over the readers: whatever the bytes, read() returns a clean SourceDoc or raises a
ReporterError subclass naming the file — never another exception, never invalid text.

Random bytes under every suffix, and valid files of every format with bytes flipped, cut or inserted.
Example counts are modest so the suite stays fast; run with --hypothesis-seed=… to reproduce a find.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reporter.errors import ReporterError
from reporter.readers import read
from tests.hostile.build_corpus import PAGE, SHORT, build, mhtml, p, pdf_with_text

# REPORTER_FUZZ_EXAMPLES=2000 runs a longer, randomised search; the default is small and repeatable
_LONG = int(os.environ.get("REPORTER_FUZZ_EXAMPLES", "0"))
SETTINGS = settings(
    max_examples=_LONG or 60,
    deadline=None,
    derandomize=not _LONG,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SUFFIXES = [".txt", ".md", ".docx", ".pdf", ".html", ".htm", ".mht", ".doc", ".wps", ".xyz", ""]
# what no output may hold: C0/C1 controls except \t and \n, bidi overrides, zero-width, lone surrogates
_DIRTY = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b\ufeff\ud800-\udfff]")

SEEDS = {
    ".docx": build(p("赤峰市公安局召开工作会议") + p("会议由副局长贾建忠主持。") + p("来源：敖汉旗公安局")),
    ".pdf": pdf_with_text(SHORT.splitlines()),
    ".mht": mhtml(PAGE),
    ".html": PAGE.encode("gbk"),
    ".txt": SHORT.encode("gbk"),
}
_TMP = Path(tempfile.mkdtemp(prefix="reporter-fuzz-"))


@pytest.fixture(autouse=True, scope="module")
def _no_libreoffice():
    """Fuzzing LibreOffice is not this suite's job (and takes seconds per file): the .doc/.rtf reader
    runs as without LibreOffice, which still exercises the sniffing and OLE checks in front of it."""
    before = os.environ.get("REPORTER_SOFFICE")
    os.environ["REPORTER_SOFFICE"] = ""
    yield
    if before is None:
        os.environ.pop("REPORTER_SOFFICE", None)
    else:
        os.environ["REPORTER_SOFFICE"] = before


def check(data: bytes, suffix: str) -> None:
    path = _TMP / f"样本{suffix}"
    path.write_bytes(data)
    try:
        doc = read(path)
    except ReporterError as exc:
        assert str(exc).startswith(str(path)), str(exc)
        assert exc.reason
        return
    assert doc.text.strip()
    assert not _DIRTY.search(doc.text), repr(_DIRTY.search(doc.text))
    doc.text.encode("utf-8")  # no lone surrogates
    for block in doc.blocks:
        assert 0 <= block.span.start < block.span.end <= len(doc.text)


@SETTINGS
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_under_any_suffix(data, suffix):
    check(data, suffix)


@SETTINGS
@given(
    head=st.sampled_from(
        [
            b"PK\x03\x04",
            b"%PDF-1.4\n",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
            b"{\\rtf1",
            b"<html>",
            b"MIME-Version: 1.0\r\n",
            b"\xef\xbb\xbf",
            b"\xff\xfe",
        ]
    ),
    rest=st.binary(max_size=3000),
    suffix=st.sampled_from(SUFFIXES),
)
def test_magic_bytes_followed_by_junk(head, rest, suffix):
    check(head + rest, suffix)


@st.composite
def mutated(draw):
    """A valid file of some format with a few bytes flipped, a piece cut out, or junk inserted."""
    suffix = draw(st.sampled_from(sorted(SEEDS)))
    data = bytearray(SEEDS[suffix])
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["flip", "cut", "insert", "truncate"]))
        if not data:
            break
        i = draw(st.integers(0, len(data) - 1))
        if kind == "flip":
            data[i] = draw(st.integers(0, 255))
        elif kind == "cut":
            del data[i : i + draw(st.integers(1, 64))]
        elif kind == "insert":
            data[i:i] = draw(st.binary(min_size=1, max_size=64))
        else:
            del data[i:]
    return bytes(data), draw(st.sampled_from([suffix, suffix, ".txt", ".docx"]))


@SETTINGS
@given(sample=mutated())
def test_damaged_files_of_every_format(sample):
    check(*sample)


_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300)


@SETTINGS
@given(paragraphs=st.lists(_TEXT, min_size=1, max_size=5))
def test_word_files_with_any_text(paragraphs):
    from xml.sax.saxutils import escape

    # characters XML 1.0 cannot hold at all are left out: Word never writes them
    body = "".join(p(escape(re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "", t))) for t in paragraphs)
    check(build(body), ".docx")


@SETTINGS
@given(text=_TEXT, encoding=st.sampled_from(["utf-8", "gb18030", "utf-16", "big5", "utf-8-sig"]))
def test_text_files_with_any_characters(text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    check(data, ".txt")


@SETTINGS
@given(
    text=_TEXT,
    tags=st.lists(
        st.sampled_from(
            [
                "p",
                "div",
                "td",
                "tr",
                "table",
                "li",
                "h1",
                "script",
                "nav",
                "br",
                "pre",
                "!--",
                "style",
                "meta charset=gbk",
            ]
        ),
        max_size=12,
    ),
)
def test_web_pages_with_any_markup(text, tags):
    html = "".join(f"<{t}>" for t in tags) + text + "".join(f"</{t.split()[0]}>" for t in reversed(tags))
    check(html.encode("utf-8"), ".html")
    check(mhtml(html, charset="utf-8"), ".mht")
