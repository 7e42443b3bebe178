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


def _non_metric_plainly(ctx, words, tok, s: int, e: int) -> str:
    """tokens._non_metric as it was written before its patterns were compiled once."""
    import re

    from reporter.extractor.rules.metrics.grammar import _APPROX_BEFORE, _CN_DIGITS
    from reporter.extractor.rules.metrics.tokens import _ATTRIBUTE_OF, _inside_short_quote

    norm = ctx.norm
    before = norm[max(s, tok.start - 8) : tok.start]
    after = norm[tok.end : min(e, tok.end + 8)]
    prev = before[-1:]
    if (
        (prev and prev in "×x*·•.-/～~#№")
        or (after[:1] in "·•" and not tok.chinese)
        or (prev in (":", "：") and before[-2:-1].isdigit())
    ):  # 7×24小时, “8·20”, 9:30
        return "名称或编号中的数字"
    stripped = _APPROX_BEFORE.sub("", before)
    for w in words.not_before:
        if stripped.endswith(w) or before.endswith(w):
            return f"前有“{w}”"
    if re.search(
        r"(?:\d|[" + _CN_DIGITS + r"])[余多]?[万亿]?[个名人件起次家条]?(?:至|到|—|–|-|~|～|或)$", before
    ):
        return "范围"
    if re.search(r"第[" + _CN_DIGITS + r"\d]+[、和及至到]$", before):
        return "序数"  # 第二、三轮
    if tok.chinese and re.search(r"(?:数|几|若干)$", before):
        return "约数"
    if tok.chinese and tok.value == 1:
        return "一（不定量）"
    if tok.value == 1 and re.search(r"发生了?$", before):
        return "一起（不定量）"
    if re.match(r"(?:以下|以内|之内|以外|之外|外|之间|以上的)", after):  # 30万元以上的工程: a threshold
        return "门槛或修饰语"
    if after.startswith("的") and not _ATTRIBUTE_OF.match(after):
        return "修饰语"  # 3公里的路, 1%的贴息: the figure qualifies no measured thing (metrics.attributive_figure)
    thing = after.lstrip('“"')
    for w in words.not_after:
        if thing.startswith(w):
            return f"数的是“{w}”"
    if _inside_short_quote(norm, s, tok.start):
        return "引号内的名称"
    if norm[s : tok.start].count("《") > norm[s : tok.start].count("》"):
        return "书名号内"
    return ""


def test_numbers_are_told_from_metrics_as_before():
    from types import SimpleNamespace

    from reporter.extractor.rules.metrics.tokens import Token, _non_metric
    from reporter.extractor.rules.metrics.words import metric_words

    words = metric_words(None)
    rng = random.Random(13)
    pieces = [
        *words.not_before[:8],
        *words.not_after[:8],
        "第二",
        "、",
        "至",
        "3",
        "三",
        "数",
        "若干",
        "发生了",
        "以下",
        "的",
        "的设备",
        "“",
        "”",
        "《",
        "》",
        "×",
        "：",
        "9",
        "人",
        "个",
        "万",
        "会议",
    ]
    for _ in range(3000):
        before = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 4)))
        after = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 4)))
        chinese = rng.random() < 0.5
        number = "三人" if chinese else "3人"
        norm = before + number + after
        tok = Token(len(before), len(before) + 2, rng.choice([1, 3]), "人", chinese, False, "cand")
        ctx = SimpleNamespace(norm=norm)
        assert _non_metric(ctx, words, tok, 0, len(norm)) == _non_metric_plainly(
            ctx, words, tok, 0, len(norm)
        )


def test_post_set_is_the_lexicons_posts():
    from reporter.extractor.rules.summary import _post_set

    posts = load_lexicon(None).posts
    assert _post_set(posts) == frozenset(posts) and _post_set(posts) is _post_set(posts)
    assert _post_set(("局长", "县长")) == {"局长", "县长"}


def test_markers_are_cut_as_before():
    import re

    from reporter.extractor.rules.metrics.grammar import _cut_markers
    from reporter.extractor.rules.metrics.words import metric_words

    words = metric_words(None)

    def plainly(text: str) -> str:  # _cut_markers without its look for 共 first
        for marker in (
            "累计",
            "共计",
            "合计",
            "总计",
            "一共",
            "总共",
            "其中",
            "先后",
            "造成",
            "导致",
            "致使",
        ):
            i = text.rfind(marker)
            if i >= 0:
                rest = text[i + len(marker) :]
                text = rest if rest else text[:i]
        last = None
        for m in re.finditer(r"共(?=" + words.verb_re.pattern + r"|向|对|为|有)", text):
            last = m
        if last is not None and last.end() < len(text):
            rest = text[last.end() :]
            text = text[: last.start()] + rest if words.verb_re.fullmatch(rest) else rest
        return text

    rng = random.Random(17)
    pieces = ["共", "累计", "其中", "受理", "查处", "向", "为", "有", "成员单位", "案件", "全市", "共享"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 6))) for _ in range(3000)]
    assert sum(_cut_markers(words, t) != t for t in texts) > 100
    for text in texts:
        assert _cut_markers(words, text) == plainly(text), text


def test_organ_words_and_adverbs_at_the_end_are_found_as_before(tmp_path):
    from reporter.extractor.orgs import org_grammar
    from reporter.extractor.places import unit_suffix_len
    from reporter.extractor.rules.metrics.grammar import _ADVERBS, _adverb_at_end
    from reporter.extractor.rules.unit_lists import _organ_len

    ctx = _ctx("某县新闻\n县公安局召开会议。\n", tmp_path)
    organs = org_grammar(ctx).organs
    rng = random.Random(21)
    pieces = [*organs[:20], *_ADVERBS[:10], "县", "某某", "局", "委员会", "已", "均"]
    for _ in range(2000):
        name = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 4)))
        own = next((len(o) for o in organs if name.endswith(o)), 0)
        assert _organ_len(ctx, name) == max(unit_suffix_len(name), own), name
        plain = next((a for a in _ADVERBS if name.endswith(a) and len(name) > len(a)), "")
        assert _adverb_at_end(name) == plain, name


def test_a_group_word_before_an_offset_is_found_by_one_endswith():
    rng = random.Random(23)
    generic = ("各县区", "各", "全市", "有关")
    for _ in range(2000):
        text = "".join(
            rng.choice(["各", "县区", "全市", "有关", "公安局", "某"]) for _ in range(rng.randint(0, 5))
        )
        for s in range(len(text) + 1):
            plain = any(text[max(0, s - len(w)) : s] == w for w in generic)
            assert text.endswith(generic, 0, s) == plain  # orgs.find_orgs' test for a group word


def test_posts_and_word_lists_are_looked_up_as_before():
    from reporter.extractor.rules.metrics.plans import any_of
    from reporter.extractor.rules.metrics.words import metric_words
    from reporter.extractor.rules.people import _post_lookup

    posts = load_lexicon(None).posts
    assert _post_lookup(posts) == (frozenset(posts), max(len(p) for p in posts))
    words = metric_words(None)
    rng = random.Random(29)
    for group in (words.agenda, words.plans, ("a.b", "(x"), ()):
        pieces = [*group[:10], "会议", "完成", ".", "b", "x"]
        for _ in range(1000):
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 4)))
            assert bool(any_of(group).search(text)) == any(w in text for w in group), (group, text)
