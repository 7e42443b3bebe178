"""Hand-made records for the ledger tests and golden file (not the extractor's output, which keeps improving).

Each record's SHA-256 and text fingerprint are computed from a body text, as extract() would, so duplicate
and likely-repeat handling is exercised for real.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from reporter.fingerprint import fingerprint
from reporter.model import Evidence, Failure, Found, Metric, Person, Record, Review, Span


def found(value, sentence: str, text: str | None = None, rule: str = "hand") -> Found:
    text = text if text is not None else (value if isinstance(value, str) else "")
    start = max(sentence.find(text), 0) if text else 0
    return Found(value, Evidence(Span(start, start + len(text)), sentence, 0), rule)


def metric(name: str, value, unit: str, indicator: str, sentence: str) -> Found:
    return found(Metric(name=name, value=value, unit=unit, indicator=indicator), sentence, f"{name}{value}")


def record(
    path: Path, body: str, fields: dict[str, tuple[Found, ...]], review: tuple[Review, ...] = ()
) -> Record:
    return Record(
        path=Path(path),
        sha256=hashlib.sha256(body.encode("utf-8")).hexdigest(),
        chars=len(body),
        fields=fields,
        review=review,
        reader="text",
        encoding="utf-8",
        fingerprint=fingerprint(body),
    )


MEETING = (
    "赤峰市公安局组织召开全市公安机关扫黑除恶专项斗争现场推进会\n"
    "2019年1月4日，赤峰市公安局在敖汉旗组织召开全市公安机关扫黑除恶专项斗争现场推进会。"
    "会议由市公安局党委委员、副局长贾建忠主持，市政府副市长、市公安局局长于海出席会议并讲话。"
    "全市共摸排线索1142条，打掉涉恶团伙88个，抓获犯罪嫌疑人619人，全年刑事发案同比下降7.6%。"
    "会议要求，一是要及时传达贯彻会议精神；二是要全面提升队伍攻坚能力。\n来源：敖汉旗公安局"
)
S1 = "2019年1月4日，赤峰市公安局在敖汉旗组织召开全市公安机关扫黑除恶专项斗争现场推进会。"
S1_HOST = "会议由市公安局党委委员、副局长贾建忠主持，市政府副市长、市公安局局长于海出席会议并讲话。"
S1_FIG = "全市共摸排线索1142条，打掉涉恶团伙88个，抓获犯罪嫌疑人619人，全年刑事发案同比下降7.6%。"
S1_TASK = "会议要求，一是要及时传达贯彻会议精神；二是要全面提升队伍攻坚能力。"

UPDATE = (
    "青山县公安局“清风”夏季治安打击整治行动取得阶段性成效\n"
    "6月1日至6月30日，青山县公安局组织开展“清风”夏季治安打击整治行动第一阶段工作。"
    "全县共破获刑事案件93起，抓获违法犯罪嫌疑人117人，收缴罚没款3.5万元。"
)
S2 = "6月1日至6月30日，青山县公安局组织开展“清风”夏季治安打击整治行动第一阶段工作。"
S2_FIG = "全县共破获刑事案件93起，抓获违法犯罪嫌疑人117人，收缴罚没款3.5万元。"

NOTICE = "青山县应急管理局关于做好汛期安全防范工作的通知\n各乡镇、各单位：6月3日起我县进入主汛期。压紧压实防汛责任。"


def meeting(path: Path, body: str = MEETING) -> Record:
    return record(
        path,
        body,
        {
            "date": (found("2019-01-04", S1, "2019年1月4日"),),
            "title": (
                found("赤峰市公安局组织召开全市公安机关扫黑除恶专项斗争现场推进会", body.split("\n")[0]),
            ),
            "organizer": (found("赤峰市公安局", S1),),
            "event": (found("全市公安机关扫黑除恶专项斗争现场推进会", S1),),
            "location": (found("敖汉旗", S1),),
            "host": (found("贾建忠", S1_HOST),),
            "people": (
                found(
                    Person("贾建忠", "市公安局党委委员、副局长"), S1_HOST, "市公安局党委委员、副局长贾建忠"
                ),
                found(
                    Person("于海", "市政府副市长、市公安局局长"), S1_HOST, "市政府副市长、市公安局局长于海"
                ),
            ),
            "metrics": (
                metric("摸排线索", 1142, "条", "摸排线索", S1_FIG),
                metric("打掉涉恶团伙", 88, "个", "打掉涉恶团伙", S1_FIG),
                metric("抓获犯罪嫌疑人", 619, "人", "抓获犯罪嫌疑人", S1_FIG),
                metric("刑事发案同比", -7.6, "%", "", S1_FIG),
            ),
            "tasks": (found("及时传达贯彻会议精神", S1_TASK), found("全面提升队伍攻坚能力", S1_TASK)),
            "source": (found("敖汉旗公安局", "来源：敖汉旗公安局"),),
            "summary": (found("赤峰市公安局在敖汉旗组织召开全市公安机关扫黑除恶专项斗争现场推进会。", S1),),
            "keywords": (found("扫黑除恶", S1), found("推进会", S1)),
        },
    )


def update(path: Path, body: str = UPDATE) -> Record:
    return record(
        path,
        body,
        {
            "date": (found("2024-06-01", S2, "6月1日"),),
            "title": (found("青山县公安局“清风”夏季治安打击整治行动取得阶段性成效", body.split("\n")[0]),),
            "organizer": (found("青山县公安局", S2),),
            "metrics": (
                metric("破获刑事案件", 93, "起", "破获案件", S2_FIG),
                metric("抓获违法犯罪嫌疑人", 117, "人", "抓获犯罪嫌疑人", S2_FIG),
                metric("罚没款", 3.5, "万元", "罚没款", S2_FIG),
            ),
            "summary": (found("青山县公安局组织开展“清风”夏季治安打击整治行动第一阶段工作。", S2),),
        },
        review=(Review("date", "原文只写了“6月1日”，年份按参考日期补全"),),
    )


def notice(path: Path, body: str = NOTICE) -> Record:
    return record(
        path,
        body,
        {
            "date": (found("--06-03", body, "6月3日"),),  # no year: kept as text
            "title": (found("青山县应急管理局关于做好汛期安全防范工作的通知", body.split("\n")[0]),),
            "tasks": (found("压紧压实防汛责任", body),),
        },
    )


def golden_inputs(folder: Path) -> tuple[list[Record], list[Failure]]:
    """Three reports, a republished copy of the first (likely repeat), a byte copy of the second, a failure."""
    repost = MEETING.replace("来源：敖汉旗公安局", "来源：赤峰市公安局 转自敖汉旗公安局")
    records = [
        meeting(folder / "推进会.txt"),
        update(folder / "清风行动.txt"),
        notice(folder / "通知.docx"),
        meeting(folder / "转发-推进会.txt", repost),
        update(folder / "副本-清风行动.txt"),
    ]
    failures = [
        Failure(
            path=folder / "坏文件.docx",
            reason="不是有效的 Word 文件",
            message=f"{folder / '坏文件.docx'}：不是有效的 Word 文件；请用 Word 另存为 .docx 后重试",
        )
    ]
    return records, failures
