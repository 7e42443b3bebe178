"""The shortcuts taken for speed give what the plain computation gives: the word lists kept per document,
the set phrases looked up by their first part, dates scanned only where one can begin, numbers parsed once.
Texts are written for the project."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from reporter.extractor import lexicon as lexicon_module
from reporter.extractor.context import Context
from reporter.extractor.dates import DATE_RE, _date_matches, find_dates
from reporter.extractor.header_words import header_words, read_header_words
from reporter.extractor.lexicon import load_lexicon, words_in_effect
from reporter.extractor.numbers import parse_number
from reporter.extractor.orgs import _term_splits, org_grammar, term_across
from reporter.extractor.scan import matches_from
from reporter.readers import read
from reporter.schema import load_schema

TEXT = (
    "白水县召开政府采购工作座谈会\n"
    "2024年3月5日，白水县财政局在县政府采购中心召开座谈会，县市场监管局、县审计局参加。"
    "会议要求，二〇二四年四月底前完成自查，5月10日前报送材料。\n"
)


def _ctx(text: str, tmp_path: Path) -> Context:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    lexicon = load_lexicon(None)
    return Context(read(path), load_schema(), userdicts=lexicon.userdicts, lexicon=lexicon)


# ------------------------------------------------------------------------ word lists, once per document
def test_word_lists_are_looked_at_once_per_document(tmp_path, monkeypatch):
    ctx = _ctx(TEXT, tmp_path)
    calls = []
    plain = lexicon_module._words_in_effect

    def counted(*args):
        calls.append(args[1])
        return plain(*args)

    monkeypatch.setattr(lexicon_module, "_words_in_effect", counted)
    first = header_words(ctx)
    assert header_words(ctx) is first and header_words(ctx) is first
    assert calls == ["header_words"]
    assert first is plain(ctx, "header_words", "header_words.txt", read_header_words)  # same parsed list
    other = _ctx(TEXT, tmp_path)  # another document looks again (the file may have changed between them)
    header_words(other)
    assert calls == ["header_words", "header_words"]


def test_word_lists_without_a_document_are_read_as_before(tmp_path):
    words = words_in_effect(None, "header_words", "header_words.txt", read_header_words)
    assert words is header_words(None)


# ------------------------------------------------------------------------------------------ set phrases
def _term_across_plainly(ctx: Context, pos: int) -> bool:
    for term in org_grammar(ctx).terms:
        for k in range(1, len(term)):
            if ctx.norm.startswith(term[k:], pos) and ctx.norm[max(0, pos - k) : pos] == term[:k]:
                return True
    return False


def test_term_across_finds_what_comparing_every_phrase_finds(tmp_path):
    ctx = _ctx(TEXT + "县政府采购网发布公告。市政府采购办、政府 采购。", tmp_path)
    answers = [term_across(ctx, pos) for pos in range(len(ctx.norm) + 1)]
    assert answers == [_term_across_plainly(ctx, pos) for pos in range(len(ctx.norm) + 1)]
    assert any(answers)  # 政府 | 采购 is read across


def test_term_splits_cut_each_phrase_at_every_place():
    splits = dict(_term_splits(("政府采购", "公共资源")))
    assert splits[2] == {"政府": ("采购",), "公共": ("资源",)}
    assert splits[1]["政"] == ("府采购",) and splits[3]["公共资"] == ("源",)
    assert _term_splits(()) == ()


# ------------------------------------------------------------------------------------------------ dates
@pytest.mark.parametrize(
    "text",
    [
        TEXT,
        "2019-1-4 至 2019.02.05，共计12月3日",
        "一九九八年十二月三十一日、二〇二〇年一月、2021年",
        "第3月5日号12月12月31日2020年5月",
        "",
        "没有日期的句子。",
    ],
)
def test_dates_found_where_one_can_begin_are_every_date(text):
    assert [m.span() for m in _date_matches(text)] == [m.span() for m in DATE_RE.finditer(text)]


def test_dates_scan_agrees_with_the_full_scan_on_random_text():
    rng = random.Random(7)
    alphabet = "0123456789年月日号-./ 十一二三四五六七八九〇零○的，"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        want = [(m.span(), m.groupdict()) for m in DATE_RE.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in _date_matches(text)] == want, text
    assert [d.iso() for d in find_dates("2024年3月5日和5月10日")] == ["2024-03-05", "--05-10"]


# ---------------------------------------------------------------------------------------------- numbers
def test_a_number_parsed_again_is_the_same():
    for text in ["1,234", "３０多万", "三千五", "百分之十二", "1.5千", "上万", "12%"]:
        first = parse_number(text)
        assert parse_number(text) == first
        assert parse_number.__wrapped__(text) == first  # the cached answer is the computed one


# ------------------------------------------------------------------------------ scans from a first char
def _random_texts(alphabet: str, n: int = 2000) -> list[str]:
    rng = random.Random(11)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(n)]


def test_count_and_marker_scans_find_what_finditer_finds():
    from reporter.extractor.rules.tasks.lists import _COUNT, _MARKER_FIRST, _MARKERS, COUNT_FIRST

    alphabet = '一二两三四五六七八九十12３“”"个点项条要求措施方面是、（）.，：。的和'
    texts = [
        *_random_texts(alphabet),
        "提出三点要求：一是要…；二是要…",
        "坚持“五个到位”，从3个方面（1）（二）",
    ]
    for text in texts:
        assert [m.span() for m in matches_from(_COUNT, COUNT_FIRST, text)] == [
            m.span() for m in _COUNT.finditer(text)
        ]
        for family, pattern, _inline in _MARKERS:
            if family in _MARKER_FIRST:
                got = [m.span() for m in matches_from(pattern, _MARKER_FIRST[family], text, 1, len(text) - 1)]
                assert got == [m.span() for m in pattern.finditer(text, 1, len(text) - 1)], (family, text)


def test_matches_from_keeps_the_lookbehind_and_the_end():
    import re

    pattern = re.compile(r"(?<!年)\d+月")
    first = re.compile(r"\d")
    text = "2024年3月和5月、12月"
    assert [m.group() for m in matches_from(pattern, first, text)] == ["5月", "12月"]
    assert [m.group() for m in matches_from(pattern, first, text, 0, len(text) - 1)] == ["5月"]
    assert [m.group() for m in matches_from(re.compile(r"\d*"), first, "a12b3")] == ["12", "3"]  # ends


def test_shared_kind_lists_are_still_read(tmp_path):
    from reporter.extractor.rules.units import _SHARED_KIND, _SHARED_KIND_END

    text = "县民政、人社、公安等部门参加会议，某市人社、住建等20余个单位到会。"
    assert len(list(_SHARED_KIND.finditer(text))) == 2
    assert all(_SHARED_KIND_END.search(m.group()) for m in _SHARED_KIND.finditer(text))
    assert _SHARED_KIND_END.search("县民政、人社、公安部门参加") is None


def test_every_change_holds_a_change_word():
    from reporter.extractor.rules.metrics.changes import _CHANGE_WORD
    from reporter.extractor.rules.metrics.grammar import _CHANGE_RE

    alphabet = "同比环较上年去期月周增降减长加少低升幅涨速率提高回落下滑跌分别为达到了，0123.%"
    texts = [*_random_texts(alphabet, 4000), "同比下降5.3%", "比增12%", "降幅为8.4%", "较去年同期减少96起"]
    for text in texts:
        if _CHANGE_RE.search(text):
            assert _CHANGE_WORD.search(text), text
        for m in _CHANGE_RE.finditer(text):
            assert _CHANGE_WORD.search(m.group()), text


def test_days_without_a_month_are_found_from_their_digits():
    from reporter.extractor.rules.dates_rule import _DAY_ONLY, _DIGIT

    alphabet = "0123日月年/.-晚上午在，, 会议"
    for text in [*_random_texts(alphabet), "郭某19日主持召开会议，26日晚，3月5日"]:
        assert [m.span() for m in matches_from(_DAY_ONLY, _DIGIT, text, 1, len(text))] == [
            m.span() for m in _DAY_ONLY.finditer(text, 1, len(text))
        ]


def test_furniture_test_agrees_with_the_furniture_lines(tmp_path):
    text = "某县公安局\n发布时间：2024-03-05  来源：某县公安局\n" + TEXT + "责任编辑：某某\n"
    ctx = _ctx(text, tmp_path)
    spans = ctx.furniture
    assert spans
    for pos in range(len(ctx.norm) + 2):
        assert ctx.is_furniture(pos) == any(f.start <= pos < f.end for f in spans), pos


def test_sentence_ends_and_number_tokens_are_found_from_their_first_characters():
    from reporter.extractor.rules.metrics.tokens import _TOKEN_FIRST
    from reporter.extractor.rules.metrics.words import metric_words
    from reporter.extractor.segment import _SENT_END, _SENT_END_FIRST, split_sentences

    token_re = metric_words(None).token_re
    alphabet = "。！？!?；;…”’」』）)\n 一二两十百千万亿余多0123,.%起件人次家元（套）台年会"
    for text in [*_random_texts(alphabet), TEXT, "共查处案件1,200起（件），同比下降5.3%。"]:
        assert [m.span() for m in matches_from(_SENT_END, _SENT_END_FIRST, text)] == [
            m.span() for m in _SENT_END.finditer(text)
        ]
        assert [m.span() for m in matches_from(token_re, _TOKEN_FIRST, text, 1)] == [
            m.span() for m in token_re.finditer(text, 1)
        ]
    assert [TEXT[s.start : s.end][-1] for s in split_sentences(TEXT)][-1] == "。"


def test_unit_suffix_length_is_the_same_when_asked_again():
    from reporter.extractor.places import unit_suffix_len

    for word in ["县公安局", "派出所", "会议", "市场监督管理局", "", "局"]:
        assert unit_suffix_len(word) == unit_suffix_len.__wrapped__(word)


def test_fingerprint_text_is_dropped_as_before():
    import unicodedata

    from reporter.fingerprint import normalise

    def plainly(text: str) -> str:
        text = unicodedata.normalize("NFKC", text)
        return "".join(ch for ch in text if unicodedata.category(ch)[0] not in "ZPSC")

    alphabet = "abc 123，。、中文字符ＡＢ１２é\u0301=\u0338ﾞｶ①\t\n\u3000！？《》"
    for text in [*_random_texts(alphabet), TEXT, ""]:
        assert normalise(text) == plainly(text), text


def test_casualties_quakes_and_yao_series_are_read_as_before():
    from reporter.extractor.rules.metrics.grammar import _DEATH_INJURY, _QUAKE
    from reporter.extractor.rules.metrics.tidy import _DIGIT
    from reporter.extractor.rules.tasks.series import _yao_clauses
    from reporter.model import Span

    alphabet = "0123.死伤亡刑级地震强余发生造成，要求各部门"
    for text in [*_random_texts(alphabet), "交通事故造成2死4伤，发生5.2级地震"]:
        for pattern in (_DEATH_INJURY, _QUAKE):
            assert [m.span() for m in matches_from(pattern, _DIGIT, text, 1)] == [
                m.span() for m in pattern.finditer(text, 1)
            ]
    said = "他强调，要提高认识，要压实责任，要强化督导。"
    run = _yao_clauses(said, Span(0, len(said)))
    assert run is not None and len(run.items) == 3
    assert _yao_clauses("会议强调，提高认识，压实责任。", Span(0, 15)) is None
