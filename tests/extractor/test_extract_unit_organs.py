"""Vectors for organ words and name forms of units (round exunits): port and border organs (海关, 边检站,
海事局), people's organisations jieba writes as one word with the level word (市妇联, 团县委, 市红十字会), a
body's second name in brackets (某局（某办公室）, 一个机构两块牌子), and the organizer written short in the
headline and in full in the text. Texts are written for the project."""

from __future__ import annotations

import pytest

from tests.support.vectors import FieldVector, run_vector

PORT_ORGANS = (
    "口岸联合执法检查启动\n3月2日，宁波海关联合宁波出入境边防检查站、宁波海事局开展口岸联合检查行动。\n"
)
PORT_SPEAKERS = (
    "全市口岸工作协调会召开\n"
    "5月6日，舟山市口岸办召开全市口岸工作协调会。舟山海关、舟山边检站、舟山海事局、"
    "舟山市港航和口岸管理局作了交流发言。\n"
)
PORT_ATTENDEES = (
    "温州港安全生产检查\n"
    "7月9日，温州市应急管理局召开港口安全工作会议。温州海关、温州海事局等单位负责同志参加会议。\n"
)
PEOPLES_BODIES = (
    "市文明办组织开展志愿服务活动\n"
    "近日，江南市文明办组织开展志愿服务活动。团市委、市妇联、市总工会、市红十字会等单位共同参与。\n"
)
COUNTY_BODIES = "县妇联开展关爱留守儿童活动\n6月1日，宁海县妇联联合团县委、县红十字会开展关爱留守儿童活动。\n"
SECOND_NAME = (
    "县市场监管局召开知识产权保护工作会议\n"
    "3月5日，宁海县市场监督管理局（县知识产权局）召开知识产权保护工作会议。县公安局有关负责同志参加会议。\n"
)
SECOND_NAME_OFFICE = (
    "全市安全生产大检查部署会召开\n"
    "6月2日，宁波市应急管理局（市安委会办公室）召开全市安全生产大检查部署会。"
    "市住建局、市交通运输局作了交流发言。\n"
)
SECOND_NAME_PARTNER = (
    "县农业农村局开展农资专项检查\n5月8日，象山县农业农村局（县乡村振兴局）联合县财政局开展农资专项检查。\n"
)
SHORT_ORGANIZER = (
    "市场监管局召开食品安全工作会议\n"
    "4月9日，远山市市场监督管理局召开全市食品安全工作会议。市教育局、市卫健委等部门负责同志参加会议。\n"
)
JOINT_TEAM_AFTER_LIST = (
    "多部门联合整治砂石堆场\n"
    "近日，远山市水利局会同市自然资源和规划局、青江航道管理处成立联合专班，对沿江砂石堆场逐一排查。\n"
)
TOWNSHIP_IN_LIST = (
    "县应急管理局组织防汛应急演练\n"
    "6月5日，远山县应急管理局组织开展防汛应急演练。县消防救援大队、县水利局、县卫健局和城关镇共计150余人"
    "参加演练。\n"
)
TOWNSHIP_IN_LIST_ETC = (
    "宁海县举行森林防火演练\n"
    "近日，宁海县林业局举行森林防火演练，县应急管理局、县消防救援大队及桥头胡街道等单位200余人参加。\n"
)
PARTNERS_BEFORE_A_MEASURE = (
    "港区推行一站式通关服务\n"
    "今年以来，嘉兴市平湖港区管委会联合平湖海关、港区边检站推行进出口货物“一站式”通关服务。"
    "宁海县商务局会同县税务局、县市场监管局启动外贸企业帮扶行动。\n"
)
OFFICE_IN_A_POST = (
    "县应急管理局举办应急广播培训班\n"
    "5月9日，远山县应急管理局举办应急广播培训班。培训邀请县融媒体中心技术骨干林哲、"
    "县水利局防汛指挥中心主任骆文涛授课。\n"
)
LEAGUE_IN_PARTNERS = (
    "县人民检察院开展未成年人保护专项行动\n"
    "近日，青田县人民检察院会同县教育局、团县委、县妇联开展未成年人保护专项行动。\n"
)
STATIONS_ASSISTING = (
    "县公安局破获一起跨省电信诈骗案\n"
    "近日，平阳县公安局破获一起跨省电信网络诈骗案。该案由县公安局刑侦大队牵头，"
    "鳌江派出所、萧江派出所、昆阳派出所配合，赴外省开展收网行动。\n"
)
OWN_PLACE_IN_A_SHARED_LIST = (
    "区政协召开民营经济发展协商座谈会\n"
    "5月20日，东城区政协召开民营经济发展协商座谈会。区工商联、东城商会作交流发言。"
    "区政协副主席李和主持会议。\n"
)
LEADERS_ON_THE_PLATFORM = (
    "区处级干部学研班结业\n"
    "3月1日，临江区干部学研班结业。区委副书记、区长周涛，区人大常委会主任林芳、区政协主席许军、"
    "区委副书记韩雪在主席台就座。各镇与区委签订了目标责任书。\n"
)
STATIONS_BY_PLACE = (
    "闵行区推进“枫桥经验”进景区\n"
    "今年以来，闵行区多措并举化解景区矛盾纠纷。为减少纠纷类警情，七宝派出所在景区门牌上增加了扫码求助功能。莘庄司法所、古美路街道办事处"
    "共同派员驻点调解。辖区派出所和当地派出所均设立了调解室。\n"
)
SPECIAL_COURTS = (
    "全省法院推行在线庭审\n"
    "本报沈阳3月2日电  辽宁省高级人民法院近日召开在线庭审推进会。沈阳市中级人民法院、"
    "大连海事法院作了交流发言。\n"
)
ZONES_SIGNING = (
    "区目标管理大会召开\n"
    "2月28日，临江区召开目标管理大会。会上，各镇、街道、临江城市工业园区、临江工业园区、临江现代物流发展区"
    "与区委、区政府签订了《2025年目标责任书》。\n"
)
BODIES_SIGNING = (
    "校地合作协议签约\n"
    "近日，宁海县科技局召开科技合作大会。会上，宁海经济开发区管委会与宁波银行宁海支行签订战略合作协议。\n"
)
TOWNSHIP_SPEAKERS = (
    "挂牌村全部摘牌\n"
    "本报常德10月9日电  目前，4个挂牌村已整改完成。“全都摘牌了。”石门桥镇相关负责人说。"
    "“我们还将巩固成果。”桐林村有关负责同志介绍。各乡镇有关负责人表示将全力配合。\n"
)
GRASSROOTS_BODIES = (
    "全县禁毒宣传月活动启动\n"
    "6月1日，宁海县禁毒委员会办公室启动禁毒宣传月活动。县教育局、跃龙街道办事处、城东村村委会等单位参加活动。"
    "宁海县自来水有限公司也派员参与。随后，宣讲团来到桃源村村委会大院，为村民宣讲禁毒知识。\n"
)
LEVEL_BEFORE_THE_KIND = (
    "全省警示教育大会召开\n"
    "5月6日，江西省纪委监委召开全省警示教育大会。省委组织部、省民政厅、人社厅、卫健厅有关负责同志参加会议。"
    "南昌市、九江市纪委监委作交流发言。\n"
)
BANK_COMPANY = (
    "法院开展集中执行行动\n"
    "近日，瑞安市人民法院联合市公安局开展集中执行行动。浙江瑞安农村商业银行股份有限公司协助查控存款。\n"
)
HOSPITALS_LISTED = (
    "全市危化品泄漏事故应急演练举行\n"
    "5月12日，远山市应急管理局组织开展危化品泄漏事故应急演练。远山石化有限公司、市人民医院、市第二人民医院、"
    "中国石化远山分公司等6家单位参加演练。\n"
)
MEMBER_UNITS_SPOKE = (
    "县医共体建设推进会召开\n"
    "近日，宁海县卫生健康局召开医共体建设推进会。宁海县第一医院、宁海县中医医院、桥头胡街道社区卫生服务中心"
    "和长街镇卫生院等8家成员单位作交流发言。\n"
)
CASES_NOTICE = (
    "县纪委监委通报3起典型问题\n"
    "近日，宁海县纪委监委通报3起违反中央八项规定精神典型问题。1.长街镇财政所所长李某某违规发放津补贴问题。"
    "2.县交通运输局下属单位负责人张某违规公款吃喝问题。县审计局配合开展了核查。\n"
)
WORKING_WITH_TOWNSHIPS = (
    "县公安局开展沿海治安巡查\n"
    "近日，宁海县公安局协同长街镇、力洋镇开展沿海治安巡查。该县主动融入长三角协同发展大局。"
    "下一步，县公安局将协同县交通运输局开展整治。\n"
)

VECTORS = [
    FieldVector(
        "units-partners-after-协同",
        "units",
        WORKING_WITH_TOWNSHIPS,
        must_include=("长街镇", "力洋镇"),
        must_not_include=("发展大局", "县交通运输局"),
    ),
    FieldVector(
        "units-workplace-of-an-anonymised-person-is-no-unit",
        "units",
        CASES_NOTICE,
        must_include=("县审计局",),
        must_not_include=("县交通运输局", "长街镇财政所"),
    ),
    FieldVector(
        "units-similar-names-in-one-list-are-two-bodies",
        "units",
        HOSPITALS_LISTED,
        must_include=("市人民医院", "市第二人民医院", "远山石化有限公司", "中国石化远山分公司"),
    ),
    FieldVector(
        "units-member-units-spoke-last-item-kept",
        "units",
        MEMBER_UNITS_SPOKE,
        must_include=("宁海县第一医院", "宁海县中医医院", "桥头胡街道社区卫生服务中心", "长街镇卫生院"),
        must_not_include=("桥头胡街道社",),
    ),
    FieldVector(
        "units-grassroots-bodies-and-a-company",
        "units",
        GRASSROOTS_BODIES,
        must_include=("县教育局", "跃龙街道办事处", "城东村村委会", "宁海县自来水有限公司"),
        must_not_include=("桃源村村委会",),  # the courtyard where the talk was given
    ),
    FieldVector(
        "units-level-word-before-the-shared-kind",
        "units",
        LEVEL_BEFORE_THE_KIND,
        must_include=("南昌市纪委监委", "九江市纪委监委", "省人社厅", "省卫健厅"),
        must_not_include=("九江纪委监委", "卫健厅"),
    ),
    FieldVector(
        "units-bank-with-its-registered-company-form",
        "units",
        BANK_COMPANY,
        must_include=("浙江瑞安农村商业银行股份有限公司",),
        must_not_include=("浙江瑞安农村商业银行",),
    ),
    FieldVector(
        "units-township-whose-official-speaks",
        "units",
        TOWNSHIP_SPEAKERS,
        must_include=("石门桥镇", "桐林村"),
        must_not_include=("各乡镇", "乡镇"),
    ),
    FieldVector(
        "units-parties-before-与-sign-too",
        "units",
        ZONES_SIGNING,
        must_include=("临江城市工业园区", "临江工业园区", "临江现代物流发展区", "区委", "区政府"),
        must_not_include=("各镇", "街道", "会上各镇"),
    ),
    FieldVector(
        "units-a-body-signing-with-another",
        "units",
        BODIES_SIGNING,
        must_include=("宁海经济开发区管委会", "宁波银行宁海支行"),
    ),
    FieldVector(
        "units-stations-named-by-their-place",
        "units",
        STATIONS_BY_PLACE,
        must_include=("七宝派出所", "莘庄司法所"),
        must_not_include=("辖区派出所", "当地派出所", "派出所"),
    ),
    FieldVector(
        "units-special-courts",
        "units",
        SPECIAL_COURTS,
        must_include=("沈阳市中级人民法院", "大连海事法院"),
    ),
    FieldVector(
        "units-league-committee-keeps-its-own-level",
        "units",
        LEAGUE_IN_PARTNERS,
        must_include=("团县委", "县教育局", "县妇联"),
        must_not_include=("县团县委",),
    ),
    FieldVector(
        "units-stations-assisting-a-lead-unit",
        "units",
        STATIONS_ASSISTING,
        must_include=("鳌江派出所", "萧江派出所", "昆阳派出所"),
        must_not_include=("昆阳派出所配合",),
    ),
    FieldVector(
        "units-an-item-naming-its-own-place",
        "units",
        OWN_PLACE_IN_A_SHARED_LIST,
        must_include=("区工商联", "东城商会"),
        must_not_include=("区东城商会",),
    ),
    FieldVector(
        "people-two-character-name-ending-in-and",
        "people",
        OWN_PLACE_IN_A_SHARED_LIST,
        must_include=("李和|区政协副主席",),
    ),
    FieldVector(
        "units-leaders-listed-by-post-are-no-units",
        "units",
        LEADERS_ON_THE_PLATFORM,
        must_not_include=("区人大常委会", "区政协"),
    ),
    FieldVector(
        "units-township-closing-a-list-of-bodies",
        "units",
        TOWNSHIP_IN_LIST,
        must_include=("县消防救援大队", "县水利局", "县卫健局", "城关镇"),
        must_not_include=("和城关镇",),
    ),
    FieldVector(
        "units-township-before-etc",
        "units",
        TOWNSHIP_IN_LIST_ETC,
        must_include=("县应急管理局", "县消防救援大队", "桥头胡街道"),
    ),
    FieldVector(
        "units-partners-before-a-measure",
        "units",
        PARTNERS_BEFORE_A_MEASURE,
        must_include=("平湖海关", "港区边检站", "县税务局", "县市场监管局"),
    ),
    FieldVector(
        "units-office-in-a-post-is-no-unit",
        "units",
        OFFICE_IN_A_POST,
        must_not_include=("县水利局", "县水利局防汛指挥中心"),
    ),
    FieldVector(
        "people-office-with-a-verb-in-its-name",
        "people",
        OFFICE_IN_A_POST,
        must_include=("骆文涛|县水利局防汛指挥中心主任", "林哲|县融媒体中心技术骨干"),
    ),
    FieldVector(
        "units-port-organs",
        "units",
        PORT_ORGANS,
        must_include=("宁波出入境边防检查站", "宁波海事局"),
        must_not_include=("宁波海关",),  # the organizer
    ),
    FieldVector(
        "units-port-speakers",
        "units",
        PORT_SPEAKERS,
        must_include=("舟山海关", "舟山边检站", "舟山海事局", "舟山市港航和口岸管理局"),
        must_not_include=("山海关边检站",),
    ),
    FieldVector(
        "units-port-attendees",
        "units",
        PORT_ATTENDEES,
        must_include=("温州海关", "温州海事局"),
    ),
    FieldVector(
        "units-peoples-bodies",
        "units",
        PEOPLES_BODIES,
        must_include=("团市委", "市妇联", "市总工会", "市红十字会"),
    ),
    FieldVector(
        "units-county-peoples-bodies",
        "units",
        COUNTY_BODIES,
        must_include=("团县委", "县红十字会"),
        must_not_include=("宁海县妇联",),
    ),
    FieldVector(
        "units-second-name-in-brackets",
        "units",
        SECOND_NAME,
        must_include=("县公安局",),
        must_not_include=("县知识产权局", "宁海县市场监督管理局"),
    ),
    FieldVector(
        "units-second-name-office",
        "units",
        SECOND_NAME_OFFICE,
        must_include=("市交通运输局",),
        must_not_include=("市安委会办公室",),
    ),
    FieldVector(
        "units-second-name-partner",
        "units",
        SECOND_NAME_PARTNER,
        must_include=("县财政局",),
        must_not_include=("县乡村振兴局",),
    ),
    FieldVector(
        "units-organizer-written-short-in-the-headline",
        "units",
        SHORT_ORGANIZER,
        must_include=("市教育局", "市卫健委"),
        must_not_include=("远山市市场监督管理局",),
    ),
    FieldVector(
        "organizer-written-in-full-in-the-text",
        "organizer",
        SHORT_ORGANIZER,
        exact="远山市市场监督管理局",
    ),
    FieldVector(
        "units-partner-list-runs-into-the-joint-action",
        "units",
        JOINT_TEAM_AFTER_LIST,
        must_include=("市自然资源和规划局",),
        must_not_include=("青江航道管理处成立联合专班",),
    ),
]


@pytest.mark.parametrize("vector", VECTORS, ids=[v.id for v in VECTORS])
def test_field_vector(vector: FieldVector, tmp_path) -> None:
    run_vector(vector, tmp_path)
