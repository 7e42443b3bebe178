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
