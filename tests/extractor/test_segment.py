"""The segmenter: rjieba and jieba cut the same, with the same user dictionary; sentences split right."""

from __future__ import annotations

import pytest

from reporter.extractor.segment import (
    JiebaSegmenter,
    RJiebaSegmenter,
    cut,
    dictionary,
    read_userdict,
    split_sentences,
)
from reporter.readers import read
from tests.conftest import ROOT

USERDICT = ROOT / "templates" / "userdict.txt"


@pytest.fixture(scope="module")
def both():
    pytest.importorskip("rjieba")
    segs = [RJiebaSegmenter(), JiebaSegmenter()]
    for seg in segs:
        for word, freq, tag in read_userdict(USERDICT):
            seg.add_word(word, freq, tag)
    return segs


def test_rjieba_and_jieba_cut_the_seeds_the_same(both, seeds_dir):
    fast, slow = both
    for path in sorted(seeds_dir.iterdir()):
        if path.suffix not in (".txt", ".docx"):
            continue
        text = read(path).text
        for line in text.splitlines():
            assert fast.cut(line) == slow.cut(line), (path.name, line[:30])


def test_user_words_are_kept_whole(both):
    for seg in both:
        assert "旗县区" in seg.cut("敖汉旗、松山区四个旗县区公安局做了交流发言")


def test_cut_offsets_cover_the_text():
    text = "2019年1月4日,赤峰市公安局在敖汉旗组织召开会议。"
    words = cut(text)
    assert "".join(w for w, _, _ in words) == text
    assert all(text[s:e] == w for w, s, e in words)


def test_dictionary_gives_tags_and_frequencies():
    table = dictionary()
    assert table.tag("公安局") == "nt" and table.freq("召开") > 1000 and table.tag("没有这个词语") is None


def test_sentences_split_on_chinese_punctuation_and_lines():
    text = "会议要求：一是要提高站位；二是要压实责任。\n来源:某局"
    spans = [text[s.start : s.end] for s in split_sentences(text)]
    assert spans == ["会议要求：一是要提高站位；", "二是要压实责任。", "来源:某局"]
