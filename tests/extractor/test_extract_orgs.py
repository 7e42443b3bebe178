"""Organisations and the meeting frame: the gazetteer, the organ grammar, and the organizer / location /
units strategies built on them. Texts are written for the project in the genres the tool reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from reporter.extractor.context import Context
from reporter.extractor.gazetteer import DATA, gazetteer
from reporter.extractor.lexicon import load_lexicon
from reporter.extractor.orgs import find_orgs, shared_head_list
from reporter.readers import read
from reporter.schema import load_schema
from tests.support.vectors import FieldVector, run_vector


def _ctx(text: str, tmp_path: Path) -> Context:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    lexicon = load_lexicon(None)
    return Context(read(path), load_schema(), userdicts=lexicon.userdicts, lexicon=lexicon)


def _orgs(text: str, tmp_path: Path) -> list[str]:
    ctx = _ctx(text, tmp_path)
    return [ctx.norm[s:e] for s, e in find_orgs(ctx)]


# ---------------------------------------------------------------------------------------- gazetteer
def test_division_table_names_its_source_and_licence():
    head = "".join(DATA.read_text(encoding="utf-8").splitlines()[:5])
    assert "cpca" in head and "MIT" in head


def test_gazetteer_reads_a_full_chain():
    chain = gazetteer().chain_at("吉林省四平市梨树县积极探索", 0)
    assert chain is not None
    assert [m.division.name for m in chain.links] == ["吉林省", "四平市", "梨树县"]
    assert chain.end == len("吉林省四平市梨树县")


def test_gazetteer_reads_short_forms_in_a_chain():
    chain = gazetteer().chain_at("河北馆陶推行新政", 0)
    assert chain is not None and [m.division.name for m in chain.links] == ["河北省", "馆陶县"]
    assert gazetteer().chain_at("宁夏回族自治区", 0).links[0].division.name == "宁夏回族自治区"
    assert gazetteer().chain_at("宁夏出台办法", 0).links[0].short


def test_gazetteer_autonomous_areas_have_short_forms():
    assert "广西" in gazetteer().short
    assert "阿坝州" in gazetteer().short  # 阿坝藏族羌族自治州 is written 阿坝州


def test_county_short_form_alone_is_not_a_place():
    assert gazetteer().chain_at("和平发展", 0) is None  # 和平区 written short only after its city
    assert gazetteer().chain_at("房县召开会议", 0) is not None  # a full name stands alone


def test_two_character_name_starting_with_a_function_word_needs_a_chain():
    assert gazetteer().chain_at("和县政府", 0) is None  # 县委和县政府: 和 is the conjunction


def test_chain_takes_a_township_after_a_county():
    text = "湖北省十堰市房县城关镇召开会议"
    chain = gazetteer().chain_at(text, 0)
    assert chain is not None and text[: chain.township_end] == "湖北省十堰市房县城关镇"


# ---------------------------------------------------------------------------------------- organ grammar
def test_place_and_organ_suffix_make_a_unit(tmp_path):
    orgs = _orgs(
        "近日，黑龙江省绥化市青冈县委组织部、营口市公安局交通管理支队和县水利局开展检查。\n", tmp_path
    )
    assert "黑龙江省绥化市青冈县委组织部" in orgs
    assert "营口市公安局交通管理支队" in orgs
    assert "县水利局" in orgs


def test_a_website_is_not_a_unit(tmp_path):
    orgs = _orgs("江苏政府采购网讯：省财政厅召开会议。\n", tmp_path)
    assert "省财政厅" in orgs
    assert not any(o.startswith("江苏政府") for o in orgs)


def test_generic_groups_are_not_units(tmp_path):
    orgs = _orgs("会议要求，各县区公安局、全国公安机关、全国法院要抓好落实。\n", tmp_path)
    assert orgs == []


def test_a_clause_does_not_become_a_name(tmp_path):
    orgs = _orgs("近年来，河北省承德市滦平县聚焦产业升级主线，打造示范中心。\n", tmp_path)
    assert orgs == []


def test_a_verb_ends_a_sub_unit(tmp_path):
    orgs = _orgs("吉林省白山市抚松县人民法院增设人参产业法庭。\n", tmp_path)
    assert orgs == ["吉林省白山市抚松县人民法院"]


def test_shared_head_list(tmp_path):
    ctx = _ctx("省财政厅会同省民政厅、人社厅、卫健厅召开会议。\n", tmp_path)
    first = next((s, e) for s, e in find_orgs(ctx) if ctx.norm[s:e] == "省民政厅")
    assert [full for _, _, full in shared_head_list(ctx, *first)] == ["省人社厅", "省卫健厅"]


# ---------------------------------------------------------------------------------------- field vectors
WORK_UPDATE = (
    "湖南安仁严把六关推进阳光采购\n"
    "2023年06月12日 来源：安仁县人民政府网\n"
    "为防范政府采购领域廉政风险，安仁县严把六关推进阳光采购，截至6月底，该县完成政府采购180批次。\n"
    "县财政局、县监察局联合开展督查，县审计局参与抽查。\n"
)
PEOPLES_DAILY_LOCAL = (
    "吉林梨树：创新党员教育培训机制\n"
    "\n"
    "《人民日报》（2025年12月03日第 10 版）\n"
    "\n"
    "近年来，吉林省四平市梨树县积极探索村干部分层轮训新办法，以县委党校为主阵地，构建三级培训体系。\n"
    "为让培训贴合需求，梨树县聚焦5个重点群体，县委组织部每月征集学习需求。\n"
    "\n"
    "数据来源：中共梨树县委宣传部\n"
)
BUREAU_NEWS = (
    "市效能办开展窗口作风专项督查\n"
    "发布日期：2024-03-05  阅读次数：312\n"
    "3月4日，市效能办开展窗口作风专项督查，市行政服务中心、市公积金中心配合检查。"
    "根据省委部署，督查组对12个窗口逐一检查。\n"
)
ACCIDENT = (
    "青山县一民房发生火灾\n5月3日凌晨，青山县石桥镇一民房发生火灾，消防救援人员及时赶到扑灭，无人员伤亡。\n"
)

LAUNCH = (
    "江南市开展“清风护航”专项行动\n"
    "5月6日，江南市纪委监委启动“清风护航”专项行动，督查组赴东城区、青山县开展明察暗访。\n"
)
DRILL = (
    "“江淮应急·2024”演习举行\n"
    "本报合肥6月4日电 6月4日上午，“江淮应急·2024”洪涝灾害救援演习在江南市东城区、青山县举行。\n"
)
CAMPAIGN_AS_MEANS = (
    "青山县以“网格一线”专项行动为抓手提升基层治理\n"
    "今年以来，青山县以“网格一线”专项行动为抓手，推动干部下沉一线，累计解决问题300件。\n"
)

VISIT = (
    "王明调研安全生产工作时强调\n"
    "本报南京3月2日电 国务院副秘书长王明近日在江苏省苏州市调研安全生产工作。他强调，要压实责任。\n"
)
COURT = (
    "兴庆区法院以一站式调解化解矛盾纠纷\n"
    "本报银川6月17日电 记者从宁夏回族自治区银川市兴庆区人民法院获悉：该院着力打造一站式调解平台。\n"
)

MINISTRIES = (
    "多部门联合印发生态警务意见\n"
    "本报北京3月1日电 公安部会同水利部、中国海警局、司法部、国家林草局印发《关于加强生态警务的意见》。\n"
)
SHARED_KIND = (
    "青山县推行救助“一件事”改革\n"
    "今年以来，青山县建立县民政、人社、医保等部门联动机制，市场监管、公安等部门配合。\n"
)

JOINT = (
    "青山县公安局开展夏季治安整治\n"
    "今年以来，青山县公安局深入开展夏季治安整治。县公安局会同县市场监管局、县交通运输局开展联合整治，"
    "根据省公安厅统一部署，县检察院提前介入。\n"
)

PLACE_UNIT = (
    "河南巩义建立村级廉情监督员队伍\n"
    "本报郑州3月5日电 近日，巩义市一村廉情监督员走访贫困户。\n"
    "为解决基层监督力量不足问题，巩义市纪委监委统筹全市力量，建立村级廉情监督员队伍。\n"
)

# one text per older strategy of the frame (each names the strategy it exercises)
NAMED_IN_EVENT = "国务院常务会议部署稳就业工作\n新华社北京5月6日电 国务院总理王强5日主持召开国务院常务会议，部署稳就业工作。\n"
VENUE = "全市消防工作现场会在青山县消防救援大队举行\n5月6日，全市消防工作现场会在青山县消防救援大队举行。\n"
SPEECH = "县长在全县安全生产工作会议上强调\n5月6日，县长李明在全县安全生产工作会议上强调，要压实责任。\n"
CAMPAIGN = "全县扫黑除恶专项斗争取得新成效\n今年以来，全县扫黑除恶专项斗争深入推进。\n全县扫黑除恶专项斗争共打掉涉恶团伙3个。\n"
AT_PLACE = "调解中心揭牌\n5月6日，青山县矛盾纠纷调解中心在石桥镇揭牌成立。\n"
CHAIR = "县公安局党委会召开\n5月6日，县委常委、县公安局局长李建国主持召开党委会议，研究部署近期工作。\n"
MOST_NAMED = (
    "全县信访形势总体平稳\n2023年，全县信访形势总体平稳。群众来信有所减少。各乡镇积极化解矛盾。\n"
    "据统计，青山县信访局受理来信200件。青山县信访局办结率98%。青山县信访局获评先进。\n"
)
TITLE_PLACE = "宜昌一窗通办惠民生\n湖北宜昌一窗通办惠民生\n一窗通办让群众少跑腿。\n"
SHARED_PLACE = "会议召开\n5月6日，江南市公安局和卫生局联合召开会议。\n"

BOOK_TITLE = (
    "青山县推进阳光采购\n"
    "今年以来，青山县严格按照《中华人民共和国政府采购法》和《江南市政府采购管理办法》推进阳光采购，"
    "在党和政府的关心下，县财政局会同县审计局开展检查，市场功能布局不断优化。\n"
)

THREE_LEVELS = (
    "大武口区法院推动矛盾纠纷化解\n"
    "今年以来，大武口区人民法院依托宁夏、石嘴山市和大武口区三级首席法律顾问工作站化解纠纷。\n"
)

CIRCUMSTANCE = (
    "河道清理见成效\n为保护水源，在加大巡查力度的同时，湖北省十堰市房县开展河道清理，清理垃圾120吨。\n"
)

WEB_PAGE = (
    "青山部分道路将临时交通管制_江南晚报\n"
    "2026-03-29\n"
    "清明期间\n"
    "记者 王明 通讯员 李华\n"
    "3月27日，江南市公安局交通管理支队发出通告，清明期间对城南部分路段实行临时交通管制。\n"
)
PEOPLES_BODY = (
    "残疾人就业帮扶行动启动\n"
    "本报北京4月2日电 经国务院同意，中国残联对全国残疾人就业帮扶重点地区的一批企业进行了专项督导。\n"
)

CLAUSES = (
    "青山县法院增设人参产业法庭\n"
    "今年以来，青山县人民法院依托人民法庭化解纠纷，市场监管、公安等部门配合，区里相关部门参与，"
    "吉林省公安厅水上治安总队到场指导。\n"
)

OUR_CITY = "全省渔船安全管理现场会召开\n昨天上午，江南市海洋与渔业局在我市召开全省渔船安全管理现场会。\n"

# the visit frame (visit.py): a unit's leaders go to a unit or a place to look at its work
LEADER_VISIT = (
    "副县长李明调研全县应急管理工作\n"
    "发布时间：2024-05-08  浏览次数：210\n"
    "5月7日上午，青山县人民政府副县长李明带队到县应急管理局调研全县应急管理工作，县政府办负责同志陪同。\n"
    "李明要求，要压实安全生产责任。\n"
)
DELEGATION_VISIT = (
    "党政代表团考察学习\n5月7日至8日，由县四套班子领导组成的宁海县党政代表团赴杭州市考察产业园区建设。\n"
)
VISIT_OUR_BUREAU = "省应急管理厅领导来我局调研\n5月7日，省应急管理厅副厅长王强一行来我局调研防汛备汛工作。\n"
COUNTY_VISIT_NO_LEADER = (
    "青山县召开防汛工作会议\n5月7日，青山县应急管理局召开防汛工作会议，会后到石桥镇检查防汛物资。\n"
)

# a unit written with its other name in brackets (政企合一: 烟草专卖局（公司）) holds a meeting
ALIAS_UNIT = (
    "杭州市局（公司）召开2024年度安全生产委员会全体会议\n"
    "发布时间：2024-04-02  信息来源：安保科\n"
    "4月1日，杭州市局（公司）召开2024年度安全生产委员会全体会议，部署全年安全生产工作。\n"
)
# a party branch's secretary chairs: the bare word 支部 names no unit
BRANCH_CHAIR = "林场开展组织生活会\n4月3日，林场召开年度组织生活会。会议由支部书记王明主持，全体党员参加。\n"

# a government page: navigation, publication line, a picture's caption before the lead, a 上一条/下一条 footer
GOV_PAGE_FURNITURE = (
    "当前位置：首页 > 工作动态 > 部门动态\n"
    "汛前安全大检查全面启动\n"
    "发布时间：2024-05-08  来源：县政府办  浏览次数：136\n"
    "宁海县消防救援大队组织队员检查堤防沿线消防设施 李华 摄\n"
    "5月7日，宁海县应急管理局开展汛前安全大检查，重点检查水库、山塘和地质灾害隐患点。\n"
    "上一条：宁海县教育局召开校园安全工作会议\n"
    "下一条：宁海县举行防汛应急演练\n"
)

# a headline's acting place; one of its units appears only far into the body, doing a part of the work
PLACE_UNIT_DEEP = (
    "浙江宁海推行基层治理“一张网”\n"
    "本报杭州5月6日电 走进宁海县的村庄，处处能见到网格员的身影，全县共划分网格600个。\n"
    "网格员每天走访群众，收集问题，小事不出村、大事不出镇。\n"
    "今年以来，全县网格共收集各类问题1200件，办结率98%。\n"
    "群众说，有事找网格员，心里踏实。\n"
    "为了让网格员干得好，宁海县委组织部开展网格员轮训。\n"
)
# a work update naming a kind of unit again and again
GENERIC_MOST_NAMED = (
    "两地合作深化\n国家有关部门将给予支持。两地将与国家有关部门对接。国家有关部门还将协调资金。\n"
)

# a body's standing meeting, named by whose it is however short (省长办公会, 县委常委会)
STANDING_MEETING = "县政府研究防汛工作\n5月6日，宁海县人民政府召开县长办公会，研究部署防汛工作。\n"
# a requirement for what is to come names no reported event
REQUIRED_LAUNCH = (
    "全省就业工作会议召开\n"
    "会议强调，要稳住就业基本盘，把高校毕业生就业放在突出位置。\n"
    "要以实施“技能强省”行动为牵引，广泛开展职业技能提升培训。\n"
)
MAIN_LAUNCH = "宁海县开展春季植树\n3月12日，宁海县主要开展“绿满宁海”植树活动，全县共植树2万株。\n"

# a page opening with picture captions: the visit is in the first sentence that opens with its date
CAPTIONS_THEN_VISIT = (
    "党政代表团赴杭州考察（图）\n"
    "县委书记王明，县委副书记、县长李华，\n"
    "县人大常委会主任张强等在杭州市规划展示馆。\n"
    "代表团一行参观产业园区。\n"
    "与会人员合影留念。\n"
    "5月7日、8日，由县四套班子领导组成的宁海县党政代表团赴杭州考察产业园区建设。\n"
)

# 一行到: the visiting leader's unit, not one long name running to the visited bureau
PARTY_VISIT = (
    "副市长张伟到市应急管理局调研安全生产工作\n"
    "发布日期：2025-02-11 阅读次数：88\n"
    "2月10日，宁波市人民政府副市长张伟一行到市应急管理局调研安全生产工作，听取全市安全生产形势汇报。\n"
)
FORMAL_NOTICE = (
    "关于做好汛期安全防范工作的通知\n"
    "各乡镇人民政府、县直各单位：\n"
    "为切实做好今年汛期安全防范工作，现将有关事项通知如下：\n"
    "一、提高思想认识。\n"
    "二、加强隐患排查。\n"
    "宁海县应急管理局\n"
    "2025年5月6日\n"
)

# a central organ named without a place, its centre's leaders visiting: 某部信息中心领导到我局调研
MINISTRY_VISIT = (
    "交通运输部信息中心领导到我局调研路网监测平台\n"
    "发布日期：2024-11-05 阅读次数：210\n"
    "11月4日，交通运输部信息中心领导一行到我局调研路网监测平台建设情况。\n"
)
# no acting unit in the lead: the unit whose official explains the work speaks for it
SPOKESMAN = (
    "“应急先锋·2025”跨区域救援演练举行\n"
    "本报北京5月20日电  5月20日，“应急先锋·2025”跨区域救援演练在江南省青山县举行。\n"
    "国家消防救援局有关负责人介绍，此次演练设置8个科目，投入救援力量1200余人。\n"
)
# 依据某局发布的办法: a document followed, not the unit that gave the news
FOLLOWED_DOCUMENT = (
    "县市场监管局开展校园食品安全检查\n"
    "9月2日，青山县市场监管局开展校园食品安全检查，检查依据省市场监督管理局发布的管理办法进行。\n"
)

# a province holds its meeting through the department whose head chairs it
PLACE_CHAIR = (
    "江苏召开全省预算绩效管理工作会议\n"
    "2024年09月26 来源：江苏省财政厅\n"
    "9月25日，江苏全省预算绩效管理工作会议在南京市召开。江苏省副省长王明出席会议并讲话，"
    "江苏省财政厅厅长李红主持会议。\n"
)
# the place's own government chairs: the place acts as a whole
PLACE_GOVERNMENT_CHAIR = (
    "宁海县召开全县安全生产工作会议\n"
    "5月9日，宁海县召开全县安全生产工作会议。宁海县人民政府县长张强主持会议。\n"
)

# a purpose written over two verb clauses, then the actor; a bureau's page names the bureau above it 省局
PURPOSE_CHAIN = (
    "我站在省局特种设备检验质量考核中获评优秀\n"
    "发布日期：2024-12-03　浏览次数：95\n"
    "为进一步规范电梯定期检验工作，提升检验水平，近日，省局组织开展了2024年度检验质量考核工作。"
    "我站在此次考核中获评优秀。\n"
)

# 由某指挥部主办、某局承办的演练: the unit after 由 held it
HOSTED_DRILL = (
    "我县开展防汛应急综合演练\n"
    "发布时间：2025-06-12　来源：县应急管理局\n"
    "6月11日，由宁海县防汛抗旱指挥部主办、宁海县应急管理局承办的防汛应急综合演练在城东新区举行。\n"
)
# 本报讯 before the actor; its partners set off by a comma before the verb
NEWS_FLASH_PARTNERS = (
    "全市开展电动自行车质量安全专项检查\n"
    "本报讯  近日，江门市市场监督管理局联合市公安局、市消防救援支队，开展电动自行车质量安全专项检查。\n"
)

# the body named right before the meeting word held it: 某某精神 + 宣讲团 + 报告会
LECTURE_MEETING = (
    "学习贯彻条例精神中央宣讲团报告会在江南举行\n"
    "本报江南11月11日电  学习贯彻条例精神中央宣讲团报告会11日在江南市举行。宣讲团成员作了宣讲。\n"
)

# a police update: the unit acts 在某所、某队的配合下
WITH_HELP = (
    "绍兴警方侦破系列盗窃电动车案\n"
    "近日，绍兴市公安局越城区分局刑侦大队在城南派出所、交警大队的配合下，成功侦破一起系列盗窃电动车案，"
    "抓获犯罪嫌疑人3名。\n"
)

# a unit named without a place as the lead's subject, after a basis clause and with 于+date
HEADLESS_BRANCH = (
    "碧溪林场开展主题党日活动\n"
    "根据上级党委文件要求，碧溪林场党支部于4月3日组织召开了年度组织生活会。会议由支部书记主持。\n"
)
# a set phrase across the name's end is no headless unit either
HEADLESS_TERM = "某省政府采购工作推进会日前召开\n会议总结了近两年来的工作。\n"

# a purpose, a circumstance, then the place acting on a long object that runs past a comma
LONG_OBJECT = (
    "宁波河道采砂权实行招投标\n"
    "2024年10月08 来源：\n"
    "为保护母亲河，在加大打击力度的同时，宁波市将对辖区内的河道采砂权，分5个标段实行招投标。\n"
)

# a supervision notice with no actor in its lead: the unit that urges the late offices to answer issued it
NOTICE_ISSUER = (
    "2024年第二季度12345热线逾期办理情况督查通报\n"
    "二季度全市共受理诉求件52310件，及时办结率99.6%。其中市直单位逾期38件次。\n"
    "全市逾期查阅85件次。县（市）区单位逾期50件次。逾期办理较多的是供水、供电领域。\n"
    "按照督办制度，市效能办已督促逾期单位尽快答复诉求人。\n"
)

# a common noun opening a kind of body (社区党支部: whose?) is no headless unit
COMMON_NOUN_BODY = "社区开展主题党日活动\n根据上级党委要求，社区党支部于5月4日组织召开了主题党日活动。\n"

# a unit named short in the headline and in full in the lead (org_forms.py): the organizer is the full name
SHORT_AND_FULL = (
    "县安委办部署冬季消防安全大排查\n"
    "11月20日，县安委办组织召开冬季消防安全工作推进会。远山县安全生产委员会办公室有关负责同志通报了"
    "前期检查情况，县消防救援大队、县住建局负责同志参加会议。\n"
)
SHORT_ORGAN_WORD = (
    "市市场监管局开展校园周边食品安全检查\n"
    "9月3日，市市场监管局组织执法人员对城区12所学校周边食品经营户开展检查。据了解，临川市市场监督管理局"
    "今年已累计检查经营户860家。\n"
)


# the lead's subject after a clause that only says when (国庆期间，), its verb after a time (于2日9时)
TIME_CLAUSE_FIRST = (
    "全县道路交通安全形势平稳\n"
    "国庆期间，远山县公安局交通管理大队于1日8时启动节日交通安保勤务，累计出动警力620人次，"
    "查处各类交通违法行为430起。\n"
)


# a town the division table lacks, acting as a whole: read by its suffix when the report names it twice
TOWN_BY_SUFFIX = (
    "石桥镇开展汛前地质灾害隐患排查\n"
    "5月以来，石桥镇组织镇村干部和专业技术人员组成6个排查组，对全镇32处地质灾害隐患点逐一开展排查。\n"
)
# a kind of area, and a name written once, are no acting place
AREA_NOT_PLACE = (
    "园区企业安全生产检查有序推进\n近日，开发区组织力量对辖区内化工企业开展安全生产检查，共检查企业18家。\n"
)


# a column tag before the headline's kicker, and a lead verb jieba glues to its adverb (全面推行)
COLUMN_TAG_KICKER = (
    "【基层动态】石桥镇：多措并举抓好秋季防火\n"
    "入秋以来，石桥镇全面推行“网格+巡查”防火责任制，组建巡查队伍8支。\n"
)
# a newspaper's dateline, then a clause that only says when, then the unit
DATELINE_THEN_TIME = (
    "校园周边食品安全专项整治见实效\n"
    "本报讯（记者 周岚）开学季，远山县市场监管局联合县教育局开展校园周边食品安全专项整治，"
    "检查食品经营户210家。\n"
)


# a formal document's issuer written short in its title and in full in its signature
ISSUER_SHORT_SIGNED_FULL = (
    "县安委办关于2025年第二季度安全生产检查情况的通报\n"
    "各乡镇人民政府，县安委会各成员单位：\n"
    "6月1日至6月20日，县安委办组织3个检查组对全县重点行业企业开展安全生产检查，共检查企业86家，"
    "发现隐患215项。\n"
    "请各单位抓好整改落实。\n"
    "远山县安全生产委员会办公室\n"
    "2025年6月25日\n"
)


# the headline names the place, the lead its bureau with partners before a comma, then the object
# a place the division table lacks heading a unit's name that the grammar cannot read: no acting place
PLACE_HEADS_A_UNIT = (
    "远山县多举措规范涉企收费\n今年以来，远山县发展和改革局从源头治理入手，多举措规范涉企收费行为。\n"
)
PARTNERS_THEN_OBJECT = (
    "远山县开展夏季食品安全专项检查\n"
    "6月以来，远山县市场监督管理局联合县教育局、县卫生健康局，对全县学校食堂开展专项检查，"
    "共检查食堂96家。\n"
)
STARTING_POINT = "远山县多举措规范涉企收费\n今年以来，远山县财政局从源头治理入手，多举措规范涉企收费行为。\n"


# a unit whose place the division table lacks, read by the place's suffix where a name may begin
UNKNOWN_PROVINCE_INFORMANT = (
    "全省查处违法用地案件430起\n"
    "记者从云岭省自然资源厅获悉：今年以来，全省共查处违法用地案件430起，收回土地1200亩。\n"
    "据介绍，云岭省自然资源厅将持续开展卫片执法检查。\n"
)


# news of an accident at an unnamed site: the brigade that answers it is no organizer
ACCIDENT_NEWS = (
    "远山县一仓库起火 消防员转移群众20余人\n"
    "昨日凌晨2时许，远山县城东一仓库发生火灾。远山县消防救援大队接警后迅速调派3辆消防车赶赴现场处置，"
    "转移周边群众20余人，火灾未造成人员伤亡。\n"
)


# a town acting after a purpose clause, its suffix glued by jieba to the next word (安和 | 镇多措)
TOWN_AFTER_PURPOSE = (
    "首页 > 政务动态 > 乡镇动态\n"
    "2024年10月12日 来源：安和镇\n"
    "安和镇多措并举做好秋冬季森林防火工作\n"
    "为切实做好秋冬季森林防火工作，安和镇多措并举、提前部署。\n"
    "一、加强巡查。组建巡查队伍6支。\n"
)
# a market is no place: the level word 市 begins a common word
MARKET_NOT_PLACE = "农贸市场改造提升工程完工\n9月以来，城区农贸市场改造提升工程全面完工，新增摊位120个。农贸市场管理方表示满意。\n"


VECTORS = [
    FieldVector("organizer-town-after-purpose-clause", "organizer", TOWN_AFTER_PURPOSE, exact="安和镇"),
    FieldVector("organizer-market-is-no-place", "organizer", MARKET_NOT_PLACE, empty=True),
    FieldVector("organizer-none-in-accident-news", "organizer", ACCIDENT_NEWS, empty=True),
    FieldVector(
        "organizer-unit-of-an-unknown-place",
        "organizer",
        UNKNOWN_PROVINCE_INFORMANT,
        exact="云岭省自然资源厅",
    ),
    FieldVector(
        "organizer-unknown-place-heading-a-unit",
        "organizer",
        PLACE_HEADS_A_UNIT,
        must_not_include=("远山县",),
    ),
    FieldVector(
        "organizer-partners-then-object", "organizer", PARTNERS_THEN_OBJECT, exact="远山县市场监督管理局"
    ),
    FieldVector("organizer-starting-point-before-verb", "organizer", STARTING_POINT, exact="远山县财政局"),
    FieldVector(
        "organizer-issuer-short-written-in-full",
        "organizer",
        ISSUER_SHORT_SIGNED_FULL,
        exact="远山县安全生产委员会办公室",
    ),
    FieldVector("organizer-after-a-column-tag", "organizer", COLUMN_TAG_KICKER, exact="石桥镇"),
    FieldVector(
        "organizer-after-dateline-and-time", "organizer", DATELINE_THEN_TIME, exact="远山县市场监管局"
    ),
    FieldVector("organizer-town-read-by-its-suffix", "organizer", TOWN_BY_SUFFIX, exact="石桥镇"),
    FieldVector("organizer-area-word-is-no-place", "organizer", AREA_NOT_PLACE, empty=True),
    FieldVector(
        "organizer-subject-after-a-time-clause",
        "organizer",
        TIME_CLAUSE_FIRST,
        exact="远山县公安局交通管理大队",
    ),
    FieldVector(
        "organizer-short-name-written-in-full",
        "organizer",
        SHORT_AND_FULL,
        exact="远山县安全生产委员会办公室",
    ),
    FieldVector(
        "organizer-short-organ-word-in-full", "organizer", SHORT_ORGAN_WORD, exact="临川市市场监督管理局"
    ),
    FieldVector(
        "units-no-organizer-written-short-or-full",
        "units",
        SHORT_AND_FULL,
        must_include=("县消防救援大队", "县住建局"),
        must_not_include=("县安委办", "远山县安全生产委员会办公室"),
    ),
    FieldVector("organizer-common-noun-body-is-no-headless-unit", "organizer", COMMON_NOUN_BODY, empty=True),
    FieldVector("organizer-notice-issuer-who-supervises", "organizer", NOTICE_ISSUER, exact="市效能办"),
    FieldVector("organizer-place-acting-on-a-long-object", "organizer", LONG_OBJECT, exact="宁波市"),
    FieldVector(
        "organizer-headless-unit-after-a-basis", "organizer", HEADLESS_BRANCH, exact="碧溪林场党支部"
    ),
    FieldVector("organizer-headless-not-across-a-set-phrase", "organizer", HEADLESS_TERM, empty=True),
    FieldVector(
        "organizer-acting-with-others-help", "organizer", WITH_HELP, exact="绍兴市公安局越城区分局刑侦大队"
    ),
    FieldVector(
        "units-helpers-of-the-acting-unit", "units", WITH_HELP, must_include=("城南派出所", "交警大队")
    ),
    FieldVector(
        "organizer-body-named-before-its-meeting-word", "organizer", LECTURE_MEETING, exact="中央宣讲团"
    ),
    FieldVector("organizer-hosted-by", "organizer", HOSTED_DRILL, exact="宁海县防汛抗旱指挥部"),
    FieldVector(
        "organizer-news-flash-with-partners", "organizer", NEWS_FLASH_PARTNERS, exact="江门市市场监督管理局"
    ),
    FieldVector("organizer-after-a-purpose-chain-short-bureau", "organizer", PURPOSE_CHAIN, exact="省局"),
    FieldVector(
        "organizer-place-through-its-chairing-department", "organizer", PLACE_CHAIR, exact="江苏省财政厅"
    ),
    FieldVector(
        "organizer-place-whose-government-chairs", "organizer", PLACE_GOVERNMENT_CHAIR, exact="宁海县"
    ),
    FieldVector(
        "organizer-central-organ-centre-visits", "organizer", MINISTRY_VISIT, exact="交通运输部信息中心"
    ),
    FieldVector("organizer-spokesman-unit", "organizer", SPOKESMAN, exact="国家消防救援局"),
    FieldVector(
        "organizer-followed-document-is-no-informant",
        "organizer",
        FOLLOWED_DOCUMENT,
        exact="青山县市场监管局",
    ),
    FieldVector("organizer-visit-party-of", "organizer", PARTY_VISIT, exact="宁波市人民政府"),
    FieldVector("location-visit-party-of", "location", PARTY_VISIT, exact="市应急管理局"),
    FieldVector("organizer-formal-notice-signer", "organizer", FORMAL_NOTICE, exact="宁海县应急管理局"),
    FieldVector("location-formal-notice-none", "location", FORMAL_NOTICE, empty=True),
    FieldVector("organizer-visit-after-captions", "organizer", CAPTIONS_THEN_VISIT, exact="宁海县党政代表团"),
    FieldVector("location-visit-after-captions", "location", CAPTIONS_THEN_VISIT, exact="杭州"),
    FieldVector("event-standing-meeting", "event", STANDING_MEETING, exact="县长办公会"),
    FieldVector("location-government-meeting-at-its-place", "location", STANDING_MEETING, exact="宁海县"),
    # the headline's meeting is the event (event.title_named); the required 行动 is not
    FieldVector(
        "event-requirement-is-no-event",
        "event",
        REQUIRED_LAUNCH,
        exact="全省就业工作会议",
        must_not_include=("“技能强省”行动", "实施“技能强省”行动"),
    ),
    FieldVector("event-launched-after-main", "event", MAIN_LAUNCH, exact="“绿满宁海”植树活动"),
    FieldVector("organizer-place-not-a-unit-deep-in-body", "organizer", PLACE_UNIT_DEEP, exact="宁海县"),
    FieldVector("organizer-kind-of-unit-is-no-organizer", "organizer", GENERIC_MOST_NAMED, empty=True),
    FieldVector(
        "organizer-page-furniture-skipped", "organizer", GOV_PAGE_FURNITURE, exact="宁海县应急管理局"
    ),
    FieldVector(
        "event-page-footer-is-no-event",
        "event",
        GOV_PAGE_FURNITURE,
        must_not_include=("校园安全工作会议", "防汛应急演练"),
    ),
    FieldVector("organizer-unit-with-bracketed-alias", "organizer", ALIAS_UNIT, exact="杭州市局（公司）"),
    FieldVector("location-own-meeting-no-venue", "location", ALIAS_UNIT, empty=True),
    FieldVector(
        "organizer-bare-organ-word-is-no-unit", "organizer", BRANCH_CHAIR, must_not_include=("支部",)
    ),
    FieldVector("organizer-visiting-unit", "organizer", LEADER_VISIT, exact="青山县人民政府"),
    FieldVector("location-visited-unit", "location", LEADER_VISIT, exact="县应急管理局"),
    FieldVector("organizer-visiting-delegation", "organizer", DELEGATION_VISIT, exact="宁海县党政代表团"),
    FieldVector("location-visited-place", "location", DELEGATION_VISIT, exact="杭州市"),
    FieldVector("organizer-visitor-to-our-bureau", "organizer", VISIT_OUR_BUREAU, exact="省应急管理厅"),
    FieldVector("location-our-bureau-is-no-place", "location", VISIT_OUR_BUREAU, must_not_include=("我局",)),
    FieldVector(
        "organizer-holder-not-visitor",
        "organizer",
        COUNTY_VISIT_NO_LEADER,
        exact="青山县应急管理局",
    ),
    FieldVector("location-our-city-is-no-place", "location", OUR_CITY, must_not_include=("我市",)),
    FieldVector(
        "organizer-joint-holders",
        "organizer",
        "会议召开\n5月6日，江南市公安局和江南市教育局在江南市第一中学召开校园安全工作会议。\n",
        exact="江南市公安局和江南市教育局",
    ),
    FieldVector(
        "units-clauses-are-not-names",
        "units",
        CLAUSES,
        must_include=("吉林省公安厅水上治安总队",),
        must_not_include=("市场监管部门", "区里相关部门", "人民法庭依托人民法院"),
    ),
    FieldVector("organizer-lead-after-page-lines", "organizer", WEB_PAGE, exact="江南市公安局交通管理支队"),
    FieldVector("organizer-national-body-acting-on-an-object", "organizer", PEOPLES_BODY, exact="中国残联"),
    FieldVector("organizer-after-purpose-and-circumstance", "organizer", CIRCUMSTANCE, exact="房县"),
    FieldVector(
        "units-distributive-levels-with-和",
        "units",
        THREE_LEVELS,
        must_include=(
            "宁夏首席法律顾问工作站",
            "石嘴山市首席法律顾问工作站",
            "大武口区首席法律顾问工作站",
        ),
        must_not_include=("嘴山市首席法律顾问工作站",),
    ),
    FieldVector(
        "units-not-in-a-book-title-nor-a-common-noun",
        "units",
        BOOK_TITLE,
        must_include=("县财政局", "县审计局"),
        must_not_include=("中华人民共和国政府", "江南市政府", "党和政府", "市场功能布局"),
    ),
    FieldVector("organizer-named-in-event", "organizer", NAMED_IN_EVENT, exact="国务院"),
    FieldVector("organizer-venue", "organizer", VENUE, exact="青山县消防救援大队"),
    FieldVector("event-speech-at", "event", SPEECH, exact="全县安全生产工作会议"),
    FieldVector("event-campaign-repeated", "event", CAMPAIGN, exact="扫黑除恶专项斗争"),
    FieldVector("location-at-place", "location", AT_PLACE, exact="石桥镇"),
    FieldVector("organizer-chair-unit", "organizer", CHAIR, exact="县公安局"),
    FieldVector("organizer-most-named-unit", "organizer", MOST_NAMED, exact="青山县信访局"),
    FieldVector("location-title-place", "location", TITLE_PLACE, exact="湖北宜昌"),
    FieldVector("units-not-a-slogan-ending-in-办", "units", TITLE_PLACE, empty=True),
    FieldVector("units-shared-place", "units", SHARED_PLACE, must_include=("江南市公安局", "江南市卫生局")),
    FieldVector(
        "organizer-headline-place-acts-through-its-unit", "organizer", PLACE_UNIT, exact="巩义市纪委监委"
    ),
    FieldVector("location-headline-place-of-its-unit", "location", PLACE_UNIT, exact="河南巩义"),
    FieldVector(
        "units-joined-by-会同",
        "units",
        JOINT,
        must_include=("县市场监管局", "县交通运输局", "县检察院"),
        must_not_include=("会同县市场监管局", "省公安厅", "青山县公安局"),
    ),
    FieldVector("organizer-lead-unit-in-body", "organizer", JOINT, exact="青山县公安局"),
    FieldVector(
        "units-national-bodies-in-a-list",
        "units",
        MINISTRIES,
        must_include=("司法部", "水利部", "国家林草局", "中国海警局"),
        must_not_include=("公安部",),
    ),
    FieldVector(
        "units-shared-kind",
        "units",
        SHARED_KIND,
        must_include=("县民政部门", "县人社部门", "县医保部门"),
        must_not_include=("市场监管部门", "市公安部门"),
    ),
    FieldVector("location-at-named-place", "location", VISIT, exact="江苏省苏州市"),
    FieldVector(
        "organizer-informant-by-grammar", "organizer", COURT, exact="宁夏回族自治区银川市兴庆区人民法院"
    ),
    FieldVector("location-organizer-place", "location", COURT, exact="宁夏回族自治区银川市兴庆区"),
    FieldVector("event-launched-quoted-campaign", "event", LAUNCH, exact="“清风护航”专项行动"),
    FieldVector("event-campaign-as-means", "event", CAMPAIGN_AS_MEANS, exact="“网格一线”专项行动"),
    FieldVector("event-held-at-places-list", "event", DRILL, exact="“江淮应急·2024”洪涝灾害救援演习"),
    FieldVector("location-held-at-places-list", "location", DRILL, exact="江南市东城区、青山县"),
    FieldVector("event-generic-launch-is-not-named", "event", BUREAU_NEWS, must_not_include=("窗口作风",)),
    FieldVector("organizer-lead-place-acts", "organizer", WORK_UPDATE, exact="安仁县"),
    FieldVector("organizer-lead-place-full-chain", "organizer", PEOPLES_DAILY_LOCAL, exact="梨树县"),
    FieldVector("organizer-lead-unit", "organizer", BUREAU_NEWS, exact="市效能办"),
    FieldVector("organizer-not-a-website", "organizer", WORK_UPDATE, must_not_include=("安仁县人民政府网",)),
    FieldVector("organizer-accident-has-no-acting-unit", "organizer", ACCIDENT, empty=True),
    FieldVector(
        "location-acting-place-written-in-full", "location", PEOPLES_DAILY_LOCAL, exact="吉林省四平市梨树县"
    ),
    FieldVector(
        "units-attribution-line-is-not-a-participant",
        "units",
        PEOPLES_DAILY_LOCAL,
        must_include=("县委组织部",),
        must_not_include=("中共梨树县委宣传部",),
    ),
    FieldVector(
        "units-joint-action-by-level-word",
        "units",
        WORK_UPDATE,
        must_include=("县财政局", "县监察局", "县审计局"),
    ),
    FieldVector(
        "units-cited-body-left-out",
        "units",
        BUREAU_NEWS,
        must_include=("市行政服务中心",),
        must_not_include=("省委", "市效能办"),
    ),
    FieldVector(
        "units-shared-head",
        "units",
        "全省社会救助工作会议召开\n5月8日，省财政厅召开全省社会救助资金监管会议，省民政厅、人社厅、卫健厅有关负责同志参加会议。\n",
        must_include=("省民政厅", "省人社厅", "省卫健厅"),
        must_not_include=("人社厅", "省财政厅"),
    ),
]


@pytest.mark.parametrize("vector", VECTORS, ids=lambda v: v.id)
def test_field_vector(vector, tmp_path):
    run_vector(vector, tmp_path)


# ---------------------------------------------------------------------------------------- page furniture
def test_furniture_lines_are_neither_searched_nor_counted(tmp_path):
    import re

    from reporter.extractor.rules.acting import is_noise
    from reporter.extractor.rules.meeting import _first

    text = (
        "当前位置：首页 > 工作动态\n"
        "县里召开防汛会议\n"
        "发布时间：2024-05-08  来源：县政府办召开会议  浏览次数：136\n"
        "5月7日上午，宁海县防汛抗旱指挥部召开全县防汛工作会议。\n"
    )
    ctx = _ctx(text, tmp_path)
    nav, pub = text.index("当前位置"), text.index("发布时间")
    assert is_noise(ctx, nav) and is_noise(ctx, pub)
    assert not is_noise(ctx, text.index("5月7日"))
    found = [text[m.start() : m.end()] for m in _first(ctx, re.compile(r"[\u4e00-\u9fff]{2}召开"), lines=2)]
    # the headline and the lead are the first two lines of the report; the 来源 half of the page line is not
    assert found == ["县里召开", "挥部召开"]


def test_a_set_phrase_across_a_name_end_is_no_unit(tmp_path):
    from reporter.extractor.places import find_units

    ctx = _ctx(
        "全省会议召开\n5月8日，山西省政府采购工作座谈会在太原召开，山西省政府召开常务会议。\n", tmp_path
    )
    names = [ctx.norm[s:e] for s, e in find_units(ctx)]
    # 政府采购 is a set phrase (templates/org_words.txt 术语); 省政府召开 is the provincial government acting
    assert names.count("山西省政府") == 1
    assert ctx.norm.index("山西省政府召开") in [s for s, _ in find_units(ctx)]
