"""Naming a token: what a number counts, and whether it is a metric (strategies in order)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ...context import Context
from .frames import attributive_figure
from .grammar import (
    _APPROX_BEFORE,
    _EXIST,
    _FROM,
    _LIST_MARK,
    _PREP,
    _SHARE,
    _TO,
    _TREND,
    _WEAK_VERBS,
    _anchor,
    _clean_name,
    _closes_number,
    _copula,
    _cut_markers,
    _drop_acting_head,
    _is_stat,
    _strip_adverb_tail,
    _strip_time,
    _unit_class,
)
from .phrases import (
    _attributive_thing,
    _doers_first,
    _noun_before,
    _noun_phrase,
    _place_has,
    _prep_thing,
    _share_of_previous,
    _verb_after,
    _verb_before,
    _went_to,
)
from .plans import agenda_or_plan
from .tokens import Clause, Token
from .words import MetricWords


@dataclass
class Slot:
    """A token in its clause: what stands left and right of it, read once for all the strategies."""

    ctx: Context
    words: MetricWords
    toks: list[Token]
    i: int
    clause: Clause
    clauses: list[Clause]
    tok: Token
    prev: Token | None  # the token before, in the same clause
    prev_cand: Token | None  # the metric candidate before, anywhere in the sentence
    nxt_cand: Token | None  # the candidate or change after, in the same clause
    left_raw: str  # the text between the token before (or the clause start) and the number
    right: str  # the text between the number and the next candidate (or the clause end)
    lclean: str = ""  # left_raw without time words, markers and approximation words
    had_marker: bool = False  # 累计/其中/共 stood before the name
    enum_item: bool = False  # 、/和 after the token before: one item of a list
    copula: re.Match | None = None  # 达/为/是 before the number
    exist: re.Match | None = None  # 有/共有 before the number
    end_verb: str = ""  # a result verb right before the number (培训了150多名)
    prep: re.Match | None = None  # 对/将/把/为 before the number
    with_deng: bool = False  # …等 before the number
    attributive: bool = False  # …的 before the number

    @property
    def norm(self) -> str:
        return self.ctx.norm

    def reject(self, reason: str) -> bool:
        self.tok.reject = reason
        return True

    def accept(self, name: str, rule: str, verb: str = "", subject: str = "") -> bool:
        t = self.tok
        t.name, t.verb, t.subject, t.accepted, t.rule = name, verb, subject, True, rule
        return True


# (compiled once: _slot and _read_left run for every number of every report)
_APPROX_AFTER = re.compile(r"^(?:以上|左右|许)")
_BRACKET_FIRST = re.compile(r"^[（(][^）)]*[）)]")
_SINCE_FIRST = re.compile(r"^(?:以来|来|内|间|里|期间)")
_CURRENCY_END = re.compile(r"(?<=.)(?:人民币|美元)$")


def _slot(
    ctx: Context, words: MetricWords, toks: list[Token], i: int, clause: Clause, clauses: list[Clause]
) -> Slot:
    norm = ctx.norm
    tok = toks[i]
    prev = next((t for t in reversed(toks[:i]) if t.clause == tok.clause), None)
    prev_cand = next((t for t in reversed(toks[:i]) if t.kind == "cand"), None)
    nxt = next((t for t in toks[i + 1 :] if t.clause == tok.clause and t.kind in ("cand", "change")), None)
    left_start = clause.start if prev is None else max(prev.end, prev.used_to)
    left_raw = norm[left_start : tok.start]
    if prev is None and not left_raw.strip() and clause.start > 0 and norm[clause.start - 1] in "：:":
        # 刑事立案：320起 — the label before the colon names the figure
        before = next((c for c in reversed(clauses) if c.end <= clause.start - 1), None)
        if before is not None and before.end == clause.start - 1:
            left_raw = _LIST_MARK.sub("", norm[before.start : before.end])
    right = norm[tok.end : nxt.start if nxt is not None else clause.end]
    right = _APPROX_AFTER.sub("", right).strip()
    right = _BRACKET_FIRST.sub("", right).strip()  # 2.5亿元（权威发布）
    slot = Slot(ctx, words, toks, i, clause, clauses, tok, prev, prev_cand, nxt, left_raw, right)
    _read_left(slot)
    return slot


def _read_left(slot: Slot) -> None:
    """What the words left of the number say: markers, copula, existential, preposition, verb."""
    words = slot.words
    left = slot.left_raw
    if slot.prev is not None and slot.prev.kind == "time":
        left = _SINCE_FIRST.sub("", left)  # 3年来新增…: 来 ends the time phrase
    left = left if left.endswith(("为", "是")) else _APPROX_BEFORE.sub("", left)
    left = _CURRENCY_END.sub("", left)  # 收受他人钱物共计人民币47万元: the currency names nothing
    prev = slot.prev
    slot.enum_item = (
        prev is not None and prev.kind == "cand" and re.match(r"^[、和及与]", slot.left_raw) is not None
    )
    lclean = _cut_markers(words, _strip_time(words, left.strip()))
    slot.had_marker = lclean != _strip_time(words, left.strip())
    lclean = _strip_time(words, lclean)
    slot.lclean = lclean
    slot.copula, slot.exist = _copula(lclean), _EXIST.search(lclean)
    slot.end_verb = words.verb_at_end(_strip_adverb_tail(lclean))
    if not slot.end_verb and slot.right and not _closes_number(slot.right):
        slot.end_verb = _verb_before(slot.ctx, words, slot.tok.start, lclean)  # 打造5个乡镇党校
    slot.prep = _PREP.search(lclean)
    if slot.prep is None and re.search(r"对[^对，]*等(?:方面|领域|类型|类)?$", lclean):
        slot.prep = re.search(r"对", lclean)  # 对安全生产、消防设施等方面80多个问题进行整改
    if slot.prep is None and slot.tok.start > 0 and slot.norm[slot.tok.start - 1] in "、和及与":
        # 对12个乡镇、18个部门进行督查: a later item of a list after 对 is governed by it too
        slot.prep = re.search(r"对(?=[^对，。；]*$)", slot.norm[slot.clause.start : slot.tok.start])
    slot.with_deng = lclean.endswith("等")
    slot.attributive = lclean.endswith("的")


# ------------------------------------------------------------------------------------------ strategies


def from_to(slot: Slot) -> bool:
    """警情总量从2021年的5.2万起降到2024年的3.9万起: one thing, two values."""
    return _from_to(slot.ctx, slot.words, slot.toks, slot.i, slot.clause, slot.clauses)


_TIMES = re.compile(
    r"(?P<name>[^，。；]{2,40}?)(?:已|均)?(?:是|为|达到|达|相当于|增长到|增至|提升至|提高到)(?P<base>[^，。；]{0,16}?)的?$"
)


# 提升3倍 / 增长了2倍 (a rise by a multiple), the comparison (较…/比…/同比) left out of the name
_GREW_TIMES = re.compile(
    r"(?P<name>[^，。；较比]{2,30}?)(?:(?:较|比)[^，。；]{0,12}?|同比|环比)?(?:已|均)?"
    r"(?P<verb>提升|提高|增长|增加|扩大)(?:了)?(?:近|约|超过|超)?$"
)


def times_of(slot: Slot) -> bool:
    """裁判文书数量是上年同期的5.6倍: a multiple names what is compared, not what it is compared with."""
    tok = slot.tok
    if tok.unit != "倍":
        return False
    before = _strip_time(slot.words, slot.norm[slot.clause.start : tok.start])
    m = _TIMES.search(before)
    name = _clean_name(slot.words, _cut_markers(slot.words, m.group("name"))) if m else ""
    grew = _GREW_TIMES.search(before) if not name else None
    if grew:  # 办件效率较改革前提高2倍: the thing and its verb, without what it is compared with
        name = _clean_name(slot.words, _cut_markers(slot.words, grew.group("name"))) + grew.group("verb")
    name = _drop_acting_head(name)  # 市中级人民法院上网公开裁判文书数量是…: the court acted
    if not name:
        return slot.reject("没有名称")
    return slot.accept(name, "metrics.times_of")


def second_unit(slot: Slot) -> bool:
    """A second unit of the same thing: 受理审查起诉210件296人, 查扣图书15种3.1万册."""
    prev, tok = slot.prev, slot.tok
    if prev is None or prev.kind != "cand" or not prev.name:
        return False
    gap = slot.norm[prev.end : tok.start].strip()
    if gap and not (
        gap in ("、", "和")
        and not slot.right
        and prev.accepted
        and _unit_class(prev.unit) != _unit_class(tok.unit)
        and prev.unit not in _SHARE
        and tok.unit not in _SHARE
    ):
        return False  # 完成造林1.2万亩、80万株: one thing measured two ways, listed
    tok.name, tok.subject, tok.verb, tok.accepted = prev.name, prev.subject, prev.verb, prev.accepted
    tok.rule = "metrics.second_unit"
    return True


def shared_verb(slot: Slot) -> bool:
    """建成30处示范基地和80家加工企业: the verb before the first number of a list serves every item."""
    prev = slot.prev
    if (
        prev is None
        or not prev.accepted
        or prev.rule not in ("metrics.number_first", "metrics.attributive_figure")
        or not prev.verb
    ):
        return False
    if slot.norm.startswith(prev.verb, prev.end):
        return False  # 3人死亡、2人失联: the verb came after the first count, it serves that one only
    if not prev.name.startswith(prev.verb) or not re.fullmatch(
        r"[^，。；、和及与]{1,20}[、和及与]", slot.left_raw
    ):
        return False
    thing = _clean_name(slot.words, slot.right)
    if not _noun_phrase(thing) or slot.words.first_verb(thing) is not None:
        return False
    return slot.accept(prev.verb + thing, "metrics.shared_verb", prev.verb)


# a place or scope alone before the number (全市23个区县…, 该县86家企业…): where, not what is counted
_SCOPE = re.compile(r"(?:全|该|我|本)[省市县区镇乡村州旗盟]|[\u4e00-\u9fff]{1,4}[省市县区镇乡州旗盟]")


def _scope_only(slot: Slot) -> bool:
    lclean = slot.lclean
    return not slot.had_marker and "级" not in lclean and _SCOPE.fullmatch(lclean) is not None


def _reads_number_first(slot: Slot) -> bool | None:
    """Does the thing come after the number? None: the number stands alone (同位语 or background)."""
    lclean, copula, right = slot.lclean, slot.copula, slot.right
    if slot.end_verb and right and re.match(r"[、，,和及]", right):
        return False  # 造成死亡6人、受伤21人: the verb before the number names it, the list goes on
    if (
        not lclean
        or _scope_only(slot)
        or slot.end_verb
        or slot.prep
        or slot.with_deng
        or (slot.exist and right)
        or (copula and right and copula.group() not in ("为", "是", "达", "达到"))
    ):
        return True
    listed = slot.enum_item and slot.prev is not None and slot.prev.accepted  # 调派消防车8辆、指战员40余名
    if not right or _closes_number(right) or listed:
        return False
    nxt = slot.nxt_cand
    shared = ""
    if nxt is not None and nxt.kind == "cand" and re.search(r"[、和及与]$", right):
        shared = slot.norm[nxt.end : slot.clause.end]  # 16个镇、288个村全部落实…: the predicate is shared
    words = slot.words
    if words.first_verb(right) is None and words.first_verb(shared) is None and not slot.attributive:
        return None
    return True


def number_first(slot: Slot) -> bool:
    """对23人采取刑事强制措施 / 培训了150多名网格员 / 4人已被批捕 / 将3名被困群众救出."""
    first = _reads_number_first(slot)
    if first is None:
        return slot.reject("同位语或背景数")
    if not first:
        return False
    if not slot.right:
        return not slot.lclean and slot.reject("没有名称")  # 破获案件315起: the thing is before it
    _number_first(slot)
    return True


def previous_sentence(slot: Slot) -> bool:
    """受理的复议案件逐年增加。2023年共有640件: the thing is the one the sentence before counted."""
    if _name_left(slot) or not (slot.exist or slot.copula) or slot.tok.sentence <= 0:
        return False
    name = _previous_trend_subject(slot.ctx, slot.words, slot.tok.sentence)
    return bool(name) and slot.accept(name, "metrics.previous_sentence")


# 有 at the start of the words before a number: what there is (共有人口…), not 有机, 有效, 有关 …
_LEADING_HAS = re.compile(r"(?:共有|现有|拥有|有)(?!效|关|力|序|所|的|机|色|线|限|害|偿|益|声|利|名)")


def _name_left(slot: Slot) -> str:
    """The thing written before the number, without 有/达/为 (我县共有人口48万人 → 人口)."""
    lclean = slot.lclean
    leading = _LEADING_HAS.match(lclean)
    if leading:
        lclean = lclean[leading.end() :]
        copula = _copula(lclean)
        if copula is not None:
            lclean = lclean[: copula.start()]  # 共有人口达48万人
    elif slot.exist:
        lclean = lclean[: slot.exist.start()]
    elif slot.copula:
        lclean = lclean[: slot.copula.start()]
    lclean = _clean_name(slot.words, lclean)
    lclean = re.sub(r"(?<=.{2})(?:完成|实现|累计|共计)$", "", lclean)  # 地区生产总值完成186.5亿元
    if slot.tok.unit == "%" and lclean.endswith("的"):
        share = re.match(r"(.{2,}?)(?:已|均)?(?:达到|达|占|为)(.*)的?$", lclean)
        if share:
            lclean = share.group(1)  # 求助类警情已达到总警情的40%
    return lclean


def _is_verb(word: str) -> bool:
    """A word the dictionary tags as a verb (服务, 帮扶): an action of its own, not a thing to carry a verb to."""
    from ...entities import tag

    pos = tag(word)
    return pos is not None and pos.startswith("v")


def _carried_name(slot: Slot, name: str, verb: str) -> tuple[str, str] | None:
    """A name that takes a part from the figure before it; None when it has no name at all."""
    prev, pc, tok = slot.prev, slot.prev_cand, slot.tok
    if slot.enum_item and not verb and prev is not None and prev.verb and not _is_verb(name):
        return prev.verb + name, prev.verb  # 扣押铲车6台、运输车8台 → 扣押运输车 (not 新增…、服务…)
    if (
        name == verb
        and pc is not None
        and pc.accepted
        and pc.verb
        and pc.sentence == tok.sentence
        and pc.name.startswith(pc.verb)
        and len(pc.name) > len(pc.verb)
        and pc.verb != verb
        and _unit_class(pc.unit) == _unit_class(tok.unit)
    ):
        tail = re.sub(r"^(?:出|到|了|过)", "", pc.name[len(pc.verb) :])  # 排查出…: 出 is the first verb's
        return verb + tail, verb  # 排查矛盾纠纷2356件，化解2298件 → 化解矛盾纠纷
    if name == "价值":
        if pc is None or not pc.name:
            return None
        return pc.name + "价值", verb  # 查扣生产设备5台（价值300余万元）
    return name, verb


_ACHIEVE = ("完成", "实现")  # verbs that only say a statistic was reached


def name_first(slot: Slot) -> bool:
    """共破获案件315起 / 就业率达95.1% / 其中涉恶团伙12个: the thing written before the number."""
    words, tok = slot.words, slot.tok
    lclean = _name_left(slot)
    if not lclean:
        return slot.reject("没有名称")
    name, subject, verb = _anchor(words, lclean)
    if not verb:
        name = _drop_acting_head(name)  # 渝中区网约房…的普及率: where, not what is measured
    carried = _carried_name(slot, name, verb)
    if carried is None:
        return slot.reject("没有名称")
    name, verb = carried
    if name.startswith(_ACHIEVE) and len(name) > 4 and name[2:].endswith((*words.stat_nouns, "面积", "规模")):
        name, verb = name[2:], ""  # 完成集装箱吞吐量 / 实现营业收入: the statistic is the name
    if not verb and "”" in name[:-2] and len(name.rsplit("”", 1)[-1]) >= 2:
        name = name.rsplit("”", 1)[-1]  # “某某”村唱大赛全网曝光量: the quoted title is whose statistic it is
    name = _share_of_previous(slot, name)
    tok.name, tok.subject, tok.verb, tok.rule = name, subject, verb, "metrics.name_first"
    leading = _LEADING_HAS.match(slot.lclean)
    if leading or slot.exist:
        # 现有确诊病例35例 is a statistic; 现有干部职工90名 is background; 经营户就有40家 is counted
        tok.accepted = bool(verb) or _is_stat(words, name)
        if not tok.accepted and leading:
            return slot.reject("背景数")
        return tok.accepted
    if (
        verb
        or _is_stat(words, name)
        or words.verbs_in(name, compounds=True)
        or tok.unit in _SHARE
        or (slot.copula and slot.copula.group() in ("达", "达到"))
    ):
        tok.accepted = True
        return True
    return False


def continuation(slot: Slot) -> bool:
    """其中涉恶团伙12个 / 打掉涉黑组织6个，恶势力集团21个: parts and continuations of a result."""
    tok, words = slot.tok, slot.words
    earlier = any(t.accepted for t in slot.toks[: slot.i] if t.kind == "cand")
    pure_clause = _clean_name(words, _strip_time(words, slot.norm[slot.clause.start : tok.start]))
    if earlier and (slot.had_marker or slot.enum_item or pure_clause == _name_left(slot)):
        tok.accepted, tok.rule = True, "metrics.continuation"
        return True
    return False


def counted_noun(slot: Slot) -> bool:
    """农家乐经营主体120余家 / 建有各类育苗基地30处: a noun phrase and its count, stated as a fact."""
    tok = slot.tok
    if not _noun_phrase(tok.name) or not _noun_before(slot.ctx, slot.words, tok.start):
        return slot.reject("没有结果动词")
    if _place_has(slot.norm, slot.clause.start, tok.start):
        return slot.reject("背景数")  # 该县有12个乡镇、186个村共35万人: what a place has
    tok.name = _drop_acting_head(tok.name)  # 岭南镇农家乐经营主体120余家: the place has them
    tok.name = re.sub(
        r"^[\u4e00-\u9fff]{1,2}着(?=[\u4e00-\u9fff]{2})", "", tok.name
    )  # 分布着…: a state, not the thing
    if "被" in tok.name[1:-1]:
        tok.name = tok.name[tok.name.index("被") + 1 :]  # 考核结果被列为…机构: what was done to the thing
    shared = re.search(r"(?<!公)共(?![享同建治商识性])", tok.name)
    if shared and len(tok.name) - shared.end() >= 2:
        tok.name = tok.name[shared.end() :]  # 某公司共调集抢修人员: the subject before 共 goes
    tok.accepted, tok.rule, tok.reject = True, "metrics.counted_noun", ""
    return True


Strategy = Callable[[Slot], bool]
# in order; the first that decides (accepts or rejects) the token ends the naming
STRATEGIES: tuple[Strategy, ...] = (
    agenda_or_plan,
    from_to,
    times_of,
    attributive_figure,
    second_unit,
    shared_verb,
    number_first,
    previous_sentence,
    name_first,
    continuation,
    counted_noun,
)


def _name_token(
    ctx: Context, words: MetricWords, toks: list[Token], i: int, clause: Clause, clauses: list[Clause]
) -> None:
    """Find the name of toks[i] and decide whether it is a metric (sets name/accepted/reject)."""
    slot = _slot(ctx, words, toks, i, clause, clauses)
    for strategy in STRATEGIES:
        if strategy(slot):
            return


def _previous_trend_subject(ctx: Context, words: MetricWords, si: int) -> str:
    """The statistic a sentence ending in a trend names (…，受理的复议案件逐年增加。), or ''."""
    sent = ctx.sentences[si - 1]
    m = re.search(
        r"([^，。；：]+?)(?:逐年|不断|持续|连年|大幅|明显|逐步|快速)(?:递增|增加|上升|增长|攀升|下降|减少|回落|递减)[。！]?$",
        ctx.norm[sent.start : sent.end],
    )
    if m is None:
        return ""
    name = _drop_acting_head(_clean_name(words, _strip_time(words, m.group(1))))  # 县司法局受理的…
    return name if _is_stat(words, name) else ""


def _thing_after(slot: Slot) -> str:
    """The thing written after the number, with the predicate after the next number when they share it
    (60名党员到25个社区报到 / 9个镇、120个村全部落实…)."""
    words, nxt = slot.words, slot.nxt_cand
    thing = _clean_name(words, slot.right)
    if words.first_verb(thing) is None and nxt is not None and nxt.kind == "cand":
        rest = slot.norm[nxt.end : slot.clause.end]
        v = words.first_verb(rest)
        if v is not None:
            joined = thing + rest[v.start() :] if re.search(r"[、和及与]$", slot.right) else thing + rest
            thing = _clean_name(words, joined)
    return thing


def _background(slot: Slot, thing: str) -> str:
    """Why a number-first figure is background (共有7乡1镇 / 31个省区市现有确诊病例…), or ''."""
    words = slot.words
    v = words.first_verb(thing)
    if slot.exist is None and not re.search(r"(?:现有|尚有|共有)", thing[: v.start() if v else 0]):
        return ""
    if slot.exist is not None and v is None:
        return "背景数"
    if re.search(r"(?:现有|共有)", thing):
        return "主语中的数"  # the number counts the places
    return ""


def _pre_and_thing(slot: Slot, thing: str) -> tuple[str, str]:
    """The verb or preposition written before the number and the thing after it, in name order."""
    words = slot.words
    if slot.with_deng:
        found = [m for m in words.verbs_in(slot.lclean) if slot.prep is None or m.start() < slot.prep.start()]
        if (
            found or slot.prep is None
        ):  # 对甲、乙等12个单位开展暗访: 对 governs the list (登记中心 is no verb)
            return (found[-1].group() if found else ""), thing
    if slot.end_verb:
        return slot.end_verb, thing
    if slot.attributive:
        return "", _attributive_thing(words, slot.lclean, thing)
    if slot.prep is not None:
        p = slot.prep.group()
        return _prep_thing(words, p[:1] if p.startswith(tuple("对为将把向给与由")) else p, thing)
    return "", thing


def _number_first(slot: Slot) -> None:
    words, tok = slot.words, slot.tok
    if _went_to(slot):
        tok.reject = "去向或分组"  # 深入3个乡镇开展调研 / 分成4个小组
        return
    thing = _thing_after(slot)
    why = _background(slot, thing)
    if why:
        tok.reject = why
        return
    pre, thing = _pre_and_thing(slot, thing)
    if pre and pre == slot.end_verb:
        thing = re.split(r"(?<=.)(?:对|向|赴|从|在|于)", thing)[0]  # 组织4个督导组对重点乡镇… → 组织督导组
    name = _clean_name(words, pre + thing)
    real = [m for m in words.verbs_in(name) if not re.match(r"(?:人员|者|群众)", name[m.end() :])]
    if not pre:
        # 3个乡镇开展调研: who took part; but people who took part are counted (12名党员参加)
        people = tok.unit in ("人", "名", "人次") and "第" not in name  # 参加第二轮: an ordinal's round
        real = [m for m in real if m.group() not in _WEAK_VERBS or people]
    verb = real[0].group() if real else ""  # 被困人员已全部获救: 被困 describes the people
    if not verb and pre and pre == slot.end_verb:
        verb = pre  # 打造5个乡镇党校: a verb by its part of speech
    if not verb and slot.with_deng and not pre:
        listed = words.verbs_in(name)
        if listed and listed[0].start() == 0:
            verb = listed[0].group()  # 各乡镇负责人等200余人参加了会议: those listed took part
    if (
        not verb
        and not pre
        and slot.prep is None
        and not slot.attributive
        and (not slot.lclean or _scope_only(slot))
    ):
        verb = _verb_after(slot)  # 3000人次就业: a verb after the number, by its part of speech
    if not name or not verb:
        tok.reject = "没有结果动词"
        return
    if "正在" in name and not pre:
        tok.reject = "场景描写"  # 20多位老人正在给蔬菜浇水: a scene, not a result
        return
    if "分别" in name and not pre:
        tok.reject = "分别的主语"  # 两个片区的甲、乙分别达…: the count of the things a distribution is about
        return
    quoted = re.match(r"“([^”]*)”", thing)
    if quoted and quoted.group(1).endswith(words.not_after):
        tok.reject = "数的是宣传材料"  # 发布6起“…典型案例”
        return
    if not pre and slot.prep is None and not slot.attributive:
        turned = _doers_first(words, name, verb)
        tok.doers, name = turned != name, turned
    slot.accept(name, "metrics.number_first", verb)
    if words.verb_at_end(slot.right):
        nxt = slot.nxt_cand
        tok.used_to = nxt.start if nxt is not None else slot.clause.end  # 两人死亡一人重伤: 死亡 is used up


_FROM_TO_END = re.compile(r"[^。！？；]{0,40}?[到至]")  # 到/至 later in the same sentence


def _from_to(
    ctx: Context, words: MetricWords, toks: list[Token], i: int, clause: Clause, clauses: list[Clause]
) -> bool:
    """警情总量从2021年的5.2万起降到2024年的3.9万起 / 结案率逐年提高，从…的81.2%提高到…的90.5%."""
    norm = ctx.norm
    tok = toks[i]
    before = norm[clause.start : tok.start]
    # drop the time tokens (2015年的) between 从 and the number
    plain = _APPROX_BEFORE.sub("", re.sub(r"\d{4}年(?:\d{1,2}月)?(?:份)?|前一年|上年|去年", "", before))
    m = _FROM.search(plain)
    if m is not None and not _FROM_TO_END.match(norm, tok.end):
        m = None  # 由18个部门组成: 由 without a 到/至 after it is no change from one value to another
    if m is not None:
        subject = plain[: m.start()]
        if not subject.strip():
            ci = clauses.index(clause) if clause in clauses else -1
            if ci > 0:
                subject = _TREND.sub("", norm[clauses[ci - 1].start : clauses[ci - 1].end])
        subject = _strip_adverb_tail(_clean_name(words, _strip_time(words, _cut_markers(words, subject))))
        subject = _strip_adverb_tail(subject)
        if not subject:
            return False
        tok.name, tok.accepted, tok.rule = subject, True, "metrics.from_to"
        return True
    prev = next((t for t in reversed(toks[:i]) if t.kind == "cand"), None)
    if prev is not None and prev.rule == "metrics.from_to":
        # …降到了15起，到2024年，更是降到了只有3起: the same thing, further on
        for between in (norm[prev.end : tok.start], before):
            between = re.sub(r"\d{4}年(?:\d{1,2}月)?(?:份)?", "", between)
            between = re.sub(r"^(?:更是|又|再|进一步|则)", "", between)
            between = re.sub(r"(?:只有|仅有|仅|只)$", "", between)
            if _TO.match(between):
                tok.name, tok.accepted, tok.rule = prev.name, True, "metrics.from_to"
                return True
    return False
