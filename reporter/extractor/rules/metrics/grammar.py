"""The grammar of a figure's name: approximation and time words, adverbs, copulas, markers (pure functions)."""

from __future__ import annotations

import re

from .words import MetricWords

_CN_DIGITS = "零〇一二两三四五六七八九十百千"
_APPROX_BEFORE = re.compile(r"(?:将近|接近|大约|约有|多达|高达|超过|突破|不足|不到|近|约|逾|超|上)$")
_NOT_COPULA_DA = "下到送传抵通表发直"  # 下达, 到达, 送达 … end with 达 but are verbs
_COPULA = re.compile(
    r"(?:已达到|已达|达到了|达到|(?<![下到送传抵通表发直])达|为|是|占|共计|合计|总计|"
    r"增至|增加到|增长到|提高到|提升到|提升至|降至|降到|下降到|减少到|稳定在|保持在|保持|发展到|发展至|扩大到|扩大至)$"
)
_EXIST = re.compile(r"(?:共有|还有|已有|尚有|仍有|另有|拥有|现有|有了|有)$")
_PREP = re.compile(r"(?:对|为|将|把|向|给|与|帮助|由)(?:全[省市县区镇乡])?$")  # 对全县12个乡镇…
_ADVERBS = (
    "已有",
    "尚有",
    "还有",
    "先后",
    "成功",
    "依法",
    "一举",
    "分别",
    "集中",
    "全力",
    "已经",
    "全部",
    "均已",
    "均",
    "都",
    "已",
    "共",
    "累计",
    "还",
    "再",
    "又",
    "也",
    "就",
    "正在",
    "持续",
    "联合",
    "同时",
    "陆续",
    "相继",
    "及时",
    "顺利",
    "另",
    "尚",
    "仍",
    "大部分",
    "全都",
)
_CHANGE_RE = re.compile(
    r"(?:(?P<base>同比|环比|较上年同期|比上年同期|较上年|比上年|较去年同期|比去年同期|较去年|比去年|与上年同期相比|"
    r"与去年同期相比|较上月|比上月|较上周|比上周|[较比]\d{4}年(?:同期)?|与\d{4}年(?:同期)?相比)?"
    r"(?:上周|上月|上年)?(?:，)?(?:分别)?"
    r"(?P<dir>上升|增长|增加|提高|上涨|提升|攀升|下降|减少|降低|回落|下滑|下跌)了?(?:分别)?"
    r"|(?P<base2>同比|比)(?P<dir2>增|降|减)(?:长|加|少|低)?"
    r"|(?P<rate>降幅|增幅|涨幅|增速|增长率|下降率)(?:分别)?(?:为|达到|达|是)?)"
    r"(?=\d)"
)
_CHANGE_VALUE = re.compile(r"(?P<num>\d+(?:\.\d+)?)(?P<unit>%|个百分点)(?:以上|左右)?")
_NEGATIVE = ("下降", "减少", "降低", "回落", "下滑", "下跌", "降幅", "下降率", "降", "减")
_CLAUSE_DELIMS = "，,；;：:。！？!?\n"
_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,6}?(?:省|自治区|市|州|盟|县|区|旗|乡|镇|村|街道|社区)")
_DEATH_INJURY = re.compile(r"(?<![\d.])(?P<d>\d+)死(?:(?P<i>\d+)伤)?(?![亡刑])")
_QUAKE = re.compile(r"(?<![\d.])(?P<num>\d+(?:\.\d+)?)级(?:地震|强震|余震)")
_FROM = re.compile(r"(?:从|由)(?:[^，。；]{0,12}?的)?$")
_TO = re.compile(
    r"^(?:逐年|逐步|持续|大幅|明显)?(?:下降|降低|减少|上升|提高|增加|增长|升|降|增|减)?(?:到|至)了?"
    r"(?:[^，。；]{0,12}?的)?$"
)
_TREND = re.compile(r"(?:逐年|逐步|持续|不断|稳步|明显|大幅)?(?:提高|上升|下降|增长|减少|增加|降低)$")
_NOUN_HEAD = re.compile(r"(?:率|量|额|数|面积|人口|人数|金额|总量|总额|比例)")
_WEAK_VERBS = ("开展", "参加", "参与", "召开", "举办", "组织", "执行", "覆盖")
_LIST_MARK = re.compile(
    r"^\s*(?:\d+[.、．)]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|[①-⑳])\s*"
)
_SHARE = ("%", "个百分点")
# ------------------------------------------------------------------------------------------ names


_TIME_PHRASE = re.compile(
    r"(?:\d{4}年(?:\d{1,2}月份?)?|\d{1,2}月份?|截至[^，]*?(?:底|末|日|时)|据(?:统计|了解|介绍|悉)|"
    r"[^，、]{2,12}?(?:后|之后|以后|期间|过程中)(?=[^，、]{2}))"
)


def _strip_time(words: MetricWords, text: str) -> str:
    """Drop leading time words and phrases (全年, 今年以来, 2019年, 截至9月底, 据统计, 改扩建后)."""
    changed = True
    while changed and text:
        changed = False
        text = _JOIN_LEFT.sub("", text)
        m = words.time_re.match(text)
        if m is not None and m.end() < len(text):
            text = text[m.end() :]
            changed = True
        m = _TIME_PHRASE.match(text)
        if m and m.end() < len(text):
            text = text[m.end() :]
            changed = True
    return text


def _cut_markers(words: MetricWords, text: str) -> str:
    """The name starts after 累计/其中/共 (全国共破获案件 → 破获案件); if nothing follows, before it."""
    for marker in ("累计", "共计", "合计", "总计", "一共", "总共", "其中", "先后", "造成", "导致", "致使"):
        i = text.rfind(marker)
        if i >= 0:
            rest = text[i + len(marker) :]
            text = rest if rest else text[:i]
    last = None
    if "共" in text:  # (every match begins with it)
        for m in re.finditer(r"共(?=" + words.verb_re.pattern + r"|向|对|为|有)", text):
            last = m
    if last is not None and last.end() < len(text):
        rest = text[last.end() :]
        # 成员单位共受理: a bare verb keeps its subject (who did it is the only name there is)
        text = text[: last.start()] + rest if words.verb_re.fullmatch(rest) else rest
    return text


def _strip_adverbs(text: str) -> str:
    if text.endswith("率"):
        return text  # 及时办结率, 依法处置率: the manner is part of what the rate measures
    if not text.startswith(_ADVERBS):
        return text  # (most names: none of the loop's adverbs to strip)
    from ...entities import tag

    changed = True
    while changed and text:
        changed = False
        for a in _ADVERBS:
            if not text.startswith(a) or len(text) - len(a) < 2:
                continue
            if len(a) == 1 and tag(text[:2]) is not None:
                continue  # 就业, 共享, 再生 are words: no 就/共/再 + the rest
            text = text[len(a) :]
            changed = True
    return text


def _adverb_at_end(text: str) -> str:
    if not text.endswith(_ADVERBS):
        return ""  # (most names: no adverb at the end)
    for a in _ADVERBS:
        if text.endswith(a) and len(text) > len(a):
            return a
    return ""


# (each pattern is tried only when the text holds a character it needs: the same result, much faster)
_DURATION = re.compile(r"为期[^，]*?的")
_EXAMPLE_MARK = re.compile(r"^(?:比如|例如|譬如)")
_PARTICLE_LE = re.compile(r"(?<=[\u4e00-\u9fff])了(?=[\u4e00-\u9fff“])")
_ADVERB_END = re.compile(
    r"(?<=[\u4e00-\u9fff]{2})(?:就|也|都|均|已|还|则|才|已经|共计|合计|总计|共|正在|仍)$"
)
# the last character of every _ADVERB_END match, and the line end its $ may stand before
_ADVERB_END_LAST = frozenset("就也都均已还则才经计共在仍\n")


def _clean_name(words: MetricWords, text: str) -> str:
    if "为期" in text:
        text = _DURATION.sub("", text)
    if text.startswith(("比如", "例如", "譬如")):
        text = _EXAMPLE_MARK.sub("", text)  # 比如某院新公布的…: an example's marker
    if text.startswith("经") and words.verb_re.match(text, 1):
        text = text[1:]  # 经抢救无效死亡 / 经调解达成协议: 经 only says how
    if "了" in text:
        text = _PARTICLE_LE.sub("", text)
    text = _strip_joiners(text)
    text = _strip_adverbs(text)
    if text and text[-1] in _ADVERB_END_LAST:
        text = _ADVERB_END.sub("", text)  # 资金就超800万元
    if text.count("“") > text.count("”"):
        text = text.replace("“", "", 1) if text.startswith("“") else text  # a quotation opened before it
    if text.count("”") > text.count("“") and text.endswith("”"):
        text = text[:-1]
    return _strip_joiners(text)


# conjunctions and particles at the edges of a name, but not the words they start (及时, 和谐, 与会)
_JOIN_LEFT = re.compile(r"^(?:[ ，、的]|和(?!谐)|及(?![时早])|与(?!会))+")
_JOIN_RIGHT = re.compile(r"(?:[ ，、的和及与])+$")


def _strip_joiners(text: str) -> str:
    return _JOIN_RIGHT.sub("", _JOIN_LEFT.sub("", text))


def _drop_examples(words: MetricWords, name: str) -> str:
    """The kinds listed before 等 say what is counted and stay (查处商标侵权、假冒专利等案件); only a long
    list of examples goes (抓获团伙头目、骨干成员、放贷人员、催收人员等犯罪嫌疑人 → 抓获犯罪嫌疑人)."""
    v = words.first_verb(name)
    if v is None or v.start() != 0:
        return name
    m = re.match(r"(.*?)等(?=[\u4e00-\u9fff“]{2})", name[v.end() :])
    if m and len(m.group(1)) > _KINDS_KEPT:
        return v.group() + name[v.end() + m.end() :]
    return name


_KINDS_KEPT = 16  # characters of a 甲、乙等 list that stay in the name


def _shorten(words: MetricWords, name: str, verb: str = "") -> str:
    """办理符合法律援助申请条件的援助案件 → 办理援助案件: a long attribute between verb and thing goes.

    A list inside the attribute (受过处分、存在违规经商问题的村干部) says what is counted and stays,
    unless the attribute is very long.
    """
    name = _drop_examples(words, name)
    v = words.first_verb(name)
    end = v.end() if v is not None else len(verb) if verb and name.startswith(verb) else -1
    if end < 0:
        return name
    rest = name[end:]
    i = rest.rfind("的")
    if len(rest) - i - 1 >= 2 and (i >= 20 or (i >= 8 and "、" not in rest[:i])):
        return name[:end] + rest[i + 1 :]
    return name


def _anchor(words: MetricWords, text: str) -> tuple[str, str, str]:
    """(name, subject, verb): the name starts at the first result verb (全市公安机关共打掉… → 打掉…)."""
    m = words.first_verb(text)
    if m is None:
        return text, "", ""
    name, subject = text[m.start() :], text[: m.start()]
    if (
        name == m.group()
        and subject
        and not re.match(r"(?:通过|经过|在|依托|利用|借助|运用|依靠|针对|围绕|按照|根据)", subject)
        and not (subject.startswith("经") and words.verb_re.match(subject, 1))  # 经调解…, not 经营主体
    ):
        if _ACTOR_END.search(subject):
            return m.group(), subject, m.group()  # 县公安局依法刑事拘留: the organ acted, the verb names it
        return text, "", m.group()  # 中央财政下达: a verb alone is not a name
    return name, subject, m.group()


# the end of an acting organ's name (县公安局, 区法院, 镇政府), with the manner words after it (依法, 共)
_ACTOR_END = re.compile(
    r"^(?![^在到向于从对]*[在到向于从对])(?:[县市区省镇乡旗州该我本]|[\u4e00-\u9fff]{1,6}?(?:省|市|州|盟|县|区|旗|乡|镇|街道))"
    r"[\u4e00-\u9fff]{0,10}(?:局|院|厅|委|办|所|队|站|中心|政府|监委)(?:依法|先后|累计|共计|共|已|还|又|均)?$"
)


def _closes_number(text: str) -> bool:
    """Text after a number that ends the noun phrase before it (其中涉恶团伙12个居全市首位)."""
    return bool(
        re.match(
            r"(?:(?:列|居|位列|位居|排名|排在)(?:全|第|前|首|榜)|占|同比|环比|较|比上|比去|是|为|达|以上|"
            r"左右|许|，|、|和|及|）|\)|并(?![入网购])|后)",
            text,
        )
    )


def _is_stat(words: MetricWords, name: str) -> bool:
    return name.endswith(words.stat_nouns) or any(n in name for n in words.stat_nouns if len(n) >= 2)


def _copula(text: str) -> re.Match | None:
    """达/达到/为/是 before a number; 为 and 是 only after a statistic (合格率为98.2%, not 违法行为300起)."""
    m = _COPULA.search(text)
    if (
        m is not None
        and m.group() in ("为", "是")
        and not re.search(r"[率量额数值重例别幅速]$", text[: m.start()])
    ):
        return None
    return m


def _strip_adverb_tail(text: str) -> str:
    a = _adverb_at_end(text)
    return text[: len(text) - len(a)] if a else text


def _unit_class(unit: str) -> str:
    return "人" if unit in ("人", "名") else unit


# ------------------------------------------------------------------------------------------ acting subject
# A clause about a place's or an organ's work opens with it as the subject (岭南镇农家乐经营主体120余家,
# 市中级人民法院上网公开裁判文书数量是…, 县司法局受理的行政复议案件…). The acting body says who or where,
# not what is counted: the name starts after it (the labels write 受理的行政复议案件, 网络拍卖量). Where the
# same name is reported for several places, tidy._disambiguate_places puts the place back in front.
#
# a named place: two characters + its level (岭南镇, 江宁县, 渝中区), or 全/该/本/我 + a level (全县, 该镇)
_HEAD_PLACE = r"(?:[全该本我][省市县区镇乡旗州]|[\u4e00-\u9fff]{2}(?:省|市|州|盟|县|区|旗|乡|镇|村|街道))"
# an organ: a level or a place, then the organ's name up to a suffix organs end with (县法院, 市中级人民法院,
# 县司法局, 全国法院, 区政务服务中心); 中心 only after a name of its own (市中心城区 is an area)
_HEAD_ORGAN = (
    r"(?:" + _HEAD_PLACE + r"|全国|[省市县区镇乡旗州](?!级))"
    r"(?:[\u4e00-\u9fff]{0,8}?(?:人民法院|人民检察院|法院|检察院|局|厅|委员会|纪委监委|监委|人民政府|政府|办公室)"
    r"|[\u4e00-\u9fff]{2,8}?中心)"
)
_ACTING_HEAD = re.compile(r"(?:" + _HEAD_ORGAN + r"|" + _HEAD_PLACE + r")+")
# the first two characters of a place-like common noun (城镇, 农村, 中心城区, 开发区 …): a kind of area, no name
_NOT_A_PLACE_NAME = re.compile(
    r"^(?:[各其此这那每某一二三四五六七八九十两多在对向从把被由的了是]|县城|城市|"
    r"开发|示范|保护|风景|试验|实验|功能|自贸|城区|新区|园区|工业|产业|经济|高新|服务|中心|少数|边远|贫困|偏远|农村|城乡|"
    r"经开|保税|项目|试点|重点|行政|自然|脱贫|美丽|文明|先进|典型|样板|网格)"
)


def _acting_head(name: str) -> int:
    """The length of the place or organ that opens a name as its acting subject, or 0.

    Only a head that leaves a name of at least two characters, holds no 的 and no 级 (省级绿色工厂: a grade
    of the thing), and whose place is a name rather than a kind of area (城镇居民, 社区民警) is cut."""
    m = _ACTING_HEAD.match(name)
    if m is None or len(name) - m.end() < 2:
        return 0
    head = m.group()
    if "的" in head or "级" in name[m.end() - 1 : m.end() + 1] or _NOT_A_PLACE_NAME.match(head):
        return 0
    if name[m.end() :].startswith(("级", "直", "属", "内", "外", "域", "场", "民", "长", "委")):
        return 0  # 市级…, 县直单位, 区域…, 市场…, 市民…: the level word begins a common word
    if any(not _names_a_place(stem) for stem in _PLACE_STEM.findall(head)):
        return 0  # 撤换村党组织书记, …列入省…: a verb and the word after it, no place
    return m.end()


_PLACE_STEM = re.compile(r"([\u4e00-\u9fff]{2})(?:省|市|州|盟|县|区|旗|乡|镇|村|街道)")


def _names_a_place(stem: str) -> bool:
    """岭南, 江宁 (unknown or a noun to the dictionary) name a place; 撤换, 排查 (verbs) and kinds of
    area (项目区, 试点村) do not."""
    from ...entities import tag

    if _NOT_A_PLACE_NAME.match(stem):
        return False  # 项目区, 试点村, 开发区: a kind of area
    pos = tag(stem)
    return pos is None or pos[:1] in "nj"


def _drop_acting_head(name: str) -> str:
    """岭南镇农家乐经营主体 → 农家乐经营主体; 县司法局受理的行政复议案件 → 受理的行政复议案件."""
    cut = _acting_head(name)
    if not cut:
        return name
    rest = _strip_joiners(_strip_adverbs(name[cut:]))  # 闵行区的…, 库车市已探明…: the head's 的 and 已 go too
    return rest if len(rest) >= 2 else name
