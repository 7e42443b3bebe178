"""Hand-made records shaped like the seeds' (seed.txt, its .docx twin, work-update.txt, notice.docx).

The briefing tests and golden file use these, not the extractor's output, so that extractor improvements
do not move the briefing golden. Every value is grounded in its sentence, as the extractor's are.
"""

from __future__ import annotations

from pathlib import Path

from reporter.model import Evidence, Found, Metric, Record, Span


def _found(value, sentence: str, text: str | None = None, rule: str = "hand") -> Found:
    text = text if text is not None else (value if isinstance(value, str) else "")
    start = max(sentence.find(text), 0) if text else 0
    return Found(value, Evidence(Span(start, start + len(text)), sentence, 0), rule)


def _metric(name: str, value, unit: str, indicator: str, sentence: str, text: str) -> Found:
    return _found(Metric(name=name, value=value, unit=unit, indicator=indicator), sentence, text)


S1 = "2019年1月4日，赤峰市公安局在敖汉旗组织召开全市公安机关扫黑除恶专项斗争现场推进会。"
S1_FIG = "全市共摸排线索1142条，打掉涉恶团伙88个，抓获犯罪嫌疑人619人。"
S1_TASK = "一是要及时传达贯彻会议精神；二是要全面提升队伍攻坚能力。"
S2 = "6月1日至6月30日，青山县公安局组织开展“清风”夏季治安打击整治行动第一阶段工作。"
S2_FIG = "全县共破获刑事案件93起，同比上升12.5%；抓获违法犯罪嫌疑人117人，收缴罚没款3.5万元。"
S2_TASK = "一要持续保持严打高压态势，二要深化重点行业场所整治。"
S3 = "青山县应急管理局关于做好2024年汛期安全防范工作的通知"
S3_TASK = "压紧压实防汛责任。全面排查风险隐患。"
S3_LEAD = "各乡镇、各单位要落实行政首长负责制，全面排查风险隐患。"
S4 = "6月2日，青山县公安局破获一起电信网络诈骗案，抓获犯罪嫌疑人7人，破获案件7起。"


def seed_like_records() -> list[Record]:
    seed = {
        "title": (
            _found(
                "赤峰市公安局组织召开全市公安机关扫黑除恶专项斗争现场推进会",
                S1,
                "全市公安机关扫黑除恶专项斗争现场推进会",
            ),
        ),
        "date": (_found("2019-01-04", S1, "2019年1月4日"),),
        "organizer": (_found("赤峰市公安局", S1),),
        "summary": (
            _found(
                "赤峰市公安局在敖汉旗组织召开全市公安机关扫黑除恶专项斗争现场推进会，总结交流2018年工作经验。",
                S1,
                S1,
            ),
        ),
        "metrics": (
            _metric("摸排线索", 1142, "条", "摸排线索", S1_FIG, "摸排线索1142条"),
            _metric("打掉涉恶团伙", 88, "个", "打掉涉恶团伙", S1_FIG, "打掉涉恶团伙88个"),
            _metric("抓获犯罪嫌疑人", 619, "人", "抓获犯罪嫌疑人", S1_FIG, "抓获犯罪嫌疑人619人"),
        ),
        "tasks": (
            _found("一是要及时传达贯彻会议精神", S1_TASK),
            _found("二是要全面提升队伍攻坚能力", S1_TASK),
        ),
        "source": (_found("敖汉旗公安局", "来源:敖汉旗公安局"),),
        "keywords": (_found("扫黑除恶", S1),),
    }
    update = {
        "title": (
            _found("青山县公安局“清风”夏季治安打击整治行动取得阶段性成效", S2, "“清风”夏季治安打击整治行动"),
        ),
        "date": (_found("2024-06-01", S2, "6月1日"),),
        "organizer": (_found("青山县公安局", S2),),
        "summary": (_found("青山县公安局组织开展“清风”夏季治安打击整治行动，破获刑事案件93起。", S2, S2),),
        "metrics": (
            _metric("破获刑事案件", 93, "起", "破获案件", S2_FIG, "破获刑事案件93起"),
            _metric("破获刑事案件同比", 12.5, "%", "", S2_FIG, "同比上升12.5%"),
            _metric("抓获违法犯罪嫌疑人", 117, "人", "抓获犯罪嫌疑人", S2_FIG, "抓获违法犯罪嫌疑人117人"),
            _metric("罚没款", 3.5, "万元", "罚没款", S2_FIG, "罚没款3.5万元"),
        ),
        "tasks": (_found("持续保持严打高压态势", S2_TASK), _found("深化重点行业场所整治", S2_TASK)),
        "source": (_found("青山县公安局", S2),),
    }
    notice = {
        "title": (_found(S3, S3),),
        "date": (_found("2024-06-03", "2024年6月3日", "2024年6月3日"),),
        "organizer": (_found("青山县应急管理局", S3),),
        "summary": (_found(S3_LEAD, S3_LEAD),),
        "tasks": (_found("压紧压实防汛责任", S3_TASK), _found("全面排查风险隐患", S3_TASK)),
    }
    case = {
        "title": (_found("青山县公安局快速破获一起电信网络诈骗案", S4, "电信网络诈骗案"),),
        "date": (_found("--06-02", S4, "6月2日"),),
        "organizer": (_found("青山县公安局", S4),),
        "metrics": (
            _metric("抓获犯罪嫌疑人", 7, "人", "抓获犯罪嫌疑人", S4, "抓获犯罪嫌疑人7人"),
            _metric("破获案件", 7, "起", "破获案件", S4, "破获案件7起"),
        ),
    }

    def record(name: str, sha: str, fields: dict) -> Record:
        return Record(path=Path("seeds") / name, sha256=sha * 64, chars=500, fields=fields)

    return [
        record("seed.txt", "a", seed),
        record("work-update.txt", "b", update),
        record("seed.docx", "c", dict(seed)),  # the same report as a Word file: counted once
        record("notice.docx", "d", notice),
        record("case.txt", "e", case),
    ]
