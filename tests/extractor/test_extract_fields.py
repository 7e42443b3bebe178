"""title, date, source, organizer, event, location, host, people, units: vectors through extract()."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.support.vectors import FieldVector, check_vector, extract_text

MEETING = (
    "青山县公安局召开全县公安机关夏季治安打击整治行动推进会\n"
    "2023年7月12日，青山县公安局在石桥镇组织召开全县公安机关夏季治安打击整治行动推进会，总结前一阶段工作，"
    "部署下一步任务。县委常委、政法委书记王志强，县公安局党委书记、局长李建国出席会议。"
    "城关、石桥、河口三个派出所做了交流发言。\n"
    "会议由县公安局党委委员、副局长赵明主持。\n"
    "李建国局长要求，一是要提高政治站位；二是要狠抓工作落实；三是要加强队伍管理。\n"
    "来源:青山县公安局\n"
    "编辑:孙丽\n"
    "推荐阅读\n"
    "青山县召开禁毒工作会议\n"
)

NEWSPAPER = (
    "江南市多措并举打击电信网络诈骗\n"
    "全链条打击 守护群众钱袋子\n"
    "\n"
    "　　本报杭州3月5日电  （记者王小明）记者近日从江南市公安局获悉：今年以来，江南市公安局全链条打击电信网络诈骗犯罪，"
    "破获案件120起。\n"
    "　　江南市公安局刑侦支队支队长周强介绍，下一步将继续加大打击力度。\n"
)

# half-width punctuation, as county offices often type it
NOTICE_HALF_WIDTH = (
    '关于"5·18"道路运输事故的情况通报\n各乡镇、县直各有关单位:\n2024年5月18日,红旗镇路段发生一起事故,'
    "造成2人受伤。县公安局、县交通运输局、县卫健委等部门迅速开展处置工作。\n青山县安全生产委员会办公室\n2024年5月20日\n"
)
STUDY_HALF_WIDTH = (
    "县检察院召开理论学习会\n5月16日下午,县人民检察院召开党组理论学习中心组(扩大)学习会,深入学习法治思想。\n"
)

# a WeChat article copied with its byline (account, time, 发表于 province) above the headline
WECHAT_BYLINE = (
    "青山公安 2024-08-12 18:30 发表于内蒙古\n县公安局夏季治安打击整治行动取得阶段性成效\n原创 青山公安\n"
    "今年6月以来，县公安局全力维护辖区社会治安稳定。截至8月10日，共破获刑事案件56起。\n"
)

VECTORS = [
    # title
    FieldVector(
        "title-first-line", "title", MEETING, exact="青山县公安局召开全县公安机关夏季治安打击整治行动推进会"
    ),
    FieldVector("title-kicker-headline-blank", "title", NEWSPAPER, exact="全链条打击 守护群众钱袋子"),
    FieldVector(
        "title-headline-subtitle",
        "title",
        "县应急管理局部署汛期安全工作\n要求压实责任、排查隐患、严格值守\n　　6月1日，县应急管理局召开汛期安全工作部署会。\n",
        exact="县应急管理局部署汛期安全工作",
    ),
    FieldVector(
        "title-skips-wechat-furniture",
        "title",
        "原创 青山公安 2023-07-13\n青山县开展夏季治安巡逻\n7月12日，青山县公安局开展夏季治安巡逻。\n",
        exact="青山县开展夏季治安巡逻",
    ),
    # date
    FieldVector("date-lead", "date", MEETING, exact="2023-07-12"),
    FieldVector(
        "date-chinese-numerals",
        "date",
        "县市场监管局召开食品安全会议\n二〇二三年三月八日，县市场监管局召开食品安全工作会议。\n",
        exact="2023-03-08",
    ),
    FieldVector("date-dateline-for-recent", "date", NEWSPAPER, exact="--03-05"),
    FieldVector(
        "date-day-only-from-dateline",
        "date",
        "全市禁毒工作会议召开\n　　本报江南12月3日电 市委书记陈刚2日主持召开全市禁毒工作会议。\n",
        exact="--12-02",
    ),
    FieldVector(
        "date-cutoff-is-not-event",
        "date",
        "全县安全生产形势平稳\n　　本报青山8月20日电 截至8月15日，全县共检查企业300家。\n",
        exact="--08-20",
    ),
    FieldVector(
        "date-ref-date-gives-year",
        "date",
        "县应急管理局召开防汛会议\n6月1日，县应急管理局召开防汛工作会议。\n",
        exact="2024-06-01",
        ref_date=dt.date(2024, 6, 30),
    ),
    FieldVector(
        "date-no-year-stays-open",
        "date",
        "县应急管理局召开防汛会议\n6月1日，县应急管理局召开防汛工作会议。\n",
        exact="--06-01",
    ),
    FieldVector(
        "date-yesterday-from-publication-line",
        "date",
        "国道发生一起交通事故\n2022年05月10日 08:30 来源：江南日报\n昨日凌晨，105国道青山段发生一起交通事故。\n",
        exact="2022-05-09",
    ),
    FieldVector(
        "date-notice-signature",
        "date",
        "青山县应急管理局关于做好防汛工作的通知\n各乡镇：\n请做好防汛工作。\n青山县应急管理局\n2024年5月20日\n",
        exact="2024-05-20",
    ),
    # source
    FieldVector("source-label-half-width", "source", MEETING, exact="青山县公安局"),
    FieldVector(
        "source-agency-dateline",
        "source",
        "全国禁毒工作会议召开\n　　新华社北京6月25日电 全国禁毒工作会议25日在北京召开。\n",
        exact="新华社",
    ),
    FieldVector("source-newspaper-is-not-source", "source", NEWSPAPER, empty=True),
    # people
    FieldVector(
        "people-chain-post-before-name",
        "people",
        MEETING,
        must_include=(
            "王志强|县委常委、政法委书记",
            "李建国|县公安局党委书记、局长",
            "赵明|县公安局党委委员、副局长",
        ),
    ),
    FieldVector(
        "people-unit-name-post",
        "people",
        "全市会议召开\n会议传达了市政府张伟市长的批示，市委政法委刘洋科长参加会议。\n",
        must_include=("张伟|市政府市长", "刘洋|市委政法委科长"),
    ),
    FieldVector(
        "people-byline-left-out",
        "people",
        NEWSPAPER,
        must_include=("周强|江南市公安局刑侦支队支队长",),
        must_not_include=("王小明",),
    ),
    FieldVector(
        "people-guidance-left-out",
        "people",
        "县委召开常委会\n会议要求，认真贯彻习近平总书记重要指示精神。县委书记陈刚主持会议。\n",
        must_include=("陈刚",),
        must_not_include=("习近平",),
    ),
    FieldVector(
        "people-no-post-left-out",
        "people",
        "县公安局召开表彰会\n会议号召全局民警向王琰同志学习。县公安局局长李建国讲话。\n",
        must_include=("李建国",),
        must_not_include=("王琰",),
    ),
    FieldVector(
        "people-anonymised-left-out",
        "people",
        "县检察院办理一起案件\n某公司总经理张某（化名）被依法逮捕。县检察院检察长刘军介绍了案情。\n",
        must_include=("刘军",),
        must_not_include=("张某",),
    ),
    FieldVector(
        "people-once-with-fullest-post",
        "people",
        "县里召开会议\n副县长、县公安局局长李建国出席会议。李建国局长强调，要抓好落实。\n",
        must_include=("李建国|副县长、县公安局局长",),
    ),
    # host
    FieldVector("host-by-post-name", "host", MEETING, exact="赵明"),
    FieldVector(
        "host-name-chaired",
        "host",
        "县委召开常委会\n　　本报讯 县委书记陈刚8日主持召开县委常委会会议。\n",
        exact="陈刚",
    ),
    FieldVector(
        "host-name-comrade-chaired",
        "host",
        "镇党委召开中心组学习会\n8月3日，镇党委书记王丽同志主持召开理论学习中心组学习会，镇长黄勇同志参加学习。\n",
        exact="王丽",
    ),
    # organizer / event / location
    FieldVector("organizer-subject-of-meeting", "organizer", MEETING, exact="青山县公安局"),
    FieldVector("event-held", "event", MEETING, exact="全县公安机关夏季治安打击整治行动推进会"),
    FieldVector("location-held-at", "location", MEETING, exact="石桥镇"),
    FieldVector("organizer-informant", "organizer", NEWSPAPER, exact="江南市公安局"),
    FieldVector(
        "event-generic-meeting-is-not-named",
        "event",
        "县政府召开新闻发布会\n5月8日，县政府召开新闻发布会。\n",
        empty=True,
    ),
    FieldVector(
        "organizer-notice-issuer",
        "organizer",
        "青山县应急管理局关于做好防汛工作的通知\n各乡镇：\n请做好防汛工作。\n青山县应急管理局\n2024年5月20日\n",
        exact="青山县应急管理局",
    ),
    FieldVector(
        "location-accident-scene",
        "location",
        "国道发生一起交通事故\n2022年05月10日 08:30 来源：江南日报\n昨日凌晨，105国道青山段发生一起交通事故。\n",
        must_include=("105国道青山段",),
    ),
    FieldVector(
        "location-a-statistic-over-the-county-is-no-scene",
        "location",
        "关于第一季度全县道路交通安全形势的通报\n2024年第一季度，全县共发生道路交通事故152起，同比下降12.6%。"
        "本市累计发生火灾37起。\n",
        empty=True,
    ),
    FieldVector(
        "event-study-session-with-half-width-punctuation",
        "event",
        STUDY_HALF_WIDTH,
        exact="党组理论学习中心组(扩大)学习会",
    ),
    FieldVector(
        "organizer-study-session-with-half-width-punctuation",
        "organizer",
        STUDY_HALF_WIDTH,
        exact="县人民检察院",
    ),
    FieldVector(
        "organizer-signature-of-a-situation-notice",
        "organizer",
        NOTICE_HALF_WIDTH,
        exact="青山县安全生产委员会办公室",
    ),
    FieldVector(
        "units-list-ending-in-a-group-word",
        "units",
        NOTICE_HALF_WIDTH,
        must_include=("县公安局", "县交通运输局", "县卫健委"),
        must_not_include=("县卫健委等部门", "青山县安全生产委员会办公室"),
    ),
    FieldVector(
        "title-skips-wechat-byline",
        "title",
        WECHAT_BYLINE,
        exact="县公安局夏季治安打击整治行动取得阶段性成效",
    ),
    FieldVector("date-from-wechat-byline", "date", WECHAT_BYLINE, exact="2024-08-12"),
    FieldVector(
        "title-skips-briefing-masthead",
        "title",
        "工作简报\n第5期\n县委办公室编    2023年5月8日\n全县召开乡村振兴工作推进会\n5月6日，全县乡村振兴工作推进会在县行政中心召开。\n",
        exact="全县召开乡村振兴工作推进会",
    ),
    FieldVector(
        "source-wechat-separator",
        "source",
        "县局开展巡逻\n5月1日，县公安局开展巡逻。\n来源丨青州市公安局\n编辑丨李娜\n",
        exact="青州市公安局",
    ),
    FieldVector(
        "organizer-signature-of-notice",
        "organizer",
        "关于第一季度安全生产检查情况的通报\n各乡镇：\n现将检查情况通报如下。\n县安全生产委员会办公室\n2023年4月6日\n",
        exact="县安全生产委员会办公室",
    ),
    FieldVector(
        "units-venue-is-not-a-unit",
        "units",
        "全县召开推进会\n5月6日，全县乡村振兴工作推进会在县行政中心召开。\n",
        empty=True,
    ),
    # units
    FieldVector(
        "units-distributive-list",
        "units",
        "全市禁毒工作会议召开\n8月3日，江南市公安局召开全市禁毒工作会议，东城区、西城区、青山县三个县区公安局做了交流发言。\n",
        must_include=("东城区公安局", "西城区公安局", "青山县公安局"),
        must_not_include=("江南市公安局",),
    ),
    FieldVector(
        "units-generic-groups-left-out",
        "units",
        "全市禁毒工作会议召开\n8月3日，江南市公安局召开全市禁毒工作会议，各县区公安局、有关单位负责人参加会议。\n",
        empty=True,
    ),
    FieldVector(
        "units-parallel-list",
        "units",
        "县局召开会议\n7月1日，青山县公安局召开会议，城南派出所、城北派出所、交警大队三个单位作交流发言。\n",
        must_include=("城南派出所", "城北派出所", "交警大队"),
    ),
    FieldVector(
        "units-one-unit-acting-on-another-is-two",
        "units",
        "县政府召开食品安全工作会议\n6月2日，县政府召开食品安全工作会议。会上，江南市公安局会同江南市教育局通报了"
        "校园周边整治情况，县应急管理局部署中国安全生产协会检测中心对重点企业开展抽检。\n",
        must_include=("江南市公安局", "江南市教育局", "中国安全生产协会检测中心"),
        must_not_include=(
            "江南市公安局会同江南市教育局",
            "县应急管理局部署",
            "县应急管理局部署中国安全生产协会检测中心",
        ),
    ),
    FieldVector(
        "units-county-departments-named-without-the-county",
        "units",
        "全县防汛工作会议召开\n6月3日，青山县人民政府召开全县防汛工作会议。县水利局、县气象局、县应急管理局负责同志"
        "参加会议，县公安局党委成员列席会议。会上，县水利局通报了汛情。\n",
        must_include=("县水利局", "县气象局", "县应急管理局"),
        must_not_include=("县公安局党委", "县政府", "青山县人民政府"),
    ),
    FieldVector(
        "units-department-names-with-和",
        "units",
        "全县安全生产工作会议召开\n6月3日，县政府召开全县安全生产工作会议，县住房和城乡建设局、县文化和旅游局、"
        "县林业和草原局、县人力资源和社会保障局负责同志作交流发言。\n",
        must_include=("县住房和城乡建设局", "县文化和旅游局", "县林业和草原局", "县人力资源和社会保障局"),
    ),
    FieldVector(
        "units-joint-name-and-own-parts-stay-whole",
        "units",
        "会议召开\n5月9日，江南市公安局经侦支队、江南市公安局东城分局与中央纪委国家监委驻省纪检监察组召开座谈会。\n",
        must_include=("江南市公安局经侦支队", "江南市公安局东城分局", "中央纪委国家监委"),
        must_not_include=("经侦支队", "东城分局", "国家监委"),
    ),
]


@pytest.mark.parametrize("vector", VECTORS, ids=lambda v: v.id)
def test_field_vector(vector, tmp_path):
    record = extract_text(vector.text, tmp_path, ref_date=vector.ref_date)
    check_vector(vector, record)


def test_web_footer_never_becomes_a_value(tmp_path):
    record = extract_text(MEETING, tmp_path)
    for key, found in record.fields.items():
        for f in found:
            assert "推荐阅读" not in str(f.value) and "禁毒工作会议" not in str(f.value), key
            assert f.evidence.span.start < MEETING.index("编辑"), key


def test_every_value_slices_back_to_its_evidence(tmp_path):
    record = extract_text(MEETING, tmp_path)
    text = MEETING
    for key in ("title", "organizer", "event", "location", "host", "source", "date"):
        for f in record.fields[key]:
            span_text = text[f.evidence.span.start : f.evidence.span.end]
            if key == "date":
                assert span_text == "2023年7月12日"
            else:
                assert str(f.value) in span_text or span_text in str(f.value), (key, f.value, span_text)
