"""What every rule sees: the document, its normalised text, sentences, words and what was found so far."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Evidence, Found, Review, SourceDoc, Span, Value
from ..schema import Schema
from .lexicon import Lexicon, load_lexicon
from .normalize import normalize
from .segment import cut, split_sentences

if TYPE_CHECKING:
    from .layout import Layout

# Lines where a web page's furniture begins: everything from the first of them on is not the report.
_FOOTER_LINE = re.compile(
    r"^\s*(?:推荐阅读|相关阅读|延伸阅读|往期回顾|往期推荐|精彩推荐|猜你喜欢|热门推荐|点击排行|热点推荐|阅读原文|"
    r"责任编辑|责编|(?:编辑|审核|校对|监制|审校|终审|初审|排版|美编|文字|图片|视频|供稿)\s*[：:|]|"
    r"(?:报|送|发|抄送|抄报|印发|分送)[：:]|"
    r"扫码关注|扫一扫|END$|长按(?:识别)?二维码|长按关注|关注我们|点击(?:上方|下方|蓝字)|分享到|分享至|"
    r"原标题[：:]|声明[：:]|版权声明|免责声明|\(?（?完）?\)?$|【纠错】|\[责任编辑|打印本页|关闭窗口|"
    r"上一篇|下一篇|上一条|下一条|返回顶部|相关新闻|相关链接)"
)
_TEXT_BEGUN = re.compile(
    r"[。！？]|[\u4e00-\u9fff][.!?](?:\s|$)|^.{61,}"
)  # a sentence or a paragraph: the text has begun


class Context:
    def __init__(
        self,
        doc: SourceDoc,
        schema: Schema,
        *,
        ref_date: dt.date | None = None,
        userdicts: tuple[Path, ...] = (),
        lexicon: Lexicon | None = None,
    ):
        self.doc = doc
        self.text = doc.text
        self.norm = normalize(doc.text)
        self.schema = schema
        self.ref_date = ref_date
        self.userdicts = userdicts
        self.lexicon: Lexicon = lexicon if lexicon is not None else load_lexicon()
        self.found: dict[str, list[Found]] = {}
        self.review: list[Review] = []

    # ---- regions -------------------------------------------------------------------------------
    @cached_property
    def body_end(self) -> int:
        return self.doc.body_end

    @cached_property
    def content_end(self) -> int:
        """Where the report itself ends: before web footers (推荐阅读, 责任编辑 …) and furniture."""
        end = self.body_end
        started = False  # a footer cue counts once the report's text has begun: a page's share and
        for block in self.body_blocks:  # print widgets (分享到, 打印本页) also sit above the text
            line = self.norm[block.span.start : block.span.end]
            if started and _FOOTER_LINE.match(line):
                return block.span.start
            started = started or _TEXT_BEGUN.search(line) is not None
        return end

    @cached_property
    def body_blocks(self):
        return tuple(b for b in self.doc.blocks if b.part == "body")

    @cached_property
    def lines(self) -> list[Span]:
        """Body blocks before the web footer."""
        return [b.span for b in self.body_blocks if b.span.start < self.content_end]

    def line_text(self, span: Span) -> str:
        return self.norm[span.start : span.end]

    # ---- layout: the headline group and the page furniture (see layout.py) ----------------------
    @cached_property
    def layout(self) -> Layout:
        """Every line of the body classified: headline, kicker, subtitle, publication line, byline …"""
        from .layout import read_layout

        return read_layout(self)

    @cached_property
    def body_start(self) -> int:
        """Offset of the report's first body line (after the headline group and the page furniture)."""
        return self.layout.body_start

    @cached_property
    def furniture(self) -> list[Span]:
        """The furniture lines (publication and byline lines, kicker, subtitle, 发文字号, 主送机关 …):
        rules looking for organisations, people or sources skip them."""
        return [Span(s, e) for s, e in self.layout.furniture_spans()]

    @cached_property
    def _furniture_starts(self) -> list[int]:
        return [f.start for f in self.furniture]

    @cached_property
    def _furniture_ends(self) -> list[int]:
        return [f.end for f in self.furniture]

    def is_furniture(self, pos: int) -> bool:
        """Whether offset pos lies on a furniture line."""
        starts = self._furniture_starts  # (asked hundreds of times per report)
        if not starts or pos < starts[0]:
            return False
        i = bisect.bisect_right(starts, pos) - 1
        return pos < self._furniture_ends[i]

    def outside_furniture(self, starts: list[int], lo: int = 0) -> list[tuple[int, int]]:
        """Index ranges [a, b) of the sorted offsets starts[lo:] that are not on furniture: the same
        offsets as filtering them with is_furniture, found with a few bisections."""
        fs, fe = self._furniture_starts, self._furniture_ends
        out: list[tuple[int, int]] = []
        a = lo
        for k, f_start in enumerate(fs):
            f_end = min(fe[k], fs[k + 1]) if k + 1 < len(fs) else fe[k]  # (is_furniture's reading of it)
            if f_end <= f_start:
                continue
            i = max(bisect.bisect_left(starts, f_start), lo)
            j = max(bisect.bisect_left(starts, f_end), lo)
            if i > a:
                out.append((a, i))
            a = max(a, j)
        if len(starts) > a:
            out.append((a, len(starts)))
        return out

    # ---- sentences and words -----------------------------------------------------------------
    @cached_property
    def sentences(self) -> list[Span]:
        spans: list[Span] = []
        for line in self.lines:
            spans.extend(split_sentences(self.norm, line.start, min(line.end, self.content_end)))
        return spans

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, pos: int) -> Span:
        """The sentence holding offset pos (the line, outside the body's sentences)."""
        i = bisect.bisect_right(self._sentence_starts, pos) - 1
        if i >= 0 and self.sentences[i].start <= pos < self.sentences[i].end:
            return self.sentences[i]
        for block in self.doc.blocks:
            if block.span.start <= pos < block.span.end:
                return block.span
        return Span(pos, pos)

    @cached_property
    def words(self) -> list[tuple[str, int, int]]:
        """jieba words of the body (one cut per document)."""
        return cut(self.norm[: self.content_end], self.userdicts)

    @cached_property
    def word_starts(self) -> list[int]:
        """Start offsets of the words, in order (for bisect)."""
        return [ws for _, ws, _ in self.words]

    @cached_property
    def word_ends(self) -> list[int]:
        """End offsets of the words, in order (for bisect)."""
        return [we for _, _, we in self.words]

    # ---- results ---------------------------------------------------------------------------------
    def evidence(self, start: int, end: int) -> Evidence:
        sent = self.sentence_at(start)
        s, e = min(sent.start, start), max(sent.end, end)
        # one string per sentence, shared by all the values read from it (records stay small in memory,
        # and pickling a record to the main process keeps the sharing)
        sentences = self._sentences_text
        sentence = sentences.get((s, e))
        if sentence is None:
            sentence = sentences[(s, e)] = self.text[s:e]
        return Evidence(Span(start, end), sentence, s)

    @cached_property
    def _sentences_text(self) -> dict[tuple[int, int], str]:
        return {}

    def hit(self, value: Value, start: int, end: int, rule: str) -> Found:
        """A Found for a value read from text[start:end]."""
        return Found(value, self.evidence(start, end), rule)

    def value(self, key: str):
        items = self.found.get(key) or []
        return items[0].value if items else None

    def value_list(self, key: str) -> list:
        return [f.value for f in self.found.get(key) or []]

    def flag(self, key: str, reason: str) -> None:
        if not any(r.field == key and r.reason == reason for r in self.review):
            self.review.append(Review(key, reason))
