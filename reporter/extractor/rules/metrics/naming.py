"""Naming a token: what a number counts, and whether it is a metric (strategies in order)."""

from __future__ import annotations

import re

from ...context import Context
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
    _adverb_at_end,
    _anchor,
    _clean_name,
    _closes_number,
    _copula,
    _cut_markers,
    _is_stat,
    _strip_adverb_tail,
    _strip_time,
    _unit_class,
)
from .tokens import Clause, Token
from .words import MetricWords


def _name_token(
    ctx: Context, words: MetricWords, toks: list[Token], i: int, clause: Clause, clauses: list[Clause]
) -> None:
    """Find the name of toks[i] and decide whether it is a metric (sets name/accepted/reject)."""
    norm = ctx.norm
    tok = toks[i]
    prev = next((t for t in reversed(toks[:i]) if t.clause == tok.clause), None)
    prev_cand = next((t for t in reversed(toks[:i]) if t.kind == "cand"), None)
    nxt_cand = next(
        (t for t in toks[i + 1 :] if t.clause == tok.clause and t.kind in ("cand", "change")), None
    )
    left_start = clause.start
    if prev is not None:
        left_start = max(prev.end, prev.used_to)
    left_raw = norm[left_start : tok.start]
    if prev is None and not left_raw.strip() and clause.start > 0 and norm[clause.start - 1] in "：:":
        # 刑事立案：320起 — the label before the colon names the figure
        before = next((c for c in reversed(clauses) if c.end <= clause.start - 1), None)
        if before is not None and before.end == clause.start - 1:
            left_raw = _LIST_MARK.sub("", norm[before.start : before.end])
    left = left_raw if left_raw.endswith(("为", "是")) else _APPROX_BEFORE.sub("", left_raw)

    right = norm[tok.end : nxt_cand.start if nxt_cand is not None else clause.end]
    right = re.sub(r"^(?:以上|左右|许)", "", right).strip()
    right = re.sub(r"^[（(][^）)]*[）)]", "", right).strip()  # 2.5亿元（权威发布）
    clause_text = norm[clause.start : clause.end]
    if any(w in clause_text for w in words.agenda):
        tok.reject = "议程"
        return
    if any(w in clause_text for w in words.plans):
        tok.reject = "计划或目标"
        return

    # 从2016年的73.7万起降到2019年的48.7万起: one thing, two values
    if _from_to(ctx, words, toks, i, clause, clauses):
        return

    # a second unit of the same thing: 受理审查起诉3555件4012人, 盗印书籍20种8.2万册
    if prev is not None and prev.kind == "cand" and not norm[prev.end : tok.start].strip() and prev.name:
        tok.name, tok.subject, tok.verb, tok.accepted = prev.name, prev.subject, prev.verb, prev.accepted
        tok.rule = "metrics.second_unit"
        return

    enum_item = prev is not None and prev.kind == "cand" and re.match(r"^[、和及与]", left_raw) is not None
    lclean = _cut_markers(words, _strip_time(words, left.strip()))
    had_marker = lclean != _strip_time(words, left.strip())
    lclean = _strip_time(words, lclean)
    copula, exist = _copula(lclean), _EXIST.search(lclean)
    leading_exist = re.match(r"(?:共有|现有|拥有|有)(?!效|关|力|序|所|的)", lclean)

    # ---- the number first, the thing after it ------------------------------------------------
    end_verb = words.verb_at_end(_strip_adverb_tail(lclean))
    prep = _PREP.search(lclean)
    if prep is None and re.search(r"对[^对，]*等(?:方面|领域|类型|类)?$", lclean):
        prep = re.search(r"对", lclean)  # 对侵犯罪犯合法权益、违禁品防控等方面200多个问题进行监督纠正
    with_deng = lclean.endswith("等")
    number_first = bool(
        not lclean
        or end_verb
        or prep
        or with_deng
        or (exist and right)
        or (copula and right and copula.group() not in ("为", "是", "达", "达到"))
    )
    attributive = lclean.endswith("的")
    listed = enum_item and prev is not None and prev.accepted  # 调派消防车8辆、指战员40余名赶赴现场
    if lclean and not number_first and right and not _closes_number(right) and not listed:
        shared = ""
        if nxt_cand is not None and nxt_cand.kind == "cand" and re.search(r"[、和及与]$", right):
            shared = norm[nxt_cand.end : clause.end]  # 16个镇、288个村全部落实…: the predicate is shared
        if words.first_verb(right) is None and words.first_verb(shared) is None and not attributive:
            tok.reject = "同位语或背景数"
            return
        number_first = True
    if number_first and right:
        _number_first(
            ctx, words, tok, lclean, right, end_verb, prep, exist, with_deng, attributive, nxt_cand, clause
        )
        return
    if number_first and not lclean:
        tok.reject = "没有名称"
        return

    # ---- the thing first: 共破获案件820起 -----------------------------------------------------------
    existential = bool(exist or leading_exist)
    if leading_exist:
        lclean = lclean[leading_exist.end() :]  # 我县共有人口48万人: what there is, not work done
    elif exist:
        lclean = lclean[: exist.start()]
    elif copula:
        lclean = lclean[: copula.start()]
    lclean = _clean_name(words, lclean)
    if not lclean and (exist or copula) and tok.sentence > 0:
        # 进入诉讼的行政案件逐年递增。2018年共有1060件: the thing is the one the sentence before counted
        lclean = _previous_trend_subject(ctx, words, tok.sentence)
        if lclean:
            tok.name, tok.accepted, tok.rule = lclean, True, "metrics.previous_sentence"
            return
    if not lclean:
        tok.reject = "没有名称"
        return
    lclean = re.sub(r"(?<=.{2})(?:完成|实现|累计|共计)$", "", lclean)  # 地区生产总值完成186.5亿元
    if tok.unit == "%":
        share = re.match(r"(.{2,}?)(?:已|均)?(?:达到|达|占|为)(.*)的?$", lclean)
        if share and lclean.endswith("的"):
            lclean = share.group(1)  # 纠纷类警情已达到总警情的50%
    name, subject, verb = _anchor(words, lclean)
    if enum_item and not verb and prev is not None and prev.verb:
        name, verb = prev.verb + name, prev.verb  # 扣押铲车6台、运输车8台 → 扣押运输车
    if (
        name == verb
        and prev_cand is not None
        and prev_cand.accepted
        and prev_cand.verb
        and prev_cand.sentence == tok.sentence
        and prev_cand.name.startswith(prev_cand.verb)
        and len(prev_cand.name) > len(prev_cand.verb)
        and prev_cand.verb != verb
        and _unit_class(prev_cand.unit) == _unit_class(tok.unit)
    ):
        name = verb + prev_cand.name[len(prev_cand.verb) :]  # 排查矛盾纠纷2356件，化解2298件 → 化解矛盾纠纷
    if name == "价值":
        if prev_cand is None or not prev_cand.name:
            tok.reject = "没有名称"
            return
        name = prev_cand.name + "价值"  # 光盘生产线11条（价值1亿余元）
    tok.name, tok.subject, tok.verb = name, subject, verb
    tok.rule = "metrics.name_first"
    if existential:
        tok.accepted = bool(verb) or _is_stat(words, name)  # 现有疑似病例2824例 is a statistic
        tok.reject = "" if tok.accepted else "背景数"
        return
    if (
        verb
        or _is_stat(words, name)
        or words.verbs_in(name, compounds=True)
        or tok.unit in _SHARE
        or (copula and copula.group() in ("达", "达到"))
    ):
        tok.accepted = True
        return
    # 其中犯罪集团31个 / 打掉涉黑组织1292个，恶势力犯罪集团5593个: parts and continuations of a result
    earlier = any(t.accepted for t in toks[:i] if t.kind == "cand")
    pure_clause = _clean_name(words, _strip_time(words, norm[clause.start : tok.start])) == lclean
    if earlier and (had_marker or enum_item or pure_clause):
        tok.accepted = True
        tok.rule = "metrics.continuation"
    else:
        tok.reject = "没有结果动词"


def _previous_trend_subject(ctx: Context, words: MetricWords, si: int) -> str:
    """The statistic a sentence ending in a trend names (…，进入诉讼的行政案件逐年递增。), or ''."""
    sent = ctx.sentences[si - 1]
    m = re.search(
        r"([^，。；：]+?)(?:逐年|不断|持续|连年|大幅|明显|逐步|快速)(?:递增|增加|上升|增长|攀升|下降|减少|回落|递减)[。！]?$",
        ctx.norm[sent.start : sent.end],
    )
    if m is None:
        return ""
    name = _clean_name(words, _strip_time(words, m.group(1)))
    return name if _is_stat(words, name) else ""


def _number_first(
    ctx: Context,
    words: MetricWords,
    tok: Token,
    lclean: str,
    right: str,
    end_verb: str,
    prep: re.Match | None,
    exist: re.Match | None,
    with_deng: bool,
    attributive: bool,
    nxt: Token | None,
    clause: Clause,
) -> None:
    """对17人采取刑事强制措施 / 培训了200多名安保人员 / 5人已被批捕 / 将2名被困人员救出."""
    norm = ctx.norm
    thing = _clean_name(words, right)
    if words.first_verb(thing) is None and nxt is not None and nxt.kind == "cand":
        # 117名党员到81个居住地社区报到 / 16个镇、288个村全部落实…: the predicate comes after the next number
        rest = norm[nxt.end : clause.end]
        v = words.first_verb(rest)
        if v is not None:
            thing = _clean_name(
                words, thing + rest[v.start() :] if re.search(r"[、和及与]$", right) else thing + rest
            )
    if exist is not None or re.search(
        r"(?:现有|尚有|共有)", thing[: max(0, (words.first_verb(thing) or re.match("", "")).start())]
    ):
        if exist is not None and words.first_verb(thing) is None:
            tok.reject = "背景数"
            return
        if re.search(r"(?:现有|共有)", thing):
            tok.reject = "主语中的数"  # 31个省区市现有确诊病例…: the number counts the places
            return
    pre, verb = "", ""
    if with_deng:
        found = words.verbs_in(lclean)
        pre = found[-1].group() if found else ""
    elif end_verb:
        pre = end_verb
    elif attributive:
        head = re.split(r"(?=" + words.verb_re.pattern + r")", thing)[0]
        head = _strip_adverb_tail(head) or head
        v = words.first_verb(thing)
        thing_name = lclean.rstrip("的")
        if v is not None and v.start() <= 3 and not head.strip():
            thing = v.group() + thing_name  # 非法吸揽的3457.28万元已经清退完毕 → 清退非法吸揽
        else:
            thing = re.sub(r"^对", "", lclean) + head  # 对排查出的86处隐患 → 排查出的隐患
    elif prep is not None:
        p = prep.group()
        v = next((m for m in words.verbs_in(thing) if m.start() > 0), None)  # 被困人员 is not the verb
        if p in ("将", "把") and v is not None and v.start() > 0:
            vp = re.split(r"[并和及后]", thing[v.start() :])[0]
            thing = vp + _strip_adverb_tail(thing[: v.start()])  # 将2名被困人员救出 → 救出被困人员
        elif p == "对":
            if "进行" in thing:
                x, _, vp = thing.partition("进行")
                thing = _clean_name(words, vp) + x  # 对25起案件进行挂牌督办 → 挂牌督办案件
            elif v is not None and 0 < v.start() <= 10 and "、" not in thing[: v.start()]:
                x = thing[: v.start()]  # 对40余起重大涉黑案件联合挂牌督办 → 联合挂牌督办重大涉黑案件
                thing = _adverb_at_end(x) + thing[v.start() :] + _strip_adverb_tail(x)
            elif v is not None and v.start() > 0:
                pre = "对"  # 对788名高风险企业负责人、高管提前采取有效措施: kept as written
        elif p in ("为", "向", "给", "与"):
            pre = p
    if pre and pre == end_verb:
        thing = re.split(r"(?<=.)(?:对|向|赴|从|在|于)", thing)[0]  # 组织6个工作组对重点地区… → 组织工作组
    name = _clean_name(words, pre + thing)
    real = [m for m in words.verbs_in(name) if not re.match(r"(?:人员|者|群众)", name[m.end() :])]
    if not pre:
        real = [m for m in real if m.group() not in _WEAK_VERBS]  # 3个乡镇开展调研: who took part
    verb = real[0].group() if real else ""  # 被困人员已无生命迹象: 被困 describes the people
    if not name or not verb:
        tok.reject = "没有结果动词"
        return
    quoted = re.match(r"“([^”]*)”", thing)
    if quoted and quoted.group(1).endswith(words.not_after):
        tok.reject = "数的是宣传材料"  # 发布6起“…典型案例”
        return
    tok.name, tok.verb, tok.accepted, tok.rule = name, verb, True, "metrics.number_first"
    if words.verb_at_end(right):
        tok.used_to = nxt.start if nxt is not None else clause.end  # 三人死亡三人重伤: 死亡 is used up


def _from_to(
    ctx: Context, words: MetricWords, toks: list[Token], i: int, clause: Clause, clauses: list[Clause]
) -> bool:
    """报警总量从2016年的73.7万起降到2019年的48.7万起 / 履行率逐年提高，从…的44.76%提高到…的56.97%."""
    norm = ctx.norm
    tok = toks[i]
    before = norm[clause.start : tok.start]
    # drop the time tokens (2015年的) between 从 and the number
    plain = _APPROX_BEFORE.sub("", re.sub(r"\d{4}年(?:\d{1,2}月)?(?:份)?|前一年|上年|去年", "", before))
    m = _FROM.search(plain)
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
        # …降到了23起，到2018年，更是降到了只有4起: the same thing, further on
        for between in (norm[prev.end : tok.start], before):
            between = re.sub(r"\d{4}年(?:\d{1,2}月)?(?:份)?", "", between)
            between = re.sub(r"^(?:更是|又|再|进一步|则)", "", between)
            between = re.sub(r"(?:只有|仅有|仅|只)$", "", between)
            if _TO.match(between):
                tok.name, tok.accepted, tok.rule = prev.name, True, "metrics.from_to"
                return True
    return False


# ------------------------------------------------------------------------------------------ 同比/环比
