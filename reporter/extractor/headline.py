"""The headline group of a report: which line is the title, which a kicker above it (引题) or a subtitle
below it (副题), and whether a title goes on over the next line."""

from __future__ import annotations

import re

from .header_words import HeaderWords

_CJK = re.compile(r"[\u4e00-\u9fff]")
_ENUMERATED = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+(?:\.\d+)*(?:[、．\s]|\.(?!\d))|第[一二三四五六七八九十]+[部章节条]|[①-⑳])"
)
_SENTENCE_END = re.compile(r"[。！？；：]$")
_COLUMN_TAG = re.compile(r"[（(][^（）()]{2,16}[)）]$")
_FIGURE = re.compile(
    r"(?:\d+(?:\.\d+)?|[一二三四五六七八九十两][十百千万亿]+)\s*(?:%|[万亿]?[\u4e00-\u9fff])"
)
_SITE_SUFFIX = re.compile(r"^(?P<t>.{4,}?)\s*(?:_|\s[-|]\s|[|｜])\s*(?P<site>[^_|｜，。\s]{2,20})$")
_PLACE_HEAD = re.compile(
    r"^(?:[县市区旗州乡镇省]|[\u4e00-\u9fff]{1,7}?(?:省|市|县|区|旗|州|盟)(?!长|委|政府|场))"
)


def title_like(text: str) -> bool:
    """A line that can be (part of) a headline: short, no sentence end, some Chinese, not a numbered item."""
    t = text.strip()
    if not t or len(t) > 60 or len(_CJK.findall(t)) < 2:
        return False
    if _SENTENCE_END.search(t) and (len(t) > 25 or t[-1] in "。：；"):
        return False
    if "。" in t[:-1] or _ENUMERATED.match(t) or t.endswith(("，", ",", "、")):
        return False
    return not re.fullmatch(r"[\d\s年月日:：.\-/时分秒许左右]+", t)


def colon_kicker(text: str, below: str) -> bool:
    """A short kicker closed by a colon over the headline: the place or unit it is about (江北县：, 某区市场监管局：)
    or the theme (聚焦高质量发展：). Not an addressee (各乡镇：, 尊敬的…：) nor a label (附件：, 说明：)."""
    t = text.strip()
    name = t[:-1].strip() if t.endswith(("：", ":")) else ""
    if not (2 <= len(name) <= 16) or len(_CJK.findall(name)) < 2 or not title_like(below):
        return False
    if re.search(r"[，。；：、！？\s\d]", name) or _NOT_KICKER.match(name):
        return False
    return not below.rstrip().endswith(("：", ":"))


_NOT_KICKER = re.compile(
    r"^(?:各|有关|敬爱|尊敬|亲爱|附件|附|说明|备注|注|目录|主题词|关键词|摘要|联系|地址|电话|时间|地点)"
)


def is_couplet(text: str, short: bool = False) -> bool:
    """Two or more phrases side by side (政策找人  服务上门): a headline's, or with short, a slogan's."""
    parts = [p for p in re.split(r"\s+", text.strip()) if p]
    if len(parts) < 2 or any(len(_CJK.findall(p)) < 2 for p in parts):
        return False
    return all(len(p) <= 5 for p in parts) if short else all(len(p) >= 3 for p in parts)


def choose_headline(texts: list[str], blanks: list[bool], words: HeaderWords) -> tuple[int, str]:
    """Which of two or three stacked headline lines is the headline, and the cue that says so.

    Newspaper headlines come as kicker (引题) / headline / subtitle (副题). Of three lines the middle one
    is the headline. Of two, the cues are read in this order: a subtitle starts with ——; a kicker ends
    with —— or ：, or with a speech verb (某某在某地调研时强调); a column tag （…） marks the headline; a
    headline is often a couplet (政策找人  服务上门) while a short slogan couplet (党建引领  技术赋能) is a
    kicker; a kicker announces a document (某部等十部门联合印发意见, 某部发布《…》); a subtitle starts
    with 包括/系/确保 …; a local headline starts with its place. Else the line before a blank line.
    blanks[i] tells whether an empty line follows line i: kicker and headline set close together with
    a blank line under the headline mark the second line as the headline.
    """
    if len(texts) >= 3:
        return 1, "title.middle_of_three"
    a, b = texts[0], texts[1]
    p = words.patterns
    if b.startswith(("——", "—")):
        return 0, "title.above_subtitle"
    if a.endswith(("——", "—", "：", ":")) or p["speech_end"].search(a):
        return 1, "title.below_kicker"
    tag_a, tag_b = bool(_COLUMN_TAG.search(a)), bool(_COLUMN_TAG.search(b))
    if tag_a != tag_b:
        return (0, "title.above_subtitle") if tag_a else (1, "title.below_kicker")
    if blanks[1] and not blanks[0]:
        return 1, "title.below_kicker"
    if len(a) >= 16 and "，" in a and "，" not in b:
        return 1, "title.below_kicker"  # a kicker written as a clause: 某地推进某工作，重点…整顿
    if p["subtitle_head"].match(b):
        return 0, "title.above_subtitle"
    local_a, local_b = _local_head(a), _local_head(b)
    if local_b and not local_a:
        # the line naming the place that acts (某县开展…) under a slogan or a theme: that is the headline
        return 1, "title.below_kicker"
    dir_a, dir_b = bool(p["directive_head"].match(a)), bool(p["directive_head"].match(b))
    if dir_a != dir_b:
        # a headline often lays down the work (做好…工作, 加强…建设); its kicker says who or where
        return (0, "title.above_subtitle") if dir_a else (1, "title.below_kicker")
    fig_a, fig_b = bool(_FIGURE.search(a)), bool(_FIGURE.search(b))
    if fig_b and not fig_a and _figure_deck(b):
        return 0, "title.above_subtitle"  # a subtitle lists the results side by side (办结12件  挽损3万元)
    if fig_a != fig_b:
        # the headline carries the news figure (就业率达97.24%), the other line its context
        return (0, "title.above_subtitle") if fig_a else (1, "title.below_kicker")
    if is_couplet(b) and not is_couplet(a):
        return 1, "title.below_kicker"
    if is_couplet(a, short=True) and not is_couplet(b):
        return 1, "title.below_kicker"
    if p["announce"].search(a) and not p["announce"].search(b):
        return 1, "title.below_kicker"
    if local_a:
        return 0, "title.above_subtitle"
    return (1, "title.below_kicker") if blanks[1] else (0, "title.above_subtitle")


def _local_head(text: str) -> bool:
    return bool(_PLACE_HEAD.match(text)) or _starts_with_province(text)


def _figure_deck(text: str) -> bool:
    """Two or more phrases side by side, each carrying a figure: a subtitle's list of results."""
    parts = [p for p in re.split(r"\s+", text.strip()) if p]
    return len(parts) >= 2 and all(_FIGURE.search(p) for p in parts)


def _starts_with_province(text: str) -> bool:
    from .places import PROVINCES

    return text.startswith(tuple(PROVINCES))


def _joins(a: str, b: str, words: HeaderWords, rest: tuple[str, ...] = ()) -> bool:
    """Whether head line b continues head line a (one title broken over lines); rest: the head lines
    after b."""
    from .places import is_unit_name

    kind_end = words.patterns["doc_kind_end"]
    if b.startswith(("（", "(")) and _CJK.search(b) and len(b) <= 20 and not _COLUMN_TAG.search(a):
        return True  # （医疗设备类）
    if len(b) <= 8 and kind_end.search(b) and not kind_end.search(a):
        return True  # …招标代理服务项目 / 遴选文件
    if _about_head(a) and not kind_end.search(a) and any(kind_end.search(t) for t in (b, *rest[:1])):
        # 关于进一步做好… / …的通知, or over three lines: 关于进一步加强 / …建设的 / 实施意见; the issuing
        # organ may open the first line (某县某局关于开展… / …工作的通知), which then runs long
        return True
    if re.search(r"(?:的|和|与|及|、|暨|关于|对|在)$", a):
        return True
    if len(a) <= 25 and is_unit_name(a) and not b.startswith("关于") and not is_couplet(b):
        # an organ's name on its own line, then the rest of a cover page's title, which ends with the
        # kind of document (某医院 / 某项目 / 询价文件); a site's name above a headline does not join
        return any(kind_end.search(t) or t.startswith(("（", "(")) for t in (b, *rest[:2]))
    site = _SITE_SUFFIX.match(b)
    return bool(site and len(a) <= 15 and not re.search(r"[，。；：！？\s]", a))


def _about_head(text: str) -> bool:
    """The first line of a 公文 title: 关于… at its head, or after the issuing organ's name (某县某局关于…,
    某县委办公室 某县政府办公室关于…)."""
    from .places import is_unit_name

    i = text.find("关于")
    if i == 0:
        return True
    organ = text[:i].strip()
    return 0 < i <= 30 and not re.search(r"[，。；：！？]", organ) and is_unit_name(organ)


def _document_title(text: str, words: HeaderWords) -> bool:
    """A 公文 title: 关于…的通知 (its issuing organ may stand before 关于; a web page may add _网站名)."""
    site = _SITE_SUFFIX.match(text)
    if site:
        text = site.group("t")  # a web page's title: 关于…的通报_某县人民政府
    i = text.find("关于")
    return 0 <= i <= 30 and bool(words.patterns["doc_kind_end"].search(_strip_note(text)))


def _strip_note(text: str) -> str:
    """A title without a note set off by wide spaces after it (…的通知   （说明文字）)."""
    m = re.match(r"^(.+?)\s{2,}[（(].*[)）]$", text)
    return m.group(1) if m else text


def _banner(text: str, words: HeaderWords) -> bool:
    """A line holding only a unit's or a site's name (青山县人民政府, 青山县人民政府网, 【工作动态】)."""
    if re.search(r"[，。；：！？\s]", text) or len(text) > 20:
        return False
    from .places import is_unit_name

    return (
        is_unit_name(text)
        or text.endswith(("网", "门户网站", "政务网"))
        or bool(_COLUMN_LINE.fullmatch(text))
    )


# a newspaper's or a site's column tag set on its own line above the headline: （平安建设进行时）, 【基层治理】,
# 〔一线观察〕, ——乡村振兴一线行—— (a tag written on the headline's own line stays part of the title)
_COLUMN_LINE = re.compile(
    r"【[^】]+】|[（(][^（）()]{2,16}[)）]|〔[^〕]{2,16}〕|［[^］]{2,16}］|\[[^\]]{2,16}\]|—{1,2}[^—]{2,16}—{1,2}"
)
