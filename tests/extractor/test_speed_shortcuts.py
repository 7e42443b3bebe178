"""More shortcuts taken for speed give what the plain computation gives (see also test_speed_helpers.py).
Texts are written for the project."""

from __future__ import annotations

import random
from pathlib import Path

from reporter.extractor.context import Context
from reporter.extractor.lexicon import load_lexicon
from reporter.readers import read
from reporter.schema import load_schema


def _ctx(text: str, tmp_path: Path, name: str = "doc.txt") -> Context:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    lexicon = load_lexicon(None)
    return Context(read(path), load_schema(), userdicts=lexicon.userdicts, lexicon=lexicon)


FESTIVAL_TEXTS = [
    "由石泉县人民政府主办的2025石泉春茶采摘节在石泉县青坪乡茶山开幕\n5月3日，采摘节隆重开幕。\n",
    "第三届柏溪农产品展销会开幕\n10月11日上午，第三届柏溪农产品展销会在镇文化广场隆重开幕，"
    "全镇48家合作社参展。\n为期四天的“柏溪杯”篮球运动会于12日在县体育馆闭幕。\n",
    "县里召开会议\n会议指出，要办好文化旅游节。\n由县文旅局承办的\n首届山歌节在河边举行\n",
]


def _random_festival_texts(n: int = 40) -> list[str]:
    rng = random.Random(5)
    pieces = [
        "由县政府主办的",
        "第三届",
        "山歌节",
        "博览会",
        "运动会",
        "在",
        "广场",
        "隆重",
        "开幕",
        "举行",
        "闭幕",
        "于12日",
        "“",
        "”",
        "，",
        "。",
        "\n",
        "会议",
    ]
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(5, 40))) for _ in range(n)]


def test_festival_lines_without_an_opening_word_hold_no_festival(tmp_path):
    from reporter.extractor.rules.festival import _OPENS_TAIL, _build
    from reporter.extractor.rules.meeting import _first

    opened, _holds = _build(None)
    seen = 0
    for i, text in enumerate(FESTIVAL_TEXTS + _random_festival_texts()):
        ctx = _ctx("某县新闻\n" + text, tmp_path, f"doc{i}.txt")
        fast = [(m.span(), m.groupdict()) for m in _first(ctx, opened, lines=8, tail=_OPENS_TAIL)]
        assert fast == [(m.span(), m.groupdict()) for m in _first(ctx, opened, lines=8)], text
        seen += len(fast)
    assert seen > 10  # the texts do hold festivals


def _clean_name_plainly(words, text: str) -> str:
    """grammar._clean_name as it was written before its patterns were guarded."""
    import re

    from reporter.extractor.rules.metrics.grammar import _strip_adverbs, _strip_joiners

    text = re.sub(r"为期[^，]*?的", "", text)
    text = re.sub(r"^(?:比如|例如|譬如)", "", text)
    if text.startswith("经") and words.verb_re.match(text, 1):
        text = text[1:]
    text = re.sub(r"(?<=[\u4e00-\u9fff])了(?=[\u4e00-\u9fff“])", "", text)
    text = _strip_joiners(text)
    text = _strip_adverbs(text)
    text = re.sub(
        r"(?<=[\u4e00-\u9fff]{2})(?:就|也|都|均|已|还|则|才|已经|共计|合计|总计|共|正在|仍)$", "", text
    )
    if text.count("“") > text.count("”"):
        text = text.replace("“", "", 1) if text.startswith("“") else text
    if text.count("”") > text.count("“") and text.endswith("”"):
        text = text[:-1]
    return _strip_joiners(text)


def test_metric_names_are_cleaned_as_before():
    from reporter.extractor.rules.metrics.grammar import _clean_name
    from reporter.extractor.rules.metrics.words import metric_words

    words = metric_words(None)
    pieces = [
        "为期",
        "三天",
        "的",
        "比如",
        "例如",
        "经",
        "调解",
        "了",
        "办结",
        "案件",
        "就",
        "已经",
        "共计",
        "正在",
        "仍",
        "“",
        "”",
        "和",
        "、",
        "资金",
        "\n",
        "a",
    ]
    rng = random.Random(7)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))) for _ in range(3000)]
    texts += [
        "为期三天的培训班办结案件",
        "比如某院新公布的案件",
        "经调解达成协议",
        "办结了案件",
        "资金就",
        "资金仍\n",
    ]
    for text in texts:
        assert _clean_name(words, text) == _clean_name_plainly(words, text), text


def _strip_adverbs_plainly(text: str) -> str:
    """grammar._strip_adverbs without its first look at the adverbs."""
    from reporter.extractor.entities import tag
    from reporter.extractor.rules.metrics.grammar import _ADVERBS

    if text.endswith("率"):
        return text
    changed = True
    while changed and text:
        changed = False
        for a in _ADVERBS:
            if not text.startswith(a) or len(text) - len(a) < 2:
                continue
            if len(a) == 1 and tag(text[:2]) is not None:
                continue
            text = text[len(a) :]
            changed = True
    return text


def test_adverbs_are_stripped_as_before():
    from reporter.extractor.rules.metrics.grammar import _ADVERBS, _strip_adverbs

    rng = random.Random(3)
    pieces = [*_ADVERBS, "就业", "共享", "办结", "案件", "率", "查处", "a"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 5))) for _ in range(3000)]
    for text in texts:
        assert _strip_adverbs(text) == _strip_adverbs_plainly(text), text


def test_offsets_outside_furniture_are_those_is_furniture_keeps(tmp_path):
    ctx = _ctx("某县新闻\n来源：某县融媒体中心\n正文一句。\n", tmp_path)
    rng = random.Random(9)
    for _ in range(500):
        starts = sorted(rng.randint(0, 60) for _ in range(rng.randint(0, 30)))
        f_starts = sorted(rng.randint(0, 60) for _ in range(rng.randint(0, 5)))
        ctx.__dict__["_furniture_starts"] = f_starts
        ctx.__dict__["_furniture_ends"] = [s + rng.randint(0, 15) for s in f_starts]
        lo = rng.randint(0, len(starts))
        kept = [i for a, b in ctx.outside_furniture(starts, lo) for i in range(a, b)]
        assert kept == [i for i in range(lo, len(starts)) if not ctx.is_furniture(starts[i])]
