"""The Word reader keeps each styles part's paragraph styles by content (reports of one office share a
template, and parsing its styles part costs more than the rest of the file): the cache must never give one
file the styles of another, and never let a refused part through."""

from __future__ import annotations

import pytest

from reporter.errors import UnsafeDocumentError
from reporter.readers import docx_styles as docx_reader
from reporter.readers import read
from tests.conftest import write
from tests.support.docx_fixtures import NS, STYLES, build, p

BODY = p("总体要求", style="Heading1") + p("提高认识") + p("压实责任", style="Heading1") + p("抓好落实")
# the same style ids, but 'Heading1' is an ordinary paragraph style here
PLAIN_STYLES = (
    f"<w:styles {NS}>"
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="Body Text"/>'
    '<w:basedOn w:val="Normal"/></w:style></w:styles>'
)


def kinds(doc):
    return [b.kind for b in doc.blocks]


@pytest.fixture(autouse=True)
def empty_cache():
    docx_reader._STYLES_CACHE.clear()
    yield
    docx_reader._STYLES_CACHE.clear()


def test_files_with_the_same_styles_part_read_alike(tmp_path):
    first = read(write(tmp_path / "一.docx", build(BODY)))
    second = read(write(tmp_path / "二.docx", build(BODY + p("补充"))))
    assert len(docx_reader._STYLES_CACHE) == 1
    assert kinds(first) == ["heading", "paragraph", "heading", "paragraph"]
    assert kinds(second) == [*kinds(first), "paragraph"]


def test_another_styles_part_is_not_taken_from_the_cache(tmp_path):
    styled = read(write(tmp_path / "标题.docx", build(BODY)))
    plain = read(
        write(tmp_path / "正文.docx", build(BODY, extra_parts={"word/styles.xml": PLAIN_STYLES.encode()}))
    )
    again = read(write(tmp_path / "标题2.docx", build(BODY)))
    assert kinds(styled) == kinds(again) == ["heading", "paragraph", "heading", "paragraph"]
    assert kinds(plain) == ["paragraph"] * 4
    assert len(docx_reader._STYLES_CACHE) == 2


def test_a_cached_read_equals_a_fresh_one(docx_fixtures):
    fresh = read(docx_fixtures["numbered-lists.docx"])
    cached = read(docx_fixtures["numbered-lists.docx"])
    docx_reader._STYLES_CACHE.clear()
    assert cached.text == fresh.text and cached.blocks == fresh.blocks


def test_a_styles_part_with_a_dtd_is_refused_every_time(tmp_path):
    bad = STYLES.replace("<w:styles ", '<!DOCTYPE w:styles [<!ENTITY x "y">]><w:styles ', 1).encode()
    path = write(tmp_path / "dtd.docx", build(BODY, extra_parts={"word/styles.xml": bad}))
    for _ in range(2):
        with pytest.raises(UnsafeDocumentError):
            read(path)
    assert not docx_reader._STYLES_CACHE


def test_strict_files_are_still_noted_when_their_styles_come_from_the_cache(tmp_path):
    first = read(write(tmp_path / "一.docx", build(BODY, strict=True)))
    second = read(write(tmp_path / "二.docx", build(BODY + p("补充"), strict=True)))
    assert len(docx_reader._STYLES_CACHE) == 1
    for doc in (first, second):
        assert any("Strict" in w for w in doc.warnings)
        assert kinds(doc)[:3] == ["heading", "paragraph", "heading"]
