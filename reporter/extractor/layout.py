"""The layout of a report: which of its lines are the headline and which are page furniture.

Reports reach the ledger as newspaper pages, government web pages, WeChat posts and formal 公文. Each
genre wraps the report in lines that are not its text, and each of those lines says something useful:

- a web page's publication line (2011年09月27 来源：…, 发布日期：2019-11-29 阅读次数：1627) and a
  paper's issue line (《人民日报》（2025年01月08日第 08 版）) give the publication date, its year and the
  source;
- byline lines (作者/编辑/发布者/责任编辑/记者 …, a WeChat account with its time), counters (阅读次数),
  navigation (上一条/下一条, 返回, 当前位置), markdown markers, picture captions, 数据来源：/综合… lines;
- the headline group: a kicker line above the headline (引题: 某某在某地调研时强调) and a subtitle below it
  (副题: —— …, 包括…), a headline written over two or three lines, a 标题_网站名 page title;
- a formal 公文 (GB/T 9704): 发文机关标志 (红头), 发文字号 (某发〔2024〕3号), 签发人, the 关于…的通知 title,
  主送机关 (各乡镇：), 附件 lines, 署名 and 成文日期, 抄送/印发 lines;
- forms and 会议纪要: 会议时间/完成日期/发布单位 fields, table headers, a table of contents.

`read_layout(ctx)` classifies every line once per document (Context.layout caches it); the rules read the
furniture for what it gives and every rule can skip furniture lines (Context.is_furniture).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .dates import DateMatch
from .end_matter import _mark_addressed_notice, _mark_end_matter
from .header_words import HeaderWords, header_words, read_header_words  # noqa: F401 (re-exported)
from .headline import (  # noqa: F401 (re-exported)
    _CJK,
    _COLUMN_TAG,
    _SENTENCE_END,
    _SITE_SUFFIX,
    _banner,
    _document_title,
    _joins,
    _strip_note,
    choose_headline,
    colon_kicker,
    is_couplet,
    title_like,
)

if TYPE_CHECKING:
    from .context import Context

# the kinds of furniture lines (every other line is "text", or "title" for the chosen headline)
FURNITURE_KINDS = frozenset(
    {
        "publication",  # publication line or a paper's issue line
        "byline",  # 作者/编辑/记者 …, a WeChat account line, 原创 …
        "page_meta",  # 阅读次数/浏览次数 alone, 字号 大 中 小
        "nav",  # 上一条/下一条/返回/打印/当前位置
        "source",  # 来源：X / 数据来源：X / 综合X
        "markup",  # markdown markers alone (---, ###, >)
        "caption",  # a picture's caption (… 供图, … 摄, … 绘)
        "masthead",  # a briefing's masthead (工作简报, 第5期, 内部资料)
        "toc",  # 目录 and its entries
        "attachment",  # 附件N and the listed attachments
        "doc_number",  # 发文字号 (with 签发人 on the same line)
        "signer",  # 签发人：
        "issuer_mark",  # 发文机关标志 (the 红头)
        "addressee",  # 主送机关 (各乡镇、县直各单位：)
        "signature",  # 署名 above the 成文日期
        "sign_date",  # 成文日期
        "distribution",  # 抄送/印发/联系人 lines
        "form_label",  # a form's label cell (序号, 会议时间, 主 持 人)
        "period",  # a line holding only a date range （2024.3.18—2024.3.23）
        "kicker",  # 引题 above the headline
        "subtitle",  # 副题 below the headline
    }
)


# ---------------------------------------------------------------------------------------------- lines
@dataclass(frozen=True, slots=True)
class Line:
    start: int  # offsets into the text, without the line's leading and trailing spaces
    end: int
    text: str  # normalised, stripped
    cell: bool  # a table cell's line
    indented: bool  # the raw line starts with spaces (an indented paragraph)
    blank_after: bool  # an empty line follows it


@dataclass(frozen=True, slots=True)
class Publication:
    """What a publication line, a paper's issue line or a WeChat byline says."""

    line: int  # index into Layout.lines
    date: DateMatch | None  # with offsets into the text
    source: tuple[str, int, int] | None  # 来源：X on the same line


@dataclass
class Layout:
    lines: list[Line]
    kinds: list[str]
    head: list[tuple[int, int, str]] = field(default_factory=list)  # headline candidates (joined)
    title: tuple[int, int, str, str] | None = None  # start, end, text, rule name
    site_name: tuple[str, int, int] | None = None  # the 网站名 of a 标题_网站名 title
    body_start: int = 0
    publication: Publication | None = None
    formal: bool = False  # a formal 公文 (关于…的通知 title, 发文字号 or 红头)
    form_fields: dict[str, tuple[str, int, int]] = field(default_factory=dict)

    def lines_of(self, *kinds: str) -> list[Line]:
        return [ln for ln, k in zip(self.lines, self.kinds, strict=True) if k in kinds]

    def furniture_spans(self) -> list[tuple[int, int]]:
        return [
            (ln.start, ln.end) for ln, k in zip(self.lines, self.kinds, strict=True) if k in FURNITURE_KINDS
        ]


_SPACE = " \t\u3000\xa0\u2002\u2003\r"


def split_lines(ctx: Context) -> list[Line]:
    """The body's lines (a block holding several lines gives several), stripped, up to the web footer."""
    out: list[Line] = []
    raw = ctx.text
    for block in ctx.body_blocks:
        if block.span.start >= ctx.content_end:
            break
        pos = block.span.start
        end = min(block.span.end, ctx.content_end)
        while pos < end:
            nl = raw.find("\n", pos, end)
            stop = end if nl < 0 else nl
            s, e = pos, stop
            while s < e and raw[s] in _SPACE:
                s += 1
            while e > s and raw[e - 1] in _SPACE:
                e -= 1
            if e > s:
                nxt = stop + 1
                while nxt < len(raw) and raw[nxt] in _SPACE:
                    nxt += 1
                blank_after = nxt < len(raw) and raw[nxt] == "\n"
                ls = raw.rfind("\n", 0, s) + 1
                indented = s > ls and not raw[ls:s].strip(_SPACE)
                out.append(Line(s, e, ctx.norm[s:e], block.kind == "cell", indented, blank_after))
            pos = stop + 1
    return out


# ------------------------------------------------------------------------------------- line patterns
_DATE_TOKEN = re.compile(
    r"(?:19|20)\d{2}\s*[-年./]\s*\d{1,2}\s*[-月./]\s*\d{1,2}\s*日?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?"
)
_DATE_PARTS = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*[-年./]\s*(?P<m>\d{1,2})\s*[-月./]\s*(?P<d>\d{1,2})(?!\d)(?:\s*日)?"
)
# a paper's issue line: 《人民日报》（2025年01月08日第 08 版）, after an optional byline
_ISSUE = re.compile(
    r"《(?P<paper>[^》]{2,12})》\s*[（(]\s*(?P<date>(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)\s*(?:第\s*\d+\s*版)?\s*[）)]"
)
_PAGE_NOISE = re.compile(
    r"发表于\S{0,10}|【[^】]{0,16}】|\[[^\]]{0,16}\]|[|丨/]|打印|关闭|分享(?:到|至)?|收藏|字号\s*[：:]?\s*[大中小\s]*|"
    r"[大中小](?=\s|$)"
)
_LONG_FURNITURE = re.compile(
    r"^(?:抄\s*送|抄\s*报|分\s*送|(?:本文|原文|信息|数据|稿件|文章|新闻|图片)?来源|上一|下一)"
)
_NAV = re.compile(
    r"^(?:上一条|下一条|上一篇|下一篇|返回(?:顶部|首页|列表)?$|打印本页|关闭窗口|【打印】|【关闭】|当前位置|您现在的位置|"
    r"首页\s*[>＞»]|【字体|字号\s*[：:])"
)
# a table row written as text: a header row opening with 序号/编号, or three or more short cells parted by
# spaces or tabs with a bare number among them (1  城关镇  12)
_TABLE_ROW = re.compile(
    r"^(?:序号|编号)(?:\s+\S{1,12}){2,}$"
    r"|^(?=.*(?:^|\s)\d+(?:\.\d+)?%?(?:\s|$))\S{1,12}(?:\s+\S{1,12}){2,}$"  # a row with a number cell
)
# a WeChat post's prompts around the text (点击蓝字 关注我们, 点击上方蓝字关注, END)
_WECHAT_PROMPT = re.compile(r"^(?:点击|点)?\s*(?:上方|下方)?\s*蓝字.{0,8}关注|^(?:点击)?\s*关注我们$|^END$")
_COUNTER = re.compile(r"^(?:阅读|浏览|点击|访问)(?:次数|量|数)?\s*[：:]\s*\d*\s*(?:次)?$")
_MIXED_SOURCE = re.compile(r"^综合\s*(?P<v>[^，。；：\s]{2,40})$")  # 综合钦南发布、红星新闻 (the last line)
_MARKUP = re.compile(r"^(?:[#>*=_\-—·•]+\s*)+$")
_CAPTION = re.compile(r"^[^。，；]{0,30}(?:\s|^)\S{0,12}(?:供图|摄|摄影|绘|制图|图片来源\S*)$")
_MASTHEAD = re.compile(
    r"^(?:[^\s_|]{0,14}(?:简报|动态|专报|快报|要情|通讯)$|第\s*[\d一二三四五六七八九十百]+\s*期$|[（(]?总第\s*\d+\s*期[）)]?$|"
    r"内部资料|内部刊物|注意保存|[^\s]{2,20}编\s+(?:\d{4}年\d{1,2}月\d{1,2}日|\d{4}[-.]\d{1,2}[-.]\d{1,2})$)"
)
_TOC_HEAD = re.compile(r"^目\s*录$")
_TOC_ENTRY = re.compile(r"(?:\.{4,}|…{2,}|·{4,})\s*\d*$|\t\s*\d+$")
_ATTACH_LABEL = re.compile(r"^附\s*件\s*[\d一二三四五六七八九十]*\s*[：:]?\s*(?P<rest>.*)$")
_LIST_ITEM = re.compile(r"^\d{1,2}\s*[．.、]")
# 发文字号: 某政发〔2024〕3号, XXX银〔20××〕×号, 某党发[2019]15号 (the year bracket may be left blank in a template)
_DOC_NO = re.compile(
    r"(?:^|\s)(?P<no>[\u4e00-\u9fffA-Za-z×]{1,14}[〔\[［【(（]\s*(?P<y>(?:19|20)\d{2}|20××|[\d×xX]{0,4})\s*[〕\]］】)）]"
    r"\s*[\d×xX]{0,5}\s*号)"
)
_VERSION_HEAD = re.compile(r"^(?:\d{6}|(?:绝密|机密|秘密)(?:\s*★\s*\S{0,6})?|特急|加急|特提|平急|急件)$")
_SIGNER = re.compile(r"签\s*发\s*人\s*[：:]")
_DISTRIBUTION = re.compile(
    r"^(?:抄\s*送|抄\s*报|分\s*送|主\s*送|内部发送|印\s*发|主题词|联系人|联系电话)\s*[：:]|印\s*发$|^[（(]共印\s*\d*\s*份[）)]$"
)
_ADDRESSEE_HEAD = re.compile(r"^(?:各|有关|敬爱的|尊敬的|亲爱的)")
_PERIOD = re.compile(r"^[（(]\s*[\d.年月日\-—~至\s]{6,}[）)]$")
# markdown markers a copied post keeps around its headline (# 标题, **标题**)
_MARKDOWN = re.compile(r"^(?:#{1,6}|>)\s*|\*\*|__")


def _date_in(line: Line, m_start: int) -> DateMatch | None:
    """The date written at offset m_start of the line's text (2011年09月27, 2019-11-29, 2025年01月08日),
    with offsets into the document."""
    m = _DATE_PARTS.match(line.text, m_start)
    if not m:
        return None
    d = DateMatch(line.start + m.start(), line.start + m.end(), int(m["y"]), int(m["m"]), int(m["d"]), "full")
    return d if d.valid() else None


def publication_of(line: Line, words: HeaderWords, index: int = 0) -> Publication | None:
    """A publication line: a date with only labels, a site or account name and page widgets around it."""
    text = line.text
    issue = _ISSUE.search(text)
    if issue:
        rest = text[: issue.start()] + text[issue.end() :]
        if len(_CJK.findall(rest)) <= 16 and "。" not in rest and "，" not in rest:
            return Publication(index, _date_in(line, issue.start("date")), None)
        return None
    m = _DATE_TOKEN.search(text)
    if not m:
        return None
    rest = text[: m.start()] + " " + text[m.end() :]
    source = None
    for lv in words.patterns["label_value"].finditer(rest):
        if words.patterns["source_label"].match(lv.group()) and lv.group("v"):
            value = lv.group("v")
            pos = text.find(value, m.end() if m.start() < text.find(value) else 0)
            if pos >= 0:
                source = (value, line.start + pos, line.start + pos + len(value))
    rest = words.patterns["label_value"].sub(" ", rest)
    rest = _PAGE_NOISE.sub(" ", rest)
    left = _SPACES.sub("", rest)
    if len(left) > 14 or _SENTENCE_MARK.search(left):
        return None
    return Publication(index, _date_in(line, m.start()), source)


# (compiled once: line_kind reads every line of every report)
_SPACES = re.compile(r"\s+")
_SENTENCE_MARK = re.compile(r"[，。；！？、]")
_FONT_SIZE = re.compile(r"字号\s*[：:]?\s*[大中小\s]+")
_BRACKETED = re.compile(r"^[（(](.*)[）)]$")
_BRACKETED_NAMES = re.compile(r"[（(][\u4e00-\u9fff\s]{2,30}[）)]")


def _only_labels(text: str, words: HeaderWords) -> bool:
    """A line made only of label：value fields of a page (no sentence in it)."""
    label_value = words.patterns["label_value"]
    if not label_value.match(text):
        return False
    left = _PAGE_NOISE.sub(" ", label_value.sub(" ", text))
    return not _SPACES.sub("", left)


def line_kind(line: Line, words: HeaderWords) -> str:
    """The kind of furniture a line is by itself (its position is looked at later), or "text"."""
    if _MARKUP.match(line.text):
        return "markup"
    t = _MARKDOWN.sub("", line.text).strip() or line.text  # **来源：某局** reads as 来源：某局
    if len(t) > 60 and not _LONG_FURNITURE.match(t):
        return "text"  # a paragraph: furniture lines are short, but for a source or distribution list
    if _NAV.match(t) or _WECHAT_PROMPT.match(t):
        return "nav"
    if _TABLE_ROW.match(line.text):
        return "form_label"  # a table's row in plain text (序号  单位  检查企业数): never a headline
    if _COUNTER.match(t) or _FONT_SIZE.fullmatch(t):
        return "page_meta"
    if _MARKUP.match(t):
        return "markup"
    if words.patterns["source_label"].match(_BRACKETED.sub(r"\1", t)) or (
        _MIXED_SOURCE.match(t) and "、" in t
    ):
        return "source"
    if _MASTHEAD.match(t):
        return "masthead"
    if _PERIOD.match(t):
        return "period"
    if len(t) <= 60 and not line.cell and publication_of(line, words) is not None:
        return "publication"
    if _TOC_HEAD.match(t) or _TOC_ENTRY.search(t):
        return "toc"
    if _VERSION_HEAD.match(t):
        return "doc_number"  # 份号, 密级 and 紧急程度 of a 公文's 版头 (000123 / 机密★1年 / 特急)
    if _SIGNER.search(t) or (_DOC_NO.search(t) and len(t) <= 40 and not _SENTENCE_END.search(t)):
        m = _DOC_NO.search(t)
        if m is None or len(t) - len(m.group("no")) <= 12 or _SIGNER.search(t):
            return "doc_number"
    if _DISTRIBUTION.search(t):
        return "distribution"
    if _PERIOD.match(t):
        return "period"
    if (
        len(t) <= 40
        and "。" not in t
        and (words.patterns["byline"].match(t) or (_BRACKETED_NAMES.fullmatch(t) and " " in t))
    ):
        return "byline"
    if len(t) <= 40 and "。" not in t and _CAPTION.match(t) and " " in t:
        return "caption"
    if len(t) <= 60 and _only_labels(t, words):
        return "page_meta"  # 发布机构：某局  主题分类：安全生产 (an information-disclosure page's fields)
    return "text"


# ----------------------------------------------------------------------------------- the whole layout
def read_layout(ctx: Context) -> Layout:
    words = header_words(ctx)
    lines = split_lines(ctx)
    kinds = [line_kind(ln, words) for ln in lines]
    layout = Layout(lines, kinds)
    _mark_formal(ctx, layout, words)
    _mark_attachments(layout)
    _mark_form_fields(layout, words)
    _read_head(layout, words)
    _mark_end_matter(layout)
    _mark_closing_attribution(layout, words)
    _mark_addressed_notice(layout, words)
    _read_publication(layout, words)
    return layout


# the report's closing line, all in brackets: the unit that sent it or the paper that ran it, maybe with
# its day: （某县公安局政治处）, （某某日报 2019年12月27日）, （某县公安局 供稿）; or without brackets when it
# says 供稿/报送 (某县公安局供稿)
CLOSING_ATTRIBUTION = re.compile(
    r"^[（(](?P<src>[^（）()：:，。\s]{2,30}?)\s*(?:供稿|提供|报送)?\s*"
    r"(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)?[）)]$"
    r"|^(?P<plain>[^（）()：:，。\s]{2,30}?)\s*(?:供稿|报送)$"
)
_AFTER_REPORT = ("nav", "page_meta", "markup", "sign_date", "signature", "attachment", "distribution")


def _mark_closing_attribution(layout: Layout, words: HeaderWords) -> None:
    """The last line of the report's text, when it is only a unit's or an outlet's name in brackets, is
    its source line (furniture), not a sentence naming a unit that took part."""
    from .places import is_unit_name

    for i in range(len(layout.lines) - 1, max(-1, len(layout.lines) - 5), -1):
        if layout.kinds[i] in _AFTER_REPORT:
            continue
        m = CLOSING_ATTRIBUTION.match(layout.lines[i].text)
        if m and layout.kinds[i] in ("text", "byline", "publication"):
            name = m.group("src") or m.group("plain")
            if is_unit_name(name) or words.patterns["media_end"].search(name):
                layout.kinds[i] = "source"
        return


def _mark_formal(ctx: Context, layout: Layout, words: HeaderWords) -> None:
    """红头 (发文机关标志), 发文字号, 主送机关: the head of a formal 公文."""
    from .places import is_unit_name

    lines, kinds = layout.lines, layout.kinds
    top = [i for i in range(min(len(lines), 8))]
    for i in top:
        t = lines[i].text
        nxt = next((j for j in range(i + 1, len(lines)) if kinds[j] not in ("markup",)), None)
        nxt_text = lines[nxt].text if nxt is not None else ""
        org = re.sub(r"\s*文\s*件$", "", t)
        if (org != t and is_unit_name(org.replace(" ", ""))) or (
            kinds[i] == "text"
            and len(t) <= 30
            and not re.search(r"[，。；：\s]", t)
            and is_unit_name(t)
            and nxt is not None
            and (kinds[nxt] == "doc_number" or _document_title(nxt_text, words))
        ):
            kinds[i] = "issuer_mark"
    for i in top:
        if kinds[i] == "text" and _document_title(lines[i].text, words):
            layout.formal = True
            for j in range(i + 1, min(len(lines), i + 4)):
                t = lines[j].text
                if kinds[j] != "text":
                    continue
                if t.endswith(("：", ":")) and len(t) <= 80 and "。" not in t:
                    kinds[j] = "addressee"
                break
            break
    if any(k in ("issuer_mark", "doc_number") for k in kinds[:8]):
        layout.formal = True
    for i in top:
        t = lines[i].text
        if kinds[i] == "text" and _ADDRESSEE_HEAD.match(t) and t.endswith(("：", ":")) and len(t) <= 40:
            kinds[i] = "addressee"


def _mark_attachments(layout: Layout) -> None:
    """附件N labels, and the numbered attachment names listed after 附件："""
    lines, kinds = layout.lines, layout.kinds
    i = 0
    while i < len(lines):
        m = _ATTACH_LABEL.match(lines[i].text)
        if m and kinds[i] == "text" and len(lines[i].text) <= 60 and "。" not in lines[i].text:
            kinds[i] = "attachment"
            j = i + 1
            while j < len(lines) and _LIST_ITEM.match(lines[j].text) and len(lines[j].text) <= 50:
                if "。" in lines[j].text:
                    break
                kinds[j] = "attachment"
                j += 1
            i = j
            continue
        i += 1


def _mark_form_fields(layout: Layout, words: HeaderWords) -> None:
    """Form fields: 会议时间：… lines, or a label cell (会议时间) followed by its value cell."""
    lines, kinds = layout.lines, layout.kinds
    date_field = words.patterns["form_date"]
    issuer_field = words.patterns["issuer_label"]
    for i, ln in enumerate(lines):
        t = ln.text
        compact = re.sub(r"\s+", "", t)
        m = date_field.match(compact) if len(compact) <= 60 else None
        if m and ln.cell and not m.group("v") and i + 1 < len(lines) and lines[i + 1].cell:
            kinds[i] = "form_label"
            value = lines[i + 1]
            layout.form_fields.setdefault(m.group("label"), (value.text, value.start, value.end))
        elif m and m.group("v") and (ln.cell or re.match(r"^\S+\s*[：:]", t)):
            v = re.search(r"[：:]\s*(.+)$", t)
            if v:
                s = ln.start + v.start(1)
                layout.form_fields.setdefault(m.group("label"), (v.group(1), s, ln.end))
        m2 = issuer_field.match(t)
        if m2 and kinds[i] in ("text", "page_meta", "byline"):
            kinds[i] = "form_label"
            s = ln.start + m2.start("v")
            layout.form_fields.setdefault(m2.group("label"), (m2.group("v").strip(), s, ln.end))
        if (
            ln.cell
            and kinds[i] == "text"
            and (compact in ("序号", "编号", "卷号", "密级") or len(compact) <= 1)
        ):
            kinds[i] = "form_label"


def _head_lines(layout: Layout, words: HeaderWords) -> list[int]:
    """The headline lines at the top (furniture skipped); sets where the report's body starts.

    A table's cell counts only as a form's heading (项目开发总结报告), and closes the headline group."""
    lines, kinds = layout.lines, layout.kinds
    head: list[int] = []
    closed = False
    body = None
    for i, ln in enumerate(lines[:40]):
        k = kinds[i]
        if k != "text":
            if head and k not in ("markup",):
                closed = True
            continue
        t = ln.text
        if ln.cell:
            if head:
                closed = True
            first = t.split("\n")[0]
            if (
                not head
                and not closed
                and title_like(first)
                and words.patterns["doc_kind_end"].search(re.sub(r"[（(][^（）()]*[)）]$", "", first))
            ):
                head.append(i)
                closed = True
            continue
        site_wrap = head and _SITE_SUFFIX.match(t) and ln.indented
        below = lines[i + 1].text if i + 1 < len(lines) and kinds[i + 1] == "text" else ""
        headed = title_like(t) or (not head and colon_kicker(t, below))
        if closed or not headed or len(head) >= 4 or (head and ln.indented and not site_wrap):
            body = ln.start
            break
        head.append(i)
    layout.body_start = body if body is not None else (lines[head[-1]].end if head else 0)
    return head


def _read_head(layout: Layout, words: HeaderWords) -> None:
    """The headline group at the top, the chosen headline, and where the report's body starts."""
    lines, kinds = layout.lines, layout.kinds
    head = _head_lines(layout, words)
    if not head:
        return
    groups: list[list[int]] = [[head[0]]]
    for n, i in enumerate(head[1:], 1):
        a = " ".join(lines[j].text for j in groups[-1])
        if _joins(a, lines[i].text, words, tuple(lines[j].text for j in head[n + 1 :])):
            groups[-1].append(i)
        else:
            groups.append([i])
    if len(groups) >= 2 and len(groups[0]) == 1 and _banner(lines[groups[0][0]].text, words):
        kinds[groups[0][0]] = "masthead"  # a site's or unit's name over the page: not a kicker
        groups = groups[1:]
    items: list[tuple[int, int, str]] = []
    for g in groups:
        text = "".join(lines[j].text for j in g) if len(g) > 1 else lines[g[0]].text
        items.append((lines[g[0]].start, lines[g[-1]].end, text))
    layout.head = items
    pick, rule = _pick(items, groups, lines, words)
    s, e, text = items[pick]
    for gi, g in enumerate(groups):
        for j in g:
            kinds[j] = "title" if gi == pick else ("kicker" if gi < pick else "subtitle")
    text = _MARKDOWN.sub("", _strip_note(text)).rstrip("—").strip()
    if m := re.match(r"(?:标\s*题|题\s*目|文章标题)\s*[：:]\s*(?=\S{4})", text):
        s, text = s + len(m.group()), text[m.end() :]  # a form's or CMS export's 标题：label
    if len(groups[pick]) > 1:
        rule = "title.joined_lines"
    site = _SITE_SUFFIX.match(text)
    if site and not _COLUMN_TAG.search(text) and _site_like(site.group("site"), words):
        pos = lines[groups[pick][-1]].start + lines[groups[pick][-1]].text.rfind(site.group("site"))
        layout.site_name = (site.group("site"), pos, pos + len(site.group("site")))
        text, rule = site.group("t").strip(), "title.site_name_stripped"
    layout.title = (s, e, text, rule)


def _site_like(name: str, words: HeaderWords) -> bool:
    """A web site's name after a page title: an outlet (都市快报, 某某发布), a body (某市人民政府), a portal."""
    from .places import is_unit_name

    return bool(words.patterns["media_end"].search(name) or is_unit_name(name) or re.search(r"网|门户", name))


def _pick(
    items: list[tuple[int, int, str]], groups: list[list[int]], lines: list[Line], words: HeaderWords
) -> tuple[int, str]:
    for n, (_, _, text) in enumerate(items):
        if _document_title(text, words):
            return n, "title.document_title"
    if len(items) == 1:
        return 0, "title.head_line"
    texts = [t for _, _, t in items][:3]
    blanks = [lines[g[-1]].blank_after for g in groups[:3]]
    return choose_headline(texts, blanks, words)


def _read_publication(layout: Layout, words: HeaderWords) -> None:
    """The page's publication line: the first one near the top, else one under the report."""
    n = len(layout.lines)
    order = list(range(min(12, n))) + list(range(max(12, n - 6), n))
    for i in order:  # near the top first; some pages put the line under the report
        if layout.kinds[i] in ("publication", "masthead", "source", "page_meta"):  # 信息来源：X 发布时间：…
            pub = publication_of(layout.lines[i], words, i)
            if pub is not None and pub.date is not None:
                layout.publication = pub
                return
