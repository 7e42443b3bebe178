"""Likely repeats (same title and date, text ≥ 90% alike) and duplicates; the text fingerprint behind them."""

from __future__ import annotations

import datetime as dt
import random

from reporter.fingerprint import GRAM, SKETCH, decode, encode, fingerprint, normalise, similarity
from reporter.writers import write_ledger
from tests.support.ledger_records import MEETING, meeting, notice, update

NOW = dt.datetime(2024, 7, 1, 9, 30)


def _long_report(seed: int, n: int = 1500) -> str:
    rng = random.Random(seed)
    words = [
        "全市",
        "公安",
        "机关",
        "扫黑除恶",
        "专项",
        "斗争",
        "推进会",
        "摸排",
        "线索",
        "打掉",
        "团伙",
        "抓获",
        "嫌疑人",
        "部署",
        "要求",
        "落实",
        "督导",
        "整治",
        "宣传",
        "安全",
    ]
    return "".join(rng.choice(words) for _ in range(n // 3))


def test_fingerprint_of_the_same_text_republished():
    text = _long_report(1)
    assert similarity(fingerprint(text), fingerprint(text)) == 1.0
    reformatted = " ".join(text[i : i + 40] for i in range(0, len(text), 40)).replace("，", ",")
    assert similarity(fingerprint(text), fingerprint(reformatted)) == 1.0  # spacing and punctuation ignored
    reposted = "来源：另一个单位\n编辑：张三\n" + text + "\n（责任编辑：李四）"
    assert similarity(fingerprint(text), fingerprint(reposted)) >= 0.9


def test_fingerprint_tells_different_texts_apart():
    a, b = _long_report(1), _long_report(2)
    assert similarity(fingerprint(a), fingerprint(b)) < 0.5
    half = a[: len(a) // 2] + b[len(b) // 2 :]
    assert 0.3 < similarity(fingerprint(a), fingerprint(half)) < 0.8
    assert similarity(fingerprint(""), fingerprint(a)) == 0.0 and fingerprint("  ，。") == ()


def test_fingerprint_is_small_and_round_trips():
    fp = fingerprint(_long_report(3))
    assert len(fp) == SKETCH + 1 and list(fp[1:]) == sorted(fp[1:])
    assert decode(encode(fp)) == fp and len(encode(fp)) < 400
    assert decode("人工填写") == () and decode("") == ()
    short = fingerprint("通知")
    assert short[0] == 1 and similarity(short, fingerprint("通 知")) == 1.0
    assert normalise("Ａ，b c。") == "Ab" + "c" and GRAM == 4


def test_repeat_of_a_row_from_an_earlier_run(tmp_path, schema):
    from openpyxl import load_workbook

    out = tmp_path / "台账.xlsx"
    write_ledger([meeting(tmp_path / "a.txt"), update(tmp_path / "b.txt")], schema, out, now=NOW)
    wb = load_workbook(out)  # saved by another program: values become shared strings
    wb["台账"]["K4"] = "备注"
    wb.save(out)
    repost = meeting(
        tmp_path / "转发.txt", MEETING.replace("来源：敖汉旗公安局", "来源：赤峰长安网\n编辑：王五")
    )
    result = write_ledger([repost, notice(tmp_path / "c.docx")], schema, out, now=NOW)
    assert [(s.kind, s.row, s.seq) for s in result.skipped] == [("repeat", 4, 1)]
    assert result.skipped[0].similarity >= 0.9 and result.rows_added == 1
    problems = list(load_workbook(out)["处理异常"].iter_rows(values_only=True))
    assert len(problems) == 2 and problems[1][1] == "疑似重复" and "台账第 4 行" in problems[1][2]
    write_ledger([repost], schema, out, now=NOW)  # the same repeat again
    assert len(list(load_workbook(out)["处理异常"].iter_rows(values_only=True))) == 2  # listed once


def test_same_title_and_date_but_a_different_text_is_added(tmp_path, schema):
    other_text = MEETING.split("\n")[0] + "\n" + _long_report(5, 400)
    other = meeting(tmp_path / "另一篇.txt", other_text)
    result = write_ledger([meeting(tmp_path / "a.txt"), other], schema, tmp_path / "台账.xlsx", now=NOW)
    assert result.rows_added == 2 and result.skipped == ()


def test_similar_text_with_another_date_is_added(tmp_path, schema):
    from tests.support.ledger_records import found, record

    a = meeting(tmp_path / "a.txt")
    b = record(
        tmp_path / "b.txt", MEETING + "。", {**a.fields, "date": (found("2019-01-05", MEETING, "1月4日"),)}
    )
    result = write_ledger([a, b], schema, tmp_path / "台账.xlsx", now=NOW)
    assert result.rows_added == 2


def test_duplicates_within_a_run_and_across_runs(tmp_path, schema):
    out = tmp_path / "台账.xlsx"
    first = write_ledger(
        [update(tmp_path / "b.txt"), update(tmp_path / "副本" / "b.txt")], schema, out, now=NOW
    )
    assert first.rows_added == 1
    assert [(s.kind, s.row) for s in first.skipped] == [("duplicate", 4)]
    second = write_ledger([update(tmp_path / "b.txt"), update(tmp_path / "再一份.txt")], schema, out, now=NOW)
    assert [(s.kind, s.row) for s in second.skipped] == [("already", 4), ("duplicate", 4)]
    assert second.summary() == "台账新增 0 行；已在台账中 1 份；内容重复 1 份"
