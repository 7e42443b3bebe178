"""title, date, source and the document-layout organizer: one vector per strategy, through extract().

Every text is written for these tests in the genres the tool reads (a newspaper page with kicker and
subtitle, a government web page with publication line and 上一条/下一条 footer, a WeChat post, a formal
公文 with 红头 and 发文字号, a form); none is copied from a real report. Each vector names the strategy
that must give the value (Found.rule), what the value must be, and what it must never be.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from reporter.model import Record
from tests.support.vectors import extract_text


@dataclass(frozen=True)
class HeaderVector:
    id: str
    field: str
    text: str
    exact: str | None  # the value (None: the field must be empty)
    rule: str | None = None  # the strategy that must give it
    never: tuple[str, ...] = ()  # values the field must never hold
    ref_date: dt.date | None = None
    review: str | None = None  # a 待核 reason the record must carry


def check(vector: HeaderVector, record: Record) -> None:
    found = record.fields.get(vector.field, ())
    value = found[0].value if found else None
    assert value == vector.exact, f"{vector.id}: {vector.field} = {value!r}, expected {vector.exact!r}"
    if vector.rule is not None:
        assert found[0].rule == vector.rule, f"{vector.id}: rule {found[0].rule}, expected {vector.rule}"
    for bad in vector.never:
        assert value != bad, f"{vector.id}: {vector.field} must not be {bad!r}"
    if vector.review is not None:
        reasons = [r.reason for r in record.review if r.field == vector.field]
        assert vector.review in reasons, f"{vector.id}: review {reasons}"


# ---------------------------------------------------------------------------------------------- texts
# a county government web page: publication line with 来源 and a counter, 上一条/下一条 footer
WEB_PAGE = (
    "青山县市场监管局开展节前食品安全大检查\n"
    "发布日期：2023-09-26  来源：青山县市场监督管理局  阅读次数：318\n"
    "9月25日，县市场监管局组织执法人员对城区农贸市场、超市开展节前食品安全检查，共检查经营户86家。\n"
    "下一步，县市场监管局将持续加强监督检查。\n"
    "上一条：县市场监管局召开安全生产会议\n"
    "下一条：2023年全县特种设备安全宣传周启动\n"
)
# a web page whose 来源 is left empty, followed by a sentence
EMPTY_SOURCE_PAGE = (
    "江南市推行工程建设项目电子招标\n"
    "2012年03月05 来源：\n"
    "记者近日从江南市公共资源交易中心获悉，全市工程建设项目已全部实行电子招标。\n"
)
# a newspaper page: kicker with a speech verb, headline, the paper's issue line, a dateline
KICKER_SPEECH = (
    "王建国在江南市调研时强调\n\n"
    "压实防汛责任  守护群众安全\n\n"
    "《江南日报》（2024年07月12日第 02 版）\n\n"
    "本报江南7月11日电  （记者李明）省委副书记王建国11日在江南市调研防汛工作。他强调，要压实各级防汛责任。\n"
)
# kicker announcing a document, headline laying down the work
KICKER_ANNOUNCE = (
    "省应急管理厅等六部门联合印发意见\n\n"
    "加强基层应急消防力量建设\n\n"
    "《江南日报》（2024年03月02日第 06 版）\n\n"
    "本报江南3月1日电  （记者张华）记者从省应急管理厅获悉：近日，省应急管理厅联合省财政厅等六部门印发意见。\n"
)
# headline with a column tag, kicker telling the place
KICKER_COLUMN_TAG = (
    "青山县探索解决农村道路管护难题\n\n"
    "小路长养护 村村有人管（基层治理新实践）\n\n"
    "本报记者  赵  刚《江南日报》（2024年05月20日第 11 版）\n\n"
    "走进青山县石桥镇，一条条通村公路干净整洁。\n"
)
# a slogan couplet kicker above a local headline
KICKER_SLOGAN = (
    "科技赋能  服务升级\n\n"
    "江南市打造城市运行一网统管平台\n\n"
    "本报记者  周  婷《江南日报》（2024年06月03日第 01 版）\n\n"
    "清晨，江南市城市运行指挥中心的大屏上，各类数据实时跳动。\n"
)
# headline above a subtitle that starts with 包括
SUBTITLE_INCLUDES = (
    "江南市将整治八类交通违法行为\n\n"
    "包括闯红灯、不按规定车道行驶等\n\n"
    "《江南日报》（2024年08月09日第 11 版）\n\n"
    "本报江南8月8日电  （记者王洁）江南市公安交管部门将开展专项整治。\n"
)
# headline carrying the figure, subtitle giving its context
SUBTITLE_FIGURE = (
    "河口县储备防汛物资3.2万件\n\n"
    "应急保障能力持续提升\n\n"
    "《江南日报》（2024年05月10日第 13 版）\n\n"
    "本报河口5月9日电  （记者孙伟）记者从河口县应急管理局获悉，全县已储备防汛物资3.2万件。\n"
)
# a headline starting with its place, a subtitle without a subject
SUBTITLE_PLACE = (
    "江南青山开展电动自行车安全隐患排查\n\n"
    "重点整治楼道停放和飞线充电\n\n"
    "《江南日报》（2024年04月17日第 12 版）\n\n"
    "本报青山4月16日电  （记者陈晨）青山县近日开展电动自行车安全隐患排查整治。\n"
)
SUBTITLE_DASH = (
    "县应急管理局部署防汛工作\n——压实责任、排查隐患、严格值守\n6月1日，县应急管理局召开防汛工作部署会。\n"
)
THREE_LINES = (
    "江南市持续深化平安建设\n"
    "群众安全感达到98.6%（平安中国）\n"
    "刑事案件发案数连续五年下降\n\n"
    "　　本报江南1月8日电 （记者刘强）江南市公安局8日召开新闻发布会，通报全年平安建设情况。\n"
)
# a formal 公文: 红头, 发文字号 with 签发人, a title broken over two lines, 主送机关, 附件, 署名, 成文日期
FORMAL = (
    "青山县应急管理局文件\n"
    "青应急发〔2024〕12号              签发人：李建国\n"
    "关于切实做好2024年汛期安全生产\n"
    "工作的通知\n"
    "各乡镇人民政府，县直各有关单位：\n"
    "为做好汛期安全生产工作，各单位要于7月30日前完成隐患排查，到2025年基本建成隐患排查治理体系。\n"
    "附件：1．汛期隐患排查表\n"
    "2．值班安排表\n"
    "青山县应急管理局\n"
    "2024年6月3日\n"
)
# a notice signed by an office, its organ written before 关于
TITLE_ISSUER = (
    "青山县人民政府办公室关于开展安全生产大检查的通知\n"
    "各乡镇人民政府：\n"
    "经县政府同意，决定于6月开展安全生产大检查，请于6月20日前报送检查情况。\n"
    "2024年5月28日\n"
)
# an attachment label above the real title, and a date range line under it
ATTACHMENT_FIRST = "附件2\n青山县汛期值班安排表\n（2024.6.1—2024.9.30）\n一、值班时间\n每天8:00至次日8:00。\n"
# a cover page: the organ, the title's parts, the kind of document, the publishing fields
COVER_PAGE = (
    "青山县人民医院\n"
    "医疗设备采购项目\n"
    "（第二批）\n"
    "询价文件\n"
    "发布单位：青山县人民医院\n"
    "发布日期：2024年3月15日\n"
    "目录\n"
    "第一部分 询价公告……………………3\n"
    "一、项目概况\n"
    "本项目采购医疗设备一批。\n"
)
# a 会议纪要 form: the date comes from its 会议时间 field, not from a deadline
MINUTES = (
    "会议纪要\n"
    "会议时间：2024年4月9日上午9:00\n"
    "会议地点：县政府三楼会议室\n"
    "主持人：县政府副县长王强\n"
    "会议研究了城区防汛工作，要求各单位于5月10日前完成排水管网清淤。\n"
)
# a page title with the site's name, wrapped over two lines
SITE_TITLE = (
    "江南市部分道路\n"
    "　　将实行临时交通管制_江南晚报\n"
    "2024-04-02\n"
    "　　4月1日，江南市公安局交通警察支队发布清明期间临时交通管制的通告。\n"
)
# a WeChat post with the account's byline and time
WECHAT = (
    "青山应急 2024-07-03 20:15 发表于江南\n"
    "青山县开展防汛应急演练\n"
    "原创 青山应急\n"
    "近日，青山县在城关镇开展防汛应急演练，检验预案。\n"
)
# a newspaper supplement page ending with 数据来源：
DATA_SOURCE = (
    "青山县：绿水青山绘就乡村振兴新画卷\n"
    "《江南日报》（2024年10月15日第 12 版）\n"
    "近年来，青山县聚焦生态优势，持续推进乡村全面振兴。到2030年，全县森林覆盖率将达到80%。\n"
    "展望“十五五”，青山县将持续推进绿色发展。\n"
    "数据来源：中共青山县委宣传部\n"
)
MIXED_SOURCE = (
    "江南海域发现受伤海龟\n"
    "2024-05-06\n"
    "5月5日，江南市渔政部门在巡查中发现一只受伤海龟，已送救助站救治。\n"
    "综合江南发布、江南新闻网\n"
)
PAPER_MESSAGE = (
    "两市签署生态环境联防联治协议\n"
    "《江南日报》消息：江南、河口两市日前签署生态环境联防联治协议，建立联合执法机制。\n"
)
INLINE_SOURCE = "县局开展夏季巡逻\n5月1日，县公安局开展夏季巡逻。（来源：青山县公安局）\n"
AGENCY = "全国防汛抗旱工作会议召开\n　　新华社北京6月25日电 全国防汛抗旱工作会议25日在北京召开。\n"

HEADER_VECTORS = [
    # ------------------------------------------------------------------------------------ title
    HeaderVector(
        "title-one-head-line", "title", WEB_PAGE, "青山县市场监管局开展节前食品安全大检查", "title.head_line"
    ),
    HeaderVector(
        "title-kicker-with-speech-verb",
        "title",
        KICKER_SPEECH,
        "压实防汛责任  守护群众安全",
        "title.below_kicker",
        never=("王建国在江南市调研时强调",),
    ),
    HeaderVector(
        "title-kicker-announcing-a-document",
        "title",
        KICKER_ANNOUNCE,
        "加强基层应急消防力量建设",
        "title.below_kicker",
        never=("省应急管理厅等六部门联合印发意见",),
    ),
    HeaderVector(
        "title-column-tag-marks-headline",
        "title",
        KICKER_COLUMN_TAG,
        "小路长养护 村村有人管（基层治理新实践）",
        "title.below_kicker",
    ),
    HeaderVector(
        "title-slogan-kicker", "title", KICKER_SLOGAN, "江南市打造城市运行一网统管平台", "title.below_kicker"
    ),
    HeaderVector(
        "title-subtitle-包括",
        "title",
        SUBTITLE_INCLUDES,
        "江南市将整治八类交通违法行为",
        "title.above_subtitle",
    ),
    HeaderVector(
        "title-headline-carries-figure",
        "title",
        SUBTITLE_FIGURE,
        "河口县储备防汛物资3.2万件",
        "title.above_subtitle",
    ),
    HeaderVector(
        "title-local-headline-starts-with-place",
        "title",
        SUBTITLE_PLACE,
        "江南青山开展电动自行车安全隐患排查",
        "title.above_subtitle",
    ),
    HeaderVector(
        "title-dash-subtitle", "title", SUBTITLE_DASH, "县应急管理局部署防汛工作", "title.above_subtitle"
    ),
    HeaderVector(
        "title-middle-of-three",
        "title",
        THREE_LINES,
        "群众安全感达到98.6%（平安中国）",
        "title.middle_of_three",
    ),
    HeaderVector(
        "title-formal-document-joined",
        "title",
        FORMAL,
        "关于切实做好2024年汛期安全生产工作的通知",
        "title.joined_lines",
        never=("青山县应急管理局文件", "青应急发〔2024〕12号", "青山县应急管理局"),
    ),
    HeaderVector(
        "title-document-title",
        "title",
        TITLE_ISSUER,
        "青山县人民政府办公室关于开展安全生产大检查的通知",
        "title.document_title",
    ),
    HeaderVector(
        "title-not-an-attachment-label",
        "title",
        ATTACHMENT_FIRST,
        "青山县汛期值班安排表",
        "title.head_line",
        never=("附件2", "青山县汛期值班安排表（2024.6.1—2024.9.30）"),
    ),
    HeaderVector(
        "title-cover-page-joined",
        "title",
        COVER_PAGE,
        "青山县人民医院医疗设备采购项目（第二批）询价文件",
        "title.joined_lines",
    ),
    HeaderVector(
        "title-site-name-stripped",
        "title",
        SITE_TITLE,
        "江南市部分道路将实行临时交通管制",
        "title.site_name_stripped",
    ),
    HeaderVector("title-skips-wechat-byline", "title", WECHAT, "青山县开展防汛应急演练", "title.head_line"),
    HeaderVector("title-form-heading", "title", MINUTES, "会议纪要", "title.head_line"),
    # ------------------------------------------------------------------------------------- date
    HeaderVector(
        "date-lead-sentence-year-from-publication", "date", WEB_PAGE, "2023-09-25", "date.lead_sentence"
    ),
    HeaderVector(
        "date-dateline-year-from-issue-line", "date", KICKER_ANNOUNCE, "2024-03-01", "date.dateline"
    ),
    HeaderVector("date-day-only-in-lead", "date", KICKER_SPEECH, "2024-07-11", "date.lead_sentence"),
    HeaderVector(
        "date-publication-line-for-a-feature",
        "date",
        KICKER_COLUMN_TAG,
        "2024-05-20",
        "date.publication_line",
    ),
    HeaderVector(
        "date-target-years-are-not-the-year",
        "date",
        DATA_SOURCE,
        "2024-10-15",
        "date.publication_line",
        never=("2030-10-15",),
    ),
    HeaderVector(
        "date-document-date-not-deadline",
        "date",
        FORMAL,
        "2024-06-03",
        "date.document_date",
        never=("2024-07-30", "2025"),
    ),
    HeaderVector(
        "date-notice-without-signature-organ",
        "date",
        TITLE_ISSUER,
        "2024-05-28",
        "date.document_date",
        never=("--06-20",),
    ),
    HeaderVector("date-form-field", "date", MINUTES, "2024-04-09", "date.form_field", never=("--05-10",)),
    HeaderVector(
        "date-cover-page-publication-field", "date", COVER_PAGE, "2024-03-15", "date.publication_line"
    ),
    HeaderVector("date-wechat-byline", "date", WECHAT, "2024-07-03", "date.publication_line"),
    HeaderVector("date-lead-of-a-site-page", "date", SITE_TITLE, "2024-04-01", "date.lead_sentence"),
    HeaderVector(
        "date-lead-opening-on-its-hour",
        "date",
        "全县恢复供电\n2024-07-05\n7月4日22时许，随着最后一户村民家中亮起灯光，受灾三个乡镇全部恢复正常供电。\n",
        "2024-07-04",
        "date.lead_opening",
    ),
    HeaderVector(
        "date-today-in-a-dispatch",
        "date",
        "县法院公布十大典型案例\n　　本报青山1月9日电 县人民法院今日公布2023年度十大典型案例。\n",
        "2024-01-09",
        "date.relative_to_publication",
    ),
    HeaderVector(
        "date-yesterday-from-publication-line",
        "date",
        "国道发生一起交通事故\n2022年05月10日 08:30 来源：江南日报\n昨日凌晨，105国道青山段发生一起交通事故。\n",
        "2022-05-09",
        "date.relative_to_publication",
    ),
    HeaderVector(
        "date-started-on-not-a-future-day",
        "date",
        "县医院推出夜间门诊\n2024-03-20\n近日记者获悉，县人民医院自3月1日起推出夜间门诊，新规将于4月1日起施行。\n",
        "2024-03-01",
        "date.started_on",
        never=("2024-04-01",),
    ),
    HeaderVector(
        "date-this-year-month-started",
        "date",
        "青山县推行高龄津贴免申即享\n《江南日报》（2024年05月08日第 11 版）\n"
        "日前，家住青山县的王大爷领到了高龄津贴。\n今年1月，青山县推行高龄津贴免申即享改革。\n",
        "2024-01",
        "date.started_on",
    ),
    HeaderVector(
        "date-dateline-without-year-stays-open",
        "date",
        "江南市召开禁毒工作会议\n　　本报江南12月3日电 近日，江南市召开禁毒工作会议。1998年至2005年间的旧案已全部审结。\n",
        "--12-03",
        "date.dateline",
        review="日期没有年份，待核",
    ),
    HeaderVector(
        "date-year-from-cited-document-number",
        "date",
        "林场召开组织生活会\n根据林党发〔2023〕15号文件要求，青山林场党支部于4月3日召开组织生活会。\n",
        "2023-04-03",
        "date.lead_sentence",
        review="年份取自文中引用的文件编号",
    ),
    HeaderVector(
        "date-signature-of-a-report",
        "date",
        "青山县第一季度安全生产工作情况\n一季度，全县未发生较大以上安全事故。\n青山县安全生产委员会办公室\n2024年4月2日\n",
        "2024-04-02",
        "date.signature",
    ),
    HeaderVector(
        "date-with-ref-date",
        "date",
        "县应急管理局召开防汛会议\n6月1日，县应急管理局召开防汛工作会议。\n",
        "2024-06-01",
        "date.lead_sentence",
        ref_date=dt.date(2024, 6, 30),
    ),
    # ----------------------------------------------------------------------------------- source
    HeaderVector(
        "source-publication-line", "source", WEB_PAGE, "青山县市场监督管理局", "source.publication_line"
    ),
    HeaderVector(
        "source-empty-label-takes-nothing",
        "source",
        EMPTY_SOURCE_PAGE,
        None,
        never=("记者近日从江南市公共资源交易中心获悉",),
    ),
    HeaderVector("source-data-source-line", "source", DATA_SOURCE, "中共青山县委宣传部", "source.label_line"),
    HeaderVector("source-mixed-line", "source", MIXED_SOURCE, "江南发布、江南新闻网", "source.label_line"),
    HeaderVector(
        "source-wechat-separator",
        "source",
        "县局开展巡逻\n5月1日，县公安局开展巡逻。\n来源丨青州市公安局\n",
        "青州市公安局",
        "source.label_line",
    ),
    HeaderVector(
        "source-section-of-an-office",
        "source",
        "市局召开安全会议\n发布时间：2016-04-05  信息来源：安保科  撰稿人：王丽\n4月1日，市局召开安全会议。\n",
        "安保科",
        "source.publication_line",
    ),
    HeaderVector("source-inline-label", "source", INLINE_SOURCE, "青山县公安局", "source.inline_label"),
    HeaderVector("source-agency-dateline", "source", AGENCY, "新华社", "source.agency_dateline"),
    HeaderVector("source-paper-message", "source", PAPER_MESSAGE, "江南日报", "source.paper_message"),
    HeaderVector("source-site-name", "source", SITE_TITLE, "江南晚报", "source.site_name"),
    HeaderVector("source-own-paper-is-not-source", "source", KICKER_SPEECH, None, never=("江南日报",)),
    HeaderVector(
        "source-year-is-not-source",
        "source",
        "全省工程建设信息公开取得成效\n2011年09月30 来源：2011年\n全省围绕突出问题开展专项治理。\n",
        None,
    ),
    HeaderVector(
        "title-markdown-markers",
        "title",
        "# 河口县召开防汛工作会议\n\n> 河口县召开全县防汛工作会议，部署汛期工作。\n\n6月3日，河口县召开全县防汛工作会议。\n\n---\n",
        "河口县召开防汛工作会议",
        "title.head_line",
    ),
    HeaderVector(
        "date-police-result-in-lead",
        "date",
        "原创 青山公安 青山公安 2024-08-12 18:30 发表于江南\n青山公安破获一起电信诈骗案\n"
        "8月10日，青山县公安局成功破获一起电信网络诈骗案，抓获犯罪嫌疑人3名。\n来源丨青山县公安局\n编辑丨李娜\n",
        "2024-08-10",
        "date.lead_sentence",
        never=("2024-08-12",),
    ),
    HeaderVector(
        "date-publication-line-under-the-report",
        "date",
        "县应急管理局开展安全生产月活动\n近日，县应急管理局在城区广场开展安全生产月宣传咨询活动。\n"
        "发布时间：2024-06-14  来源：县应急管理局\n",
        "2024-06-14",
        "date.publication_line",
    ),
    HeaderVector(
        "title-skips-information-disclosure-fields",
        "title",
        "索引号：11330100/2024-00123\n发布机构：青山县应急管理局\n生成日期：2024-06-14\n"
        "青山县应急管理局关于做好高温天气安全防范工作的通知\n各乡镇人民政府：\n近期我县持续高温，请做好安全防范工作。\n",
        "青山县应急管理局关于做好高温天气安全防范工作的通知",
        "title.document_title",
        never=("发布机构：青山县应急管理局",),
    ),
    HeaderVector(
        "title-site-banner-is-not-a-kicker",
        "title",
        "青山县人民政府\n青山县召开安全生产工作会议\n发布时间：2024-05-06\n5月6日，青山县召开安全生产工作会议。\n",
        "青山县召开安全生产工作会议",
        "title.head_line",
        never=("青山县人民政府", "青山县人民政府青山县召开安全生产工作会议"),
    ),
    HeaderVector(
        "title-column-label-line",
        "title",
        "【工作动态】\n青山县召开安全生产工作会议\n5月6日，青山县召开安全生产工作会议。\n",
        "青山县召开安全生产工作会议",
        "title.head_line",
    ),
    # ---------------------------------------------------------------- organizer from the layout
    HeaderVector(
        "organizer-issuer-mark", "organizer", FORMAL, "青山县应急管理局", "organizer.document_issuer_mark"
    ),
    HeaderVector(
        "organizer-title-issuer",
        "organizer",
        TITLE_ISSUER,
        "青山县人民政府办公室",
        "organizer.document_title_issuer",
    ),
    HeaderVector(
        "organizer-document-signature",
        "organizer",
        "关于第二季度消防检查情况的通报\n各乡镇：\n现将检查情况通报如下。\n青山县消防救援大队\n2024年7月2日\n",
        "青山县消防救援大队",
        "organizer.document_signature",
    ),
    HeaderVector(
        "organizer-form-issuer-field",
        "organizer",
        COVER_PAGE,
        "青山县人民医院",
        "organizer.form_issuer_field",
    ),
    # ---- genre vectors added with the held-out set (tests/data/heldout) ------------------------------
    HeaderVector(
        "title-place-led-line-under-a-slogan-couplet",
        "title",
        "坚持源头治理　守护群众平安\n白沙县推行矛盾纠纷“一站式”化解\n《江南日报》（2025年03月02日 第 04 版）\n\n"
        "本报讯 3月1日，白沙县召开矛盾纠纷多元化解工作会议。\n",
        "白沙县推行矛盾纠纷“一站式”化解",
        "title.below_kicker",
        never=("坚持源头治理 守护群众平安",),
    ),
    HeaderVector(
        "title-above-a-figure-deck-subtitle",
        "title",
        "北岭市法院“执行攻坚”行动见成效\n执结案件860件　兑现标的1.2亿元\n《北岭日报》（2025年08月20日 第 02 版）\n\n"
        "本报讯 8月19日，北岭市中级人民法院召开新闻发布会。\n",
        "北岭市法院“执行攻坚”行动见成效",
        "title.above_subtitle",
        never=("执结案件860件 兑现标的1.2亿元",),
    ),
    HeaderVector(
        "date-from-a-source-first-publication-line",
        "date",
        "市督查办开展重点项目督查\n信息来源：市督查办　　发布时间：2024年06月12日　　点击数：\n"
        "6月10日至11日，市督查办对全市15个重点项目开展实地督查。\n",
        "2024-06-10",
        never=("--06-10",),
    ),
    HeaderVector(
        "source-closing-unit-in-brackets",
        "source",
        "全县交警开展夜查统一行动\n8月2日晚，县公安局交警大队在城区开展夜查统一行动，查处酒驾违法行为6起。\n"
        "（青山县公安局交警大队）\n",
        "青山县公安局交警大队",
        "source.closing_attribution",
    ),
    HeaderVector(
        "source-closing-paper-with-its-day",
        "source",
        "东湖区检察院办结一批涉农案件\n本报讯 近日，东湖区人民检察院集中办结涉农案件12件。\n（江城日报 2020年5月8日）\n",
        "江城日报",
        "source.closing_attribution",
    ),
    HeaderVector(
        "source-label-line-in-markdown-bold",
        "source",
        "### 青山县消防救援大队开展夏季消防检查\n7月3日，青山县消防救援大队对城区12家商场开展消防检查。\n"
        "**来源：青山县消防救援大队宣传科**\n",
        "青山县消防救援大队宣传科",
        "source.label_line",
    ),
    HeaderVector(
        "date-lead-opening-on-a-run-of-days",
        "date",
        "东岭市全力应对持续降雨\n《东岭日报》（2021年07月14日 第 01 版）\n\n"
        "本报讯 7月11日至12日，东岭市遭遇持续强降雨，全市转移群众1200余人。\n",
        "2021-07-11",
        never=("2021-07-14",),
    ),
    HeaderVector(
        "date-year-from-the-signature-date",
        "date",
        "县法院召开2023年度工作总结大会\n2月5日，青山县人民法院召开2023年度工作总结大会。2023年，全院共审结案件3200件。\n"
        "青山县人民法院办公室\n2024年2月6日\n",
        "2024-02-05",
        "date.lead_sentence",
        never=("2023-02-05",),
    ),
    HeaderVector(
        "date-year-of-the-event-being-held",
        "date",
        "西城分局召开禁毒行动推进会\n11月3日，西城分局召开2025年度禁毒行动推进会。吸毒人员总量较去年同期下降12%。\n",
        "2025-11-03",
        "date.lead_sentence",
        never=("2026-11-03",),
    ),
    HeaderVector(
        "date-recent-before-a-noun-is-not-vague",
        "date",
        "市应急管理局开展危化品专项检查\n为汲取近期事故教训，2024年3月20日至24日，市应急管理局开展危化品企业专项执法检查。\n",
        "2024-03-20",
        "date.lead_sentence",
    ),
    HeaderVector(
        "source-label-unit-with-its-section",
        "source",
        "市应急管理局开展专项检查\n3月20日，市应急管理局开展危化品企业专项检查。\n信息来源：东江市应急管理局危化品监管科\n",
        "东江市应急管理局危化品监管科",
        "source.label_line",
    ),
    HeaderVector(
        "title-skips-wechat-follow-prompt",
        "title",
        "点击蓝字 关注我们\n青山检察 2023-05-06 17:02 发表于安徽\n青山县检察院开展送法进企业活动\n"
        "5月5日，青山县人民检察院走访辖区民营企业，召开座谈会听取意见。\n",
        "青山县检察院开展送法进企业活动",
        "title.head_line",
        never=("点击蓝字 关注我们",),
    ),
    HeaderVector(
        "source-one-organ-with-he-in-its-name",
        "source",
        "县住建局开展燃气安全检查\n文章来源: 青石县住房和城乡建设局  发布时间: 2021-09-14\n9月13日，县住建局开展燃气安全检查。\n",
        "青石县住房和城乡建设局",
        "source.label_line",
    ),
    HeaderVector(
        "source-benwen-label-at-the-end",
        "source",
        "全县开展消防宣传月活动\n11月9日，县消防救援大队在城区广场开展消防宣传。\n本文来源：青石县消防救援大队\n责任编辑：王丽\n",
        "青石县消防救援大队",
        "source.label_line",
    ),
    HeaderVector(
        "source-account-name-on-its-own-line",
        "source",
        "县检察院开展公益诉讼回头看\n日前，县检察院对去年办理的公益诉讼案件开展回头看。\n来源丨青石检察\n",
        "青石检察",
        "source.label_line",
    ),
    HeaderVector(
        "source-information-provider-in-a-publication-line",
        "source",
        "县市场监管局开展双随机抽查\n时间：2023年5月6日  信息提供：县市场监管局执法大队\n5月5日，县市场监管局开展抽查。\n",
        "县市场监管局执法大队",
        "source.publication_line",
    ),
    HeaderVector(
        "source-closing-unit-that-supplied-it",
        "source",
        "县公安局召开专项行动部署会\n12月30日上午，青石县公安局召开冬季严打专项行动部署会。\n（青石县公安局 供稿）\n",
        "青石县公安局",
        "source.closing_attribution",
    ),
    HeaderVector(
        "title-not-a-table-row-in-plain-text",
        "title",
        "序号  单位  检查企业数\n1  城关镇  12\n关于全县食品安全检查情况的通报\n各乡镇：\n现将11月检查情况通报如下。\n"
        "青石县食品安全委员会办公室\n2023年12月1日\n",
        "关于全县食品安全检查情况的通报",
        "title.document_title",
        never=("序号 单位 检查企业数",),
    ),
    HeaderVector(
        "title-below-an-attribution-kicker",
        "title",
        "记者从县公安局获悉\n青石警方破获一起特大网络赌博案\n本报记者 李华\n\n近日，青石县公安局破获一起网络赌博案。\n",
        "青石警方破获一起特大网络赌博案",
        "title.below_kicker",
    ),
    HeaderVector(
        "date-year-from-a-period-line-under-the-headline",
        "date",
        "县政府召开第15次常务会议\n（2021年8月）\n8月12日，县长王建主持召开县政府第15次常务会议，研究部署防汛救灾工作。\n",
        "2021-08-12",
        "date.lead_sentence",
    ),
    HeaderVector(
        "date-lead-month-only",
        "date",
        "县市场监管局开展加油站计量检查\n发布日期：2024-07-22  信息来源：县市场监督管理局\n"
        "为维护消费者权益，7月中旬，余江县市场监督管理局对全县加油站开展计量专项检查。\n",
        "2024-07",
        "date.lead_month",
        never=("2024-07-22",),
    ),
    HeaderVector(
        "date-lead-month-not-a-period-of-results",
        "date",
        "县公安局通报治安形势\n发布日期：2024-09-05\n今年1至8月，全县共接报刑事警情860起，同比下降8%。\n",
        "2024-09-05",
        "date.publication_line",
    ),
    HeaderVector(
        "source-a-place-on-the-publication-line",
        "source",
        "和平镇做好秋季森林防火工作\n2021年09月03日 来源：和平镇\n为做好秋季森林防火工作，和平镇提前部署。\n",
        "和平镇",
        "source.publication_line",
    ),
    HeaderVector(
        "source-never-a-document-note",
        "source",
        "关于做好汛期值班工作的通知\n各乡镇：\n请严格落实24小时值班制度。\n青山县应急管理局\n2024年6月1日\n（此件公开发布）\n",
        None,
        never=("此件公开发布",),
    ),
]


@pytest.mark.parametrize("vector", HEADER_VECTORS, ids=lambda v: v.id)
def test_header_vector(vector, tmp_path):
    check(vector, extract_text(vector.text, tmp_path, ref_date=vector.ref_date))


def test_every_header_strategy_has_a_vector():
    """Each strategy of title/date/source (and the layout organizer) is named by a vector above."""
    from reporter.extractor.rules import dates_rule, source, title

    named = {v.rule for v in HEADER_VECTORS}
    strategies = {f"date.{s.__name__}" for s in dates_rule.STRATEGIES}
    strategies |= {f"source.{s.__name__}" for s in source.STRATEGIES}
    strategies |= {"title.heading_style"}  # tested with a Word file below
    title_rules = {"title.head_line", "title.below_kicker", "title.above_subtitle", "title.middle_of_three"}
    title_rules |= {"title.joined_lines", "title.site_name_stripped", "title.document_title"}
    assert title.STRATEGIES
    missing = (strategies | title_rules) - named - {"title.heading_style"}
    assert not missing, f"strategies without a vector: {sorted(missing)}"


def test_heading_style_in_a_word_file(tmp_path):
    from reporter.extractor import extract
    from reporter.readers import read
    from reporter.schema import load_schema
    from tests.support.docx_fixtures import build, p

    path = tmp_path / "report.docx"
    path.write_bytes(
        build(
            p("附件1")
            + p("青山县汛期防汛工作总结", style="Heading1")
            + p("今年汛期，青山县未发生人员伤亡。")
            + p("青山县防汛抗旱指挥部办公室")
            + p("2024年10月8日")
        )
    )
    record = extract(read(path), load_schema())
    found = record.fields["title"][0]
    assert (found.value, found.rule) == ("青山县汛期防汛工作总结", "title.heading_style")
    assert record.value("date") == "2024-10-08"


def test_furniture_lines_are_on_the_context(tmp_path):
    """Publication line, counter, kicker and footer lines are furniture other rules can skip."""
    from reporter.extractor.context import Context
    from reporter.extractor.lexicon import load_lexicon
    from reporter.readers import read
    from reporter.schema import load_schema

    path = tmp_path / "page.txt"
    path.write_text(KICKER_SPEECH + "编辑：李娜\n", encoding="utf-8")
    lex = load_lexicon(None)
    ctx = Context(read(path), load_schema(), userdicts=lex.userdicts, lexicon=lex)
    text = ctx.norm
    assert ctx.is_furniture(text.index("王建国在江南市调研时强调"))  # the kicker
    assert ctx.is_furniture(text.index("《江南日报》"))  # the issue line
    assert not ctx.is_furniture(text.index("压实防汛责任"))  # the headline
    assert not ctx.is_furniture(text.index("省委副书记"))  # the body
    assert ctx.body_start == text.index("本报江南")
    kinds = dict(zip([ln.text for ln in ctx.layout.lines], ctx.layout.kinds, strict=True))
    assert kinds["王建国在江南市调研时强调"] == "kicker"
    assert kinds["《江南日报》（2024年07月12日第 02 版）"] == "publication"


@pytest.mark.parametrize(
    "line,kind",
    [
        ("发布日期：2019-11-29阅读次数：1627", "publication"),
        ("2011年09月27 来源：www.example.com", "publication"),
        ("本报记者  王  明《江南日报》（2025年01月08日第 08 版）", "publication"),
        ("青山公安 2024-08-12 18:30 发表于江南", "publication"),
        ("上一条：县局召开安全生产会议", "nav"),
        ("下一条：全县开展消防宣传", "nav"),
        ("阅读次数：1627", "page_meta"),
        ("作者：李明  编辑：王芳", "byline"),
        ("发布者：县政务中心", "byline"),
        ("（记者 王明 通讯员 李强）", "byline"),
        ("数据来源：中共青山县委宣传部", "source"),
        ("###", "markup"),
        ("**来源：青山县应急管理局**", "source"),
        ("点击蓝字 关注我们", "nav"),
        ("序号  单位  检查企业数", "form_label"),
        ("1  城关镇  12", "form_label"),
        ("政策找人  服务上门", "text"),
        ("点击上方蓝字关注青山发布", "nav"),
        ("———", "markup"),
        ("村民在新修的道路上散步 王明摄", "caption"),
        ("青应急发〔2024〕12号", "doc_number"),
        ("某某发〔    〕  号", "doc_number"),
        ("签发人：李建国", "doc_number"),
        ("抄送：县委办公室，县人大办公室。", "distribution"),
        ("目 录", "toc"),
        ("（2024.3.18—2024.3.23）", "period"),
        ("工作简报", "masthead"),
        ("第5期", "masthead"),
        ("县公安局开展夏季治安巡逻", "text"),
        ("9月25日，县市场监管局组织执法人员开展检查。", "text"),
    ],
)
def test_line_kinds(line, kind):
    from reporter.extractor.layout import Line, header_words, line_kind

    assert line_kind(Line(0, len(line), line, False, False, False), header_words()) == kind


def test_header_words_are_read_from_the_templates(tmp_path):
    """An office can add a 文种 in its own header_words.txt: a one-word line then joins the title."""
    from reporter.extractor.layout import read_header_words

    path = tmp_path / "header_words.txt"
    path.write_text("[文种]\n倡议\n[讲话动词]\n强调\n", encoding="utf-8")
    words = read_header_words(path)
    assert words.doc_kinds == ("倡议",)
    assert words.patterns["doc_kind_end"].search("关于文明出行的倡议")
    assert words.patterns["speech_end"].search("某某在某地调研时强调")
    assert not words.patterns["announce"].search("某部印发意见")  # no 宣布动词 in this file
