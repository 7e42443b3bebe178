"""Vectors for the units strategies that read who took part from the sentence frame: a list before
等N个单位作交流发言, bodies whose people attended (某局有关负责同志参加会议), partners after 会同/联合/协助,
and bodies only cited as the source of guidance. Texts are written for the project."""

from __future__ import annotations

import pytest

from reporter.extractor.context import Context
from reporter.extractor.lexicon import load_lexicon
from reporter.extractor.rules.units import _former_post, _runs_into_a_word
from reporter.readers import read
from reporter.schema import load_schema
from tests.support.vectors import FieldVector, run_vector

SPOKE = (
    "全区重点工作推进会召开\n"
    "3月2日，青山区召开全区重点工作推进会。会上，区应急局、民政局、东湖镇、西岭街道、"
    "青山经济开发区等5个单位作交流发言。\n"
)
ATTEND = (
    "全市防汛工作会议召开\n"
    "6月5日，江南市水利局召开全市防汛工作会议。市气象局有关负责同志、江南市水文中心班子成员、"
    "各县区水利局负责人参加会议。\n"
)
PARTNERS = (
    "江南市开展食品安全联合检查\n"
    "近日，江南市市场监管局联合市卫健局、市食品行业协会等，对全市学校食堂开展联合检查。"
    "同时多次协助东城区、西湖区开展执法工作。\n"
    "下一步，江南市市场监管局将会同市教育局等部门，建立长效机制。重大案件实行联合挂牌督办。\n"
)
GUIDANCE = (
    "青山县召开安全生产工作会议\n"
    "5月9日，青山县人民政府召开全县安全生产工作会议。会议要求，认真落实江南市委、江南市人民政府关于安全生产的决策部署，"
    "聚焦江南市应急管理局督导组标准要求。县应急管理局、县交通运输局作了发言。"
    "会议传达了«江南市安委会办公室关于开展安全检查的通知»。\n"
)
FORMER = (
    "江南省政协原副主席李明严重违纪违法被开除党籍\n"
    "本报江南5月6日电  今天，江南市人民法院以受贿罪判处青山县原县委副书记王某某有期徒刑十年，"
    "江南市人民检察院派员出庭支持公诉。\n"
)
PROCUREMENT = (
    "全省政府采购工作会议召开\n"
    "5月8日，江南省财政厅召开全省政府采购监管工作会议。会议总结了近年来江南省政府采购工作，"
    "江南省审计厅有关负责同志参加会议。\n"
)
NOT_TAKING_PART = (
    "江南市住建委召开专题报告会\n"
    "5月8日，江南市住建委召开专题报告会。根据浙江省委《关于做好宣讲工作的通知》要求，"
    "市房管局、园林局、委直属各单位主要负责人参加了报告会。"
    "会后，大家在青山县人民法院门口参观了宣传展板。浙江省法院系统也开展了集中学习。\n"
    "下一步，江南市交通运输局将持续跟进整改。\n"
)
POLICE_MEETING = (
    "全市公安机关夏季治安整治推进会召开\n"
    "7月4日，江南市公安局在江南市会展中心召开全市公安机关夏季治安整治推进会。"
    "会上，东城分局、西湖分局、青山县公安局和市公安局刑侦支队作了交流发言。"
    "会议要求深入贯彻公安部和省公安厅部署要求，加强巡防布控、情报研判等方面的协作。"
    "市检察院有关负责同志参加会议。\n"
)
SIGNING = (
    "青山县与江南农业大学签署合作协议\n"
    "9月12日，青山县人民政府召开校地合作推进会。县发改委、县教育局、县科技局等部门负责同志参加会议。"
    "近年来，青山县联合省农科院、江南农业大学等科研院所共建示范基地。\n"
)
PUBLICATION_LINE = (
    "我市启动防汛四级应急响应\n"
    "发布时间：2024-06-18 09:30　来源：江南市应急管理局\n"
    "6月17日，江南市防汛抗旱指挥部决定启动防汛四级应急响应。市应急管理局会同市水利局、市气象局进行会商研判。\n"
)
PROVINCE_MEETING = (
    "江南省召开全省营商环境建设推进大会\n"
    "2月3日，江南省人民政府召开全省营商环境建设推进大会。省发展改革委、省市场监管局、江南市、青山县作典型发言。"
    "省有关部门主要负责同志参加会议。青山县市场监管局联合县消防救援大队建立联合执法机制。\n"
)
ATTEND_LISTS = (
    "全县脱贫攻坚推进会召开\n"
    "5月6日，青山县扶贫开发领导小组召开全县脱贫攻坚推进会。参加会议的有县发改委、县财政局、县农业农村局主要负责同志，"
    "各乡镇党委书记。县公安局、县卫健委、县市场监管局等单位负责同志参加会议。市委、市政府等部门负责人出席。\n"
)

MINISTRY_WORK = (
    "公安部部署开展夏季治安打击整治行动\n"
    "本报北京6月3日电  记者从公安部获悉，公安部近日会同住房城乡建设部、应急管理部开展夏季治安打击整治行动。"
    "行动中，江南省公安厅联合省消防救援总队对重点场所开展检查。按照国务院印发的《安全生产治本攻坚方案》，"
    "各地公安机关与有关部门密切配合。国家有关部门将加强督导。\n"
)
SITE_PAGE = (
    "市市场监管局开展节前食品安全检查_江南市人民政府门户网站\n"
    "发布日期：2024-09-10　阅读次数：326\n"
    "9月9日，江南市市场监管局在江南国际会展中心周边开展节前食品安全检查。"
    "检查依据省市场监督管理局发布的《食品经营风险分级管理办法》进行，市卫健委有关负责同志参加检查。"
    "检查结果将在江南市政府门户网站公开。\n"
    "上一条：市场监管局召开党风廉政建设会议\n"
    "下一条：我市开展特种设备安全检查\n"
)
SHORT_FORM = (
    "最高人民法院发布执行工作白皮书\n"
    "本报北京3月5日电  最高人民法院5日发布执行工作白皮书。白皮书介绍，最高法与最高检、公安部联合出台规定，"
    "江南省高级人民法院作了经验介绍。\n"
)

DISTRICT_SPEAKERS = (
    "市应急管理局召开全市安全生产工作推进会\n"
    "4月7日，宁波市应急管理局召开全市安全生产工作推进会。会上，海曙区、江北区、鄞州区应急管理局和"
    "市交通运输局作了交流发言。\n"
)
JOINT_BUREAUS = (
    "宁海县多部门联合开展燃气安全专项整治\n"
    "近日，浙江省宁波市宁海县住房和城乡建设局会同县市场监管局、县消防救援大队，对全县餐饮场所开展燃气安全专项整治。\n"
)
CASE_TEAM = (
    "瑞安市公安局破获一起电信网络诈骗案\n"
    "近日，瑞安市公安局破获一起电信网络诈骗案。该案由市公安局刑侦大队牵头，安阳派出所、玉海派出所配合侦办。\n"
)

DRILL_UNITS = (
    "我县开展防汛应急综合演练\n"
    "6月11日，宁海县应急管理局组织开展防汛应急综合演练。县水利局、县气象局、城东街道等12家单位300余人参加演练。"
    "对演练中发现的问题，已通报县交通运输局、县住建局。\n"
)

SUB_UNITS = (
    "县公安局开展夏季治安巡查\n"
    "7月2日，宁海县公安局开展夏季治安巡查。县公安局城关派出所、城南派出所、交警大队参加巡查。"
    "市公安局刑侦支队、治安支队派员指导。浙江工商大学法学院、复旦大学法学院专家作了点评。\n"
)

CITY_DEPARTMENTS = (
    "宁波市开展欠薪专项治理\n"
    "1月31日，宁波市召开联席会议，部署根治欠薪工作。宁波市人社、住建等20余个部门协同发力，"
    "建立县民政、人社、公安等部门联动机制。\n"
)

SCOPE_HONOUR_COMPANY = (
    "全省政府采购工作会议召开\n"
    "5月8日，浙江省财政厅召开全省政府采购监管工作会议。各设区市财政局、采购中心有关同志参加了会议。"
    "宁波市某某电子科技有限公司通过2024年度浙江省高新技术企业研发中心认定。"
    "代表团还参观了恒锐精工装备苏州有限公司，依托浙江工业大学的人才优势开展合作。\n"
)

COURT_PAGE = (
    "县法院开展送法进校园活动\n"
    "发布时间：2025-06-05 16:22　来源：宁海县人民法院\n"
    "6月4日，宁海县人民法院联合县教育局、团县委走进跃龙中学，开展送法进校园活动。"
    "县法院副院长作了讲解。县检察院、县司法局有关负责同志应邀参加活动。\n"
    "【打印本页】【关闭窗口】\n"
)

REPORTING_BUREAU = (
    "市长主持召开市政府常务会议\n"
    "4月18日下午，市长王强主持召开市政府常务会议。\n"
    "市房管局汇报了整改情况。市卫健委通报了疫情防控工作。会议强调，要加强学习宣传。\n"
)

PLACE_SPEAKER = (
    "宁波市推进海岛公路提升工程\n"
    "本报宁波3月2日电  近日，宁波市交通运输局召开海岛公路提升工程推进会。"
    "“今年将新改建海岛公路30公里。”象山县相关负责人介绍。\n"
)

JOINT_TEAM = (
    "宁海县通报一起食品安全事件调查情况\n"
    "5月6日，宁海县人民政府通报一起食品安全事件调查情况。宁海县联合工作组发现，涉事企业存在违规生产行为。"
    "县市场监管局联合县公安局对涉事企业开展调查。\n"
)

NATIONAL_OFFICE = (
    "扫黑除恶专项斗争取得阶段性成果\n"
    "本报北京1月9日电  一年来，全国扫黑办挂牌督办重大涉黑案件30起，推动公安部对40余起案件联合督办。"
    "全国法院审结涉黑案件1200件。据中央纪委国家监委官方网站消息，各地查处“保护伞”3000余人。\n"
)

SIGNING_PARTIES = (
    "区党政代表团赴杭州考察\n"
    "2月28日，宝山区党政代表团赴杭州考察。结业式上，各街镇与区委、区政府签订了《2025年目标责任书》。"
    "宁海县人民政府与浙江省农业科学院签署合作协议。\n"
)

TOWNSHIP_BID = (
    "小项目招投标全程公开\n"
    "2024年10月12 来源：\n"
    "近日，宁海县住建局推出小型工程招投标平台。开标现场全程录音录像，镇纪委也派员到场监督。"
    "各镇街纪委同步开展监督，镇政府有关负责同志到场。\n"
)

# names that take no part: the site's name after the headline, a common noun, an honour in quotes, an app,
# the closing attribution line (units.named with not_a_participant)
PAGE_FURNITURE_UNITS = (
    "县交通运输局开展汽车站安全检查_远山县人民政府\n"
    "发布时间：2025-04-02　来源：县交通运输局\n"
    "4月1日，县交通运输局联合县消防救援大队对城区汽车站开展安全检查，共排查隐患12处。"
    "下一步，将持续深化“枫桥式交通运输所”创建，并引导群众下载国家反诈中心APP。\n"
    "（县交通运输局办公室 2025年4月2日）\n"
)


# the units checked in a 对…开展检查 clause are the object, not participants
CHECKED_OBJECTS = (
    "县效能办开展窗口作风明察暗访\n"
    "5月8日，县效能办会同县审计局，对县政务服务中心、县医保服务中心等8个窗口单位开展作风明察暗访，"
    "发现问题11个。\n"
)


# the organizer is an office of a unit (signed by it); the unit named short is no other participant
OFFICE_OF_THE_ORGANIZER = (
    "县法院召开2024年度执行工作推进会\n"
    "3月6日，远山县人民法院召开2024年度执行工作推进会，县公安局、县司法局负责同志应邀参加。\n"
    "会议要求，县法院要持续攻坚执行难。\n"
    "远山县人民法院办公室\n"
    "2024年3月7日\n"
)


# an author line written in brackets after the text names the writer's office, not a participant
AUTHOR_LINE = (
    "县检察院开展法治进校园活动\n"
    "今年以来，远山县人民检察院联合县教育局开展“法治进校园”巡讲12场，覆盖师生5000余人次。\n"
    "（作者：县检察院第二检察部 林晓）\n"
)


# a unit only visited after the meeting (观摩了…) is no participant; the speakers' list still is
SUFFIX_COUNTY_LIST = (
    "全市禁毒工作推进会召开\n"
    "4月2日，全市禁毒工作推进会在石门县召开。会议由远山市公安局主办，市公安局禁毒支队支队长林海主持会议。"
    "青禾县、白沙区、石门县三个县区公安局作交流发言。会后，与会人员观摩了石门县公安局禁毒大队情报研判中心。\n"
)


# the places a leader visits (先后来到…和县某中心) are visited, not participants
VISITED_PLACES = (
    "副市长到远山县调研森林防火工作\n"
    "3月2日，副市长李华到远山县调研森林防火工作。他先后来到青峰林场、石门水库和县森林防火指挥中心，"
    "实地查看防火物资储备情况。县应急管理局、县林业局负责同志陪同调研。\n"
)


# a discipline commission's numbered office is written with it as one unit
COMMISSION_OFFICE = (
    "县效能办开展作风建设专项督查\n"
    "6月10日，县效能办会同县纪委监委第二监督检查室组成督查组，对全县12个乡镇开展作风建设专项督查。\n"
)


# where the news of an accident came from (记者从某单位获悉) is no participant; the unit that answered is
INFORMANT_OF_ACCIDENT = (
    "远山县一仓库发生火灾 无人员伤亡\n"
    "本报讯（记者 林夕）记者从远山县人民政府获悉，5月3日凌晨，远山县城东一仓库发生火灾。"
    "远山县消防救援大队接警后迅速赶赴现场处置，火灾未造成人员伤亡。\n"
)


VECTORS = [
    FieldVector(
        "units-no-informant-of-accident-news",
        "units",
        INFORMANT_OF_ACCIDENT,
        must_include=("远山县消防救援大队",),
        must_not_include=("远山县人民政府",),
    ),
    FieldVector(
        "units-commission-numbered-office",
        "units",
        COMMISSION_OFFICE,
        must_include=("县纪委监委第二监督检查室",),
        must_not_include=("县纪委监委",),
    ),
    FieldVector("units-no-visited-places", "units", VISITED_PLACES, must_not_include=("县森林防火指挥中心",)),
    FieldVector(
        "units-no-unit-only-visited",
        "units",
        SUFFIX_COUNTY_LIST,
        must_include=("青禾县公安局", "石门县公安局"),
        must_not_include=("石门县公安局禁毒大队",),
    ),
    FieldVector(
        "units-no-author-office",
        "units",
        AUTHOR_LINE,
        must_include=("县教育局",),
        must_not_include=("县检察院第二检察部",),
    ),
    FieldVector(
        "units-no-parent-of-the-organizer",
        "units",
        OFFICE_OF_THE_ORGANIZER,
        must_include=("县公安局", "县司法局"),
        must_not_include=("县法院", "远山县人民法院"),
    ),
    FieldVector(
        "units-checked-objects-are-no-participants",
        "units",
        CHECKED_OBJECTS,
        must_include=("县审计局",),
        must_not_include=("县政务服务中心", "县医保服务中心", "对县政务服务中心"),
    ),
    FieldVector(
        "units-no-page-furniture-honour-or-common-noun",
        "units",
        PAGE_FURNITURE_UNITS,
        must_include=("县消防救援大队",),
        must_not_include=(
            "远山县人民政府",
            "汽车站",
            "枫桥式交通运输所",
            "国家反诈中心",
            "县交通运输局办公室",
        ),
    ),
    FieldVector(
        "units-spoke-list",
        "units",
        SPOKE,
        must_include=("区应急局", "区民政局", "东湖镇", "西岭街道", "青山经济开发区"),
        must_not_include=("会上", "民政局"),
    ),
    FieldVector(
        "units-attendees",
        "units",
        ATTEND,
        must_include=("市气象局", "江南市水文中心"),
        must_not_include=("各县区水利局", "江南市水利局"),
    ),
    FieldVector(
        "units-partners",
        "units",
        PARTNERS,
        must_include=("市卫健局", "市食品行业协会", "东城区", "西湖区"),
        must_not_include=("市教育局", "挂牌督办"),
    ),
    FieldVector(
        "units-cited-guidance-is-not-a-participant",
        "units",
        GUIDANCE,
        must_include=("县应急管理局", "县交通运输局"),
        must_not_include=("江南市委", "江南市人民政府", "江南市应急管理局督导组", "江南市安委会办公室"),
    ),
    FieldVector(
        "units-former-post-is-not-a-participant",
        "units",
        FORMER,
        must_include=("江南市人民检察院",),
        must_not_include=("青山县原县委", "江南省政协"),
    ),
    FieldVector(
        "units-name-running-into-a-common-word",
        "units",
        PROCUREMENT,
        must_include=("江南省审计厅",),
        must_not_include=("江南省政府",),
    ),
    FieldVector(
        "units-place-plan-system-cited-document",
        "units",
        NOT_TAKING_PART,
        must_include=("市房管局", "市园林局"),
        must_not_include=(
            "浙江省委",
            "市委",
            "青山县人民法院",
            "江南市政务服务中心大厅",
            "浙江省法院系统",
            "江南市交通运输局",
        ),
    ),
    FieldVector(
        "units-speakers-without-a-count",
        "units",
        POLICE_MEETING,
        must_include=(
            "东城分局",
            "西湖分局",
            "青山县公安局",
            "市公安局刑侦支队",
            "市检察院",
        ),
        must_not_include=(
            "东城西湖分局",
            "贯彻公安部",
            "公安部",
            "江南市会展中心",
            "加强治安布局",
        ),
    ),
    FieldVector(
        "units-full-names-before-等部门-and-a-level-word-only-on-short-names",
        "units",
        SIGNING,
        must_include=("县发改委", "县教育局", "县科技局", "省农科院", "江南农业大学"),
        must_not_include=(
            "县县教育局部门",
            "县发改委部门",
            "省江南农业大学",
            "科研院所",
            "江南农业大学等科研院",
        ),
    ),
    FieldVector(
        "units-source-in-a-publication-line-is-not-a-participant",
        "units",
        PUBLICATION_LINE,
        must_include=("市应急管理局", "市水利局", "市气象局"),
        must_not_include=("江南市应急管理局",),
    ),
    FieldVector(
        "units-places-among-speakers-generic-groups-and-arrangements",
        "units",
        PROVINCE_MEETING,
        must_include=("省发展改革委", "省市场监管局", "江南市", "青山县", "县消防救援大队"),
        must_not_include=("省有关部门", "执法机制"),
    ),
    FieldVector(
        "units-attend-lists",
        "units",
        ATTEND_LISTS,
        must_include=("县发改委", "县财政局", "县农业农村局", "县公安局", "县卫健委", "县市场监管局"),
        must_not_include=("参加会议的有县发改委", "市委", "市政府", "各乡镇党委"),
    ),
    FieldVector(
        "units-central-ministries-by-name-not-a-generic-or-cited-one",
        "units",
        MINISTRY_WORK,
        must_include=("住房城乡建设部", "应急管理部", "江南省公安厅", "省消防救援总队"),
        must_not_include=("公安部", "国务院", "国家有关部门"),
    ),
    FieldVector(
        "units-a-venue-a-cited-issuer-and-a-website-are-not-participants",
        "units",
        SITE_PAGE,
        must_include=("市卫健委",),
        must_not_include=("江南国际会展中心", "省市场监督管理局", "江南市政府门户网站", "江南市政府"),
    ),
    FieldVector(
        "units-the-organizer-short-form-is-not-repeated",
        "units",
        SHORT_FORM,
        must_include=("最高检", "公安部", "江南省高级人民法院"),
        must_not_include=("最高法",),
    ),
    FieldVector(
        "units-distributive-level-word-written-once",
        "units",
        DISTRICT_SPEAKERS,
        must_include=("海曙区应急管理局", "江北区应急管理局", "鄞州区应急管理局", "市交通运输局"),
        must_not_include=("海曙区区应急管理局", "江北区区应急管理局"),
    ),
    FieldVector(
        "units-a-name-with-和-and-a-partner-are-not-a-distributive-list",
        "units",
        JOINT_BUREAUS,
        must_include=("县市场监管局", "县消防救援大队"),
        must_not_include=("市宁海县住房和城乡建设局会同县市场监管局",),
    ),
    FieldVector(
        "units-list-item-ends-where-a-clause-word-begins",
        "units",
        CASE_TEAM,
        must_include=("安阳派出所", "玉海派出所"),
        must_not_include=("玉海派出所配合侦办",),
    ),
    FieldVector(
        "units-count-of-units-and-people-taking-part-and-a-clause-before-a-list",
        "units",
        DRILL_UNITS,
        must_include=("县水利局", "县气象局", "城东街道", "县住建局"),
        must_not_include=("已通报县交通运输局",),
    ),
    FieldVector(
        "units-sub-units-share-their-parent-proper-names-keep-their-own",
        "units",
        SUB_UNITS,
        must_include=(
            "县公安局城南派出所",
            "县公安局交警大队",
            "市公安局治安支队",
            "市公安局刑侦支队",
            "复旦大学法学院",
        ),
        must_not_include=("城南派出所", "治安支队", "浙江复旦大学", "浙江复旦大学法学院"),
    ),
    FieldVector(
        "units-departments-sharing-a-place-and-a-count-of-departments",
        "units",
        CITY_DEPARTMENTS,
        must_include=("宁波市人社部门", "宁波市住建部门", "县民政部门", "县公安部门"),
        must_not_include=("人社部门", "宁波市人社"),
    ),
    FieldVector(
        "units-each-over-a-list-an-honour-and-a-place-inside-a-company-name",
        "units",
        SCOPE_HONOUR_COMPANY,
        must_include=("浙江工业大学",),
        must_not_include=("采购中心", "浙江省高新技术企业研发中心", "苏州有限公司"),
    ),
    FieldVector(
        "units-organizer-short-form-with-its-level-word-and-no-level-shared-into-团县委",
        "units",
        COURT_PAGE,
        must_include=("县教育局", "县检察院", "县司法局"),
        must_not_include=("县法院", "县团县委"),
    ),
    FieldVector(
        "units-a-bureau-that-reports-is-no-newspaper",
        "units",
        REPORTING_BUREAU,
        must_include=("市房管局", "市卫健委"),
    ),
    FieldVector("units-place-speaker", "units", PLACE_SPEAKER, must_include=("象山县",)),
    FieldVector(
        "units-a-joint-team-is-one-unit-two-joint-bureaus-are-two",
        "units",
        JOINT_TEAM,
        must_include=("宁海县联合工作组", "县市场监管局", "县公安局"),
        must_not_include=("县市场监管局联合县公安局",),
    ),
    FieldVector(
        "units-a-national-office-with-its-own-name-and-no-website",
        "units",
        NATIONAL_OFFICE,
        must_include=("全国扫黑办",),
        must_not_include=("全国法院", "中央纪委国家监委官方网站"),
    ),
    FieldVector(
        "units-the-other-party-of-an-agreement",
        "units",
        SIGNING_PARTIES,
        must_include=("区委", "区政府", "浙江省农业科学院"),
        must_not_include=("各街镇",),
    ),
    FieldVector(
        "units-a-township-department-named-by-its-level-word",
        "units",
        TOWNSHIP_BID,
        must_include=("镇纪委",),
        must_not_include=("镇街纪委", "各镇街纪委", "镇政府"),
    ),
]


@pytest.mark.parametrize("vector", VECTORS, ids=lambda v: v.id)
def test_field_vector(vector, tmp_path):
    run_vector(vector, tmp_path)


def _ctx(text: str, tmp_path) -> Context:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    lexicon = load_lexicon(None)
    return Context(read(path), load_schema(), userdicts=lexicon.userdicts, lexicon=lexicon)


def test_former_post_marks_a_person_not_a_unit(tmp_path):
    text = "通报\n青山县原县委副书记王明、江南省政协原党组成员李强被查处，太原市公安局原来的办公楼拆除。\n"
    ctx = _ctx(text, tmp_path)

    def at(name: str) -> bool:
        s = ctx.norm.index(name)
        return _former_post(ctx, s, s + len(name))

    assert at("青山县原县委")  # 原 inside the span, a post after it
    assert at("江南省政协")  # 原 + a post right after the name
    assert not at("太原市公安局")  # 原 in a place name, 原来 is no post


def test_a_name_running_into_a_common_word(tmp_path):
    ctx = _ctx("会议\n总结了江南省政府采购工作，江南省政府出台了办法。\n", tmp_path)
    first = ctx.norm.index("江南省政府")
    second = ctx.norm.index("江南省政府", first + 1)
    assert _runs_into_a_word(ctx, first, first + 5)
    assert not _runs_into_a_word(ctx, second, second + 5)
