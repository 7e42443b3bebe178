"""Page furniture frames for title, date and source: several invented variants of each way a report is
laid out (column tags over the headline, a 公文 reproduced on a web page, a closing 报送单位/供稿 line).

Every text is written for these tests; none is copied from a real report. Each vector says what the field
must be and, where it matters, what it must never be (the furniture that used to be taken for it).
"""

from __future__ import annotations

import pytest

from tests.extractor.test_extract_header import HeaderVector, check
from tests.support.vectors import extract_text

FOOTER = "\n上一条：县政府召开常务会议\n下一条：关于做好国庆假期安全工作的提示\n"
RESULTS = "截至10月底，共办理涉民生案件212件，起诉96人。\n该局负责人介绍，下一步将继续加大办案力度。\n"

# ------------------------------------------------------------- a column tag on its own line over the headline
COLUMN_TAGS = [
    ("（平安建设进行时）", "江北县公安局“雷霆”行动破获电诈案件41起"),
    ("【法治护航营商环境】", "桐城区检察院为民营企业挽回损失800余万元"),
    ("——乡村振兴一线行——", "柳河镇“小院经济”带动农户增收"),
    ("〔基层一线〕", "石门县应急管理局开展汛前隐患大排查"),
]
COLUMN_VECTORS = [
    HeaderVector(
        f"title-under-column-tag-{n}",
        "title",
        f"{tag}\n{head}\n《南江日报》（2025年3月12日 第 3 版）\n\n日前，{head[:5]}通报了工作进展，共办结事项41件。\n",
        head,
        "title.head_line",
        never=(tag,),
    )
    for n, (tag, head) in enumerate(COLUMN_TAGS)
] + [
    HeaderVector(
        "title-column-tag-on-the-headline-stays",
        "title",
        "（扫黑除恶进行时）江北县打掉一个恶势力团伙\n《南江日报》（2025年3月12日 第 3 版）\n日前，江北县公安局打掉一个恶势力团伙。\n",
        "（扫黑除恶进行时）江北县打掉一个恶势力团伙",
    ),
    HeaderVector(
        "title-column-tag-then-kicker",
        "title",
        "（一线调研）\n市委书记李明在调研防汛工作时强调\n全力以赴确保安全度汛\n\n本报讯 7月2日，市委书记李明到青龙河堤防调研。\n",
        "全力以赴确保安全度汛",
        never=("（一线调研）", "市委书记李明在调研防汛工作时强调"),
    ),
]

# ------------------------------------------------- a kicker (引题) over the headline: who spoke, or where
KICKERS = [
    ("县委书记张明在全县乡村振兴推进会上指出", "以产业振兴带动全面振兴"),
    ("市长刘强在检查安全生产工作时要求", "拧紧安全生产责任链条"),
    ("王刚在市委理论学习中心组学习会上强调", "深入学习贯彻党的二十届三中全会精神"),
    ("江北县：", "“一网统管”让城市治理更聪明"),
    ("白河市市场监管局：", "校园食堂“明厨亮灶”全覆盖"),
    ("聚焦高质量发展：", "青山县优化营商环境再出实招"),
    ("一线调研｜", "柳河镇“小院经济”带动农户增收"),
]
KICKER_VECTORS = [
    HeaderVector(
        f"title-below-kicker-{n}",
        "title",
        f"{kicker}\n{head}\n\n本报讯 3月15日，全县乡村振兴推进会召开，会议部署了今年的重点工作。\n",
        head,
        "title.below_kicker",
        never=(kicker,),
    )
    for n, (kicker, head) in enumerate(KICKERS)
]

KICKER_VECTORS += [
    HeaderVector(
        "title-attachment-label-is-no-kicker",
        "title",
        "附件：\n青山县汛期值班安排表\n一、值班时间\n每天8:00至次日8:00。\n",
        "青山县汛期值班安排表",
    ),
    HeaderVector(
        "title-colon-line-over-a-field-is-no-kicker",
        "title",
        "会议纪要：\n时间：2024年3月5日\n地点：县政府三楼会议室\n会议研究了防汛工作。\n",
        None,
        never=("会议纪要：", "时间：2024年3月5日"),
    ),
    HeaderVector(
        "title-addressee-is-no-kicker",
        "title",
        "关于做好汛期值班工作的通知\n各乡镇人民政府：\n青山县汛期值班安排如下。\n",
        "关于做好汛期值班工作的通知",
    ),
]

PATROL_BODY = "发布时间：2025-05-02\n5月1日，青山县公安局开展夏季治安巡逻，出动警力200人次。\n"
KICKER_VECTORS += [
    HeaderVector(f"title-page-{name}", "title", head + PATROL_BODY, "青山县公安局开展夏季治安巡逻", rule)
    for name, head, rule in (
        ("title-label", "标题：青山县公安局开展夏季治安巡逻\n", "title.head_line"),
        ("bar-site-suffix", "青山县公安局开展夏季治安巡逻|青山县人民政府网\n", "title.site_name_stripped"),
        ("wide-bar-site-suffix", "青山县公安局开展夏季治安巡逻｜青山发布\n", "title.site_name_stripped"),
        (
            "breadcrumb",
            "当前位置：首页 > 新闻中心 > 工作动态\n青山县公安局开展夏季治安巡逻\n",
            "title.head_line",
        ),
    )
] + [
    HeaderVector(
        "title-column-before-a-bar-stays",
        "title",
        "一线调研|柳河镇“小院经济”带动农户增收\n" + PATROL_BODY,
        "一线调研|柳河镇“小院经济”带动农户增收",
    )
]

# --------------------------------------------------------------- a formal 公文 reproduced on a web page
NOTICE_VECTORS = [
    HeaderVector(
        "date-notice-with-site-suffix",
        "date",
        "关于2024年上半年全县安全生产工作情况的通报_青川县人民政府\n"
        "发布时间：2024-07-18　来源：县应急管理局　浏览次数：210\n\n各乡镇人民政府，县直各部门：\n\n"
        "2024年上半年，全县共发生生产安全事故12起，同比下降25%。6月20日，县安委会组织开展了汛期安全检查。\n\n"
        "请各乡镇于7月30日前将整改情况报县安委办。\n\n青川县安全生产委员会办公室\n2024年7月12日" + FOOTER,
        "2024-07-12",
        "date.document_date",
        never=("2024-07-18", "2024-06-20", "2024-07-30"),
    ),
    HeaderVector(
        "date-addressed-and-signed-notice",
        "date",
        "2024年第三季度全市食品安全抽检情况通报\n发布时间：2024-10-22　来源：市市场监管局\n各县区市场监管局：\n"
        "第三季度全市共抽检食品样品1260批次，合格率98.4%。10月9日，市局对不合格批次开展核查处置。\n\n"
        "南岭市市场监督管理局\n2024年10月16日" + FOOTER,
        "2024-10-16",
        "date.document_date",
        never=("2024-10-22", "2024-10-09"),
    ),
    HeaderVector(
        "date-addressed-notice-in-words",
        "date",
        "全县秋冬季森林防火工作情况通报\n发布日期：2023-12-05\n各乡镇人民政府、县林业局：\n"
        "今年秋冬季以来，全县未发生森林火灾。请于12月20日前报送隐患排查台账。\n青峰县森林防灭火指挥部办公室\n"
        "二〇二三年十一月三十日" + FOOTER,
        "2023-11-30",
        "date.document_date",
        never=("2023-12-05", "2023-12-20"),
    ),
    HeaderVector(
        "date-signed-news-is-no-notice",
        "date",
        "青川县开展防汛应急演练\n发布时间：2024-06-15　来源：县应急管理局\n"
        "6月13日，青川县在白河镇开展防汛应急演练，县应急管理局等12个单位参加。\n青川县应急管理局\n2024年6月14日"
        + FOOTER,
        "2024-06-13",
        "date.lead_sentence",
    ),
]

NOTICE_VECTORS += [
    HeaderVector(
        "date-report-titled-by-its-kind",
        "date",
        "全县第二季度道路交通安全形势通报\n发布时间：2025-07-15　来源：县公安局交管大队\n第二季度，全县共发生道路交通事故"
        "238起。6月18日，交管大队在城区开展酒驾集中整治，查处酒驾12起。\n梓潼坪县道路交通安全委员会办公室\n2025年7月10日"
        + FOOTER,
        "2025-07-10",
        "date.document_date",
        never=("2025-06-18", "2025-07-15"),
    ),
    HeaderVector(
        "date-signed-work-summary",
        "date",
        "青山县应急管理局2024年上半年工作总结\n发布时间：2024-07-08\n上半年，我局紧紧围绕安全生产目标任务开展工作。"
        "3月12日，召开全县安全生产工作会议。\n青山县应急管理局\n2024年7月2日" + FOOTER,
        "2024-07-02",
        "date.document_date",
        never=("2024-03-12",),
    ),
    HeaderVector(
        "date-signed-news-about-an-arrangement",
        "date",
        "青川县部署今年防汛工作安排\n发布时间：2024-06-15\n6月13日，青川县召开防汛工作会议，部署今年防汛工作。\n"
        "青川县应急管理局\n2024年6月14日" + FOOTER,
        "2024-06-13",
        "date.lead_sentence",
    ),
]

NOTICE_VECTORS.append(
    HeaderVector(
        "date-signed-news-about-a-released-report",
        "date",
        "青山县发布2024年生态环境状况报告\n发布时间：2025-06-06\n6月5日，青山县生态环境局召开新闻发布会，发布2024年生态"
        "环境状况报告。\n青山县生态环境局\n2025年6月5日" + FOOTER,
        "2025-06-05",
        "date.lead_sentence",
    )
)

NOTICE = (
    "关于开展2024年度安全生产大检查的通知\n各乡镇人民政府，县直有关单位：\n为深刻汲取近期事故教训，县政府决定于6月10日"
    "至7月10日在全县开展安全生产大检查。现将有关事项通知如下：\n一、检查范围\n全县所有生产经营单位。\n二、工作要求\n"
    "请各单位于7月15日前将检查情况报县安委办。\n"
)
ENDINGS = [
    (
        "attachments-after",
        "\n青山县人民政府办公室\n2024年6月3日\n附件：1.安全生产大检查工作方案\n2.检查情况统计表\n",
    ),
    ("public-note", "\n青山县人民政府办公室\n2024年6月3日\n（此件公开发布）\n"),
    ("distribution", "\n青山县人民政府办公室\n2024年6月3日\n抄送：县委办、县人大办、县政协办。\n"),
    ("in-words", "\n青山县人民政府办公室\n二〇二四年六月三日\n"),
    ("one-line", "\n青山县人民政府办公室　　2024年6月3日\n"),
    ("contact-above", "\n联系人：王芳，电话：0838-1234567\n\n青山县人民政府办公室\n2024年6月3日\n"),
]
NOTICE_VECTORS += [
    HeaderVector(
        f"date-notice-signed-{name}",
        "date",
        NOTICE + ending,
        "2024-06-03",
        "date.document_date",
        never=("2024-07-15", "2024-06-10"),
    )
    for name, ending in ENDINGS
] + [
    HeaderVector(
        "organizer-notice-signed-on-one-line",
        "organizer",
        NOTICE + "\n青山县人民政府办公室　　2024年6月3日\n",
        "青山县人民政府办公室",
        "organizer.document_signature",
    ),
    HeaderVector("date-unsigned-notice-takes-no-deadline", "date", NOTICE + "\n特此通知。\n", None),
    HeaderVector(
        "date-bracketed-closing-line-is-a-source",
        "source",
        "县公安局召开党委会\n会议研究了国庆安保工作。会议要求全力做好安保工作。\n（县公安局办公室 2024年9月3日）\n",
        "县公安局办公室",
    ),
]

# ------------------------------------------------ a 公文's 版头 (份号, 密级, 紧急程度, 红头, 发文字号) over its title
SIGNED = (
    "各乡镇人民政府，县政府各部门：\n现将有关事项通知如下，请认真贯彻执行。\n\n青山县人民政府\n2024年3月5日\n"
)
FORMAL_HEADS = [
    (
        "split-over-three-lines",
        "中共青山县委办公室文件\n青委办发〔2024〕12号　　签发人：王强\n关于进一步加强\n"
        "基层应急管理体系和能力建设的\n实施意见\n",
        "关于进一步加强基层应急管理体系和能力建设的实施意见",
    ),
    (
        "split-over-two-lines",
        "青山县人民政府文件\n青政发〔2024〕3号\n关于印发青山县2024年安全生产\n工作要点的通知\n",
        "关于印发青山县2024年安全生产工作要点的通知",
    ),
    (
        "urgency-over-issuer",
        "特急\n青山县人民政府办公室\n关于做好强降雨防范应对工作的紧急通知\n",
        "关于做好强降雨防范应对工作的紧急通知",
    ),
    (
        "copy-number-and-secrecy",
        "000123\n机密★1年\n加急\n青山县人民政府文件\n青政发〔2024〕5号\n关于做好森林防灭火工作的通知\n",
        "关于做好森林防灭火工作的通知",
    ),
]
FORMAL_VECTORS = [
    HeaderVector(f"title-formal-{name}", "title", head + SIGNED, title, never=("特急", "加急", "000123"))
    for name, head, title in FORMAL_HEADS
]

# ------------------------------------------------------ the closing 报送单位/供稿/信息来源 line of a work update
UPDATE_HEAD = "今年以来，{unit}深入开展民生领域专项工作。"
CLOSING = [
    (
        "青峰县检察院：专项监督办结案件二百余件",
        "青峰县人民检察院",
        "报送单位：青峰县人民检察院办公室　　2025年11月6日",
        "青峰县人民检察院办公室",
        "2025-11-06",
    ),
    (
        "东湖区税务局优化办税服务",
        "东湖区税务局",
        "信息来源：东湖区税务局　2023年5月18日",
        "东湖区税务局",
        "2023-05-18",
    ),
    (
        "白沙镇推进人居环境整治",
        "白沙镇",
        "（供稿单位：白沙镇党政办　2024年4月2日）",
        "白沙镇党政办",
        "2024-04-02",
    ),
    (
        "柳江区应急管理局推进治本攻坚",
        "柳江区应急管理局",
        "报送部门：柳江区应急管理局安全生产科",
        "柳江区应急管理局安全生产科",
        None,
    ),
    (
        "江源县市场监管局排查特种设备隐患",
        "江源县市场监督管理局",
        "供稿单位：江源县市场监督管理局",
        "江源县市场监督管理局",
        None,
    ),
]
CLOSING_VECTORS = (
    [
        HeaderVector(
            f"source-closing-line-{n}",
            "source",
            f"{title}\n{UPDATE_HEAD.format(unit=unit)}{RESULTS}{line}\n",
            src,
            never=(line,),
        )
        for n, (title, unit, line, src, _) in enumerate(CLOSING)
    ]
    + [
        HeaderVector(
            f"date-closing-line-{n}",
            "date",
            f"{title}\n{UPDATE_HEAD.format(unit=unit)}{RESULTS}{line}\n",
            day,
            "date.publication_line",
        )
        for n, (title, unit, line, _, day) in enumerate(CLOSING)
        if day is not None
    ]
    + [
        HeaderVector(
            "date-closing-line-leaves-the-event-date",
            "date",
            "青峰县召开防汛工作部署会\n6月3日，青峰县召开防汛工作部署会，县长刘建出席会议并讲话。\n"
            "报送单位：青峰县应急管理局　　2025年6月5日\n",
            "2025-06-03",
            "date.lead_sentence",
            never=("2025-06-05",),
        ),
    ]
)

# --------------------------------------------------- days counted from the page's date, years that are not
PAGE = "发布时间：2024-03-16 09:30　来源：青川县融媒体中心\n"
DAY_VECTORS = [
    HeaderVector(
        f"date-relative-{word}",
        "date",
        f"青川县召开春季农业生产会议\n{PAGE}{word}，青川县召开春季农业生产工作会议，部署春耕备耕工作。\n",
        day,
        rule,
    )
    for word, day, rule in (
        ("昨日", "2024-03-15", "date.relative_to_publication"),
        ("前日", "2024-03-14", "date.relative_to_publication"),
        ("本月12日", "2024-03-12", "date.lead_sentence"),
        ("上月28日", "2024-02-28", "date.lead_sentence"),
    )
] + [
    HeaderVector(
        "date-law-year-is-not-the-year",
        "date",
        "青川县开展安全生产法宣传\n3月12日，青川县应急管理局在城区开展《中华人民共和国安全生产法（2021年修正）》"
        "宣传活动。\n",
        "--03-12",
        never=("2021-03-12",),
    ),
    HeaderVector(
        "date-target-year-is-not-the-year",
        "date",
        "青川县召开农业工作会议\n3月12日，青川县召开农业工作会议。会议提出，到2030年建成现代农业示范区。\n",
        "--03-12",
        never=("2030-03-12",),
    ),
    HeaderVector(
        "date-january-release-of-a-whole-year",
        "date",
        "江口区发布治安报告\n1月8日，江口区公安分局发布2023全年的110报警数据分析报告。\n2023年，江口区推进智慧安防小区建设。\n",
        "2024-01-08",
        "date.lead_sentence",
        never=("2023-01-08",),
    ),
    HeaderVector(
        "date-whole-year-in-march-says-nothing",
        "date",
        "江口区发布治安报告\n3月8日，江口区公安分局发布2023年全年治安形势分析。\n2023年，江口区推进智慧安防小区建设。\n",
        "2023-03-08",
    ),
]

# ------------------------------------------------------------------- source lines at a page's foot
PATROL = "青山县开展夏季治安巡逻\n5月1日，青山县公安局开展夏季治安巡逻，出动警力200人次。\n"
SOURCE_VECTORS = [
    HeaderVector(f"source-foot-{n}", "source", PATROL + line + "\n", value)
    for n, (line, value) in enumerate(
        (
            ("供稿：城关派出所", "城关派出所"),  # where a page's footer begins (供稿：, 编辑：)
            ("供稿：城关派出所\n编辑：王磊\n上一条：县局召开党委会", "城关派出所"),
            ("来源：青山公安 作者：王磊 编辑：李芳", "青山公安"),  # an account's name before the next label
            ("稿件来源：白河市公安局政治处 审核：李明", "白河市公安局政治处"),
            ("青山县公安局供稿", "青山县公安局"),  # a closing 供稿 line without brackets
            ("（白河镇人民政府 供稿）", "白河镇人民政府"),
        )
    )
] + [
    HeaderVector("source-reporter-is-no-source", "source", PATROL + "（通讯员 王磊 供稿）\n", None),
    HeaderVector(
        "source-other-pages-are-not-this-one",
        "source",
        PATROL + "上一条：县局召开党委会\n来源：白河市公安局\n",
        None,
    ),
]

MEETING = "青川县召开安全生产工作会议\n发布时间：2025-03-18　来源：青川县人民政府\n"
DAY_VECTORS += [
    HeaderVector(
        f"date-lead-{name}", "date", MEETING + lead + "\n", "2025-03-15", "date.lead_sentence", never=bad
    )
    for name, lead, bad in (
        ("this-year", "今年3月15日，青川县召开全县安全生产工作会议。", ("2025-03-18",)),
        (
            "deadline-is-not-vague",  # 3月31日前 holds 日前 but is no 日前 (recently)
            "3月15日下午，青川县召开全县安全生产工作会议，要求各乡镇于3月31日前完成隐患排查。",
            ("2025-03-18", "2025-03-31"),
        ),
        (
            "cited-meeting-day",
            "会议传达了3月10日全市会议精神。3月15日，青川县召开全县安全生产工作会议。",
            ("2025-03-10",),
        ),
        (
            "instruction-day",
            "3月15日，青川县召开全县安全生产工作会议，学习贯彻3月10日全省电视电话会议精神。",
            ("2025-03-10",),
        ),
    )
]

VECTORS = (
    SOURCE_VECTORS
    + COLUMN_VECTORS
    + KICKER_VECTORS
    + NOTICE_VECTORS
    + FORMAL_VECTORS
    + CLOSING_VECTORS
    + DAY_VECTORS
)


@pytest.mark.parametrize("vector", VECTORS, ids=lambda v: v.id)
def test_frame_vector(vector: HeaderVector, tmp_path) -> None:
    check(vector, extract_text(vector.text, tmp_path, ref_date=vector.ref_date))


def test_closing_line_is_furniture(tmp_path) -> None:
    """A closing 报送单位 line gives the source; it is no unit that took part and no sentence of the report."""
    text = f"东湖区税务局优化办税服务\n{UPDATE_HEAD.format(unit='东湖区税务局')}{RESULTS}报送单位：东湖区税务局办公室　2023年5月18日\n"
    record = extract_text(text, tmp_path)
    units = [f.value for f in record.fields.get("units", ())]
    assert "东湖区税务局办公室" not in units
