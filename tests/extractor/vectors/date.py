"""date: the day of the reported event, else the document's own date, and the cue that gives it."""

from __future__ import annotations

import datetime as dt

from tests.support.strategy_vectors import Vector

VECTORS = (
    Vector(
        "date.form_field",
        "县消防救援大队安全例会纪要\n会议时间：2024年3月5日上午\n会议地点：大队三楼会议室\n"
        "主持人：大队长刘卫东\n会议传达了上级关于春季防火工作的部署，要求各中队于3月20日前完成自查。\n",
        ("2024-03-05",),
        must_not=("2024-03-20",),
    ),
    Vector(
        "date.document_date",
        "关于做好2025年元旦春节期间安全防范工作的通知\n各镇人民政府，区直各部门：\n"
        "元旦春节将至，请各单位于2024年12月25日前完成隐患排查，并将情况报区应急管理局。\n"
        "南湖区人民政府办公室\n2024年12月18日\n",
        ("2024-12-18",),
        must_not=("2024-12-25",),
    ),
    Vector(
        "date.lead_sentence",
        "金沙县召开河长制工作推进会\n2023年9月14日，金沙县召开全县河长制工作推进会。"
        "会议通报了2022年11月以来的河湖巡查情况。\n",
        ("2023-09-14",),
        must_not=("2022-11",),
    ),
    Vector(
        "date.lead_opening",
        "平川县一化工厂发生火情\n2024年8月6日14时许，平川县工业园区一化工厂仓库起火，"
        "消防救援人员迅速赶赴现场处置，无人员伤亡。\n",
        ("2024-08-06",),
    ),
    Vector(
        "date.relative_to_publication",
        "清江镇组织群众开展应急疏散演练\n发布时间：2024-05-11 09:30\n"
        "昨日，清江镇在镇中心小学组织师生开展地震应急疏散演练。\n",
        ("2024-05-10",),
        must_not=("2024-05-11",),
    ),
    Vector(
        "date.relative_to_publication",
        "县公安局开展反诈宣传进社区活动\n今天上午，县公安局民警走进城南社区开展反诈宣传，发放资料500余份。\n",
        ("2024-11-20",),
        ref_date=dt.date(2024, 11, 20),
    ),
    Vector(
        "date.started_on",
        "高新区推行企业开办一日办结\n发布日期：2024-04-20\n"
        "近日，高新区政务服务中心优化企业开办流程。4月1日起，区政务服务中心开始实行企业开办一窗受理。\n",
        ("2024-04-01",),
        must_not=("2024-04-20",),
    ),
    Vector(
        "date.lead_month",
        "桃源县开展校园周边食品安全整治\n发布日期：2024-10-09\n"
        "9月中旬，桃源县市场监管局开展校园周边食品安全专项整治，检查经营户120家。\n",
        ("2024-09",),
        must_not=("2024-10-09",),
    ),
    Vector(
        "date.dateline",
        "全省农村公路建设提速\n　　本报长沙3月8日电  近日，全省农村公路建设进度明显加快，新改建农村公路800公里。\n",
        ("--03-08",),
    ),
    Vector(
        "date.publication_line",
        "岩门镇持续推进农村饮水安全工作\n发布日期：2024-07-02  来源：岩门镇人民政府\n"
        "今年以来，岩门镇持续推进农村饮水安全工作，改造供水管网12公里。\n",
        ("2024-07-02",),
    ),
    Vector(
        "date.signature",
        "青川县网格员招募公告\n为加强基层治理，现面向社会招募网格员30名，报名截止时间为2024年6月30日。\n"
        "青川县委政法委\n2024年6月10日\n",
        ("2024-06-10",),
        must_not=("2024-06-30",),
    ),
    Vector(
        "date.lead_sentence",
        "县发改委部署重点项目建设\n2024年2月27日，县发改委召开重点项目推进会，要求各项目于2024年6月30日前开工，"
        "力争到2026年全部建成投用。\n",
        ("2024-02-27",),
        must_not=("2024-06-30", "2026"),
        xfail="a deadline 6月30日前 in the lead is read as 日前 (recently): the lead counts as vague and "
        "no strategy dates the meeting",
    ),
    Vector(
        "date.lead_sentence",
        "县发改委部署重点项目建设\n2024年2月27日，县发改委召开重点项目推进会。会议提出，力争到2026年全部建成投用。\n",
        ("2024-02-27",),
        must_not=("2026",),
    ),
)
